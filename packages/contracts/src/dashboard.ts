import { z } from 'zod';

/**
 * One line of the 工作台's recent activity, for people: who (a name, or 系统初始化 for the demo
 * data the seed wrote), what (the audit action: the console turns it into a sentence such as
 * "王芳 批准了 李强 的入会申请"), on what (the item's name as it is now) and where.
 */
export const activityItemSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  /** `user`: a person (name is their display name); `seed`: the demo data; `system`: jobs, devices, the command line. */
  actor: z.object({ kind: z.enum(['user', 'seed', 'system']), name: z.string().nullable() }),
  action: z.string(),
  entityType: z.string(),
  /** The item's name (a member's real name, a position's or an org's name), when it has one. */
  subject: z.string().nullable(),
  orgName: z.string().nullable(),
  /** Where the item is in the console, when it has a page. */
  link: z.string().nullable(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

export const activityQuerySchema = z.object({
  orgId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;
