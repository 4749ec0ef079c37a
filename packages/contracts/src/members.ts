import { z } from 'zod';
import { mobilePhoneSchema, pageOf, pageQuerySchema, versionSchema } from './common';
import { employmentForms, membershipEventKinds, membershipStatuses } from './domain';
import { orgRefSchema } from './orgs';
import { educationCodes, ethnicityCodes, politicalStatusCodes } from './registers';

export const employmentFormSchema = z.enum(employmentForms);
export const membershipStatusSchema = z.enum(membershipStatuses);

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'FIELD_FORMAT' });
/** The GB 11643 rule is checked by the server (and can be by the web app: `@niangjia/contracts/id-number`). */
const idNumberSchema = z.string().trim().min(1).max(40);
const streetCodeSchema = z.string().trim().regex(/^\d{9}$/, { error: 'STREET_CODE_FORMAT' });
const reasonSchema = z.string().trim().min(2).max(200);

const personFields = {
  realName: z.string().trim().min(2).max(40),
  idNumber: idNumberSchema,
  phone: mobilePhoneSchema,
  employerName: z.string().trim().max(100).nullable().optional(),
  employerCreditCode: z.string().trim().toUpperCase().max(18).nullable().optional(),
  industry: z.string().trim().max(40).nullable().optional(),
  employmentForm: employmentFormSchema,
  isMigrant: z.boolean().optional(),
  homeStreetCode: streetCodeSchema.nullable().optional(),
  // The register's fields (issue 10 point 7): optional everywhere, kept by staff.
  ethnicity: z.enum(ethnicityCodes).nullable().optional(),
  politicalStatus: z.enum(politicalStatusCodes).nullable().optional(),
  education: z.enum(educationCodes).nullable().optional(),
  /** 户籍所在地: as written in the household register, e.g. 重庆市忠县. */
  hukouPlace: z.string().trim().max(60).nullable().optional(),
  /** 困难职工: on the union's hardship list (帮扶). */
  isHardship: z.boolean().optional(),
};

/** A worker's real-name application to join a union (入会申请). The phone defaults to the account's. */
/** Which QR brought the application (a joining ceremony or a 入会点), counted by the organizing drive; chosen union only. */
export const joinViaSchema = z.string().regex(/^(ceremony|point):[A-Za-z0-9-]{1,40}$/, { error: 'FIELD_FORMAT' });
export const applyMembershipSchema = z.strictObject({ ...personFields, phone: mobilePhoneSchema.optional(), orgId: z.uuid(), via: joinViaSchema.optional() });
/** The worker takes back a pending application (the version they saw). */
export const withdrawApplicationSchema = z.strictObject({ version: versionSchema });
export type ApplyMembership = z.infer<typeof applyMembershipSchema>;

/**
 * A person as lists and details show them: ID number and phone masked (PIPL). No birth date: with
 * the mask's first 6 and last 4 digits it *is* the ID number (issue 9); it is read from the number
 * only by those who may reveal it.
 */
export const personSchema = z.object({
  id: z.uuid(),
  realName: z.string(),
  /** 500105********1234: region and last four; the birth date and sequence stay hidden. */
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  sex: z.enum(['male', 'female']),
  employerName: z.string().nullable(),
  employerCreditCode: z.string().nullable(),
  industry: z.string().nullable(),
  employmentForm: employmentFormSchema,
  isMigrant: z.boolean(),
  homeStreetCode: z.string().nullable(),
  ethnicity: z.enum(ethnicityCodes).nullable(),
  politicalStatus: z.enum(politicalStatusCodes).nullable(),
  education: z.enum(educationCodes).nullable(),
  hukouPlace: z.string().nullable(),
  isHardship: z.boolean(),
  isRealNameVerified: z.boolean(),
  hasAccount: z.boolean(),
  version: z.number().int(),
});
export type Person = z.infer<typeof personSchema>;

