import { z } from 'zod';
import { mobilePhoneSchema, pageQuerySchema, versionSchema } from './common';
import { entryStatuses, seasonStages, voteSessionStatuses } from './market-domain';

/**
 * The project competition (项目竞赛): seasons and their stages, entries, judges with rubric
 * scores and recusals, worker representatives' votes, and the combined result.
 */
const ref = z.object({ id: z.uuid(), name: z.string() });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const isoSchema = z.iso.datetime({ offset: true });

/** A provider's deliveries, ratings and earlier entries: what next season's reviewers look at. */
export const trackRecordSchema = z.object({
  deliveredOrders: z.number().int(),
  attendance: z.number().int(),
  ratingAverage: z.number().nullable(),
  ratingCount: z.number().int(),
  declinedOrders: z.number().int(),
  /** Earlier competition entries and how they ended. */
  entries: z.array(z.object({ seasonId: z.uuid(), seasonTitle: z.string(), year: z.number().int(), projectTitle: z.string(), status: z.string(), prize: z.number().int().nullable() })),
  recentComments: z.array(z.object({ rating: z.number().int(), comment: z.string(), union: z.string().nullable(), at: z.string() })),
});
export type TrackRecord = z.infer<typeof trackRecordSchema>;

export const marketRubricCriterionSchema = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,31}$/, { error: 'FIELD_FORMAT' }),
  name: text(1, 30),
  nameEn: text(0, 60).optional(),
  weight: z.number().positive().max(100),
  max: z.number().positive().max(1000),
});
export type MarketRubricCriterion = z.infer<typeof marketRubricCriterionSchema>;

// ---------------------------------------------------------------- seasons
const seasonFields = {
  title: text(2, 80),
  callOpensAt: isoSchema,
  callClosesAt: isoSchema,
  reviewDueAt: isoSchema.nullable().optional(),
  roadshowAt: isoSchema.nullable().optional(),
  finalAt: isoSchema.nullable().optional(),
  rubric: z.array(marketRubricCriterionSchema).min(1).max(12).optional(),
  normalizeScores: z.boolean().optional(),
  /** Percent of the combined score from the experts; the rest from the votes. */
  expertWeight: z.number().int().min(0).max(100).optional(),
  votesPerRep: z.number().int().min(1).max(50).optional(),
  prizeTiers: z.array(z.number().int().min(0).max(50)).min(1).max(5).optional(),
};
export const createSeasonSchema = z.strictObject({ orgId: z.uuid(), year: z.number().int().min(2000).max(2100), ...seasonFields });
export type CreateSeason = z.infer<typeof createSeasonSchema>;
export const updateSeasonSchema = z.strictObject({ version: versionSchema, ...seasonFields, title: seasonFields.title.optional(), callOpensAt: isoSchema.optional(), callClosesAt: isoSchema.optional() });
export type UpdateSeason = z.infer<typeof updateSeasonSchema>;
export const advanceStageSchema = z.strictObject({ version: versionSchema, to: z.enum(seasonStages) });

export const seasonSchema = z.object({
  id: z.uuid(),
  org: ref,
  year: z.number().int(),
  title: z.string(),
  stage: z.enum(seasonStages),
  callOpensAt: z.string(),
  callClosesAt: z.string(),
  reviewDueAt: z.string().nullable(),
  roadshowAt: z.string().nullable(),
  finalAt: z.string().nullable(),
  /** Whether submissions are accepted right now (the call is open by its dates). */
  isCallOpen: z.boolean(),
  rubric: z.array(marketRubricCriterionSchema),
  normalizeScores: z.boolean(),
  expertWeight: z.number().int(),
  votesPerRep: z.number().int(),
  prizeTiers: z.array(z.number().int()),
  currentEntryId: z.uuid().nullable(),
  confirmedAt: z.string().nullable(),
  revealedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  counts: z.object({ entries: z.number().int(), passed: z.number().int(), finalists: z.number().int(), judges: z.number().int(), reps: z.number().int(), votes: z.number().int() }),
  version: z.number().int(),
});
export type Season = z.infer<typeof seasonSchema>;
/** Staff see the screen key (the roadshow screen's link with the check-in code). */
export const seasonDetailSchema = seasonSchema.extend({ screenKey: z.string().optional() });
export type SeasonDetail = z.infer<typeof seasonDetailSchema>;
export const listSeasonsQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), stage: z.enum(seasonStages).optional() });
/** What a provider sees of a season: enough to enter it. */
export const openSeasonSchema = z.object({ id: z.uuid(), title: z.string(), year: z.number().int(), org: ref, stage: z.enum(seasonStages), callOpensAt: z.string(), callClosesAt: z.string(), isCallOpen: z.boolean() });

