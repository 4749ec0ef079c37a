import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { carePhoto } from '../stars/stars.tables';

/** bytea as a Node Buffer (PGlite hands back a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * 困难职工档案: one household's hardship file, opened for a member (`membership_id`, `person_id`:
 * one member identity, no foreign key because a membership may move to another district's shard)
 * by the worker on the phone or by the union's staff. `org_id` is the member's union at opening:
 * the file is scoped by it. `income_per_head_fen` is kept in step with the household rows (the
 * list filters and the figures read it). At most one open file per person.
 */
export const hardshipFile = pgTable(
  'hardship_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    membershipId: uuid('membership_id').notNull(),
    personId: uuid('person_id').notNull(),
    applicantName: text('applicant_name').notNull(),
    /** The worker's account when they opened it on the phone, or the account linked to the member. */
    applicantUserId: uuid('applicant_user_id').references(() => appUser.id),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => appUser.id),
    openedVia: text('opened_via').notNull(),
    status: text('status').notNull().default('draft'),
    tier: text('tier'),
    causes: text('causes').array().notNull(),
    causeNote: text('cause_note').notNull().default(''),
    householdSize: integer('household_size').notNull().default(0),
    incomePerHeadFen: bigint('income_per_head_fen', { mode: 'number' }).notNull().default(0),
    returnNote: text('return_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    noticeStartsOn: date('notice_starts_on'),
    noticeEndsOn: date('notice_ends_on'),
    admittedOn: date('admitted_on'),
    nextReviewOn: date('next_review_on'),
    /** The review date a reminder was sent for (one reminder per due date). */
    reviewRemindedFor: date('review_reminded_for'),
    exitKind: text('exit_kind'),
    exitReason: text('exit_reason'),
    exitedOn: date('exited_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hardship_file_org_idx').on(t.orgId, t.status),
    index('hardship_file_applicant_idx').on(t.applicantUserId),
    index('hardship_file_review_idx')
      .on(t.nextReviewOn)
      .where(sql`${t.status} = 'active'`),
    uniqueIndex('hardship_file_open_person_unique')
      .on(t.personId)
      .where(sql`${t.status} not in ('exited','rejected')`),
    check('hardship_file_status_check', sql`${t.status} in ('draft','submitted','verifying','verified','notice','active','rejected','exited')`),
    check('hardship_file_tier_check', sql`${t.tier} in ('deep','relative','accident')`),
    check('hardship_file_via_check', sql`${t.openedVia} in ('phone','staff')`),
    check('hardship_file_causes_check', sql`${t.causes} <@ array['illness','disability','disaster','single_parent','child_in_school','other']::text[] and cardinality(${t.causes}) > 0`),
    check('hardship_file_exit_check', sql`(${t.status} = 'exited') = (${t.exitKind} is not null) and ${t.exitKind} in ('resolved','withdrawn')`),
    check('hardship_file_notice_check', sql`${t.noticeEndsOn} >= ${t.noticeStartsOn}`),
  ],
);
export type HardshipFileRow = typeof hardshipFile.$inferSelect;

/** A person of the household. The ID number is kept only encrypted plus its mask (PIPL art. 28/51). */
export const hardshipHouseholdMember = pgTable(
  'hardship_household_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFile.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberMasked: text('id_number_masked'),
    monthlyIncomeFen: bigint('monthly_income_fen', { mode: 'number' }).notNull().default(0),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hardship_household_member_file_idx').on(t.fileId),
    check('hardship_household_member_relation_check', sql`${t.relation} in ('self','spouse','child','parent','sibling','grandparent','grandchild','other')`),
    check('hardship_household_member_income_check', sql`${t.monthlyIncomeFen} >= 0`),
  ],
);

/** A supporting document: a photo (or scan) of the shared photo store, uploaded by whoever attached it. */
export const hardshipDocument = pgTable(
  'hardship_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFile.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => carePhoto.id),
    kind: text('kind').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hardship_document_file_idx').on(t.fileId),
    index('hardship_document_photo_idx').on(t.photoId),
    check('hardship_document_kind_check', sql`${t.kind} in ('income_proof','medical','disability','disaster','school','other')`),
  ],
);

/** The worker's 授权书: a signature drawn on the phone (PNG), bound to the consent text's version and hash. */
export const hardshipConsent = pgTable(
  'hardship_consent',
  {
    fileId: uuid('file_id')
      .primaryKey()
      .references(() => hardshipFile.id, { onDelete: 'cascade' }),
    /** The worker's account; null for a consent signed before the worker had one (the demo's files, opened by staff). */
    signedBy: uuid('signed_by').references(() => appUser.id),
    textVersion: text('text_version').notNull(),
    textHash: text('text_hash').notNull(),
    image: bytea('image').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
);

/** One of the two verifications (核实): two different staff, neither the opener (the unique index and the service). */
export const hardshipVerification = pgTable(
  'hardship_verification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFile.id, { onDelete: 'cascade' }),
    verifierId: uuid('verifier_id')
      .notNull()
      .references(() => appUser.id),
    verifierName: text('verifier_name').notNull(),
    tier: text('tier').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hardship_verification_file_verifier_unique').on(t.fileId, t.verifierId), check('hardship_verification_tier_check', sql`${t.tier} in ('deep','relative','accident')`)],
);

/** An objection raised during the public notice (公示), with its outcome. */
export const hardshipObjection = pgTable(
  'hardship_objection',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFile.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    raisedOn: date('raised_on').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => appUser.id),
    outcome: text('outcome').notNull().default('pending'),
    outcomeNote: text('outcome_note'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('hardship_objection_file_idx').on(t.fileId), check('hardship_objection_outcome_check', sql`${t.outcome} in ('pending','upheld','dismissed')`)],
);

/** A yearly review (年度复核) of a file in 在档. */
export const hardshipReview = pgTable(
  'hardship_review',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFile.id, { onDelete: 'cascade' }),
    reviewedOn: date('reviewed_on').notNull(),
    reviewerId: uuid('reviewer_id').references(() => appUser.id),
    reviewerName: text('reviewer_name').notNull(),
    outcome: text('outcome').notNull(),
    tier: text('tier'),
    note: text('note').notNull(),
  },
  (t) => [index('hardship_review_file_idx').on(t.fileId), check('hardship_review_outcome_check', sql`${t.outcome} in ('continue','exit')`)],
);

/** The local threshold of income per head (fen a month), stored per district (or any org); the nearest ancestor's applies. */
export const hardshipThreshold = pgTable('hardship_threshold', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => org.id),
  monthlyFenPerHead: bigint('monthly_fen_per_head', { mode: 'number' }).notNull(),
  updatedBy: uuid('updated_by').references(() => appUser.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
