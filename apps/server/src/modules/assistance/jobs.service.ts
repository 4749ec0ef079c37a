import type { CreateJobPosting, JobApplication, JobApplicationStatus, JobFair, JobPosting, OpenJob, Page, UpdateJobPosting } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, isRelated, type Scope } from '../../platform/auth';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import { announceTodoChange, notify } from '../../platform/notifications';
import { fieldError } from '../../platform/validation';
import { findEventBriefs, listUpcomingEventBriefs, type EventBrief } from '../events';
import { findActiveMembershipOfUser } from '../members';
import { findOrgById } from '../orgs';
import { convertCoord } from '../positions';
import * as repo from './jobs.repository';
import { iso, isoOrNull, queryOne } from './mutualaid.repository';
import { sql } from 'drizzle-orm';
import './jobs.errors';

export type JobsStaff = { userId: string; displayName: string; scope: Scope; audit: AuditContext };
export type JobsWorker = { userId: string; audit: AuditContext };

const shanghaiToday = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** What staff may mark an application as, from where it is (hired and withdrawn are final). */
export const MARKS_FROM: Record<'viewed' | 'interview' | 'hired' | 'rejected', readonly JobApplicationStatus[]> = {
  viewed: ['applied'],
  interview: ['applied', 'viewed', 'rejected'],
  hired: ['applied', 'viewed', 'interview', 'rejected'],
  rejected: ['applied', 'viewed', 'interview'],
};
const WITHDRAWABLE: readonly JobApplicationStatus[] = ['applied', 'viewed', 'interview'];

/** "XX有限公司工会" → "XX有限公司": the employer behind a grassroots union, when staff do not name it. */
export const employerOf = (unionName: string) => unionName.replace(/(联合)?工会(委员会)?$/, '').trim() || unionName;

function statusError(status: string, action: 'edit' | 'open' | 'close') {
  return new AppError('JOBS_STATUS_INVALID', { status: 409, params: { status: `JOBS_STATUS_${status}`, action: `JOBS_ACTION_${action}` } });
}

