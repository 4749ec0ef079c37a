import { checkCreditCode, type MonitoringPoint, type MonitoringReport, type ReportValues, type TeamMember, type Warning } from '@niangjia/contracts';
import type { TeamRole, ThresholdOp, WarningLevel, WarningMeasure } from '@niangjia/contracts/rights-domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { daysBetween } from '../../platform/holidays';
import { maskPhone } from '../../platform/logger';
import { fieldError } from '../../platform/validation';
import { appUser } from '../accounts';
import { listNearestManagers } from './case-access';
import * as repo from './monitoring.repository';
import { breachesOf, previousQuarter, quarterEnd, quarterOf, reportDueOn } from './quarters';
import { reminderBand } from './reminders.service';
import * as remindersRepo from './reminders.repository';
import { findOrgBrief, getDeskOrg, settingsFor, underPathOf, today, versionConflict, type RightsStaff, type RightsWorker } from './rights.shared';
import { announceTodoChange, notify } from '../../platform/notifications';

type Org = { id: string; code: string; name: string };
const orgOf = (r: { orgCode: string; orgName: string }, id: string): Org => ({ id, code: r.orgCode, name: r.orgName });

function toTeamMember(r: { m: repo.TeamRow; orgCode: string; orgName: string }): TeamMember {
  const m = r.m;
  return { id: m.id, org: orgOf(r, m.orgId), role: m.role as TeamRole, name: m.name, phoneMasked: maskPhone(m.phone), employerName: m.employerName, status: m.status as 'active' | 'left', sinceOn: m.sinceOn, note: m.note, version: m.version };
}

export function toWarning(r: repo.WarningWithRefs): Warning {
  const w = r.w;
  return {
    id: w.id,
    point: { id: w.pointId, enterpriseName: r.enterpriseName, creditCode: r.creditCode },
    org: orgOf(r, w.orgId),
    quarter: w.quarter,
    measure: w.measure as WarningMeasure,
    value: w.value,
    op: w.op as ThresholdOp,
    threshold: w.threshold,
    level: w.level as WarningLevel,
    status: w.status as 'open' | 'handled',
    handledByName: r.handledByName,
    handledAt: w.handledAt?.toISOString() ?? null,
    handlingNote: w.handlingNote,
    createdAt: w.createdAt.toISOString(),
  };
}

/** Orgs a list may be narrowed to: in the viewer's read scope. */
/**
 * Labour-relations monitoring points (劳动关系监测点), their quarterly forms and early warnings, and
 * the 三员 rosters. A report crossing a threshold raises a warning routed to the responsible
 * street union, and disqualifies the enterprise from that year's harmonious-enterprise rating.
 */
