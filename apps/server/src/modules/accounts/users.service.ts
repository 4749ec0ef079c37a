import type { CreateUser, GrantRole, ListUsersQuery, Role, UpdateUser, User } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { GRANTABLE_BY_UNION_ADMIN, isInScope, STAFF_ROLES, type Actor, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import { fieldError } from '../../platform/validation';
import { findOrgById } from '../orgs';
import * as repo from './accounts.repository';
import { hashPassword, isWeakPassword } from './passwords';
import './accounts.errors';

export type UsersActor = { actor: Actor; scope: Scope; audit: AuditContext };

const ORG_ROLES: readonly Role[] = ['union_admin', 'union_staff', 'station_operator'];

function toUser(row: repo.UserRow, grants: repo.GrantWithOrg[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phoneMasked: maskPhone(row.phone),
    status: row.status as User['status'],
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    grants: grants
      .filter((g) => g.userId === row.id)
      .map((g) => ({
        id: g.id,
        role: g.role as Role,
        org: g.orgId ? { id: g.orgId, code: g.orgCode ?? '', name: g.orgName ?? '', type: g.orgType as never } : null,
      })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a user: never the password hash, the phone only masked. */
function snapshot(row: repo.UserRow) {
  return { username: row.username, displayName: row.displayName, phone: maskPhone(row.phone), status: row.status, version: row.version };
}

/** A grant's org for auditing and scoping: the first org of the user's staff grants. */
function primaryOrgId(grants: repo.GrantWithOrg[]): string | null {
  return grants.find((g) => g.orgId)?.orgId ?? null;
}

export function createUsersService({ db }: { db: Db }) {
  /** A user is visible when any of their grants lies in scope, and manageable when all do. */
  async function load(tx: Db, id: string, scope: Scope, mode: 'read' | 'manage') {
    const row = await repo.findUserById(tx, id);
    if (!row) throw notFound('ENTITY_user');
    const grants = await repo.listGrantsOfUsers(tx, [id]);
    if (scope !== 'all') {
      const inScope = grants.filter((g) => g.orgPath && isInScope(scope, g.orgPath));
      if (inScope.length === 0) throw notFound('ENTITY_user');
      const outside = grants.filter((g) => g.role !== 'worker' && !(g.orgPath && isInScope(scope, g.orgPath)));
      if (mode === 'manage' && outside.length > 0) throw new AppError('USER_OUTSIDE_SCOPE', { status: 403 });
    }
    return { row, grants };
  }

  async function checkGrantable(tx: Db, ctx: UsersActor, role: Role, orgId: string | null | undefined): Promise<string | null> {
    if (role === 'platform_admin' || role === 'worker') {
      if (orgId) throw fieldError('orgId', 'ROLE_NO_ORG');
      if (role === 'platform_admin' && ctx.scope !== 'all') {
        throw new AppError('ROLE_NOT_GRANTABLE', { status: 403, params: { role: 'ROLE_platform_admin' }, errors: [{ path: 'role', message: 'ROLE_NOT_GRANTABLE' }] });
      }
      return null;
    }
    if (!orgId) {
      if (ORG_ROLES.includes(role) || ctx.scope !== 'all') throw fieldError('orgId', 'ROLE_NEEDS_ORG');
      return null;
    }
    const target = await findOrgById(tx, orgId);
    if (!target || !isInScope(ctx.scope, target.path)) {
      throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
    }
    if (ctx.scope !== 'all' && !GRANTABLE_BY_UNION_ADMIN.includes(role)) {
      throw new AppError('ROLE_NOT_GRANTABLE', { status: 403, params: { role: `ROLE_${role}` }, errors: [{ path: 'role', message: 'ROLE_NOT_GRANTABLE' }] });
    }
    return target.id;
  }

  function versionConflict(sent: number, current: number) {
    return new AppError('VERSION_CONFLICT', { params: { sent, current } });
  }

  return {
    async listUsers(query: ListUsersQuery, scope: Scope) {
      let orgPath: string | undefined;
      if (query.orgId) {
        const target = await findOrgById(db, query.orgId);
        if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
        orgPath = target.path;
      }
      const { items, total } = await repo.listUsers(db, { scope, q: query.q, orgPath, role: query.role, status: query.status, page: query.page, pageSize: query.pageSize });
      const grants = await repo.listGrantsOfUsers(db, items.map((u) => u.id));
      return { items: items.map((u) => toUser(u, grants)), total, page: query.page, pageSize: query.pageSize };
    },

    async getUser(id: string, scope: Scope): Promise<User> {
      const { row, grants } = await load(db, id, scope, 'read');
      return toUser(row, grants);
    },

    async createUser(input: CreateUser, ctx: UsersActor): Promise<User> {
      if (isWeakPassword(input.password)) throw fieldError('password', 'PASSWORD_TOO_WEAK');
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const orgId = await checkGrantable(tx, ctx, input.role, input.orgId);
        const row = await repo.insertUser(tx, { username: input.username, displayName: input.displayName, phone: input.phone ?? null, passwordHash });
        await repo.insertGrant(tx, { userId: row.id, role: input.role, orgId, grantedBy: ctx.actor.userId });
        await recordAudit(tx, ctx.audit, { action: 'user.create', entityType: 'user', entityId: row.id, orgId, after: { ...snapshot(row), role: input.role, orgId } });
        return toUser(row, await repo.listGrantsOfUsers(tx, [row.id]));
      });
    },

    async updateUser(id: string, input: UpdateUser, ctx: UsersActor): Promise<User> {
      return db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'manage');
        if (row.version !== input.version) throw versionConflict(input.version, row.version);
        if (input.status === 'disabled' && id === ctx.actor.userId) throw new AppError('CANNOT_CHANGE_SELF', { status: 409 });
        const { version, ...changes } = input;
        const updated = await repo.updateUserIfVersion(tx, id, version, changes);
        if (!updated) throw versionConflict(version, row.version);
        // A disabled account loses every session at once.
        if (input.status === 'disabled') await repo.revokeSessionsOfUser(tx, id);
        await recordAudit(tx, ctx.audit, { action: 'user.update', entityType: 'user', entityId: id, orgId: primaryOrgId(grants), ...diffSnapshots(snapshot(row), snapshot(updated)) });
        return toUser(updated, grants);
      });
    },

    async resetPassword(id: string, version: number, password: string, ctx: UsersActor): Promise<User> {
      if (isWeakPassword(password)) throw fieldError('password', 'PASSWORD_TOO_WEAK');
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'manage');
        if (row.version !== version) throw versionConflict(version, row.version);
        const updated = await repo.updateUserIfVersion(tx, id, version, { passwordHash, failedLoginCount: 0, lockedUntil: null });
        if (!updated) throw versionConflict(version, row.version);
        await repo.revokeSessionsOfUser(tx, id);
        await recordAudit(tx, ctx.audit, { action: 'user.password_reset', entityType: 'user', entityId: id, orgId: primaryOrgId(grants) });
        return toUser(updated, grants);
      });
    },

    async unlockUser(id: string, ctx: UsersActor): Promise<User> {
      return db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'manage');
        await repo.setLoginState(tx, id, { failedLoginCount: 0, lockedUntil: null });
        await recordAudit(tx, ctx.audit, { action: 'user.unlock', entityType: 'user', entityId: id, orgId: primaryOrgId(grants), before: { lockedUntil: row.lockedUntil?.toISOString() ?? null } });
        return toUser({ ...row, lockedUntil: null, failedLoginCount: 0 }, grants);
      });
    },

    async grantRole(id: string, input: GrantRole, ctx: UsersActor): Promise<User> {
      return db.transaction(async (tx) => {
        const row = await repo.findUserById(tx, id);
        if (!row) throw notFound('ENTITY_user');
        const before = await repo.listGrantsOfUsers(tx, [id]);
        // A user with no staff role yet (a worker) may be given one by any admin of the target org.
        const hasStaffRole = before.some((g) => STAFF_ROLES.includes(g.role as Role) || g.role === 'provider' || g.role === 'judge');
        if (hasStaffRole) await load(tx, id, ctx.scope, 'read');
        const orgId = await checkGrantable(tx, ctx, input.role, input.orgId);
        if (before.some((g) => g.role === input.role && g.orgId === orgId)) throw new AppError('ROLE_ALREADY_GRANTED', { status: 409, errors: [{ path: 'role', message: 'ROLE_ALREADY_GRANTED' }] });
        const grant = await repo.insertGrant(tx, { userId: id, role: input.role, orgId, grantedBy: ctx.actor.userId });
        await recordAudit(tx, ctx.audit, { action: 'role.grant', entityType: 'user', entityId: id, orgId, after: { grantId: grant.id, role: input.role, orgId } });
        return toUser(row, await repo.listGrantsOfUsers(tx, [id]));
      });
    },

    async revokeRole(id: string, grantId: string, ctx: UsersActor): Promise<User> {
      return db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'read');
        const grant = grants.find((g) => g.id === grantId);
        if (!grant) throw notFound('ENTITY_user');
        if (ctx.scope !== 'all' && !(grant.orgPath && isInScope(ctx.scope, grant.orgPath))) throw new AppError('USER_OUTSIDE_SCOPE', { status: 403 });
        if (id === ctx.actor.userId && grants.filter((g) => g.role === 'union_admin' || g.role === 'platform_admin').length <= 1 && ['union_admin', 'platform_admin'].includes(grant.role)) {
          throw new AppError('CANNOT_CHANGE_SELF', { status: 409 });
        }
        await repo.deleteGrant(tx, grantId);
        await recordAudit(tx, ctx.audit, { action: 'role.revoke', entityType: 'user', entityId: id, orgId: grant.orgId, before: { grantId, role: grant.role, orgId: grant.orgId } });
        return toUser(row, grants.filter((g) => g.id !== grantId));
      });
    },

    /** Shows a full phone number: needs personal_data.reveal and is always audited (PIPL). */
    async revealPhone(id: string, ctx: UsersActor): Promise<{ phone: string | null }> {
      return db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'read');
        await recordAudit(tx, ctx.audit, { action: 'personal_data.read', entityType: 'user', entityId: id, orgId: primaryOrgId(grants), after: { field: 'phone' } });
        return { phone: row.phone };
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