export function createSpringJobsService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  const toFair = (e: EventBrief | undefined): JobFair | null => (e ? { id: e.id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, address: e.address, orgName: e.orgName } : null);

  async function fairsOf(rows: { event_id: string | null }[]): Promise<Map<string, EventBrief>> {
    const ids = [...new Set(rows.map((r) => r.event_id).filter((x): x is string => !!x))];
    return new Map((await findEventBriefs(db, ids)).map((e) => [e.id, e]));
  }

  function toPosting(r: repo.PostingRow, fairs: Map<string, EventBrief>): JobPosting {
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      employerName: r.employer_name,
      title: r.title,
      description: r.description,
      requirements: r.requirements,
      employmentForm: r.employment_form,
      payMinFen: r.pay_min_fen,
      payMaxFen: r.pay_max_fen,
      payPeriod: r.pay_period,
      headcount: r.headcount,
      filled: r.filled,
      address: r.address,
      lng: r.lng,
      lat: r.lat,
      validUntil: r.valid_until,
      status: r.status,
      fair: toFair(r.event_id ? fairs.get(r.event_id) : undefined),
      openedAt: isoOrNull(r.opened_at),
      applications: r.applications,
      newApplications: r.new_applications,
      createdAt: iso(r.created_at),
      version: r.version,
    };
  }

  function toApplication(a: repo.ApplicationRow, phone: 'masked' | 'none' = 'masked'): JobApplication {
    return {
      id: a.id,
      postingId: a.posting_id,
      title: a.title,
      employerName: a.employer_name,
      orgName: a.org_name,
      name: a.name,
      phoneMasked: phone === 'masked' ? maskPhone(a.phone) : null,
      isMember: a.person_id !== null,
      note: a.note,
      status: a.status,
      decidedByName: a.decided_by_name,
      decidedAt: isoOrNull(a.decided_at),
      createdAt: iso(a.created_at),
      version: a.version,
    };
  }

  async function postingInScope(tx: Db, id: string, scope: Scope, lock = false) {
    const p = await repo.findPosting(tx, id, lock);
    if (!p || !isInScope(scope, p.org_path)) throw notFound('ENTITY_job_posting');
    return p;
  }

  /** The posting's fields checked: pay range, expiry, the fair (an event the caller's scope is related to), the point converted to WGS-84. */
  async function checkedValues(tx: Db, input: CreateJobPosting | UpdateJobPosting, scope: Scope, employerDefault: string) {
    if (input.payMaxFen < input.payMinFen) throw fieldError('payMaxFen', 'JOBS_PAY_RANGE');
    if (input.validUntil < shanghaiToday(clock())) throw fieldError('validUntil', 'JOBS_VALID_UNTIL');
    let eventId: string | null = null;
    if (input.eventId) {
      const [fair] = await findEventBriefs(tx, [input.eventId]);
      if (!fair || fair.status === 'cancelled' || !isRelated(scope, fair.orgPath)) throw fieldError('eventId', 'JOBS_FAIR_UNKNOWN');
      eventId = fair.id;
    }
    const [lng, lat] = convertCoord([input.location.lng, input.location.lat], input.location.crs, 'wgs84');
    return {
      employerName: input.employerName ?? employerDefault,
      title: input.title,
      description: input.description,
      requirements: input.requirements,
      employmentForm: input.employmentForm,
      payMinFen: input.payMinFen,
      payMaxFen: input.payMaxFen,
      payPeriod: input.payPeriod,
      headcount: input.headcount,
      address: input.address,
      lng,
      lat,
      validUntil: input.validUntil,
      eventId,
    };
  }

  /** The identity a worker applies as: their member person if their account stands for one, else the account. */
  async function identityOf(tx: Db, userId: string) {
    const m = await findActiveMembershipOfUser(tx, userId);
    const u = await queryOne<{ display_name: string | null; phone: string | null }>(tx, sql`select display_name, phone from app_user where id = ${userId}`);
    return {
      key: m ? `p:${m.personId}` : `u:${userId}`,
      keys: m ? [`p:${m.personId}`, `u:${userId}`] : [`u:${userId}`],
      personId: m?.personId ?? null,
      name: m?.realName ?? u?.display_name ?? maskPhone(u?.phone) ?? '',
      phone: u?.phone ?? null,
    };
  }

  async function keysOf(userId: string, tx: Db = db): Promise<string[]> {
    const m = await findActiveMembershipOfUser(tx, userId);
    return m ? [`p:${m.personId}`, `u:${userId}`] : [`u:${userId}`];
  }

  /** The applicant hears of every mark on their phone; the union's 待办 recounts. */
  async function notifyApplicant(tx: Db, a: repo.ApplicationRow, status: JobApplicationStatus) {
    await announceTodoChange(tx, a.org_id);
    // A sign-up taken at a fair has no account to tell.
    if (!a.user_id) return;
    await notify(tx, {
      to: { userIds: [a.user_id] },
      kind: 'jobs.application',
      title: { key: 'JOBS_APPLICATION_STEP' },
      body: { key: 'JOBS_APPLICATION_STEP_BODY', params: { employer: a.employer_name, title: a.title, status: `JOBS_APPLICATION_${status}` } },
      link: `/m/jobs/${a.posting_id}`,
      entity: { type: 'job_application', id: a.id },
    });
  }

  return {
    async listPostings(q: { orgId?: string | undefined; status?: string | undefined; q?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<JobPosting>> {
      let underPath: string | undefined;
      if (q.orgId) {
        const o = await findOrgById(db, q.orgId);
        if (!o || !isRelated(scope, o.path)) throw notFound('ENTITY_org');
        underPath = o.path;
      }
      const { items, total } = await repo.listPostings(db, { scope, underPath, status: q.status, q: q.q, page: q.page, pageSize: q.pageSize });
      const fairs = await fairsOf(items);
      return { items: items.map((r) => toPosting(r, fairs)), total, page: q.page, pageSize: q.pageSize };
    },

    async getPosting(id: string, scope: Scope): Promise<JobPosting> {
      const p = await postingInScope(db, id, scope);
      return toPosting(p, await fairsOf([p]));
    },

    /** 发布岗位 (as a draft): for an employer's grassroots union in the caller's scope. */
    async createPosting(input: CreateJobPosting, actor: JobsStaff): Promise<JobPosting> {
      const union = await findOrgById(db, input.orgId);
      if (!union || !isInScope(actor.scope, union.path)) throw fieldError('orgId', 'NOT_FOUND');
      if (union.type !== 'grassroots' || union.status !== 'active') throw fieldError('orgId', 'JOBS_ORG_NOT_EMPLOYER');
      const values = await checkedValues(db, input, actor.scope, employerOf(union.name));
      const id = await db.transaction(async (tx) => {
        const postingId = await repo.insertPosting(tx, { orgId: union.id, ...values }, actor.userId, clock());
        await recordAudit(tx, actor.audit, { action: 'job_posting.create', entityType: 'job_posting', entityId: postingId, orgId: union.id, after: { ...values } });
        return postingId;
      });
      return this.getPosting(id, actor.scope);
    },

    async updatePosting(id: string, input: UpdateJobPosting, actor: JobsStaff): Promise<JobPosting> {
      await db.transaction(async (tx) => {
        const p = await postingInScope(tx, id, actor.scope, true);
        if (p.status === 'closed') throw statusError(p.status, 'edit');
        if (p.version !== input.version) throw versionConflict(input.version, p.version);
        if (input.headcount < p.filled) throw fieldError('headcount', 'JOBS_HEADCOUNT_BELOW_FILLED', { filled: p.filled });
        const values = await checkedValues(tx, input, actor.scope, p.employer_name);
        if (!(await repo.updatePosting(tx, id, input.version, values, clock()))) throw versionConflict(input.version);
        await recordAudit(tx, actor.audit, { action: 'job_posting.update', entityType: 'job_posting', entityId: id, orgId: p.org_id, before: { title: p.title, headcount: p.headcount, payMinFen: p.pay_min_fen, payMaxFen: p.pay_max_fen }, after: { ...values } });
      });
      return this.getPosting(id, actor.scope);
    },

    /** 发布: a draft (or a closed job brought back) takes applications from the phone. */
    async openPosting(id: string, version: number, actor: JobsStaff): Promise<JobPosting> {
      await db.transaction(async (tx) => {
        const p = await postingInScope(tx, id, actor.scope, true);
        if (p.status !== 'draft' && p.status !== 'closed') throw statusError(p.status, 'open');
        if (p.version !== version) throw versionConflict(version, p.version);
        if (p.valid_until < shanghaiToday(clock())) throw fieldError('validUntil', 'JOBS_VALID_UNTIL');
        if (!(await repo.setPostingStatus(tx, id, version, 'open', clock()))) throw versionConflict(version);
        await recordAudit(tx, actor.audit, { action: 'job_posting.open', entityType: 'job_posting', entityId: id, orgId: p.org_id });
      });
      return this.getPosting(id, actor.scope);
    },

    /** 结束招聘: no more applications; those already sent stay for the record. */
    async closePosting(id: string, version: number, actor: JobsStaff): Promise<JobPosting> {
      await db.transaction(async (tx) => {
        const p = await postingInScope(tx, id, actor.scope, true);
        if (p.status !== 'open' && p.status !== 'draft') throw statusError(p.status, 'close');
        if (p.version !== version) throw versionConflict(version, p.version);
        if (!(await repo.setPostingStatus(tx, id, version, 'closed', clock()))) throw versionConflict(version);
        await recordAudit(tx, actor.audit, { action: 'job_posting.close', entityType: 'job_posting', entityId: id, orgId: p.org_id });
        await announceTodoChange(tx, p.org_id);
      });
      return this.getPosting(id, actor.scope);
    },

    async listApplications(postingId: string, q: { status?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<JobApplication>> {
      await postingInScope(db, postingId, scope);
      const { items, total } = await repo.listApplicationsOfPosting(db, postingId, q);
      return { items: items.map((a) => toApplication(a)), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * 标记: 已查看 / 面试 / 录用 / 未录用. A hire takes one of the job's places under the job's row
     * lock; the last place fills the job (no more applications). The applicant is told.
     */
    async markApplication(id: string, input: { status: 'viewed' | 'interview' | 'hired' | 'rejected'; version: number }, actor: JobsStaff): Promise<JobApplication> {
      const now = clock();
      await db.transaction(async (tx) => {
        const a = await repo.findApplication(tx, id);
        if (!a || !isInScope(actor.scope, a.org_path)) throw notFound('ENTITY_job_application');
        await repo.findPosting(tx, a.posting_id, true);
        const fresh = (await repo.findApplication(tx, id))!;
        if (!MARKS_FROM[input.status].includes(fresh.status)) throw new AppError('JOBS_APPLICATION_STATE', { status: 409 });
        if (fresh.version !== input.version) throw versionConflict(input.version, fresh.version);
        if (input.status === 'hired' && !(await repo.takePlace(tx, a.posting_id, now))) throw new AppError('JOBS_FILLED', { status: 409 });
        if (!(await repo.updateApplicationStatus(tx, id, { version: input.version, from: MARKS_FROM[input.status] }, input.status, { by: actor.userId, name: actor.displayName }, now))) throw versionConflict(input.version);
        await recordAudit(tx, actor.audit, { action: 'job_application.mark', entityType: 'job_application', entityId: id, orgId: a.org_id, before: { status: fresh.status }, after: { status: input.status } });
        await notifyApplicant(tx, fresh, input.status);
      });
      return toApplication((await repo.findApplication(db, id))!);
    },

    /** The applicant's phone, shown on request and audited (PIPL; as members' reveal). */
    async revealPhone(id: string, actor: JobsStaff): Promise<{ phone: string | null }> {
      return db.transaction(async (tx) => {
        const a = await repo.findApplication(tx, id);
        if (!a || !isInScope(actor.scope, a.org_path)) throw notFound('ENTITY_job_application');
        const phone = await repo.applicantPhone(tx, id);
        await recordAudit(tx, actor.audit, { action: 'personal_data.read', entityType: 'job_application', entityId: id, orgId: a.org_id, after: { field: 'phone' } });
        return { phone };
      });
    },

    /** Job fairs to attach: published events not yet over that the caller's scope is related to (its own, above or below). */
    async listFairs(scope: Scope): Promise<JobFair[]> {
      return (await listUpcomingEventBriefs(db, clock())).filter((e) => isRelated(scope, e.orgPath)).map((e) => toFair(e)!);
    },

    // ---- the worker's side ----

    async listOpen(
      q: { areaId?: string | undefined; employmentForm?: string | undefined; minPayFen?: number | undefined; eventId?: string | undefined; lng?: number | undefined; lat?: number | undefined; crs: 'wgs84' | 'gcj02'; page: number; pageSize: number },
      userId: string,
    ): Promise<Page<OpenJob> & { areas: { id: string; name: string }[] }> {
      const today = shanghaiToday(clock());
      let areaPath: string | undefined;
      if (q.areaId) {
        const o = await findOrgById(db, q.areaId);
        // An unknown area is an empty list, not an error: the phone's filter may be stale.
        areaPath = o?.path ?? '/none/';
      }
      const point = q.lng !== undefined && q.lat !== undefined ? convertCoord([q.lng, q.lat], q.crs, 'wgs84') : null;
      const { items, total } = await repo.listOpen(db, { areaPath, employmentForm: q.employmentForm, minPayFen: q.minPayFen, eventId: q.eventId, point: point ? { lng: point[0], lat: point[1] } : undefined, today, page: q.page, pageSize: q.pageSize });
      const fairs = await fairsOf(items);
      const mine = await repo.myApplicationsTo(db, await keysOf(userId), items.map((r) => r.id));
      return {
        items: items.map((r) => this.toOpenJob(r, fairs, mine.get(r.id) ?? null)),
        total,
        page: q.page,
        pageSize: q.pageSize,
        areas: await repo.openAreas(db, today),
      };
    },

    toOpenJob(r: repo.PostingRow, fairs: Map<string, EventBrief>, mine: { id: string; status: JobApplicationStatus } | null): OpenJob {
      return {
        id: r.id,
        employerName: r.employer_name,
        title: r.title,
        description: r.description,
        requirements: r.requirements,
        employmentForm: r.employment_form,
        payMinFen: r.pay_min_fen,
        payMaxFen: r.pay_max_fen,
        payPeriod: r.pay_period,
        headcount: r.headcount,
        placesLeft: Math.max(0, r.headcount - r.filled),
        address: r.address,
        lng: r.lng,
        lat: r.lat,
        areaName: r.area_name,
        validUntil: r.valid_until,
        status: r.status,
        fair: toFair(r.event_id ? fairs.get(r.event_id) : undefined),
        distanceM: r.distance_m === null ? null : Number(r.distance_m),
        myApplication: mine,
      };
    },

    /** One job on the phone: an open one, or one the caller applied to (to follow it after it closed). */
    async getOpen(id: string, userId: string): Promise<OpenJob> {
      const r = await repo.findPosting(db, id);
      if (!r) throw notFound('ENTITY_job_posting');
      const mine = (await repo.myApplicationsTo(db, await keysOf(userId), [id])).get(id) ?? null;
      if (r.status === 'draft' || (r.status !== 'open' && !mine)) throw notFound('ENTITY_job_posting');
      return this.toOpenJob(r, await fairsOf([r]), mine);
    },

    /**
     * 投递: once per job and person. The unique index on (job, identity) decides between two
     * requests at once: one row, and the other gets 409 JOBS_ALREADY_APPLIED.
     */
    async apply(id: string, input: { note: string }, actor: JobsWorker): Promise<JobApplication> {
      const now = clock();
      const appId = await db.transaction(async (tx) => {
        const p = await repo.findPosting(tx, id);
        if (!p || p.status === 'draft') throw notFound('ENTITY_job_posting');
        if (p.status !== 'open') throw new AppError('JOBS_NOT_OPEN', { status: 409 });
        if (p.valid_until < shanghaiToday(now)) throw new AppError('JOBS_EXPIRED', { status: 409 });
        const who = await identityOf(tx, actor.userId);
        const inserted = await repo.insertApplication(tx, { postingId: p.id, orgId: p.org_id, applicantKey: who.key, personId: who.personId, userId: actor.userId, name: who.name, phone: who.phone, note: input.note }, now);
        if (!inserted) throw new AppError('JOBS_ALREADY_APPLIED', { status: 409 });
        await recordAudit(tx, actor.audit, { action: 'job_application.create', entityType: 'job_application', entityId: inserted, orgId: p.org_id, after: { postingId: p.id, isMember: who.personId !== null } });
        await notify(tx, {
          to: { staffWith: 'assistance.write', inScopeOf: p.org_id },
          kind: 'jobs.application_new',
          title: { key: 'JOBS_APPLICATION_NEW' },
          body: { key: 'JOBS_APPLICATION_NEW_BODY', params: { name: who.name, title: p.title } },
          link: `/admin/assistance/jobs?posting=${p.id}`,
          entity: { type: 'job_application', id: inserted },
        });
        await announceTodoChange(tx, p.org_id);
        return inserted;
      });
      return toApplication((await repo.findApplication(db, appId))!, 'none');
    },

    /** 我的求职: the caller's applications (their member identity and their account), newest first. */
    async mine(userId: string): Promise<{ items: (JobApplication & { jobStatus: JobPosting['status'] })[] }> {
      const rows = await repo.listApplicationsOfUser(db, userId, await keysOf(userId));
      return { items: rows.map((a) => ({ ...toApplication(a, 'none'), jobStatus: a.job_status })) };
    },

    /** 撤回: before a decision (a hire or a refusal stays). */
    async withdraw(id: string, version: number, actor: JobsWorker): Promise<JobApplication> {
      await db.transaction(async (tx) => {
        const a = await repo.findApplication(tx, id);
        const keys = await keysOf(actor.userId, tx);
        if (!a || (a.user_id !== actor.userId && !(a.person_id && keys.includes(`p:${a.person_id}`)))) throw notFound('ENTITY_job_application');
        if (!WITHDRAWABLE.includes(a.status)) throw new AppError('JOBS_APPLICATION_STATE', { status: 409 });
        if (a.version !== version) throw versionConflict(version, a.version);
        if (!(await repo.updateApplicationStatus(tx, id, { version, from: WITHDRAWABLE }, 'withdrawn', null, clock()))) throw versionConflict(version);
        await recordAudit(tx, actor.audit, { action: 'job_application.withdraw', entityType: 'job_application', entityId: id, orgId: a.org_id });
        await announceTodoChange(tx, a.org_id);
      });
      return toApplication((await repo.findApplication(db, id))!, 'none');
    },
  };
}

export type SpringJobsService = ReturnType<typeof createSpringJobsService>;
