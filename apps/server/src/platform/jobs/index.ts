/**
 * The PostgreSQL job queue: work that must survive a restart and run once across instances.
 *
 * - `runner.register(kind, handler, { retry?, onSettled? })` — a handler's AppError fails the job
 *   for good (`failed`); any other error is retried with exponential backoff until `maxAttempts`,
 *   then the job is `dead` (the dead letter, kept with its error). `onSettled` runs in the
 *   transaction that writes the final state (e.g. to notify whoever started the job).
 * - `enqueueJob(tx, { kind, payload, runAt?, dedupeKey?, orgId?, createdBy? })` — in the caller's
 *   transaction; `runAt` delays it (reminders, offers that expire), `dedupeKey` makes it
 *   at-most-once forever (a second enqueue returns the first job). `cancelQueuedJobs(tx, …)` drops
 *   one that has not started.
 * - `runner.schedule({ name, kind, cron, timezone?, payload? })` — a cron-like schedule (five
 *   fields, Asia/Shanghai by default); each slot is enqueued once across all instances
 *   (`schedule:<name>:<slot>`), with `payload.slot` the occurrence's instant.
 * - Tests pass a fake clock (`createFakeClock()` from platform/clock) as the runner's `clock`,
 *   advance it, and call `runner.drain()`.
 */
export { createJobRunner, backoffMs, JobCancelledError, type JobContext, type JobHandler, type JobKindOptions, type JobOutcome, type JobRunner } from './jobs.runner';
export { enqueueJob, findJob, cancelQueuedJobs, type EnqueueJob } from './jobs.repository';
export { nextSlot, type ScheduleDefinition } from './jobs.schedules';
export { createJobsService, type JobsService } from './jobs.service';
export { jobsRoutes } from './jobs.routes';
export { createDeferredProgress } from './deferred-progress';
export { job, jobSchedule, type JobRow } from './jobs.tables';

/** For readers that show a job to its owner: dead and cancelled jobs failed as far as they care. */
export function isJobFailed(status: string): boolean {
  return status === 'failed' || status === 'dead' || status === 'cancelled';
}
