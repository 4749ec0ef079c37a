import { z } from 'zod';
import { employmentForms } from './domain';
import { HARDSHIP_TIERS } from './hardship-domain';

/**
 * 帮扶活动 (assistance campaigns: 冬送温暖, 春送岗位, 夏送清凉, 秋送助学, 送健康, custom). A campaign
 * of a union has a budget with its funding sources, benefit kinds, eligibility rules as data,
 * allocations down the union tree, nominations approved up the tree, disbursement and the
 * recipient's acknowledgement. Money is integer fen.
 */
export const CAMPAIGN_KINDS = ['winter', 'spring', 'summer', 'autumn', 'health', 'custom'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_BENEFIT_KINDS = ['cash', 'goods', 'service'] as const;
export type CampaignBenefitKind = (typeof CAMPAIGN_BENEFIT_KINDS)[number];
/** review: held in the duplicate review queue; pending: going up the approval steps. */
export const NOMINATION_STATUSES = ['review', 'pending', 'awaiting_second', 'approved', 'disbursed', 'acknowledged', 'rejected'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
/** Cash by bank transfer or in person; goods handed over; a service delivered. */
export const DISBURSE_METHODS = ['transfer', 'in_person', 'goods_handover', 'service_delivered'] as const;
export type DisburseMethod = (typeof DISBURSE_METHODS)[number];
export const DUPLICATE_REASONS = ['name_phone', 'household', 'employer_name'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
export const DUPLICATE_DECISIONS = ['same', 'different'] as const;

const fen = z.number().int().min(0).max(100_000_000_000);

export const fundingSourceSchema = z.object({ source: z.string().trim().min(1).max(60), amountFen: fen.min(1) });

/**
 * One kind of benefit a recipient receives: cash (amountFen), goods (quantity × unitValueFen, with
 * the unit) or a service (its value, possibly 0). valueFen of a nomination comes from it.
 */
export const campaignBenefitSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9_-]{1,20}$/),
    kind: z.enum(CAMPAIGN_BENEFIT_KINDS),
    name: z.string().trim().min(1).max(60),
    amountFen: fen.optional(),
    quantity: z.number().int().min(1).max(10_000).optional(),
    unit: z.string().trim().min(1).max(10).optional(),
    unitValueFen: fen.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'cash' && !b.amountFen) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'CAMPAIGN_BENEFIT_CASH' });
    if (b.kind === 'goods' && (!b.quantity || !b.unit || b.unitValueFen === undefined)) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'CAMPAIGN_BENEFIT_GOODS' });
  });
export type CampaignBenefit = z.infer<typeof campaignBenefitSchema>;

/** What one recipient of a benefit receives, in fen (goods and services at their value). */
export function benefitValueFen(b: CampaignBenefit): number {
  if (b.kind === 'cash') return b.amountFen ?? 0;
  if (b.kind === 'goods') return (b.quantity ?? 0) * (b.unitValueFen ?? 0);
  return b.unitValueFen ?? 0;
}

/**
 * Who may be nominated, as data; every rule given must hold (AND), each list is "one of".
 * The member record (members module) has no occupation field: `industries` matches the member's
 * industry. `modelWorker` holds for a member with an active honour in 劳模工匠 (the honours module),
 * or, for an honour not yet recorded there, when the nominating staff attest it (kept with the
 * nomination and in the audit log).
 */
export const eligibilityRulesSchema = z
  .object({
    hardshipTiers: z.array(z.enum(HARDSHIP_TIERS)).min(1).optional(),
    employmentForms: z.array(z.enum(employmentForms)).min(1).optional(),
    industries: z.array(z.string().trim().min(1).max(50)).min(1).max(50).optional(),
    modelWorker: z.literal(true).optional(),
    orgSubtreeIds: z.array(z.uuid()).min(1).max(20).optional(),
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    sex: z.enum(['male', 'female']).optional(),
  })
  .strict()
  .refine((r) => r.ageMin === undefined || r.ageMax === undefined || r.ageMin <= r.ageMax, { path: ['ageMax'], message: 'CAMPAIGN_AGE_RANGE' });
export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;
export const ELIGIBILITY_RULE_KEYS = ['hardshipTiers', 'employmentForms', 'industries', 'modelWorker', 'orgSubtreeIds', 'ageMin', 'ageMax', 'sex'] as const;

export const createCampaignSchema = z.object({
  orgId: z.uuid(),
  kind: z.enum(CAMPAIGN_KINDS),
  name: z.string().trim().min(1).max(100),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  budgetFen: fen.min(1),
  fundingSources: z.array(fundingSourceSchema).min(1).max(10),
  benefits: z.array(campaignBenefitSchema).min(1).max(10),
  eligibility: eligibilityRulesSchema.default({}),
  /** A nomination worth more than this needs a second approver (a different person). */
  secondApprovalFen: fen,
  /** What one person may receive in a calendar year across campaigns (fen); null: no limit. */
  yearlyLimitFen: fen.min(1).nullable().default(null),
});
export type CreateCampaign = z.infer<typeof createCampaignSchema>;

