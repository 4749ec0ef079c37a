import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

export const money = (name: string) => bigint(name, { mode: 'number' });
export const tstz = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A service provider (服务商): a social organisation, school, clinic, company or studio that
 * offers projects in a district's marketplace. `org_id` is the district union whose staff review
 * it (the scope); `service_area_org_ids` the subtrees it serves (empty = the whole district).
 */
export const marketProvider = pgTable(
  'market_provider',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    type: text('type').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    address: text('address'),
    intro: text('intro'),
    serviceAreaOrgIds: uuid('service_area_org_ids').array().notNull().default(sql`'{}'::uuid[]`),
    qualificationFileIds: uuid('qualification_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status').notNull().default('pending'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedAt: tstz('reviewed_at'),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_provider_credit_code_unique').on(t.creditCode),
    index('market_provider_org_status_idx').on(t.orgId, t.status),
    check('market_provider_type_check', sql`${t.type} in ('social_org','school','clinic','company','studio')`),
    check('market_provider_status_check', sql`${t.status} in ('pending','returned','approved','suspended')`),
  ],
);

/** The accounts that act for a provider in its portal; an account acts for one provider. */
export const marketProviderUser = pgTable(
  'market_provider_user',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => marketProvider.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.userId] }), uniqueIndex('market_provider_user_user_unique').on(t.userId)],
);

/**
 * Files of the marketplace: project photos, qualification documents, delivery photos. Checked by
 * their first bytes (platform/uploads.ts), at most 5 MB, kept in the database so every instance
 * serves them. `provider_id` is the provider the uploader acted for (null for staff uploads).
 */
export const marketFile = pgTable(
  'market_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').references(() => marketProvider.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => appUser.id),
    name: text('name'),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('market_file_provider_idx').on(t.providerId),
    // The upload quota sums a user's last 24 hours.
    index('market_file_uploader_idx').on(t.uploadedBy, t.createdAt),
    check('market_file_type_check', sql`${t.contentType} in ('image/jpeg','image/png','image/webp','application/pdf')`),
  ],
);

/**
 * A service project (服务项目). What it offers lives in its versions: an edit of an approved
 * project is a new version staff review, while orders keep the version they were placed on.
 * `is_listed`: in the district's project library (published winners, and approved projects the
 * district admits).
 */
export const marketProject = pgTable(
  'market_project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => marketProvider.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    status: text('status').notNull().default('draft'),
    currentVersionId: uuid('current_version_id'),
    latestVersionId: uuid('latest_version_id'),
    isListed: boolean('is_listed').notNull().default(false),
    listedAt: tstz('listed_at'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_project_code_unique').on(t.code),
    index('market_project_provider_idx').on(t.providerId),
    index('market_project_org_listed_idx').on(t.orgId, t.isListed),
    check('market_project_status_check', sql`${t.status} in ('draft','pending','approved','returned','suspended')`),
  ],
);

export const marketProjectVersion = pgTable(
  'market_project_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => marketProject.id),
    number: integer('number').notNull(),
    status: text('status').notNull().default('draft'),
    title: text('title').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    formats: text('formats').array().notNull(),
    priceFen: money('price_fen').notNull(),
    priceUnit: text('price_unit').notNull().default('session'),
    capacity: integer('capacity').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    allowsSelfOrder: boolean('allows_self_order').notNull().default(false),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedAt: tstz('reviewed_at'),
    submittedAt: tstz('submitted_at'),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_project_version_number_unique').on(t.projectId, t.number),
    check('market_project_version_status_check', sql`${t.status} in ('draft','pending','approved','returned','superseded')`),
    check('market_project_version_category_check', sql`${t.category} in ('skills','culture','sports','team_building','health','other')`),
    check('market_project_version_unit_check', sql`${t.priceUnit} in ('session','person')`),
    check('market_project_version_numbers_check', sql`${t.priceFen} >= 0 and ${t.capacity} >= 1 and ${t.durationMinutes} >= 1`),
  ],
);

/** Human-facing sequence numbers (project codes, order numbers, entry numbers), one row per series. */
export const marketCounter = pgTable('market_counter', {
  key: text('key').primaryKey(),
  lastValue: integer('last_value').notNull().default(0),
});
