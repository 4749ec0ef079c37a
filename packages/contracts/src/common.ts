import { z } from 'zod';
import { normalizeMobilePhone } from './phone';

/** Largest page a list endpoint will return; larger requests are refused, not clipped. */
export const MAX_PAGE_SIZE = 200;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: z.uuid() });

/** Optimistic concurrency: every update names the version it was based on. */
export const versionSchema = z.number().int().min(1);

/**
 * Mainland China mobile numbers: 11 digits starting 13–19. "+86"/"0086" and spaces or dashes are
 * accepted and removed (normalizeMobilePhone), so the stored and compared value is the 11 digits.
 */
export const mobilePhoneSchema = z
  .string()
  .overwrite((text) => normalizeMobilePhone(text) ?? text)
  .regex(/^1[3-9]\d{9}$/, { error: 'PHONE_INVALID' })
  .describe('Mainland mobile number; +86/0086 and spaces or dashes are accepted');

/** RFC 9457 problem details as this API returns them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** Which app instance answered (several run behind the load balancer). */
  instance: z.string().optional(),
});

export const readySchema = z.object({
  status: z.literal('ready'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  instance: z.string(),
  /** The last migration of this code (applied). */
  schema: z.string(),
  /** Applied migrations of a newer release this code does not know (expand/contract: still compatible). */
  newerMigrations: z.number().int(),
});
