import type { CreateUser, GrantRole, ListUsersQuery, Role, UpdateUser, User } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { GRANTABLE_BY_UNION_ADMIN, isInScope, PASSWORD_ROLES, type Actor, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import type { Secrets } from '../../platform/secrets';
import { fieldError } from '../../platform/validation';
import { findOrgById } from '../orgs';
import * as repo from './accounts.repository';
import { loginHashOf } from './auth.service';
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

/** An account a worker signs in to by SMS code (it holds the worker role): nobody else sets its password or phone. */
const isWorkerAccount = (grants: repo.GrantWithOrg[]) => grants.some((g) => g.role === 'worker');
const hasPasswordRole = (grants: repo.GrantWithOrg[]) => grants.some((g) => PASSWORD_ROLES.includes(g.role as Role));

// Refusals of authority over an account, recorded even though the change itself is not made.
const AUDITED_REFUSALS = new Set(['NOT_FOUND', 'FORBIDDEN', 'USER_OUTSIDE_SCOPE', 'ROLE_NOT_GRANTABLE', 'USER_IS_WORKER_ACCOUNT', 'USER_NOT_STAFF']);

/** What a change to an account tells this instance's session cache (others hear it by NOTIFY). */
export type SessionForgetter = { forgetUser(userId: string): void };

export function createUsersService({ db, secrets, sessions }: { db: Db; secrets: Secrets; sessions?: SessionForgetter }) {
  /** This instance drops the user's cached sessions as soon as the change has committed. */
  async function forgettingSessions<T>(userId: string, work: Promise<T>): Promise<T> {
    const result = await work;
    sessions?.forgetUser(userId);
    return result;
  }

  /**
   * Runs an account change and, when it is refused for lack of authority (out of scope, a worker's
   * account, a role the actor may not hand out), writes `user.refused` to the audit log — outside
   * the failed transaction, so the attempt stays on record (issue 9).
   */
  async function auditRefusal<T>(ctx: UsersActor, entityId: string | null, attempted: string, detail: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError && AUDITED_REFUSALS.has(error.code)) {
        await recordAudit(db, ctx.audit, { action: 'user.refused', entityType: 'user', entityId, after: { attempted, code: error.code, ...detail } });
      }
      throw error;
    }
  }

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
      return auditRefusal(ctx, null, 'user.create', { username: input.username, role: input.role, orgId: input.orgId ?? null }, () => db.transaction(async (tx) => {
        const orgId = await checkGrantable(tx, ctx, input.role, input.orgId);
        const row = await repo.insertUser(tx, { username: input.username, displayName: input.displayName, phone: input.phone ?? null, passwordHash, createdBy: ctx.actor.userId });
        await repo.insertGrant(tx, { userId: row.id, role: input.role, orgId, grantedBy: ctx.actor.userId });
        await recordAudit(tx, ctx.audit, { action: 'user.create', entityType: 'user', entityId: row.id, orgId, after: { ...snapshot(row), role: input.role, orgId } });
        return toUser(row, await repo.listGrantsOfUsers(tx, [row.id]));
      }));
    },

    async updateUser(id: string, input: UpdateUser, ctx: UsersActor): Promise<User> {
      return forgettingSessions(id, auditRefusal(ctx, id, 'user.update', {}, () => db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'manage');
        // The phone is how a worker signs in: changing it would hand their account to someone else.
        if (input.phone !== undefined && input.phone !== row.phone && isWorkerAccount(grants)) throw new AppError('USER_IS_WORKER_ACCOUNT', { status: 403, errors: [{ path: 'phone', message: 'USER_IS_WORKER_ACCOUNT' }] });
        if (row.version !== input.version) throw versionConflict(input.version, row.version);
        if (input.status === 'disabled' && id === ctx.actor.userId) throw new AppError('CANNOT_CHANGE_SELF', { status: 409 });
        const { version, ...changes } = input;
        const updated = await repo.updateUserIfVersion(tx, id, version, changes);
        if (!updated) throw versionConflict(version, row.version);
        // A disabled account loses every session at once.
        if (input.status === 'disabled') await repo.revokeSessionsOfUser(tx, id);
        await recordAudit(tx, ctx.audit, { action: 'user.update', entityType: 'user', entityId: id, orgId: primaryOrgId(grants), ...diffSnapshots(snapshot(row), snapshot(updated)) });
        return toUser(updated, grants);
      })));
    },

    async resetPassword(id: string, version: number, password: string, ctx: UsersActor): Promise<User> {
      if (isWeakPassword(password)) throw fieldError('password', 'PASSWORD_TOO_WEAK');
      const passwordHash = await hashPassword(password);
      return forgettingSessions(id, auditRefusal(ctx, id, 'user.password_reset', {}, () => db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'manage');
        // Only staff accounts have passwords; a worker's account is theirs alone (SMS code).
        if (isWorkerAccount(grants)) throw new AppError('USER_IS_WORKER_ACCOUNT', { status: 403 });
        if (!hasPasswordRole(grants)) throw new AppError('USER_NOT_STAFF', { status: 403 });
        if (row.version !== version) throw versionConflict(version, row.version);
        const updated = await repo.updateUserIfVersion(tx, id, version, { passwordHash, failedLoginCount: 0, lockedUntil: null });
        if (!updated) throw versionConflict(version, row.version);
        await repo.revokeSessionsOfUser(tx, id);
        await recordAudit(tx, ctx.audit, { action: 'user.password_reset', entityType: 'user', entityId: id, orgId: primaryOrgId(grants) });
        return toUser(updated, grants);
      })));
    },

    async unlockUser(id: string, ctx: UsersActor): Promise<User> {
      return auditRefusal(ctx, id, 'user.unlock', {}, () => db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'manage');
        await repo.setLoginState(tx, id, { failedLoginCount: 0, lockedUntil: null });
        // Locks are kept per (login, address): lift them at every address, by username and by phone.
        await repo.clearLoginFailures(tx, [row.username, row.phone].filter((l): l is string => Boolean(l)).map((l) => loginHashOf(secrets, l)));
        await recordAudit(tx, ctx.audit, { action: 'user.unlock', entityType: 'user', entityId: id, orgId: primaryOrgId(grants), before: { lockedUntil: row.lockedUntil?.toISOString() ?? null } });
        return toUser({ ...row, lockedUntil: null, failedLoginCount: 0 }, grants);
      }));
    },

    async grantRole(id: string, input: GrantRole, ctx: UsersActor): Promise<User> {
      return forgettingSessions(id, auditRefusal(ctx, id, 'role.grant', { role: input.role, orgId: input.orgId ?? null }, () => db.transaction(async (tx) => {
        const row = await repo.findUserById(tx, id);
        if (!row) throw notFound('ENTITY_user');
        const before = await repo.listGrantsOfUsers(tx, [id]);
        // Only people already in the granter's scope, or whom the granter made. A worker's own
        // account is in nobody's scope: granting it a role made it "manageable" (issue 9).
        if (row.createdBy !== ctx.actor.userId) await load(tx, id, ctx.scope, 'read');
        const orgId = await checkGrantable(tx, ctx, input.role, input.orgId);
        if (before.some((g) => g.role === input.role && g.orgId === orgId)) throw new AppError('ROLE_ALREADY_GRANTED', { status: 409, errors: [{ path: 'role', message: 'ROLE_ALREADY_GRANTED' }] });
        const grant = await repo.insertGrant(tx, { userId: id, role: input.role, orgId, grantedBy: ctx.actor.userId });
        await recordAudit(tx, ctx.audit, { action: 'role.grant', entityType: 'user', entityId: id, orgId, after: { grantId: grant.id, role: input.role, orgId } });
        return toUser(row, await repo.listGrantsOfUsers(tx, [id]));
      })));
    },

    async revokeRole(id: string, grantId: string, ctx: UsersActor): Promise<User> {
      return forgettingSessions(id, auditRefusal(ctx, id, 'role.revoke', { grantId }, () => db.transaction(async (tx) => {
        const { row, grants } = await load(tx, id, ctx.scope, 'read');
        const grant = grants.find((g) => g.id === grantId);
        if (!grant) throw notFound('ENTITY_user');
        if (ctx.scope !== 'all' && !(grant.orgPath && isInScope(ctx.scope, grant.orgPath))) throw new AppError('USER_OUTSIDE_SCOPE', { status: 403 });
        if (id === ctx.actor.userId && grants.filter((g) => g.role === 'union_admin' || g.role === 'platform_admin').length <= 1 && ['union_admin', 'platform_admin'].includes(grant.role)) {
          throw new AppError('CANNOT_CHANGE_SELF', { status: 409 });
        }
        await repo.deleteGrant(tx, grantId);
        const remaining = grants.filter((g) => g.id !== grantId);
        // The last role that needs a password takes the password with it (whoever set it) and ends
        // the sessions: nothing is left behind to sign in with.
        const clearsPassword = row.passwordHash !== null && !hasPasswordRole(remaining);
        let current = row;
        if (clearsPassword) {
          current = await repo.clearPassword(tx, id);
          await repo.revokeSessionsOfUser(tx, id);
        }
        await recordAudit(tx, ctx.audit, { action: 'role.revoke', entityType: 'user', entityId: id, orgId: grant.orgId, before: { grantId, role: grant.role, orgId: grant.orgId }, ...(clearsPassword ? { after: { passwordCleared: true, sessionsRevoked: true } } : {}) });
        return toUser(current, remaining);
      })));
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
