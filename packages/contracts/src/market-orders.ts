import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';
import { orderStatuses, placeKinds, priceUnits } from './market-domain';

/** Ordering (点单) from the project library with the district's subsidy rules; delivery, attendance, ratings, settlement. */
const ref = z.object({ id: z.uuid(), name: z.string() });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'FIELD_FORMAT' });
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'FIELD_FORMAT' });

// ---------------------------------------------------------------- subsidy rules
const ruleFields = {
  budgetFen: z.number().int().min(0).max(100_000_000_000),
  /** Share of the price the federation pays, in basis points (5000 = 50 %). */
  percentBps: z.number().int().min(0).max(10_000),
  capPerUnionFen: z.number().int().min(0).max(100_000_000_000),
  /** The most subsidy one worker's own orders may take in the year (absent: ¥200 on create, unchanged on update). */
  capPerPersonFen: z.number().int().min(0).max(100_000_000_000).optional(),
  note: text(0, 300).nullable().optional(),
};
export const createSubsidyRuleSchema = z.strictObject({ orgId: z.uuid(), year: z.number().int().min(2000).max(2100), ...ruleFields });
export type CreateSubsidyRule = z.infer<typeof createSubsidyRuleSchema>;
export const updateSubsidyRuleSchema = z.strictObject({ version: versionSchema, ...ruleFields });
export type UpdateSubsidyRule = z.infer<typeof updateSubsidyRuleSchema>;
export const subsidyRuleSchema = z.object({
  id: z.uuid(),
  org: ref,
  year: z.number().int(),
  budgetFen: z.number().int(),
  percentBps: z.number().int(),
  capPerUnionFen: z.number().int(),
  capPerPersonFen: z.number().int(),
  committedFen: z.number().int(),
  remainingFen: z.number().int(),
  unions: z.number().int(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type SubsidyRule = z.infer<typeof subsidyRuleSchema>;
export const listSubsidyRulesQuerySchema = z.object({ orgId: z.uuid().optional() });

export const quoteQuerySchema = z.object({
  projectId: z.uuid(),
  /** The ordering union; absent for a worker's own order. */
  orderingOrgId: z.uuid().optional(),
  headcount: z.coerce.number().int().min(1).max(10_000),
  serviceDate: dateSchema,
});
export const quoteSchema = z.object({
  versionId: z.uuid(),
  sessions: z.number().int(),
  unitPriceFen: z.number().int(),
  priceUnit: z.enum(priceUnits),
  totalFen: z.number().int(),
  subsidyFen: z.number().int(),
  payableFen: z.number().int(),
  rule: z.object({ id: z.uuid(), year: z.number().int(), percentBps: z.number().int(), budgetRemainingFen: z.number().int(), capRemainingFen: z.number().int() }).nullable(),
  /** Why this order would be refused as it stands (cap, budget), or null. */
  refusal: z.string().nullable(),
});
export type Quote = z.infer<typeof quoteSchema>;

// ---------------------------------------------------------------- orders
export const placeOrderSchema = z.strictObject({
  projectId: z.uuid(),
  orderingOrgId: z.uuid(),
  serviceDate: dateSchema,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'FIELD_FORMAT' }).nullable().optional(),
  headcount: z.number().int().min(1).max(10_000),
  placeKind: z.enum(placeKinds),
  positionId: z.uuid().nullable().optional(),
  address: text(2, 200).nullable().optional(),
  note: text(0, 500).nullable().optional(),
  /** The version the orderer saw; a newer approved version refuses the order (MARKET_PROJECT_CHANGED). */
  versionId: z.uuid().optional(),
});
export type PlaceOrder = z.infer<typeof placeOrderSchema>;
export const placeSelfOrderSchema = placeOrderSchema.omit({ orderingOrgId: true, headcount: true }).extend({ placeKind: z.enum(placeKinds) });
export type PlaceSelfOrder = z.infer<typeof placeSelfOrderSchema>;

export const orderSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  project: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  versionId: z.uuid(),
  versionNumber: z.number().int(),
  provider: ref,
  district: ref,
  orderingOrg: ref.nullable(),
  isSelf: z.boolean(),
  orderedBy: z.string(),
  serviceDate: dateSchema,
  startTime: z.string().nullable(),
  headcount: z.number().int(),
  sessions: z.number().int(),
  placeKind: z.enum(placeKinds),
  position: ref.nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  unitPriceFen: z.number().int(),
  priceUnit: z.enum(priceUnits),
  totalFen: z.number().int(),
  subsidyFen: z.number().int(),
  payableFen: z.number().int(),
  status: z.enum(orderStatuses),
  declineReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  deliveryNote: z.string().nullable(),
  deliveryPhotoIds: z.array(z.uuid()),
  attendanceCount: z.number().int(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Order = z.infer<typeof orderSchema>;
export const listOrdersQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  providerId: z.uuid().optional(),
  status: z.enum(orderStatuses).optional(),
  month: monthSchema.optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;
export const orderReasonSchema = z.strictObject({ version: versionSchema, reason: text(2, 300) });
export const confirmOrderSchema = z.strictObject({ version: versionSchema });
export const rateOrderSchema = z.strictObject({ version: versionSchema, rating: z.number().int().min(1).max(5), comment: text(0, 500).nullable().optional() });
export const deliverOrderSchema = z.strictObject({ version: versionSchema, photoIds: z.array(z.uuid()).min(1).max(9), note: text(0, 1000).nullable().optional() });

export const scanCardSchema = z.strictObject({ token: z.string().trim().min(10).max(200) });
export const attendanceSchema = z.object({ count: z.number().int(), added: z.boolean(), name: z.string().nullable(), union: z.string().nullable() });
export const attendanceQrSchema = z.object({ url: z.string(), token: z.string(), validOn: dateSchema });
export const attendSchema = z.strictObject({ orderId: z.uuid(), token: z.string().trim().min(10).max(200) });
export const attendResultSchema = z.object({ project: z.string(), provider: z.string(), serviceDate: dateSchema, isNew: z.boolean() });

// ---------------------------------------------------------------- settlement
export const settlementQuerySchema = z.object({ month: monthSchema, providerId: z.uuid().optional(), orgId: z.uuid().optional() });
export const settlementSchema = z.object({
  month: monthSchema,
  rows: z.array(z.object({ provider: ref, orders: z.number().int(), attendance: z.number().int(), totalFen: z.number().int(), subsidyFen: z.number().int(), payableFen: z.number().int() })),
  totals: z.object({ orders: z.number().int(), attendance: z.number().int(), totalFen: z.number().int(), subsidyFen: z.number().int(), payableFen: z.number().int() }),
});
export type Settlement = z.infer<typeof settlementSchema>;
