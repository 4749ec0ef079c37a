import { ME_TOO_RADIUS_METRES, OPEN_REPORT_STATUSES, type CreateReport, type MyReport, type Report, type ReportDetail, type ReportStatus } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { enforceRateLimit } from '../../platform/rate-limit';
import { convertCoord, haversineMetres, type MapContextService } from '../positions';
import { assertOwnPhotos } from '../stars';
import { notifyStaff, notifyWorkers, reportNumber } from './voice.notify';
import * as repo from './voice.repository';
import type { VoiceReportRow } from './voice.tables';

export type StaffCtx = { userId: string; read: Scope; write: Scope; audit: AuditContext };
export type WorkerCtx = { userId: string; audit: AuditContext };
export type VoiceDeps = { db: Db; clock: Clock; mapContext: Pick<MapContextService, 'findOrgAt'> };

const HOUR = 3_600_000;
const isOpen = (status: string) => (OPEN_REPORT_STATUSES as readonly string[]).includes(status);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Event = Awaited<ReturnType<typeof repo.listEvents>>[number];

/** History as a person reads it: staff steps name the staff member; the worker's own and the system's steps name nobody. */
function toHistory(events: Event[]): ReportDetail['history'] {
  return events.map((e) => ({
    kind: e.kind as ReportDetail['history'][number]['kind'],
    at: e.at.toISOString(),
    actorName: ['created', 'confirmed', 'reopened', 'me_too', 'escalated'].includes(e.kind) ? null : (e.actorName ?? null),
    fromOrgName: e.fromOrgName ?? null,
    toOrgName: e.toOrgName ?? null,
    note: e.note ?? null,
  }));
}

/** A worker files at most this many reports a day, and asks for nearby ones this often an hour. */
const REPORTS_PER_DAY = 10;
const NEARBY_PER_HOUR = 60;
/** Distances to nearby reports are given in these steps. */
const DISTANCE_STEP_METRES = 50;

