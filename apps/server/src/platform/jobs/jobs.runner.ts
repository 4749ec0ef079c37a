import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { systemClock, type Clock } from '../clock';
import { AppError } from '../errors';
import { enqueueJob, type EnqueueJob } from './jobs.repository';
import { createScheduler, type ScheduleDefinition } from './jobs.schedules';
import { job, type JobRow } from './jobs.tables';
import './jobs.errors';

/** What a handler gets besides the job: a way to report progress (also renews the lease). */
export type JobContext = {
  job: JobRow;
  /**
   * 0..1 and a line for people ("已检查 12,000 / 100,000 行"); written at most every 250 ms unless
   * forced. Throws JobCancelledError when an administrator cancelled the job meanwhile.
   */
  progress(fraction: number, text?: string, force?: boolean): Promise<void>;
};
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

/** How a job ended, for a kind's `onSettled` hook. */
export type JobOutcome = { status: 'succeeded'; result: unknown } | { status: 'failed' | 'dead' | 'cancelled'; errorCode: string; errorParams: Record<string, unknown>; error: string };

export type JobKindOptions = {
  /**
   * Unexpected errors (anything but an AppError) are retried after base·2^(attempt−1) ms, capped at
   * maxMs, until the job's maxAttempts are used; then the job is dead. `false`: never retried (the
   * handler cleans up after itself and a second run would find nothing to do).
   */
  retry?: false | { baseMs?: number; maxMs?: number };
  /**
   * Runs in the transaction that writes the final status (succeeded, failed, dead or cancelled),
   * e.g. to tell the person who started the job. Not called for a retry that is still to come.
   */
  onSettled?: (tx: Db, job: JobRow, outcome: JobOutcome) => Promise<void>;
};

