import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

export const noticeStatuses = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

const titleSchema = z.string().trim().min(2).max(100);
/** Plain text; line breaks are kept, nothing is read as HTML. */
const bodySchema = z.string().trim().min(2).max(5000);

/** 通知公告 as staff see it in the console. */
export const noticeSchema = z.object({
  id: z.uuid(),
  org: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  title: z.string(),
  body: z.string(),
  status: z.enum(noticeStatuses),
  isPinned: z.boolean(),
  publishedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const listNoticesQuerySchema = pageQuerySchema.extend({
  /** Notices published by this org and the orgs under it. */
  orgId: z.uuid().optional(),
  status: z.enum(noticeStatuses).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListNoticesQuery = z.infer<typeof listNoticesQuerySchema>;

export const createNoticeSchema = z.strictObject({
  /** The publishing union: the notice reaches its whole subtree. */
  orgId: z.uuid(),
  title: titleSchema,
  body: bodySchema,
  isPinned: z.boolean().optional(),
  /** Publish at once instead of keeping a draft. */
  publish: z.boolean().optional(),
});
export type CreateNotice = z.infer<typeof createNoticeSchema>;

export const updateNoticeSchema = z.strictObject({
  version: versionSchema,
  title: titleSchema.optional(),
  body: bodySchema.optional(),
  isPinned: z.boolean().optional(),
});
export type UpdateNotice = z.infer<typeof updateNoticeSchema>;

export const noticeVersionSchema = z.strictObject({ version: versionSchema });

/** A notice on the phone: who published it and when (no staff names). */
export const feedNoticeSchema = z.object({
  id: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  /** The first lines in lists; the whole text in the detail. */
  body: z.string(),
  isPinned: z.boolean(),
  publishedAt: z.string(),
});
export type FeedNotice = z.infer<typeof feedNoticeSchema>;

export const noticeFeedQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** Older than this publication time (the next page). */
  before: z.iso.datetime({ offset: true }).optional(),
});
export type NoticeFeedQuery = z.infer<typeof noticeFeedQuerySchema>;

export const noticeFeedSchema = z.object({
  items: z.array(feedNoticeSchema),
  /** The unions whose notices these are, nearest first ("五里店街道工会 ▸ 江北区总工会"); empty when signed out. */
  chain: z.array(z.string()),
});
export type NoticeFeed = z.infer<typeof noticeFeedSchema>;
