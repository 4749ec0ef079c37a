import { z } from 'zod';
import { importRowErrorSchema } from './members';

/** 职工互助保障 (mutual-aid plan): plans, enrolments, claims. Money is integer fen. */
export const mutualaidBenefits = ['hospital', 'serious_illness', 'accident'] as const;
export type MutualaidBenefit = (typeof mutualaidBenefits)[number];
export const mutualaidPlanStatuses = ['draft', 'open', 'closed'] as const;
export const mutualaidClaimStatuses = ['submitted', 'awaiting_second', 'approved', 'rejected', 'paid'] as const;
export type MutualaidClaimStatus = (typeof mutualaidClaimStatuses)[number];
export const mutualaidPaymentMethods = ['transfer', 'in_person'] as const;

const fen = z.number().int().min(0).max(100_000_000);

/** The plan's benefits as data: hospital days × a daily rate, a serious-illness lump sum, accident costs; each with its yearly cap. */
export const mutualaidBenefitRulesSchema = z.object({
  hospital: z.object({ dailyFen: fen, capFen: fen }),
  serious_illness: z.object({ lumpSumFen: fen, capFen: fen }),
  accident: z.object({ capFen: fen }),
});
export type MutualaidBenefitRules = z.infer<typeof mutualaidBenefitRulesSchema>;

export const saveMutualaidPlanSchema = z.object({
  orgId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(100),
  premiumFen: fen,
  benefits: mutualaidBenefitRulesSchema,
  annualCapFen: fen.min(1),
  secondApprovalFen: fen,
  samplePercent: z.number().int().min(0).max(100),
});
export type SaveMutualaidPlan = z.infer<typeof saveMutualaidPlanSchema>;
export const updateMutualaidPlanSchema = saveMutualaidPlanSchema.omit({ orgId: true, year: true }).extend({ version: z.number().int().min(1) });
export type UpdateMutualaidPlan = z.infer<typeof updateMutualaidPlanSchema>;

export const mutualaidPlanSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  name: z.string(),
  premiumFen: z.number().int(),
  benefits: mutualaidBenefitRulesSchema,
  annualCapFen: z.number().int(),
  secondApprovalFen: z.number().int(),
  samplePercent: z.number().int(),
  status: z.enum(mutualaidPlanStatuses),
  isFrozen: z.boolean(),
  enrolled: z.number().int(),
  claims: z.number().int(),
  paidFen: z.number().int(),
  version: z.number().int(),
});
export type MutualaidPlan = z.infer<typeof mutualaidPlanSchema>;
export const mutualaidPlansQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const mutualaidEnrolmentSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  personId: z.uuid(),
  realName: z.string(),
  idNumberMasked: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  capFen: z.number().int(),
  committedFen: z.number().int(),
  createdAt: z.string(),
});
export type MutualaidEnrolment = z.infer<typeof mutualaidEnrolmentSchema>;
export const mutualaidEnrolmentsQuerySchema = z.object({
  orgId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const enrolMutualaidSchema = z.object({ idNumber: z.string().trim().min(15).max(18) });

export const mutualaidImportQuerySchema = z.object({ orgId: z.uuid() });
export const mutualaidBatchSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  orgId: z.uuid(),
  fileName: z.string().nullable(),
  totalRows: z.number().int(),
  enrolledRows: z.number().int(),
  skippedRows: z.number().int(),
  errorRows: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** Errors beyond those listed (the list is capped). */
  errorsNotListed: z.number().int(),
  createdAt: z.string(),
});
export type MutualaidBatch = z.infer<typeof mutualaidBatchSchema>;

export const fileMutualaidClaimSchema = z.object({
  enrolmentId: z.uuid(),
  benefit: z.enum(mutualaidBenefits),
  incidentDate: z.iso.date(),
  hospitalDays: z.number().int().min(1).max(366).optional(),
  amountFen: fen.min(1).optional(),
  description: z.string().trim().max(1000).default(''),
  photoIds: z.array(z.uuid()).max(9).default([]),
});
export type FileMutualaidClaim = z.infer<typeof fileMutualaidClaimSchema>;

export const mutualaidClaimSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  planId: z.uuid(),
  planName: z.string(),
  year: z.number().int(),
  enrolmentId: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  realName: z.string(),
  benefit: z.enum(mutualaidBenefits),
  incidentDate: z.string(),
  hospitalDays: z.number().int().nullable(),
  amountFen: z.number().int().nullable(),
  description: z.string(),
  photoIds: z.array(z.uuid()),
  /** Those of photoIds that are PDFs: shown as a download, not an image. */
  pdfIds: z.array(z.uuid()),
  isSampled: z.boolean(),
  status: z.enum(mutualaidClaimStatuses),
  ruleFen: z.number().int().nullable(),
  payoutFen: z.number().int().nullable(),
  /** What the year's caps still allow (overall and for this benefit), before this claim is approved. */
  remainingFen: z.number().int(),
  needsSecond: z.boolean(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  secondByName: z.string().nullable(),
  secondAt: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  paymentMethod: z.enum(mutualaidPaymentMethods).nullable(),
  paymentReference: z.string().nullable(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type MutualaidClaim = z.infer<typeof mutualaidClaimSchema>;
export const mutualaidClaimsQuerySchema = z.object({
  planId: z.uuid().optional(),
  status: z.enum(mutualaidClaimStatuses).optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const reviewMutualaidClaimSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(1),
});
export type ReviewMutualaidClaim = z.infer<typeof reviewMutualaidClaimSchema>;
export const payMutualaidClaimSchema = z.object({
  method: z.enum(mutualaidPaymentMethods),
  reference: z.string().trim().min(1).max(100),
  version: z.number().int().min(1),
});

/** The worker's own: plans they are enrolled in (with what is left this year) and their claims. */
export const myMutualaidSchema = z.object({
  enrolments: z.array(
    z.object({
      id: z.uuid(),
      planId: z.uuid(),
      planName: z.string(),
      year: z.number().int(),
      /** An ended plan (`closed`) takes no more claims. */
      planStatus: z.enum(['draft', 'open', 'closed']),
      orgName: z.string(),
      benefits: mutualaidBenefitRulesSchema,
      capFen: z.number().int(),
      committedFen: z.number().int(),
    }),
  ),
  claims: z.array(mutualaidClaimSchema),
});
export type MyMutualaid = z.infer<typeof myMutualaidSchema>;
