import { z } from 'zod';
import { mobilePhoneSchema, pageQuerySchema, versionSchema } from './common';
import {
  caseMemberRoles,
  caseSources,
  caseStages,
  caseStatuses,
  claimTypes,
  clockEventKinds,
  clockKinds,
  consultationChannels,
  consultationMessageKinds,
  consultationStatuses,
  disputeCategories,
  documentAudiences,
  documentKinds,
  interruptReasons,
  partyRoles,
  paymentMethods,
  referralKinds,
  referralStatuses,
  signerRoles,
  suspendReasons,
} from './rights-domain';

/**
 * Rights protection (维权), issue #15: consultations and dispute cases. Monitoring points, the
 * 三员 teams, ratings and figures are in ./rights-monitoring. The web imports types only, plus the
 * zod-free ./rights-domain.
 */
export * from './rights-domain';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'FIELD_FORMAT' });
/** Money in fen: whole, non-negative, at most 100 million yuan. */
const fenSchema = z.number().int().min(0).max(10_000_000_000);
const orgBrief = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const userBrief = z.object({ id: z.uuid(), name: z.string() });

// ---- consultations (法律咨询) ----

export const citationSchema = z.strictObject({
  law: z.string().trim().min(2).max(60),
  article: z.string().trim().min(1).max(30),
  note: z.string().trim().max(300).optional(),
});
export type Citation = z.infer<typeof citationSchema>;

const questionText = z.string().trim().min(5).max(2000);

/** Staff record a walk-in, hotline (12351) or petition consultation. */
export const createConsultationSchema = z.strictObject({
  orgId: z.uuid(),
  channel: z.enum(['walk_in', 'hotline', 'petition']),
  category: z.enum(disputeCategories),
  question: questionText,
  askerName: z.string().trim().min(1).max(40).optional(),
  askerPhone: mobilePhoneSchema.optional(),
  employerName: z.string().trim().max(100).optional(),
  isAnonymous: z.boolean().default(false),
});
export type CreateConsultation = z.infer<typeof createConsultationSchema>;

/** A worker asks online from the phone; anonymous hides who asked from the staff. */
export const askConsultationSchema = z.strictObject({
  orgId: z.uuid().optional(),
  category: z.enum(disputeCategories),
  question: questionText,
  employerName: z.string().trim().max(100).optional(),
  isAnonymous: z.boolean().default(false),
});
export type AskConsultation = z.infer<typeof askConsultationSchema>;

export const answerConsultationSchema = z.strictObject({
  answer: z.string().trim().min(5).max(5000),
  citations: z.array(citationSchema).max(10).default([]),
  version: versionSchema,
});
export type AnswerConsultation = z.infer<typeof answerConsultationSchema>;

/** A staff reply or call-back note; `version` is the consultation as the staff member saw it (a follow-up since is a conflict). */
export const consultationMessageInputSchema = z.strictObject({
  kind: z.enum(['reply', 'callback']),
  body: z.string().trim().min(2).max(2000),
  version: versionSchema,
});
/** Closing names the version seen: a follow-up that arrived since is read before the consultation is closed. */
export const closeConsultationSchema = z.strictObject({ version: versionSchema });
export const followUpQuestionSchema = z.strictObject({ body: z.string().trim().min(2).max(2000) });

