import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { event } from './events.tables';

/**
 * 赛事: a tournament played at a sport event (文体活动 of type sport), run by the event's organiser.
 * Slots are `slot_minutes` apart from `first_slot_at`, `slots_per_day` a day; `rest_slots` free
 * slots between two matches of a team. Points per win/draw/loss feed the standings.
 */
export const tournament = pgTable(
  'tournament',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    format: text('format').notNull(),
    groupCount: integer('group_count').notNull().default(4),
    advancePerGroup: integer('advance_per_group').notNull().default(2),
    courts: text('courts').array().notNull(),
    firstSlotAt: timestamp('first_slot_at', { withTimezone: true }).notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    slotsPerDay: integer('slots_per_day').notNull(),
    restSlots: integer('rest_slots').notNull().default(1),
    pointsWin: integer('points_win').notNull().default(3),
    pointsDraw: integer('points_draw').notNull().default(1),
    pointsLoss: integer('points_loss').notNull().default(0),
    rosterMin: integer('roster_min').notNull(),
    rosterMax: integer('roster_max').notNull(),
    status: text('status').notNull().default('registration'),
    championTeamId: uuid('champion_team_id'),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tournament_event_idx').on(t.eventId),
    check('tournament_format_check', sql`${t.format} in ('round_robin','single_elimination','groups_knockout')`),
    check('tournament_status_check', sql`${t.status} in ('registration','drawn','finished')`),
    check('tournament_roster_check', sql`${t.rosterMin} >= 1 and ${t.rosterMin} <= ${t.rosterMax}`),
  ],
);

/** A team entered by a union (its staff, or the organiser's): plays for `union_org_id`; players come from its subtree. */
export const tournamentTeam = pgTable(
  'tournament_team',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tournamentId: uuid('tournament_id')
      .notNull()
      .references(() => tournament.id, { onDelete: 'cascade' }),
    unionOrgId: uuid('union_org_id')
      .notNull()
      .references(() => org.id),
    unionPath: text('union_path').notNull(),
    name: text('name').notNull(),
    seed: integer('seed'),
    groupLabel: text('group_label'),
    registeredBy: uuid('registered_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tournament_team_name_unique').on(t.tournamentId, t.name), index('tournament_team_union_idx').on(t.tournamentId, t.unionPath)],
);

/**
 * A player on a team's roster: a member (membership + person, no foreign keys, as registrations).
 * One team per person and tournament — the unique key is the rule, whoever writes.
 */
export const tournamentPlayer = pgTable(
  'tournament_player',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tournamentId: uuid('tournament_id')
      .notNull()
      .references(() => tournament.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => tournamentTeam.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id').notNull(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('tournament_player_person_unique').on(t.tournamentId, t.personId), index('tournament_player_team_idx').on(t.teamId)],
);

/**
 * A match: a group match (stage group, its group's round) or a knockout match (round 1…, `idx`
 * its place in the round: the winner goes to round+1, idx/2, home when idx is even). A side not
 * known yet names its source ("A1", "W3"). `version` guards results and corrections.
 */
export const tournamentMatch = pgTable(
  'tournament_match',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tournamentId: uuid('tournament_id')
      .notNull()
      .references(() => tournament.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    groupLabel: text('group_label'),
    round: integer('round').notNull(),
    idx: integer('idx').notNull(),
    homeTeamId: uuid('home_team_id').references(() => tournamentTeam.id),
    awayTeamId: uuid('away_team_id').references(() => tournamentTeam.id),
    homeSource: text('home_source'),
    awaySource: text('away_source'),
    court: text('court'),
    slot: integer('slot'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    homeScore: integer('home_score'),
    awayScore: integer('away_score'),
    winnerTeamId: uuid('winner_team_id').references(() => tournamentTeam.id),
    status: text('status').notNull().default('scheduled'),
    playedAt: timestamp('played_at', { withTimezone: true }),
    enteredBy: uuid('entered_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tournament_match_place_idx').on(t.tournamentId, t.stage, t.round, t.idx),
    index('tournament_match_tournament_idx').on(t.tournamentId, t.slot),
    check('tournament_match_stage_check', sql`${t.stage} in ('group','knockout')`),
    check('tournament_match_status_check', sql`${t.status} in ('pending','scheduled','played','bye')`),
    check('tournament_match_score_check', sql`(${t.homeScore} is null) = (${t.awayScore} is null) and coalesce(${t.homeScore}, 0) >= 0 and coalesce(${t.awayScore}, 0) >= 0`),
  ],
);