// ---------------------------------------------------------------- entries
export const entrySchema = z.object({
  id: z.uuid(),
  seasonId: z.uuid(),
  number: z.number().int(),
  project: z.object({ id: z.uuid(), code: z.string(), title: z.string(), category: z.string() }),
  versionId: z.uuid(),
  provider: ref,
  status: z.enum(entryStatuses),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  pitchOrder: z.number().int().nullable(),
  submittedAt: z.string(),
  version: z.number().int(),
});
export type Entry = z.infer<typeof entrySchema>;
export const listEntriesQuerySchema = pageQuerySchema.extend({ status: z.enum(entryStatuses).optional(), q: z.string().trim().max(50).optional() });
export const submitEntrySchema = z.strictObject({ projectId: z.uuid() });
export const reviewEntrySchema = z.strictObject({ version: versionSchema, decision: z.enum(['pass', 'fail']), reason: text(0, 500).optional() });
export const setFinalistSchema = z.strictObject({ version: versionSchema, isFinalist: z.boolean(), pitchOrder: z.number().int().min(1).max(500).nullable().optional() });

// ---------------------------------------------------------------- judges, assignments, recusals, scores
export const judgeSchema = z.object({
  id: z.uuid(),
  seasonId: z.uuid(),
  name: z.string(),
  affiliation: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  status: z.enum(['active', 'removed']),
  assigned: z.number().int(),
  sealed: z.number().int(),
  recusals: z.number().int(),
});
export type Judge = z.infer<typeof judgeSchema>;
export const inviteJudgeSchema = z.strictObject({ phone: mobilePhoneSchema, name: text(2, 40), affiliation: text(0, 80).nullable().optional() });
export const assignmentSchema = z.strictObject({ judgeId: z.uuid(), entryId: z.uuid(), isAssigned: z.boolean() });
export const recusalInputSchema = z.strictObject({ judgeId: z.uuid(), entryId: z.uuid(), reason: text(2, 300) });
export const recuseSelfSchema = z.strictObject({ reason: text(2, 300) });
export const reopenScoreSchema = z.strictObject({ reason: text(2, 300) });

export const scoreSheetSchema = z.object({
  id: z.uuid().nullable(),
  points: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  status: z.enum(['none', 'draft', 'sealed']),
  sealedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export const saveScoreSchema = z.strictObject({
  points: z.record(z.string().max(32), z.number()),
  comment: text(0, 1000).nullable().optional(),
  /** true: seal the sheet (提交); it cannot be changed afterwards without staff reopening it. */
  seal: z.boolean(),
  version: z.number().int().min(1).nullable().optional(),
});
export type SaveScore = z.infer<typeof saveScoreSchema>;

/** The staff's overview: one cell per judge and entry. */
export const scoreMatrixSchema = z.object({
  judges: z.array(z.object({ id: z.uuid(), name: z.string() })),
  entries: z.array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string() })),
  cells: z.array(
    z.object({
      judgeId: z.uuid(),
      entryId: z.uuid(),
      isAssigned: z.boolean(),
      state: z.enum(['none', 'draft', 'sealed', 'recused']),
      scoreId: z.uuid().nullable(),
      total: z.number().nullable(),
      recusal: z.object({ by: z.enum(['judge', 'staff']), reason: z.string() }).nullable(),
    }),
  ),
});

