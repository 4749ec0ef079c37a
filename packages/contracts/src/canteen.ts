import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/**
 * 共享食堂 (shared canteen pricing by eligibility): a canteen position's normal price and price
 * tiers; workers' certifications for a tier (with documents, approved with an expiry); signed
 * canteen terminals that read a member card's QR, price the meal and record it. Money in fen.
 */
export const canteenGrounds = ['outdoor_worker', 'over_60', 'veteran', 'low_income', 'five_guarantees', 'disabled'] as const;
export type CanteenGround = (typeof canteenGrounds)[number];
/** Grounds the member record can prove by itself (birth date, employment form). */
export const recordGrounds = ['outdoor_worker', 'over_60'] as const satisfies readonly CanteenGround[];
export const canteenCertificationStatuses = ['pending', 'approved', 'refused'] as const;
export type CanteenCertificationStatus = (typeof canteenCertificationStatuses)[number];

const text = (max: number) => z.string().trim().max(max);
const fen = z.number().int().min(0).max(100_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'FIELD_FORMAT' });

export const canteenTierInputSchema = z.object({
  /** An existing tier to change; absent for a new one. */
  id: z.uuid().optional(),
  name: text(40).min(1),
  priceFen: fen,
  grounds: z.array(z.enum(canteenGrounds)).min(1).max(canteenGrounds.length),
  needsCertification: z.boolean(),
  isActive: z.boolean().default(true),
});
export type CanteenTierInput = z.infer<typeof canteenTierInputSchema>;

/** The whole settings of a canteen at once: prices and tiers (a tier left out is deactivated, never deleted: meals name it). */
export const saveCanteenSchema = z.object({
  normalPriceFen: fen,
  maxReducedPerDay: z.number().int().min(1).max(2).default(2),
  tiers: z.array(canteenTierInputSchema).max(10),
  /** The version read; absent when the canteen has no settings yet. */
  version: versionSchema.optional(),
});
export type SaveCanteen = z.infer<typeof saveCanteenSchema>;

export const canteenTierSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  priceFen: z.number().int(),
  grounds: z.array(z.enum(canteenGrounds)),
  needsCertification: z.boolean(),
  isActive: z.boolean(),
});
export type CanteenTier = z.infer<typeof canteenTierSchema>;

/** A canteen position of the caller's scope, with its settings when it has them. */
export const canteenSchema = z.object({
  positionId: z.uuid(),
  positionName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  canteenId: z.uuid().nullable(),
  normalPriceFen: z.number().int().nullable(),
  maxReducedPerDay: z.number().int(),
  tiers: z.array(canteenTierSchema),
  version: z.number().int().nullable(),
});
export type Canteen = z.infer<typeof canteenSchema>;

export const applyCanteenCertificationSchema = z.object({
  tierId: z.uuid(),
  ground: z.enum(canteenGrounds),
  note: text(500).default(''),
  /** Documents uploaded first (photos or a PDF through the upload store), by the applicant. */
  photoIds: z.array(z.uuid()).max(9).default([]),
});
export type ApplyCanteenCertification = z.infer<typeof applyCanteenCertificationSchema>;

/** Staff apply for a worker, named by member number. */
export const staffApplyCanteenCertificationSchema = applyCanteenCertificationSchema.extend({ memberNumber: text(32).min(1) });
export type StaffApplyCanteenCertification = z.infer<typeof staffApplyCanteenCertificationSchema>;

export const approveCanteenCertificationSchema = z.object({ expiresOn: day, version: versionSchema });
export type ApproveCanteenCertification = z.infer<typeof approveCanteenCertificationSchema>;
export const refuseCanteenCertificationSchema = z.object({ reason: text(300).min(1), version: versionSchema });
export type RefuseCanteenCertification = z.infer<typeof refuseCanteenCertificationSchema>;

