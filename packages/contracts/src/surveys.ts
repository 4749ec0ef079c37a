import { z } from 'zod';
import { employmentForms } from './domain';
import { projectCategories } from './market-domain';
import { pageQuerySchema, versionSchema } from './common';

/**
 * 需求调研 (needs surveys, issue 16 point 1; seed 000: "职工需求就是指南针"). Staff build a
 * questionnaire, publish it to an org subtree (optionally only some employment forms, e.g. the
 * new-employment-form workers) or to anyone holding a QR link; each worker answers once. An
 * anonymous survey keeps only "has answered" apart from the answers, so no answer can be linked to
 * the person. Staff publish chosen questions' results to respondents and link the top needs to
 * marketplace categories and events ("这是你们要的").
 */
export const SURVEY_QUESTION_KINDS = ['single', 'multi', 'scale', 'rank', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];
export const SURVEY_STATUSES = ['draft', 'published', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_AUDIENCES = ['org', 'qr'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];
export const MAX_SURVEY_QUESTIONS = 50;
export const MAX_SURVEY_OPTIONS = 20;
export const MAX_SURVEY_TEXT = 1000;
/** Cross-tab groups with fewer respondents than this are withheld on an anonymous survey (a small union must not reveal who said what). */
export const SURVEY_MIN_CELL = 5;

const key = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or -');
const label = (max: number) => z.string().trim().min(1).max(max);

export const surveyOptionSchema = z.strictObject({ id: key, label: label(100) });
export const surveyConditionSchema = z.strictObject({ questionId: key, anyOf: z.array(key).min(1).max(MAX_SURVEY_OPTIONS) });

export const surveyQuestionSchema = z.strictObject({
  id: key,
  kind: z.enum(SURVEY_QUESTION_KINDS),
  title: label(200),
  required: z.boolean().default(true),
  /** single, multi and rank: the choices (2–20). */
  options: z.array(surveyOptionSchema).max(MAX_SURVEY_OPTIONS).default([]),
  /** multi: at most this many ticked. */
  maxChoices: z.number().int().min(1).max(MAX_SURVEY_OPTIONS).optional(),
  /** scale: from min to max (e.g. 1–5), with words at the ends. */
  scale: z.strictObject({ min: z.number().int().min(0).max(1), max: z.number().int().min(2).max(10), minLabel: z.string().trim().max(20).default(''), maxLabel: z.string().trim().max(20).default('') }).optional(),
  /** Asked only when an earlier single or multiple choice was answered with one of these options. */
  showIf: surveyConditionSchema.optional(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

const CHOICE_KINDS: readonly SurveyQuestionKind[] = ['single', 'multi', 'rank'];

/** The whole questionnaire, checked as one: unique ids, options where needed, conditions pointing back to earlier choices. */
export const surveyQuestionsSchema = z
  .array(surveyQuestionSchema)
  .min(1)
  .max(MAX_SURVEY_QUESTIONS)
  .superRefine((qs, ctx) => {
    const seen = new Map<string, SurveyQuestion>();
    qs.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'SURVEY_DUPLICATE_ID' });
      if (CHOICE_KINDS.includes(q.kind)) {
        if (q.options.length < 2) ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'SURVEY_OPTIONS_NEEDED' });
        if (new Set(q.options.map((o) => o.id)).size !== q.options.length) ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'SURVEY_DUPLICATE_ID' });
      } else if (q.options.length) ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'SURVEY_OPTIONS_NOT_ALLOWED' });
      if (q.kind === 'scale' && !q.scale) ctx.addIssue({ code: 'custom', path: [i, 'scale'], message: 'SURVEY_SCALE_NEEDED' });
      if (q.showIf) {
        const target = seen.get(q.showIf.questionId);
        if (!target || (target.kind !== 'single' && target.kind !== 'multi')) ctx.addIssue({ code: 'custom', path: [i, 'showIf', 'questionId'], message: 'SURVEY_CONDITION_TARGET' });
        else if (q.showIf.anyOf.some((o) => !target.options.some((t) => t.id === o))) ctx.addIssue({ code: 'custom', path: [i, 'showIf', 'anyOf'], message: 'SURVEY_CONDITION_OPTION' });
      }
      seen.set(q.id, q);
    });
  });

/** One answer: an option id (single), option ids (multi; rank in order, first = most wanted), a number (scale) or words (text). */
export const surveyAnswerSchema = z.union([z.string().max(MAX_SURVEY_TEXT), z.array(key).max(MAX_SURVEY_OPTIONS), z.number().int().min(0).max(10)]);
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
export const surveyAnswersSchema = z.record(key, surveyAnswerSchema);
export type SurveyAnswers = z.infer<typeof surveyAnswersSchema>;

/** The questions shown, given the answers so far (a hidden question's own dependants are hidden too). */
export function visibleSurveyQuestions(questions: readonly SurveyQuestion[], answers: Partial<Record<string, SurveyAnswer>>): Set<string> {
  const visible = new Set<string>();
  for (const q of questions) {
    if (!q.showIf) {
      visible.add(q.id);
      continue;
    }
    if (!visible.has(q.showIf.questionId)) continue;
    const a = answers[q.showIf.questionId];
    const picked = Array.isArray(a) ? a : typeof a === 'string' ? [a] : [];
    if (picked.some((p) => q.showIf!.anyOf.includes(p))) visible.add(q.id);
  }
  return visible;
}

