import { z } from 'zod';
import { mobilePhoneSchema } from './common';
import { orgRefSchema } from './orgs';

import { permissions, roles } from './domain';

export const roleSchema = z.enum(roles);

export const loginSchema = z.strictObject({
  /** A username or a mobile number. */
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type Login = z.infer<typeof loginSchema>;

export const smsCodeRequestSchema = z.strictObject({ phone: mobilePhoneSchema });
export type SmsCodeRequest = z.infer<typeof smsCodeRequestSchema>;
export const smsCodeResponseSchema = z.object({ resendAfterSeconds: z.number().int(), expiresInSeconds: z.number().int() });

export const smsLoginSchema = z.strictObject({
  phone: mobilePhoneSchema,
  code: z.string().regex(/^\d{6}$/, { error: 'SMS_CODE_FORMAT' }),
  /** The privacy policy version the worker accepted before the code was sent (PIPL); recorded when the account is made. */
  privacyPolicyVersion: z.string().trim().max(20).optional(),
});
export type SmsLogin = z.infer<typeof smsLoginSchema>;

export const roleGrantSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  org: orgRefSchema.nullable(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string().nullable(),
    displayName: z.string(),
    phoneMasked: z.string().nullable(),
  }),
  grants: z.array(roleGrantSchema),
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
  /** Where the staff user's scope starts: the roots of the subtrees they were granted. */
  scopeRoots: z.array(orgRefSchema),
  isStaff: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  isCurrent: z.boolean(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10).max(256),
});
