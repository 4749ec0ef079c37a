import { z } from 'zod';

/**
 * 技能竞赛 (issue 13 point 8): judges score a skill-competition event's entrants (its confirmed
 * registrations) on a weighted rubric; the marketplace's scoring code (server platform/rubric)
 * excludes recusals, takes the trimmed mean, ranks with a stated tie rule and gives prizes.
 */
export const contestStatuses = ['setup', 'scoring', 'closed'] as const;
export type ContestStatus = (typeof contestStatuses)[number];
export const prizeModes = ['count', 'percent'] as const;
export type PrizeMode = (typeof prizeModes)[number];

export const contestCriterionSchema = z.strictObject({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,31}$/),
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().max(60).optional(),
  weight: z.number().positive().max(100),
  max: z.number().positive().max(1000),
});
export type ContestCriterion = z.infer<typeof contestCriterionSchema>;

export const contestSetupSchema = z.strictObject({
  version: z.number().int().min(0),
  criteria: z.array(contestCriterionSchema).min(1).max(12),
  /** count: 一/二/三等奖 to the top N each (e.g. 1, 3, 5); percent: to that share of the scored entrants. */
  prizeMode: z.enum(prizeModes).default('count'),
  prizeTiers: z.array(z.number().int().min(0).max(1000)).min(1).max(3),
  judgeIds: z.array(z.uuid()).min(1).max(30),
});
export type ContestSetup = z.infer<typeof contestSetupSchema>;

export const contestResultSchema = z.object({
  registrationId: z.uuid(),
  entryNo: z.number().int(),
  name: z.string(),
  unionName: z.string().nullable(),
  /** Trimmed mean of the counted sheets (0..100), null when nobody scored. */
  score: z.number().nullable(),
  counted: z.number().int(),
  recused: z.number().int(),
  rank: z.number().int(),
  /** 1 = 一等奖, 2 = 二等奖, 3 = 三等奖; null: no prize. */
  prize: z.number().int().nullable(),
  isTieBroken: z.boolean(),
});
export type ContestResult = z.infer<typeof contestResultSchema>;

export const contestSchema = z.object({
  eventId: z.uuid(),
  title: z.string(),
  status: z.enum(contestStatuses),
  criteria: z.array(contestCriterionSchema),
  prizeMode: z.enum(prizeModes),
  prizeTiers: z.array(z.number().int()),
  judges: z.array(z.object({ userId: z.uuid(), name: z.string(), sheets: z.number().int(), recusals: z.number().int() })),
  entrants: z.number().int(),
  /** Sheets are sealed: results only once scoring is closed. */
  results: z.array(contestResultSchema).nullable(),
  tieRule: z.string(),
  version: z.number().int(),
});
export type Contest = z.infer<typeof contestSchema>;

export const judgeContestSchema = z.object({
  eventId: z.uuid(),
  title: z.string(),
  criteria: z.array(contestCriterionSchema),
  entrants: z.array(
    z.object({
      registrationId: z.uuid(),
      entryNo: z.number().int(),
      name: z.string(),
      unionName: z.string().nullable(),
      /** The judge's own sheet (sealed: others' are never shown). */
      mine: z.object({ points: z.record(z.string(), z.number()).nullable(), total: z.number().nullable(), isRecused: z.boolean() }).nullable(),
    }),
  ),
});
export type JudgeContest = z.infer<typeof judgeContestSchema>;

export const contestSheetInputSchema = z.strictObject({ registrationId: z.uuid(), points: z.record(z.string(), z.number()) });
export type ContestSheetInput = z.infer<typeof contestSheetInputSchema>;
export const contestRecusalInputSchema = z.strictObject({ registrationId: z.uuid(), reason: z.string().trim().min(2).max(200) });
export type ContestRecusalInput = z.infer<typeof contestRecusalInputSchema>;