/** 随手拍: workers report hazards and neighbourhood problems; the union that owns the place answers. */
export function createVoiceService({ db, clock, mapContext }: VoiceDeps) {
  const toReport = (r: repo.ReportJoined, now: Date): Report => ({
    id: r.report.id,
    number: reportNumber(r.report.seq),
    orgId: r.report.orgId,
    orgName: r.orgName,
    categoryKey: r.report.categoryKey,
    description: r.report.description,
    location: { lng: r.report.lng, lat: r.report.lat },
    status: r.report.status as ReportStatus,
    reporterName: r.reporterName,
    isGridMember: r.report.isGridMember,
    meTooCount: r.report.meTooCount,
    mergedIntoId: r.report.mergedIntoId,
    photoIds: r.report.photoIds,
    dueAt: r.report.dueAt.toISOString(),
    isOverdue: isOpen(r.report.status) && r.report.dueAt < now,
    escalations: r.report.escalations,
    createdAt: r.report.createdAt.toISOString(),
    resolvedAt: iso(r.report.resolvedAt),
    closedAt: iso(r.report.closedAt),
    version: r.report.version,
  });

  async function categoryOf(tx: Db, key: string) {
    const c = await repo.findCategory(tx, key);
    if (!c || !c.isActive) throw fieldError('categoryKey', 'VOICE_CATEGORY_UNKNOWN');
    return c;
  }
  const textOf = (c: { nameZh: string; nameEn: string }) => ({ 'zh-CN': c.nameZh, en: c.nameEn });

  /** A report the caller may see (read scope), else 404; locked when `forUpdate`. */
  async function visible(tx: Db, id: string, scope: Scope, forUpdate = false) {
    const r = await repo.findReport(tx, id, { forUpdate });
    if (!r || !isInScope(scope, r.orgPath)) throw notFound('ENTITY_voice_report');
    return r;
  }

  async function detail(tx: Db, r: repo.ReportJoined): Promise<ReportDetail> {
    const above = r.orgPath.split('/').filter(Boolean).slice(0, -1).reverse();
    return { ...toReport(r, clock()), history: toHistory(await repo.listEvents(tx, [r.report.id])), ancestors: await repo.listOrgNames(tx, above) };
  }

  /** The workers who hear about a report: its reporter and everyone who joined it. */
  async function audienceOf(tx: Db, row: VoiceReportRow) {
    return [row.reporterId, ...(await repo.listFollowerIds(tx, row.id))];
  }

  /** One staff step: checks status and version, writes the change, the history, the audit entry and the messages. */
  async function staffStep(
    id: string,
    actor: StaffCtx,
    opts: { version: number; from: readonly string[]; set: (now: Date, row: VoiceReportRow) => Partial<repo.ReportValues>; kind: 'accepted' | 'progress' | 'reply' | 'resolved'; note: string | null },
  ): Promise<ReportDetail> {
    return db.transaction(async (tx) => {
      const now = clock();
      const current = await visible(tx, id, actor.write, true);
      if (!opts.from.includes(current.report.status)) throw new AppError('VOICE_REPORT_STATUS', { status: 409 });
      const updated = await repo.updateReportIfVersion(tx, id, opts.version, opts.set(now, current.report), now);
      if (!updated) throw versionConflict(opts.version, current.report.version);
      await repo.insertEvent(tx, { reportId: id, kind: opts.kind, actorId: actor.userId, note: opts.note, at: now });
      await recordAudit(tx, actor.audit, {
        action: `voice_report.${opts.kind}`,
        entityType: 'voice_report',
        entityId: id,
        orgId: updated.orgId,
        before: { status: current.report.status },
        after: { status: updated.status, note: opts.note },
      });
      const category = await categoryOf(tx, updated.categoryKey);
      await notifyWorkers(tx, { id, seq: updated.seq, orgId: updated.orgId, category: textOf(category), userIds: await audienceOf(tx, updated), note: opts.note }, opts.kind);
      return detail(tx, { ...current, report: updated });
    });
  }

  /** The reports a worker filed or joined, with their history (staff names are shown, the other workers are not). */
  async function mine(userId: string, tx: Db = db, onlyId?: string): Promise<MyReport[]> {
    const rows = await repo.listMine(tx, userId, onlyId);
    const events = await repo.listEvents(
      tx,
      rows.map((r) => r.report.id),
    );
    return rows.map((r) => ({
      id: r.report.id,
      number: reportNumber(r.report.seq),
      categoryKey: r.report.categoryKey,
      description: r.report.reporterId === userId ? r.report.description : '',
      status: r.report.status as ReportStatus,
      orgName: r.orgName,
      isMine: r.report.reporterId === userId,
      meTooCount: r.report.meTooCount,
      createdAt: r.report.createdAt.toISOString(),
      resolvedAt: iso(r.report.resolvedAt),
      // A joiner sees the steps, not the reporter's own words ("not fixed" notes) beside the description.
      history: toHistory(events.filter((e) => e.reportId === r.report.id)).map((h) => (r.report.reporterId !== userId && h.kind === 'reopened' ? { ...h, note: null } : h)),
    }));
  }

  async function listCategories() {
    const rows = await repo.listCategories(db, { activeOnly: true });
    return rows.map((c) => ({ key: c.key, nameZh: c.nameZh, nameEn: c.nameEn, limitHours: c.limitHours }));
  }

  return {
    listCategories,

    /** Open reports of the same category within 200 m, nearest first: offered as "我也遇到了" before a new one is filed. */
    async nearby(q: { categoryKey: string; lng: number; lat: number; crs: 'wgs84' | 'gcj02' }, userId: string) {
      // Asked from three places, exact distances would give away a report's point (the public map rounds it).
      await enforceRateLimit(db, { key: `voice-nearby:${userId}`, limit: NEARBY_PER_HOUR, windowSeconds: 3600 }, clock());
      const [lng, lat] = convertCoord([q.lng, q.lat], q.crs, 'wgs84');
      const dLat = ME_TOO_RADIUS_METRES / 111_000;
      const dLng = dLat / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
      const rows = await repo.listOpenInBox(db, q.categoryKey, { west: lng - dLng, east: lng + dLng, south: lat - dLat, north: lat + dLat });
      return rows
        .map((r) => ({ r, d: haversineMetres(lng, lat, r.lng, r.lat) }))
        .filter(({ d }) => d <= ME_TOO_RADIUS_METRES)
        .sort((a, b) => a.d - b.d)
        .slice(0, 5)
        .map(({ r, d }) => ({
          id: r.id,
          number: reportNumber(r.seq),
          categoryKey: r.categoryKey,
          status: r.status as ReportStatus,
          distanceMetres: Math.max(DISTANCE_STEP_METRES, Math.round(d / DISTANCE_STEP_METRES) * DISTANCE_STEP_METRES),
          meTooCount: r.meTooCount,
          createdAt: r.createdAt.toISOString(),
        }));
    },

    /** Files a report: routed to the street whose area holds the point, else the district, else the root of the tree. */
    async create(input: CreateReport, worker: WorkerCtx): Promise<MyReport> {
      await enforceRateLimit(db, { key: `voice-report:${worker.userId}`, limit: REPORTS_PER_DAY, windowSeconds: 86_400 }, clock());
      const [lng, lat] = convertCoord([input.location.lng, input.location.lat], input.location.crs, 'wgs84');
      const found = await mapContext.findOrgAt(lng, lat);
      return db.transaction(async (tx) => {
        const now = clock();
        const category = await categoryOf(tx, input.categoryKey);
        const orgId = found?.orgId ?? (await repo.findRootOrg(tx))?.id;
        if (!orgId) throw new AppError('VOICE_NO_ORG_FOR_POINT', { status: 422 });
        const photoIds = await assertOwnPhotos(tx, input.photoIds, worker.userId);
        const row = await repo.insertReport(tx, {
          orgId,
          categoryKey: category.key,
          description: input.description,
          lng,
          lat,
          reporterId: worker.userId,
          isGridMember: await repo.isGridMember(tx, worker.userId),
          photoIds,
          dueAt: new Date(now.getTime() + category.limitHours * HOUR),
          createdAt: now,
          updatedAt: now,
        });
        await repo.insertEvent(tx, { reportId: row.id, kind: 'created', toOrgId: orgId, at: now });
        await recordAudit(tx, worker.audit, { action: 'voice_report.create', entityType: 'voice_report', entityId: row.id, orgId, after: { category: category.key, routedBy: found?.kind ?? 'root' } });
        await notifyStaff(tx, { id: row.id, seq: row.seq, orgId, category: textOf(category) }, 'new');
        return (await mine(worker.userId, tx, row.id))[0]!;
      });
    },

    /** "我也遇到了": the worker follows an open report instead of filing a duplicate; counted once per person. */
    async meToo(id: string, worker: WorkerCtx): Promise<MyReport> {
      return db.transaction(async (tx) => {
        const current = await repo.findReport(tx, id, { forUpdate: true });
        if (!current || current.report.status === 'merged') throw notFound('ENTITY_voice_report');
        if (current.report.reporterId === worker.userId) throw new AppError('VOICE_ME_TOO_OWN', { status: 409 });
        if (!isOpen(current.report.status)) throw new AppError('VOICE_ME_TOO_CLOSED', { status: 409 });
        const now = clock();
        if (await repo.addFollower(tx, id, worker.userId)) {
          await repo.updateReport(tx, id, { meTooCount: current.report.meTooCount + 1 }, now);
          await repo.insertEvent(tx, { reportId: id, kind: 'me_too', at: now });
          await recordAudit(tx, worker.audit, { action: 'voice_report.me_too', entityType: 'voice_report', entityId: id, orgId: current.report.orgId });
        }
        return (await mine(worker.userId, tx, id))[0]!;
      });
    },

    mine: (userId: string) => mine(userId),

    /** The reporter's answer to 已解决: confirmed closes it; "not fixed" reopens it with a fresh time limit. */
    async answer(id: string, worker: WorkerCtx, answer: { isFixed: true } | { isFixed: false; note: string }): Promise<MyReport> {
      return db.transaction(async (tx) => {
        const current = await repo.findReport(tx, id, { forUpdate: true });
        if (!current || current.report.reporterId !== worker.userId) throw new AppError('VOICE_NOT_REPORTER', { status: 403 });
        if (current.report.status !== 'resolved') throw new AppError('VOICE_REPORT_STATUS', { status: 409 });
        const now = clock();
        const category = await categoryOf(tx, current.report.categoryKey);
        if (answer.isFixed) {
          await repo.updateReport(tx, id, { status: 'closed', closedAt: now }, now);
          await repo.insertEvent(tx, { reportId: id, kind: 'confirmed', at: now });
        } else {
          await repo.updateReport(tx, id, { status: 'in_progress', resolvedAt: null, dueAt: new Date(now.getTime() + category.limitHours * HOUR) }, now);
          await repo.insertEvent(tx, { reportId: id, kind: 'reopened', note: answer.note, at: now });
          await notifyStaff(tx, { id, seq: current.report.seq, orgId: current.report.orgId, category: textOf(category) }, 'reopened');
        }
        await recordAudit(tx, worker.audit, { action: answer.isFixed ? 'voice_report.confirm' : 'voice_report.reopen', entityType: 'voice_report', entityId: id, orgId: current.report.orgId });
        return (await mine(worker.userId, tx, id))[0]!;
      });
    },

    async list(q: Omit<repo.ReportFilter, 'scope' | 'now'> & { page: number; pageSize: number }, staff: StaffCtx) {
      const now = clock();
      const { items, total } = await repo.pageReports(db, { ...q, scope: staff.read, now }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map((r) => toReport(r, now)), total, page: q.page, pageSize: q.pageSize };
    },

    async get(id: string, staff: StaffCtx): Promise<ReportDetail> {
      return detail(db, await visible(db, id, staff.read));
    },

    accept: (id: string, input: { version: number; note?: string | undefined }, actor: StaffCtx) =>
      staffStep(id, actor, { version: input.version, from: ['new'], set: () => ({ status: 'accepted' }), kind: 'accepted', note: input.note ?? null }),
    progress: (id: string, input: { version: number; note: string }, actor: StaffCtx) =>
      staffStep(id, actor, { version: input.version, from: ['new', 'accepted', 'in_progress'], set: () => ({ status: 'in_progress' }), kind: 'progress', note: input.note }),
    reply: (id: string, input: { version: number; note: string }, actor: StaffCtx) =>
      staffStep(id, actor, { version: input.version, from: ['new', 'accepted', 'in_progress', 'resolved', 'closed'], set: () => ({}), kind: 'reply', note: input.note }),
    resolve: (id: string, input: { version: number; note: string }, actor: StaffCtx) =>
      staffStep(id, actor, { version: input.version, from: ['new', 'accepted', 'in_progress'], set: (now) => ({ status: 'resolved', resolvedAt: now }), kind: 'resolved', note: input.note }),

    /** Passes a report down into the caller's subtree or up the current owner's ancestry, with a reason the workers see. */
    async reassign(id: string, input: { version: number; orgId: string; reason: string }, actor: StaffCtx): Promise<ReportDetail> {
      return db.transaction(async (tx) => {
        const now = clock();
        const current = await visible(tx, id, actor.write, true);
        if (!isOpen(current.report.status)) throw new AppError('VOICE_REPORT_STATUS', { status: 409 });
        if (input.orgId === current.report.orgId) throw fieldError('orgId', 'VOICE_REASSIGN_SAME');
        const found = await repo.findOrg(tx, input.orgId);
        const target = found?.status === 'active' ? found : undefined;
        const isUp = Boolean(target && current.orgPath.startsWith(target.path));
        if (!target || !(isUp || isInScope(actor.write, target.path))) throw fieldError('orgId', 'VOICE_REASSIGN_TARGET');
        const updated = await repo.updateReportIfVersion(tx, id, input.version, { orgId: target.id }, now);
        if (!updated) throw versionConflict(input.version, current.report.version);
        await repo.insertEvent(tx, { reportId: id, kind: 'reassigned', actorId: actor.userId, fromOrgId: current.report.orgId, toOrgId: target.id, note: input.reason, at: now });
        await recordAudit(tx, actor.audit, {
          action: 'voice_report.reassign',
          entityType: 'voice_report',
          entityId: id,
          orgId: target.id,
          before: { orgId: current.report.orgId },
          after: { orgId: target.id, reason: input.reason },
        });
        const category = textOf(await categoryOf(tx, updated.categoryKey));
        await notifyStaff(tx, { id, seq: updated.seq, orgId: target.id, category }, 'reassigned', actor.userId);
        await notifyWorkers(tx, { id, seq: updated.seq, orgId: target.id, category, userIds: await audienceOf(tx, updated), note: input.reason }, 'reassigned');
        return detail(tx, { ...current, report: updated, orgName: target.name, orgPath: target.path });
      });
    },

    /** Merges a duplicate into an open report of the same category: its reporter and joiners follow the other one. */
    async merge(id: string, input: { version: number; intoId: string }, actor: StaffCtx): Promise<ReportDetail> {
      if (id === input.intoId) throw fieldError('intoId', 'VOICE_MERGE_SELF');
      return db.transaction(async (tx) => {
        const now = clock();
        const source = await visible(tx, id, actor.write, true);
        const target = await visible(tx, input.intoId, actor.write, true);
        if (!isOpen(source.report.status)) throw new AppError('VOICE_REPORT_STATUS', { status: 409 });
        if (!isOpen(target.report.status) || target.report.categoryKey !== source.report.categoryKey) throw fieldError('intoId', 'VOICE_MERGE_TARGET');
        const merged = await repo.updateReportIfVersion(tx, id, input.version, { status: 'merged', mergedIntoId: target.report.id }, now);
        if (!merged) throw versionConflict(input.version, source.report.version);
        const moved = await audienceOf(tx, source.report);
        let added = 0;
        for (const userId of moved) if (userId !== target.report.reporterId && (await repo.addFollower(tx, target.report.id, userId))) added++;
        await repo.updateReport(tx, target.report.id, { meTooCount: target.report.meTooCount + added }, now);
        await repo.insertEvent(tx, { reportId: id, kind: 'merged', actorId: actor.userId, note: reportNumber(target.report.seq), at: now });
        await repo.insertEvent(tx, { reportId: target.report.id, kind: 'merged', actorId: actor.userId, note: reportNumber(source.report.seq), at: now });
        await recordAudit(tx, actor.audit, { action: 'voice_report.merge', entityType: 'voice_report', entityId: id, orgId: source.report.orgId, after: { intoId: target.report.id } });
        const category = textOf(await categoryOf(tx, source.report.categoryKey));
        await notifyWorkers(tx, { id, seq: source.report.seq, orgId: source.report.orgId, category, userIds: moved, note: reportNumber(target.report.seq) }, 'merged');
        return detail(tx, { ...source, report: merged });
      });
    },

    /**
     * The time-limit sweep (voice.sweep): each open report past its limit moves one level up the
     * tree, with a fresh limit and a line in its history; at the root it stays, and its limit
     * restarts. Locked rows are skipped (another instance has them).
     */
    async sweepOverdue(now: Date): Promise<{ escalated: number }> {
      let escalated = 0;
      for (;;) {
        const moved = await db.transaction(async (tx) => {
          const rows = await repo.listOverdue(tx, now, 50);
          for (const row of rows) {
            const category = await categoryOf(tx, row.categoryKey);
            const owner = await repo.findOrg(tx, row.orgId);
            // Up the tree as far as the district: a report is the district's (its shard), never the federation's.
            const parentId = owner && owner.type !== 'district' ? owner.parentId : null;
            const dueAt = new Date(now.getTime() + category.limitHours * HOUR);
            await repo.updateReport(tx, row.id, parentId ? { orgId: parentId, dueAt, escalations: row.escalations + 1 } : { dueAt }, now);
            if (!parentId) continue;
            await repo.insertEvent(tx, { reportId: row.id, kind: 'escalated', fromOrgId: row.orgId, toOrgId: parentId, note: null, at: now });
            const ref = { id: row.id, seq: row.seq, orgId: parentId, category: textOf(category) };
            await notifyStaff(tx, ref, 'escalated');
            await notifyWorkers(tx, { ...ref, userIds: await audienceOf(tx, row), note: null }, 'escalated');
            escalated++;
          }
          return rows.length;
        });
        if (moved < 50) break;
      }
      return { escalated };
    },

    /** The public map: category, open/resolved, the point rounded to 0.001° (about 100 m), the days. Nothing about people. */
    async publicMap() {
      const [rows, categories] = await Promise.all([repo.listForPublicMap(db, 2000), listCategories()]);
      const day = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
      const round3 = (v: number) => Math.round(v * 1000) / 1000;
      return {
        categories,
        items: rows.map((r) => ({
          categoryKey: r.categoryKey,
          status: isOpen(r.status) ? ('open' as const) : ('resolved' as const),
          lng: round3(r.lng),
          lat: round3(r.lat),
          createdOn: day(r.createdAt),
          resolvedOn: r.resolvedAt ? day(r.resolvedAt) : null,
        })),
      };
    },
  };
}
export type VoiceService = ReturnType<typeof createVoiceService>;
