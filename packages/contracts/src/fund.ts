import { z } from 'zod';
import { mobilePhoneSchema, pageQuerySchema, versionSchema } from './common';
import { importJobSchema, importModes, importRowErrorSchema, importStatuses } from './members';

export * from './fund-pos';

/**
 * The charity fund of commerce-sustained stations (以商养站, 爱心基金): PRODUCT.md part 4.
 * Money is integer fen everywhere; times are ISO 8601 UTC strings; dates are Asia/Shanghai
 * calendar days (YYYY-MM-DD). The POS contract (signed machine API) is in docs/pos-contract.md.
 */

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'FIELD_FORMAT' });
const fenSchema = z.number().int();
/** 100 million yuan: far above any district fund, far below where integer fen lose precision. */
export const MAX_FUND_AMOUNT_FEN = 10_000_000_000;
const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { error: 'FUND_CODE_FORMAT' });

// ---------------------------------------------------------------- the fund and its rules
export const fundSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  /** Breakfasts one card may take per Asia/Shanghai day (default 1). */
  breakfastsPerDay: z.number().int(),
  /** What one breakfast costs the fund. */
  breakfastPriceFen: fenSchema,
  /** Redemptions are refused when the balance would fall below this. */
  minBalanceFen: fenSchema,
  /** A common expiry day for new cards (e.g. the end of a campaign); used while it is in the future. */
  defaultCardValidUntil: dateSchema.nullable(),
  /** Otherwise a new card is valid this many months from its issue day. */
  cardValidMonths: z.number().int(),
  /** What a card issued today is valid until when the issuer names no date. */
  nextCardValidUntil: dateSchema,
  balanceFen: fenSchema,
  /** manage: the caller runs this fund; slice: a street's admin below it, who sees their own shops, stations and cards. */
  access: z.enum(['manage', 'slice']),
  version: z.number().int(),
});
export type Fund = z.infer<typeof fundSchema>;
export const updateFundSchema = z.strictObject({
  version: versionSchema,
  name: z.string().trim().min(2).max(60).optional(),
  breakfastsPerDay: z.number().int().min(1).max(5).optional(),
  breakfastPriceFen: z.number().int().min(1).max(10_000).optional(),
  minBalanceFen: z.number().int().min(0).max(MAX_FUND_AMOUNT_FEN).optional(),
  defaultCardValidUntil: dateSchema.nullable().optional(),
  cardValidMonths: z.number().int().min(1).max(60).optional(),
});
export type UpdateFund = z.infer<typeof updateFundSchema>;

// ---------------------------------------------------------------- shops and contribution rules
export const contributionRuleKinds = ['fixed', 'bps'] as const;
/** fixed: `fixedFen` per sale (default 10 fen); bps: amount × bps / 10,000 rounded down, at most `capFen` when set. */
export const contributionRuleInputSchema = z.strictObject({
  kind: z.enum(contributionRuleKinds),
  fixedFen: z.number().int().min(0).max(10_000).optional(),
  bps: z.number().int().min(1).max(10_000).optional(),
  capFen: z.number().int().min(1).max(10_000).nullable().optional(),
  /** Applies to sales made on or after this Asia/Shanghai day. */
  effectiveFrom: dateSchema,
});
export type ContributionRuleInput = z.infer<typeof contributionRuleInputSchema>;
export const contributionRuleSchema = z.object({
  id: z.uuid(),
  kind: z.enum(contributionRuleKinds),
  fixedFen: fenSchema.nullable(),
  bps: z.number().int().nullable(),
  capFen: fenSchema.nullable(),
  effectiveFrom: dateSchema,
  createdAt: z.string(),
});
export type ContributionRule = z.infer<typeof contributionRuleSchema>;

export const shopStatuses = ['active', 'closed'] as const;
export const fundShopSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  fundId: z.uuid(),
  position: z.object({ id: z.uuid(), code: z.string(), name: z.string(), lng: z.number(), lat: z.number() }),
  orgId: z.uuid(),
  /** The company that runs the station and the snack window. */
  operatorName: z.string(),
  operatorCreditCode: z.string().nullable(),
  status: z.enum(shopStatuses),
  /** The rule in force today. */
  currentRule: contributionRuleSchema.nullable(),
  terminalCount: z.number().int(),
  totalContributionFen: fenSchema,
  version: z.number().int(),
  createdAt: z.string(),
});
export type FundShop = z.infer<typeof fundShopSchema>;
export const fundShopDetailSchema = fundShopSchema.extend({
  /** Newest first. */
  rules: z.array(contributionRuleSchema),
});
export type FundShopDetail = z.infer<typeof fundShopDetailSchema>;
export const listFundShopsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  positionId: z.uuid().optional(),
  status: z.enum(shopStatuses).optional(),
});
export type ListFundShopsQuery = z.infer<typeof listFundShopsQuerySchema>;
export const createFundShopSchema = z.strictObject({
  code: codeSchema,
  name: z.string().trim().min(2).max(60),
  positionId: z.uuid(),
  operatorName: z.string().trim().min(2).max(100),
  operatorCreditCode: z.string().trim().length(18).optional(),
  /** Defaults to fixed 10 fen per sale from today. */
  rule: contributionRuleInputSchema.optional(),
});
export type CreateFundShop = z.infer<typeof createFundShopSchema>;
export const updateFundShopSchema = z.strictObject({
  version: versionSchema,
  name: z.string().trim().min(2).max(60).optional(),
  operatorName: z.string().trim().min(2).max(100).optional(),
  operatorCreditCode: z.string().trim().length(18).nullable().optional(),
  status: z.enum(shopStatuses).optional(),
});
export type UpdateFundShop = z.infer<typeof updateFundShopSchema>;

