import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { membership, person } from '../members/members.tables';
import { org } from '../orgs/orgs.tables';
import { marketProject, marketProjectVersion, marketProvider, tstz } from './market.tables';

/**
 * A season of the project competition (项目竞赛) of a district: its stage, the dates of each
 * stage, the rubric and the rules of the result. `confirmed_result` is the ranking staff
 * confirmed (with the reason of any override); it is hidden until `revealed_at`.
 */
export const marketSeason = pgTable(
  'market_season',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    stage: text('stage').notNull().default('draft'),
    callOpensAt: tstz('call_opens_at').notNull(),
    callClosesAt: tstz('call_closes_at').notNull(),
    reviewDueAt: tstz('review_due_at'),
    roadshowAt: tstz('roadshow_at'),
    finalAt: tstz('final_at'),
    rubric: jsonb('rubric').notNull(),
    normalizeScores: boolean('normalize_scores').notNull().default(false),
    expertWeight: integer('expert_weight').notNull().default(70),
    votesPerRep: integer('votes_per_rep').notNull().default(3),
    prizeTiers: integer('prize_tiers').array().notNull().default(sql`'{1,3,5}'::int[]`),
    /** Opens the roadshow screen with the check-in code on it (`?k=`); without it the code is not shown. */
    screenKey: text('screen_key').notNull(),
    currentEntryId: uuid('current_entry_id'),
    confirmedResult: jsonb('confirmed_result'),
    confirmedAt: tstz('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => appUser.id),
    revealedAt: tstz('revealed_at'),
    publishedAt: tstz('published_at'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('market_season_org_idx').on(t.orgId, t.year),
    check('market_season_stage_check', sql`${t.stage} in ('draft','call','review','roadshow','final','published')`),
    check('market_season_dates_check', sql`${t.callOpensAt} < ${t.callClosesAt}`),
    check('market_season_weights_check', sql`${t.expertWeight} between 0 and 100 and ${t.votesPerRep} between 1 and 50`),
  ],
);

/** A project entered in a season, with the version as it was submitted. */
export const marketEntry = pgTable(
  'market_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => marketProject.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => marketProjectVersion.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => marketProvider.id),
    number: integer('number').notNull(),
    status: text('status').notNull().default('submitted'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedAt: tstz('reviewed_at'),
    pitchOrder: integer('pitch_order'),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_entry_project_unique').on(t.seasonId, t.projectId),
    uniqueIndex('market_entry_number_unique').on(t.seasonId, t.number),
    index('market_entry_provider_idx').on(t.providerId),
    check('market_entry_status_check', sql`${t.status} in ('submitted','passed','failed','finalist','withdrawn')`),
  ],
);

/** A judge (评委) invited to a season: an account signing in by phone code. */
export const marketJudge = pgTable(
  'market_judge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    name: text('name').notNull(),
    affiliation: text('affiliation'),
    status: text('status').notNull().default('active'),
    invitedBy: uuid('invited_by').references(() => appUser.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('market_judge_user_unique').on(t.seasonId, t.userId), check('market_judge_status_check', sql`${t.status} in ('active','removed')`)],
);

/** Which judge scores which entry. */
export const marketAssignment = pgTable(
  'market_assignment',
  {
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => marketJudge.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => marketEntry.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.judgeId, t.entryId] }), index('market_assignment_entry_idx').on(t.entryId)],
);

/** A conflict of interest: the judge's score of the entry counts nowhere. */
export const marketRecusal = pgTable(
  'market_recusal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => marketJudge.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => marketEntry.id),
    declaredBy: text('declared_by').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('market_recusal_unique').on(t.judgeId, t.entryId), check('market_recusal_by_check', sql`${t.declaredBy} in ('judge','staff')`)],
);

/** A judge's sheet for an entry: points per criterion and the weighted total; sealed on submit. */
export const marketScore = pgTable(
  'market_score',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => marketJudge.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => marketEntry.id),
    points: jsonb('points').notNull(),
    total: doublePrecision('total').notNull(),
    comment: text('comment'),
    status: text('status').notNull().default('draft'),
    sealedAt: tstz('sealed_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    reopenReason: text('reopen_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_score_unique').on(t.judgeId, t.entryId),
    index('market_score_season_idx').on(t.seasonId),
    check('market_score_status_check', sql`${t.status} in ('draft','sealed')`),
    check('market_score_total_check', sql`${t.total} >= 0 and ${t.total} <= 100`),
  ],
);

/**
 * A worker representative (职工代表) of a season: a member listed by their union. `vote_limit`
 * is the season's votes per representative; `votes_used` moves with each vote, and the check
 * keeps it within the limit even under concurrent votes.
 */
export const marketRep = pgTable(
  'market_rep',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    membershipId: uuid('membership_id').references(() => membership.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    voteLimit: integer('vote_limit').notNull(),
    votesUsed: integer('votes_used').notNull().default(0),
    listedBy: uuid('listed_by').references(() => appUser.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_rep_person_unique').on(t.seasonId, t.personId),
    index('market_rep_org_idx').on(t.orgId),
    check('market_rep_votes_check', sql`${t.votesUsed} >= 0 and ${t.votesUsed} <= ${t.voteLimit}`),
  ],
);

/** A voting session at a venue; the moderator opens and closes it. `secret` keys its rotating check-in codes. */
export const marketVoteSession = pgTable(
  'market_vote_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    venue: text('venue').notNull(),
    status: text('status').notNull().default('ready'),
    secret: text('secret').notNull(),
    openedAt: tstz('opened_at'),
    closedAt: tstz('closed_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('market_vote_session_venue_unique').on(t.seasonId, t.venue), check('market_vote_session_status_check', sql`${t.status} in ('ready','open','closed')`)],
);

export const marketCheckin = pgTable(
  'market_checkin',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => marketVoteSession.id),
    repId: uuid('rep_id')
      .notNull()
      .references(() => marketRep.id),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.repId] })],
);

/** One vote: a representative for an entry, at most one per entry (the unique index). */
export const marketVote = pgTable(
  'market_vote',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => marketVoteSession.id),
    repId: uuid('rep_id')
      .notNull()
      .references(() => marketRep.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => marketEntry.id),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('market_vote_rep_entry_unique').on(t.repId, t.entryId), index('market_vote_entry_idx').on(t.entryId)],
);

/** The running count of online votes per entry, moved in each vote's transaction (the screen reads it). */
export const marketVoteCount = pgTable('market_vote_count', {
  entryId: uuid('entry_id')
    .primaryKey()
    .references(() => marketEntry.id),
  seasonId: uuid('season_id')
    .notNull()
    .references(() => marketSeason.id),
  votes: integer('votes').notNull().default(0),
});

/** Paper ballots counted at another venue, entered by staff per venue and entry. */
export const marketPaperTally = pgTable(
  'market_paper_tally',
  {
    seasonId: uuid('season_id')
      .notNull()
      .references(() => marketSeason.id),
    venue: text('venue').notNull(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => marketEntry.id),
    votes: integer('votes').notNull(),
    enteredBy: uuid('entered_by').references(() => appUser.id),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.venue] }), index('market_paper_tally_season_idx').on(t.seasonId), check('market_paper_tally_votes_check', sql`${t.votes} >= 0`)],
);