/** A "这是你们要的" follow-up: the survey (or one option of a question) linked to a marketplace category and/or an event. */
export const surveyFollowUpSchema = z
  .strictObject({
    questionId: key.optional(),
    optionId: key.optional(),
    note: label(200),
    marketCategory: z.enum(projectCategories).optional(),
    eventId: z.uuid().optional(),
  })
  .refine((f) => f.marketCategory || f.eventId, { message: 'SURVEY_FOLLOW_UP_TARGET', path: ['marketCategory'] });
export type SurveyFollowUp = z.infer<typeof surveyFollowUpSchema>;

export const surveyInputSchema = z.strictObject({
  orgId: z.uuid().describe('the union whose subtree is asked (and which owns the survey)'),
  title: label(100),
  intro: z.string().trim().max(2000).default(''),
  audience: z.enum(SURVEY_AUDIENCES).default('org'),
  /** Only members of these employment forms (empty: everyone in the subtree). */
  employmentForms: z.array(z.enum(employmentForms)).max(employmentForms.length).default([]),
  isAnonymous: z.boolean().default(true),
  questions: surveyQuestionsSchema,
});
export type SurveyInput = z.infer<typeof surveyInputSchema>;
export const updateSurveySchema = surveyInputSchema.omit({ orgId: true }).extend({ version: versionSchema });
export type UpdateSurvey = z.infer<typeof updateSurveySchema>;
export const surveyVersionSchema = z.strictObject({ version: versionSchema });
/** What respondents are shown once they answered, and the follow-ups; may change in any status. */
export const surveySharingSchema = z.strictObject({
  version: versionSchema,
  publishedQuestionIds: z.array(key).max(MAX_SURVEY_QUESTIONS),
  followUps: z.array(surveyFollowUpSchema).max(20),
});
export type SurveySharing = z.infer<typeof surveySharingSchema>;

export const surveySchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  intro: z.string(),
  audience: z.enum(SURVEY_AUDIENCES),
  employmentForms: z.array(z.enum(employmentForms)),
  isAnonymous: z.boolean(),
  status: z.enum(SURVEY_STATUSES),
  questions: z.array(surveyQuestionSchema),
  publishedQuestionIds: z.array(z.string()),
  followUps: z.array(surveyFollowUpSchema),
  /** The QR link's token (audience `qr`), for staff to print. */
  linkToken: z.string().nullable(),
  responses: z.number().int(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Survey = z.infer<typeof surveySchema>;
export const listSurveysQuerySchema = pageQuerySchema.extend({
  status: z.enum(SURVEY_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid().optional().describe('surveys of this union and those below it'),
});

const optionCount = z.object({ id: z.string(), label: z.string(), count: z.number().int() });
export const surveyQuestionResultSchema = z.object({
  id: z.string(),
  kind: z.enum(SURVEY_QUESTION_KINDS),
  title: z.string(),
  answered: z.number().int(),
  isPublished: z.boolean(),
  /** single, multi: how many picked each option. */
  options: z.array(optionCount),
  /** scale: the mean and how many gave each value. */
  average: z.number().nullable(),
  distribution: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
  /** rank: each option's mean position (1 = first), best first. */
  ranks: z.array(z.object({ id: z.string(), label: z.string(), averagePosition: z.number() })),
  /** text: the words written (staff only). */
  texts: z.array(z.string()),
});
export type SurveyQuestionResult = z.infer<typeof surveyQuestionResultSchema>;
export const SURVEY_CROSS_TABS = ['union', 'employmentForm'] as const;
export const surveyCrossTabSchema = z.object({
  by: z.enum(SURVEY_CROSS_TABS),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      responses: z.number().int(),
      /** Too few respondents in this group of an anonymous survey to show how they answered. */
      isWithheld: z.boolean(),
      /** questionId → optionId → count (single and multi questions). */
      counts: z.record(z.string(), z.record(z.string(), z.number().int())),
    }),
  ),
});
export type SurveyCrossTab = z.infer<typeof surveyCrossTabSchema>;
export const surveyResultsSchema = z.object({ surveyId: z.uuid(), responses: z.number().int(), questions: z.array(surveyQuestionResultSchema), crossTab: surveyCrossTabSchema.nullable() });
export type SurveyResults = z.infer<typeof surveyResultsSchema>;
export const surveyResultsQuerySchema = z.object({ by: z.enum(SURVEY_CROSS_TABS).optional() });

/** A follow-up as the respondent sees it: where it leads. */
export const surveyFollowUpCardSchema = z.object({
  note: z.string(),
  optionLabel: z.string().nullable(),
  marketCategory: z.enum(projectCategories).nullable(),
  event: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
});
export type SurveyFollowUpCard = z.infer<typeof surveyFollowUpCardSchema>;

/** A survey as the worker sees it: the form, whether they answered, and then the published results and follow-ups. */
export const surveyFormSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  intro: z.string(),
  orgName: z.string(),
  isAnonymous: z.boolean(),
  status: z.enum(SURVEY_STATUSES),
  questions: z.array(surveyQuestionSchema),
  hasAnswered: z.boolean(),
  results: z.array(surveyQuestionResultSchema),
  followUps: z.array(surveyFollowUpCardSchema),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;
export const openSurveySchema = z.object({ id: z.uuid(), title: z.string(), orgName: z.string(), isAnonymous: z.boolean(), status: z.enum(SURVEY_STATUSES), hasAnswered: z.boolean(), questionCount: z.number().int() });
export type OpenSurvey = z.infer<typeof openSurveySchema>;
export const surveyFormQuerySchema = z.object({ token: z.string().max(64).optional() });
export const submitSurveyAnswersSchema = z.strictObject({ answers: surveyAnswersSchema, token: z.string().max(64).optional() });
export type SubmitSurveyAnswers = z.infer<typeof submitSurveyAnswersSchema>;