export const consultationMessageSchema = z.object({
  id: z.uuid(),
  kind: z.enum(consultationMessageKinds),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

export const consultationSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  org: orgBrief,
  channel: z.enum(consultationChannels),
  category: z.enum(disputeCategories),
  question: z.string(),
  isAnonymous: z.boolean(),
  /** Hidden ("匿名") when anonymous; phone masked. */
  askerName: z.string().nullable(),
  askerPhoneMasked: z.string().nullable(),
  employerName: z.string().nullable(),
  status: z.enum(consultationStatuses),
  answer: z.string().nullable(),
  citations: z.array(citationSchema),
  answererName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  messages: z.array(consultationMessageSchema),
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  /** For the asker: an answer or reply they have not opened yet. */
  hasUnread: z.boolean(),
  askedAt: z.string(),
  version: z.number().int(),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const listConsultationsQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  status: z.enum(consultationStatuses).optional(),
  channel: z.enum(consultationChannels).optional(),
  category: z.enum(disputeCategories).optional(),
  q: z.string().trim().max(50).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export type ListConsultationsQuery = z.infer<typeof listConsultationsQuerySchema>;

export const convertConsultationSchema = z.strictObject({
  /** Needed when the consultation was anonymous or had no name. */
  applicantName: z.string().trim().min(1).max(40).optional(),
  respondentName: z.string().trim().min(2).max(100).optional(),
});

export const deskSchema = z.object({ id: z.uuid(), name: z.string(), type: z.string() });

// ---- cases (劳动争议调解) ----

export const partyInputSchema = z.strictObject({
  /** Present when editing an existing party; its ID number is kept unless a new one is given. */
  id: z.uuid().optional(),
  role: z.enum(partyRoles),
  name: z.string().trim().min(1).max(100),
  idNumber: z.string().trim().min(1).max(40).optional(),
  phone: mobilePhoneSchema.optional(),
  /** A member's person id: the worker is a union member. */
  personId: z.uuid().optional(),
  creditCode: z.string().trim().toUpperCase().max(18).optional(),
  legalRepresentative: z.string().trim().max(40).optional(),
  address: z.string().trim().max(200).optional(),
  agentName: z.string().trim().max(40).optional(),
});
export type PartyInput = z.infer<typeof partyInputSchema>;

export const claimInputSchema = z.strictObject({
  id: z.uuid().optional(),
  type: z.enum(claimTypes),
  description: z.string().trim().max(300).optional(),
  amountFen: fenSchema,
});
export type ClaimInput = z.infer<typeof claimInputSchema>;

export const createCaseSchema = z.strictObject({
  orgId: z.uuid(),
  source: z.enum(caseSources).default('walk_in'),
  category: z.enum(disputeCategories),
  summary: z.string().trim().min(5).max(5000),
  receivedOn: dateSchema.optional(),
  limitationStartOn: dateSchema.optional(),
  isWageArrearsOngoing: z.boolean().default(false),
  employmentEndedOn: dateSchema.optional(),
  isComplainantSealed: z.boolean().default(false),
  parties: z.array(partyInputSchema).min(2).max(50),
  claims: z.array(claimInputSchema).max(30).default([]),
});
export type CreateCase = z.infer<typeof createCaseSchema>;

export const updateCaseSchema = z.strictObject({
  category: z.enum(disputeCategories).optional(),
  summary: z.string().trim().min(5).max(5000).optional(),
  limitationStartOn: dateSchema.nullable().optional(),
  isWageArrearsOngoing: z.boolean().optional(),
  employmentEndedOn: dateSchema.nullable().optional(),
  isComplainantSealed: z.boolean().optional(),
  parties: z.array(partyInputSchema).min(2).max(50).optional(),
  claims: z.array(claimInputSchema).max(30).optional(),
  version: versionSchema,
});
export type UpdateCase = z.infer<typeof updateCaseSchema>;

export const acceptCaseSchema = z.strictObject({ acceptedOn: dateSchema.optional(), note: z.string().trim().max(500).optional(), mediatorId: z.uuid().optional(), version: versionSchema });
export const rejectCaseSchema = z.strictObject({ note: z.string().trim().min(2).max(500), version: versionSchema });
export const assignMediatorSchema = z.strictObject({ mediatorId: z.uuid(), version: versionSchema });
export const addCaseMemberSchema = z.strictObject({ userId: z.uuid() });

export const createSessionSchema = z.strictObject({
  heldAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(100).optional(),
  attendees: z.string().trim().max(300).optional(),
  notes: z.string().trim().min(2).max(5000),
});

export const createClockEventSchema = z.strictObject({
  kind: z.enum(clockEventKinds),
  onDate: dateSchema,
  reason: z.enum([...interruptReasons, ...suspendReasons]).optional(),
  days: z.number().int().min(1).max(15).optional(),
  hasApplicantConsent: z.boolean().optional(),
  hasRespondentConsent: z.boolean().optional(),
  note: z.string().trim().max(500).optional(),
});
export type CreateClockEvent = z.infer<typeof createClockEventSchema>;
export const voidClockEventSchema = z.strictObject({ reason: z.string().trim().min(2).max(300) });

export const installmentInputSchema = z.strictObject({ dueOn: dateSchema, amountFen: fenSchema.min(1), note: z.string().trim().max(200).optional() });

export const recordOutcomeSchema = z.strictObject({
  outcome: z.enum(['agreed', 'failed', 'withdrawn']),
  on: dateSchema.optional(),
  note: z.string().trim().max(2000).optional(),
  /** The agreement: what each claim was settled at, the terms and the payment plan. */
  terms: z.string().trim().max(5000).optional(),
  agreedClaims: z
    .array(z.strictObject({ claimId: z.uuid(), agreedFen: fenSchema }))
    .max(30)
    .optional(),
  installments: z.array(installmentInputSchema).max(24).optional(),
  version: versionSchema,
});
export type RecordOutcome = z.infer<typeof recordOutcomeSchema>;

export const recordPaymentSchema = z.strictObject({
  receivedOn: dateSchema,
  /** Negative corrects an earlier entry (payments are never edited). */
  amountFen: z
    .number()
    .int()
    .min(-10_000_000_000)
    .max(10_000_000_000)
    .refine((v) => v !== 0, { error: 'RIGHTS_PAYMENT_ZERO' }),
  method: z.enum(paymentMethods),
  note: z.string().trim().max(200).optional(),
});

export const createReferralSchema = z.strictObject({
  kind: z.enum(referralKinds),
  /** A union in the tree that will accept it in the console; else name the outside body. */
  targetOrgId: z.uuid().optional(),
  targetName: z.string().trim().min(2).max(100).optional(),
  referredOn: dateSchema.optional(),
  hasWorkerConsent: z.boolean(),
  consentNote: z.string().trim().max(300).optional(),
  note: z.string().trim().max(1000).optional(),
});
export type CreateReferral = z.infer<typeof createReferralSchema>;
export const respondReferralSchema = z.strictObject({
  decision: z.enum(['accept', 'return']),
  on: dateSchema.optional(),
  note: z.string().trim().max(500).optional(),
  referenceNo: z.string().trim().max(60).optional(),
  version: versionSchema,
});
export const referralResultSchema = z.strictObject({ result: z.string().trim().min(2).max(1000), on: dateSchema.optional(), version: versionSchema });

export const evidenceInputSchema = z.strictObject({ fileId: z.uuid(), description: z.string().trim().max(200).optional() });
export const fileSchema = z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), createdAt: z.string() });

