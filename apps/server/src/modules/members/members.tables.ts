import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * A real-name person (会员的自然人信息). The ID number is stored only encrypted (AES-256-GCM,
 * envelope names its key), plus a keyed hash for exact lookup and a masked form for lists
 * (PIPL art. 28/51). `org_id` is the union that owns the record, for scoping.
 */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    realName: text('real_name').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    phone: text('phone'),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    employerName: text('employer_name'),
    employerCreditCode: text('employer_credit_code'),
    industry: text('industry'),
    employmentForm: text('employment_form').notNull().default('standard'),
    isMigrant: boolean('is_migrant').notNull().default(false),
    /** NBS street/town code (9 digits) of where the person works or lives. */
    homeStreetCode: text('home_street_code'),
    /** The register's fields (codes of packages/contracts registers.ts). */
    ethnicity: text('ethnicity'),
    politicalStatus: text('political_status'),
    education: text('education'),
    hukouPlace: text('hukou_place'),
    isHardship: boolean('is_hardship').notNull().default(false),
    userId: uuid('user_id').references(() => appUser.id),
    /** When staff approved the real-name data (an approved application or a staff entry). */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('person_id_number_hash_unique').on(t.idNumberHash),
    uniqueIndex('person_user_unique').on(t.userId).where(sql`${t.userId} is not null`),
    index('person_org_idx').on(t.orgId),
    index('person_phone_idx').on(t.phone),
    index('person_name_idx').on(t.realName.op('text_pattern_ops')),
    check('person_sex_check', sql`${t.sex} in ('male','female')`),
    check('person_ethnicity_check', sql`${t.ethnicity} ~ '^(0[1-9]|[1-4][0-9]|5[0-6])$'`),
    check('person_political_status_check', sql`${t.politicalStatus} in ('cpc_member','cpc_probationary','cyl_member','democratic_party','non_party','masses')`),
    check('person_education_check', sql`${t.education} in ('postgraduate','bachelor','associate','secondary','junior_or_below')`),
    index('person_hardship_idx').on(t.orgId).where(sql`${t.isHardship}`),
    check(
      'person_employment_form_check',
      sql`${t.employmentForm} in ('standard','delivery_rider','courier','ride_hailing','truck_driver','domestic','other_flexible')`,
    ),
  ],
);

/**
 * A person's membership of one grassroots or joint union. A person holds at most one open
 * membership (applied, active or suspended) at a time: a partial unique index enforces it even
 * under concurrent requests.
 */
export const membership = pgTable(
  'membership',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    memberNumber: text('member_number'),
    status: text('status').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    leftAt: timestamp('left_at', { withTimezone: true }),
    rejectedReason: text('rejected_reason'),
    /** Where the membership came from: an online application, a staff entry or an import batch. */
    source: text('source').notNull().default('online'),
    /** The QR that brought an online application: `ceremony:CODE` or `point:CODE` (建会入会 counts them). */
    via: text('via'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('membership_member_number_unique').on(t.memberNumber),
    uniqueIndex('membership_one_open_per_person').on(t.personId).where(sql`${t.status} in ('applied','active','suspended')`),
    index('membership_org_status_idx').on(t.orgId, t.status),
    index('membership_person_idx').on(t.personId),
    index('membership_joined_idx').on(t.joinedAt),
    check('membership_status_check', sql`${t.status} in ('applied','active','suspended','left','rejected','withdrawn')`),
  ],
);

/** Everything that happened to a membership, append-only: who, when, from where to where, why. */
export const membershipEvent = pgTable(
  'membership_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => membership.id),
    /** The union that owned the membership after the event, for scoping. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    kind: text('kind').notNull(),
    fromOrgId: uuid('from_org_id').references(() => org.id),
    toOrgId: uuid('to_org_id').references(() => org.id),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('membership_event_membership_idx').on(t.membershipId, t.at),
    check('membership_event_kind_check', sql`${t.kind} in ('applied','approved','rejected','transferred','suspended','resumed','left','edited','withdrawn')`),
  ],
);

/**
 * Member numbers run per district (the district's division code + a sequence); one row per
 * district, bumped with an atomic upsert so two approvals never get the same number.
 */
export const memberNumberCounter = pgTable('member_number_counter', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => org.id),
  lastValue: integer('last_value').notNull(),
});

/**
 * A collective join drive (集中入会) uploaded as .xlsx. The dry run's per-row report is kept (row,
 * column, reason — no full ID numbers); the checked rows themselves only encrypted, until commit.
 * One batch per file per org (keyed by the file's SHA-256), so the same file never adds anyone twice.
 */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const memberImport = pgTable(
  'member_import',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name'),
    status: text('status').notNull().default('checked'),
    mode: text('mode'),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    committedRows: integer('committed_rows').notNull().default(0),
    report: jsonb('report').notNull().default([]),
    rowsEnc: text('rows_enc'),
    /** The uploaded file until it is checked: in the database, so any instance's job runner can read it. */
    file: bytea('file'),
    /** The check or commit job working on this batch now (or last). */
    jobId: uuid('job_id'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('member_import_file_unique').on(t.orgId, t.fileHash),
    check('member_import_status_check', sql`${t.status} in ('queued','checking','checked','committing','committed','failed')`),
  ],
);

/**
 * A member's photo (issue 10 point 7: optional, only with consent). The image is kept encrypted
 * like the ID number (purpose `member.photo`); who recorded the consent and when is kept beside it,
 * and deleting the row is how consent is withdrawn.
 */
export const personPhoto = pgTable(
  'person_photo',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => person.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    /** AES-256-GCM envelope of the image's bytes (base64). */
    dataEnc: text('data_enc').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    consentRecordedBy: uuid('consent_recorded_by').references(() => appUser.id),
    consentRecordedByName: text('consent_recorded_by_name'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('person_photo_type_check', sql`${t.contentType} in ('image/jpeg','image/png','image/webp')`),
    check('person_photo_size_check', sql`${t.size} > 0 and ${t.size} <= 5242880`),
  ],
);
