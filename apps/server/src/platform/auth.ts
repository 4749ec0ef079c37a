import type { Permission, Role } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** What each role may do. A staff role applies on the org node it was granted on and below. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: ['org.read', 'org.write', 'user.read', 'user.write', 'audit.read', 'personal_data.reveal', 'member.read', 'member.write', 'member.reveal', 'position.read', 'position.write', 'position.inspect', 'rubric.write', 'access.read', 'access.write', 'fund.read', 'fund.write', 'figures.read', 'figures.write', 'system.read', 'job.read', 'job.write', 'notice.write', 'calendar.write', 'rights.read', 'rights.write', 'rights.manage', 'market.read', 'market.write', 'market.order', 'event.read', 'event.write', 'organizing.read', 'organizing.write', 'voice.read', 'voice.write', 'assistance.read', 'assistance.write', 'assistance.reveal', 'honours.read', 'honours.write'],
  // The holiday calendar is installation-wide (one State Council notice for the whole country), so only a platform admin edits it.
  union_admin: ['org.read', 'org.write', 'user.read', 'user.write', 'audit.read', 'personal_data.reveal', 'member.read', 'member.write', 'member.reveal', 'position.read', 'position.write', 'position.inspect', 'rubric.write', 'access.read', 'access.write', 'fund.read', 'fund.write', 'figures.read', 'figures.write', 'job.read', 'job.write', 'notice.write', 'rights.read', 'rights.write', 'rights.manage', 'market.read', 'market.write', 'market.order', 'event.read', 'event.write', 'organizing.read', 'organizing.write', 'voice.read', 'voice.write', 'assistance.read', 'assistance.write', 'assistance.reveal', 'honours.read', 'honours.write'],
  // Staff answer consultations and mediate; a case itself is visible only to those on it (rights module).
  union_staff: ['org.read', 'user.read', 'member.read', 'member.write', 'position.read', 'position.write', 'position.inspect', 'access.read', 'access.write', 'fund.read', 'fund.write', 'figures.read', 'notice.write', 'rights.read', 'rights.write', 'market.read', 'market.write', 'market.order', 'event.read', 'event.write', 'organizing.read', 'organizing.write', 'voice.read', 'voice.write', 'assistance.read', 'assistance.write', 'honours.read', 'honours.write'],
  station_operator: ['org.read', 'position.read', 'access.read', 'fund.read'],
  provider: ['market.provider'],
  judge: ['market.judge'],
  worker: [],
};

export const STAFF_ROLES: readonly Role[] = ['platform_admin', 'union_admin', 'union_staff', 'station_operator'];

/**
 * Roles that sign in with a username and password, handed out by an admin. A `worker` signs in by
 * SMS code only: an account holding none of these has no password (issue 9: a password left on a
 * worker's account was a backdoor).
 */
export const PASSWORD_ROLES: readonly Role[] = [...STAFF_ROLES, 'provider', 'judge'];

/** Roles a union_admin may hand out inside their subtree; only a platform admin makes platform admins. */
export const GRANTABLE_BY_UNION_ADMIN: readonly Role[] = ['union_admin', 'union_staff', 'station_operator', 'provider', 'judge'];

export type ActorGrant = {
  id: string;
  role: Role;
  orgId: string | null;
  /** Materialised path of the granted org ("/root/.../org/"), null for global grants. */
  orgPath: string | null;
};

export type Actor = {
  userId: string;
  displayName: string;
  username: string | null;
  sessionId: string;
  csrfToken: string;
  grants: ActorGrant[];
};

/**
 * The subtrees in which the actor holds a permission: 'all' (a global grant) or the org paths
 * that every in-scope org's path starts with.
 */
export type Scope = 'all' | string[];

export function scopeOf(actor: Actor, permission: Permission): Scope {
  const paths: string[] = [];
  for (const grant of actor.grants) {
    if (!ROLE_PERMISSIONS[grant.role].includes(permission)) continue;
    if (grant.orgPath === null) return 'all';
    paths.push(grant.orgPath);
  }
  // Drop paths already covered by a shorter one, so SQL filters stay small.
  paths.sort((a, b) => a.length - b.length);
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  const scope = scopeOf(actor, permission);
  return scope === 'all' || scope.length > 0;
}

export function isInScope(scope: Scope, orgPath: string): boolean {
  return scope === 'all' || scope.some((p) => orgPath.startsWith(p));
}

/** The org is in scope or above it: a street's staff see the district's seasons, rules or events (their members take part) without running them. */
export const isRelated = (scope: Scope, orgPath: string) => scope === 'all' || scope.some((p) => orgPath.startsWith(p) || p.startsWith(orgPath));

/** SQL: the row's org path (`pathColumn`) is in one of the scope's subtrees. */
export function scopeSql(scope: Scope, pathColumn: SQL): SQL {
  if (scope === 'all') return sql`true`;
  if (!scope.length) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`${pathColumn} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** SQL: the row's org path is in scope or above it (isRelated). */
export function relatedSql(scope: Scope, pathColumn: SQL): SQL {
  if (scope === 'all') return sql`true`;
  if (!scope.length) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`(${pathColumn} like ${`${p}%`} or ${p} like ${pathColumn} || '%')`),
    sql` or `,
  )})`;
}

export function permissionsOf(actor: Actor): Permission[] {
  return [...new Set(actor.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))];
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyContextConfig {
    /** The permission a route needs; 'authenticated' for any signed-in user, 'public' for none. */
    permission?: Permission | 'authenticated' | 'public';
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** The actor and their scope for a permission; 403 if they hold it nowhere. */
export function requireScope(request: FastifyRequest, permission: Permission): { actor: Actor; scope: Scope } {
  const actor = requireActor(request);
  const scope = scopeOf(actor, permission);
  if (scope !== 'all' && scope.length === 0) throw new AppError('FORBIDDEN');
  return { actor, scope };
}
