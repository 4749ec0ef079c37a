import { sql } from 'drizzle-orm';
import { bigint, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { carePhoto } from '../stars/stars.tables';

/** bytea as a Node Buffer (PGlite hands back a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * 帮扶活动: a campaign run by a union (`org_id`, the owner): kind, period, budget (fen) with its
 * funding sources, benefit kinds, eligibility rules (JSON validated by the contracts' zod schema),
 * the second-approval threshold and a yearly per-person limit. approved_fen is what approvals took;
 * the check keeps it within the budget whatever the concurrency.
 */
export const campaign = pgTable(
  'campaign',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    approvedFen: bigint('approved_fen', { mode: 'number' }).notNull().default(0),
    fundingSources: jsonb('funding_sources').notNull(),
    benefits: jsonb('benefits').notNull(),
    eligibility: jsonb('eligibility').notNull().default({}),
    secondApprovalFen: bigint('second_approval_fen', { mode: 'number' }).notNull(),
    yearlyLimitFen: bigint('yearly_limit_fen', { mode: 'number' }),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaign_org_idx').on(t.orgId, t.startsOn),
    check('campaign_kind_check', sql`${t.kind} in ('winter','spring','summer','autumn','health','custom')`),
    check('campaign_status_check', sql`${t.status} in ('draft','open','closed')`),
    check('campaign_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('campaign_budget_check', sql`${t.budgetFen} > 0 and ${t.approvedFen} >= 0 and ${t.approvedFen} <= ${t.budgetFen}`),
  ],
);

/**
 * A union's share of a campaign's budget. The owner's row (parent null) holds the whole budget;
 * a union hands parts of its share down to unions below it (sub_allocated_fen) and spends the rest
 * on its own nominations (spent_fen). The check keeps both within the share under any concurrency:
 * a child's share is reserved in its parent when made, so no allocation and no budget is overspent.
 */
export const campaignAllocation = pgTable(
  'campaign_allocation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    parentId: uuid('parent_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    subAllocatedFen: bigint('sub_allocated_fen', { mode: 'number' }).notNull().default(0),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_allocation_org_unique').on(t.campaignId, t.orgId),
    index('campaign_allocation_parent_idx').on(t.parentId),
    check('campaign_allocation_within_check', sql`${t.subAllocatedFen} >= 0 and ${t.spentFen} >= 0 and ${t.subAllocatedFen} + ${t.spentFen} <= ${t.amountFen}`),
  ],
);

/**
 * A person nominated by a union (its allocation) for one benefit. person_id / membership_id are
 * the member identity without a foreign key (a membership may move to another district's shard,
 * as hardship_file). `steps` are the unions that approve, from the nominating union's parent up to
 * the owner; current_step counts the approvals done. One live nomination per person and campaign
 * (unique index): the second is refused.
 */
