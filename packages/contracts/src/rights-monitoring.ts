import { z } from 'zod';
import { mobilePhoneSchema, pageQuerySchema, versionSchema } from './common';
import { clockKinds, monitoringIndicators, ratingCriteria, ratingLevels, ratingStatuses, teamRoles, thresholdOps, warningLevels, warningMeasures, warningStatuses } from './rights-domain';

/** Rights protection (维权), issue #15: monitoring points, 三员 teams, ratings, settings, figures, the overdue board. */
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'FIELD_FORMAT' });
const quarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, { error: 'RIGHTS_QUARTER_FORMAT' });
const orgBrief = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const creditCodeSchema = z.string().trim().toUpperCase().min(1).max(18);

// ---- 三员 ----
export const teamMemberInputSchema = z.strictObject({
  orgId: z.uuid(),
  role: z.enum(teamRoles),
  name: z.string().trim().min(1).max(40),
  phone: mobilePhoneSchema.optional(),
  employerName: z.string().trim().max(100).optional(),
  sinceOn: dateSchema.optional(),
  note: z.string().trim().max(200).optional(),
});
export const updateTeamMemberSchema = teamMemberInputSchema.omit({ orgId: true, role: true }).partial().extend({ status: z.enum(['active', 'left']).optional(), version: versionSchema });
export const teamMemberSchema = z.object({
  id: z.uuid(),
  org: orgBrief,
  role: z.enum(teamRoles),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  employerName: z.string().nullable(),
  status: z.enum(['active', 'left']),
  sinceOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;
export const listTeamQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), role: z.enum(teamRoles).optional(), status: z.enum(['active', 'left']).optional(), q: z.string().trim().max(40).optional() });
export const teamCountsSchema = z.object({ supervisor: z.number().int(), informant: z.number().int(), legal_supervisor: z.number().int() });

// ---- monitoring points ----
export const monitoringPointInputSchema = z.strictObject({
  orgId: z.uuid(),
  enterpriseName: z.string().trim().min(2).max(100),
  creditCode: creditCodeSchema,
  address: z.string().trim().max(200).optional(),
  industry: z.string().trim().max(40).optional(),
  informantId: z.uuid().optional(),
  sinceOn: dateSchema.optional(),
});
export const updateMonitoringPointSchema = monitoringPointInputSchema.omit({ orgId: true, creditCode: true }).partial().extend({ status: z.enum(['active', 'inactive']).optional(), version: versionSchema });

export const reportValuesSchema = z.strictObject(Object.fromEntries(monitoringIndicators.map((k) => [k, z.number().min(0).max(k === 'wage_arrears_fen' ? 10_000_000_000 : 1_000_000)])) as Record<(typeof monitoringIndicators)[number], z.ZodNumber>);
export type ReportValues = z.infer<typeof reportValuesSchema>;
export const submitReportSchema = z.strictObject({ values: reportValuesSchema, note: z.string().trim().max(1000).optional() });

export const warningSchema = z.object({
  id: z.uuid(),
  point: z.object({ id: z.uuid(), enterpriseName: z.string(), creditCode: z.string() }),
  org: orgBrief,
  quarter: z.string(),
  measure: z.enum(warningMeasures),
  value: z.number(),
  op: z.enum(thresholdOps),
  threshold: z.number(),
  level: z.enum(warningLevels),
  status: z.enum(warningStatuses),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  handlingNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Warning = z.infer<typeof warningSchema>;

export const monitoringReportSchema = z.object({
  id: z.uuid(),
  quarter: z.string(),
  values: reportValuesSchema,
  note: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedVia: z.enum(['phone', 'console']),
  submittedAt: z.string(),
  warnings: z.array(warningSchema),
  version: z.number().int(),
});
export type MonitoringReport = z.infer<typeof monitoringReportSchema>;

export const monitoringPointSchema = z.object({
  id: z.uuid(),
  org: orgBrief,
  enterpriseName: z.string(),
  creditCode: z.string(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  informant: z.object({ id: z.uuid(), name: z.string(), phoneMasked: z.string().nullable() }).nullable(),
  status: z.enum(['active', 'inactive']),
  sinceOn: z.string(),
  /** The quarter whose form is due now (the last finished quarter), whether it is in, and by when. */
  dueQuarter: z.string(),
  dueOn: z.string(),
  isDueSubmitted: z.boolean(),
  isOverdue: z.boolean(),
  lastReport: z.object({ quarter: z.string(), submittedAt: z.string() }).nullable(),
  openWarnings: z.number().int(),
  version: z.number().int(),
});
export type MonitoringPoint = z.infer<typeof monitoringPointSchema>;
export const listMonitoringPointsQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), status: z.enum(['active', 'inactive']).optional(), overdue: z.enum(['true', 'false']).optional(), q: z.string().trim().max(50).optional() });
export const listWarningsQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), status: z.enum(warningStatuses).optional(), quarter: quarterSchema.optional() });
export const handleWarningSchema = z.strictObject({ note: z.string().trim().min(2).max(1000) });
export const myMonitoringPointSchema = z.object({ id: z.uuid(), enterpriseName: z.string(), orgName: z.string(), dueQuarter: z.string(), dueOn: z.string(), isDueSubmitted: z.boolean(), reports: z.array(monitoringReportSchema) });
export type MyMonitoringPoint = z.infer<typeof myMonitoringPointSchema>;

