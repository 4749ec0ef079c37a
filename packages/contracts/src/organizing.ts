import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';
import { orgRefSchema } from './orgs';

/** 建会入会 (organizing drives): enterprises, yearly targets, the work on an enterprise, joining ceremonies. */

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'FIELD_FORMAT' });
const creditCodeSchema = z.string().trim().toUpperCase().min(1).max(18);
const text = (max: number) => z.string().trim().min(1).max(max);

export const unionStatuses = ['none', 'founding', 'founded'] as const;
export type UnionStatus = (typeof unionStatuses)[number];
/** The work on an enterprise, from 未联系 to 已建会; founding/founded follow the union status. */
export const contactStatuses = ['not_contacted', 'contacted', 'founding', 'founded'] as const;
export type ContactStatus = (typeof contactStatuses)[number];
export const sizeBands = ['micro', 'small', 'medium', 'large'] as const;
export const ownerships = ['state', 'collective', 'private', 'foreign', 'hmt', 'other'] as const;
/** Who the new-employment-form workers are with: a platform, a delivery station, a fleet. */
export const gigKinds = ['platform', 'delivery_station', 'fleet'] as const;
export const meetingKinds = ['enterprise_meeting', 'worker_meeting', 'visit'] as const;
export const targetKinds = ['new_unions', 'new_members', 'new_gig_members', 'joining_points'] as const;
export type TargetKind = (typeof targetKinds)[number];

export const enterpriseSchema = z.object({
  id: z.uuid(),
  org: orgRefSchema,
  name: z.string(),
  creditCode: z.string(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  industry: z.string().nullable(),
  sizeBand: z.enum(sizeBands).nullable(),
  ownership: z.enum(ownerships).nullable(),
  headcount: z.number().int().nullable(),
  gigWorkers: z.number().int(),
  gigKind: z.enum(gigKinds).nullable(),
  unionStatus: z.enum(unionStatuses),
  contactStatus: z.enum(contactStatuses),
  unionOrg: orgRefSchema.nullable(),
  foundedOn: z.string().nullable(),
  cadre: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  overdueSteps: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

const enterpriseFields = {
  name: text(100),
  creditCode: creditCodeSchema,
  address: z.string().trim().max(200).nullish(),
  /** WGS-84. */
  lng: z.number().min(73).max(136).nullish(),
  lat: z.number().min(3).max(54).nullish(),
  industry: z.string().trim().max(50).nullish(),
  sizeBand: z.enum(sizeBands).nullish(),
  ownership: z.enum(ownerships).nullish(),
  headcount: z.number().int().min(0).max(10_000_000).nullish(),
  gigWorkers: z.number().int().min(0).max(10_000_000).optional(),
  gigKind: z.enum(gigKinds).nullish(),
};
export const createEnterpriseSchema = z.strictObject({ orgId: z.uuid(), ...enterpriseFields });
export type CreateEnterprise = z.infer<typeof createEnterpriseSchema>;
export const updateEnterpriseSchema = z.strictObject({
  name: enterpriseFields.name.optional(),
  creditCode: enterpriseFields.creditCode.optional(),
  address: enterpriseFields.address,
  lng: enterpriseFields.lng,
  lat: enterpriseFields.lat,
  industry: enterpriseFields.industry,
  sizeBand: enterpriseFields.sizeBand,
  ownership: enterpriseFields.ownership,
  headcount: enterpriseFields.headcount,
  gigWorkers: enterpriseFields.gigWorkers,
  gigKind: enterpriseFields.gigKind,
  version: versionSchema,
});
export type UpdateEnterprise = z.infer<typeof updateEnterpriseSchema>;

export const listEnterprisesQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  unionStatus: z.enum(unionStatuses).optional(),
  contactStatus: z.enum(contactStatuses).optional(),
  hasGigWorkers: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListEnterprisesQuery = z.infer<typeof listEnterprisesQuerySchema>;

/** The map of union status: the enterprises with a point (WGS-84) under a node, at most 5,000. */
export const enterprisePointsQuerySchema = z.object({ orgId: z.uuid().optional(), unionStatus: z.enum(unionStatuses).optional() });
export const enterprisePointsSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), lng: z.number(), lat: z.number(), unionStatus: z.enum(unionStatuses) })),
  /** Every enterprise the filter matched, with or without a point. */
  total: z.number().int(),
  isTruncated: z.boolean(),
});
export type EnterprisePoints = z.infer<typeof enterprisePointsSchema>;

/** Founding: start (成立筹备) and found (建会), creating the grassroots union or linking an existing one. */
export const startFoundingSchema = z.strictObject({ version: versionSchema, note: z.string().trim().max(500).optional() });
export const foundUnionSchema = z.strictObject({
  version: versionSchema,
  /** Link an existing grassroots union (its employer's code must match) … */
  unionOrgId: z.uuid().optional(),
  /** … or create one under this parent (a street, park, industry, joint or community union). */
  parentOrgId: z.uuid().optional(),
  code: z.string().trim().min(1).max(40).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  foundedOn: dateSchema,
});
export type FoundUnion = z.infer<typeof foundUnionSchema>;

export const assignCadreSchema = z.strictObject({ userId: z.uuid().nullable(), version: versionSchema });
export const cadreOptionSchema = z.object({ id: z.uuid(), name: z.string() });

