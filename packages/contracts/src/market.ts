import { z } from 'zod';
import { mobilePhoneSchema, pageQuerySchema, versionSchema } from './common';
import { trackRecordSchema } from './market-competition';
import { priceUnits, projectCategories, projectFormats, projectStatuses, providerStatuses, providerTypes, targetGroups, versionStatuses } from './market-domain';

export * from './market-domain';
export * from './market-competition';
export * from './market-orders';

/**
 * The service marketplace (职工服务自选超市): PRODUCT.md part 5, issue #12. Providers, their
 * projects (versioned), the project library. Money is integer fen; times ISO 8601 UTC strings;
 * dates Asia/Shanghai calendar days. The competition is in market-competition.ts, ordering in
 * market-orders.ts.
 */

export const marketRefSchema = z.object({ id: z.uuid(), name: z.string() });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
// GB 32100 (length, alphabet, check character) is checked by the server with the orgs' rule.
const creditCodeSchema = z.string().trim().toUpperCase().min(1).max(40);

// ---------------------------------------------------------------- files
export const marketFileSchema = z.object({ id: z.uuid(), name: z.string().nullable(), contentType: z.string(), size: z.number().int(), createdAt: z.string() });
export type MarketFile = z.infer<typeof marketFileSchema>;
export const uploadFileQuerySchema = z.object({ name: z.string().trim().max(120).optional() });

// ---------------------------------------------------------------- providers

export const providerSchema = z.object({
  id: z.uuid(),
  org: marketRefSchema,
  name: z.string(),
  creditCode: z.string(),
  type: z.enum(providerTypes),
  contactName: z.string(),
  /** Masked (138****0001) except to the provider itself. */
  contactPhone: z.string(),
  address: z.string().nullable(),
  intro: z.string().nullable(),
  serviceAreas: z.array(marketRefSchema),
  qualifications: z.array(marketFileSchema),
  status: z.enum(providerStatuses),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  projectCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Provider = z.infer<typeof providerSchema>;
export const providerDetailSchema = providerSchema.extend({ trackRecord: trackRecordSchema });
export type ProviderDetail = z.infer<typeof providerDetailSchema>;

const providerFields = {
  name: text(2, 100),
  creditCode: creditCodeSchema,
  type: z.enum(providerTypes),
  contactName: text(2, 40),
  contactPhone: mobilePhoneSchema,
  address: text(0, 200).nullable().optional(),
  intro: text(0, 2000).nullable().optional(),
  serviceAreaOrgIds: z.array(z.uuid()).max(50).default([]),
  qualificationFileIds: z.array(z.uuid()).max(20).default([]),
};
/** Registration: the district whose marketplace the provider joins, and the organisation's details. */
export const registerProviderSchema = z.strictObject({ orgId: z.uuid(), ...providerFields });
export type RegisterProvider = z.input<typeof registerProviderSchema>;
export const updateProviderSchema = z.strictObject({ version: versionSchema, ...providerFields });
export type UpdateProvider = z.input<typeof updateProviderSchema>;

export const providerDecisions = ['approve', 'return', 'suspend', 'reinstate'] as const;
export const reviewProviderSchema = z.strictObject({ version: versionSchema, decision: z.enum(providerDecisions), reason: text(0, 500).optional() });
export type ReviewProvider = z.infer<typeof reviewProviderSchema>;
export const listProvidersQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  status: z.enum(providerStatuses).optional(),
  type: z.enum(providerTypes).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListProvidersQuery = z.infer<typeof listProvidersQuerySchema>;
export const myProviderSchema = z.object({ provider: providerSchema.nullable() });
export const districtsSchema = z.object({ items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })) });

// ---------------------------------------------------------------- projects and versions
export const projectVersionInputSchema = z.strictObject({
  title: text(2, 60),
  category: z.enum(projectCategories),
  description: text(10, 4000),
  targetGroups: z.array(z.enum(targetGroups)).max(targetGroups.length).default([]),
  formats: z.array(z.enum(projectFormats)).min(1).max(3),
  /** 0 = free. */
  priceFen: z.number().int().min(0).max(100_000_000),
  priceUnit: z.enum(priceUnits),
  capacity: z.number().int().min(1).max(10_000),
  durationMinutes: z.number().int().min(10).max(60 * 24 * 7),
  allowsSelfOrder: z.boolean().default(false),
  photoIds: z.array(z.uuid()).max(9).default([]),
  attachmentIds: z.array(z.uuid()).max(9).default([]),
});
export type ProjectVersionInput = z.input<typeof projectVersionInputSchema>;
export const saveProjectDraftSchema = projectVersionInputSchema.extend({ version: versionSchema });
export type SaveProjectDraft = z.input<typeof saveProjectDraftSchema>;

