import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { position } from '../positions/positions.tables';

const money = (name: string) => bigint(name, { mode: 'number' });
const tstz = (name: string) => timestamp(name, { withTimezone: true });

/** A charity fund (爱心基金) of an org, with its breakfast rules. */
export const fund = pgTable(
  'fund',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    breakfastsPerDay: integer('breakfasts_per_day').notNull().default(1),
    breakfastPriceFen: money('breakfast_price_fen').notNull().default(800),
    minBalanceFen: money('min_balance_fen').notNull().default(0),
    defaultCardValidUntil: date('default_card_valid_until'),
    /** A new card's validity from its issue day, when no common expiry day is set (or it has passed). */
    cardValidMonths: integer('card_valid_months').notNull().default(12),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fund_code_unique').on(t.code), index('fund_org_idx').on(t.orgId)],
);

/** The running totals of a fund, updated in the same transaction as every entry. */
export const fundTotal = pgTable('fund_total', {
  fundId: uuid('fund_id')
    .primaryKey()
    .references(() => fund.id),
  contributedFen: money('contributed_fen').notNull().default(0),
  sales: money('sales').notNull().default(0),
  breakfastFen: money('breakfast_fen').notNull().default(0),
  breakfasts: money('breakfasts').notNull().default(0),
  transferredFen: money('transferred_fen').notNull().default(0),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** A shop (the snack window of a commerce-sustained station), run by an operator company. */
export const fundShop = pgTable(
  'fund_shop',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => fund.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    operatorName: text('operator_name').notNull(),
    operatorCreditCode: text('operator_credit_code'),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fund_shop_code_unique').on(t.code),
    index('fund_shop_position_idx').on(t.positionId),
    check('fund_shop_status_check', sql`${t.status} in ('active','closed')`),
  ],
);

/** Contribution rules of a shop, kept as history: the one with the latest effective_from ≤ the sale's day applies. */
export const contributionRule = pgTable(
  'contribution_rule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => fundShop.id),
    kind: text('kind').notNull(),
    fixedFen: money('fixed_fen'),
    bps: integer('bps'),
    capFen: money('cap_fen'),
    effectiveFrom: date('effective_from').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contribution_rule_shop_from_unique').on(t.shopId, t.effectiveFrom),
    check('contribution_rule_kind_check', sql`(${t.kind} = 'fixed' and ${t.fixedFen} is not null) or (${t.kind} = 'bps' and ${t.bps} is not null)`),
  ],
);

/** A registered POS terminal; its secret is stored encrypted (the server must compute the HMAC). */
export const posTerminal = pgTable(
  'pos_terminal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => fundShop.id),
    name: text('name').notNull(),
    keyId: text('key_id').notNull(),
    secretEnc: text('secret_enc').notNull(),
    status: text('status').notNull().default('active'),
    keyCreatedAt: tstz('key_created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pos_terminal_key_unique').on(t.keyId),
    index('pos_terminal_shop_idx').on(t.shopId),
    // suspended: its shop is closed (reopening the shop resumes it); revoked: for good.
    check('pos_terminal_status_check', sql`${t.status} in ('active','suspended','revoked')`),
  ],
);