export const canteenCertificationSchema = z.object({
  id: z.uuid(),
  canteenId: z.uuid(),
  positionName: z.string(),
  tierId: z.uuid(),
  tierName: z.string(),
  tierPriceFen: z.number().int(),
  personName: z.string(),
  ground: z.enum(canteenGrounds),
  note: z.string(),
  photoIds: z.array(z.uuid()),
  /** Those of photoIds that are PDFs: shown as a download, not an image. */
  pdfIds: z.array(z.uuid()),
  status: z.enum(canteenCertificationStatuses),
  /** Last day the certification holds (inclusive, Asia/Shanghai). */
  expiresOn: z.string().nullable(),
  isExpired: z.boolean(),
  refusalReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type CanteenCertification = z.infer<typeof canteenCertificationSchema>;

export const canteenCertificationsQuerySchema = pageQuerySchema.extend({
  status: z.enum(canteenCertificationStatuses).optional(),
  positionId: z.uuid().optional(),
});
export type CanteenCertificationsQuery = z.infer<typeof canteenCertificationsQuerySchema>;

export const createCanteenTerminalSchema = z.object({ name: text(60).min(1) });
export type CreateCanteenTerminal = z.infer<typeof createCanteenTerminalSchema>;
export const canteenTerminalSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  keyId: z.string(),
  status: z.enum(['active', 'revoked']),
  lastSeenAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CanteenTerminal = z.infer<typeof canteenTerminalSchema>;
/** The secret is in this answer only: it is stored encrypted and never shown again. */
export const createdCanteenTerminalSchema = z.object({ terminal: canteenTerminalSchema, secret: z.string() });
export type CreatedCanteenTerminal = z.infer<typeof createdCanteenTerminalSchema>;

export const canteenMealSchema = z.object({
  id: z.uuid(),
  positionName: z.string(),
  tierName: z.string().nullable(),
  priceFen: z.number().int(),
  isReduced: z.boolean(),
  personName: z.string(),
  servedAt: z.string(),
});
export type CanteenMeal = z.infer<typeof canteenMealSchema>;
export const canteenMealsQuerySchema = pageQuerySchema.extend({ positionId: z.uuid().optional(), from: day.optional(), to: day.optional() });
export type CanteenMealsQuery = z.infer<typeof canteenMealsQuerySchema>;

export const canteenFiguresQuerySchema = z.object({ positionId: z.uuid().optional(), from: day.optional(), to: day.optional() });
export type CanteenFiguresQuery = z.infer<typeof canteenFiguresQuerySchema>;
/** Meals per canteen and tier (tier null: the normal price), and per day, in the period. */
export const canteenFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(z.object({ positionId: z.uuid(), positionName: z.string(), tierName: z.string().nullable(), meals: z.number().int(), amountFen: z.number().int(), isReduced: z.boolean() })),
  days: z.array(z.object({ day: z.string(), meals: z.number().int(), reducedMeals: z.number().int() })),
});
export type CanteenFigures = z.infer<typeof canteenFiguresSchema>;

/** The worker's view: canteens with their tiers, and their own certifications. */
export const myCanteenSchema = z.object({
  canteens: z.array(canteenSchema.pick({ positionId: true, positionName: true, canteenId: true, normalPriceFen: true, tiers: true })),
  certifications: z.array(canteenCertificationSchema),
});
export type MyCanteen = z.infer<typeof myCanteenSchema>;

/** What the terminal sends: the member card's QR text (M1.…), as scanned. */
export const canteenTerminalMealSchema = z.object({ card: z.string().trim().min(1).max(200) });
export type CanteenTerminalMeal = z.infer<typeof canteenTerminalMealSchema>;
/** What the terminal shows: the price that applies today and why; the meal is recorded. */
export const canteenTerminalMealResultSchema = z.object({
  mealId: z.uuid(),
  /** Masked (王*): the terminal's screen faces the queue. */
  personName: z.string(),
  tierName: z.string().nullable(),
  priceFen: z.number().int(),
  normalPriceFen: z.number().int(),
  isReduced: z.boolean(),
  /** A reduced tier applied but today's reduced meals were used up: the normal price. */
  isReducedLimitReached: z.boolean(),
  reducedLeftToday: z.number().int(),
});
export type CanteenTerminalMealResult = z.infer<typeof canteenTerminalMealResultSchema>;