export const generateDocumentSchema = z.strictObject({ kind: z.enum(documentKinds), audience: z.enum(documentAudiences).default('file') });
export const createSignRequestSchema = z.strictObject({ kind: z.enum(documentKinds), signerRole: z.enum(signerRoles), partyId: z.uuid().optional() });

export const partySchema = z.object({
  id: z.uuid(),
  role: z.enum(partyRoles),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  isMember: z.boolean(),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  agentName: z.string().nullable(),
});
export type Party = z.infer<typeof partySchema>;

export const claimSchema = z.object({ id: z.uuid(), type: z.enum(claimTypes), description: z.string().nullable(), amountFen: z.number().int(), agreedFen: z.number().int().nullable() });
export const clockEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(clockEventKinds),
  onDate: z.string(),
  reason: z.string().nullable(),
  days: z.number().int().nullable(),
  hasApplicantConsent: z.boolean().nullable(),
  hasRespondentConsent: z.boolean().nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  isIneffective: z.boolean(),
});
export const clockStateSchema = z.object({
  clock: z.enum(clockKinds),
  dueOn: z.string(),
  daysLeft: z.number().int(),
  isOverdue: z.boolean(),
});
export type ClockState = z.infer<typeof clockStateSchema>;
export const clocksSchema = z.object({
  acceptanceDueOn: z.string(),
  mediationDueOn: z.string().nullable(),
  mediationExtensionDays: z.number().int(),
  limitation: z.object({
    startOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    isPaused: z.boolean(),
    pausedSince: z.string().nullable(),
    remainingDaysWhenPaused: z.number().int().nullable(),
    notRunning: z.enum(['no_start', 'wage_arrears_ongoing']).nullable(),
  }),
  arbitrationDueOn: z.string().nullable(),
  isArbitrationExtended: z.boolean(),
  running: z.array(clockStateSchema),
});
export type CaseClocksView = z.infer<typeof clocksSchema>;

