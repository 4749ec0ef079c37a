import { z } from 'zod';
import { mobilePhoneSchema, pageQuerySchema, versionSchema } from './common';

/**
 * 1+N 合作联盟 (partner alliance): the union (the "1") and its partners (the "N": banks, platform
 * companies, industry associations), with their cooperation agreements, joint activities, the
 * stations they co-built and referrals of workers' needs between partners.
 */
export const partnerKinds = ['bank', 'platform', 'association', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];
export const partnerStatuses = ['active', 'ended'] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];
/** Derived from the dates: 未生效, 生效中, 即将到期 (ends within 30 days), 已到期; or 已终止 when ended early. */
export const partnerAgreementStatuses = ['pending', 'active', 'expiring', 'expired', 'terminated'] as const;
export type PartnerAgreementStatus = (typeof partnerAgreementStatuses)[number];
export const partnerReferralStatuses = ['referred', 'accepted', 'closed'] as const;
export type PartnerReferralStatus = (typeof partnerReferralStatuses)[number];

const text = (max: number) => z.string().trim().max(max);
const day = z.iso.date();

export const createPartnerSchema = z.object({
  name: text(100).min(1),
  kind: z.enum(partnerKinds),
  /** The owning union (in the caller's scope). */
  orgId: z.uuid(),
  contactName: text(50).nullable().default(null),
  contactPhone: mobilePhoneSchema.nullable().default(null),
  /** What the partner offers workers (shown on the phone's partner list). */
  services: text(500).nullable().default(null),
  /** Staff's own note on the partnership (not shown to workers). */
  note: text(1000).nullable().default(null),
});
export type CreatePartner = z.infer<typeof createPartnerSchema>;
/** `contactPhone` left out keeps the number on record (lists and the detail only show it masked). */
export const updatePartnerSchema = createPartnerSchema
  .omit({ orgId: true, contactPhone: true })
  .extend({ contactPhone: mobilePhoneSchema.nullable().optional(), status: z.enum(partnerStatuses), version: versionSchema });
export type UpdatePartner = z.infer<typeof updatePartnerSchema>;

export const partnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(partnerKinds),
  orgId: z.uuid(),
  orgName: z.string(),
  contactName: z.string().nullable(),
  /** Masked in every list (138****0001), as members' phones are. */
  contactPhoneMasked: z.string().nullable(),
  services: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(partnerStatuses),
  agreements: z.number().int(),
  activeAgreements: z.number().int(),
  activities: z.number().int(),
  stations: z.number().int(),
  referrals: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Partner = z.infer<typeof partnerSchema>;
export const partnersQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  q: text(50).optional(),
  kind: z.enum(partnerKinds).optional(),
  status: z.enum(partnerStatuses).optional(),
});

export const createPartnerAgreementSchema = z
  .object({
    title: text(200).min(1),
    signedOn: day,
    startsOn: day,
    endsOn: day,
    scope: text(1000).nullable().default(null),
  })
  .refine((a) => a.endsOn >= a.startsOn, { path: ['endsOn'], message: 'PARTNER_AGREEMENT_ENDS_BEFORE_START' });
export type CreatePartnerAgreement = z.infer<typeof createPartnerAgreementSchema>;
/** Title, dates and terms of an agreement not terminated. */
export const updatePartnerAgreementSchema = createPartnerAgreementSchema;
export type UpdatePartnerAgreement = CreatePartnerAgreement;
/** 提前终止: from this day (not before it started, not after today); the reason is kept. */
export const terminatePartnerAgreementSchema = z.object({ terminatedOn: day.optional(), reason: text(500).min(1) });
export type TerminatePartnerAgreement = z.infer<typeof terminatePartnerAgreementSchema>;
export const partnerAgreementSchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  orgName: z.string(),
  title: z.string(),
  signedOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  scope: z.string().nullable(),
  status: z.enum(partnerAgreementStatuses),
  /** Days left until it ends (negative once ended). */
  daysLeft: z.number().int(),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  createdAt: z.string(),
});
export type PartnerAgreement = z.infer<typeof partnerAgreementSchema>;
export const partnerExpiringQuerySchema = z.object({ orgId: z.uuid().optional() });