// ---------------------------------------------------------------- POS terminals
/** suspended: its shop is closed (reopening resumes it); revoked: for good. */
export const terminalStatuses = ['active', 'suspended', 'revoked'] as const;
export const posTerminalSchema = z.object({
  id: z.uuid(),
  shopId: z.uuid(),
  name: z.string(),
  /** Public key id the terminal sends in X-Pos-Key-Id. */
  keyId: z.string(),
  status: z.enum(terminalStatuses),
  keyCreatedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PosTerminal = z.infer<typeof posTerminalSchema>;
export const listPosTerminalsQuerySchema = pageQuerySchema.extend({ shopId: z.uuid().optional() });
export const createPosTerminalSchema = z.strictObject({ shopId: z.uuid(), name: z.string().trim().min(1).max(60) });
export type CreatePosTerminal = z.infer<typeof createPosTerminalSchema>;
/** Register and rotate answer this once; the secret is never shown again (only its hash… see docs). */
export const posTerminalKeySchema = z.object({ terminal: posTerminalSchema, keyId: z.string(), secret: z.string() });
export type PosTerminalKey = z.infer<typeof posTerminalKeySchema>;

// ---------------------------------------------------------------- breakfast cards (爱心早餐)
export const cardStatuses = ['active', 'suspended', 'replaced'] as const;
export const breakfastCardSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  fundId: z.uuid(),
  /** The issuing unit (a street's union for its sanitation workers); it scopes who sees the card. */
  org: z.object({ id: z.uuid(), name: z.string() }),
  holderName: z.string(),
  holderPhoneMasked: z.string().nullable(),
  /** Where the holder works (e.g. 区城管局 环卫所). */
  employer: z.string().nullable(),
  status: z.enum(cardStatuses),
  validUntil: dateSchema,
  isExpired: z.boolean(),
  suspendedReason: z.string().nullable(),
  replacedByNumber: z.string().nullable(),
  /** Six digits printed on the card beside its number: a typed number redeems only with it. */
  checkCode: z.string(),
  redeemedToday: z.number().int(),
  totalRedemptions: z.number().int(),
  issuedAt: z.string(),
  version: z.number().int(),
});
export type BreakfastCard = z.infer<typeof breakfastCardSchema>;
export const listBreakfastCardsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  status: z.enum(cardStatuses).optional(),
});
export type ListBreakfastCardsQuery = z.infer<typeof listBreakfastCardsQuerySchema>;
export const issueBreakfastCardSchema = z.strictObject({
  holderName: z.string().trim().min(2).max(30),
  phone: mobilePhoneSchema,
  /** Optional; only its keyed hash is kept, to refuse a second card to the same person. */
  idNumber: z.string().trim().max(18).optional(),
  employer: z.string().trim().max(60).optional(),
  validUntil: dateSchema.optional(),
  /** The issuing unit, in the caller's scope and under the fund (default: the caller's own). */
  orgId: z.uuid().optional(),
});
export type IssueBreakfastCard = z.infer<typeof issueBreakfastCardSchema>;
export const cardReasonSchema = z.strictObject({ version: versionSchema, reason: z.string().trim().min(2).max(200) });
export type CardReason = z.infer<typeof cardReasonSchema>;
export const resumeCardSchema = z.strictObject({ version: versionSchema });
/** Reissue: the old card becomes `replaced` and a new number is issued to the same holder. */
export const reissueCardSchema = z.strictObject({ version: versionSchema, reason: z.string().trim().min(2).max(200), validUntil: dateSchema.optional() });
export type ReissueCard = z.infer<typeof reissueCardSchema>;
export const breakfastRedemptionSchema = z.object({
  id: z.uuid(),
  cardNumber: z.string(),
  stationName: z.string(),
  shopName: z.string(),
  redeemedAt: z.string(),
  serviceDay: dateSchema,
  status: z.enum(['approved', 'refused']),
  code: z.string().nullable(),
  priceFen: fenSchema.nullable(),
});
export type BreakfastRedemption = z.infer<typeof breakfastRedemptionSchema>;

