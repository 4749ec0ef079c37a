import { z } from 'zod';

/** The POS machine API of the charity fund, contract v1 (signed per terminal; docs/pos-contract.md). Money in fen. */
const fenSchema = z.number().int();
export const MAX_SALE_FEN = 1_000_000;

// ---------------------------------------------------------------- POS machine API (signed; docs/pos-contract.md)
export const posItemSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  qty: z.number().int().min(1).max(1000),
  priceFen: z.number().int().min(0).max(MAX_SALE_FEN),
});
export const posSaleSchema = z.strictObject({
  /** The terminal's own id for the sale: the idempotency key (per terminal). */
  saleId: z.string().trim().min(1).max(64),
  /** A snack window's sale: at most 10,000 yuan (a larger one is a typo or an attack). */
  amountFen: z.number().int().min(1).max(MAX_SALE_FEN),
  items: z.array(posItemSchema).max(200).default([]),
  soldAt: z.iso.datetime({ offset: true }),
});
export type PosSale = z.infer<typeof posSaleSchema>;
export const MAX_POS_BATCH = 1000;
/** Either one sale, or `{ sales: [...] }` with up to 1,000 (each judged on its own). */
export const posSalesBatchSchema = z.strictObject({ sales: z.array(z.unknown()).min(1).max(MAX_POS_BATCH) });
export const posSaleResultStatuses = ['accepted', 'duplicate', 'rejected'] as const;
export const posSaleResultSchema = z.object({
  saleId: z.string(),
  status: z.enum(posSaleResultStatuses),
  contributionFen: fenSchema.nullable(),
  entryId: z.uuid().nullable(),
  /** When rejected: a stable code and the reason (zh-CN or en). */
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export type PosSaleResult = z.infer<typeof posSaleResultSchema>;
export const posBatchResultSchema = z.object({ results: z.array(posSaleResultSchema) });

export const posRefundSchema = z.strictObject({
  /** The terminal's own id for the refund: the idempotency key (per terminal). */
  refundId: z.string().trim().min(1).max(64),
  /** The sale being reversed (a sale id this terminal sent). */
  saleId: z.string().trim().min(1).max(64),
  refundedAt: z.iso.datetime({ offset: true }),
  reason: z.string().trim().max(200).optional(),
});
export type PosRefund = z.infer<typeof posRefundSchema>;
export const posRefundResultSchema = z.object({
  refundId: z.string(),
  saleId: z.string(),
  status: z.enum(posSaleResultStatuses),
  reversedFen: fenSchema.nullable(),
  entryId: z.uuid().nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
});

export const posRedemptionSchema = z.strictObject({
  /** The terminal's own id for the redemption: the idempotency key (per terminal). */
  redemptionId: z.string().trim().min(1).max(64),
  /** The QR text shown on the worker's phone, or the card number typed or swiped (then with its check code: here after the number, or in `cardCode`). */
  card: z.string().trim().min(1).max(400),
  /** The six-digit check code printed on the card, when `card` is a typed number. */
  cardCode: z.string().trim().regex(/^\d{6}$/).optional(),
  /** When the worker took the breakfast (offline terminals send the original time). */
  redeemedAt: z.iso.datetime({ offset: true }),
});
export type PosRedemption = z.infer<typeof posRedemptionSchema>;
export const posRedemptionBatchSchema = z.strictObject({ redemptions: z.array(z.unknown()).min(1).max(MAX_POS_BATCH) });
export const redemptionRefusals = [
  'FUND_CARD_NOT_FOUND',
  'FUND_CARD_ALREADY_REDEEMED_TODAY',
  'FUND_CARD_SUSPENDED',
  'FUND_CARD_REPLACED',
  'FUND_CARD_EXPIRED',
  'FUND_BALANCE_TOO_LOW',
  'FUND_QR_INVALID',
  'FUND_CARD_CODE_REQUIRED',
  'FUND_CARD_CODE_INVALID',
  'FUND_CARD_CODE_LOCKED',
  'FUND_REDEMPTION_TOO_OLD',
  'FUND_REDEMPTION_BEFORE_CARD',
  'FUND_REDEMPTION_BEFORE_SHOP',
  'FUND_SHOP_CLOSED',
] as const;
export const posRedemptionResultSchema = z.object({
  redemptionId: z.string(),
  /** approved or refused; a repeated id answers the first answer again. */
  status: z.enum(['approved', 'refused']),
  isDuplicate: z.boolean(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  cardNumber: z.string().nullable(),
  priceFen: fenSchema.nullable(),
  /** Breakfasts left on this card for that day after this one. */
  remainingToday: z.number().int().nullable(),
});
export type PosRedemptionResult = z.infer<typeof posRedemptionResultSchema>;