export const enterpriseEventSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const meetingSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  kind: z.enum(meetingKinds),
  heldOn: z.string(),
  attendance: z.number().int(),
  notes: z.string().nullable(),
  photoIds: z.array(z.uuid()),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export const createMeetingSchema = z.strictObject({
  kind: z.enum(meetingKinds),
  heldOn: dateSchema,
  attendance: z.number().int().min(0).max(100_000),
  notes: z.string().trim().max(2000).optional(),
  photoIds: z.array(z.uuid()).max(9).optional(),
});
export const stepSchema = z.object({
  id: z.uuid(),
  enterprise: z.object({ id: z.uuid(), name: z.string(), org: orgRefSchema }),
  title: z.string(),
  dueOn: z.string(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  doneAt: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type Step = z.infer<typeof stepSchema>;
export const createStepSchema = z.strictObject({ title: text(200), dueOn: dateSchema, assigneeId: z.uuid().optional() });
export const stepParamsSchema = z.object({ id: z.uuid(), stepId: z.uuid() });
export const enterpriseDetailSchema = enterpriseSchema.extend({
  events: z.array(enterpriseEventSchema),
  meetings: z.array(meetingSchema),
  steps: z.array(stepSchema),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;

export const overdueQuerySchema = z.object({ orgId: z.uuid().optional(), cadreId: z.uuid().optional() });
export const overdueSchema = z.object({
  items: z.array(stepSchema),
  byCadre: z.array(z.object({ id: z.uuid().nullable(), name: z.string(), count: z.number().int() })),
  byStreet: z.array(z.object({ org: orgRefSchema, count: z.number().int() })),
});

/** A bureau's list: per-row outcome; a dry run writes nothing. */
export const importQuerySchema = z.object({ orgId: z.uuid(), dryRun: z.enum(['true', 'false']).default('false') });
export const importRowSchema = z.object({
  row: z.number().int(),
  creditCode: z.string().nullable(),
  name: z.string().nullable(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'error']),
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export const importReportSchema = z.object({
  dryRun: z.boolean(),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  rows: z.array(importRowSchema),
  rowCount: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** Targets (年度目标) of a node's children against their progress, computed from records. */
export const targetsQuerySchema = z.object({ orgId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100) });
export const targetFiguresSchema = z.object(Object.fromEntries(targetKinds.map((k) => [k, z.number().int().nullable()])) as Record<TargetKind, z.ZodNullable<z.ZodNumber>>);
export const targetRowSchema = z.object({
  org: orgRefSchema,
  targets: targetFiguresSchema,
  actual: targetFiguresSchema,
  /** Share of the year's target reached (0–100+), null without a target. */
  percent: targetFiguresSchema,
  isLagging: z.boolean(),
});
export type TargetRow = z.infer<typeof targetRowSchema>;
export const targetsSchema = z.object({
  year: z.number().int(),
  org: targetRowSchema,
  children: z.array(targetRowSchema),
  /** Per kind: the parent's target minus the children's sum (0 = adds up; null = no parent target). */
  splitDifference: targetFiguresSchema,
  /** The share of the year gone: a row below it by more than 10 points is 进度滞后. */
  yearElapsedPercent: z.number(),
});
export type Targets = z.infer<typeof targetsSchema>;
const targetValues = z.object(Object.fromEntries(targetKinds.map((k) => [k, z.number().int().min(0).max(100_000_000).optional()])) as Record<TargetKind, z.ZodOptional<z.ZodNumber>>);
export const putTargetsSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** The node's own targets (set by the level above) … */
  own: targetValues.optional(),
  /** … and its split to children: the sum per kind must equal the node's target unless `acceptDifference`. */
  children: z
    .array(z.object({ orgId: z.uuid(), targets: targetValues }))
    .max(200)
    .optional(),
  acceptDifference: z.boolean().optional(),
});
export type PutTargets = z.infer<typeof putTargetsSchema>;

export const ceremonySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  union: orgRefSchema,
  enterpriseId: z.uuid().nullable(),
  heldOn: z.string(),
  place: z.string().nullable(),
  joinPath: z.string(),
  applications: z.number().int(),
  createdAt: z.string(),
});
export type Ceremony = z.infer<typeof ceremonySchema>;
export const createCeremonySchema = z.strictObject({
  unionOrgId: z.uuid(),
  enterpriseId: z.uuid().optional(),
  title: text(100),
  heldOn: dateSchema,
  place: z.string().trim().max(200).optional(),
});
export const listCeremoniesQuerySchema = z.object({ orgId: z.uuid().optional() });
export const ceremonyCodeParamsSchema = z.object({ code: z.string().regex(/^[A-Za-z0-9]{6,16}$/, { error: 'FIELD_FORMAT' }) });
/** What /m/join reads for a ceremony's QR: the union to preselect. */
export const publicCeremonySchema = z.object({
  code: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  union: z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.enum(['grassroots', 'joint']), address: z.string().nullable() }),
});
export type PublicCeremony = z.infer<typeof publicCeremonySchema>;

/** 入会点: a joining point's QR (/m/join?point=CODE) presets its union — the point's own, or its street's joint union. */
export const joiningPointCodeParamsSchema = z.object({ code: z.string().trim().min(1).max(40) });
export const publicJoiningPointSchema = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  union: publicCeremonySchema.shape.union,
});
export type PublicJoiningPoint = z.infer<typeof publicJoiningPointSchema>;
