import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/**
 * 劳模工匠 (model workers and craftsmen): honours held by members (national / municipal / district
 * model worker, 五一劳动奖章, 工匠 …) with year and awarding body; care activities for the honoured
 * (体检, 疗休养, 走访慰问); and model-worker and craftsman innovation studios (创新工作室) with their
 * leader, members, projects and patents.
 */
export const honourLevels = ['national', 'municipal', 'district'] as const;
export type HonourLevel = (typeof honourLevels)[number];
export const honourTitles = ['model_worker', 'advanced_worker', 'may_day_medal', 'craftsman', 'other'] as const;
export type HonourTitle = (typeof honourTitles)[number];
export const honourStatuses = ['active', 'revoked'] as const;
export type HonourStatus = (typeof honourStatuses)[number];
export const careKinds = ['health_check', 'sanatorium', 'visit', 'other'] as const;
export type CareKind = (typeof careKinds)[number];
export const studioStatuses = ['active', 'closed'] as const;
export type StudioStatus = (typeof studioStatuses)[number];
export const patentKinds = ['invention', 'utility_model', 'design'] as const;
export type PatentKind = (typeof patentKinds)[number];

const text = (max: number) => z.string().trim().max(max);
const day = z.iso.date();
const year = z.number().int().min(1950).max(2100);

export const createHonourSchema = z.object({
  membershipId: z.uuid(),
  level: z.enum(honourLevels),
  title: z.enum(honourTitles),
  /** The title in the award's own words when it is not one of the usual ones (e.g. 巴渝工匠). */
  titleText: text(60).nullable().default(null),
  year,
  awardingBody: text(100).min(1),
  /** A photo of the certificate, uploaded first to the shared photo store (POST /photos) by the caller. */
  certificatePhotoId: z.uuid().nullable().default(null),
});
export type CreateHonour = z.infer<typeof createHonourSchema>;
export const updateHonourSchema = createHonourSchema.omit({ membershipId: true }).extend({ version: versionSchema });
export type UpdateHonour = z.infer<typeof updateHonourSchema>;
export const revokeHonourSchema = z.object({ reason: text(500).min(1), version: versionSchema });
export type RevokeHonour = z.infer<typeof revokeHonourSchema>;

export const honourSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  membershipId: z.uuid(),
  personName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  level: z.enum(honourLevels),
  title: z.enum(honourTitles),
  titleText: z.string().nullable(),
  year: z.number().int(),
  awardingBody: z.string(),
  certificatePhotoId: z.string().nullable(),
  status: z.enum(honourStatuses),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Honour = z.infer<typeof honourSchema>;

export const honoursQuerySchema = pageQuerySchema.extend({
  /** Narrows to a union's subtree (the console's header scope); always within the caller's own scope. */
  orgId: z.uuid().optional(),
  q: text(50).optional(),
  level: z.enum(honourLevels).optional(),
  title: z.enum(honourTitles).optional(),
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  status: z.enum(honourStatuses).optional(),
});
export type HonoursQuery = z.infer<typeof honoursQuerySchema>;

export const createCareSchema = z.object({
  kind: z.enum(careKinds),
  caredOn: day,
  notes: text(500).nullable().default(null),
  costFen: z.number().int().min(0).max(100_000_000).default(0),
});
export type CreateCare = z.infer<typeof createCareSchema>;

export const careSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  orgName: z.string(),
  kind: z.enum(careKinds),
  caredOn: z.string(),
  notes: z.string().nullable(),
  costFen: z.number().int(),
  createdAt: z.string(),
});
export type Care = z.infer<typeof careSchema>;
export const caresQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), personId: z.uuid().optional(), year: z.coerce.number().int().min(1950).max(2100).optional(), kind: z.enum(careKinds).optional() });

/** An honoured member (an active honour) with no care activity in the given year. */
export const notCaredSchema = z.object({ personId: z.uuid(), personName: z.string(), orgName: z.string(), titles: z.array(z.string()), lastCaredOn: z.string().nullable() });
export type NotCared = z.infer<typeof notCaredSchema>;
export const notCaredQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), year: z.coerce.number().int().min(1950).max(2100).optional() });

