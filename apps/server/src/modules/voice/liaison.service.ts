import type {
  CreateLiaisonAssignment,
  CreateLiaisonVisit,
  LiaisonAssignment,
  LiaisonCadre,
  LiaisonFigures,
  LiaisonKind,
  LiaisonProblem,
  LiaisonProblemStatus,
  LiaisonVisit,
  Page,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { addDays, shanghaiDateOf } from '../../platform/holidays/dates';
import { notify } from '../../platform/notifications';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { assertOwnPhotos } from '../stars';
import * as repo from './liaison.repository';

export type LiaisonCtx = { userId: string; read: Scope; write: Scope; audit: AuditContext };
type PageQuery = { page: number; pageSize: number };

export const problemNumber = (seq: number) => `DK${String(seq).padStart(6, '0')}`;
/** How far back a visit may be logged, and how far ahead a problem may be due. */
const VISIT_BACK_DAYS = 366;
const DUE_AHEAD_DAYS = 366;

const pageOf = (q: PageQuery) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** 对口联系: cadres assigned to unions below them, their visits and the problems they found, until resolved. */
export function createLiaisonService({ db, clock }: { db: Db; clock: Clock }) {
  const today = () => shanghaiDateOf(clock());

  const toProblem = (r: repo.ProblemJoined, now: string): LiaisonProblem => ({
    id: r.p.id,
    number: problemNumber(r.p.seq),
    visitId: r.p.visitId,
    visitedOn: r.visitedOn,
    cadreId: r.p.cadreId,
    cadreName: r.cadreName,
    orgId: r.p.orgId,
    orgName: r.orgName,
    description: r.p.description,
    ownerId: r.p.ownerId,
    ownerName: r.ownerName,
    dueOn: r.p.dueOn,
    status: r.p.status as LiaisonProblemStatus,
    isOverdue: r.p.status !== 'resolved' && r.p.dueOn < now,
    latestNote: r.p.latestNote,
    resolvedAt: r.p.resolvedAt ? r.p.resolvedAt.toISOString() : null,
    createdAt: r.p.createdAt.toISOString(),
    version: r.p.version,
  });

  /** A cadre: union staff at a union in `scope`, else a field error. */
  async function cadreIn(tx: Db, scope: Scope, userId: string, field: string) {
    const found = (await repo.staffGrantsOf(tx, userId)).find((g) => isInScope(scope, g.orgPath));
    if (!found) throw fieldError(field, 'LIAISON_NOT_STAFF');
    return found;
  }

  /**
   * A problem's owner: union staff at the visited union or above it — someone who sees it and can act
   * on it (staff of a union below would not see a problem filed at the street above them).
   */
  async function ownerFor(tx: Db, orgPath: string, userId: string, field: string) {
    const found = (await repo.staffGrantsOf(tx, userId)).find((g) => orgPath.startsWith(g.orgPath));
    if (!found) throw fieldError(field, 'LIAISON_NOT_STAFF');
    return found;
  }

  async function listCadres(ctx: LiaisonCtx): Promise<LiaisonCadre[]> {
    const rows = await repo.listStaffInScope(db, ctx.read);
    return rows.map(({ id, displayName, orgId, orgName }) => ({ id, displayName, orgId, orgName })).sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  }

  async function listAssignments(q: PageQuery & { cadreId?: string | undefined; orgId?: string | undefined; isActive?: boolean | undefined }, ctx: LiaisonCtx): Promise<Page<LiaisonAssignment>> {
    const now = today();
    const { items, total } = await repo.pageAssignments(db, { scope: ctx.read, cadreId: q.cadreId, orgId: q.orgId, isActive: q.isActive }, now, pageOf(q));
    return {
      items: items.map((r) => ({
        id: r.a.id,
        kind: r.a.kind as LiaisonKind,
        cadreId: r.a.cadreId,
        cadreName: r.cadreName,
        orgId: r.a.orgId,
        orgName: r.orgName,
        note: r.a.note,
        startedOn: r.a.startedOn,
        endedOn: r.a.endedOn,
        visits: r.visits,
        lastVisitOn: r.lastVisitOn,
        openProblems: r.openProblems,
        overdueProblems: r.overdueProblems,
        version: r.a.version,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * Assigns a cadre to a union: the union is in the caller's write scope, the cadre is union staff
   * in it and works above the union (not at the union itself). One active assignment per pair.
   */
  async function assign(input: CreateLiaisonAssignment, ctx: LiaisonCtx): Promise<{ id: string }> {
    return db.transaction(async (tx) => {
      const target = await repo.findOrg(tx, input.orgId);
      if (!target || target.status !== 'active' || !isInScope(ctx.write, target.path)) throw fieldError('orgId', 'LIAISON_ORG_OUT_OF_SCOPE');
      const cadre = await cadreIn(tx, ctx.write, input.cadreId, 'cadreId');
      if (!target.path.startsWith(cadre.orgPath) || target.path === cadre.orgPath) throw fieldError('orgId', 'LIAISON_ORG_NOT_BELOW');
      if (await repo.findActiveAssignment(tx, cadre.id, target.id)) throw new AppError('LIAISON_ALREADY_ASSIGNED', { status: 409 });
      // Two staff assigning the same pair at once: the partial unique index lets one through.
      const row = await repo.insertAssignment(tx, { orgId: target.id, cadreId: cadre.id, kind: input.kind, note: input.note || null, startedOn: today(), createdBy: ctx.userId }).catch((e: unknown) => {
        if (uniqueViolationOf(e)) throw new AppError('LIAISON_ALREADY_ASSIGNED', { status: 409 });
        throw e;
      });
      await recordAudit(tx, ctx.audit, { action: 'liaison.assigned', entityType: 'liaison_assignment', entityId: row.id, orgId: target.id, after: { cadre: cadre.displayName, kind: input.kind } });
      await notify(tx, {
        to: { userIds: [cadre.id] },
        kind: 'liaison.assigned',
        orgId: target.id,
        title: { 'zh-CN': `您已被安排${input.kind === 'area' ? '包片' : '对口'}联系${target.name}`, en: `You now liaise with ${target.name}` },
        link: '/admin/voice/liaison',
        entity: { type: 'liaison_assignment', id: row.id },
        exceptUserId: ctx.userId,
      });
      return { id: row.id };
    });
  }

  async function endAssignment(id: string, version: number, ctx: LiaisonCtx): Promise<void> {
    await db.transaction(async (tx) => {
      const found = await repo.findAssignment(tx, id);
      if (!found || !isInScope(ctx.write, found.orgPath)) throw notFound('ENTITY_liaison_assignment');
      if (found.a.endedOn) throw new AppError('LIAISON_ASSIGNMENT_ENDED', { status: 409 });
      const ended = await repo.endAssignmentIfVersion(tx, id, version, today(), clock());
      if (!ended) throw versionConflict(version, found.a.version);
      await recordAudit(tx, ctx.audit, { action: 'liaison.ended', entityType: 'liaison_assignment', entityId: id, orgId: found.a.orgId, after: { endedOn: ended.endedOn } });
    });
  }

  /**
   * Logs a visit under an active assignment, with the problems found. The cadre logs their own
   * visits; the staff of the union above may log one for them. A visit is dated today or before.
   */
  async function logVisit(input: CreateLiaisonVisit, ctx: LiaisonCtx): Promise<LiaisonVisit & { problemIds: string[] }> {
    return db.transaction(async (tx) => {
      const now = today();
      const found = await repo.findAssignment(tx, input.assignmentId);
      if (!found || !(found.a.cadreId === ctx.userId || isInScope(ctx.write, found.orgPath)) || !isInScope(ctx.read, found.orgPath)) throw notFound('ENTITY_liaison_assignment');
      if (found.a.endedOn) throw new AppError('LIAISON_ASSIGNMENT_ENDED', { status: 409 });
      if (input.visitedOn > now || input.visitedOn < addDays(now, -VISIT_BACK_DAYS) || input.visitedOn < found.a.startedOn) throw fieldError('visitedOn', 'LIAISON_VISIT_DATE');
      for (const [i, p] of input.problems.entries()) {
        if (p.dueOn < input.visitedOn || p.dueOn > addDays(now, DUE_AHEAD_DAYS)) throw fieldError(`problems.${i}.dueOn`, 'LIAISON_DUE_DATE');
      }
      const checked = new Set<string>([found.a.cadreId]);
      for (const [i, p] of input.problems.entries()) {
        if (p.ownerId && !checked.has(p.ownerId)) {
          await ownerFor(tx, found.orgPath, p.ownerId, `problems.${i}.ownerId`);
          checked.add(p.ownerId);
        }
      }
      const photoIds = await assertOwnPhotos(tx, input.photoIds, ctx.userId);
      const visit = await repo.insertVisit(tx, { assignmentId: found.a.id, orgId: found.a.orgId, cadreId: found.a.cadreId, visitedOn: input.visitedOn, summary: input.summary, photoIds });
      const problems = await repo.insertProblems(
        tx,
        input.problems.map((p) => ({ visitId: visit.id, orgId: found.a.orgId, cadreId: found.a.cadreId, ownerId: p.ownerId ?? found.a.cadreId, description: p.description, dueOn: p.dueOn })),
      );
      await recordAudit(tx, ctx.audit, {
        action: 'liaison.visit_logged',
        entityType: 'liaison_visit',
        entityId: visit.id,
        orgId: found.a.orgId,
        after: { visitedOn: visit.visitedOn, problems: problems.length },
      });
      for (const p of problems) {
        if (p.ownerId === ctx.userId) continue;
        await notify(tx, {
          to: { userIds: [p.ownerId] },
          kind: 'liaison.problem_owned',
          orgId: p.orgId,
          title: { 'zh-CN': `对口联系问题（${problemNumber(p.seq)}）由您负责`, en: `A liaison problem (${problemNumber(p.seq)}) is yours to resolve` },
          body: { 'zh-CN': `${found.orgName}：${p.description.slice(0, 60)}，${p.dueOn} 前`, en: `${found.orgName}: ${p.description.slice(0, 60)}, due ${p.dueOn}` },
          link: `/admin/voice/liaison?tab=problems&problem=${p.id}`,
          entity: { type: 'liaison_problem', id: p.id },
        });
      }
      return {
        id: visit.id,
        assignmentId: visit.assignmentId,
        cadreId: visit.cadreId,
        cadreName: found.cadreName,
        orgId: visit.orgId,
        orgName: found.orgName,
        visitedOn: visit.visitedOn,
        summary: visit.summary,
        photoIds: visit.photoIds,
        problems: problems.length,
        createdAt: visit.createdAt.toISOString(),
        problemIds: problems.map((p) => p.id),
      };
    });
  }

  async function listVisits(q: PageQuery & { cadreId?: string | undefined; orgId?: string | undefined; assignmentId?: string | undefined }, ctx: LiaisonCtx): Promise<Page<LiaisonVisit>> {
    const { items, total } = await repo.pageVisits(db, { scope: ctx.read, cadreId: q.cadreId, orgId: q.orgId, assignmentId: q.assignmentId }, pageOf(q));
    return {
      items: items.map((r) => ({
        id: r.v.id,
        assignmentId: r.v.assignmentId,
        cadreId: r.v.cadreId,
        cadreName: r.cadreName,
        orgId: r.v.orgId,
        orgName: r.orgName,
        visitedOn: r.v.visitedOn,
        summary: r.v.summary,
        photoIds: r.v.photoIds,
        problems: r.problems,
        createdAt: r.v.createdAt.toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async function listProblems(q: PageQuery & Omit<repo.ProblemFilter, 'scope'>, ctx: LiaisonCtx): Promise<Page<LiaisonProblem>> {
    const now = today();
    const { items, total } = await repo.pageProblems(db, { ...q, scope: ctx.read }, now, pageOf(q));
    return { items: items.map((r) => toProblem(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async function getProblem(id: string, ctx: LiaisonCtx): Promise<LiaisonProblem> {
    const r = await repo.findProblem(db, id);
    if (!r || !isInScope(ctx.read, r.orgPath)) throw notFound('ENTITY_liaison_problem');
    return toProblem(r, today());
  }

  /**
   * One step on a problem: progress (a note, 处理中), resolve (a note, 已解决) or reopen. The owner,
   * the cadre and the staff who hold the union in their write scope may act.
   */
  async function step(id: string, kind: 'progress' | 'resolve' | 'reopen', input: { version: number; note: string }, ctx: LiaisonCtx): Promise<LiaisonProblem> {
    return db.transaction(async (tx) => {
      const r = await repo.findProblem(tx, id, { forUpdate: true });
      if (!r || !isInScope(ctx.read, r.orgPath)) throw notFound('ENTITY_liaison_problem');
      if (!(isInScope(ctx.write, r.orgPath) || r.p.ownerId === ctx.userId || r.p.cadreId === ctx.userId)) throw new AppError('FORBIDDEN', { status: 403 });
      const allowed: Record<typeof kind, string[]> = { progress: ['open', 'in_progress'], resolve: ['open', 'in_progress'], reopen: ['resolved'] };
      if (!allowed[kind].includes(r.p.status)) throw new AppError('LIAISON_PROBLEM_STATUS', { status: 409 });
      const now = clock();
      const set =
        kind === 'resolve'
          ? { status: 'resolved', latestNote: input.note, resolvedAt: now, resolvedBy: ctx.userId }
          : kind === 'reopen'
            ? { status: 'open', latestNote: input.note, resolvedAt: null, resolvedBy: null }
            : { status: 'in_progress', latestNote: input.note };
      const updated = await repo.updateProblemIfVersion(tx, id, input.version, set, now);
      if (!updated) throw versionConflict(input.version, r.p.version);
      await recordAudit(tx, ctx.audit, {
        action: `liaison.problem_${kind === 'resolve' ? 'resolved' : kind === 'reopen' ? 'reopened' : 'progress'}`,
        entityType: 'liaison_problem',
        entityId: id,
        orgId: r.p.orgId,
        before: { status: r.p.status },
        after: { status: updated.status, note: input.note },
      });
      if (kind === 'resolve') {
        await notify(tx, {
          to: { userIds: [r.p.cadreId, r.p.ownerId] },
          kind: 'liaison.problem_resolved',
          orgId: r.p.orgId,
          title: { 'zh-CN': `对口联系问题（${problemNumber(r.p.seq)}）已解决`, en: `Liaison problem ${problemNumber(r.p.seq)} resolved` },
          body: { 'zh-CN': `${r.orgName}：${input.note.slice(0, 80)}`, en: `${r.orgName}: ${input.note.slice(0, 80)}` },
          link: `/admin/voice/liaison?tab=problems&problem=${id}`,
          entity: { type: 'liaison_problem', id },
          exceptUserId: ctx.userId,
        });
      }
      return toProblem({ ...r, p: updated }, today());
    });
  }

  /** Changes a problem's owner or due date (the union above, or the cadre who found it). */
  async function update(id: string, input: { version: number; ownerId?: string | undefined; dueOn?: string | undefined }, ctx: LiaisonCtx): Promise<LiaisonProblem> {
    return db.transaction(async (tx) => {
      const r = await repo.findProblem(tx, id, { forUpdate: true });
      if (!r || !isInScope(ctx.read, r.orgPath)) throw notFound('ENTITY_liaison_problem');
      if (!(isInScope(ctx.write, r.orgPath) || r.p.cadreId === ctx.userId)) throw new AppError('FORBIDDEN', { status: 403 });
      if (r.p.status === 'resolved') throw new AppError('LIAISON_PROBLEM_STATUS', { status: 409 });
      if (input.dueOn && (input.dueOn < r.visitedOn || input.dueOn > addDays(today(), DUE_AHEAD_DAYS))) throw fieldError('dueOn', 'LIAISON_DUE_DATE');
      let ownerName = r.ownerName;
      if (input.ownerId && input.ownerId !== r.p.ownerId) {
        ownerName = (await ownerFor(tx, r.orgPath, input.ownerId, 'ownerId')).displayName;
      }
      const updated = await repo.updateProblemIfVersion(tx, id, input.version, { ...(input.ownerId ? { ownerId: input.ownerId } : {}), ...(input.dueOn ? { dueOn: input.dueOn } : {}) }, clock());
      if (!updated) throw versionConflict(input.version, r.p.version);
      await recordAudit(tx, ctx.audit, {
        action: 'liaison.problem_changed',
        entityType: 'liaison_problem',
        entityId: id,
        orgId: r.p.orgId,
        before: { owner: r.ownerName, dueOn: r.p.dueOn },
        after: { owner: ownerName, dueOn: updated.dueOn },
      });
      return toProblem({ ...r, p: updated, ownerName }, today());
    });
  }

  /** Per cadre in the period (default: this year so far) and per union with open problems. */
  async function figures(q: { from?: string | undefined; to?: string | undefined }, ctx: LiaisonCtx): Promise<LiaisonFigures> {
    const now = today();
    const to = q.to ?? now;
    const from = q.from ?? `${now.slice(0, 4)}-01-01`;
    if (from > to) throw fieldError('from', 'LIAISON_PERIOD');
    const [cadres, orgs] = await Promise.all([repo.figuresByCadre(db, ctx.read, from, to, now), repo.openByOrg(db, ctx.read, now)]);
    return {
      from,
      to,
      cadres: cadres.map((c) => ({
        cadreId: c.cadre_id,
        cadreName: c.cadre_name,
        assignments: Number(c.assignments),
        visits: Number(c.visits),
        problemsFound: Number(c.found),
        problemsResolved: Number(c.resolved),
        problemsOpen: Number(c.open),
        problemsOverdue: Number(c.overdue),
      })),
      orgs,
    };
  }

  return { listCadres, listAssignments, assign, endAssignment, logVisit, listVisits, listProblems, getProblem, step, update, figures };
}
export type LiaisonService = ReturnType<typeof createLiaisonService>;