export function createMonitoringService(deps: { db: Db; onWarning?: (tx: Db, creditCode: string, year: number) => Promise<void>; clock?: () => Date }) {
  const { db } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function pointView(r: repo.PointWithRefs): Promise<MonitoringPoint> {
    const p = r.p;
    const settings = await settingsFor(db, r.orgPath);
    const dueQuarter = previousQuarter(quarterOf(today(clock)));
    const dueOn = reportDueOn(dueQuarter, settings.reportDueDay);
    const isDueSubmitted = !!(await repo.findReport(db, p.id, dueQuarter));
    return {
      id: p.id,
      org: orgOf(r, p.orgId),
      enterpriseName: p.enterpriseName,
      creditCode: p.creditCode,
      address: p.address,
      industry: p.industry,
      informant: p.informantId ? { id: p.informantId, name: r.informantName ?? '', phoneMasked: maskPhone(r.informantPhone) } : null,
      status: p.status as 'active' | 'inactive',
      sinceOn: p.sinceOn,
      dueQuarter,
      dueOn,
      isDueSubmitted,
      // A point that joined after the quarter ended owes nothing for it.
      isOverdue: p.status === 'active' && !isDueSubmitted && today(clock) > dueOn && p.sinceOn <= quarterEnd(dueQuarter),
      lastReport: r.lastQuarter && r.lastSubmittedAt ? { quarter: r.lastQuarter, submittedAt: new Date(r.lastSubmittedAt).toISOString() } : null,
      openWarnings: r.openWarnings,
      version: p.version,
    };
  }

  async function reportsOf(pointId: string): Promise<MonitoringReport[]> {
    const rows = await repo.listReports(db, pointId);
    const warnings = await repo.listWarningsOfReports(
      db,
      rows.map((r) => r.r.id),
    );
    return rows.map(({ r, submittedByName }) => ({
      id: r.id,
      quarter: r.quarter,
      values: r.values as ReportValues,
      note: r.note,
      submittedByName,
      submittedVia: r.submittedVia as 'phone' | 'console',
      submittedAt: r.submittedAt.toISOString(),
      warnings: warnings.filter((w) => w.w.reportId === r.id).map(toWarning),
      version: r.version,
    }));
  }

  async function checkInformant(tx: Db, informantId: string | undefined, orgPath: string) {
    if (!informantId) return;
    const m = await repo.findTeamMember(tx, informantId);
    // An informant of this union or one above it (a street's informant may watch a grassroots enterprise).
    if (!m || m.m.role !== 'informant' || m.m.status !== 'active' || !(orgPath.startsWith(m.orgPath) || m.orgPath.startsWith(orgPath))) throw fieldError('informantId', 'RIGHTS_INFORMANT_INVALID');
  }

  /** Stores a quarterly form and raises the warnings it crosses; a corrected form clears those it no longer crosses. */
  async function submit(tx: Db, point: repo.PointWithRefs, quarter: string, input: { values: ReportValues; note?: string | undefined }, who: { userId: string; audit: RightsWorker['audit'] }, via: 'phone' | 'console') {
    if (quarterEnd(quarter) >= today(clock)) throw fieldError('quarter', 'RIGHTS_QUARTER_NOT_ENDED');
    const v = input.values;
    for (const field of ['contract_signed', 'social_insurance_covered', 'wage_arrears_workers'] as const) if (v[field] > v.headcount) throw fieldError(`values.${field}`, 'RIGHTS_REPORT_INCONSISTENT', { field: `RIGHTS_INDICATOR_${field}` });
    const before = await repo.findReport(tx, point.p.id, quarter);
    const report = await repo.upsertReport(tx, { pointId: point.p.id, quarter, values: v, note: input.note ?? null, submittedBy: who.userId, submittedVia: via, submittedAt: clock() });
    const settings = await settingsFor(tx, point.orgPath);
    const breaches = breachesOf(v, settings.thresholds);
    const stale = (await repo.openWarningsOfReport(tx, report.id)).filter((w) => !breaches.some((b) => b.measure === w.measure));
    await repo.handleWarnings(
      tx,
      stale.map((w) => w.id),
      { handledBy: null, handlingNote: '季报更正后已不再触发' },
    );
    const raised = await repo.insertWarnings(
      tx,
      breaches.map((b) => ({ pointId: point.p.id, reportId: report.id, orgId: point.p.orgId, quarter, measure: b.measure, value: b.actual, op: b.op, threshold: b.value, level: b.level })),
    );
    await recordAudit(tx, who.audit, { action: before ? 'monitoring_report.update' : 'monitoring_report.submit', entityType: 'monitoring_point', entityId: point.p.id, orgId: point.p.orgId, before: before ? { values: before.values } : null, after: { quarter, via, values: v, warnings: raised.map((w) => w.measure) } });
    if (raised.length) {
      // Routed to the responsible street union: its admins hear of it at once.
      const managers = await listNearestManagers(tx, point.orgPath);
      await notify(tx, { to: { userIds: managers.map((m) => m.id) }, kind: 'rights_warning.raised', title: { key: 'RIGHTS_TELL_WARNING', params: { name: point.p.enterpriseName, quarter } }, link: '/admin/rights/warnings', orgId: point.p.orgId, sms: true, isConfidential: false });
      await announceTodoChange(tx, point.orgPath);
      await deps.onWarning?.(tx, point.p.creditCode, Number(quarter.slice(0, 4)));
    }
    return report;
  }

  return {
    // ---- 三员 ----
    async listTeam(q: { orgId?: string | undefined; role?: TeamRole | undefined; status?: 'active' | 'left' | undefined; q?: string | undefined; page: number; pageSize: number }, viewer: RightsStaff) {
      const underPath = await underPathOf(db, q.orgId, viewer.read);
      const { items, total } = await repo.pageTeam(db, { scope: viewer.read, underPath, role: q.role, status: q.status, q: q.q }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map(toTeamMember), total, page: q.page, pageSize: q.pageSize };
    },

    async teamCounts(orgId: string | undefined, viewer: RightsStaff) {
      const underPath = await underPathOf(db, orgId, viewer.read);
      const rows = await repo.countTeam(db, viewer.read, underPath);
      const n = (role: TeamRole) => rows.find((r) => r.role === role)?.n ?? 0;
      return { supervisor: n('supervisor'), informant: n('informant'), legal_supervisor: n('legal_supervisor') };
    },

    async addTeamMember(input: { orgId: string; role: TeamRole; name: string; phone?: string | undefined; employerName?: string | undefined; sinceOn?: string | undefined; note?: string | undefined }, viewer: RightsStaff) {
      const id = await db.transaction(async (tx) => {
        const o = await findOrgBrief(tx, input.orgId);
        if (!o || !isInScope(viewer.write, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
        const row = await repo.insertTeamMember(tx, { orgId: o.id, role: input.role, name: input.name, phone: input.phone ?? null, employerName: input.employerName ?? null, sinceOn: input.sinceOn ?? today(clock), note: input.note ?? null });
        await recordAudit(tx, viewer.audit, { action: 'team_member.create', entityType: 'team_member', entityId: row.id, orgId: o.id, after: { role: row.role, name: row.name, phone: maskPhone(row.phone) } });
        return row.id;
      });
      return toTeamMember((await repo.findTeamMember(db, id))!);
    },

    async updateTeamMember(id: string, input: { name?: string | undefined; phone?: string | undefined; employerName?: string | undefined; sinceOn?: string | undefined; note?: string | undefined; status?: 'active' | 'left' | undefined; version: number }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const current = await repo.findTeamMember(tx, id);
        if (!current || !isInScope(viewer.read, current.orgPath)) throw notFound('ENTITY_team_member');
        if (!isInScope(viewer.write, current.orgPath)) throw new AppError('FORBIDDEN');
        const { version, ...values } = input;
        const updated = await repo.updateTeamMemberIfVersion(tx, id, version, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
        if (!updated) throw versionConflict(version, current.m.version);
        const diff = diffSnapshots({ ...current.m, phone: maskPhone(current.m.phone) }, { ...updated, phone: maskPhone(updated.phone) });
        await recordAudit(tx, viewer.audit, { action: 'team_member.update', entityType: 'team_member', entityId: id, orgId: current.m.orgId, before: diff.before, after: diff.after });
      });
      return toTeamMember((await repo.findTeamMember(db, id))!);
    },

    // ---- points ----
    async listPoints(q: { orgId?: string | undefined; status?: 'active' | 'inactive' | undefined; overdue?: 'true' | 'false' | undefined; q?: string | undefined; page: number; pageSize: number }, viewer: RightsStaff) {
      const underPath = await underPathOf(db, q.orgId, viewer.read);
      const dueQuarter = previousQuarter(quarterOf(today(clock)));
      const { items, total } = await repo.pagePoints(db, { scope: viewer.read, underPath, status: q.status, q: q.q, missingQuarter: q.overdue === 'true' ? dueQuarter : undefined }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      let views = await Promise.all(items.map(pointView));
      // "Overdue" is decided per point (its district's due day): the SQL narrowed it to those missing the quarter.
      if (q.overdue === 'true') views = views.filter((p) => p.isOverdue);
      return { items: views, total: q.overdue === 'true' ? views.length : total, page: q.page, pageSize: q.pageSize };
    },

    async getPoint(id: string, viewer: RightsStaff) {
      const r = await repo.findPoint(db, id);
      if (!r || !isInScope(viewer.read, r.orgPath)) throw notFound('ENTITY_monitoring_point');
      return { point: await pointView(r), reports: await reportsOf(id) };
    },

    async addPoint(input: { orgId: string; enterpriseName: string; creditCode: string; address?: string | undefined; industry?: string | undefined; informantId?: string | undefined; sinceOn?: string | undefined }, viewer: RightsStaff) {
      const problem = checkCreditCode(input.creditCode);
      if (problem) throw fieldError('creditCode', problem);
      const id = await db.transaction(async (tx) => {
        const desk = await getDeskOrg(tx, input.orgId, viewer.write);
        if (await repo.findActivePointByCredit(tx, input.creditCode)) throw fieldError('creditCode', 'RIGHTS_POINT_DUPLICATE');
        await checkInformant(tx, input.informantId, desk.path);
        const row = await repo.insertPoint(tx, { orgId: desk.id, enterpriseName: input.enterpriseName, creditCode: input.creditCode, address: input.address ?? null, industry: input.industry ?? null, informantId: input.informantId ?? null, sinceOn: input.sinceOn ?? today(clock) });
        await recordAudit(tx, viewer.audit, { action: 'monitoring_point.create', entityType: 'monitoring_point', entityId: row.id, orgId: desk.id, after: { enterpriseName: row.enterpriseName, creditCode: row.creditCode, informantId: row.informantId } });
        return row.id;
      });
      return this.getPoint(id, viewer);
    },

    async updatePoint(id: string, input: { enterpriseName?: string | undefined; address?: string | undefined; industry?: string | undefined; informantId?: string | undefined; sinceOn?: string | undefined; status?: 'active' | 'inactive' | undefined; version: number }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const current = await repo.findPoint(tx, id);
        if (!current || !isInScope(viewer.read, current.orgPath)) throw notFound('ENTITY_monitoring_point');
        if (!isInScope(viewer.write, current.orgPath)) throw new AppError('FORBIDDEN');
        await checkInformant(tx, input.informantId, current.orgPath);
        const { version, ...values } = input;
        const updated = await repo.updatePointIfVersion(tx, id, version, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
        if (!updated) throw versionConflict(version, current.p.version);
        const diff = diffSnapshots(current.p as unknown as Record<string, unknown>, updated as unknown as Record<string, unknown>);
        await recordAudit(tx, viewer.audit, { action: 'monitoring_point.update', entityType: 'monitoring_point', entityId: id, orgId: current.p.orgId, before: diff.before, after: diff.after });
      });
      return this.getPoint(id, viewer);
    },

    async submitAsStaff(id: string, quarter: string, input: { values: ReportValues; note?: string | undefined }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const point = await repo.findPoint(tx, id);
        if (!point || !isInScope(viewer.read, point.orgPath)) throw notFound('ENTITY_monitoring_point');
        if (!isInScope(viewer.write, point.orgPath)) throw new AppError('FORBIDDEN');
        await submit(tx, point, quarter, input, viewer, 'console');
      });
      return this.getPoint(id, viewer);
    },

    // ---- the informant on the phone ----
    async myPoints(worker: RightsWorker) {
      const phone = await phoneOf(worker.userId);
      if (!phone) return [];
      const rows = await repo.listPointsOfInformantPhone(db, phone);
      return Promise.all(
        rows.map(async (r) => {
          const settings = await settingsFor(db, r.orgPath);
          const dueQuarter = previousQuarter(quarterOf(today(clock)));
          const reports = await reportsOf(r.p.id);
          return { id: r.p.id, enterpriseName: r.p.enterpriseName, orgName: r.orgName, dueQuarter, dueOn: reportDueOn(dueQuarter, settings.reportDueDay), isDueSubmitted: reports.some((x) => x.quarter === dueQuarter), reports: reports.slice(0, 4) };
        }),
      );
    },

    async submitAsInformant(id: string, quarter: string, input: { values: ReportValues; note?: string | undefined }, worker: RightsWorker) {
      const phone = await phoneOf(worker.userId);
      await db.transaction(async (tx) => {
        const mine = phone ? await repo.listPointsOfInformantPhone(tx, phone) : [];
        if (!mine.some((r) => r.p.id === id)) throw notFound('ENTITY_monitoring_point');
        await submit(tx, (await repo.findPoint(tx, id))!, quarter, input, worker, 'phone');
      });
      return (await this.myPoints(worker)).find((p) => p.id === id)!;
    },

    // ---- warnings ----
    async listWarnings(q: { orgId?: string | undefined; status?: 'open' | 'handled' | undefined; quarter?: string | undefined; page: number; pageSize: number }, viewer: RightsStaff) {
      const underPath = await underPathOf(db, q.orgId, viewer.read);
      const { items, total } = await repo.pageWarnings(db, { scope: viewer.read, underPath, status: q.status, quarter: q.quarter }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map(toWarning), total, page: q.page, pageSize: q.pageSize };
    },

    async handleWarning(id: string, note: string, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const w = await repo.findWarning(tx, id);
        if (!w || !isInScope(viewer.read, w.orgPath)) throw notFound('ENTITY_warning');
        if (!isInScope(viewer.write, w.orgPath)) throw new AppError('FORBIDDEN');
        // The update is conditional on the warning still being open: of two staff handling it at
        // once, the second gets the 409 rather than overwriting the first one's note.
        if (w.w.status !== 'open' || (await repo.handleWarnings(tx, [id], { handledBy: viewer.userId, handlingNote: note })) === 0) throw new AppError('RIGHTS_WARNING_HANDLED', { status: 409 });
        await recordAudit(tx, viewer.audit, { action: 'rights_warning.handle', entityType: 'rights_warning', entityId: id, orgId: w.w.orgId, before: { status: 'open' }, after: { status: 'handled', note } });
        await announceTodoChange(tx, w.w.orgId);
      });
      return toWarning((await repo.findWarning(db, id))!);
    },

    /** Quarterly-form reminders to informants (7, 3, 1 days before the due day; once when overdue). */
    async sweepReports(at: Date = clock()): Promise<number> {
      const now = today(() => at);
      const dueQuarter = previousQuarter(quarterOf(now));
      let sent = 0;
      for (const r of await repo.listActivePoints(db)) {
        if (r.p.sinceOn > quarterEnd(dueQuarter) || (await repo.findReport(db, r.p.id, dueQuarter))) continue;
        const settings = await settingsFor(db, r.orgPath);
        const dueOn = reportDueOn(dueQuarter, settings.reportDueDay);
        const band = reminderBand(daysBetween(now, dueOn));
        if (band === null) continue;
        await db.transaction(async (tx) => {
          if (!(await remindersRepo.insertPointReminder(tx, { pointId: r.p.id, quarter: dueQuarter, daysBefore: band, sentAt: at }))) return;
          const informant = r.p.informantId ? await repo.findTeamMember(tx, r.p.informantId) : undefined;
          const user = informant?.m.phone ? (await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.phone, informant.m.phone)).limit(1))[0] : undefined;
          const managers = band === 0 ? await listNearestManagers(tx, r.orgPath) : [];
          await notify(tx, { to: { userIds: [user?.id, ...managers.map((m) => m.id)] }, kind: 'monitoring_report.due', title: { key: 'RIGHTS_TELL_REPORT_DUE', params: { quarter: dueQuarter, due: dueOn } }, link: '/m/monitoring', orgId: r.p.orgId, sms: true });
          sent++;
        });
      }
      return sent;
    },

  };

  async function phoneOf(userId: string): Promise<string | null> {
    return (await db.select({ phone: appUser.phone }).from(appUser).where(eq(appUser.id, userId)).limit(1))[0]?.phone ?? null;
  }
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