export const referralSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  kind: z.enum(referralKinds),
  fromOrg: orgBrief,
  targetOrg: orgBrief.nullable(),
  targetName: z.string(),
  referredOn: z.string(),
  referredByName: z.string().nullable(),
  hasWorkerConsent: z.boolean(),
  consentNote: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(referralStatuses),
  respondedOn: z.string().nullable(),
  responseNote: z.string().nullable(),
  referenceNo: z.string().nullable(),
  result: z.string().nullable(),
  resultOn: z.string().nullable(),
  /** What the receiving body sees before it accepts: no party names. */
  category: z.enum(disputeCategories),
  claimedFen: z.number().int(),
  version: z.number().int(),
});
export type Referral = z.infer<typeof referralSchema>;

export const caseSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  org: orgBrief,
  source: z.enum(caseSources),
  category: z.enum(disputeCategories),
  status: z.enum(caseStatuses),
  stage: z.enum(caseStages),
  externalBody: z.string().nullable(),
  applicantNames: z.array(z.string()),
  respondentName: z.string().nullable(),
  mediator: userBrief.nullable(),
  receivedOn: z.string(),
  acceptedOn: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  claimedFen: z.number().int(),
  agreedFen: z.number().int(),
  paidFen: z.number().int(),
  workers: z.number().int(),
  nextDue: clockStateSchema.nullable(),
  isComplainantSealed: z.boolean(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  summary: z.string(),
  consultationId: z.uuid().nullable(),
  decisionNote: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  agreementTerms: z.string().nullable(),
  limitationStartOn: z.string().nullable(),
  isWageArrearsOngoing: z.boolean(),
  employmentEndedOn: z.string().nullable(),
  arbitrationAcceptedOn: z.string().nullable(),
  parties: z.array(partySchema),
  claims: z.array(claimSchema),
  members: z.array(z.object({ userId: z.uuid(), name: z.string(), role: z.enum(caseMemberRoles), addedAt: z.string() })),
  sessions: z.array(z.object({ id: z.uuid(), heldAt: z.string(), place: z.string().nullable(), attendees: z.string().nullable(), notes: z.string(), createdAt: z.string() })),
  events: z.array(clockEventSchema),
  clocks: clocksSchema,
  referrals: z.array(referralSchema),
  installments: z.array(z.object({ id: z.uuid(), dueOn: z.string(), amountFen: z.number().int(), note: z.string().nullable(), paidFen: z.number().int() })),
  payments: z.array(
    z.object({
      id: z.uuid(),
      receivedOn: z.string(),
      amountFen: z.number().int(),
      method: z.enum(paymentMethods),
      note: z.string().nullable(),
      recordedByName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  evidence: z.array(z.object({ id: z.uuid(), file: fileSchema, description: z.string().nullable(), addedAt: z.string() })),
  documents: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(documentKinds),
      audience: z.enum(documentAudiences),
      version: z.number().int(),
      sha256: z.string(),
      size: z.number().int(),
      signers: z.array(z.string()),
      createdAt: z.string(),
      isCurrent: z.boolean(),
    }),
  ),
  signatures: z.array(z.object({ id: z.uuid(), kind: z.enum(documentKinds), signerRole: z.enum(signerRoles), signerName: z.string(), signedAt: z.string(), isCurrent: z.boolean() })),
  /** What the viewer may do here. */
  can: z.object({ manage: z.boolean(), write: z.boolean() }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const listCasesQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  status: z.enum(caseStatuses).optional(),
  stage: z.enum(caseStages).optional(),
  category: z.enum(disputeCategories).optional(),
  q: z.string().trim().max(50).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const signRequestSchema = z.object({ id: z.uuid(), url: z.string(), expiresAt: z.string() });
/** What a signer sees on the phone before signing (their own case's essentials only). */
export const signTaskSchema = z.object({
  caseNumber: z.string(),
  kind: z.enum(documentKinds),
  signerRole: z.enum(signerRoles),
  signerName: z.string(),
  title: z.string(),
  lines: z.array(z.string()),
  expiresAt: z.string(),
});
export type SignTask = z.infer<typeof signTaskSchema>;
