import { and, count, desc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser } from '../../modules/accounts/accounts.tables';
import { org } from '../../modules/orgs/orgs.tables';
import type { Scope } from '../auth';
import { job, jobSchedule, type JobRow, type JobScheduleRow } from './jobs.tables';

export type EnqueueJob = {
  kind: string;
  orgId?: string | null;
  payload?: unknown;
  createdBy?: string | null;
  /** Attempts before an unexpectedly failing job is dead (the lease running out counts as one). */
  maxAttempts?: number;
  /** Not before this instant (a reminder, an offer that expires); omitted = as soon as possible. */
  runAt?: Date | null;
  /** At most one job ever per key: enqueueing the same key again returns the existing job. */
  dedupeKey?: string | null;
  scheduleName?: string | null;
};

/** Queues a job in the caller's transaction (or on its own); the runner sees it once committed. */
export async function enqueueJob(tx: Db, input: EnqueueJob): Promise<JobRow> {
  const rows = await tx
    .insert(job)
    .values({
      kind: input.kind,
      orgId: input.orgId ?? null,
      payload: input.payload ?? {},
      createdBy: input.createdBy ?? null,
      maxAttempts: input.maxAttempts ?? 3,
      runAt: input.runAt ?? null,
      dedupeKey: input.dedupeKey ?? null,
      scheduleName: input.scheduleName ?? null,
    })
    .onConflictDoNothing({ target: job.dedupeKey })
    .returning();
  if (rows[0]) return rows[0];
  const existing = await tx.select().from(job).where(eq(job.dedupeKey, input.dedupeKey!)).limit(1);
  return existing[0]!;
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  const rows = await db.select().from(job).where(eq(job.id, id)).limit(1);
  return rows[0];
}

/**
 * Cancels jobs that have not started, e.g. a reminder whose reason went away. Returns how many
 * were cancelled (running ones are left alone).
 */
