import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { scopeSql, type Scope } from '../../platform/auth';
import { appUser, roleGrant } from '../accounts';
import { org } from '../orgs';
import { liaisonAssignment, liaisonProblem, liaisonVisit, type LiaisonAssignmentRow, type LiaisonProblemRow } from './liaison.tables';

const cadre = alias(appUser, 'cadre');
const owner = alias(appUser, 'owner');
const NOT_RESOLVED = sql`${liaisonProblem.status} <> 'resolved'`;
/** The union and everything below it (the console's header scope, or a union chosen in a filter). */
const underOrg = (orgId: string | undefined) => (orgId ? sql`${org.path} like (select o2.path from ${org} o2 where o2.id = ${orgId}) || '%'` : undefined);
const overdueOn = (today: string) => and(NOT_RESOLVED, sql`${liaisonProblem.dueOn} < ${today}::date`);

/** Staff who can be cadres or owners: union staff and admins of the orgs in the scope. */
export async function listStaffInScope(db: Db, scope: Scope) {
  return db
    .selectDistinctOn([appUser.id], { id: appUser.id, displayName: appUser.displayName, orgId: org.id, orgName: org.name, orgPath: org.path })
    .from(roleGrant)
    .innerJoin(appUser, eq(appUser.id, roleGrant.userId))
    .innerJoin(org, eq(org.id, roleGrant.orgId))
    .where(and(inArray(roleGrant.role, ['union_admin', 'union_staff']), scopeSql(scope, sql`${org.path}`), eq(appUser.status, 'active')))
    .orderBy(asc(appUser.id), asc(org.path));
}

/** The unions where a user is staff or admin (active users only), with their name. */
export async function staffGrantsOf(db: Db, userId: string) {
  return db
    .select({ id: appUser.id, displayName: appUser.displayName, orgId: org.id, orgName: org.name, orgPath: org.path })
    .from(roleGrant)
    .innerJoin(appUser, eq(appUser.id, roleGrant.userId))
    .innerJoin(org, eq(org.id, roleGrant.orgId))
    .where(and(eq(roleGrant.userId, userId), inArray(roleGrant.role, ['union_admin', 'union_staff']), eq(appUser.status, 'active')));
}

export async function findOrg(db: Db, id: string) {
  const [row] = await db.select({ id: org.id, name: org.name, path: org.path, status: org.status }).from(org).where(eq(org.id, id));
  return row;
}

export async function insertAssignment(db: Db, values: typeof liaisonAssignment.$inferInsert): Promise<LiaisonAssignmentRow> {
  const [row] = await db.insert(liaisonAssignment).values(values).returning();
  return row!;
}

export async function endAssignmentIfVersion(db: Db, id: string, version: number, endedOn: string, now: Date) {
  const [row] = await db
    .update(liaisonAssignment)
    .set({ endedOn, version: sql`${liaisonAssignment.version} + 1`, updatedAt: now })
    .where(and(eq(liaisonAssignment.id, id), eq(liaisonAssignment.version, version), isNull(liaisonAssignment.endedOn)))
    .returning();
  return row ?? null;
}

export async function findAssignment(db: Db, id: string) {
  const [row] = await db
    .select({ a: liaisonAssignment, orgPath: org.path, orgName: org.name, cadreName: cadre.displayName })
    .from(liaisonAssignment)
    .innerJoin(org, eq(org.id, liaisonAssignment.orgId))
    .innerJoin(cadre, eq(cadre.id, liaisonAssignment.cadreId))
    .where(eq(liaisonAssignment.id, id));
  return row;
}

export type AssignmentFilter = { scope: Scope; cadreId?: string | undefined; orgId?: string | undefined; isActive?: boolean | undefined };

export async function findActiveAssignment(db: Db, cadreId: string, orgId: string) {
  const [row] = await db
    .select({ id: liaisonAssignment.id })
    .from(liaisonAssignment)
    .where(and(eq(liaisonAssignment.cadreId, cadreId), eq(liaisonAssignment.orgId, orgId), isNull(liaisonAssignment.endedOn)));
  return row;
}

