import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';
import { MAX_REPORT_PHOTOS, reportEventKinds, reportStatuses } from './voice-domain';

export * from './voice-domain';

/** A point as the phone or the map gave it; stored as WGS-84 (a GCJ-02 point is converted at the edge). */
export const reportPointSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
});

export const voiceCategorySchema = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  limitHours: z.number().int(),
});
export type VoiceCategory = z.infer<typeof voiceCategorySchema>;

const noteText = z.string().trim().min(1).max(1000);

export const createReportSchema = z.object({
  categoryKey: z.string().min(1).max(40),
  description: z.string().trim().min(2).max(1000),
  location: reportPointSchema,
  photoIds: z.array(z.uuid()).max(MAX_REPORT_PHOTOS).default([]),
});
export type CreateReport = z.infer<typeof createReportSchema>;

export const nearbyReportsQuerySchema = z.object({
  categoryKey: z.string().min(1).max(40),
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
});

/** A nearby open report offered as "我也遇到了": nothing about who filed it. */
export const nearbyReportSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  categoryKey: z.string(),
  status: z.enum(reportStatuses),
  distanceMetres: z.number().int(),
  meTooCount: z.number().int(),
  createdAt: z.string(),
});

export const reportEventSchema = z.object({
  kind: z.enum(reportEventKinds),
  at: z.string(),
  /** Staff name for staff steps; null for the worker's own steps and the system's. */
  actorName: z.string().nullable(),
  fromOrgName: z.string().nullable(),
  toOrgName: z.string().nullable(),
  note: z.string().nullable(),
});

export const reportSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  categoryKey: z.string(),
  description: z.string(),
  location: z.object({ lng: z.number(), lat: z.number() }),
  status: z.enum(reportStatuses),
  reporterName: z.string(),
  isGridMember: z.boolean(),
  meTooCount: z.number().int(),
  mergedIntoId: z.uuid().nullable(),
  photoIds: z.array(z.uuid()),
  dueAt: z.string(),
  isOverdue: z.boolean(),
  escalations: z.number().int(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Report = z.infer<typeof reportSchema>;
/** `ancestors`: the orgs above the one handling it now, nearest first (where "reassign up" may go). */
export const reportDetailSchema = reportSchema.extend({ history: z.array(reportEventSchema), ancestors: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const listReportsQuerySchema = pageQuerySchema.extend({
  status: z.enum([...reportStatuses, 'open']).optional(),
  categoryKey: z.string().max(40).optional(),
  isOverdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  isGridMember: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** The worker's view of a report they filed or joined. */
export const myReportSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  categoryKey: z.string(),
  description: z.string(),
  status: z.enum(reportStatuses),
  orgName: z.string(),
  isMine: z.boolean(),
  meTooCount: z.number().int(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  history: z.array(reportEventSchema),
});
export type MyReport = z.infer<typeof myReportSchema>;

export const staffNoteSchema = z.object({ version: versionSchema, note: noteText });
export const acceptReportSchema = z.object({ version: versionSchema, note: noteText.optional() });
export const reassignReportSchema = z.object({ version: versionSchema, orgId: z.uuid(), reason: noteText });
export const mergeReportSchema = z.object({ version: versionSchema, intoId: z.uuid() });
export const reopenReportSchema = z.object({ note: noteText });

/** A report on the public map: category, status, a point rounded to ~100 m, dates. Nothing else. */
export const publicReportSchema = z.object({
  categoryKey: z.string(),
  status: z.enum(['open', 'resolved']),
  lng: z.number(),
  lat: z.number(),
  createdOn: z.string(),
  resolvedOn: z.string().nullable(),
});
export const publicReportsSchema = z.object({ items: z.array(publicReportSchema), categories: z.array(voiceCategorySchema) });

export const gridMemberSchema = z.object({ id: z.uuid(), userId: z.uuid(), name: z.string(), orgId: z.uuid(), orgName: z.string(), reports: z.number().int(), createdAt: z.string() });
export const addGridMemberSchema = z.object({ phone: z.string().regex(/^1[3-9]\d{9}$/, { error: 'PHONE_INVALID' }), orgId: z.uuid() });
