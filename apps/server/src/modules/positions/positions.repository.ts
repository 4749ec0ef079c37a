import { and, asc, count, eq, getTableColumns, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { org } from '../orgs';
import { position } from './positions.tables';

export type PositionRow = typeof position.$inferSelect;
export type PositionWithOrg = PositionRow & { orgCode: string; orgName: string; orgPath: string };

const columns = { ...getTableColumns(position), orgCode: org.code, orgName: org.name, orgPath: org.path };

export async function findPosition(db: Db, id: string): Promise<PositionWithOrg | undefined> {
  const rows = await db.select(columns).from(position).innerJoin(org, eq(org.id, position.orgId)).where(eq(position.id, id)).limit(1);
  return rows[0];
}

export type PositionFilter = {
  scope: Scope;
  underPath?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  facility?: string | undefined;
  q?: string | undefined;
};

function whereOf(f: PositionFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (f.underPath) conditions.push(like(org.path, `${f.underPath}%`));
  else if (f.scope !== 'all') conditions.push(or(...f.scope.map((p) => like(org.path, `${p}%`))));
  if (f.type) conditions.push(eq(position.type, f.type));
  if (f.status) conditions.push(eq(position.status, f.status));
  if (f.facility) conditions.push(sql`${f.facility} = any(${position.facilities})`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(position.name, pattern), ilike(position.code, pattern), ilike(position.address, pattern)));
  }
  return and(...conditions);
}

export async function listPositions(db: Db, f: PositionFilter, page: { limit: number; offset: number }) {
  const where = whereOf(f);
  const [items, totals] = await Promise.all([
    db.select(columns).from(position).innerJoin(org, eq(org.id, position.orgId)).where(where).orderBy(asc(position.code)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(position).innerJoin(org, eq(org.id, position.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

/**
 * Positions in order of planar distance in degrees from (lng, lat), read through the GiST index on
 * point(lng, lat) (core PostgreSQL KNN, no PostGIS needed). `planarDeg` is that distance; the
 * caller turns it into a lower bound on metres to know when it has read far enough.
 */
export async function listByPlanarDistance(
  db: Db,
  origin: { lng: number; lat: number },
  filter: { type?: string | undefined; statuses: string[]; facility?: string | undefined },
  page: { limit: number; offset: number },
): Promise<(PositionWithOrg & { planarDeg: number })[]> {
  const distance = sql<number>`point(${position.lng}, ${position.lat}) <-> point(${origin.lng}, ${origin.lat})`;
  const conditions: (SQL | undefined)[] = [inArray(position.status, filter.statuses)];
  if (filter.type) conditions.push(eq(position.type, filter.type));
  if (filter.facility) conditions.push(sql`${filter.facility} = any(${position.facilities})`);
  return db
    .select({ ...columns, planarDeg: sql<number>`(${distance})::float8`.mapWith(Number) })
    .from(position)
    .innerJoin(org, eq(org.id, position.orgId))
    .where(and(...conditions))
    .orderBy(distance)
    .limit(page.limit)
    .offset(page.offset);
}

export async function insertPosition(db: Db, values: typeof position.$inferInsert): Promise<PositionRow> {
  return (await db.insert(position).values(values).returning())[0]!;
}

export async function updatePositionIfVersion(db: Db, id: string, version: number, values: Partial<typeof position.$inferInsert>) {
  const rows = await db
    .update(position)
    .set({ ...values, version: sql`${position.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(position.id, id), eq(position.version, version)))
    .returning();
  return rows[0];
}
