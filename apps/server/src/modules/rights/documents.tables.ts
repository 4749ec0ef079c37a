import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { bytea } from './bytea';
import { rightsCase, rightsCaseParty } from './cases.tables';

/**
 * A generated document (调解协议书, 受理通知书) as stored: the PDF, its SHA-256, and the data it
 * was made from. Never changed: a later change makes version n+1 (a trigger refuses UPDATE/DELETE).
 */
export const rightsDocument = pgTable(
  'rights_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    kind: text('kind').notNull(),
    audience: text('audience').notNull(),
    version: integer('version').notNull(),
    /** SHA-256 of the template data (what the parties agree to); signatures are bound to it. */
    contentHash: text('content_hash').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    spec: jsonb('spec').notNull(),
    signatureIds: uuid('signature_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rights_document_version_unique').on(t.caseId, t.kind, t.audience, t.version),
    check('rights_document_kind_check', sql`${t.kind} in ('acceptance_notice','agreement')`),
    check('rights_document_audience_check', sql`${t.audience} in ('applicant','respondent','file')`),
  ],
);

/** A link for one signer to sign on a phone or tablet: single use, short-lived, only its hash stored. */
export const rightsSignRequest = pgTable(
  'rights_sign_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    kind: text('kind').notNull(),
    signerRole: text('signer_role').notNull(),
    partyId: uuid('party_id').references(() => rightsCaseParty.id),
    signerName: text('signer_name').notNull(),
    contentHash: text('content_hash').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rights_sign_request_token_unique').on(t.tokenHash), index('rights_sign_request_case_idx').on(t.caseId)],
);

/** A captured signature (PNG drawn on a screen), bound to the document content it was given for. */
export const rightsSignature = pgTable(
  'rights_signature',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    kind: text('kind').notNull(),
    signerRole: text('signer_role').notNull(),
    partyId: uuid('party_id').references(() => rightsCaseParty.id),
    signerName: text('signer_name').notNull(),
    contentHash: text('content_hash').notNull(),
    image: bytea('image').notNull(),
    sha256: text('sha256').notNull(),
    requestId: uuid('request_id').references(() => rightsSignRequest.id),
    ip: text('ip'),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_signature_case_idx').on(t.caseId, t.kind, t.contentHash), check('rights_signature_role_check', sql`${t.signerRole} in ('applicant','respondent','mediator')`)],
);

/** One reminder sent: the unique key makes a sweep idempotent across instances and reruns. */
export const rightsReminder = pgTable(
  'rights_reminder',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCase.id),
    clock: text('clock').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    daysBefore: integer('days_before').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    isSmsSent: boolean('is_sms_sent').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('rights_reminder_unique').on(t.caseId, t.clock, t.dueOn, t.daysBefore, t.userId), index('rights_reminder_user_idx').on(t.userId, t.sentAt)],
);

/** A quarterly-form reminder sent to a monitoring point's informant (idempotent like the case reminders). */
export const rightsPointReminder = pgTable(
  'rights_point_reminder',
  {
    pointId: uuid('point_id').notNull(),
    quarter: text('quarter').notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rights_point_reminder_unique').on(t.pointId, t.quarter, t.daysBefore)],
);

/** A district's (or federation's) settings; orgs below use their nearest ancestor's, else the defaults. */
export const rightsSetting = pgTable('rights_setting', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => org.id),
  acceptanceWorkingDays: integer('acceptance_working_days').notNull().default(3),
  reportDueDay: integer('report_due_day').notNull().default(10),
  thresholds: jsonb('thresholds'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => appUser.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Per-org, per-year sequences for human-facing numbers (江北调〔2026〕7号). */
export const rightsCounter = pgTable(
  'rights_counter',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [uniqueIndex('rights_counter_unique').on(t.orgId, t.kind, t.year)],
);