/** The judge's phone: seasons and the entries assigned to them. */
export const judgingOverviewSchema = z.object({
  seasons: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      stage: z.enum(seasonStages),
      isScoringOpen: z.boolean(),
      rubric: z.array(marketRubricCriterionSchema),
      entries: z.array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string(), provider: z.string(), pitchOrder: z.number().int().nullable(), state: z.enum(['none', 'draft', 'sealed', 'recused']), total: z.number().nullable() })),
    }),
  ),
});
export const judgingEntrySchema = z.object({
  season: z.object({ id: z.uuid(), title: z.string(), isScoringOpen: z.boolean(), rubric: z.array(marketRubricCriterionSchema) }),
  entry: z.object({
    id: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    category: z.string(),
    description: z.string(),
    formats: z.array(z.string()),
    targetGroups: z.array(z.string()),
    priceFen: z.number().int(),
    priceUnit: z.string(),
    capacity: z.number().int(),
    durationMinutes: z.number().int(),
    photoIds: z.array(z.uuid()),
    provider: z.object({ id: z.uuid(), name: z.string(), type: z.string() }),
  }),
  trackRecord: trackRecordSchema,
  sheet: scoreSheetSchema,
  recusal: z.object({ by: z.enum(['judge', 'staff']), reason: z.string() }).nullable(),
});

// ---------------------------------------------------------------- representatives and voting
export const repSchema = z.object({ id: z.uuid(), name: z.string(), union: ref, votesUsed: z.number().int(), voteLimit: z.number().int(), checkedIn: z.array(z.string()), createdAt: z.string() });
export type Rep = z.infer<typeof repSchema>;
export const addRepsSchema = z.strictObject({ membershipIds: z.array(z.uuid()).min(1).max(500) });
export const addRepsResultSchema = z.object({ added: z.number().int(), skipped: z.array(z.object({ membershipId: z.uuid(), reason: z.string() })) });

export const voteSessionSchema = z.object({ id: z.uuid(), seasonId: z.uuid(), venue: z.string(), status: z.enum(voteSessionStatuses), openedAt: z.string().nullable(), closedAt: z.string().nullable(), checkins: z.number().int(), votes: z.number().int() });
export type VoteSession = z.infer<typeof voteSessionSchema>;
export const createVoteSessionSchema = z.strictObject({ venue: text(2, 40) });
export const checkinCodeSchema = z.object({ code: z.string(), url: z.string(), expiresInSeconds: z.number().int() });
export const setCurrentEntrySchema = z.strictObject({ entryId: z.uuid().nullable() });
export const paperTallySchema = z.strictObject({ venue: text(2, 40), counts: z.array(z.object({ entryId: z.uuid(), votes: z.number().int().min(0).max(100_000) })).min(1).max(200) });

export const checkinSchema = z.strictObject({ sessionId: z.uuid(), code: z.string().trim().min(4).max(80) });
export const castVoteSchema = z.strictObject({ entryId: z.uuid() });
export const votingViewSchema = z.object({
  session: z.object({ id: z.uuid(), venue: z.string(), status: z.enum(voteSessionStatuses) }),
  season: z.object({ id: z.uuid(), title: z.string(), votesPerRep: z.number().int() }),
  isCheckedIn: z.boolean(),
  votesLeft: z.number().int(),
  entries: z.array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string(), provider: z.string(), pitchOrder: z.number().int().nullable(), isVoted: z.boolean(), isPitching: z.boolean() })),
});
export type VotingView = z.infer<typeof votingViewSchema>;
export const myVotingSchema = z.object({ items: z.array(z.object({ seasonId: z.uuid(), title: z.string(), stage: z.enum(seasonStages), votesUsed: z.number().int(), voteLimit: z.number().int(), sessions: z.array(z.object({ id: z.uuid(), venue: z.string(), status: z.enum(voteSessionStatuses), isCheckedIn: z.boolean() })) })) });