export const createPartnerActivitySchema = z.object({
  title: text(200).min(1),
  heldOn: day,
  place: text(200).nullable().default(null),
  participants: z.number().int().min(0).max(1_000_000).default(0),
  /** An activity (文体活动) already in the events module, when the joint activity is one. */
  eventId: z.uuid().nullable().default(null),
});
export type CreatePartnerActivity = z.infer<typeof createPartnerActivitySchema>;
export const updatePartnerActivitySchema = createPartnerActivitySchema;
export type UpdatePartnerActivity = CreatePartnerActivity;
export const partnerActivitySchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  participants: z.number().int(),
  eventId: z.string().nullable(),
  eventTitle: z.string().nullable(),
  createdAt: z.string(),
});
export type PartnerActivity = z.infer<typeof partnerActivitySchema>;

export const linkPartnerStationSchema = z.object({
  positionId: z.uuid(),
  contributionFen: z.number().int().min(0).max(1_000_000_000_000).default(0),
  goods: text(500).nullable().default(null),
});
export type LinkPartnerStation = z.infer<typeof linkPartnerStationSchema>;
/** What the partner gave the station it co-built. */
export const updatePartnerStationSchema = linkPartnerStationSchema.omit({ positionId: true });
export type UpdatePartnerStation = z.infer<typeof updatePartnerStationSchema>;
export const partnerStationParamsSchema = z.object({ id: z.uuid(), positionId: z.uuid() });
/** The contact's full phone (查看): only to staff over the partner, audited. */
export const revealedPartnerPhoneSchema = z.object({ contactPhone: z.string().nullable() });
export const partnerStationSchema = z.object({
  partnerId: z.uuid(),
  partnerName: z.string(),
  positionId: z.uuid(),
  positionName: z.string(),
  positionType: z.string(),
  contributionFen: z.number().int(),
  goods: z.string().nullable(),
  createdAt: z.string(),
});
export type PartnerStation = z.infer<typeof partnerStationSchema>;
export const stationPartnersQuerySchema = z.object({ positionId: z.uuid() });

export const createPartnerReferralSchema = z
  .object({
    fromPartnerId: z.uuid(),
    toPartnerId: z.uuid(),
    subject: text(300).min(1),
    /** The worker's name; only its masked form (张*) is kept. */
    workerName: text(30).nullable().default(null),
    note: text(500).nullable().default(null),
  })
  .refine((r) => r.fromPartnerId !== r.toPartnerId, { path: ['toPartnerId'], message: 'PARTNER_REFERRAL_SAME' });
export type CreatePartnerReferral = z.infer<typeof createPartnerReferralSchema>;
export const advancePartnerReferralSchema = z.object({ status: z.enum(['accepted', 'closed']), note: text(500).nullable().default(null), version: versionSchema });
export type AdvancePartnerReferral = z.infer<typeof advancePartnerReferralSchema>;
export const partnerReferralSchema = z.object({
  id: z.uuid(),
  fromPartnerId: z.uuid(),
  fromPartnerName: z.string(),
  toPartnerId: z.uuid(),
  toPartnerName: z.string(),
  subject: z.string(),
  workerNameMasked: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(partnerReferralStatuses),
  referredAt: z.string(),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type PartnerReferral = z.infer<typeof partnerReferralSchema>;
export const partnerReferralsQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), partnerId: z.uuid().optional(), status: z.enum(partnerReferralStatuses).optional() });

export const partnerDetailSchema = partnerSchema.extend({
  agreementList: z.array(partnerAgreementSchema),
  activityList: z.array(partnerActivitySchema),
  stationList: z.array(partnerStationSchema),
  referralList: z.array(partnerReferralSchema),
});
export type PartnerDetail = z.infer<typeof partnerDetailSchema>;

/** A partner as workers see it on the phone: no contact person, no phone. */
export const publicPartnerSchema = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(partnerKinds), services: z.string().nullable(), stations: z.array(z.string()) });
export type PublicPartner = z.infer<typeof publicPartnerSchema>;