export async function pageAssignments(db: Db, f: AssignmentFilter, today: string, page: { limit: number; offset: number }) {
  const where = and(
    scopeSql(f.scope, sql`${org.path}`),
    f.cadreId ? eq(liaisonAssignment.cadreId, f.cadreId) : undefined,
    underOrg(f.orgId),
    f.isActive === true ? isNull(liaisonAssignment.endedOn) : f.isActive === false ? sql`${liaisonAssignment.endedOn} is not null` : undefined,
  );
  const visits = sql<number>`(select count(*)::int from ${liaisonVisit} v where v.assignment_id = ${liaisonAssignment.id})`;
  const lastVisit = sql<string | null>`(select max(v.visited_on)::text from ${liaisonVisit} v where v.assignment_id = ${liaisonAssignment.id})`;
  const problems = (cond: SQL) => sql<number>`(select count(*)::int from ${liaisonProblem} p join ${liaisonVisit} v on v.id = p.visit_id where v.assignment_id = ${liaisonAssignment.id} and ${cond})`;
  const [items, [total]] = await Promise.all([
    db
      .select({
        a: liaisonAssignment,
        orgName: org.name,
        cadreName: cadre.displayName,
        visits,
        lastVisitOn: lastVisit,
        openProblems: problems(sql`p.status <> 'resolved'`),
        overdueProblems: problems(sql`p.status <> 'resolved' and p.due_on < ${today}::date`),
      })
      .from(liaisonAssignment)
      .innerJoin(org, eq(org.id, liaisonAssignment.orgId))
      .innerJoin(cadre, eq(cadre.id, liaisonAssignment.cadreId))
      .where(where)
      .orderBy(sql`${liaisonAssignment.endedOn} is not null`, asc(cadre.displayName), asc(org.path))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(liaisonAssignment).innerJoin(org, eq(org.id, liaisonAssignment.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function insertVisit(db: Db, values: typeof liaisonVisit.$inferInsert) {
  const [row] = await db.insert(liaisonVisit).values(values).returning();
  return row!;
}

export async function insertProblems(db: Db, values: (typeof liaisonProblem.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(liaisonProblem).values(values).returning();
}

export type VisitFilter = { scope: Scope; cadreId?: string | undefined; orgId?: string | undefined; assignmentId?: string | undefined };

export async function pageVisits(db: Db, f: VisitFilter, page: { limit: number; offset: number }) {
  const where = and(
    scopeSql(f.scope, sql`${org.path}`),
    f.cadreId ? eq(liaisonVisit.cadreId, f.cadreId) : undefined,
    underOrg(f.orgId),
    f.assignmentId ? eq(liaisonVisit.assignmentId, f.assignmentId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        v: liaisonVisit,
        orgName: org.name,
        cadreName: cadre.displayName,
        problems: sql<number>`(select count(*)::int from ${liaisonProblem} p where p.visit_id = ${liaisonVisit.id})`,
      })
      .from(liaisonVisit)
      .innerJoin(org, eq(org.id, liaisonVisit.orgId))
      .innerJoin(cadre, eq(cadre.id, liaisonVisit.cadreId))
      .where(where)
      .orderBy(desc(liaisonVisit.visitedOn), desc(liaisonVisit.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(liaisonVisit).innerJoin(org, eq(org.id, liaisonVisit.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

const problemColumns = { p: liaisonProblem, orgName: org.name, orgPath: org.path, cadreName: cadre.displayName, ownerName: owner.displayName, visitedOn: liaisonVisit.visitedOn };
export type ProblemJoined = { p: LiaisonProblemRow; orgName: string; orgPath: string; cadreName: string; ownerName: string; visitedOn: string };

const problemsFrom = (db: Db) =>
  db
    .select(problemColumns)
    .from(liaisonProblem)
    .innerJoin(org, eq(org.id, liaisonProblem.orgId))
    .innerJoin(liaisonVisit, eq(liaisonVisit.id, liaisonProblem.visitId))
    .innerJoin(cadre, eq(cadre.id, liaisonProblem.cadreId))
    .innerJoin(owner, eq(owner.id, liaisonProblem.ownerId));

export async function findProblem(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<ProblemJoined | undefined> {
  const q = problemsFrom(db).where(eq(liaisonProblem.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: liaisonProblem }) : await q;
  return row;
}

export async function listProblemsOfVisits(db: Db, visitIds: string[]): Promise<ProblemJoined[]> {
  if (visitIds.length === 0) return [];
  return problemsFrom(db).where(inArray(liaisonProblem.visitId, visitIds)).orderBy(asc(liaisonProblem.seq));
}

export type ProblemFilter = { scope: Scope; status?: string | undefined; cadreId?: string | undefined; ownerId?: string | undefined; orgId?: string | undefined };

export async function pageProblems(db: Db, f: ProblemFilter, today: string, page: { limit: number; offset: number }) {
  const where = and(
    scopeSql(f.scope, sql`${org.path}`),
    f.status === 'open' ? NOT_RESOLVED : f.status === 'overdue' ? overdueOn(today) : f.status ? eq(liaisonProblem.status, f.status) : undefined,
    f.cadreId ? eq(liaisonProblem.cadreId, f.cadreId) : undefined,
    f.ownerId ? eq(liaisonProblem.ownerId, f.ownerId) : undefined,
    underOrg(f.orgId),
  );
  const [items, [total]] = await Promise.all([
    problemsFrom(db)
      .where(where)
      // Open ones by due date (the most overdue first), then the latest resolved.
      .orderBy(sql`case when ${NOT_RESOLVED} then 0 else 1 end`, sql`case when ${NOT_RESOLVED} then ${liaisonProblem.dueOn} end asc`, desc(liaisonProblem.resolvedAt), desc(liaisonProblem.seq))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(liaisonProblem).innerJoin(org, eq(org.id, liaisonProblem.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function updateProblemIfVersion(db: Db, id: string, version: number, set: Partial<typeof liaisonProblem.$inferInsert>, now: Date) {
  const [row] = await db
    .update(liaisonProblem)
    .set({ ...set, version: sql`${liaisonProblem.version} + 1`, updatedAt: now })
    .where(and(eq(liaisonProblem.id, id), eq(liaisonProblem.version, version)))
    .returning();
  return row ?? null;
}

/** Per cadre over a period: assignments active in it, visits, problems found and resolved in it; open and overdue now. */
export async function figuresByCadre(db: Db, scope: Scope, from: string, to: string, today: string) {
  const inScope = scopeSql(scope, sql`o.path`);
  const result = await db.execute(sql`
    with a as (
      select a.cadre_id, count(*)::int as n from ${liaisonAssignment} a join ${org} o on o.id = a.org_id
      where ${inScope} and a.started_on <= ${to}::date and (a.ended_on is null or a.ended_on >= ${from}::date) group by a.cadre_id
    ), v as (
      select v.cadre_id, count(*)::int as n from ${liaisonVisit} v join ${org} o on o.id = v.org_id
      where ${inScope} and v.visited_on between ${from}::date and ${to}::date group by v.cadre_id
    ), p as (
      select p.cadre_id,
        count(*) filter (where vv.visited_on between ${from}::date and ${to}::date)::int as found,
        count(*) filter (where p.resolved_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and p.resolved_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'))::int as resolved,
        count(*) filter (where p.status <> 'resolved')::int as open,
        count(*) filter (where p.status <> 'resolved' and p.due_on < ${today}::date)::int as overdue
      from ${liaisonProblem} p join ${liaisonVisit} vv on vv.id = p.visit_id join ${org} o on o.id = p.org_id
      where ${inScope} group by p.cadre_id
    ), ids as (select cadre_id from a union select cadre_id from v union select cadre_id from p)
    select ids.cadre_id, u.display_name as cadre_name, coalesce(a.n, 0) as assignments, coalesce(v.n, 0) as visits,
      coalesce(p.found, 0) as found, coalesce(p.resolved, 0) as resolved, coalesce(p.open, 0) as open, coalesce(p.overdue, 0) as overdue
    from ids join ${appUser} u on u.id = ids.cadre_id left join a on a.cadre_id = ids.cadre_id left join v on v.cadre_id = ids.cadre_id left join p on p.cadre_id = ids.cadre_id
    order by coalesce(p.overdue, 0) desc, u.display_name`);
  return rowsOf<{ cadre_id: string; cadre_name: string; assignments: number; visits: number; found: number; resolved: number; open: number; overdue: number }>(result);
}

/** Per union with problems not resolved: how many, and how many past their due date. */
export async function openByOrg(db: Db, scope: Scope, today: string) {
  return db
    .select({
      orgId: org.id,
      orgName: org.name,
      problemsOpen: sql<number>`count(*)::int`,
      problemsOverdue: sql<number>`(count(*) filter (where ${liaisonProblem.dueOn} < ${today}::date))::int`,
    })
    .from(liaisonProblem)
    .innerJoin(org, eq(org.id, liaisonProblem.orgId))
    .where(and(NOT_RESOLVED, scopeSql(scope, sql`${org.path}`)))
    .groupBy(org.id, org.name)
    .orderBy(sql`4 desc`, sql`3 desc`, asc(org.name));
}

/** Photos of visits: the visited union's staff (voice.read) may see them. */
export async function liaisonPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'voice.read' }[]> {
  const rows = await db
    .select({ path: org.path })
    .from(liaisonVisit)
    .innerJoin(org, eq(org.id, liaisonVisit.orgId))
    .where(sql`${photoId}::uuid = any(${liaisonVisit.photoIds})`);
  return rows.map((r) => ({ path: r.path, permission: 'voice.read' as const }));
}
