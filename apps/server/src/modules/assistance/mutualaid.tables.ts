import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { membership, person } from '../members/members.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 职工互助保障: a district's plan for a year. Its rules (premium, benefits, caps) are data and
 * frozen once anyone is enrolled (the service refuses edits then).
 * benefits: { hospital: { dailyFen, capFen }, serious_illness: { lumpSumFen, capFen }, accident: { capFen } }.
 */
export const mutualaidPlan = pgTable(
  'mutualaid_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    premiumFen: integer('premium_fen').notNull(),
    benefits: jsonb('benefits').notNull(),
    /** All benefits of one person in the plan's year together never exceed this. */
    annualCapFen: integer('annual_cap_fen').notNull(),
    /** A payout above this needs a second approver (a different person). */
    secondApprovalFen: integer('second_approval_fen').notNull(),
    /** Percent of claims flagged at filing for a second check (抽查). */
    samplePercent: integer('sample_percent').notNull().default(10),
    status: text('status').notNull().default('draft'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutualaid_plan_org_year_unique').on(t.orgId, t.year),
    check('mutualaid_plan_status_check', sql`${t.status} in ('draft','open','closed')`),
    check('mutualaid_plan_money_check', sql`${t.premiumFen} >= 0 and ${t.annualCapFen} > 0 and ${t.secondApprovalFen} >= 0`),
    check('mutualaid_plan_sample_check', sql`${t.samplePercent} between 0 and 100`),
  ],
);

/** An upload of enrolments (参保名单) by a union: the per-row report is kept (capped). */
export const mutualaidBatch = pgTable(
  'mutualaid_batch',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => mutualaidPlan.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    fileName: text('file_name'),
    totalRows: integer('total_rows').notNull().default(0),
    enrolledRows: integer('enrolled_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    report: jsonb('report').notNull().default([]),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mutualaid_batch_plan_idx').on(t.planId, t.createdAt)],
);

/**
 * A member enrolled in a plan: once per person and plan (unique index). committed_fen is what
 * approved claims took of the year's cap; the check keeps it within the cap under any concurrency.
 */
export const mutualaidEnrolment = pgTable(
  'mutualaid_enrolment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => mutualaidPlan.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => membership.id),
    /** The member's union when enrolled: whose staff review the claims. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    batchId: uuid('batch_id').references(() => mutualaidBatch.id),
    premiumFen: integer('premium_fen').notNull(),
    capFen: integer('cap_fen').notNull(),
    committedFen: integer('committed_fen').notNull().default(0),
    enrolledBy: uuid('enrolled_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutualaid_enrolment_person_unique').on(t.planId, t.personId),
    index('mutualaid_enrolment_org_idx').on(t.orgId),
    index('mutualaid_enrolment_person_idx').on(t.personId),
    check('mutualaid_enrolment_cap_check', sql`${t.committedFen} >= 0 and ${t.committedFen} <= ${t.capFen}`),
  ],
);

/** What approved claims took of one benefit's yearly cap for an enrolment (kept within it by the check). */
export const mutualaidUsage = pgTable(
  'mutualaid_usage',
  {
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => mutualaidEnrolment.id),
    benefit: text('benefit').notNull(),
    capFen: integer('cap_fen').notNull(),
    committedFen: integer('committed_fen').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.enrolmentId, t.benefit] }),
    check('mutualaid_usage_cap_check', sql`${t.committedFen} >= 0 and ${t.committedFen} <= ${t.capFen}`),
    check('mutualaid_usage_benefit_check', sql`${t.benefit} in ('hospital','serious_illness','accident')`),
  ],
);

/**
 * A claim (互助金申请) filed by the enrolled worker on the phone: submitted → awaiting_second
 * (above the threshold or sampled) → approved → paid; rejected from submitted or awaiting_second.
 */
export const mutualaidClaim = pgTable(
  'mutualaid_claim',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => mutualaidEnrolment.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => mutualaidPlan.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    filedBy: uuid('filed_by').references(() => appUser.id),
    benefit: text('benefit').notNull(),
    incidentDate: date('incident_date', { mode: 'string' }).notNull(),
    hospitalDays: integer('hospital_days'),
    /** Accident: the medical cost the worker claims (fen). */
    amountFen: integer('amount_fen'),
    description: text('description').notNull().default(''),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    isSampled: boolean('is_sampled').notNull().default(false),
    status: text('status').notNull().default('submitted'),
    /** The plan's rule amount before caps, and what was paid after them. */
    ruleFen: integer('rule_fen'),
    payoutFen: integer('payout_fen'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    secondBy: uuid('second_by').references(() => appUser.id),
    secondByName: text('second_by_name'),
    secondAt: timestamp('second_at', { withTimezone: true }),
    rejectedReason: text('rejected_reason'),
    paymentMethod: text('payment_method'),
    paymentReference: text('payment_reference'),
    paidBy: uuid('paid_by').references(() => appUser.id),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutualaid_claim_number_unique').on(t.number),
    index('mutualaid_claim_plan_status_idx').on(t.planId, t.status),
    index('mutualaid_claim_enrolment_idx').on(t.enrolmentId),
    index('mutualaid_claim_org_idx').on(t.orgId),
    check('mutualaid_claim_status_check', sql`${t.status} in ('submitted','awaiting_second','approved','rejected','paid')`),
    check('mutualaid_claim_benefit_check', sql`${t.benefit} in ('hospital','serious_illness','accident')`),
    check('mutualaid_claim_method_check', sql`${t.paymentMethod} is null or ${t.paymentMethod} in ('transfer','in_person')`),
    // The second approver is never the first (four eyes, enforced by the database too).
    check('mutualaid_claim_second_distinct', sql`${t.secondBy} is null or ${t.secondBy} <> ${t.reviewedBy}`),
    check('mutualaid_claim_paid_check', sql`${t.status} <> 'paid' or (${t.payoutFen} is not null and ${t.paidAt} is not null and ${t.paymentMethod} is not null)`),
  ],
);
