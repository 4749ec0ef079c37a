import type { CreateStudio, CreateStudioPatent, CreateStudioProject, UpdateStudioPatent, UpdateStudioProject, Page, Studio, StudioDetail, StudioPatent, StudioProject, UpdateStudio } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { shanghaiDateOf } from '../../platform/holidays/dates';
import { fieldError } from '../../platform/validation';
import { findMemberships } from '../members';
import * as honours from './honours.repository';
import type { HonoursStaff } from './honours.service';
import * as repo from './studio.repository';
import './honours.errors';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

const toStudio = (s: repo.StudioRow): Studio => ({
  id: s.id,
  name: s.name,
  level: s.level,
  orgId: s.org_id,
  orgName: s.org_name,
  leaderPersonId: s.leader_person_id,
  leaderName: s.leader_name,
  field: s.field,
  foundedOn: s.founded_on,
  status: s.status,
  members: s.members,
  projects: s.projects,
  innovations: s.innovations,
  inventions: s.inventions,
  patents: s.patents,
  savedFen: Number(s.saved_fen),
  version: s.version,
});
const toProject = (p: repo.ProjectRow): StudioProject => ({
  id: p.id,
  studioId: p.studio_id,
  name: p.name,
  year: p.year,
  innovations: p.innovations,
  inventions: p.inventions,
  savedFen: Number(p.saved_fen),
  outcome: p.outcome,
  patents: p.patents,
  createdAt: iso(p.created_at),
});
const toPatent = (p: repo.PatentRow): StudioPatent => ({
  id: p.id,
  studioId: p.studio_id,
  projectId: p.project_id,
  patentNumber: p.patent_number,
  title: p.title,
  kind: p.kind,
  holders: p.holders,
  grantedOn: p.granted_on,
  createdAt: iso(p.created_at),
});

/**
 * 劳模和工匠人才创新工作室: a studio of a union in the caller's subtree, led by a member holding an
 * active honour (the studio is named after its 劳模 or 工匠), with members, projects and patents.
 */
