import type { CreateEnterprise, EnterpriseDetail, EnterprisePoints, FoundUnion, ListEnterprisesQuery, Step, UnionStatus, UpdateEnterprise } from '@niangjia/contracts';

const MAP_POINTS_MAX = 5_000;
import type { z } from 'zod';
import type { createMeetingSchema, createStepSchema } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { notify } from '../../platform/notifications';
import { fieldError } from '../../platform/validation';
import { checkCreditCode, createOrgsService, findOrgById } from '../orgs';
import { assertOwnPhotos } from '../stars';
import * as repo from './organizing.repository';
import { assertVisible, ENTERPRISE_AREA_TYPES, orgRef, shanghaiDay, snapshotOf, toEnterprise, type OrganizingActor } from './organizing.shared';

export type EnterprisesDeps = { db: Db; clock?: () => Date };

export function toStep(r: repo.StepWithRefs, today: string): Step {
  return {
    id: r.s.id,
    enterprise: { id: r.s.enterpriseId, name: r.enterpriseName, org: orgRef(r.org) },
    title: r.s.title,
    dueOn: r.s.dueOn,
    assignee: r.s.assigneeId && r.assigneeName ? { id: r.s.assigneeId, name: r.assigneeName } : null,
    doneAt: r.s.doneAt?.toISOString() ?? null,
    isOverdue: !r.s.doneAt && r.s.dueOn < today,
  };
}

/** Checks an enterprise's own fields: the credit code (GB 32100, the orgs module's rule) and the map point. */
function checkFields(input: { creditCode?: string | undefined; lng?: number | null | undefined; lat?: number | null | undefined }) {
  if (input.creditCode !== undefined) {
    const problem = checkCreditCode(input.creditCode);
    if (problem) throw fieldError('creditCode', problem);
  }
}

