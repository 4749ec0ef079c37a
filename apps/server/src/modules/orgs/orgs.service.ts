import { randomUUID } from 'node:crypto';
import { ALLOWED_PARENTS, type CloseOrg, type CreateOrg, type ListOrgsQuery, type MoveOrg, type Org, type OrgDetail, type OrgType, type PublicFigures, type UpdateOrg } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { checkCreditCode } from './credit-code';
import { findDivision } from './divisions';
import * as repo from './orgs.repository';
import './orgs.errors';


export type OrgActor = { scope: Scope; audit: AuditContext };

export function toOrg(row: repo.OrgRowWithCount): Org {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    type: row.type as OrgType,
    parentId: row.parentId,
    depth: row.depth,
    divisionCode: row.divisionCode,
    creditCode: row.creditCode,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    chairName: row.chairName,
    chairPhone: row.chairPhone,
    foundedOn: row.foundedOn,
    legalCertNo: row.legalCertNo,
    status: row.status as Org['status'],
    closedAt: row.closedAt?.toISOString() ?? null,
    closedReason: row.closedReason,
    childCount: row.childCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a node: everything a person reads, not the internal path. */
function snapshot(row: repo.OrgRow) {
  return {
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    type: row.type,
    parentId: row.parentId,
    divisionCode: row.divisionCode,
    creditCode: row.creditCode,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    chairName: row.chairName,
    chairPhone: row.chairPhone,
    foundedOn: row.foundedOn,
    legalCertNo: row.legalCertNo,
    status: row.status,
    closedReason: row.closedReason,
    version: row.version,
  };
}

export function validateOrgFields(type: OrgType, fields: { divisionCode?: string | null | undefined; creditCode?: string | null | undefined; foundedOn?: string | null | undefined }, now = new Date()): void {
  if (fields.foundedOn) {
    const day = new Date(`${fields.foundedOn}T00:00:00+08:00`);
    // 2024-02-30 parses as a later day (or not at all): the day must read back as written.
    if (Number.isNaN(day.getTime()) || shanghaiDay(day) !== fields.foundedOn) throw fieldError('foundedOn', 'FIELD_DATE_INVALID');
    if (fields.foundedOn > shanghaiDay(now)) throw fieldError('foundedOn', 'ORG_FOUNDED_IN_FUTURE');
  }
  const division = fields.divisionCode ?? null;
  if ((type === 'district' || type === 'street') && !division) throw fieldError('divisionCode', 'DIVISION_CODE_REQUIRED');
  if (division) {
    if (type === 'district' && division.length !== 6) throw fieldError('divisionCode', 'DIVISION_CODE_LEVEL');
    if (type === 'street' && division.length !== 9) throw fieldError('divisionCode', 'DIVISION_CODE_LEVEL');
    if (!findDivision(division)) throw fieldError('divisionCode', 'DIVISION_CODE_UNKNOWN', { code: division });
  }
  const credit = fields.creditCode ?? null;
  if (type === 'grassroots' && !credit) throw fieldError('creditCode', 'CREDIT_CODE_REQUIRED');
  if (credit) {
    const problem = checkCreditCode(credit);
    if (problem) throw fieldError('creditCode', problem);
  }
}

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function createOrgsService({ db }: { db: Db }) {
  /** Reads a node the actor may see; anything outside their scope is "not found" (no leak of existence). */
  async function getScoped(tx: Db, id: string, scope: Scope): Promise<repo.OrgRowWithCount> {
    const row = await repo.findOrgWithCount(tx, id);
    if (!row || !isInScope(scope, row.path)) throw notFound('ENTITY_org');
    return row;
  }

  async function ancestorsOf(tx: Db, row: repo.OrgRow) {
    const ids = row.path.split('/').filter(Boolean).slice(0, -1);
    const rows = await repo.listOrgsByIds(tx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is repo.OrgRow => Boolean(r))
      .map((r) => ({ id: r.id, code: r.code, name: r.name, type: r.type as OrgType }));
  }

  function versionConflict(sent: number, current: number): AppError {
    return new AppError('VERSION_CONFLICT', { params: { sent, current } });
  }

  return {
    async getOrg(id: string, scope: Scope): Promise<OrgDetail> {
      const row = await getScoped(db, id, scope);
      return { ...toOrg(row), ancestors: await ancestorsOf(db, row) };
    },

    /** Figures for public screens: counts of open nodes by type under an org (the first root by default). */
    async getPublicFigures(code: string | undefined): Promise<PublicFigures> {
      const target = code ? await repo.findOrgByCode(db, code) : (await repo.listOrgs(db, { scope: 'all', page: 1, pageSize: 1 })).items[0];
      if (!target) throw notFound('ENTITY_org');
      const rows = await repo.countOrgsByType(db, target.path);
      const byType = Object.fromEntries(rows.map((r) => [r.type, r.count]));
      return {
        org: { code: target.code, name: target.name },
        orgs: { total: rows.reduce((sum, r) => sum + r.count, 0), byType },
        generatedAt: new Date().toISOString(),
      };
    },

    async listOrgs(query: ListOrgsQuery, scope: Scope) {
      let underPath: string | undefined;
      if (query.under) underPath = (await getScoped(db, query.under, scope)).path;
      const { items, total } = await repo.listOrgs(db, {
        scope,
        underPath,
        parentId: query.parentId,
        type: query.type,
        status: query.status,
        q: query.q,
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: items.map(toOrg), total, page: query.page, pageSize: query.pageSize };
    },

    async createOrg(input: CreateOrg, actor: OrgActor): Promise<Org> {
      return db.transaction(async (tx) => {
        const parent = await repo.findOrgById(tx, input.parentId);
        if (!parent || !isInScope(actor.scope, parent.path)) {
          throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'parentId', message: 'NOT_FOUND' }] });
        }
        if (parent.status === 'closed') throw new AppError('ORG_PARENT_CLOSED', { status: 409, errors: [{ path: 'parentId', message: 'ORG_PARENT_CLOSED' }] });
        if (!ALLOWED_PARENTS[input.type].includes(parent.type as OrgType)) {
          throw new AppError('ORG_PARENT_TYPE_NOT_ALLOWED', {
            params: { type: `ORG_TYPE_${input.type}`, parentType: `ORG_TYPE_${parent.type}` },
            errors: [{ path: 'type', message: 'ORG_PARENT_TYPE_NOT_ALLOWED' }],
          });
        }
        validateOrgFields(input.type, input);
        const id = randomUUID();
        const row = await repo.insertOrg(tx, {
          id,
          code: input.code,
          name: input.name,
          shortName: input.shortName ?? null,
          type: input.type,
          parentId: parent.id,
          path: `${parent.path}${id}/`,
          depth: parent.depth + 1,
          divisionCode: input.divisionCode ?? null,
          creditCode: input.creditCode ?? null,
          address: input.address ?? null,
          contactName: input.contactName ?? null,
          contactPhone: input.contactPhone ?? null,
          chairName: input.chairName ?? null,
          chairPhone: input.chairPhone ?? null,
          foundedOn: input.foundedOn ?? null,
          legalCertNo: input.legalCertNo ?? null,
        });
        await recordAudit(tx, actor.audit, { action: 'org.create', entityType: 'org', entityId: row.id, orgId: row.id, after: snapshot(row) });
        return toOrg({ ...row, childCount: 0 });
      });
    },

    async updateOrg(id: string, input: UpdateOrg, actor: OrgActor): Promise<Org> {
      return db.transaction(async (tx) => {
        const current = await getScoped(tx, id, actor.scope);
        if (current.version !== input.version) throw versionConflict(input.version, current.version);
        const { version, ...changes } = input;
        const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
        validateOrgFields(current.type as OrgType, merged);
        const updated = await repo.updateOrgIfVersion(tx, id, version, changes);
        if (!updated) throw versionConflict(version, (await repo.findOrgById(tx, id))?.version ?? version);
        const diff = diffSnapshots(snapshot(current), snapshot(updated));
        await recordAudit(tx, actor.audit, { action: 'org.update', entityType: 'org', entityId: id, orgId: id, ...diff });
        return toOrg({ ...updated, childCount: current.childCount });
      });
    },

    async moveOrg(id: string, input: MoveOrg, actor: OrgActor): Promise<Org> {
      return db.transaction(async (tx) => {
        const node = await getScoped(tx, id, actor.scope);
        if (node.version !== input.version) throw versionConflict(input.version, node.version);
        if (!node.parentId) throw new AppError('ORG_ROOT_IMMUTABLE', { status: 409 });
        const parent = await repo.findOrgById(tx, input.parentId);
        if (!parent || !isInScope(actor.scope, parent.path)) {
          throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'parentId', message: 'NOT_FOUND' }] });
        }
        // The new parent may not be the node itself or lie in its subtree: that would make a cycle.
        if (parent.path.startsWith(node.path)) {
          throw new AppError('ORG_MOVE_CYCLE', { status: 409, errors: [{ path: 'parentId', message: 'ORG_MOVE_CYCLE' }] });
        }
        if (parent.status === 'closed') throw new AppError('ORG_PARENT_CLOSED', { status: 409, errors: [{ path: 'parentId', message: 'ORG_PARENT_CLOSED' }] });
        if (!ALLOWED_PARENTS[node.type as OrgType].includes(parent.type as OrgType)) {
          throw new AppError('ORG_PARENT_TYPE_NOT_ALLOWED', {
            params: { type: `ORG_TYPE_${node.type}`, parentType: `ORG_TYPE_${parent.type}` },
            errors: [{ path: 'parentId', message: 'ORG_PARENT_TYPE_NOT_ALLOWED' }],
          });
        }
        const newPath = `${parent.path}${node.id}/`;
        const depthDelta = parent.depth + 1 - node.depth;
        await repo.movePaths(tx, node.path, newPath, depthDelta);
        const updated = await repo.updateOrgIfVersion(tx, id, input.version, { parentId: parent.id, path: newPath, depth: parent.depth + 1 });
        if (!updated) throw versionConflict(input.version, node.version);
        await recordAudit(tx, actor.audit, {
          action: 'org.move',
          entityType: 'org',
          entityId: id,
          orgId: id,
          before: { parentId: node.parentId },
          after: { parentId: parent.id },
        });
        return toOrg({ ...updated, childCount: node.childCount });
      });
    },

    async closeOrg(id: string, input: CloseOrg, actor: OrgActor): Promise<Org> {
      return db.transaction(async (tx) => {
        const node = await getScoped(tx, id, actor.scope);
        if (node.version !== input.version) throw versionConflict(input.version, node.version);
        if (!node.parentId) throw new AppError('ORG_ROOT_IMMUTABLE', { status: 409 });
        if (node.status === 'closed') throw new AppError('ORG_ALREADY_CLOSED', { status: 409 });
        const open = await repo.countOpenChildren(tx, id);
        if (open > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN', { status: 409, params: { count: open } });
        const updated = await repo.updateOrgIfVersion(tx, id, input.version, { status: 'closed', closedAt: new Date(), closedReason: input.reason });
        if (!updated) throw versionConflict(input.version, node.version);
        await recordAudit(tx, actor.audit, {
          action: 'org.close',
          entityType: 'org',
          entityId: id,
          orgId: id,
          before: { status: node.status },
          after: { status: 'closed', closedReason: input.reason },
        });
        return toOrg({ ...updated, childCount: node.childCount });
      });
    },

    async reopenOrg(id: string, version: number, actor: OrgActor): Promise<Org> {
      return db.transaction(async (tx) => {
        const node = await getScoped(tx, id, actor.scope);
        if (node.version !== version) throw versionConflict(version, node.version);
        if (node.status !== 'closed') throw new AppError('ORG_NOT_CLOSED', { status: 409 });
        const parent = node.parentId ? await repo.findOrgById(tx, node.parentId) : undefined;
        if (parent?.status === 'closed') throw new AppError('ORG_PARENT_CLOSED', { status: 409 });
        const updated = await repo.updateOrgIfVersion(tx, id, version, { status: 'active', closedAt: null, closedReason: null });
        if (!updated) throw versionConflict(version, node.version);
        await recordAudit(tx, actor.audit, {
          action: 'org.reopen',
          entityType: 'org',
          entityId: id,
          orgId: id,
          before: { status: 'closed', closedReason: node.closedReason },
          after: { status: 'active' },
        });
        return toOrg({ ...updated, childCount: node.childCount });
      });
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