export function createStudioService({ db, clock = () => new Date() }: { db: Db; clock?: Clock }) {
  async function studioInScope(tx: Db, id: string, scope: Scope, isWrite = false) {
    const s = await repo.findStudio(tx, id);
    if (!s || !isInScope(scope, s.org_path)) throw notFound('ENTITY_studio');
    if (isWrite && s.status !== 'active') throw new AppError('STUDIO_CLOSED', { status: 409 });
    return s;
  }

  /** The leader: an active member in scope who holds an active honour, or the request is refused. */
  async function leaderOf(tx: Db, membershipId: string, scope: Scope) {
    const [m] = await findMemberships(tx, [membershipId]);
    if (!m || m.status !== 'active' || !isInScope(scope, m.orgPath)) throw fieldError('leaderMembershipId', 'HONOURS_MEMBER_UNKNOWN');
    if (!(await honours.hasActiveHonour(tx, m.personId))) throw fieldError('leaderMembershipId', 'STUDIO_LEADER_NOT_HONOURED');
    return m;
  }

  const today = () => shanghaiDateOf(clock());

  /** A project or patent of an open studio in scope (unknown otherwise: 404). */
  async function partOf(tx: Db, table: 'studio_project' | 'studio_patent', id: string, scope: Scope) {
    const studioId = await repo.findStudioOf(tx, table, id);
    const s = studioId ? await repo.findStudio(tx, studioId) : undefined;
    if (!s || !isInScope(scope, s.org_path)) throw notFound(table === 'studio_project' ? 'ENTITY_studio_project' : 'ENTITY_studio_patent');
    if (s.status !== 'active') throw new AppError('STUDIO_CLOSED', { status: 409 });
    return s;
  }

  return {
    async list(query: { orgId?: string | undefined; q?: string | undefined; level?: string | undefined; status?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<Studio>> {
      const { items, total } = await repo.listStudios(db, { ...query, scope });
      return { items: items.map(toStudio), total, page: query.page, pageSize: query.pageSize };
    },

    async get(id: string, scope: Scope): Promise<StudioDetail> {
      const s = await studioInScope(db, id, scope);
      const [members, projects, patents] = [await repo.listMembers(db, id), await repo.listProjects(db, id), await repo.listPatents(db, id)];
      return {
        ...toStudio(s),
        memberList: members.map((m) => ({ personId: m.person_id, personName: m.person_name, orgName: m.org_name, isLeader: m.person_id === s.leader_person_id })),
        projectList: projects.map(toProject),
        patentList: patents.map(toPatent),
      };
    },

    async create(input: CreateStudio, ctx: HonoursStaff): Promise<Studio> {
      return db.transaction(async (tx) => {
        const o = await repo.findOrg(tx, input.orgId);
        if (!o || o.status !== 'active' || !isInScope(ctx.scope, o.path)) throw fieldError('orgId', 'STUDIO_ORG_OUT_OF_SCOPE');
        if (input.foundedOn > today()) throw fieldError('foundedOn', 'STUDIO_FOUNDED_FUTURE');
        const leader = await leaderOf(tx, input.leaderMembershipId, ctx.scope);
        const id = await repo.insertStudio(tx, o.id, { name: input.name, level: input.level, leaderPersonId: leader.personId, leaderName: leader.realName, field: input.field || null, foundedOn: input.foundedOn });
        if (!id) throw fieldError('name', 'STUDIO_NAME_TAKEN');
        await recordAudit(tx, ctx.audit, { action: 'studio.created', entityType: 'studio', entityId: id, orgId: o.id, after: { name: input.name, level: input.level, leader: leader.realName } });
        return toStudio((await repo.findStudio(tx, id))!);
      });
    },

    async update(id: string, input: UpdateStudio, ctx: HonoursStaff): Promise<Studio> {
      return db.transaction(async (tx) => {
        const s = await studioInScope(tx, id, ctx.scope, true);
        if (input.foundedOn > today()) throw fieldError('foundedOn', 'STUDIO_FOUNDED_FUTURE');
        const leader = await leaderOf(tx, input.leaderMembershipId, ctx.scope);
        let ok: boolean;
        try {
          ok = await repo.updateStudio(tx, id, input.version, { name: input.name, level: input.level, leaderPersonId: leader.personId, leaderName: leader.realName, field: input.field || null, foundedOn: input.foundedOn, status: input.status }, clock());
        } catch (e) {
          if (uniqueViolationOf(e)) throw fieldError('name', 'STUDIO_NAME_TAKEN');
          throw e;
        }
        if (!ok) throw versionConflict(input.version, s.version);
        await repo.insertMember(tx, { studioId: id, orgId: s.org_id, personId: leader.personId, personName: leader.realName });
        await recordAudit(tx, ctx.audit, {
          action: input.status === 'closed' ? 'studio.closed' : 'studio.updated',
          entityType: 'studio',
          entityId: id,
          orgId: s.org_id,
          before: { name: s.name, level: s.level, leader: s.leader_name },
          after: { name: input.name, level: input.level, leader: leader.realName, status: input.status },
        });
        return toStudio((await repo.findStudio(tx, id))!);
      });
    },

    /** Adds an active member of a union in scope (honoured or not) to the studio. */
    async addMember(id: string, membershipId: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await studioInScope(tx, id, ctx.scope, true);
        const [m] = await findMemberships(tx, [membershipId]);
        if (!m || m.status !== 'active' || !isInScope(ctx.scope, m.orgPath)) throw fieldError('membershipId', 'HONOURS_MEMBER_UNKNOWN');
        if (!(await repo.insertMember(tx, { studioId: id, orgId: s.org_id, personId: m.personId, personName: m.realName }))) throw new AppError('STUDIO_ALREADY_MEMBER', { status: 409 });
        await recordAudit(tx, ctx.audit, { action: 'studio.member_added', entityType: 'studio', entityId: id, orgId: s.org_id, after: { person: m.realName } });
      });
    },

    async removeMember(id: string, personId: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await studioInScope(tx, id, ctx.scope, true);
        if (personId === s.leader_person_id) throw new AppError('STUDIO_LEADER_STAYS', { status: 409 });
        if (!(await repo.deleteMember(tx, id, personId))) throw notFound('ENTITY_studio');
        await recordAudit(tx, ctx.audit, { action: 'studio.member_removed', entityType: 'studio', entityId: id, orgId: s.org_id, after: { personId } });
      });
    },

    async addProject(id: string, input: CreateStudioProject, ctx: HonoursStaff): Promise<StudioProject> {
      return db.transaction(async (tx) => {
        const s = await studioInScope(tx, id, ctx.scope, true);
        const projectId = await repo.insertProject(tx, s, { ...input, outcome: input.outcome || null });
        await recordAudit(tx, ctx.audit, { action: 'studio.project_added', entityType: 'studio_project', entityId: projectId, orgId: s.org_id, after: { studio: s.name, name: input.name, innovations: input.innovations, inventions: input.inventions } });
        return toProject((await repo.listProjects(tx, id)).find((p) => p.id === projectId)!);
      });
    },

    async addPatent(id: string, input: CreateStudioPatent, ctx: HonoursStaff): Promise<StudioPatent> {
      return db.transaction(async (tx) => {
        const s = await studioInScope(tx, id, ctx.scope, true);
        if (input.projectId && !(await repo.findProjectOfStudio(tx, id, input.projectId))) throw fieldError('projectId', 'STUDIO_PROJECT_UNKNOWN');
        if (input.grantedOn && input.grantedOn > today()) throw fieldError('grantedOn', 'STUDIO_GRANTED_FUTURE');
        const patentId = await repo.insertPatent(tx, s, input);
        if (!patentId) throw fieldError('patentNumber', 'STUDIO_PATENT_TAKEN');
        await recordAudit(tx, ctx.audit, { action: 'studio.patent_added', entityType: 'studio_patent', entityId: patentId, orgId: s.org_id, after: { studio: s.name, patentNumber: input.patentNumber, title: input.title } });
        return toPatent((await repo.listPatents(tx, id)).find((p) => p.id === patentId)!);
      });
    },

    async updateProject(id: string, input: UpdateStudioProject, ctx: HonoursStaff): Promise<StudioProject> {
      return db.transaction(async (tx) => {
        const s = await partOf(tx, 'studio_project', id, ctx.scope);
        const before = (await repo.listProjects(tx, s.id)).find((p) => p.id === id)!;
        await repo.updateProject(tx, id, { ...input, outcome: input.outcome || null });
        await recordAudit(tx, ctx.audit, {
          action: 'studio.project_updated',
          entityType: 'studio_project',
          entityId: id,
          orgId: s.org_id,
          before: { name: before.name, year: before.year, innovations: before.innovations, inventions: before.inventions, savedFen: Number(before.saved_fen) },
          after: { studio: s.name, name: input.name, year: input.year, innovations: input.innovations, inventions: input.inventions, savedFen: input.savedFen },
        });
        return toProject((await repo.listProjects(tx, s.id)).find((p) => p.id === id)!);
      });
    },

    /** Removes a project recorded by mistake; its patents stay on the studio. */
    async removeProject(id: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await partOf(tx, 'studio_project', id, ctx.scope);
        const before = (await repo.listProjects(tx, s.id)).find((p) => p.id === id)!;
        await repo.deleteProject(tx, id);
        await recordAudit(tx, ctx.audit, { action: 'studio.project_removed', entityType: 'studio_project', entityId: id, orgId: s.org_id, before: { studio: s.name, name: before.name, year: before.year, patents: before.patents } });
      });
    },

    async updatePatent(id: string, input: UpdateStudioPatent, ctx: HonoursStaff): Promise<StudioPatent> {
      return db.transaction(async (tx) => {
        const s = await partOf(tx, 'studio_patent', id, ctx.scope);
        if (input.projectId && !(await repo.findProjectOfStudio(tx, s.id, input.projectId))) throw fieldError('projectId', 'STUDIO_PROJECT_UNKNOWN');
        if (input.grantedOn && input.grantedOn > today()) throw fieldError('grantedOn', 'STUDIO_GRANTED_FUTURE');
        const before = (await repo.listPatents(tx, s.id)).find((p) => p.id === id)!;
        if (!(await repo.updatePatent(tx, id, input))) throw fieldError('patentNumber', 'STUDIO_PATENT_TAKEN');
        await recordAudit(tx, ctx.audit, {
          action: 'studio.patent_updated',
          entityType: 'studio_patent',
          entityId: id,
          orgId: s.org_id,
          before: { patentNumber: before.patent_number, title: before.title, kind: before.kind, holders: before.holders, grantedOn: before.granted_on },
          after: { studio: s.name, patentNumber: input.patentNumber, title: input.title, kind: input.kind, holders: input.holders, grantedOn: input.grantedOn },
        });
        return toPatent((await repo.listPatents(tx, s.id)).find((p) => p.id === id)!);
      });
    },

    async removePatent(id: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await partOf(tx, 'studio_patent', id, ctx.scope);
        const before = (await repo.listPatents(tx, s.id)).find((p) => p.id === id)!;
        await repo.deletePatent(tx, id);
        await recordAudit(tx, ctx.audit, { action: 'studio.patent_removed', entityType: 'studio_patent', entityId: id, orgId: s.org_id, before: { studio: s.name, patentNumber: before.patent_number, title: before.title } });
      });
    },
  };
}

export type StudioService = ReturnType<typeof createStudioService>;
