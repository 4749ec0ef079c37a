import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { position } from '../positions/positions.tables';
import { marketProject, marketProjectVersion, marketProvider, money, tstz } from './market.tables';

/**
 * A district's subsidy rule for a year (点单补贴): the budget, the share of a price the federation
 * pays, and a cap per ordering union. `committed_fen` is what open and delivered orders hold; the
 * check keeps it within the budget whatever the application does, so a burst of concurrent orders
 * can never overspend.
 */
export const marketSubsidyRule = pgTable(
  'market_subsidy_rule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    budgetFen: money('budget_fen').notNull(),
    percentBps: integer('percent_bps').notNull(),
    capPerUnionFen: money('cap_per_union_fen').notNull(),
    /**
     * The most subsidy one worker's own orders (自助点单) may take from this rule in its year, so a
     * few keen members cannot spend their union's whole cap. Default ¥200.
     */
    capPerPersonFen: money('cap_per_person_fen').notNull().default(20_000),
    committedFen: money('committed_fen').notNull().default(0),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_subsidy_rule_year_unique').on(t.orgId, t.year),
    check('market_subsidy_rule_budget_check', sql`${t.committedFen} >= 0 and ${t.committedFen} <= ${t.budgetFen}`),
    check('market_subsidy_rule_numbers_check', sql`${t.percentBps} between 0 and 10000 and ${t.capPerUnionFen} >= 0 and ${t.budgetFen} >= 0`),
    check('market_subsidy_rule_person_cap_check', sql`${t.capPerPersonFen} >= 0`),
  ],
);

/** What one ordering union holds of a rule; `cap_fen` mirrors the rule's cap so the check can hold it. */
export const marketSubsidyUsage = pgTable(
  'market_subsidy_usage',
  {
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => marketSubsidyRule.id),
    unionOrgId: uuid('union_org_id')
      .notNull()
      .references(() => org.id),
    committedFen: money('committed_fen').notNull().default(0),
    capFen: money('cap_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.unionOrgId] }), check('market_subsidy_usage_cap_check', sql`${t.committedFen} >= 0 and ${t.committedFen} <= ${t.capFen}`)],
);

/**
 * An order (点单) of a library project, on the version it was placed on: a union ordering for its
 * workers, or a worker ordering for themself (`is_self`). Money in fen: total = union (or worker)
 * pays + subsidy.
 */
export const marketOrder = pgTable(
  'market_order',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => marketProject.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => marketProjectVersion.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => marketProvider.id),
    districtOrgId: uuid('district_org_id')
      .notNull()
      .references(() => org.id),
    orderingOrgId: uuid('ordering_org_id').references(() => org.id),
    orderedBy: uuid('ordered_by')
      .notNull()
      .references(() => appUser.id),
    isSelf: boolean('is_self').notNull().default(false),
    serviceDate: date('service_date').notNull(),
    startTime: text('start_time'),
    headcount: integer('headcount').notNull(),
    sessions: integer('sessions').notNull(),
    placeKind: text('place_kind').notNull(),
    positionId: uuid('position_id').references(() => position.id),
    address: text('address'),
    note: text('note'),
    unitPriceFen: money('unit_price_fen').notNull(),
    priceUnit: text('price_unit').notNull(),
    totalFen: money('total_fen').notNull(),
    subsidyFen: money('subsidy_fen').notNull().default(0),
    payableFen: money('payable_fen').notNull(),
    ruleId: uuid('rule_id').references(() => marketSubsidyRule.id),
    status: text('status').notNull().default('placed'),
    declineReason: text('decline_reason'),
    cancelReason: text('cancel_reason'),
    confirmedAt: tstz('confirmed_at'),
    closedAt: tstz('closed_at'),
    deliveredAt: tstz('delivered_at'),
    deliveryNote: text('delivery_note'),
    deliveryPhotoIds: uuid('delivery_photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    attendanceCount: integer('attendance_count').notNull().default(0),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: tstz('rated_at'),
    ratedBy: uuid('rated_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_order_number_unique').on(t.number),
    index('market_order_provider_idx').on(t.providerId, t.status),
    index('market_order_ordering_idx').on(t.orderingOrgId),
    index('market_order_district_idx').on(t.districtOrgId, t.createdAt),
    index('market_order_project_idx').on(t.projectId, t.status),
    index('market_order_delivered_idx').on(t.deliveredAt),
    index('market_order_user_idx').on(t.orderedBy),
    check('market_order_status_check', sql`${t.status} in ('placed','confirmed','declined','cancelled','delivered')`),
    check('market_order_place_check', sql`${t.placeKind} in ('position','address','online')`),
    check('market_order_money_check', sql`${t.subsidyFen} >= 0 and ${t.payableFen} >= 0 and ${t.totalFen} = ${t.subsidyFen} + ${t.payableFen}`),
    check('market_order_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('market_order_headcount_check', sql`${t.headcount} >= 1 and ${t.sessions} >= 1`),
  ],
);

/** One person at a delivered service (人次): a scanned membership card or a sign-in by QR. */
export const marketAttendance = pgTable(
  'market_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => marketOrder.id),
    // No foreign key: a member of another district may attend, and memberships live on their own
    // district's shard (docs/SCALING.md); the service finds the membership before it records it.
    membershipId: uuid('membership_id'),
    userId: uuid('user_id').references(() => appUser.id),
    method: text('method').notNull(),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('market_attendance_membership_unique').on(t.orderId, t.membershipId).where(sql`${t.membershipId} is not null`),
    uniqueIndex('market_attendance_user_unique').on(t.orderId, t.userId).where(sql`${t.userId} is not null`),
    index('market_attendance_at_idx').on(t.at),
    check('market_attendance_who_check', sql`${t.membershipId} is not null or ${t.userId} is not null`),
    check('market_attendance_method_check', sql`${t.method} in ('card','qr')`),
  ],
);