/** A membership with its person: the row of the console's member list. */
export const memberSchema = z.object({
  id: z.uuid(),
  memberNumber: z.string().nullable(),
  status: membershipStatusSchema,
  org: orgRefSchema,
  person: personSchema,
  source: z.string(),
  /** Where an online application came from: `ceremony:CODE` (a founding ceremony's QR) or `point:CODE` (a joining point's sign); null otherwise. */
  via: z.string().nullable(),
  appliedAt: z.string(),
  joinedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(membershipEventKinds),
  at: z.string(),
  fromOrg: orgRefSchema.nullable(),
  toOrg: orgRefSchema.nullable(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type MemberEvent = z.infer<typeof memberEventSchema>;

/** A member's photo, as the detail names it (the image itself is GET /members/{id}/photo, audited). */
export const memberPhotoSchema = z.object({
  contentType: z.string(),
  size: z.number().int(),
  consentAt: z.string(),
  consentRecordedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type MemberPhoto = z.infer<typeof memberPhotoSchema>;

export const memberDetailSchema = memberSchema.extend({ history: z.array(memberEventSchema), photo: memberPhotoSchema.nullable() });
export type MemberDetail = z.infer<typeof memberDetailSchema>;

export const listMembersQuerySchema = pageQuerySchema.extend({
  /** Only members of unions in this org's subtree (inclusive). */
  orgId: z.uuid().optional(),
  status: membershipStatusSchema.optional(),
  employmentForm: employmentFormSchema.optional(),
  isMigrant: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** 困难职工 only (or only not). */
  isHardship: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Joined on or after / on or before these dates (Asia/Shanghai). */
  joinedFrom: dateSchema.optional(),
  joinedTo: dateSchema.optional(),
  /** A name (prefix), a full phone number, a full ID number (exact, by keyed hash) or a member number. */
  q: z.string().trim().max(40).optional(),
});
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;

export const updateMemberSchema = z.strictObject({
  version: versionSchema,
  realName: personFields.realName.optional(),
  idNumber: idNumberSchema.optional(),
  phone: mobilePhoneSchema.nullable().optional(),
  employerName: personFields.employerName,
  employerCreditCode: personFields.employerCreditCode,
  industry: personFields.industry,
  employmentForm: employmentFormSchema.optional(),
  isMigrant: z.boolean().optional(),
  homeStreetCode: personFields.homeStreetCode,
  ethnicity: personFields.ethnicity,
  politicalStatus: personFields.politicalStatus,
  education: personFields.education,
  hukouPlace: personFields.hukouPlace,
  isHardship: z.boolean().optional(),
});
export type UpdateMember = z.infer<typeof updateMemberSchema>;

export const approveMemberSchema = z.strictObject({ version: versionSchema });
/** 批量通过: each application with the version staff saw; each is approved on its own (one stale row does not hold up the rest). */
export const approveMembersBatchSchema = z.strictObject({
  items: z
    .array(z.strictObject({ id: z.uuid(), version: versionSchema }))
    .min(1)
    .max(100),
});
export type ApproveMembersBatch = z.infer<typeof approveMembersBatchSchema>;
export const approveMembersBatchResultSchema = z.object({
  approved: z.array(z.object({ id: z.uuid(), realName: z.string(), memberNumber: z.string().nullable() })),
  failed: z.array(z.object({ id: z.uuid(), code: z.string(), message: z.string() })),
});
export type ApproveMembersBatchResult = z.infer<typeof approveMembersBatchResultSchema>;
/** Reject, suspend, leave: the reason is kept in the history (and a rejected worker sees it). */
export const memberReasonSchema = z.strictObject({ version: versionSchema, reason: reasonSchema });
export type MemberReason = z.infer<typeof memberReasonSchema>;
export const resumeMemberSchema = z.strictObject({ version: versionSchema, reason: reasonSchema.optional() });
export const transferMemberSchema = z.strictObject({ version: versionSchema, orgId: z.uuid(), reason: reasonSchema });
export type TransferMember = z.infer<typeof transferMemberSchema>;

export const revealMemberSchema = z.strictObject({ field: z.enum(['idNumber', 'phone']) });
export const revealedSchema = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string().nullable() });

export const unionSuggestionsQuerySchema = z.strictObject({
  q: z.string().trim().max(50).optional(),
  creditCode: z.string().trim().toUpperCase().max(18).optional(),
  /** Street where the worker works: a 9-digit division code or a street union's id. */
  street: z.string().trim().max(40).optional(),
  employmentForm: employmentFormSchema.optional(),
});
export type UnionSuggestionsQuery = z.infer<typeof unionSuggestionsQuerySchema>;

export const unionSuggestionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(['grassroots', 'joint']),
  address: z.string().nullable(),
  /** Why it is suggested: the employer's credit code, its name, or the joint union of the street (gig workers). */
  reason: z.enum(['credit_code', 'employer_name', 'street_joint']),
});
export type UnionSuggestion = z.infer<typeof unionSuggestionSchema>;

export const myMembershipSchema = z.object({
  person: personSchema.nullable(),
  membership: z
    .object({
      id: z.uuid(),
      status: membershipStatusSchema,
      memberNumber: z.string().nullable(),
      org: orgRefSchema,
      appliedAt: z.string(),
      joinedAt: z.string().nullable(),
      rejectedReason: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
});
export type MyMembership = z.infer<typeof myMembershipSchema>;

export const memberCardSchema = z.object({
  name: z.string(),
  union: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  memberNumber: z.string(),
  joinedAt: z.string(),
  /** The QR code's content: signed, carries no personal data; valid until `expiresAt` (fetch a new card before). */
  token: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export type MemberCard = z.infer<typeof memberCardSchema>;

export const verifyCardQuerySchema = z.strictObject({ token: z.string().trim().min(1).max(200) });
export const cardVerificationSchema = z.object({
  valid: z.boolean(),
  name: z.string().nullable(),
  union: z.string().nullable(),
  status: membershipStatusSchema.nullable(),
  /** A genuine card whose QR is too old: the member should open the card page again. */
  isExpired: z.boolean(),
});
export type CardVerification = z.infer<typeof cardVerificationSchema>;

export const memberStatsQuerySchema = z.strictObject({ orgId: z.uuid().optional() });
export const memberStatsSchema = z.object({
  org: orgRefSchema.nullable(),
  /** Active members (status active). */
  total: z.number().int(),
  applied: z.number().int(),
  suspended: z.number().int(),
  byEmploymentForm: z.record(employmentFormSchema, z.number().int()),
  gigWorkers: z.number().int(),
  realNameVerified: z.number().int(),
  migrantWorkers: z.number().int(),
  joinedThisMonth: z.number().int(),
  joinedThisYear: z.number().int(),
  generatedAt: z.string(),
});
export type MemberStats = z.infer<typeof memberStatsSchema>;

/** Collective join drives (集中入会): the dry run's report and the commit. */
export const importModes = ['only_valid', 'all_or_nothing'] as const;
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  name: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
/**
 * queued → checking → checked (dry run done) → committing → committed; `failed` when the file
 * itself cannot be read (not .xlsx, wrong headers, no rows, too many rows: see `job.error`).
 * A failed commit returns the batch to `checked` with the failed job's error.
 */
export const importStatuses = ['queued', 'checking', 'checked', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importJobSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['check', 'commit']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  /** 0..1 */
  progress: z.number(),
  /** e.g. "已检查 12,000 / 100,000 行" */
  progressText: z.string().nullable(),
  /** Why the job failed, in the caller's language (as in problem+json: code, title, detail). */
  error: z.object({ code: z.string(), title: z.string(), detail: z.string().nullable() }).nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
export const memberImportSchema = z.object({
  id: z.uuid(),
  org: orgRefSchema,
  fileName: z.string().nullable(),
  status: z.enum(importStatuses),
  /** The check or commit job working on (or last worked on) this batch; poll GET /members/imports/:id until it is done. */
  job: importJobSchema.nullable(),
  mode: z.enum(importModes).nullable(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  committedRows: z.number().int(),
  /** The same file was uploaded before: this is that batch (nobody is added twice). */
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
export type MemberImport = z.infer<typeof memberImportSchema>;
/** 导入记录: a past batch as the history lists it (no job, no errors: its report holds those). */
export const memberImportSummarySchema = memberImportSchema.pick({
  id: true,
  org: true,
  fileName: true,
  status: true,
  mode: true,
  totalRows: true,
  validRows: true,
  errorRows: true,
  committedRows: true,
  createdByName: true,
  createdAt: true,
  committedAt: true,
});
export type MemberImportSummary = z.infer<typeof memberImportSummarySchema>;
export const listImportsQuerySchema = pageQuerySchema.extend({
  /** Only batches into unions of this org's subtree (inclusive); the caller's whole scope when left out. */
  orgId: z.uuid().optional(),
});
export type ListImportsQuery = z.infer<typeof listImportsQuerySchema>;
export const memberImportPageSchema = pageOf(memberImportSummarySchema);
export const uploadImportQuerySchema = z.strictObject({ orgId: z.uuid(), fileName: z.string().trim().max(200).optional() });
export const commitImportSchema = z.strictObject({ version: versionSchema, mode: z.enum(importModes) });
export type CommitImport = z.infer<typeof commitImportSchema>;

export const exportMembersQuerySchema = listMembersQuerySchema.omit({ page: true, pageSize: true }).extend({
  /** Full ID numbers and phones instead of masked ones: needs member.reveal, and is audited as such. */
  reveal: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ExportMembersQuery = z.infer<typeof exportMembersQuerySchema>;