/** Nonces seen in the last minutes: a replay is refused on any instance. */
export const posNonce = pgTable(
  'pos_nonce',
  {
    terminalId: uuid('terminal_id').notNull(),
    nonce: text('nonce').notNull(),
    seenAt: tstz('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.nonce] }), index('pos_nonce_seen_idx').on(t.seenAt)],
);

/** Ledger accounts: per shop (contributions), per station (breakfasts), the fund's money (collected, at the custodian). */
export const fundAccount = pgTable(
  'fund_account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => fund.id),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shopId: uuid('shop_id').references(() => fundShop.id),
    positionId: uuid('position_id').references(() => position.id),
    balanceFen: money('balance_fen').notNull().default(0),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fund_account_code_unique').on(t.fundId, t.code),
    check('fund_account_kind_check', sql`${t.kind} in ('shop_contributions','station_breakfasts','collected','custodian','adjustments')`),
  ],
);

/**
 * A ledger entry: its postings sum to zero (checked at commit by a constraint trigger); entries
 * and postings are append-only (triggers refuse UPDATE, DELETE and TRUNCATE). The denormalised
 * figures (shop, station, counts) serve the reports; the postings are the truth.
 */
export const fundEntry = pgTable(
  'fund_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => fund.id),
    kind: text('kind').notNull(),
    /** The period it is booked in: when it happened, or when it was posted if that month was already closed. */
    occurredAt: tstz('occurred_at').notNull(),
    /** When it really happened, for an entry that arrived after its month was closed (published) and so was booked now. */
    originalOccurredAt: tstz('original_occurred_at'),
    memo: text('memo').notNull(),
    shopId: uuid('shop_id'),
    positionId: uuid('position_id'),
    amountFen: money('amount_fen').notNull(),
    saleCount: integer('sale_count').notNull().default(0),
    salesFen: money('sales_fen').notNull().default(0),
    breakfastCount: integer('breakfast_count').notNull().default(0),
    reversesEntryId: uuid('reverses_entry_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('fund_entry_fund_time_idx').on(t.fundId, t.occurredAt),
    index('fund_entry_shop_time_idx').on(t.shopId, t.occurredAt),
    // The screen's per-station figures (today, breakfasts).
    index('fund_entry_position_time_idx').on(t.positionId, t.occurredAt),
    uniqueIndex('fund_entry_reverses_unique').on(t.reversesEntryId),
    check('fund_entry_kind_check', sql`${t.kind} in ('sale','refund','breakfast','transfer','history','adjustment')`),
  ],
);

export const fundPosting = pgTable(
  'fund_posting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => fundEntry.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => fundAccount.id),
    amountFen: money('amount_fen').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
  },
  (t) => [index('fund_posting_entry_idx').on(t.entryId), index('fund_posting_account_time_idx').on(t.accountId, t.occurredAt)],
);

/** A sale as the terminal sent it; (terminal, sale id) is the idempotency key. */
export const fundSale = pgTable(
  'fund_sale',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    terminalId: uuid('terminal_id')
      .notNull()
      .references(() => posTerminal.id),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => fundShop.id),
    saleId: text('sale_id').notNull(),
    amountFen: money('amount_fen').notNull(),
    items: jsonb('items').notNull(),
    soldAt: tstz('sold_at').notNull(),
    contributionFen: money('contribution_fen').notNull(),
    entryId: uuid('entry_id').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fund_sale_terminal_sale_unique').on(t.terminalId, t.saleId), index('fund_sale_shop_time_idx').on(t.shopId, t.soldAt)],
);

export const fundRefund = pgTable(
  'fund_refund',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    terminalId: uuid('terminal_id')
      .notNull()
      .references(() => posTerminal.id),
    refundId: text('refund_id').notNull(),
    saleRowId: uuid('sale_row_id')
      .notNull()
      .references(() => fundSale.id),
    reversedFen: money('reversed_fen').notNull(),
    refundedAt: tstz('refunded_at').notNull(),
    reason: text('reason'),
    entryId: uuid('entry_id').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fund_refund_terminal_refund_unique').on(t.terminalId, t.refundId), uniqueIndex('fund_refund_sale_unique').on(t.saleRowId)],
);

/** A breakfast card (爱心早餐卡) of a sanitation worker. Phone kept as a keyed hash and masked. */
export const breakfastCard = pgTable(
  'breakfast_card',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => fund.id),
    /** The issuing unit (a street's union for its sanitation workers): who may see and manage the card. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    number: text('number').notNull(),
    holderName: text('holder_name').notNull(),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    /** Keyed hash of the holder's ID number, when given: a second card for the same person is refused. */
    idNumberHash: text('id_number_hash'),
    employer: text('employer'),
    status: text('status').notNull().default('active'),
    validUntil: date('valid_until').notNull(),
    suspendedReason: text('suspended_reason'),
    replacedById: uuid('replaced_by_id'),
    importId: uuid('import_id'),
    version: integer('version').notNull().default(1),
    issuedAt: tstz('issued_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('breakfast_card_number_unique').on(t.number),
    index('breakfast_card_phone_idx').on(t.phoneHash),
    index('breakfast_card_fund_idx').on(t.fundId),
    index('breakfast_card_org_idx').on(t.orgId),
    // One card per person per fund: a replaced card no longer counts.
    uniqueIndex('breakfast_card_holder_phone_unique')
      .on(t.fundId, t.phoneHash)
      .where(sql`${t.status} <> 'replaced' and ${t.phoneHash} is not null`),
    uniqueIndex('breakfast_card_holder_id_unique')
      .on(t.fundId, t.idNumberHash)
      .where(sql`${t.status} <> 'replaced' and ${t.idNumberHash} is not null`),
    check('breakfast_card_status_check', sql`${t.status} in ('active','suspended','replaced')`),
  ],
);

