import { z } from 'zod';
import { nominationSchema, NOMINATION_STATUSES } from './campaign';
import { versionSchema } from './common';

/**
 * 秋送助学 (autumn study aid) on campaigns of kind `autumn`: the amount by level, and per
 * application the student — the child of a member — with school, level, admission year and
 * admission letter. The application is the parent's campaign nomination: approval, budget and
 * payment are the campaign's. The child's ID number is never sent back whole except by the audited
 * reveal; an optional 暑期公益岗位 (summer public-benefit job) can be arranged for the student.
 */
export const STUDYAID_LEVELS = ['undergraduate', 'junior_college', 'high_school'] as const;
export type StudyaidLevel = (typeof STUDYAID_LEVELS)[number];
export const STUDYAID_RELATIONS = ['son', 'daughter', 'ward'] as const;

const fen = z.number().int().min(1).max(100_000_000);
const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();

export const studyaidSettingsSchema = z.object({
  campaignId: z.uuid(),
  benefitKey: z.string(),
  amounts: z.object({ undergraduate: z.number().int(), junior_college: z.number().int(), high_school: z.number().int() }),
  version: z.number().int(),
});
export type StudyaidSettings = z.infer<typeof studyaidSettingsSchema>;
export const putStudyaidSettingsSchema = z.object({
  /** The campaign's cash benefit the applications are nominated under (default: its first cash benefit). */
  benefitKey: z.string().min(1).max(20).optional(),
  amounts: z.object({ undergraduate: fen, junior_college: fen, high_school: fen }),
  /** The version read; absent when the campaign has no settings yet. */
  version: versionSchema.optional(),
});
export type PutStudyaidSettings = z.infer<typeof putStudyaidSettingsSchema>;

const studentFields = {
  childName: text(30),
  childIdNumber: z.string().trim().min(15).max(18),
  relation: z.enum(STUDYAID_RELATIONS),
  school: text(100),
  level: z.enum(STUDYAID_LEVELS),
  admissionYear: z.number().int().min(2000).max(2100),
  /** The admission letter (录取通知书): a photo or PDF from the shared upload store (POST /documents), uploaded by the caller. */
  letterPhotoId: z.uuid(),
  note: z.string().trim().max(500).default(''),
};
/** Staff apply for a member's child. */
export const createStudyaidSchema = z.object({ membershipId: z.uuid(), ...studentFields });
export type CreateStudyaid = z.infer<typeof createStudyaidSchema>;
/** The worker applies for their own child from the phone. */
export const applyStudyaidSchema = z.object(studentFields);
export type ApplyStudyaid = z.infer<typeof applyStudyaidSchema>;

export const studyaidPlacementSchema = z.object({
  place: z.string(),
  org: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number().int(),
});
export const putStudyaidPlacementSchema = z.object({
  place: text(100),
  org: text(100),
  startsOn: day,
  endsOn: day,
  hours: z.number().int().min(1).max(1000),
  version: versionSchema,
});
export type PutStudyaidPlacement = z.infer<typeof putStudyaidPlacementSchema>;

export const studyaidApplicationSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  parentName: z.string(),
  orgName: z.string(),
  childName: z.string(),
  childIdMasked: z.string(),
  relation: z.enum(STUDYAID_RELATIONS),
  school: z.string(),
  level: z.enum(STUDYAID_LEVELS),
  admissionYear: z.number().int(),
  year: z.number().int(),
  amountFen: z.number().int(),
  letterPhotoId: z.uuid().nullable(),
  /** The letter is a PDF scan (a download), not a photo. */
  letterIsPdf: z.boolean(),
  placement: studyaidPlacementSchema.nullable(),
  /** The nomination: status, approval steps, payment. */
  nomination: nominationSchema,
  createdAt: z.string(),
  version: z.number().int(),
});
export type StudyaidApplication = z.infer<typeof studyaidApplicationSchema>;

export const studyaidQuerySchema = z.object({
  level: z.enum(STUDYAID_LEVELS).optional(),
  status: z.enum(NOMINATION_STATUSES).optional(),
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const studyaidRevealedSchema = z.object({ childIdNumber: z.string() });

/** The phone: open autumn campaigns the worker may apply in (with the amounts), and their applications. */
export const openStudyaidSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), orgName: z.string(), endsOn: z.string(), amounts: studyaidSettingsSchema.shape.amounts })),
  mine: z.array(studyaidApplicationSchema),
});
export type OpenStudyaid = z.infer<typeof openStudyaidSchema>;
