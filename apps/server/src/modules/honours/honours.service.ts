import type { Care, CreateCare, CreateHonour, Honour, HonourLevel, HonoursSummary, HonourTitle, HonoursQuery, MyHonours, NotCared, Page, RevokeHonour, UpdateHonour } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { uniqueViolationOf } from '../../platform/error-handler';
import { shanghaiDateOf } from '../../platform/holidays/dates';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findMemberships, findPersonIdsOfUser } from '../members';
import { assertOwnPhotos } from '../stars';
import * as repo from './honours.repository';
import './honours.errors';

export type HonoursStaff = { userId: string; scope: Scope; audit: AuditContext };

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export const toHonour = (h: repo.HonourRow): Honour => ({
  id: h.id,
  personId: h.person_id,
  membershipId: h.membership_id,
  personName: h.person_name,
  orgId: h.org_id,
  orgName: h.org_name,
  level: h.level,
  title: h.title,
  titleText: h.title_text,
  year: h.year,
  awardingBody: h.awarding_body,
  certificatePhotoId: h.certificate_photo_id,
  status: h.status,
  revokedReason: h.revoked_reason,
  createdAt: iso(h.created_at),
  version: h.version,
});

const toCare = (c: repo.CareRow): Care => ({ id: c.id, personId: c.person_id, personName: c.person_name, orgName: c.org_name, kind: c.kind, caredOn: c.cared_on, notes: c.notes, costFen: Number(c.cost_fen), createdAt: iso(c.created_at) });

/**
 * 劳模工匠 honours and the care of the honoured. Staff record and see the honours of members of
 * unions in their subtree; an honour is revoked with a reason, never deleted.
 */
