import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

import { orgStatuses, orgTypes } from './domain';

export const orgTypeSchema = z.enum(orgTypes);

/** Org codes are what staff type and what the CLI takes: upper-case letters, digits and dashes. */
export const orgCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { error: 'ORG_CODE_FORMAT' });

export const orgSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: orgTypeSchema,
  parentId: z.uuid().nullable(),
  depth: z.number().int(),
  divisionCode: z.string().nullable(),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** 工会主席 and how to reach them; 成立日期; 工会法人资格证书号 (issue 10 point 7). */
  chairName: z.string().nullable(),
  chairPhone: z.string().nullable(),
  foundedOn: z.string().nullable(),
  legalCertNo: z.string().nullable(),
  status: z.enum(orgStatuses),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  childCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: orgTypeSchema });
export type OrgRef = z.infer<typeof orgRefSchema>;

export const orgDetailSchema = orgSchema.extend({ ancestors: z.array(orgRefSchema) });
export type OrgDetail = z.infer<typeof orgDetailSchema>;

const orgFields = {
  name: z.string().trim().min(2).max(100),
  shortName: z.string().trim().max(40).nullable().optional(),
  divisionCode: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3})?$/, { error: 'DIVISION_CODE_FORMAT' })
    .nullable()
    .optional(),
  creditCode: z.string().trim().toUpperCase().nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  contactName: z.string().trim().max(40).nullable().optional(),
  contactPhone: z.string().trim().max(20).nullable().optional(),
  chairName: z.string().trim().max(40).nullable().optional(),
  chairPhone: z.string().trim().max(20).nullable().optional(),
  foundedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'FIELD_FORMAT' })
    .nullable()
    .optional(),
  legalCertNo: z.string().trim().max(40).nullable().optional(),
};

export const createOrgSchema = z.strictObject({
  code: orgCodeSchema,
  type: orgTypeSchema,
  parentId: z.uuid(),
  ...orgFields,
});
export type CreateOrg = z.infer<typeof createOrgSchema>;

export const updateOrgSchema = z.strictObject({
  version: versionSchema,
  code: orgCodeSchema.optional(),
  name: orgFields.name.optional(),
  shortName: orgFields.shortName,
  divisionCode: orgFields.divisionCode,
  creditCode: orgFields.creditCode,
  address: orgFields.address,
  contactName: orgFields.contactName,
  contactPhone: orgFields.contactPhone,
  chairName: orgFields.chairName,
  chairPhone: orgFields.chairPhone,
  foundedOn: orgFields.foundedOn,
  legalCertNo: orgFields.legalCertNo,
});
export type UpdateOrg = z.infer<typeof updateOrgSchema>;

export const moveOrgSchema = z.strictObject({ version: versionSchema, parentId: z.uuid() });
export type MoveOrg = z.infer<typeof moveOrgSchema>;

export const closeOrgSchema = z.strictObject({ version: versionSchema, reason: z.string().trim().min(2).max(200) });
export type CloseOrg = z.infer<typeof closeOrgSchema>;

export const reopenOrgSchema = z.strictObject({ version: versionSchema });

export const listOrgsQuerySchema = pageQuerySchema.extend({
  /** Only nodes in this node's subtree (inclusive). */
  under: z.uuid().optional(),
  /** Only the direct children of this node. */
  parentId: z.uuid().optional(),
  type: orgTypeSchema.optional(),
  status: z.enum(orgStatuses).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListOrgsQuery = z.infer<typeof listOrgsQuerySchema>;

export const divisionSchema = z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'county', 'street']) });
export type Division = z.infer<typeof divisionSchema>;

/** Public, no sign-in, no personal data: what the big screens show of the union tree. */
export const publicFiguresQuerySchema = z.strictObject({ org: z.string().trim().max(32).optional() });
export const publicFiguresSchema = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  orgs: z.object({ total: z.number().int(), byType: z.record(z.string(), z.number().int()) }),
  generatedAt: z.string(),
});
export type PublicFigures = z.infer<typeof publicFiguresSchema>;
