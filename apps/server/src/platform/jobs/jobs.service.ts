import { jobStatuses, type Job, type JobSchedule, type JobStatus, type JobSummary, type ListJobsQuery, type Page } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../audit/audit.service';
import type { Scope } from '../auth';
import { systemClock, type Clock } from '../clock';
import { AppError, notFound } from '../errors';
import { t, type Lang } from '../i18n';
import * as repo from './jobs.repository';
import { enqueueJob } from './jobs.repository';
import './jobs.errors';

export type JobsActor = { scope: Scope; audit: AuditContext };

/** The console's 后台任务 page: what is queued, running, failed or dead; retry and cancel. */
export function createJobsService({ db, clock = systemClock, kick = () => undefined }: { db: Db; clock?: Clock; kick?: () => void }) {
  function toJob(r: repo.JobListRow, lang: Lang): Job {
    const params = (r.errorParams ?? {}) as Record<string, string | number>;
    const detailKey = `${r.errorCode}_DETAIL`;
    const detail = r.errorCode ? t(lang, detailKey, params) : null;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status as JobStatus,
      org: r.orgId && r.orgName ? { id: r.orgId, name: r.orgName } : null,
      progress: r.progress,
      progressText: r.progressText,
      error: r.errorCode ? { code: r.errorCode, title: t(lang, r.errorCode, params), detail: detail === detailKey ? null : detail } : null,
      errorText: r.error,
      attempts: r.attempts,
      maxAttempts: r.maxAttempts,
      runAt: r.runAt?.toISOString() ?? null,
      scheduleName: r.scheduleName,
      isCancelRequested: r.isCancelRequested,
      runner: r.lockedBy,
      createdByName: r.createdByName,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  async function getScoped(id: string, scope: Scope) {
    const row = await repo.findJobInScope(db, id, scope);
    if (!row) throw notFound('ENTITY_job');
    return row;
  }

  const stateError = (status: string) => new AppError('JOB_STATE', { status: 409, detail: 'JOB_STATE_DETAIL', params: { status: `JOB_STATUS_${status}` } });
  const requireGlobal = (scope: Scope) => {
    if (scope !== 'all') throw new AppError('JOB_SCHEDULE_GLOBAL_ONLY', { status: 403, detail: 'JOB_SCHEDULE_GLOBAL_ONLY_DETAIL' });
  };

  return {
    async listJobs(q: ListJobsQuery, scope: Scope, lang: Lang): Promise<Page<Job>> {
      const { items, total } = await repo.listJobs(db, { scope, statuses: q.status, kind: q.kind, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map((r) => toJob(r, lang)), total, page: q.page, pageSize: q.pageSize };
    },

    async summarize(scope: Scope): Promise<JobSummary> {
      const [counts, due, kinds] = await Promise.all([repo.countJobsByStatus(db, scope), scope === 'all' ? repo.countDue(db, clock()) : Promise.resolve(0), repo.listJobKinds(db, scope)]);
      return { counts: Object.fromEntries(jobStatuses.map((st) => [st, counts[st] ?? 0])) as JobSummary['counts'], due, kinds };
    },

    async getJob(id: string, scope: Scope, lang: Lang): Promise<Job> {
      return toJob(await getScoped(id, scope), lang);
    },

    /** A failed, dead or cancelled job runs again from its first attempt. */
    async retryJob(id: string, actor: JobsActor, lang: Lang): Promise<Job> {
      const found = await getScoped(id, actor.scope);
      await db.transaction(async (tx) => {
        const locked = await repo.lockJob(tx, id);
        if (!locked || !['failed', 'dead', 'cancelled'].includes(locked.status)) throw stateError(locked?.status ?? found.status);
        await repo.requeueJob(tx, id, clock());
        await recordAudit(tx, actor.audit, { action: 'job.retry', entityType: 'job', entityId: id, orgId: locked.orgId, before: { status: locked.status, attempts: locked.attempts, errorCode: locked.errorCode }, after: { status: 'queued', kind: locked.kind } });
      });
      kick();
      return this.getJob(id, actor.scope, lang);
    },

    /** A queued job is cancelled at once; a running one is asked to stop at its next progress report. */
    async cancelJob(id: string, actor: JobsActor, lang: Lang): Promise<Job> {
      const found = await getScoped(id, actor.scope);
      await db.transaction(async (tx) => {
        const locked = await repo.lockJob(tx, id);
        if (!locked || !['queued', 'running'].includes(locked.status)) throw stateError(locked?.status ?? found.status);
        await repo.markJobCancelled(tx, id, clock());
        await recordAudit(tx, actor.audit, { action: 'job.cancel', entityType: 'job', entityId: id, orgId: locked.orgId, before: { status: locked.status }, after: { status: locked.status === 'queued' ? 'cancelled' : 'running', isCancelRequested: locked.status === 'running', kind: locked.kind } });
      });
      return this.getJob(id, actor.scope, lang);
    },

    async listSchedules(scope: Scope): Promise<JobSchedule[]> {
      requireGlobal(scope);
      const rows = await repo.listSchedules(db);
      const last = await Promise.all(rows.map((r) => (r.lastJobId ? repo.findJob(db, r.lastJobId) : Promise.resolve(undefined))));
      return rows.map((r, i) => ({
        name: r.name,
        kind: r.kind,
        cron: r.cron,
        timezone: r.timezone,
        nextRunAt: r.nextRunAt.toISOString(),
        lastRunAt: r.lastRunAt?.toISOString() ?? null,
        lastJob: last[i] ? { id: last[i].id, status: last[i].status as JobStatus } : null,
        isPaused: r.isPaused,
      }));
    },

    /** Pauses or resumes a schedule (a paused one enqueues nothing; on resume it continues from its next slot). */
    async setSchedulePaused(name: string, isPaused: boolean, actor: JobsActor): Promise<JobSchedule> {
      requireGlobal(actor.scope);
      await db.transaction(async (tx) => {
        const updated = await repo.updateSchedule(tx, name, { isPaused, updatedAt: clock() });
        if (!updated) throw notFound('ENTITY_job_schedule');
        await recordAudit(tx, actor.audit, { action: isPaused ? 'job_schedule.pause' : 'job_schedule.resume', entityType: 'job_schedule', entityId: name, after: { isPaused } });
      });
      return (await this.listSchedules(actor.scope)).find((s) => s.name === name)!;
    },

    /** Enqueues the schedule's job now, outside its slots (a nightly rollup an operator wants today). */
    async runScheduleNow(name: string, actor: JobsActor, lang: Lang): Promise<Job> {
      requireGlobal(actor.scope);
      const schedule = await repo.findSchedule(db, name);
      if (!schedule) throw notFound('ENTITY_job_schedule');
      const now = clock();
      const created = await db.transaction(async (tx) => {
        const row = await enqueueJob(tx, {
          kind: schedule.kind,
          payload: { ...(schedule.payload as Record<string, unknown>), slot: now.toISOString(), isManual: true },
          scheduleName: name,
          createdBy: actor.audit.actorId,
          dedupeKey: `schedule:${name}:manual:${now.toISOString()}`,
        });
        await recordAudit(tx, actor.audit, { action: 'job_schedule.run', entityType: 'job_schedule', entityId: name, after: { jobId: row.id, kind: schedule.kind } });
        return row;
      });
      kick();
      return this.getJob(created.id, actor.scope, lang);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