export const projectVersionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(versionStatuses),
  title: z.string(),
  category: z.enum(projectCategories),
  description: z.string(),
  targetGroups: z.array(z.enum(targetGroups)),
  formats: z.array(z.enum(projectFormats)),
  priceFen: z.number().int(),
  priceUnit: z.enum(priceUnits),
  capacity: z.number().int(),
  durationMinutes: z.number().int(),
  allowsSelfOrder: z.boolean(),
  photoIds: z.array(z.uuid()),
  attachmentIds: z.array(z.uuid()),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ProjectVersion = z.infer<typeof projectVersionSchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  provider: marketRefSchema,
  org: marketRefSchema,
  status: z.enum(projectStatuses),
  isListed: z.boolean(),
  /** The approved version (what the library shows and orders are placed on), if any. */
  current: projectVersionSchema.nullable(),
  /** The newest version: a draft, one waiting for review, returned, or the approved one. */
  latest: projectVersionSchema,
  openOrders: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectDetailSchema = projectSchema.extend({ versions: z.array(projectVersionSchema), trackRecord: trackRecordSchema.optional() });
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const listProjectsQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  providerId: z.uuid().optional(),
  status: z.enum(projectStatuses).optional(),
  /** Only projects with a version waiting for review. */
  isPending: z.coerce.boolean().optional(),
  isListed: z.enum(['true', 'false']).optional(),
  category: z.enum(projectCategories).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListProjectsQuery = z.infer<typeof listProjectsQuerySchema>;
export const reviewVersionSchema = z.strictObject({ versionId: z.uuid(), decision: z.enum(['approve', 'return']), reason: text(0, 500).optional() });
export type ReviewVersion = z.infer<typeof reviewVersionSchema>;
export const setListingSchema = z.strictObject({ version: versionSchema, isListed: z.boolean() });

// ---------------------------------------------------------------- the project library (catalogue)
export const libraryItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  versionId: z.uuid(),
  title: z.string(),
  category: z.enum(projectCategories),
  formats: z.array(z.enum(projectFormats)),
  targetGroups: z.array(z.enum(targetGroups)),
  priceFen: z.number().int(),
  priceUnit: z.enum(priceUnits),
  capacity: z.number().int(),
  durationMinutes: z.number().int(),
  allowsSelfOrder: z.boolean(),
  photoId: z.uuid().nullable(),
  provider: marketRefSchema,
  district: marketRefSchema,
  serviceAreas: z.array(marketRefSchema),
  ratingAverage: z.number().nullable(),
  ratingCount: z.number().int(),
  deliveredOrders: z.number().int(),
  /** The best prize the project won in a published season (1 = first prize). */
  award: z.object({ prize: z.number().int(), seasonTitle: z.string(), year: z.number().int() }).nullable(),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;
export const libraryDetailSchema = libraryItemSchema.extend({
  description: z.string(),
  photoIds: z.array(z.uuid()),
  attachmentIds: z.array(z.uuid()),
  comments: z.array(z.object({ rating: z.number().int(), comment: z.string(), union: z.string().nullable(), at: z.string() })),
});
export type LibraryDetail = z.infer<typeof libraryDetailSchema>;
export const libraryQuerySchema = pageQuerySchema.extend({
  /** The district (org id or code); default all. */
  org: z.string().trim().max(40).optional(),
  category: z.enum(projectCategories).optional(),
  format: z.enum(projectFormats).optional(),
  /** Projects that serve this org (its street or union): their service area covers it. */
  areaOrgId: z.uuid().optional(),
  maxPriceFen: z.coerce.number().int().min(0).optional(),
  isSelfOrder: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['rating', 'price', 'newest']).default('rating'),
});
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;
