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

/** Positions inside a lat/lng box (the nearest search widens the box until it has enough). */
export async function listInBox(
  db: Db,
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  filter: { type?: string | undefined; statuses: string[] },
): Promise<PositionWithOrg[]> {
  const conditions: (SQL | undefined)[] = [
    sql`${position.lat} between ${box.minLat} and ${box.maxLat}`,
    sql`${position.lng} between ${box.minLng} and ${box.maxLng}`,
    inArray(position.status, filter.statuses),
  ];
  if (filter.type) conditions.push(eq(position.type, filter.type));
  return db.select(columns).from(position).innerJoin(org, eq(org.id, position.orgId)).where(and(...conditions)).limit(5000);
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