export async function cancelQueuedJobs(tx: Db, where: { dedupeKey: string } | { id: string }, now = new Date()): Promise<number> {
  const rows = await tx
    .update(job)
    .set({ status: 'cancelled', errorCode: 'JOB_CANCELLED', finishedAt: now, updatedAt: now })
    .where(and(eq(job.status, 'queued'), 'id' in where ? eq(job.id, where.id) : eq(job.dedupeKey, where.dedupeKey)))
    .returning({ id: job.id });
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// The administrators' view (console ▸ 后台任务)

/** Jobs with an org are seen by staff whose scope covers the org; jobs without one by global admins only. */
function scopeCondition(scope: Scope): SQL | undefined {
  if (scope === 'all') return undefined;
  return and(sql`${job.orgId} is not null`, or(...scope.map((p) => like(org.path, `${p}%`))));
}

export type JobListFilter = { scope: Scope; statuses?: string[] | undefined; kind?: string | undefined; limit: number; offset: number };

const listColumns = {
  id: job.id,
  kind: job.kind,
  status: job.status,
  orgId: job.orgId,
  orgName: org.name,
  progress: job.progress,
  progressText: job.progressText,
  error: job.error,
  errorCode: job.errorCode,
  errorParams: job.errorParams,
  attempts: job.attempts,
  maxAttempts: job.maxAttempts,
  runAt: job.runAt,
  scheduleName: job.scheduleName,
  isCancelRequested: job.isCancelRequested,
  lockedBy: job.lockedBy,
  createdByName: appUser.displayName,
  createdAt: job.createdAt,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
  updatedAt: job.updatedAt,
};
const selectJobs = (db: Db) => db.select(listColumns).from(job).leftJoin(org, eq(org.id, job.orgId)).leftJoin(appUser, eq(appUser.id, job.createdBy));
export type JobListRow = Awaited<ReturnType<typeof selectJobs>>[number];

export async function listJobs(db: Db, f: JobListFilter): Promise<{ items: JobListRow[]; total: number }> {
  const where = and(scopeCondition(f.scope), f.statuses?.length ? inArray(job.status, f.statuses) : undefined, f.kind ? eq(job.kind, f.kind) : undefined);
  const [items, totals] = await Promise.all([
    selectJobs(db)
      .where(where)
      .orderBy(desc(job.createdAt), desc(job.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ value: count() }).from(job).leftJoin(org, eq(org.id, job.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function findJobInScope(db: Db, id: string, scope: Scope): Promise<JobListRow | undefined> {
  const rows = await selectJobs(db)
    .where(and(eq(job.id, id), scopeCondition(scope)))
    .limit(1);
  return rows[0];
}

export async function countJobsByStatus(db: Db, scope: Scope): Promise<Record<string, number>> {
  const rows = await db.select({ status: job.status, n: count() }).from(job).leftJoin(org, eq(org.id, job.orgId)).where(scopeCondition(scope)).groupBy(job.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Kinds present in the table, for the console's filter. */
export async function listJobKinds(db: Db, scope: Scope): Promise<string[]> {
  const rows = await db.selectDistinct({ kind: job.kind }).from(job).leftJoin(org, eq(org.id, job.orgId)).where(scopeCondition(scope)).orderBy(job.kind);
  return rows.map((r) => r.kind);
}

export async function lockJob(tx: Db, id: string): Promise<JobRow | undefined> {
  const rows = await tx.select().from(job).where(eq(job.id, id)).for('update').limit(1);
  return rows[0];
}

/** A failed, dead or cancelled job runs again from the start, as if just queued. */
export async function requeueJob(tx: Db, id: string, now: Date): Promise<JobRow | undefined> {
  const rows = await tx
    .update(job)
    .set({ status: 'queued', attempts: 0, runAt: null, progress: 0, progressText: null, error: null, errorCode: null, errorParams: null, result: null, finishedAt: null, startedAt: null, isCancelRequested: false, updatedAt: now })
    .where(and(eq(job.id, id), inArray(job.status, ['failed', 'dead', 'cancelled'])))
    .returning();
  return rows[0];
}

/** Queued: cancelled at once. Running: asked to stop (the handler's next progress report ends it). */
export async function markJobCancelled(tx: Db, id: string, now: Date): Promise<JobRow | undefined> {
  const rows = await tx
    .update(job)
    .set({
      status: sql`case when ${job.status} = 'queued' then 'cancelled' else ${job.status} end`,
      finishedAt: sql`case when ${job.status} = 'queued' then ${now}::timestamptz else ${job.finishedAt} end`,
      errorCode: sql`case when ${job.status} = 'queued' then 'JOB_CANCELLED' else ${job.errorCode} end`,
      isCancelRequested: sql`${job.status} = 'running'`,
      updatedAt: now,
    })
    .where(and(eq(job.id, id), inArray(job.status, ['queued', 'running'])))
    .returning();
  return rows[0];
}

export async function listSchedules(db: Db): Promise<JobScheduleRow[]> {
  return db.select().from(jobSchedule).orderBy(jobSchedule.name);
}

export async function findSchedule(db: Db, name: string): Promise<JobScheduleRow | undefined> {
  const rows = await db.select().from(jobSchedule).where(eq(jobSchedule.name, name)).limit(1);
  return rows[0];
}

export async function updateSchedule(tx: Db, name: string, values: Partial<typeof jobSchedule.$inferInsert>): Promise<JobScheduleRow | undefined> {
  const rows = await tx.update(jobSchedule).set(values).where(eq(jobSchedule.name, name)).returning();
  return rows[0];
}

/** Queued jobs that are due (for metrics and the console's header). */
export async function countDue(db: Db, now: Date): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(job)
    .where(and(eq(job.status, 'queued'), or(isNull(job.runAt), sql`${job.runAt} <= ${now}`)));
  return rows[0]?.n ?? 0;
}
