import { randomUUID } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../errors';
import { job, type JobRow } from './jobs.tables';

/** What a handler gets besides the job: a way to report progress (also renews the lease). */
export type JobContext = {
  job: JobRow;
  /** 0..1 and a line for people ("已检查 12,000 / 100,000 行"); written at most every 250 ms unless forced. */
  progress(fraction: number, text?: string, force?: boolean): Promise<void>;
};
export type JobHandler = (ctx: JobContext) => Promise<unknown>;
export type EnqueueJob = { kind: string; orgId?: string | null; payload?: unknown; createdBy?: string | null; maxAttempts?: number };
type Logger = { info(obj: object, msg: string): void; error(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export type JobRunnerOptions = {
  db: Db;
  log?: Logger;
  /** How often an idle runner looks for queued jobs. */
  pollMs?: number;
  /** A running job whose lease is not renewed within this time is taken to be orphaned. */
  leaseMs?: number;
  /** Identifies this runner in `job.locked_by` (host:pid:random by default). */
  runnerId?: string;
};

const quiet: Logger = { info: () => undefined, error: () => undefined, warn: () => undefined };

/**
 * Runs jobs of the registered kinds in this process, one at a time. Several runners (in several
 * instances, or in one) share the table safely: a job is claimed by one `UPDATE … WHERE id =
 * (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)`, which PostgreSQL 15 and PGlite both accept.
 */
export function createJobRunner({ db, log = quiet, pollMs = 500, leaseMs = 60_000, runnerId = `${process.pid}:${randomUUID().slice(0, 8)}` }: JobRunnerOptions) {
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStarted = false;
  let isKicked = false;

  /** Orphaned jobs (their runner died: lease expired) go back to the queue, or fail after maxAttempts. */
  async function requeueStale(): Promise<number> {
    const rows = await db
      .update(job)
      .set({
        status: sql`case when ${job.attempts} >= ${job.maxAttempts} then 'failed' else 'queued' end`,
        error: sql`case when ${job.attempts} >= ${job.maxAttempts} then 'the runner stopped responding ' || ${job.attempts} || ' times' else ${job.error} end`,
        errorCode: sql`case when ${job.attempts} >= ${job.maxAttempts} then 'JOB_ABANDONED' else ${job.errorCode} end`,
        finishedAt: sql`case when ${job.attempts} >= ${job.maxAttempts} then now() else null end`,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(job.status, 'running'), lt(job.lockedUntil, sql`now()`)))
      .returning({ id: job.id, status: job.status });
    for (const r of rows) log.warn({ jobId: r.id, status: r.status }, 'job lease expired: requeued');
    return rows.length;
  }

  async function claim(): Promise<JobRow | undefined> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return undefined;
    const rows = await db
      .update(job)
      .set({
        status: 'running',
        attempts: sql`${job.attempts} + 1`,
        lockedBy: runnerId,
        lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
        heartbeatAt: sql`now()`,
        startedAt: sql`now()`,
        updatedAt: sql`now()`,
        error: null,
        errorCode: null,
        errorParams: null,
      })
      .where(
        eq(
          job.id,
          sql`(select id from job where status = 'queued' and kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )}) order by created_at for update skip locked limit 1)`,
        ),
      )
      .returning();
    return rows[0];
  }

  async function execute(row: JobRow): Promise<void> {
    const handler = handlers.get(row.kind)!;
    let lastWrite = 0;
    const renew = () => db.update(job).set({ lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`, heartbeatAt: sql`now()` }).where(and(eq(job.id, row.id), eq(job.lockedBy, runnerId)));
    // The heartbeat keeps the lease while a handler works without reporting progress (a long commit).
    const heartbeat = setInterval(() => void renew().catch((error: unknown) => log.error({ err: error, jobId: row.id }, 'job heartbeat failed')), Math.max(1000, leaseMs / 3));
    heartbeat.unref();
    const ctx: JobContext = {
      job: row,
      async progress(fraction, text, force = false) {
        const now = Date.now();
        if (!force && now - lastWrite < 250) return;
        lastWrite = now;
        await db
          .update(job)
          .set({ progress: Math.min(1, Math.max(0, fraction)), progressText: text ?? null, lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`, heartbeatAt: sql`now()`, updatedAt: sql`now()` })
          .where(and(eq(job.id, row.id), eq(job.lockedBy, runnerId)));
      },
    };
    try {
      const result = await handler(ctx);
      await db
        .update(job)
        .set({ status: 'succeeded', progress: 1, result: (result ?? null), finishedAt: sql`now()`, updatedAt: sql`now()`, lockedBy: null, lockedUntil: null })
        .where(and(eq(job.id, row.id), eq(job.lockedBy, runnerId)));
      log.info({ jobId: row.id, kind: row.kind }, 'job succeeded');
    } catch (error) {
      // A handler's error is final (no retry): the same input would fail the same way. An AppError
      // keeps its code and params so the caller sees it translated; anything else is INTERNAL.
      const isApp = error instanceof AppError;
      if (!isApp) log.error({ err: error, jobId: row.id, kind: row.kind }, 'job failed');
      await db
        .update(job)
        .set({
          status: 'failed',
          error: describeError(error),
          errorCode: isApp ? error.code : 'INTERNAL',
          errorParams: isApp ? (error.params ?? {}) : {},
          finishedAt: sql`now()`,
          updatedAt: sql`now()`,
          lockedBy: null,
          lockedUntil: null,
        })
        .where(and(eq(job.id, row.id), eq(job.lockedBy, runnerId)));
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Claims and runs queued jobs until none is left; returns how many ran. */
  async function drain(): Promise<number> {
    let n = 0;
    await requeueStale();
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
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },
    /** Queues a job (inside the caller's transaction when `tx` is one); call kick() after commit. */
    async enqueue(tx: Db, input: EnqueueJob): Promise<JobRow> {
      const rows = await tx
        .insert(job)
        .values({ kind: input.kind, orgId: input.orgId ?? null, payload: (input.payload ?? {}), createdBy: input.createdBy ?? null, maxAttempts: input.maxAttempts ?? 3 })
        .returning();
      return rows[0]!;
    },
    /** Looks for work now instead of at the next poll. */
    kick() {
      if (isStarted) schedule(0);
    },
    drain,
    requeueStale,
    start() {
      if (isStarted) return;
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

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  const rows = await db.select().from(job).where(eq(job.id, id)).limit(1);
  return rows[0];
}
