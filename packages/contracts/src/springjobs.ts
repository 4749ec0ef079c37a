import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/** 春送岗位 (spring jobs): postings by employers' unions, job fairs (events), workers' applications. Pay in integer fen. */
export const jobPostingStatuses = ['draft', 'open', 'closed', 'filled'] as const;
export type JobPostingStatus = (typeof jobPostingStatuses)[number];
export const jobEmploymentForms = ['full_time', 'part_time', 'flexible', 'internship'] as const;
export type JobEmploymentForm = (typeof jobEmploymentForms)[number];
export const jobPayPeriods = ['month', 'day', 'hour'] as const;
export const jobApplicationStatuses = ['applied', 'viewed', 'interview', 'hired', 'rejected', 'withdrawn'] as const;
export type JobApplicationStatus = (typeof jobApplicationStatuses)[number];
/** What staff may mark an application as (已查看 / 面试 / 录用 / 未录用). */
export const jobApplicationMarks = ['viewed', 'interview', 'hired', 'rejected'] as const;

const fen = z.number().int().min(0).max(100_000_000);
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();

/** A point as the map or the phone gave it; stored as WGS-84. */
export const jobPointSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
});

const postingFields = {
  title: text(60).min(1),
  employerName: text(100).min(1).optional(),
  description: text(2000).default(''),
  requirements: text(1000).default(''),
  employmentForm: z.enum(jobEmploymentForms),
  payMinFen: fen,
  payMaxFen: fen,
  payPeriod: z.enum(jobPayPeriods).default('month'),
  headcount: z.number().int().min(1).max(100_000),
  address: text(200).min(1),
  location: jobPointSchema,
  validUntil: isoDate,
  eventId: z.uuid().nullable().optional(),
};

export const createJobPostingSchema = z.strictObject({ orgId: z.uuid(), ...postingFields });
export type CreateJobPosting = z.infer<typeof createJobPostingSchema>;
export const updateJobPostingSchema = z.strictObject({ version: versionSchema, ...postingFields });
export type UpdateJobPosting = z.infer<typeof updateJobPostingSchema>;
export const jobVersionSchema = z.strictObject({ version: versionSchema });

export const jobFairSchema = z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), endsAt: z.string(), address: z.string().nullable(), orgName: z.string() });
export type JobFair = z.infer<typeof jobFairSchema>;

export const jobPostingSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  employerName: z.string(),
  title: z.string(),
  description: z.string(),
  requirements: z.string(),
  employmentForm: z.enum(jobEmploymentForms),
  payMinFen: z.number().int(),
  payMaxFen: z.number().int(),
  payPeriod: z.enum(jobPayPeriods),
  headcount: z.number().int(),
  filled: z.number().int(),
  address: z.string(),
  lng: z.number(),
  lat: z.number(),
  validUntil: isoDate,
  status: z.enum(jobPostingStatuses),
  fair: jobFairSchema.nullable(),
  openedAt: z.string().nullable(),
  applications: z.number().int(),
  /** Applications not yet looked at (申请中). */
  newApplications: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type JobPosting = z.infer<typeof jobPostingSchema>;

export const jobPostingsQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  status: z.enum(jobPostingStatuses).optional(),
  q: text(60).optional(),
});

/** What the phone shows of an open job: no counts of other people's applications. */
export const openJobSchema = z.object({
  id: z.uuid(),
  employerName: z.string(),
  title: z.string(),
  description: z.string(),
  requirements: z.string(),
  employmentForm: z.enum(jobEmploymentForms),
  payMinFen: z.number().int(),
  payMaxFen: z.number().int(),
  payPeriod: z.enum(jobPayPeriods),
  headcount: z.number().int(),
  placesLeft: z.number().int(),
  address: z.string(),
  lng: z.number(),
  lat: z.number(),
  areaName: z.string(),
  validUntil: isoDate,
  status: z.enum(jobPostingStatuses),
  fair: jobFairSchema.nullable(),
  /** Metres from the point the phone gave, when it gave one. */
  distanceM: z.number().int().nullable(),
  /** The caller's own application to it, when signed in and applied. */
  myApplication: z.object({ id: z.uuid(), status: z.enum(jobApplicationStatuses) }).nullable(),
});
export type OpenJob = z.infer<typeof openJobSchema>;

export const openJobsQuerySchema = pageQuerySchema.extend({
  /** A street or district: jobs of employers under it. */
  areaId: z.uuid().optional(),
  employmentForm: z.enum(jobEmploymentForms).optional(),
  /** The least monthly-equivalent pay the worker wants (fen): jobs whose top of range reaches it. */
  minPayFen: z.coerce.number().int().min(0).max(100_000_000).optional(),
  eventId: z.uuid().optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
});
export const openJobsPageSchema = z.object({
  items: z.array(openJobSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Streets (or districts) with open jobs, for the filter. */
  areas: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const applyJobSchema = z.strictObject({ note: text(300).default('') });

export const jobApplicationSchema = z.object({
  id: z.uuid(),
  postingId: z.uuid(),
  title: z.string(),
  employerName: z.string(),
  orgName: z.string(),
  name: z.string(),
  /** Masked (138****5678) unless revealed. */
  phoneMasked: z.string().nullable(),
  isMember: z.boolean(),
  note: z.string(),
  status: z.enum(jobApplicationStatuses),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type JobApplication = z.infer<typeof jobApplicationSchema>;
export const jobApplicationsQuerySchema = pageQuerySchema.extend({ status: z.enum(jobApplicationStatuses).optional() });
export const markJobApplicationSchema = z.strictObject({ status: z.enum(jobApplicationMarks), version: versionSchema });
export const myJobApplicationsSchema = z.object({ items: z.array(jobApplicationSchema.extend({ jobStatus: z.enum(jobPostingStatuses) })) });
export const jobFairsQuerySchema = z.object({ orgId: z.uuid().optional() });
