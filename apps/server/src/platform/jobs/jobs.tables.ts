import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Background work that must survive a restart and be shared by every app instance (imports,
 * coverage runs, text messages, scheduled sweeps). Claimed with `FOR UPDATE SKIP LOCKED`, so two
 * instances never run the same job; a running job whose lease (`locked_until`, renewed by the
 * heartbeat) has run out is requeued.
 *
 * Status: queued (waiting; `run_at` null = now, else not before then) → running → succeeded |
 * failed (the handler refused: a business error that would repeat) | dead (unexpected errors used
 * up every attempt: the dead letter, kept with its error for an administrator) | cancelled.
 */
export const job = pgTable(
  'job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    orgId: uuid('org_id'),
    status: text('status').notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    progressText: text('progress_text'),
    payload: jsonb('payload').notNull().default({}),
    result: jsonb('result'),
    /** For operators (the log has the stack); callers see errorCode translated. */
    error: text('error'),
    errorCode: text('error_code'),
    errorParams: jsonb('error_params'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** Not before this instant (a delayed job, or a retry backing off); null = as soon as possible. */
    runAt: timestamp('run_at', { withTimezone: true }),
    /** At most one job ever per key (e.g. `schedule:<name>:<slot>`): a second enqueue returns the first. */
    dedupeKey: text('dedupe_key'),
    /** The schedule that made this job, if any. */
    scheduleName: text('schedule_name'),
    /** An administrator asked a running job to stop; the handler's next progress report ends it. */
    isCancelRequested: boolean('is_cancel_requested').notNull().default(false),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('job_queue_idx').on(t.status, t.createdAt),
    // The claim: queued jobs that are due, oldest first.
    index('job_due_idx').on(t.runAt, t.createdAt).where(sql`${t.status} = 'queued'`),
    index('job_kind_idx').on(t.kind, t.createdAt),
    uniqueIndex('job_dedupe_key_unique').on(t.dedupeKey),
    check('job_status_check', sql`${t.status} in ('queued','running','succeeded','failed','dead','cancelled')`),
    check('job_progress_check', sql`${t.progress} between 0 and 1`),
  ],
);
export type JobRow = typeof job.$inferSelect;

/**
 * Cron-like schedules, declared in code (`runner.schedule(...)`) and kept here so that every
 * instance agrees on the next slot: the instance that moves `next_run_at` forward (one UPDATE, row
 * locked) enqueues that slot's job, keyed `schedule:<name>:<slot>` so no slot runs twice.
 */
export const jobSchedule = pgTable('job_schedule', {
  name: text('name').primaryKey(),
  kind: text('kind').notNull(),
  cron: text('cron').notNull(),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  payload: jsonb('payload').notNull().default({}),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastJobId: uuid('last_job_id'),
  isPaused: boolean('is_paused').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type JobScheduleRow = typeof jobSchedule.$inferSelect;