/**
 * A redemption attempt, approved or refused, keyed by (terminal, redemption id). Approved ones
 * take a slot 1..breakfasts-per-day: the unique index makes a double redemption impossible even
 * if two transactions raced past the card's row lock.
 */
export const breakfastRedemption = pgTable(
  'breakfast_redemption',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    terminalId: uuid('terminal_id')
      .notNull()
      .references(() => posTerminal.id),
    redemptionId: text('redemption_id').notNull(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => fundShop.id),
    cardId: uuid('card_id').references(() => breakfastCard.id),
    cardNumber: text('card_number'),
    redeemedAt: tstz('redeemed_at').notNull(),
    serviceDay: date('service_day').notNull(),
    status: text('status').notNull(),
    code: text('code'),
    slot: integer('slot'),
    priceFen: money('price_fen'),
    remainingToday: integer('remaining_today'),
    entryId: uuid('entry_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('breakfast_redemption_terminal_unique').on(t.terminalId, t.redemptionId),
    uniqueIndex('breakfast_redemption_slot_unique')
      .on(t.cardId, t.serviceDay, t.slot)
      .where(sql`${t.status} = 'approved'`),
    index('breakfast_redemption_card_idx').on(t.cardId, t.serviceDay),
    check('breakfast_redemption_status_check', sql`${t.status} in ('approved','refused')`),
  ],
);

/** Excel imports of cards (check, then commit), as the members import. */
export const breakfastCardImport = pgTable('breakfast_card_import', {
  id: uuid('id').primaryKey().defaultRandom(),
  fundId: uuid('fund_id')
    .notNull()
    .references(() => fund.id),
  fileName: text('file_name'),
  fileHash: text('file_hash').notNull(),
  status: text('status').notNull(),
  mode: text('mode'),
  rows: jsonb('rows').notNull().default([]),
  errors: jsonb('errors').notNull().default([]),
  totalRows: integer('total_rows').notNull().default(0),
  validRows: integer('valid_rows').notNull().default(0),
  errorRows: integer('error_rows').notNull().default(0),
  committedRows: integer('committed_rows').notNull().default(0),
  createdById: uuid('created_by_id').references(() => appUser.id),
  createdByName: text('created_by_name'),
  version: integer('version').notNull().default(1),
  createdAt: tstz('created_at').notNull().defaultNow(),
  committedAt: tstz('committed_at'),
});

export const custodianTransfer = pgTable(
  'custodian_transfer',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => fund.id),
    amountFen: money('amount_fen').notNull(),
    transferredOn: date('transferred_on').notNull(),
    reference: text('reference').notNull(),
    note: text('note'),
    entryId: uuid('entry_id').notNull(),
    createdByName: text('created_by_name'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custodian_transfer_reference_unique').on(t.fundId, t.reference)],
);

export const custodianStatement = pgTable('custodian_statement', {
  id: uuid('id').primaryKey().defaultRandom(),
  fundId: uuid('fund_id')
    .notNull()
    .references(() => fund.id),
  fileName: text('file_name'),
  lineCount: integer('line_count').notNull(),
  fromDate: date('from_date'),
  toDate: date('to_date'),
  totalFen: money('total_fen').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const custodianStatementLine = pgTable(
  'custodian_statement_line',
  {
    statementId: uuid('statement_id')
      .notNull()
      .references(() => custodianStatement.id),
    lineNo: integer('line_no').notNull(),
    valueDate: date('value_date').notNull(),
    reference: text('reference').notNull(),
    amountFen: money('amount_fen').notNull(),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.lineNo] }), index('custodian_statement_line_ref_idx').on(t.reference)],
);
