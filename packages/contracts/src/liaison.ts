import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/**
 * 对口联系 (liaison, PRODUCT.md part 10; seed 003: Tongzhou's cadres 包片 / 对口联系 22 street
 * unions). A cadre — a staff member of an upper union — is assigned to a street or grassroots union
 * below; visits are logged with notes and photos; each problem found is tracked with an owner and a
 * due date until it is resolved. Dates are calendar days in Asia/Shanghai.
 */
export const LIAISON_KINDS = ['area', 'pair'] as const;
export type LiaisonKind = (typeof LIAISON_KINDS)[number];
export const LIAISON_PROBLEM_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export type LiaisonProblemStatus = (typeof LIAISON_PROBLEM_STATUSES)[number];
export const MAX_VISIT_PHOTOS = 9;
export const MAX_VISIT_PROBLEMS = 20;

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const liaisonCadreSchema = z.object({ id: z.uuid(), displayName: z.string(), orgId: z.uuid(), orgName: z.string() });
export type LiaisonCadre = z.infer<typeof liaisonCadreSchema>;

export const createLiaisonAssignmentSchema = z.strictObject({
  cadreId: z.uuid(),
  orgId: z.uuid(),
  kind: z.enum(LIAISON_KINDS),
  note: z.string().trim().max(500).optional(),
});
export type CreateLiaisonAssignment = z.infer<typeof createLiaisonAssignmentSchema>;

export const endLiaisonAssignmentSchema = z.strictObject({ version: versionSchema });

export const liaisonAssignmentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(LIAISON_KINDS),
  cadreId: z.uuid(),
  cadreName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  note: z.string().nullable(),
  startedOn: isoDate,
  endedOn: isoDate.nullable(),
  visits: z.number().int(),
  lastVisitOn: isoDate.nullable(),
  openProblems: z.number().int(),
  overdueProblems: z.number().int(),
  version: z.number().int(),
});
export type LiaisonAssignment = z.infer<typeof liaisonAssignmentSchema>;

export const listLiaisonAssignmentsQuerySchema = pageQuerySchema.extend({
  cadreId: z.uuid().optional(),
  orgId: z.uuid().optional().describe("this union and those below it"),
  isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

const liaisonProblemInput = z.strictObject({
  description: text(500),
  /** Who must see it through; the visiting cadre when left out. */
  ownerId: z.uuid().optional(),
  dueOn: isoDate,
});

export const createLiaisonVisitSchema = z.strictObject({
  assignmentId: z.uuid(),
  visitedOn: isoDate,
  summary: text(2000),
  photoIds: z.array(z.uuid()).max(MAX_VISIT_PHOTOS).default([]),
  problems: z.array(liaisonProblemInput).max(MAX_VISIT_PROBLEMS).default([]),
});
export type CreateLiaisonVisit = z.infer<typeof createLiaisonVisitSchema>;

export const liaisonVisitSchema = z.object({
  id: z.uuid(),
  assignmentId: z.uuid(),
  cadreId: z.uuid(),
  cadreName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  visitedOn: isoDate,
  summary: z.string(),
  photoIds: z.array(z.uuid()),
  problems: z.number().int(),
  createdAt: z.string(),
});
export type LiaisonVisit = z.infer<typeof liaisonVisitSchema>;

export const listLiaisonVisitsQuerySchema = pageQuerySchema.extend({
  cadreId: z.uuid().optional(),
  orgId: z.uuid().optional().describe("this union and those below it"),
  assignmentId: z.uuid().optional(),
});

export const liaisonProblemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  visitId: z.uuid(),
  visitedOn: isoDate,
  cadreId: z.uuid(),
  cadreName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  description: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  dueOn: isoDate,
  status: z.enum(LIAISON_PROBLEM_STATUSES),
  isOverdue: z.boolean(),
  latestNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type LiaisonProblem = z.infer<typeof liaisonProblemSchema>;

export const listLiaisonProblemsQuerySchema = pageQuerySchema.extend({
  /** `open`: not resolved; `overdue`: not resolved and past its due date. */
  status: z.enum(['open', 'overdue', 'in_progress', 'resolved']).optional(),
  cadreId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  orgId: z.uuid().optional().describe("this union and those below it"),
});

export const liaisonProblemStepSchema = z.strictObject({ version: versionSchema, note: text(1000) });
export const updateLiaisonProblemSchema = z.strictObject({ version: versionSchema, ownerId: z.uuid().optional(), dueOn: isoDate.optional() });

export const liaisonFiguresQuerySchema = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const liaisonCadreFiguresSchema = z.object({
  cadreId: z.uuid(),
  cadreName: z.string(),
  assignments: z.number().int(),
  visits: z.number().int(),
  problemsFound: z.number().int(),
  problemsResolved: z.number().int(),
  problemsOpen: z.number().int(),
  problemsOverdue: z.number().int(),
});
export const liaisonOrgOverdueSchema = z.object({ orgId: z.uuid(), orgName: z.string(), problemsOpen: z.number().int(), problemsOverdue: z.number().int() });
export const liaisonFiguresSchema = z.object({
  from: isoDate,
  to: isoDate,
  cadres: z.array(liaisonCadreFiguresSchema),
  orgs: z.array(liaisonOrgOverdueSchema),
});
export type LiaisonFigures = z.infer<typeof liaisonFiguresSchema>;
