import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { org, type OrgRow } from '../orgs';
import { indicatorTarget } from './figures.tables';

export type OrgNode = Pick<OrgRow, 'id' | 'code' | 'name' | 'type' | 'path' | 'divisionCode' | 'parentId'>;

const nodeColumns = { id: org.id, code: org.code, name: org.name, type: org.type, path: org.path, divisionCode: org.divisionCode, parentId: org.parentId };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An org by id or by code (the screen's `?org=JB`, the API's `org=`). */
export async function findOrgNode(db: Db, idOrCode: string): Promise<OrgNode | undefined> {
  const where = UUID.test(idOrCode) ? eq(org.id, idOrCode) : eq(org.code, idOrCode);
  const [row] = await db.select(nodeColumns).from(org).where(where).limit(1);
  return row;
}

export async function findOrgNodeByPath(db: Db, path: string): Promise<OrgNode | undefined> {
  const [row] = await db.select(nodeColumns).from(org).where(eq(org.path, path)).limit(1);
  return row;
}

/** The top of the tree (the federation with no parent). */
export async function findRootOrg(db: Db): Promise<OrgNode | undefined> {
  const [row] = await db.select(nodeColumns).from(org).where(isNull(org.parentId)).orderBy(asc(org.code)).limit(1);
  return row;
}

/** Every child of an org, closed ones too: their records still belong to the parent's subtree. */
export async function listChildren(db: Db, parentId: string): Promise<OrgNode[]> {
  return db.select(nodeColumns).from(org).where(eq(org.parentId, parentId)).orderBy(asc(org.code));
}

export async function findTarget(db: Db, key: string, orgId: string, year: number) {
  const [row] = await db
    .select()
    .from(indicatorTarget)
    .where(and(eq(indicatorTarget.indicatorKey, key), eq(indicatorTarget.orgId, orgId), eq(indicatorTarget.year, year)))
    .limit(1);
  return row;
}

export async function listTargets(db: Db, f: { key: string; orgId?: string | undefined; year?: number | undefined }) {
  const conditions = [eq(indicatorTarget.indicatorKey, f.key)];
  if (f.orgId) conditions.push(eq(indicatorTarget.orgId, f.orgId));
  if (f.year) conditions.push(eq(indicatorTarget.year, f.year));
  return db
    .select({ target: indicatorTarget, org: nodeColumns })
    .from(indicatorTarget)
    .innerJoin(org, eq(org.id, indicatorTarget.orgId))
    .where(and(...conditions))
    .orderBy(asc(indicatorTarget.year), asc(org.code));
}

export type TargetRow = typeof indicatorTarget.$inferSelect;

/** Sets a target: a new row, or the existing one if `version` matches (null when it does not). */
export async function upsertTarget(
  db: Db,
  values: { key: string; orgId: string; year: number; value: number; note: string | null; setById: string | null; setByName: string | null; source: string },
  version: number | undefined,
): Promise<TargetRow | null> {
  const existing = await findTarget(db, values.key, values.orgId, values.year);
  if (!existing) {
    const [row] = await db
      .insert(indicatorTarget)
      .values({ indicatorKey: values.key, orgId: values.orgId, year: values.year, value: values.value, note: values.note, setById: values.setById, setByName: values.setByName, source: values.source })
      .returning();
    return row!;
  }
  if (version !== undefined && version !== existing.version) return null;
  const [row] = await db
    .update(indicatorTarget)
    .set({ value: values.value, note: values.note, setById: values.setById, setByName: values.setByName, source: values.source, version: sql`${indicatorTarget.version} + 1`, updatedAt: new Date() })
    .where(and(eq(indicatorTarget.id, existing.id), eq(indicatorTarget.version, existing.version)))
    .returning();
  return row ?? null;
}

export async function countJobsByStatus(db: Db): Promise<{ status: string; count: number }[]> {
  const rows = await db.execute(sql`select status, count(*)::int as count from job group by status order by status`);
  return ((rows as { rows: { status: string; count: number }[] }).rows ?? []).map((r) => ({ status: r.status, count: Number(r.count) }));
}