export function createEnterprisesService({ db, clock = () => new Date() }: EnterprisesDeps) {
  const today = () => shanghaiDay(clock());

  async function areaOrg(tx: Db, orgId: string, actor: OrganizingActor) {
    const area = await findOrgById(tx, orgId);
    if (!area || !isInScope(actor.write, area.path)) {
      throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
    }
    if (!ENTERPRISE_AREA_TYPES.includes(area.type)) throw fieldError('orgId', 'ENTERPRISE_ORG_TYPE');
    return area;
  }

  async function getWritable(tx: Db, id: string, actor: OrganizingActor, version?: number) {
    await repo.lockEnterprise(tx, id);
    const r = assertVisible(await repo.findEnterprise(tx, id, today()), actor.write);
    if (version !== undefined && r.e.version !== version) throw versionConflict(version, r.e.version);
    return r;
  }

  async function event(tx: Db, enterpriseId: string, actor: OrganizingActor, kind: string, extra: { fromStatus?: string | null; toStatus?: string | null; note?: string | null } = {}) {
    await repo.insertEvent(tx, { enterpriseId, kind, actorId: actor.userId, actorName: actor.name, at: clock(), ...extra });
  }

  /** Moves the contact status forward (never back): a first meeting marks 已联系. */
  async function advanceContact(tx: Db, r: repo.EnterpriseWithRefs, actor: OrganizingActor) {
    if (r.e.contactStatus !== 'not_contacted') return;
    await repo.updateEnterpriseIfVersion(tx, r.e.id, r.e.version, { contactStatus: 'contacted' });
    await event(tx, r.e.id, actor, 'status', { fromStatus: 'not_contacted', toStatus: 'contacted' });
  }

  return {
    async list(q: ListEnterprisesQuery, actor: OrganizingActor) {
      let underPath: string | undefined;
      if (q.orgId) {
        const node = await findOrgById(db, q.orgId);
        if (!node || !isInScope(actor.read, node.path)) throw notFound('ENTITY_org');
        underPath = node.path;
      }
      const { items, total } = await repo.listEnterprises(
        db,
        {
          scope: actor.read,
          underPath,
          unionStatus: q.unionStatus,
          contactStatus: q.contactStatus,
          hasGigWorkers: q.hasGigWorkers === undefined ? undefined : q.hasGigWorkers === 'true',
          q: q.q,
          page: q.page,
          pageSize: q.pageSize,
        },
        today(),
      );
      return { items: items.map(toEnterprise), total, page: q.page, pageSize: q.pageSize };
    },

    /** The map of union status: points under a node in scope (at most MAP_POINTS_MAX). */
    async points(q: { orgId?: string | undefined; unionStatus?: UnionStatus | undefined }, actor: OrganizingActor): Promise<EnterprisePoints> {
      let underPath: string | undefined;
      if (q.orgId) {
        const node = await findOrgById(db, q.orgId);
        if (!node || !isInScope(actor.read, node.path)) throw notFound('ENTITY_org');
        underPath = node.path;
      }
      const { rows, total } = await repo.listEnterprisePoints(db, { scope: actor.read, underPath, unionStatus: q.unionStatus }, MAP_POINTS_MAX + 1);
      const items = rows.slice(0, MAP_POINTS_MAX).map((r) => ({ id: r.id, name: r.name, lng: r.lng!, lat: r.lat!, unionStatus: r.unionStatus as UnionStatus }));
      return { items, total, isTruncated: rows.length > MAP_POINTS_MAX };
    },

    /** Every enterprise under a node in scope, for the .xlsx export (at most 20,000). */
    async listForExport(orgId: string, actor: OrganizingActor) {
      const node = await findOrgById(db, orgId);
      if (!node || !isInScope(actor.read, node.path)) throw notFound('ENTITY_org');
      return (await repo.listAllEnterprises(db, { scope: actor.read, underPath: node.path }, today(), 20_000)).map(toEnterprise);
    },

    async get(id: string, actor: OrganizingActor): Promise<EnterpriseDetail> {
      const r = assertVisible(await repo.findEnterprise(db, id, today()), actor.read);
      const [events, meetings, steps] = await Promise.all([repo.listEvents(db, id), repo.listMeetings(db, id), repo.listSteps(db, id)]);
      const day = today();
      return {
        ...toEnterprise(r),
        events: events.map((e) => ({ id: e.id, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, actorName: e.actorName, at: e.at.toISOString() })),
        meetings: meetings.map((m) => ({
          id: m.id,
          enterpriseId: m.enterpriseId,
          kind: m.kind as 'visit',
          heldOn: m.heldOn,
          attendance: m.attendance,
          notes: m.notes,
          photoIds: m.photoIds,
          createdByName: m.createdByName,
          createdAt: m.createdAt.toISOString(),
        })),
        steps: steps.map((s) => toStep(s, day)),
      };
    },

    async create(input: CreateEnterprise, actor: OrganizingActor) {
      checkFields(input);
      return db.transaction(async (tx) => {
        const area = await areaOrg(tx, input.orgId, actor);
        const gigWorkers = input.gigWorkers ?? 0;
        const row = await repo.insertEnterprise(tx, {
          orgId: area.id,
          name: input.name,
          creditCode: input.creditCode,
          address: input.address ?? null,
          lng: input.lng ?? null,
          lat: input.lat ?? null,
          industry: input.industry ?? null,
          sizeBand: input.sizeBand ?? null,
          ownership: input.ownership ?? null,
          headcount: input.headcount ?? null,
          gigWorkers,
          hasGigWorkers: gigWorkers > 0,
          gigKind: input.gigKind ?? null,
          source: 'manual',
        });
        await event(tx, row.id, actor, 'created');
        await recordAudit(tx, actor.audit, { action: 'enterprise.create', entityType: 'enterprise', entityId: row.id, orgId: area.id, after: snapshotOf(row) });
        return toEnterprise((await repo.findEnterprise(tx, row.id, today()))!);
      });
    },

    async update(id: string, input: UpdateEnterprise, actor: OrganizingActor) {
      checkFields(input);
      return db.transaction(async (tx) => {
        const current = await getWritable(tx, id, actor, input.version);
        const { version, ...changes } = input;
        const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<repo.EnterpriseInsert>;
        if (changes.gigWorkers !== undefined) set.hasGigWorkers = changes.gigWorkers > 0;
        const updated = await repo.updateEnterpriseIfVersion(tx, id, version, set);
        if (!updated) throw versionConflict(version, current.e.version);
        await event(tx, id, actor, 'updated');
        await recordAudit(tx, actor.audit, {
          action: 'enterprise.update',
          entityType: 'enterprise',
          entityId: id,
          orgId: current.e.orgId,
          ...diffSnapshots(snapshotOf(current.e), snapshotOf(updated)),
        });
        return toEnterprise((await repo.findEnterprise(tx, id, today()))!);
      });
    },

    /** 成立筹备: the drive to found a union at the enterprise has started. */
    async startFounding(id: string, input: { version: number; note?: string | undefined }, actor: OrganizingActor) {
      return db.transaction(async (tx) => {
        const current = await getWritable(tx, id, actor, input.version);
        if (current.e.unionStatus === 'founded') throw new AppError('ENTERPRISE_ALREADY_FOUNDED', { status: 409 });
        const updated = await repo.updateEnterpriseIfVersion(tx, id, input.version, { unionStatus: 'founding', contactStatus: 'founding' });
        if (!updated) throw versionConflict(input.version, current.e.version);
        await event(tx, id, actor, 'status', { fromStatus: current.e.contactStatus, toStatus: 'founding', note: input.note ?? null });
        await recordAudit(tx, actor.audit, {
          action: 'enterprise.start_founding',
          entityType: 'enterprise',
          entityId: id,
          orgId: current.e.orgId,
          before: { unionStatus: current.e.unionStatus },
          after: { unionStatus: 'founding' },
        });
        return toEnterprise((await repo.findEnterprise(tx, id, today()))!);
      });
    },

    /**
     * 建会: links an existing grassroots union (its credit code must be the enterprise's) or creates
     * one through the orgs module (its checks, its audit) in the same transaction.
     */
    async found(id: string, input: FoundUnion, actor: OrganizingActor) {
      return db.transaction(async (tx) => {
        const current = await getWritable(tx, id, actor, input.version);
        if (current.e.unionStatus === 'founded') throw new AppError('ENTERPRISE_ALREADY_FOUNDED', { status: 409 });
        let unionId: string;
        if (input.unionOrgId) {
          const union = await findOrgById(tx, input.unionOrgId);
          if (!union || !isInScope(actor.write, union.path) || union.type !== 'grassroots') {
            throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'unionOrgId', message: 'NOT_FOUND' }] });
          }
          if (union.creditCode !== current.e.creditCode) throw new AppError('ENTERPRISE_UNION_MISMATCH', { status: 409, errors: [{ path: 'unionOrgId', message: 'ENTERPRISE_UNION_MISMATCH' }] });
          unionId = union.id;
        } else if (input.parentOrgId) {
          const created = await createOrgsService({ db: tx }).createOrg(
            {
              parentId: input.parentOrgId,
              type: 'grassroots',
              code: input.code ?? `E-${current.e.creditCode}`,
              name: input.name ?? `${current.e.name}工会`,
              creditCode: current.e.creditCode,
              address: current.e.address ?? undefined,
              foundedOn: input.foundedOn,
            },
            { scope: actor.write, audit: actor.audit },
          );
          unionId = created.id;
        } else {
          throw new AppError('ENTERPRISE_FOUND_TARGET', { status: 400, errors: [{ path: 'parentOrgId', message: 'ENTERPRISE_FOUND_TARGET' }] });
        }
        const updated = await repo.updateEnterpriseIfVersion(tx, id, input.version, { unionStatus: 'founded', contactStatus: 'founded', unionOrgId: unionId, foundedOn: input.foundedOn });
        if (!updated) throw versionConflict(input.version, current.e.version);
        await event(tx, id, actor, 'status', { fromStatus: current.e.contactStatus, toStatus: 'founded' });
        await recordAudit(tx, actor.audit, {
          action: 'enterprise.found',
          entityType: 'enterprise',
          entityId: id,
          orgId: current.e.orgId,
          before: { unionStatus: current.e.unionStatus },
          after: { unionStatus: 'founded', unionOrgId: unionId, foundedOn: input.foundedOn },
        });
        return toEnterprise((await repo.findEnterprise(tx, id, today()))!);
      });
    },

    async listCadres(id: string, actor: OrganizingActor) {
      const r = assertVisible(await repo.findEnterprise(db, id, today()), actor.write);
      return repo.listCadres(db, r.org.path);
    },

    /** Assigns the enterprise to a cadre: a staff member whose grant covers its area (or above it). */
    async assign(id: string, input: { userId: string | null; version: number }, actor: OrganizingActor) {
      return db.transaction(async (tx) => {
        const current = await getWritable(tx, id, actor, input.version);
        if (input.userId && !(await repo.isCadreOf(tx, input.userId, current.org.path))) {
          throw new AppError('ORGANIZING_CADRE_INVALID', { status: 400, errors: [{ path: 'userId', message: 'ORGANIZING_CADRE_INVALID' }] });
        }
        const updated = await repo.updateEnterpriseIfVersion(tx, id, input.version, { cadreId: input.userId });
        if (!updated) throw versionConflict(input.version, current.e.version);
        await event(tx, id, actor, 'assigned');
        await recordAudit(tx, actor.audit, {
          action: 'enterprise.assign',
          entityType: 'enterprise',
          entityId: id,
          orgId: current.e.orgId,
          before: { cadreId: current.e.cadreId },
          after: { cadreId: input.userId },
        });
        return toEnterprise((await repo.findEnterprise(tx, id, today()))!);
      });
    },

    async addMeeting(id: string, input: z.infer<typeof createMeetingSchema>, actor: OrganizingActor) {
      if (input.heldOn > today()) throw fieldError('heldOn', 'ORGANIZING_DATE_FUTURE');
      return db.transaction(async (tx) => {
        const current = await getWritable(tx, id, actor);
        const photoIds = await assertOwnPhotos(tx, input.photoIds ?? [], actor.userId);
        const m = await repo.insertMeeting(tx, {
          enterpriseId: id,
          kind: input.kind,
          heldOn: input.heldOn,
          attendance: input.attendance,
          notes: input.notes ?? null,
          photoIds,
          createdBy: actor.userId,
          createdByName: actor.name,
        });
        await event(tx, id, actor, 'meeting', { note: input.kind });
        await advanceContact(tx, current, actor);
        await recordAudit(tx, actor.audit, {
          action: 'enterprise.meeting',
          entityType: 'enterprise',
          entityId: id,
          orgId: current.e.orgId,
          after: { kind: m.kind, heldOn: m.heldOn, attendance: m.attendance },
        });
        return {
          id: m.id,
          enterpriseId: id,
          kind: input.kind,
          heldOn: m.heldOn,
          attendance: m.attendance,
          notes: m.notes,
          photoIds: m.photoIds,
          createdByName: m.createdByName,
          createdAt: m.createdAt.toISOString(),
        };
      });
    },

    async addStep(id: string, input: z.infer<typeof createStepSchema>, actor: OrganizingActor): Promise<Step> {
      return db.transaction(async (tx) => {
        const current = await getWritable(tx, id, actor);
        if (input.assigneeId && !(await repo.isCadreOf(tx, input.assigneeId, current.org.path))) {
          throw new AppError('ORGANIZING_CADRE_INVALID', { status: 400, errors: [{ path: 'assigneeId', message: 'ORGANIZING_CADRE_INVALID' }] });
        }
        const s = await repo.insertStep(tx, { enterpriseId: id, title: input.title, dueOn: input.dueOn, assigneeId: input.assigneeId ?? null });
        await event(tx, id, actor, 'step', { note: input.title });
        await recordAudit(tx, actor.audit, { action: 'enterprise.step', entityType: 'enterprise', entityId: id, orgId: current.e.orgId, after: { title: s.title, dueOn: s.dueOn } });
        return toStep((await repo.findStep(tx, id, s.id))!, today());
      });
    },

    async completeStep(id: string, stepId: string, actor: OrganizingActor): Promise<Step> {
      return db.transaction(async (tx) => {
        const current = await getWritable(tx, id, actor);
        const found = await repo.findStep(tx, id, stepId);
        if (!found) throw notFound('ENTITY_organizing_step');
        if (found.s.doneAt) throw new AppError('ORGANIZING_STEP_DONE', { status: 409 });
        await repo.markStepDone(tx, stepId, actor.userId, clock());
        await event(tx, id, actor, 'step_done', { note: found.s.title });
        await recordAudit(tx, actor.audit, { action: 'enterprise.step_done', entityType: 'enterprise', entityId: id, orgId: current.e.orgId, after: { title: found.s.title } });
        return toStep((await repo.findStep(tx, id, stepId))!, today());
      });
    },

    /** Overdue steps in scope with counts per cadre and per street (the org below the district on the path). */
    async overdue(q: { orgId?: string | undefined; cadreId?: string | undefined }, actor: OrganizingActor) {
      let underPath: string | undefined;
      if (q.orgId) {
        const node = await findOrgById(db, q.orgId);
        if (!node || !isInScope(actor.read, node.path)) throw notFound('ENTITY_org');
        underPath = node.path;
      }
      const day = today();
      const rows = await repo.listOverdueSteps(db, { scope: actor.read, underPath, cadreId: q.cadreId }, day);
      const byCadre = new Map<string | null, { id: string | null; name: string; count: number }>();
      const byStreet = new Map<string, { org: ReturnType<typeof orgRef>; count: number }>();
      for (const r of rows) {
        const cadreId = r.s.assigneeId ?? r.cadreId;
        const cadreName = r.s.assigneeId ? r.assigneeName : r.cadreName;
        const c = byCadre.get(cadreId) ?? { id: cadreId, name: cadreName ?? '', count: 0 };
        c.count++;
        byCadre.set(cadreId, c);
        const s = byStreet.get(r.org.id) ?? { org: orgRef(r.org), count: 0 };
        s.count++;
        byStreet.set(r.org.id, s);
      }
      return { items: rows.map((r) => toStep(r, day)), byCadre: [...byCadre.values()].sort((a, b) => b.count - a.count), byStreet: [...byStreet.values()].sort((a, b) => b.count - a.count) };
    },

    /**
     * The reminder sweep (organizing.jobs.ts): each overdue open step tells its assignee (else the
     * enterprise's cadre) once a day; the claim on the row makes reruns and other instances send nothing twice.
     */
    async sweepReminders(at: Date): Promise<{ reminded: number }> {
      const day = shanghaiDay(at);
      const due = await repo.listStepsToRemind(db, day);
      let reminded = 0;
      for (const r of due) {
        const to = r.s.assigneeId ?? r.cadreId;
        await db.transaction(async (tx) => {
          if (!(await repo.claimReminder(tx, r.s.id, day))) return;
          if (!to) return;
          await notify(tx, {
            to: { userIds: [to] },
            kind: 'organizing.step_overdue',
            orgId: r.org.id,
            title: { key: 'NOTIFY_ORGANIZING_STEP_DUE', params: { title: r.s.title } },
            body: { key: 'NOTIFY_ORGANIZING_STEP_BODY', params: { enterprise: r.enterpriseName, due: r.s.dueOn } },
            link: `/admin/organizing/enterprises/${r.s.enterpriseId}`,
            entity: { type: 'enterprise', id: r.s.enterpriseId },
          });
          reminded++;
        });
      }
      return { reminded };
    },
  };
}

export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