type Logger = { info(obj: object, msg: string): void; error(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export type JobRunnerOptions = {
  db: Db;
  log?: Logger;
  /** How often an idle runner looks for queued jobs and due schedules. */
  pollMs?: number;
  /** A running job whose lease is not renewed within this time is taken to be orphaned. */
  leaseMs?: number;
  /** Identifies this runner in `job.locked_by` (host:pid:random by default). */
  runnerId?: string;
  /** Where "now" comes from: run_at, backoff, leases and schedule slots all follow it (tests pass a fake clock). */
  clock?: Clock;
};

/** Thrown from ctx.progress() when the job was cancelled while running. */
export class JobCancelledError extends Error {
  constructor() {
    super('cancelled by an administrator');
  }
}

const quiet: Logger = { info: () => undefined, error: () => undefined, warn: () => undefined };
const DEFAULT_RETRY = { baseMs: 10_000, maxMs: 3_600_000 };

/** Delay before retry number `attempt` (1 = the first retry): exponential, capped. */
export function backoffMs(attempt: number, retry: { baseMs?: number; maxMs?: number } = DEFAULT_RETRY): number {
  const base = retry.baseMs ?? DEFAULT_RETRY.baseMs;
  const max = retry.maxMs ?? DEFAULT_RETRY.maxMs;
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

/**
 * Runs jobs of the registered kinds in this process, one at a time. Several runners (in several
 * instances, or in one) share the table safely: a job is claimed by one `UPDATE … WHERE id =
 * (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)`, which PostgreSQL 15 and PGlite both accept.
 */
export function createJobRunner({ db, log = quiet, pollMs = 500, leaseMs = 60_000, runnerId = `${process.pid}:${randomUUID().slice(0, 8)}`, clock = systemClock }: JobRunnerOptions) {
  const handlers = new Map<string, { handler: JobHandler; options: JobKindOptions }>();
  const scheduler = createScheduler({ db, clock, log });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStarted = false;
  let isKicked = false;
  const leaseUntil = () => new Date(clock().getTime() + leaseMs);

  /** Orphaned jobs (their runner died: lease expired) go back to the queue, or are dead after maxAttempts. */
  async function requeueStale(): Promise<number> {
    const now = clock();
    const rows = await db
      .update(job)
      .set({
        status: sql`case when ${job.attempts} >= ${job.maxAttempts} then 'dead' else 'queued' end`,
        error: sql`case when ${job.attempts} >= ${job.maxAttempts} then 'the runner stopped responding ' || ${job.attempts} || ' times' else ${job.error} end`,
        errorCode: sql`case when ${job.attempts} >= ${job.maxAttempts} then 'JOB_ABANDONED' else ${job.errorCode} end`,
        finishedAt: sql`case when ${job.attempts} >= ${job.maxAttempts} then ${now}::timestamptz else null end`,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(and(eq(job.status, 'running'), sql`${job.lockedUntil} < ${now}`))
      .returning();
    for (const r of rows) {
      log.warn({ jobId: r.id, status: r.status }, 'job lease expired: requeued');
      const onSettled = handlers.get(r.kind)?.options.onSettled;
      if (r.status === 'dead' && onSettled) {
        await db
          .transaction((tx) => onSettled(tx, r, { status: 'dead', errorCode: 'JOB_ABANDONED', errorParams: {}, error: r.error ?? '' }))
          .catch((error: unknown) => log.error({ err: error, jobId: r.id }, 'job onSettled failed'));
      }
    }
    return rows.length;
  }

  async function claim(): Promise<JobRow | undefined> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return undefined;
    const now = clock();
    const rows = await db
      .update(job)
      .set({
        status: 'running',
        attempts: sql`${job.attempts} + 1`,
        lockedBy: runnerId,
        lockedUntil: leaseUntil(),
        heartbeatAt: now,
        startedAt: now,
        updatedAt: now,
        error: null,
        errorCode: null,
        errorParams: null,
      })
      .where(
        eq(
          job.id,
          sql`(select id from job where status = 'queued' and (run_at is null or run_at <= ${now}) and kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )}) order by run_at nulls first, created_at for update skip locked limit 1)`,
        ),
      )
      .returning();
    return rows[0];
  }

  /** Writes the final state (only while this runner still holds the job) and runs the kind's hook with it. */
  async function settle(row: JobRow, values: Partial<typeof job.$inferInsert>, outcome: JobOutcome | null): Promise<void> {
    const onSettled = handlers.get(row.kind)?.options.onSettled;
    const write = (tx: Db) =>
      tx
        .update(job)
        .set(values)
        .where(and(eq(job.id, row.id), eq(job.lockedBy, runnerId)))
        .returning();
    if (!onSettled || !outcome) {
      await write(db);
      return;
    }
    try {
      await db.transaction(async (tx) => {
        const [written] = await write(tx);
        if (written) await onSettled(tx, written, outcome);
      });
    } catch (error) {
      // The hook must not keep the job from finishing: write the state without it.
      log.error({ err: error, jobId: row.id, kind: row.kind }, 'job onSettled failed');
      await write(db);
    }
  }

  async function execute(row: JobRow): Promise<void> {
    const { handler, options } = handlers.get(row.kind)!;
    let lastWrite = 0;
    const renew = () =>
      db
        .update(job)
        .set({ lockedUntil: leaseUntil(), heartbeatAt: clock() })
        .where(and(eq(job.id, row.id), eq(job.lockedBy, runnerId)));
    // The heartbeat keeps the lease while a handler works without reporting progress (a long commit).
    const heartbeat = setInterval(() => void renew().catch((error: unknown) => log.error({ err: error, jobId: row.id }, 'job heartbeat failed')), Math.max(1000, leaseMs / 3));
    heartbeat.unref();
    const ctx: JobContext = {
      job: row,
      async progress(fraction, text, force = false) {
        const now = Date.now();
        if (!force && now - lastWrite < 250) return;
        lastWrite = now;
        const [state] = await db
          .update(job)
          .set({ progress: Math.min(1, Math.max(0, fraction)), progressText: text ?? null, lockedUntil: leaseUntil(), heartbeatAt: clock(), updatedAt: clock() })
          .where(and(eq(job.id, row.id), eq(job.lockedBy, runnerId)))
          .returning({ isCancelRequested: job.isCancelRequested });
        if (state?.isCancelRequested) throw new JobCancelledError();
      },
    };
    const done = { lockedBy: null, lockedUntil: null, updatedAt: clock() };
    try {
      const result = await handler(ctx);
      const finishedAt = clock();
      await settle(row, { ...done, status: 'succeeded', progress: 1, result: result ?? null, finishedAt, updatedAt: finishedAt }, { status: 'succeeded', result });
      log.info({ jobId: row.id, kind: row.kind }, 'job succeeded');
    } catch (error) {
      const finishedAt = clock();
      const text = describeError(error);
      if (error instanceof JobCancelledError) {
        await settle(
          row,
          { ...done, status: 'cancelled', error: text, errorCode: 'JOB_CANCELLED', errorParams: {}, finishedAt, updatedAt: finishedAt },
          { status: 'cancelled', errorCode: 'JOB_CANCELLED', errorParams: {}, error: text },
        );
        log.warn({ jobId: row.id, kind: row.kind }, 'job cancelled');
        return;
      }
      // An AppError is the handler's own answer (bad file, stale state): the same input would fail
      // the same way, so it is final and keeps its code and params for the caller to translate.
      if (error instanceof AppError) {
        const errorParams = error.params ?? {};
        await settle(
          row,
          { ...done, status: 'failed', error: text, errorCode: error.code, errorParams, finishedAt, updatedAt: finishedAt },
          { status: 'failed', errorCode: error.code, errorParams, error: text },
        );
        return;
      }
      log.error({ err: error, jobId: row.id, kind: row.kind, attempt: row.attempts }, 'job failed');
      // Anything else may be passing (a lost connection, a gateway down): try again later.
      if (options.retry !== false && row.attempts < row.maxAttempts) {
        const runAt = new Date(finishedAt.getTime() + backoffMs(row.attempts, options.retry));
        await settle(row, { ...done, status: 'queued', runAt, error: text, errorCode: 'INTERNAL', errorParams: {}, updatedAt: finishedAt }, null);
        return;
      }
      const status = options.retry === false ? 'failed' : 'dead';
      await settle(row, { ...done, status, error: text, errorCode: 'INTERNAL', errorParams: {}, finishedAt, updatedAt: finishedAt }, { status, errorCode: 'INTERNAL', errorParams: {}, error: text });
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Enqueues due schedule slots, then claims and runs queued jobs until none is due; returns how many ran. */
  async function drain(): Promise<number> {
    let n = 0;
    await requeueStale();
    await scheduler.enqueueDue();
    for (;;) {
      const row = await claim();
      if (!row) return n;
      await execute(row);
      n++;
    }
  }

  function schedule(delay: number) {
    if (!isStarted) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref();
  }

  function tick() {
    if (running) {
      isKicked = true;
      return;
    }
    isKicked = false;
    running = drain()
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error }, 'job runner: polling failed'))
      .finally(() => {
        running = undefined;
        schedule(isKicked ? 0 : pollMs);
      });
  }

  return {
    runnerId,
    clock,
    register(kind: string, handler: JobHandler, options: JobKindOptions = {}) {
      handlers.set(kind, { handler, options });
    },
    /**
     * Declares a cron-like schedule (5 fields, in `timezone`, Asia/Shanghai by default) that
     * enqueues a job of `kind` once per slot across all instances. Declare it before start().
     */
    schedule(definition: ScheduleDefinition) {
      scheduler.declare(definition);
    },
    /** Writes declared schedules to the database (start() does it; tests call it after changing the clock). */
    syncSchedules: () => scheduler.sync(),
    /** Queues a job (inside the caller's transaction when `tx` is one); call kick() after commit. */
    enqueue(tx: Db, input: EnqueueJob): Promise<JobRow> {
      return enqueueJob(tx, input);
    },
    /** Looks for work now instead of at the next poll. */
    kick() {
      if (isStarted) schedule(0);
    },
    /**
     * Runs every due job and returns how many this call ran. First waits for the background poll
     * in hand, if any: a job it had claimed would otherwise still be running when this returns
     * (a test that drains and then reads the job's effect failed that way on a busy machine).
     */
    async drain() {
      if (running) await running;
      return drain();
    },
    requeueStale,
    /** Declared schedules are written when the runner starts; polling begins at once. */
    async start() {
      if (isStarted) return;
      await scheduler.sync().catch((error: unknown) => log.error({ err: error }, 'job schedules: sync failed'));
      isStarted = true;
      schedule(0);
    },
    /** Stops polling and waits for the job in hand to finish. */
    async stop() {
      isStarted = false;
      clearTimeout(timer);
      await running;
    },
  };
}

/** The message and its causes (drizzle wraps the database's error): for operators, never shown to callers. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 4; e = e instanceof Error ? e.cause : undefined) parts.push(e instanceof Error ? e.message : typeof e === 'string' ? e : JSON.stringify(e));
  return parts.join(' ← ').slice(0, 4000);
}

export type JobRunner = ReturnType<typeof createJobRunner>;
