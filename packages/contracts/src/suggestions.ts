import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/**
 * 合理化建议 (rationalisation suggestions, PRODUCT.md part 10; seed 000/001: Jiangbei's workers made
 * 12,000+ suggestions). A worker submits one to their own union with a category and photos; the
 * union reviews it, may forward it to the employer, and records whether it was adopted, the benefit
 * it brought (yuan saved in fen, working hours saved) and the reward paid. Every step carries a note
 * the worker reads on the phone.
 */
export const SUGGESTION_CATEGORIES = ['process', 'quality', 'safety', 'energy', 'management', 'welfare', 'other'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];
export const SUGGESTION_STATUSES = ['submitted', 'reviewing', 'forwarded', 'adopted', 'declined'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
/** Steps staff take; `benefit` records (or corrects) the benefit and reward of an adopted suggestion. */
export const SUGGESTION_STEPS = ['review', 'forward', 'adopt', 'decline', 'benefit'] as const;
export type SuggestionStepKind = (typeof SUGGESTION_STEPS)[number] | 'submitted';
export const MAX_SUGGESTION_PHOTOS = 6;
/** 1 亿元 in fen: far above any believable saving, low enough that sums stay exact in a bigint. */
const MAX_FEN = 10_000_000_000;

const text = (max: number) => z.string().trim().min(1).max(max);
const fen = z.number().int().min(0).max(MAX_FEN);

export const createSuggestionSchema = z.strictObject({
  title: text(100),
  category: z.enum(SUGGESTION_CATEGORIES),
  /** The present state and the proposal. */
  body: text(4000),
  photoIds: z.array(z.uuid()).max(MAX_SUGGESTION_PHOTOS).default([]),
});
export type CreateSuggestion = z.infer<typeof createSuggestionSchema>;

export const suggestionStepSchema = z.object({
  kind: z.enum([...SUGGESTION_STEPS, 'submitted']),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type SuggestionStep = z.infer<typeof suggestionStepSchema>;

/** What the worker sees of their own suggestion. */
export const mySuggestionSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  category: z.enum(SUGGESTION_CATEGORIES),
  body: z.string(),
  photoIds: z.array(z.uuid()),
  orgName: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  benefitFen: z.number().int().nullable(),
  benefitHours: z.number().int().nullable(),
  rewardFen: z.number().int().nullable(),
  createdAt: z.string(),
  steps: z.array(suggestionStepSchema),
});
export type MySuggestion = z.infer<typeof mySuggestionSchema>;

/** The console's row: who made it is shown (suggestions are not anonymous), with the union and employer. */
export const suggestionSchema = mySuggestionSchema.omit({ steps: true }).extend({
  orgId: z.uuid(),
  submitterName: z.string(),
  forwardedTo: z.string().nullable(),
  adoptedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionDetailSchema = suggestionSchema.extend({ steps: z.array(suggestionStepSchema) });
export type SuggestionDetail = z.infer<typeof suggestionDetailSchema>;

export const listSuggestionsQuerySchema = pageQuerySchema.extend({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  category: z.enum(SUGGESTION_CATEGORIES).optional(),
  orgId: z.uuid().optional().describe('this union and those below it'),
  q: z.string().trim().max(50).optional().describe('words in the title, or the number (JY000123)'),
});

/**
 * One step. `note` is required to decline (why) and to forward (to whom, `forwardedTo`); `adopt`
 * and `benefit` may carry the benefit and the reward. The version guards against two staff at once.
 */
export const suggestionStepInputSchema = z.strictObject({
  version: versionSchema,
  note: z.string().trim().max(1000).optional(),
  forwardedTo: z.string().trim().min(1).max(100).optional(),
  benefitFen: fen.optional(),
  benefitHours: z.number().int().min(0).max(10_000_000).optional(),
  rewardFen: fen.optional(),
});
export type SuggestionStepInput = z.infer<typeof suggestionStepInputSchema>;

export const suggestionFiguresQuerySchema = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional(), orgId: z.uuid().optional() });
const suggestionCounts = z.object({
  submitted: z.number().int(),
  adopted: z.number().int(),
  benefitFen: z.number().int(),
  benefitHours: z.number().int(),
  rewardFen: z.number().int(),
});
export const suggestionFiguresSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  totals: suggestionCounts.extend({ open: z.number().int() }),
  byCategory: z.array(suggestionCounts.extend({ category: z.enum(SUGGESTION_CATEGORIES) })),
  byOrg: z.array(suggestionCounts.extend({ orgId: z.uuid(), orgName: z.string() })),
});
export type SuggestionFigures = z.infer<typeof suggestionFiguresSchema>;