export function createHonoursService({ db, clock = () => new Date() }: { db: Db; clock?: Clock }) {
  const thisYear = () => Number(shanghaiDateOf(clock()).slice(0, 4));

  /** An active membership of a union in the scope (the one member identity of the members module). */
  async function memberInScope(tx: Db, membershipId: string, scope: Scope, path = 'membershipId') {
    const [m] = await findMemberships(tx, [membershipId]);
    if (!m || m.status !== 'active' || !isInScope(scope, m.orgPath)) throw fieldError(path, 'HONOURS_MEMBER_UNKNOWN');
    return m;
  }

  async function honourInScope(tx: Db, id: string, scope: Scope) {
    const h = await repo.findHonour(tx, id);
    if (!h || !isInScope(scope, h.org_path)) throw notFound('ENTITY_honour');
    return h;
  }

  /** The values to store; a new certificate photo must be the caller's own upload (else a guessed id would grant reading another's). */
  async function values(tx: Db, input: Omit<CreateHonour, 'membershipId'>, userId: string, current: string | null = null) {
    if (input.year > thisYear()) throw fieldError('year', 'HONOURS_YEAR_FUTURE');
    if (input.certificatePhotoId && input.certificatePhotoId !== current) await assertOwnPhotos(tx, [input.certificatePhotoId], userId, 'certificatePhotoId');
    return { level: input.level, title: input.title, titleText: input.titleText || null, year: input.year, awardingBody: input.awardingBody, certificatePhotoId: input.certificatePhotoId };
  }

  return {
    /** 我的荣誉: the signed-in worker's own active honours (every person record of their account) and the care recorded for them. */
    async mine(userId: string): Promise<MyHonours> {
      const personIds = await findPersonIdsOfUser(db, userId);
      const [honours, cares] = await Promise.all([repo.listHonoursOfPersons(db, personIds), repo.listCaresOfPersons(db, personIds)]);
      return {
        honours: honours.map((h) => ({ id: h.id, level: h.level, title: h.title, titleText: h.title_text, year: h.year, awardingBody: h.awarding_body, orgName: h.org_name, status: h.status })),
        cares: cares.map((c) => ({ id: c.id, kind: c.kind, caredOn: c.cared_on, notes: c.notes, orgName: c.org_name })),
      };
    },

    async list(query: HonoursQuery, scope: Scope): Promise<Page<Honour>> {
      const { items, total } = await repo.listHonours(db, { ...query, scope });
      return { items: items.map(toHonour), total, page: query.page, pageSize: query.pageSize };
    },

    async get(id: string, scope: Scope): Promise<Honour> {
      return toHonour(await honourInScope(db, id, scope));
    },

    async create(input: CreateHonour, ctx: HonoursStaff): Promise<Honour> {
      return db.transaction(async (tx) => {
        const m = await memberInScope(tx, input.membershipId, ctx.scope);
        const v = await values(tx, input, ctx.userId);
        const id = await repo.insertHonour(tx, { orgId: m.orgId, personId: m.personId, membershipId: m.membershipId, personName: m.realName }, v, ctx.userId);
        if (!id) throw new AppError('HONOURS_DUPLICATE', { status: 409 });
        await recordAudit(tx, ctx.audit, { action: 'honours.created', entityType: 'honour', entityId: id, orgId: m.orgId, after: { person: m.realName, level: v.level, title: v.title, year: v.year } });
        return toHonour((await repo.findHonour(tx, id))!);
      });
    },

    async update(id: string, input: UpdateHonour, ctx: HonoursStaff): Promise<Honour> {
      return db.transaction(async (tx) => {
        const h = await honourInScope(tx, id, ctx.scope);
        if (h.status !== 'active') throw new AppError('HONOURS_REVOKED', { status: 409 });
        const v = await values(tx, input, ctx.userId, h.certificate_photo_id);
        let ok: boolean;
        try {
          ok = await repo.updateHonour(tx, id, input.version, v, clock());
        } catch (e) {
          throw uniqueViolationOf(e) ? new AppError('HONOURS_DUPLICATE', { status: 409 }) : e;
        }
        if (!ok) throw versionConflict(input.version, h.version);
        await recordAudit(tx, ctx.audit, {
          action: 'honours.updated',
          entityType: 'honour',
          entityId: id,
          orgId: h.org_id,
          before: { level: h.level, title: h.title, year: h.year, awardingBody: h.awarding_body },
          after: { level: v.level, title: v.title, year: v.year, awardingBody: v.awardingBody },
        });
        return toHonour((await repo.findHonour(tx, id))!);
      });
    },

    async revoke(id: string, input: RevokeHonour, ctx: HonoursStaff): Promise<Honour> {
      return db.transaction(async (tx) => {
        const h = await honourInScope(tx, id, ctx.scope);
        if (h.status !== 'active') throw new AppError('HONOURS_REVOKED', { status: 409 });
        if (!(await repo.revokeHonour(tx, id, input.version, input.reason, clock()))) throw versionConflict(input.version, h.version);
        await recordAudit(tx, ctx.audit, { action: 'honours.revoked', entityType: 'honour', entityId: id, orgId: h.org_id, after: { reason: input.reason } });
        return toHonour((await repo.findHonour(tx, id))!);
      });
    },

    /** Records a care activity for a person holding an active honour in scope, dated today or before. */
    async addCare(personId: string, input: CreateCare, ctx: HonoursStaff): Promise<Care> {
      return db.transaction(async (tx) => {
        const p = await repo.findHonouredPerson(tx, personId);
        if (!p || !isInScope(ctx.scope, p.org_path)) throw new AppError('HONOURS_NOT_HONOURED', { status: 404 });
        if (input.caredOn > shanghaiDateOf(clock())) throw fieldError('caredOn', 'HONOURS_CARE_DATE');
        // Noon in Asia/Shanghai: the figures count it on that day.
        const caredAt = new Date(`${input.caredOn}T04:00:00Z`).toISOString();
        const id = await repo.insertCare(tx, { orgId: p.org_id, personId, personName: p.person_name, kind: input.kind, caredOn: input.caredOn, caredAt, notes: input.notes || null, costFen: input.costFen }, ctx.userId);
        await recordAudit(tx, ctx.audit, { action: 'honours.cared', entityType: 'honour_care', entityId: id, orgId: p.org_id, after: { person: p.person_name, kind: input.kind, caredOn: input.caredOn, costFen: input.costFen } });
        return toCare((await repo.findCare(tx, id))!);
      });
    },

    async listCares(query: { orgId?: string | undefined; personId?: string | undefined; year?: number | undefined; kind?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<Care>> {
      const { items, total } = await repo.listCares(db, { ...query, scope });
      return { items: items.map(toCare), total, page: query.page, pageSize: query.pageSize };
    },

    /** 未关爱: honoured members in scope with no care activity in the year (this year by default). */
    async listNotCared(query: { orgId?: string | undefined; year?: number | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<NotCared>> {
      const { items, total } = await repo.listNotCared(db, { scope, orgId: query.orgId, year: query.year ?? thisYear(), page: query.page, pageSize: query.pageSize });
      return {
        items: items.map((r) => ({ personId: r.person_id, personName: r.person_name, orgName: r.org_name, titles: r.titles, lastCaredOn: r.last_cared_on })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async summary(scope: Scope, year?: number, orgId?: string): Promise<HonoursSummary> {
      const y = year ?? thisYear();
      const s = await repo.summary(db, scope, y, orgId);
      return {
        year: y,
        honoured: s.people,
        honours: s.byLevel.map((r) => ({ level: r.level as HonourLevel, title: r.title as HonourTitle, count: r.n })),
        care: { activities: s.care.n, people: s.care.people, costFen: Number(s.care.fen) },
        studios: s.studios.map((r) => ({ level: r.level as HonourLevel, count: r.n })),
        projects: s.outcomes.projects,
        innovations: s.outcomes.innovations,
        inventions: s.outcomes.inventions,
        savedFen: Number(s.outcomes.saved_fen),
        patents: s.patents,
      };
    },
  };
}

export type HonoursService = ReturnType<typeof createHonoursService>;