/**
 * 修改活动: a draft changes in everything but its owner and kind; an open campaign keeps its start,
 * benefits and eligibility (nominations were judged and valued by them) and may change its name, end,
 * budget and funding, thresholds. A closed campaign does not change.
 */
export const updateCampaignSchema = createCampaignSchema.omit({ orgId: true, kind: true }).extend({ version: z.number().int().min(1) });
export type UpdateCampaign = z.infer<typeof updateCampaignSchema>;
/** 调整额度: a share's new amount (never below what it has handed down and spent; an increase comes from the union above). */
export const reallocateSchema = z.object({ amountFen: fen.min(1) });

export const campaignAllocationSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  parentId: z.uuid().nullable(),
  amountFen: z.number().int(),
  subAllocatedFen: z.number().int(),
  spentFen: z.number().int(),
  /** The caller's scope covers the union above it, and the campaign is not closed (调整额度). */
  canChange: z.boolean(),
});
export type CampaignAllocation = z.infer<typeof campaignAllocationSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  year: z.number().int(),
  budgetFen: z.number().int(),
  approvedFen: z.number().int(),
  fundingSources: z.array(fundingSourceSchema),
  benefits: z.array(campaignBenefitSchema),
  eligibility: eligibilityRulesSchema,
  secondApprovalFen: z.number().int(),
  yearlyLimitFen: z.number().int().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  nominations: z.number().int(),
  recipients: z.number().int(),
  disbursedFen: z.number().int(),
  allocations: z.array(campaignAllocationSchema),
  /** The caller's scope covers the owner and the campaign is not closed (修改). */
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignsQuerySchema = z.object({
  kind: z.enum(CAMPAIGN_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});
export const campaignStatusSchema = z.object({ status: z.enum(['open', 'closed']), version: z.number().int().min(1) });
export const allocateSchema = z.object({ orgId: z.uuid(), amountFen: fen.min(1) });

export const nominateSchema = z.object({
  membershipId: z.uuid(),
  benefitKey: z.string().min(1).max(20),
  /** Facts the member record lacks, attested by the nominating staff. */
  attestations: z.object({ modelWorker: z.boolean().optional() }).strict().default({}),
  note: z.string().trim().max(500).default(''),
});
export type Nominate = z.infer<typeof nominateSchema>;

export const nominationStepSchema = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  approverName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const nominationSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  campaignKind: z.enum(CAMPAIGN_KINDS),
  orgId: z.uuid(),
  orgName: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  benefitKey: z.string(),
  benefitName: z.string(),
  benefitKind: z.enum(CAMPAIGN_BENEFIT_KINDS),
  quantity: z.number().int().nullable(),
  unit: z.string().nullable(),
  valueFen: z.number().int(),
  status: z.enum(NOMINATION_STATUSES),
  steps: z.array(nominationStepSchema),
  currentStep: z.number().int(),
  needsSecond: z.boolean(),
  secondByName: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  disburseMethod: z.enum(DISBURSE_METHODS).nullable(),
  disburseReference: z.string().nullable(),
  disbursedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  ackVia: z.enum(['phone', 'sheet']).nullable(),
  hasSignature: z.boolean(),
  ackPhotoId: z.uuid().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Nomination = z.infer<typeof nominationSchema>;
export const nominationsQuerySchema = z.object({
  status: z.enum(NOMINATION_STATUSES).optional(),
  orgId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const decideNominationSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(1),
});
export type DecideNomination = z.infer<typeof decideNominationSchema>;
export const disburseSchema = z.object({
  method: z.enum(DISBURSE_METHODS),
  reference: z.string().trim().max(100).default(''),
  version: z.number().int().min(1),
});
export const attachSheetSchema = z.object({ photoId: z.uuid(), version: z.number().int().min(1) });
/** The recipient confirms on the phone, optionally with a signature drawn on the screen (PNG, base64). */
export const acknowledgeSchema = z.object({
  signaturePng: z
    .string()
    .max(400_000)
    .regex(/^[A-Za-z0-9+/=]+$/)
    .optional(),
  version: z.number().int().min(1),
});

export const duplicateReviewSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  nominationId: z.uuid(),
  personName: z.string(),
  idNumberMasked: z.string(),
  orgName: z.string(),
  otherNominationId: z.uuid(),
  otherPersonName: z.string(),
  otherIdNumberMasked: z.string(),
  otherOrgName: z.string(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  decision: z.enum(DUPLICATE_DECISIONS).nullable(),
  note: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DuplicateReview = z.infer<typeof duplicateReviewSchema>;
export const duplicateReviewsQuerySchema = z.object({
  campaignId: z.uuid().optional(),
  decided: z.enum(['yes', 'no']).default('no'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const decideDuplicateSchema = z.object({ decision: z.enum(DUPLICATE_DECISIONS), note: z.string().trim().max(500).default('') });

export const myCampaignBenefitsSchema = z.object({ items: z.array(nominationSchema) });