// ---------------------------------------------------------------- results
export const resultRowSchema = z.object({
  entryId: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  provider: z.string(),
  expert: z.number().nullable(),
  expertRaw: z.number().nullable(),
  judgesCounted: z.number().int(),
  recused: z.number().int(),
  droppedTotals: z.array(z.number()),
  onlineVotes: z.number().int(),
  paperVotes: z.number().int(),
  votes: z.number().int(),
  votesScore: z.number(),
  combined: z.number(),
  rank: z.number().int(),
  isTieBroken: z.boolean(),
  /** What the rules give; `prize` is what was confirmed (an override differs, with its reason). */
  computedPrize: z.number().int().nullable(),
  prize: z.number().int().nullable(),
  overrideReason: z.string().nullable(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;
export const seasonResultsSchema = z.object({
  seasonId: z.uuid(),
  normalized: z.boolean(),
  expertWeight: z.number().int(),
  prizeTiers: z.array(z.number().int()),
  tieRule: z.string(),
  /** Votes per venue (online sessions and paper ballots). */
  venues: z.array(z.object({ venue: z.string(), kind: z.enum(['online', 'paper']), votes: z.number().int() })),
  rows: z.array(resultRowSchema),
  /** Sealed sheets still missing (assigned, not recused, not sealed). */
  missingSheets: z.number().int(),
  confirmed: z.object({ at: z.string(), by: z.string().nullable(), matchesInputs: z.boolean() }).nullable(),
  revealedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type SeasonResults = z.infer<typeof seasonResultsSchema>;
export const confirmResultsSchema = z.strictObject({
  version: versionSchema,
  overrides: z.array(z.object({ entryId: z.uuid(), prize: z.number().int().min(1).max(5).nullable(), reason: text(4, 500) })).max(50).default([]),
});
export type ConfirmResults = z.input<typeof confirmResultsSchema>;

// ---------------------------------------------------------------- the roadshow screen (public)
export const roadshowSchema = z.object({
  season: z.object({ id: z.uuid(), title: z.string(), year: z.number().int(), org: z.string(), stage: z.enum(seasonStages) }),
  current: z.object({ entryId: z.uuid(), number: z.number().int(), title: z.string(), provider: z.string(), category: z.string() }).nullable(),
  finalists: z.array(z.object({ entryId: z.uuid(), number: z.number().int(), title: z.string(), provider: z.string(), pitchOrder: z.number().int().nullable(), votes: z.number().int(), onlineVotes: z.number().int() })),
  totalVotes: z.number().int(),
  voting: z.object({ isOpen: z.boolean(), venues: z.array(z.string()) }),
  /** Only with the screen key and while a session is open. */
  checkin: z.object({ sessionId: z.uuid(), venue: z.string(), code: z.string(), url: z.string(), expiresInSeconds: z.number().int() }).nullable(),
  /** Only after the moderator revealed the results. */
  ranking: z.array(z.object({ entryId: z.uuid(), rank: z.number().int(), title: z.string(), provider: z.string(), prize: z.number().int().nullable(), expert: z.number().nullable(), votes: z.number().int(), combined: z.number() })).nullable(),
  at: z.string(),
});
export type Roadshow = z.infer<typeof roadshowSchema>;
export const roadshowQuerySchema = z.object({ k: z.string().max(80).optional() });

/** One live event on the roadshow stream (LISTEN/NOTIFY → SSE). */
export type RoadshowEvent =
  | { kind: 'vote'; id: string; seasonId: string; entryId: string; votes: number; at: string }
  | { kind: 'state'; id: string; seasonId: string; at: string };