/** Excel import of cards: the same shape and flow as the members import (check, then commit). */
export const breakfastCardImportSchema = z.object({
  id: z.uuid(),
  fileName: z.string().nullable(),
  status: z.enum(importStatuses),
  job: importJobSchema.nullable(),
  mode: z.enum(importModes).nullable(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  committedRows: z.number().int(),
  isRepeat: z.boolean(),
  /** The first errors (row, column, reason), at most 100; the full list is in the .xlsx report. */
  errors: z.array(importRowErrorSchema),
  /** How many errors the check found in all (the list above is capped). */
  errorCount: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  version: z.number().int(),
});
export type BreakfastCardImport = z.infer<typeof breakfastCardImportSchema>;
export const uploadCardImportQuerySchema = z.strictObject({ fileName: z.string().trim().max(200).optional(), orgId: z.uuid().optional() });
export const commitCardImportSchema = z.strictObject({ version: versionSchema, mode: z.enum(importModes) });

/** The worker's own card, for the phone page; `qr` is a signed payload the POS accepts as `card`. */
export const myBreakfastCardSchema = z.object({
  number: z.string(),
  holderName: z.string(),
  /** For typing at the till when the QR cannot be scanned. */
  checkCode: z.string(),
  status: z.enum(cardStatuses),
  validUntil: dateSchema,
  isExpired: z.boolean(),
  fundName: z.string(),
  today: z.object({ used: z.number().int(), allowed: z.number().int() }),
  qr: z.string(),
  /** The QR text expires (short-lived, so a screenshot cannot be passed around for long). */
  qrExpiresAt: z.string(),
});
export type MyBreakfastCard = z.infer<typeof myBreakfastCardSchema>;
export const myBreakfastCardsSchema = z.object({ items: z.array(myBreakfastCardSchema) });

// ---------------------------------------------------------------- custodian (third-party account)
export const custodianTransferSchema = z.object({
  id: z.uuid(),
  amountFen: fenSchema,
  transferredOn: dateSchema,
  /** Bank reference; matched against statement lines. */
  reference: z.string(),
  note: z.string().nullable(),
  entryId: z.uuid(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type CustodianTransfer = z.infer<typeof custodianTransferSchema>;
export const createCustodianTransferSchema = z.strictObject({
  /** At most what the fund has collected and not yet transferred (checked by the server), and never above 100 million yuan. */
  amountFen: z.number().int().min(1).max(MAX_FUND_AMOUNT_FEN),
  transferredOn: dateSchema,
  reference: z.string().trim().min(1).max(60),
  note: z.string().trim().max(200).optional(),
});
export type CreateCustodianTransfer = z.infer<typeof createCustodianTransferSchema>;
export const listCustodianTransfersQuerySchema = pageQuerySchema.extend({ from: dateSchema.optional(), to: dateSchema.optional() });

/**
 * Statement CSV (UTF-8, comma, header row): `date,reference,amount_fen,description`
 * (amount positive for money into the custodian account). Strict: any bad line → 400 listing
 * every error with line and column; nothing is stored.
 */
export const custodianStatementSchema = z.object({
  id: z.uuid(),
  fileName: z.string().nullable(),
  lineCount: z.number().int(),
  fromDate: dateSchema.nullable(),
  toDate: dateSchema.nullable(),
  totalFen: fenSchema,
  createdAt: z.string(),
});
export type CustodianStatement = z.infer<typeof custodianStatementSchema>;
export const reconciliationDifferenceKinds = ['missing_in_statement', 'missing_in_ledger', 'amount_mismatch', 'date_mismatch'] as const;
export const reconciliationQuerySchema = z.strictObject({ from: dateSchema, to: dateSchema, orgId: z.uuid().optional() });
export const reconciliationSchema = z.object({
  from: dateSchema,
  to: dateSchema,
  ledgerTotalFen: fenSchema,
  statementTotalFen: fenSchema,
  matchedCount: z.number().int(),
  differences: z.array(
    z.object({
      kind: z.enum(reconciliationDifferenceKinds),
      reference: z.string().nullable(),
      ledgerDate: dateSchema.nullable(),
      statementDate: dateSchema.nullable(),
      ledgerAmountFen: fenSchema.nullable(),
      statementAmountFen: fenSchema.nullable(),
      /** The ledger entries behind the difference (ids and memo). */
      entries: z.array(z.object({ id: z.uuid(), postedAt: z.string(), memo: z.string(), amountFen: fenSchema })),
      statementLine: z.number().int().nullable(),
    }),
  ),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

// ---------------------------------------------------------------- reports (JSON; add `.xlsx` to the path for Excel)
/** `orgId` (the console's header scope) is accepted; the fund is the caller's. */
export const reportRangeQuerySchema = z.strictObject({ from: dateSchema, to: dateSchema, orgId: z.uuid().optional() });
export type ReportRangeQuery = z.infer<typeof reportRangeQuerySchema>;
export const contributionGroupings = ['shop', 'station', 'day', 'month'] as const;
export const contributionReportQuerySchema = reportRangeQuerySchema.extend({ groupBy: z.enum(contributionGroupings).default('day') });
export type ContributionReportQuery = z.infer<typeof contributionReportQuerySchema>;
export const contributionReportSchema = z.object({
  from: dateSchema,
  to: dateSchema,
  groupBy: z.enum(contributionGroupings),
  rows: z.array(z.object({ key: z.string(), label: z.string(), sales: z.number().int(), salesFen: fenSchema, contributionFen: fenSchema })),
  totals: z.object({ sales: z.number().int(), salesFen: fenSchema, contributionFen: fenSchema }),
});
export type ContributionReport = z.infer<typeof contributionReportSchema>;
export const breakfastGroupings = ['station', 'day'] as const;
export const breakfastReportQuerySchema = reportRangeQuerySchema.extend({ groupBy: z.enum(breakfastGroupings).default('day') });
export const breakfastReportSchema = z.object({
  from: dateSchema,
  to: dateSchema,
  groupBy: z.enum(breakfastGroupings),
  rows: z.array(z.object({ key: z.string(), label: z.string(), breakfasts: z.number().int(), amountFen: fenSchema })),
  totals: z.object({ breakfasts: z.number().int(), amountFen: fenSchema }),
});
export type BreakfastReport = z.infer<typeof breakfastReportSchema>;
/** Opening + in − out = closing, from the ledger; lines break `in` and `out` down by kind. */
export const fundStatementSchema = z.object({
  fundName: z.string(),
  from: dateSchema,
  to: dateSchema,
  openingFen: fenSchema,
  inFen: fenSchema,
  outFen: fenSchema,
  closingFen: fenSchema,
  lines: z.array(z.object({ kind: z.enum(['contributions', 'refunds', 'breakfasts', 'adjustments']), label: z.string(), amountFen: fenSchema, count: z.number().int() })),
  /** Money held by the custodian at the end of the period (transfers recorded). */
  custodianFen: fenSchema,
});
export type FundStatement = z.infer<typeof fundStatementSchema>;

// ---------------------------------------------------------------- public live figures (no personal data)
export const publicFundSummaryQuerySchema = z.strictObject({ org: z.string().trim().max(32).optional() });
export const publicFundSummarySchema = z.object({
  fund: z.object({ id: z.uuid(), name: z.string() }),
  /** Everything ever contributed (net of refunds). */
  totalFen: fenSchema,
  /** What the fund holds now: contributed − breakfasts paid. */
  balanceFen: fenSchema,
  totalBreakfasts: z.number().int(),
  today: z.object({ contributionFen: fenSchema, sales: z.number().int(), breakfasts: z.number().int() }),
  /** Participating stations with WGS-84 coordinates; ranked by totalFen, largest first. */
  stations: z.array(
    z.object({ positionId: z.uuid(), name: z.string(), lng: z.number(), lat: z.number(), totalFen: fenSchema, todayFen: fenSchema, breakfasts: z.number().int() }),
  ),
  /** The last 20 contributions, newest first. */
  recent: z.array(z.object({ id: z.string(), at: z.string(), stationName: z.string(), shopName: z.string(), amountFen: fenSchema })),
  generatedAt: z.string(),
});
export type PublicFundSummary = z.infer<typeof publicFundSummarySchema>;

/**
 * `GET /api/v1/public/fund/stream` (text/event-stream). Events: `contribution` (a sale or, with a
 * negative amount, a refund) and `breakfast`, each `data:` one JSON object of this shape; a
 * `: ping` comment every 15 s. Totals are as of the event's commit.
 */
export const fundLiveEventSchema = z.object({
  kind: z.enum(['contribution', 'breakfast']),
  id: z.string(),
  at: z.string(),
  fundId: z.uuid(),
  positionId: z.uuid(),
  stationName: z.string(),
  shopName: z.string(),
  /** Contribution (negative for a refund) or the breakfast's price. */
  amountFen: fenSchema,
  totalFen: fenSchema,
  balanceFen: fenSchema,
  totalBreakfasts: z.number().int(),
  /** Server time the event was committed (for latency measurement). */
  committedAt: z.string(),
});
export type FundLiveEvent = z.infer<typeof fundLiveEventSchema>;
