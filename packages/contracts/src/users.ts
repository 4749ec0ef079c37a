import { z } from 'zod';
import { mobilePhoneSchema, pageQuerySchema, versionSchema } from './common';
import { roleGrantSchema, roleSchema } from './auth';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, { error: 'USERNAME_FORMAT' });

/** At least 10 characters; the server also refuses the most common passwords. */
export const passwordSchema = z.string().min(10).max(256);

export const userStatuses = ['active', 'disabled'] as const;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string().nullable(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(userStatuses),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(roleGrantSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(40),
  phone: mobilePhoneSchema.nullable().optional(),
  password: passwordSchema,
  role: roleSchema,
  orgId: z.uuid().nullable().optional(),
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  version: versionSchema,
  displayName: z.string().trim().min(1).max(40).optional(),
  phone: mobilePhoneSchema.nullable().optional(),
  status: z.enum(userStatuses).optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.strictObject({ version: versionSchema, password: passwordSchema });

export const grantRoleSchema = z.strictObject({ role: roleSchema, orgId: z.uuid().nullable().optional() });
export type GrantRole = z.infer<typeof grantRoleSchema>;

export const listUsersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid().optional(),
  role: roleSchema.optional(),
  status: z.enum(userStatuses).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;