export const campaignNomination = pgTable(
  'campaign_nomination',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    allocationId: uuid('allocation_id')
      .notNull()
      .references(() => campaignAllocation.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personId: uuid('person_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    personName: text('person_name').notNull(),
    benefitKey: text('benefit_key').notNull(),
    benefitKind: text('benefit_kind').notNull(),
    quantity: integer('quantity'),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    year: integer('year').notNull(),
    steps: uuid('steps').array().notNull(),
    currentStep: integer('current_step').notNull().default(0),
    status: text('status').notNull(),
    attestations: jsonb('attestations').notNull().default({}),
    note: text('note').notNull().default(''),
    nominatedBy: uuid('nominated_by').references(() => appUser.id),
    /** Who approved the last step: the second approver must be someone else. */
    finalApproverId: uuid('final_approver_id').references(() => appUser.id),
    secondBy: uuid('second_by').references(() => appUser.id),
    secondByName: text('second_by_name'),
    secondAt: timestamp('second_at', { withTimezone: true }),
    rejectedReason: text('rejected_reason'),
    disburseMethod: text('disburse_method'),
    disburseReference: text('disburse_reference'),
    disbursedBy: uuid('disbursed_by').references(() => appUser.id),
    disbursedAt: timestamp('disbursed_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    ackVia: text('ack_via'),
    ackBy: uuid('ack_by').references(() => appUser.id),
    ackPhotoId: uuid('ack_photo_id').references(() => carePhoto.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_nomination_person_unique')
      .on(t.campaignId, t.personId)
      .where(sql`${t.status} <> 'rejected'`),
    index('campaign_nomination_campaign_idx').on(t.campaignId, t.status),
    index('campaign_nomination_org_idx').on(t.orgId),
    index('campaign_nomination_person_idx').on(t.personId, t.year),
    index('campaign_nomination_name_idx').on(t.campaignId, t.personName),
    check('campaign_nomination_status_check', sql`${t.status} in ('review','pending','awaiting_second','approved','disbursed','acknowledged','rejected')`),
    check('campaign_nomination_kind_check', sql`${t.benefitKind} in ('cash','goods','service')`),
    check('campaign_nomination_value_check', sql`${t.valueFen} >= 0`),
    check('campaign_nomination_method_check', sql`${t.disburseMethod} is null or ${t.disburseMethod} in ('transfer','in_person','goods_handover','service_delivered')`),
    check('campaign_nomination_ack_check', sql`${t.ackVia} is null or ${t.ackVia} in ('phone','sheet')`),
    // Four eyes, enforced by the database too: the second approver is never the last step's approver.
    check('campaign_nomination_second_distinct', sql`${t.secondBy} is null or ${t.secondBy} <> ${t.finalApproverId}`),
  ],
);

/** One approval step (or the rejection) of a nomination, by a person of the step's union. */
export const campaignApproval = pgTable(
  'campaign_approval',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => campaignNomination.id, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    approverId: uuid('approver_id')
      .notNull()
      .references(() => appUser.id),
    approverName: text('approver_name').notNull(),
    decision: text('decision').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaign_approval_step_unique').on(t.nominationId, t.step), check('campaign_approval_decision_check', sql`${t.decision} in ('approve','reject','second')`)],
);

/** The recipient's signature drawn on the phone when acknowledging (PNG). */
export const campaignSignature = pgTable('campaign_signature', {
  nominationId: uuid('nomination_id')
    .primaryKey()
    .references(() => campaignNomination.id, { onDelete: 'cascade' }),
  image: bytea('image').notNull(),
  signedBy: uuid('signed_by').references(() => appUser.id),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What one person received in a calendar year across campaigns (approved value, fen): the yearly
 * limit is checked against it with a conditional upsert, so parallel approvals cannot pass it.
 * org_id: the owner of the campaign that first charged it (its district is the row's shard).
 */
export const campaignPersonYear = pgTable(
  'campaign_person_year',
  {
    personId: uuid('person_id').notNull(),
    year: integer('year').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull().default(0),
    times: integer('times').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.personId, t.year] }), check('campaign_person_year_check', sql`${t.valueFen} >= 0 and ${t.times} >= 0`)],
);

/**
 * A possible duplicate found at nomination (same name + phone, a household member of the other's
 * hardship file, same employer + name, but not the same ID): staff mark 同一人 or 不同人.
 */
export const campaignDuplicateReview = pgTable(
  'campaign_duplicate_review',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => campaignNomination.id),
    otherNominationId: uuid('other_nomination_id')
      .notNull()
      .references(() => campaignNomination.id),
    reasons: text('reasons').array().notNull(),
    decision: text('decision'),
    note: text('note'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaign_duplicate_review_campaign_idx').on(t.campaignId, t.decision),
    index('campaign_duplicate_review_nomination_idx').on(t.nominationId),
    check('campaign_duplicate_review_decision_check', sql`${t.decision} is null or ${t.decision} in ('same','different')`),
    check('campaign_duplicate_review_reasons_check', sql`${t.reasons} <@ array['name_phone','household','employer_name']::text[] and cardinality(${t.reasons}) > 0`),
  ],
);

/**
 * A kept decision about two people (person_a < person_b): 'different' stops the pair from being
 * queued again; 'same' refuses the second of them in a campaign as a duplicate, in later campaigns too.
 */
export const campaignPersonPair = pgTable(
  'campaign_person_pair',
  {
    personA: uuid('person_a').notNull(),
    personB: uuid('person_b').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    decision: text('decision').notNull(),
    reviewId: uuid('review_id'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.personA, t.personB] }),
    index('campaign_person_pair_b_idx').on(t.personB),
    check('campaign_person_pair_order_check', sql`${t.personA} < ${t.personB}`),
    check('campaign_person_pair_decision_check', sql`${t.decision} in ('same','different')`),
  ],
);
