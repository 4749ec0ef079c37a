import { and, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { appUser, roleGrant } from '../accounts';
import { org } from '../orgs';
import { rightsCase, rightsCaseMember } from './cases.tables';
import type { RightsStaff } from './rights.shared';

/**
 * Confidentiality of dispute cases (issue #15 point 6). A case is visible only to
 *  - staff on it (its mediator, who took it in, staff explicitly added: rights_case_member), and
 *  - managers (rights.manage) whose subtree holds the case's union or the mediator's own union.
 * Everyone else — even staff of the same union with rights.read — gets 404, as if it did not exist.
 */
const prefixMatch = (scope: string[], column: SQL | typeof org.path) => or(...scope.map((p) => like(column as typeof org.path, `${p}%`)));

/** The roles whose grants say which union a mediator works for. */
const MEDIATOR_ROLES = ['union_admin', 'union_staff'] as const;

/** SQL: the viewer may see the case row (rights_case joined with its org). */
export function caseVisibleWhere(viewer: Pick<RightsStaff, 'userId' | 'manage'>): SQL | undefined {
  const member = sql`exists (select 1 from rights_case_member m where m.case_id = ${rightsCase.id} and m.user_id = ${viewer.userId} and m.removed_at is null)`;
  if (viewer.manage === 'all') return undefined;
  if (viewer.manage.length === 0) return member;
  const paths = viewer.manage.map((p) => `${p}%`);
  const mediatorsUnion = sql`exists (select 1 from role_grant g join org go on go.id = g.org_id where g.user_id = ${rightsCase.mediatorId} and g.role in ('union_admin', 'union_staff') and (${sql.join(
    paths.map((p) => sql`go.path like ${p}`),
    sql` or `,
  )}))`;
  return or(member, prefixMatch(viewer.manage, org.path), mediatorsUnion);
}

export type CaseAccess = { isMember: boolean; isManager: boolean };

/** How the viewer relates to a case, or null if they may not see it. */
export async function caseAccessOf(db: Db, viewer: Pick<RightsStaff, 'userId' | 'manage'>, c: { id: string; mediatorId: string | null; orgPath: string }): Promise<CaseAccess | null> {
  const member = await db
    .select({ id: rightsCaseMember.id })
    .from(rightsCaseMember)
    .where(and(eq(rightsCaseMember.caseId, c.id), eq(rightsCaseMember.userId, viewer.userId), isNull(rightsCaseMember.removedAt)))
    .limit(1);
  let isManager = isInScope(viewer.manage, c.orgPath);
  if (!isManager && c.mediatorId && viewer.manage !== 'all' && viewer.manage.length > 0) {
    const paths = await mediatorPaths(db, c.mediatorId);
    isManager = paths.some((p) => isInScope(viewer.manage, p));
  }
  if (member.length === 0 && !isManager) return null;
  return { isMember: member.length > 0, isManager };
}

/**
 * The unions a staff member works for: their union_admin / union_staff grants only. A judge or
 * provider grant elsewhere (the marketplace invites people by phone, staff included) does not make
 * that district's managers the mediator's managers.
 */
export async function mediatorPaths(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ path: org.path })
    .from(roleGrant)
    .innerJoin(org, eq(org.id, roleGrant.orgId))
    .where(and(eq(roleGrant.userId, userId), inArray(roleGrant.role, [...MEDIATOR_ROLES])));
  return rows.map((r) => r.path);
}

/** A case the viewer may see with what they may do; 404 otherwise. */
export async function requireCaseAccess(db: Db, viewer: RightsStaff, c: { id: string; mediatorId: string | null; orgPath: string }, need: 'read' | 'write' | 'manage' = 'read'): Promise<CaseAccess> {
  const access = await caseAccessOf(db, viewer, c);
  if (!access) throw notFound('ENTITY_rights_case');
  // Seeing a case but lacking the action's permission is a 403 (the case's existence is no secret to them).
  if (need === 'write' && !(isInScope(viewer.write, c.orgPath) || access.isMember)) throw new AppError('FORBIDDEN');
  if (need === 'manage' && !access.isManager) throw new AppError('FORBIDDEN');
  return access;
}

/**
 * Active staff who can mediate a case held by an org: union_admin or union_staff granted on the
 * org or on a union above it (not platform-wide accounts).
 */
export async function listMediatorCandidates(db: Db, orgPath: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: appUser.id, name: appUser.displayName })
    .from(roleGrant)
    .innerJoin(appUser, eq(appUser.id, roleGrant.userId))
    .innerJoin(org, eq(org.id, roleGrant.orgId))
    .where(and(inArray(roleGrant.role, [...MEDIATOR_ROLES]), sql`${orgPath} like ${org.path} || '%'`, eq(appUser.status, 'active')))
    .orderBy(appUser.displayName);
}

/**
 * The managers a reminder goes to: union admins granted on the case's union, or else on the
 * nearest union above it that has one (not every admin up to the federation).
 */
export async function listNearestManagers(db: Db, orgPath: string): Promise<{ id: string; name: string; phone: string | null }[]> {
  const rows = await db
    .select({ id: appUser.id, name: appUser.displayName, phone: appUser.phone, path: org.path })
    .from(roleGrant)
    .innerJoin(appUser, eq(appUser.id, roleGrant.userId))
    .innerJoin(org, eq(org.id, roleGrant.orgId))
    .where(and(eq(roleGrant.role, 'union_admin'), sql`${orgPath} like ${org.path} || '%'`, eq(appUser.status, 'active')));
  const deepest = Math.max(0, ...rows.map((r) => r.path.length));
  const seen = new Set<string>();
  return rows.filter((r) => r.path.length === deepest && !seen.has(r.id) && seen.add(r.id)).map(({ id, name, phone }) => ({ id, name, phone }));
}

export function scopeWhere(scope: Scope): SQL | undefined {
  if (scope === 'all') return undefined;
  if (scope.length === 0) return sql`false`;
  return prefixMatch(scope, org.path);
}
