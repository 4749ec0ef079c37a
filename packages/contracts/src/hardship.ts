import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

import {
  HARDSHIP_CAUSES,
  HARDSHIP_DOCUMENT_KINDS,
  HARDSHIP_EXIT_KINDS,
  HARDSHIP_STATUSES,
  HARDSHIP_TIERS,
  HOUSEHOLD_RELATIONS,
  OBJECTION_OUTCOMES,
} from './hardship-domain';

export * from './hardship-domain';

const moneyFen = z.number().int().min(0).max(100_000_000);
const isoDate = z.iso.date();

export const householdMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relation: z.enum(HOUSEHOLD_RELATIONS),
  idNumberMasked: z.string().nullable(),
  monthlyIncomeFen: z.number().int(),
  note: z.string(),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;

export const addHouseholdMemberSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  relation: z.enum(HOUSEHOLD_RELATIONS),
  idNumber: z.string().trim().max(40).optional(),
  monthlyIncomeFen: moneyFen,
  note: z.string().trim().max(200).optional(),
  version: versionSchema,
});
export type AddHouseholdMember = z.infer<typeof addHouseholdMemberSchema>;

/** A supporting document: a photo, or a PDF scan (`isPdf`: shown as a download). */
export const hardshipDocumentSchema = z.object({ id: z.uuid(), photoId: z.uuid(), isPdf: z.boolean(), kind: z.enum(HARDSHIP_DOCUMENT_KINDS), createdAt: z.string() });
export const addHardshipDocumentSchema = z.strictObject({ photoId: z.uuid(), kind: z.enum(HARDSHIP_DOCUMENT_KINDS), version: versionSchema });

export const hardshipVerificationSchema = z.object({ verifierName: z.string(), tier: z.enum(HARDSHIP_TIERS), note: z.string(), at: z.string() });
export const objectionSchema = z.object({ id: z.uuid(), text: z.string(), raisedOn: isoDate, outcome: z.enum(OBJECTION_OUTCOMES), outcomeNote: z.string().nullable() });
export const hardshipReviewSchema = z.object({ reviewedOn: isoDate, reviewerName: z.string(), outcome: z.enum(['continue', 'exit']), tier: z.enum(HARDSHIP_TIERS).nullable(), note: z.string() });

export const hardshipFileSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  applicantName: z.string(),
  status: z.enum(HARDSHIP_STATUSES),
  tier: z.enum(HARDSHIP_TIERS).nullable(),
  causes: z.array(z.enum(HARDSHIP_CAUSES)),
  householdSize: z.number().int(),
  incomePerHeadFen: z.number().int(),
  openedVia: z.enum(['phone', 'staff']),
  noticeEndsOn: isoDate.nullable(),
  nextReviewOn: isoDate.nullable(),
  isReviewDue: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type HardshipFile = z.infer<typeof hardshipFileSchema>;

export const hardshipDetailSchema = hardshipFileSchema.extend({
  causeNote: z.string(),
  thresholdFen: z.number().int().nullable(),
  isBelowThreshold: z.boolean().nullable(),
  household: z.array(householdMemberSchema),
  documents: z.array(hardshipDocumentSchema),
  consent: z.object({ signedAt: z.string(), version: z.string() }).nullable(),
  verifications: z.array(hardshipVerificationSchema),
  noticeStartsOn: isoDate.nullable(),
  objections: z.array(objectionSchema),
  admittedOn: isoDate.nullable(),
  reviews: z.array(hardshipReviewSchema),
  exitKind: z.enum(HARDSHIP_EXIT_KINDS).nullable(),
  exitReason: z.string().nullable(),
  exitedOn: isoDate.nullable(),
  returnNote: z.string().nullable(),
  /** What the caller may do now (the console shows only these buttons). */
  actions: z.array(z.string()),
});
export type HardshipDetail = z.infer<typeof hardshipDetailSchema>;

export const listHardshipQuerySchema = pageQuerySchema.extend({
  status: z.enum(HARDSHIP_STATUSES).optional(),
  tier: z.enum(HARDSHIP_TIERS).optional(),
  orgId: z.uuid().optional(),
  q: z.string().trim().max(40).optional(),
  isReviewDue: z.enum(['true', 'false']).optional(),
});
export type ListHardshipQuery = z.infer<typeof listHardshipQuerySchema>;

export const openHardshipFileSchema = z.strictObject({
  causes: z.array(z.enum(HARDSHIP_CAUSES)).min(1).max(6),
  causeNote: z.string().trim().max(500).optional(),
  /** The worker's own monthly income (fen): the household's first row. */
  selfMonthlyIncomeFen: moneyFen.optional(),
  /** Staff only: the member's membership id (a worker opens their own). */
  membershipId: z.uuid().optional(),
});
export type OpenHardshipFile = z.infer<typeof openHardshipFileSchema>;

export const updateHardshipFileSchema = z.strictObject({
  causes: z.array(z.enum(HARDSHIP_CAUSES)).min(1).max(6).optional(),
  causeNote: z.string().trim().max(500).optional(),
  version: versionSchema,
});
export const verifyHardshipSchema = z.strictObject({ tier: z.enum(HARDSHIP_TIERS), note: z.string().trim().max(500).optional(), version: versionSchema });
export const returnHardshipSchema = z.strictObject({ note: z.string().trim().min(1).max(500), version: versionSchema });
export const startNoticeSchema = z.strictObject({ startsOn: isoDate, endsOn: isoDate, version: versionSchema });
export const addObjectionSchema = z.strictObject({ text: z.string().trim().min(1).max(1000), version: versionSchema });
export const decideObjectionSchema = z.strictObject({ outcome: z.enum(['upheld', 'dismissed']), note: z.string().trim().min(1).max(500), version: versionSchema });
export const reviewHardshipSchema = z.strictObject({
  outcome: z.enum(['continue', 'exit']),
  tier: z.enum(HARDSHIP_TIERS).optional(),
  note: z.string().trim().min(1).max(500),
  version: versionSchema,
});
export const exitHardshipSchema = z.strictObject({ kind: z.enum(HARDSHIP_EXIT_KINDS), reason: z.string().trim().min(1).max(500), version: versionSchema });
export const revealHouseholdSchema = z.strictObject({ memberId: z.uuid() });
export const hardshipThresholdSchema = z.object({ orgId: z.uuid(), orgName: z.string(), monthlyFenPerHead: z.number().int(), isOwn: z.boolean() });
export type HardshipThreshold = z.infer<typeof hardshipThresholdSchema>;
export const saveThresholdSchema = z.strictObject({ monthlyFenPerHead: z.number().int().min(1).max(10_000_000) });
export const thresholdQuerySchema = z.object({ orgId: z.uuid() });
export const objectionParamsSchema = z.object({ id: z.uuid(), objectionId: z.uuid() });
export const memberParamsSchema = z.object({ id: z.uuid(), memberId: z.uuid() });
