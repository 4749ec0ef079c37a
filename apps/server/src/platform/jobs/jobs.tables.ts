import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Background work that must survive a restart and be shared by every app instance (imports, …).
 * Claimed with `FOR UPDATE SKIP LOCKED`, so two instances never run the same job; a running job
 * whose lease (`locked_until`, renewed by the heartbeat) has run out is requeued.
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
    check('job_status_check', sql`${t.status} in ('queued','running','succeeded','failed')`),
    check('job_progress_check', sql`${t.progress} between 0 and 1`),
  ],
);
export type JobRow = typeof job.$inferSelect;
