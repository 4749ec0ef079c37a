import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * queued → running → succeeded | failed (the handler refused: same input, same answer) | dead
 * (unexpected errors used every attempt: the dead letter) | cancelled.
 */
export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  org: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  progress: z.number(),
  progressText: z.string().nullable(),
  /** The error in the caller's language (code, title, detail), when the job failed, died or waits to retry. */
  error: z.object({ code: z.string(), title: z.string(), detail: z.string().nullable() }).nullable(),
  /** The operator's text of the last error (message and causes; never a stack). */
  errorText: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** When a queued job may run (a delay or a retry's backoff); null = as soon as possible. */
  runAt: z.string().nullable(),
  scheduleName: z.string().nullable(),
  isCancelRequested: z.boolean(),
  /** The instance running it (host:pid:random). */
  runner: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof jobSchema>;

const statusListSchema = z
  .string()
  .trim()
  .transform((v) => v.split(',').filter(Boolean))
  .pipe(z.array(z.enum(jobStatuses)).max(jobStatuses.length));

export const listJobsQuerySchema = pageQuerySchema.extend({
  /** One status or several, comma-separated (`failed,dead`). */
  status: statusListSchema.optional(),
  kind: z.string().trim().max(80).optional(),
});
export type ListJobsQuery = z.infer<typeof listJobsQuerySchema>;

export const jobSummarySchema = z.object({
  counts: z.record(z.enum(jobStatuses), z.number().int()),
  /** Queued jobs whose time has come (the rest wait for a delay or a retry). */
  due: z.number().int(),
  kinds: z.array(z.string()),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobScheduleSchema = z.object({
  name: z.string(),
  kind: z.string(),
  cron: z.string(),
  timezone: z.string(),
  nextRunAt: z.string(),
  lastRunAt: z.string().nullable(),
  lastJob: z.object({ id: z.uuid(), status: z.enum(jobStatuses) }).nullable(),
  isPaused: z.boolean(),
});
export type JobSchedule = z.infer<typeof jobScheduleSchema>;

export const scheduleParamsSchema = z.object({ name: z.string().regex(/^[\w.:-]{1,80}$/) });
