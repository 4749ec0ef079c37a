import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { marketProject, marketProjectVersion } from './market.tables';
import { toDate, query, queryOne } from './shared';

export type ProjectRow = {
  id: string;
  code: string;
  providerId: string;
  providerName: string;
  providerStatus: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  status: string;
  currentVersionId: string | null;
  latestVersionId: string | null;
  isListed: boolean;
  openOrders: number;
  version: number;
  updatedAt: Date;
};
export type VersionRow = typeof marketProjectVersion.$inferSelect;

const projectSelect = (where: SQL) => sql`
  select p.*, pr.name as provider_name, pr.status as provider_status, o.name as org_name, o.path as org_path,
    (select count(*)::int from market_order m where m.project_id = p.id and m.status in ('placed','confirmed')) as open_orders
  from market_project p join market_provider pr on pr.id = p.provider_id join org o on o.id = p.org_id where ${where}`;

const toRow = (r: Record<string, unknown>): ProjectRow => ({
  id: r.id as string,
  code: r.code as string,
  providerId: r.provider_id as string,
  providerName: r.provider_name as string,
  providerStatus: r.provider_status as string,
  orgId: r.org_id as string,
  orgName: r.org_name as string,
  orgPath: r.org_path as string,
  status: r.status as string,
  currentVersionId: (r.current_version_id as string | null) ?? null,
  latestVersionId: (r.latest_version_id as string | null) ?? null,
  isListed: Boolean(r.is_listed),
  openOrders: Number(r.open_orders),
  version: Number(r.version),
  updatedAt: toDate(r.updated_at),
});

export async function findProject(db: Db, id: string, lock = false): Promise<ProjectRow | undefined> {
  const row = await queryOne<Record<string, unknown>>(db, sql`${projectSelect(sql`p.id = ${id}`)} ${lock ? sql`for update of p` : sql``}`);
  return row ? toRow(row) : undefined;
}

export type ProjectFilter = { where: SQL[]; page: number; pageSize: number };

export async function listProjects(db: Db, f: ProjectFilter): Promise<{ items: ProjectRow[]; total: number }> {
  const where = sql.join(f.where.length ? f.where : [sql`true`], sql` and `);
  const rows = await query<Record<string, unknown>>(db, sql`${projectSelect(where)} order by p.updated_at desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n from market_project p join market_provider pr on pr.id = p.provider_id join org o on o.id = p.org_id where ${where}`);
  return { items: rows.map(toRow), total: Number(count?.n ?? 0) };
}

export async function listVersionsByIds(db: Db, ids: readonly string[]): Promise<VersionRow[]> {
  if (!ids.length) return [];
  return db.select().from(marketProjectVersion).where(inArray(marketProjectVersion.id, [...ids]));
}

export async function listVersionsOfProject(db: Db, projectId: string): Promise<VersionRow[]> {
  return db.select().from(marketProjectVersion).where(eq(marketProjectVersion.projectId, projectId)).orderBy(desc(marketProjectVersion.number));
}

export async function findVersion(db: Db, id: string): Promise<VersionRow | undefined> {
  return (await db.select().from(marketProjectVersion).where(eq(marketProjectVersion.id, id)).limit(1))[0];
}

export async function insertProject(db: Db, values: typeof marketProject.$inferInsert): Promise<string> {
  const [row] = await db.insert(marketProject).values(values).returning({ id: marketProject.id });
  return row!.id;
}

export async function insertVersion(db: Db, values: typeof marketProjectVersion.$inferInsert): Promise<VersionRow> {
  return (await db.insert(marketProjectVersion).values(values).returning())[0]!;
}

export async function updateVersion(db: Db, id: string, values: Partial<typeof marketProjectVersion.$inferInsert>): Promise<void> {
  await db.update(marketProjectVersion).set(values).where(eq(marketProjectVersion.id, id));
}

export async function updateProject(db: Db, id: string, version: number, values: Partial<typeof marketProject.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(marketProject)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(marketProject.id, id), eq(marketProject.version, version)))
    .returning({ id: marketProject.id });
  return rows.length > 0;
}