export const createStudioSchema = z.object({
  name: text(100).min(1),
  level: z.enum(honourLevels),
  /** The owning union (in the caller's scope). */
  orgId: z.uuid(),
  /** The leader: a member holding an active honour. */
  leaderMembershipId: z.uuid(),
  field: text(100).nullable().default(null),
  foundedOn: day,
});
export type CreateStudio = z.infer<typeof createStudioSchema>;
export const updateStudioSchema = createStudioSchema.omit({ orgId: true }).extend({ status: z.enum(studioStatuses), version: versionSchema });
export type UpdateStudio = z.infer<typeof updateStudioSchema>;

export const studioSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  level: z.enum(honourLevels),
  orgId: z.uuid(),
  orgName: z.string(),
  leaderPersonId: z.uuid(),
  leaderName: z.string(),
  field: z.string().nullable(),
  foundedOn: z.string(),
  status: z.enum(studioStatuses),
  members: z.number().int(),
  projects: z.number().int(),
  innovations: z.number().int(),
  inventions: z.number().int(),
  patents: z.number().int(),
  savedFen: z.number().int(),
  version: z.number().int(),
});
export type Studio = z.infer<typeof studioSchema>;
export const studiosQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), q: text(50).optional(), level: z.enum(honourLevels).optional(), status: z.enum(studioStatuses).optional() });

export const addStudioMemberSchema = z.object({ membershipId: z.uuid() });
export const studioMemberSchema = z.object({ personId: z.uuid(), personName: z.string(), orgName: z.string(), isLeader: z.boolean() });
export type StudioMember = z.infer<typeof studioMemberSchema>;

export const createStudioProjectSchema = z.object({
  name: text(100).min(1),
  year,
  innovations: z.number().int().min(0).max(10_000).default(0),
  inventions: z.number().int().min(0).max(10_000).default(0),
  savedFen: z.number().int().min(0).max(1_000_000_000_000).default(0),
  outcome: text(1000).nullable().default(null),
});
export type CreateStudioProject = z.infer<typeof createStudioProjectSchema>;
export const updateStudioProjectSchema = createStudioProjectSchema;
export type UpdateStudioProject = CreateStudioProject;
export const studioProjectSchema = createStudioProjectSchema.extend({ id: z.uuid(), studioId: z.uuid(), outcome: z.string().nullable(), patents: z.number().int(), createdAt: z.string() });
export type StudioProject = z.infer<typeof studioProjectSchema>;

export const createStudioPatentSchema = z.object({
  projectId: z.uuid().nullable().default(null),
  patentNumber: text(40).min(1),
  title: text(200).min(1),
  kind: z.enum(patentKinds),
  holders: text(200).min(1),
  grantedOn: day.nullable().default(null),
});
export type CreateStudioPatent = z.infer<typeof createStudioPatentSchema>;
export const updateStudioPatentSchema = createStudioPatentSchema;
export type UpdateStudioPatent = CreateStudioPatent;
export const studioPatentSchema = createStudioPatentSchema.extend({ id: z.uuid(), studioId: z.uuid(), grantedOn: z.string().nullable(), projectId: z.string().nullable(), createdAt: z.string() });
export type StudioPatent = z.infer<typeof studioPatentSchema>;

export const studioDetailSchema = studioSchema.extend({
  memberList: z.array(studioMemberSchema),
  projectList: z.array(studioProjectSchema),
  patentList: z.array(studioPatentSchema),
});
export type StudioDetail = z.infer<typeof studioDetailSchema>;

/** The 统计 page at a scope: honours in force, care in the year, active studios and their outcomes. */
export const honoursSummarySchema = z.object({
  year: z.number().int(),
  honoured: z.number().int(),
  honours: z.array(z.object({ level: z.enum(honourLevels), title: z.enum(honourTitles), count: z.number().int() })),
  care: z.object({ activities: z.number().int(), people: z.number().int(), costFen: z.number().int() }),
  studios: z.array(z.object({ level: z.enum(honourLevels), count: z.number().int() })),
  projects: z.number().int(),
  innovations: z.number().int(),
  inventions: z.number().int(),
  savedFen: z.number().int(),
  patents: z.number().int(),
});
export type HonoursSummary = z.infer<typeof honoursSummarySchema>;
export const honoursSummaryQuerySchema = z.object({ orgId: z.uuid().optional(), year: z.coerce.number().int().min(1950).max(2100).optional() });
