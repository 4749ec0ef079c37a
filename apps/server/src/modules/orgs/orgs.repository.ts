import { and, asc, count, eq, ilike, like, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { org } from './orgs.tables';

export type OrgRow = typeof org.$inferSelect;
export type OrgRowWithCount = OrgRow & { childCount: number };

// Qualified by hand: inside the subquery an unqualified "id" would mean the child's own id.
const childCount = sql<number>`(select count(*)::int from org c where c.parent_id = "org"."id")`.as('child_count');

/** SQL condition: the org's path lies in one of the scope's subtrees. */
export function scopeCondition(scope: Scope, pathColumn: Column | SQL = org.path): SQL | undefined {
  if (scope === 'all') return undefined;
  if (scope.length === 0) return sql`false`;
  return or(...scope.map((p) => like(pathColumn, `${p}%`)));
}

/**
 * SQL condition for a 待办 source: under the console's header org when one is chosen (already
 * checked against the scope), else within the actor's scope for the source's permission.
 */
export function todoScopeCondition(q: { scope: Scope; underPath: string | undefined }, pathColumn: Column | SQL = org.path): SQL | undefined {
  return q.underPath ? like(pathColumn, `${q.underPath}%`) : scopeCondition(q.scope, pathColumn);
}

export async function findOrgById(db: Db, id: string): Promise<OrgRow | undefined> {
  const rows = await db.select().from(org).where(eq(org.id, id)).limit(1);
  return rows[0];
}

function prepareOrgWithCount(db: Db) {
  return db.select({ ...orgColumns(), childCount }).from(org).where(eq(org.id, sql.placeholder('id'))).limit(1).prepare('org_with_count');
}
// Every authenticated org read runs this: built once per database handle (a named statement on
// PostgreSQL), not rebuilt by the query builder on every request (issue 11).
const orgWithCountByDb = new WeakMap<Db, ReturnType<typeof prepareOrgWithCount>>();

export async function findOrgWithCount(db: Db, id: string): Promise<OrgRowWithCount | undefined> {
  let prepared = orgWithCountByDb.get(db);
  if (!prepared) orgWithCountByDb.set(db, (prepared = prepareOrgWithCount(db)));
  const rows = await prepared.execute({ id });
  return rows[0];
}

export async function findOrgByCode(db: Db, code: string): Promise<OrgRow | undefined> {
  const rows = await db.select().from(org).where(eq(org.code, code)).limit(1);
  return rows[0];
}

function prepareOrgsByIds(db: Db) {
  return db.select().from(org).where(sql`${org.id} = any(${sql.placeholder('ids')}::uuid[])`).prepare('orgs_by_ids');
}
// An org read's ancestors: the same statement whatever their number, prepared like the org itself.
const orgsByIdsByDb = new WeakMap<Db, ReturnType<typeof prepareOrgsByIds>>();

export async function listOrgsByIds(db: Db, ids: string[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  let prepared = orgsByIdsByDb.get(db);
  if (!prepared) orgsByIdsByDb.set(db, (prepared = prepareOrgsByIds(db)));
  return prepared.execute({ ids });
}

export type OrgListFilter = {
  scope: Scope;
  underPath?: string | undefined;
  parentId?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

export async function listOrgs(db: Db, f: OrgListFilter): Promise<{ items: OrgRowWithCount[]; total: number }> {
  // A subtree the caller asked for was checked against the scope already; repeating the scope
  // filter would only make the planner misjudge how many rows match.
  const conditions: (SQL | undefined)[] = [f.underPath ? like(org.path, `${f.underPath}%`) : scopeCondition(f.scope)];
  if (f.parentId) conditions.push(eq(org.parentId, f.parentId));
  if (f.type) conditions.push(eq(org.type, f.type));
  if (f.status) conditions.push(eq(org.status, f.status));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(org.name, pattern), ilike(org.code, pattern), ilike(org.shortName, pattern)));
  }
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select({ ...orgColumns(), childCount })
      .from(org)
      .where(where)
      .orderBy(asc(org.depth), asc(org.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ value: count() }).from(org).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function countOpenChildren(db: Db, id: string): Promise<number> {
  const rows = await db
    .select({ value: count() })
    .from(org)
    .where(and(eq(org.parentId, id), eq(org.status, 'active')));
  return rows[0]?.value ?? 0;
}

export async function insertOrg(db: Db, values: typeof org.$inferInsert): Promise<OrgRow> {
  const rows = await db.insert(org).values(values).returning();
  return rows[0]!;
}

/** Updates when the version still matches; returns undefined when someone else got there first. */
export async function updateOrgIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof org.$inferInsert>,
): Promise<OrgRow | undefined> {
  const rows = await db
    .update(org)
    .set({ ...values, version: sql`${org.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(org.id, id), eq(org.version, version)))
    .returning();
  return rows[0];
}

/** Re-roots a whole subtree: every descendant's path prefix and depth change in one statement. */
export async function movePaths(db: Db, oldPath: string, newPath: string, depthDelta: number): Promise<number> {
  const result = await db.execute(sql`
    update org set
      path = ${newPath} || substr(path, ${oldPath.length + 1}),
      depth = depth + ${depthDelta},
      updated_at = now()
    where path like ${`${oldPath}%`} and path <> ${oldPath}`);
  return (result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0;
}

function orgColumns() {
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    shortName: org.shortName,
    type: org.type,
    parentId: org.parentId,
    path: org.path,
    depth: org.depth,
    divisionCode: org.divisionCode,
    creditCode: org.creditCode,
    address: org.address,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    chairName: org.chairName,
    chairPhone: org.chairPhone,
    foundedOn: org.foundedOn,
    legalCertNo: org.legalCertNo,
    status: org.status,
    closedAt: org.closedAt,
    closedReason: org.closedReason,
    version: org.version,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
  };
}

/** Open org nodes by type under a path (for public figures). */
export async function countOrgsByType(db: Db, underPath: string): Promise<{ type: string; count: number }[]> {
  return db
    .select({ type: org.type, count: count() })
    .from(org)
    .where(and(like(org.path, `${underPath}%`), eq(org.status, 'active')))
    .groupBy(org.type);
}
