import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { position } from '../positions/positions.tables';

const tstz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 共享食堂: the canteen settings of a position of type canteen. org_id is the position's union,
 * whose staff (and those above) set the prices, certify and run the terminals.
 * max_reduced_per_day: reduced-price meals a person may have a day (the issue: two).
 */
export const canteen = pgTable(
  'canteen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    normalPriceFen: integer('normal_price_fen').notNull(),
    maxReducedPerDay: integer('max_reduced_per_day').notNull().default(2),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('canteen_position_unique').on(t.positionId),
    index('canteen_org_idx').on(t.orgId),
    check('canteen_price_check', sql`${t.normalPriceFen} >= 0 and ${t.maxReducedPerDay} between 1 and 2`),
  ],
);

/**
 * A price tier (优惠档): who qualifies (grounds: outdoor_worker, over_60, veteran, low_income,
 * five_guarantees, disabled) and whether a staff certification is needed. A tier needing none is
 * also met from the member record where a ground can be read there (over_60, outdoor_worker).
 */
export const canteenTier = pgTable(
  'canteen_tier',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    canteenId: uuid('canteen_id')
      .notNull()
      .references(() => canteen.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    priceFen: integer('price_fen').notNull(),
    grounds: text('grounds').array().notNull(),
    needsCertification: boolean('needs_certification').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('canteen_tier_canteen_idx').on(t.canteenId), check('canteen_tier_price_check', sql`${t.priceFen} >= 0`)],
);

/**
 * A worker's certification for a tier (优惠资格认定): applied for with a ground and documents,
 * approved by staff with an expiry day (inclusive, Asia/Shanghai) or refused with a reason. One
 * pending application per person and tier (partial unique index). No FK on person: a worker of
 * another district may eat here.
 */
export const canteenCertification = pgTable(
  'canteen_certification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    canteenId: uuid('canteen_id')
      .notNull()
      .references(() => canteen.id),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => canteenTier.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personId: uuid('person_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    personName: text('person_name').notNull(),
    applicantId: uuid('applicant_id').references(() => appUser.id),
    ground: text('ground').notNull(),
    note: text('note').notNull().default(''),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status').notNull().default('pending'),
    expiresOn: date('expires_on', { mode: 'string' }),
    refusalReason: text('refusal_reason'),
    decidedAt: tstz('decided_at'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('canteen_certification_pending_unique')
      .on(t.tierId, t.personId)
      .where(sql`${t.status} = 'pending'`),
    index('canteen_certification_person_idx').on(t.personId, t.status),
    index('canteen_certification_canteen_idx').on(t.canteenId, t.status, t.createdAt),
    check('canteen_certification_status_check', sql`${t.status} in ('pending','approved','refused')`),
    check('canteen_certification_ground_check', sql`${t.ground} in ('outdoor_worker','over_60','veteran','low_income','five_guarantees','disabled')`),
    check('canteen_certification_expiry_check', sql`${t.status} <> 'approved' or ${t.expiresOn} is not null`),
  ],
);

/** A canteen's terminal (收银终端): signs its requests like the fund's POS (platform/terminal-signing). */
export const canteenTerminal = pgTable(
  'canteen_terminal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    canteenId: uuid('canteen_id')
      .notNull()
      .references(() => canteen.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    keyId: text('key_id').notNull(),
    secretEnc: text('secret_enc').notNull(),
    status: text('status').notNull().default('active'),
    lastSeenAt: tstz('last_seen_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('canteen_terminal_key_unique').on(t.keyId), index('canteen_terminal_canteen_idx').on(t.canteenId), check('canteen_terminal_status_check', sql`${t.status} in ('active','revoked')`)],
);

/** Nonces seen in the last minutes (a replay is refused on any instance), as pos_nonce. */
export const canteenTerminalNonce = pgTable(
  'canteen_terminal_nonce',
  {
    terminalId: uuid('terminal_id').notNull(),
    nonce: text('nonce').notNull(),
    seenAt: tstz('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.nonce] }), index('canteen_terminal_nonce_seen_idx').on(t.seenAt)],
);

/**
 * A meal served (就餐记录) with the tier and price that applied. reduced_slot is 1 or 2 for a
 * reduced-price meal: the unique index over (person, day, slot) holds "at most two reduced meals
 * a person a day" under any concurrency; a normal-price meal has none.
 */
export const canteenMeal = pgTable(
  'canteen_meal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    canteenId: uuid('canteen_id')
      .notNull()
      .references(() => canteen.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    terminalId: uuid('terminal_id').references(() => canteenTerminal.id),
    tierId: uuid('tier_id').references(() => canteenTier.id),
    tierName: text('tier_name'),
    priceFen: integer('price_fen').notNull(),
    reducedSlot: integer('reduced_slot'),
    personId: uuid('person_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    personName: text('person_name').notNull(),
    serviceDay: date('service_day', { mode: 'string' }).notNull(),
    servedAt: tstz('served_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('canteen_meal_reduced_unique')
      .on(t.personId, t.serviceDay, t.reducedSlot)
      .where(sql`${t.reducedSlot} is not null`),
    index('canteen_meal_canteen_idx').on(t.canteenId, t.servedAt),
    index('canteen_meal_org_idx').on(t.orgId, t.servedAt),
    check('canteen_meal_slot_check', sql`${t.reducedSlot} is null or ${t.reducedSlot} between 1 and 2`),
  ],
);