// ---- settings ----
export const thresholdSchema = z.strictObject({ measure: z.enum(warningMeasures), op: z.enum(thresholdOps), value: z.number().min(0).max(1_000_000), level: z.enum(warningLevels) });
export const rightsSettingsSchema = z.object({
  org: orgBrief,
  /** null: the defaults (no district set its own). */
  isDefault: z.boolean(),
  acceptanceWorkingDays: z.number().int(),
  reportDueDay: z.number().int(),
  thresholds: z.array(thresholdSchema),
  version: z.number().int().nullable(),
});
export type RightsSettings = z.infer<typeof rightsSettingsSchema>;
export const saveRightsSettingsSchema = z.strictObject({
  acceptanceWorkingDays: z.number().int().min(1).max(15),
  reportDueDay: z.number().int().min(1).max(28),
  thresholds: z.array(thresholdSchema).max(20),
  version: versionSchema.optional(),
});
export const orgQuerySchema = z.strictObject({ orgId: z.uuid() });

// ---- harmonious-enterprise ratings ----
export const ratingInputSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  orgId: z.uuid(),
  enterpriseName: z.string().trim().min(2).max(100),
  creditCode: creditCodeSchema,
  levelApplied: z.enum(ratingLevels),
  criteria: z.partialRecord(z.enum(ratingCriteria), z.boolean()),
  statement: z.string().trim().max(3000).optional(),
  evidenceFileIds: z.array(z.uuid()).max(20).default([]),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;
export const reviewRatingSchema = z.strictObject({ decision: z.enum(['approve', 'reject']), levelGranted: z.enum(ratingLevels).optional(), note: z.string().trim().max(1000).optional(), version: versionSchema });
export const disqualificationSchema = z.object({ kind: z.enum(['warning', 'failed_case']), ref: z.string(), on: z.string() });
export const ratingSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  org: orgBrief,
  enterpriseName: z.string(),
  creditCode: z.string(),
  levelApplied: z.enum(ratingLevels),
  criteria: z.record(z.string(), z.boolean()),
  criteriaMet: z.number().int(),
  statement: z.string().nullable(),
  evidence: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string() })),
  status: z.enum(ratingStatuses),
  levelGranted: z.enum(ratingLevels).nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  disqualifiedReasons: z.array(disqualificationSchema),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Rating = z.infer<typeof ratingSchema>;
export const listRatingsQuerySchema = pageQuerySchema.extend({ year: z.coerce.number().int().min(2000).max(2100).optional(), orgId: z.uuid().optional(), status: z.enum(ratingStatuses).optional() });

// ---- figures and the overdue board ----
export const figuresQuerySchema = z.strictObject({ orgId: z.uuid().optional(), from: dateSchema.optional(), to: dateSchema.optional() });
export const rightsFiguresSchema = z.object({
  org: orgBrief.nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  consultations: z.number().int(),
  consultationsByChannel: z.record(z.string(), z.number().int()),
  petitions: z.number().int(),
  casesReceived: z.number().int(),
  casesAccepted: z.number().int(),
  casesMediated: z.number().int(),
  casesSuccessful: z.number().int(),
  /** successful ÷ mediated (a case is mediated once it has an outcome after acceptance), 0..1. */
  successRate: z.number().nullable(),
  amountClaimedFen: z.number().int(),
  /** Agreed in successful mediations (案涉金额). */
  amountAgreedFen: z.number().int(),
  amountRecoveredFen: z.number().int(),
  wageArrearsClaimedFen: z.number().int(),
  workersHelped: z.number().int(),
  overdueCases: z.number().int(),
  monitoringPoints: z.number().int(),
  openWarnings: z.number().int(),
  byYear: z.array(z.object({ year: z.number().int(), received: z.number().int(), accepted: z.number().int(), successful: z.number().int(), amountAgreedFen: z.number().int(), consultations: z.number().int() })),
});
export type RightsFigures = z.infer<typeof rightsFiguresSchema>;

export const overdueRowSchema = z.object({
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  org: orgBrief,
  clock: z.enum(clockKinds),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  mediatorName: z.string().nullable(),
});
export const overdueBoardSchema = z.object({
  asOf: z.string(),
  /** Counts per org in the subtree (every case, without details). */
  byOrg: z.array(z.object({ org: orgBrief, overdue: z.number().int(), dueSoon: z.number().int() })),
  /** The cases the viewer may open (theirs, or all if they manage the subtree). */
  rows: z.array(overdueRowSchema),
  dueSoon: z.array(overdueRowSchema),
});
export type OverdueBoard = z.infer<typeof overdueBoardSchema>;

export const reminderSchema = z.object({ id: z.uuid(), caseId: z.uuid(), caseNumber: z.string(), clock: z.enum(clockKinds), dueOn: z.string(), daysBefore: z.number().int(), sentAt: z.string(), readAt: z.string().nullable() });
export type Reminder = z.infer<typeof reminderSchema>;
