import { z } from 'zod';
import { pageQuerySchema } from './common';

/** One message to the signed-in person (a staff member's bell, a worker's 我的 ▸ 消息), in their language. */
export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** A path in one of the faces (`/admin/…`, `/m/…`). */
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  isRead: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const listNotificationsQuerySchema = pageQuerySchema.extend({
  /** `unread`: only what has not been read. */
  filter: z.enum(['all', 'unread']).default('all'),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const todoItemSchema = z.object({
  kind: z.string(),
  /** The underlying item (application, report, alarm, position, import batch). */
  id: z.string(),
  title: z.string(),
  orgName: z.string().nullable(),
  /** Since when it waits. */
  at: z.string(),
  link: z.string(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;

export const todoGroupSchema = z.object({
  kind: z.string(),
  count: z.number().int(),
  oldestAt: z.string().nullable(),
  /** The oldest few. */
  items: z.array(todoItemSchema),
});
export type TodoGroup = z.infer<typeof todoGroupSchema>;

/** 待办: what waits for this staff member, computed from the records in their scope. */
export const todosSchema = z.object({ total: z.number().int(), groups: z.array(todoGroupSchema) });
export type Todos = z.infer<typeof todosSchema>;

export const listTodosQuerySchema = z.object({
  /** Only items under this org (the console's header scope). */
  orgId: z.uuid().optional(),
  /** Items per kind. */
  limit: z.coerce.number().int().min(1).max(50).default(5),
});
export type ListTodosQuery = z.infer<typeof listTodosQuerySchema>;

export const notificationPreferenceSchema = z.object({
  /** Also by text message (needs a phone on the account). */
  isSmsEnabled: z.boolean(),
  /** The language of the text messages. */
  language: z.enum(['zh-CN', 'en']),
  hasPhone: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

export const updateNotificationPreferenceSchema = z.strictObject({
  isSmsEnabled: z.boolean(),
  language: z.enum(['zh-CN', 'en']).optional(),
});
export type UpdateNotificationPreference = z.infer<typeof updateNotificationPreferenceSchema>;
