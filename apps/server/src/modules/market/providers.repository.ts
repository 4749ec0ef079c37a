import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { marketProvider, marketProviderUser } from './market.tables';
import { dateOrNull, toDate, query, queryOne, scopeSql } from './shared';

export type ProviderRow = typeof marketProvider.$inferSelect & { orgPath: string; orgName: string; projectCount: number };

const providerSelect = (where: SQL) => sql`
  select p.*, o.path as org_path, o.name as org_name,
    (select count(*)::int from market_project j where j.provider_id = p.id) as project_count
  from market_provider p join org o on o.id = p.org_id where ${where}`;

function toRow(r: Record<string, unknown>): ProviderRow {
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    name: r.name as string,
    creditCode: r.credit_code as string,
    type: r.type as string,
    contactName: r.contact_name as string,
    contactPhone: r.contact_phone as string,
    address: (r.address as string | null) ?? null,
    intro: (r.intro as string | null) ?? null,
    serviceAreaOrgIds: (r.service_area_org_ids as string[]) ?? [],
    qualificationFileIds: (r.qualification_file_ids as string[]) ?? [],
    status: r.status as string,
    reviewReason: (r.review_reason as string | null) ?? null,
    reviewedBy: (r.reviewed_by as string | null) ?? null,
    reviewedAt: dateOrNull(r.reviewed_at),
    createdBy: (r.created_by as string | null) ?? null,
    version: Number(r.version),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    orgPath: r.org_path as string,
    orgName: r.org_name as string,
    projectCount: Number(r.project_count),
  };
}

export async function findProvider(db: Db, id: string, lock = false): Promise<ProviderRow | undefined> {
  const row = await queryOne<Record<string, unknown>>(db, sql`${providerSelect(sql`p.id = ${id}`)} ${lock ? sql`for update of p` : sql``}`);
  return row ? toRow(row) : undefined;
}

export async function findProviderOfUser(db: Db, userId: string): Promise<ProviderRow | undefined> {
  const row = await queryOne<Record<string, unknown>>(db, providerSelect(sql`p.id = (select provider_id from market_provider_user where user_id = ${userId})`));
  return row ? toRow(row) : undefined;
}

export async function insertProvider(db: Db, values: typeof marketProvider.$inferInsert): Promise<string> {
  const [row] = await db.insert(marketProvider).values(values).returning({ id: marketProvider.id });
  return row!.id;
}

export async function linkProviderUser(db: Db, providerId: string, userId: string): Promise<void> {
  await db.insert(marketProviderUser).values({ providerId, userId });
}

/** Whether the account acts for the provider (one of its contacts). */
export async function actsForProvider(db: Db, providerId: string, userId: string): Promise<boolean> {
  return (await query<{ n: number }>(db, sql`select 1 as n from market_provider_user where provider_id = ${providerId} and user_id = ${userId}`)).length > 0;
}

export async function listProviderUserIds(db: Db, providerId: string): Promise<string[]> {
  return (await query<{ user_id: string }>(db, sql`select user_id from market_provider_user where provider_id = ${providerId}`)).map((r) => r.user_id);
}

/** Updates when the row is still at `version`; returns false when someone changed it first. */
export async function updateProvider(db: Db, id: string, version: number, values: Partial<typeof marketProvider.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(marketProvider)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(marketProvider.id, id), eq(marketProvider.version, version)))
    .returning({ id: marketProvider.id });
  return rows.length > 0;
}

export type ProviderFilter = { scope: Scope; underPath?: string | undefined; status?: string | undefined; type?: string | undefined; q?: string | undefined; page: number; pageSize: number };

export async function listProviders(db: Db, f: ProviderFilter): Promise<{ items: ProviderRow[]; total: number }> {
  const where = sql.join(
    [
      scopeSql(f.scope, sql`o.path`),
      f.underPath ? sql`o.path like ${`${f.underPath}%`}` : sql`true`,
      f.status ? sql`p.status = ${f.status}` : sql`true`,
      f.type ? sql`p.type = ${f.type}` : sql`true`,
      f.q ? sql`(p.name ilike ${`%${f.q}%`} or p.credit_code = ${f.q.toUpperCase()})` : sql`true`,
    ],
    sql` and `,
  );
  const rows = await query<Record<string, unknown>>(
    db,
    sql`${providerSelect(where)} order by case p.status when 'pending' then 0 else 1 end, p.created_at desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n from market_provider p join org o on o.id = p.org_id where ${where}`);
  return { items: rows.map(toRow), total: Number(count?.n ?? 0) };
}

export async function listOrgRefs(db: Db, ids: readonly string[]): Promise<{ id: string; name: string; path: string; type: string }[]> {
  if (!ids.length) return [];
  return query(db, sql`select id, name, path, type from org where id = any(${sql.param([...ids])}::uuid[])`);
}

export async function listDistricts(db: Db): Promise<{ id: string; code: string; name: string }[]> {
  return query(db, sql`select id, code, name from org where type = 'district' and status = 'active' order by code`);
}

/** What next season's reviewers see of a provider: deliveries, attendance, ratings, earlier entries and prizes. */
export async function findTrackRecord(db: Db, providerId: string) {
  const [orders] = await query<{ delivered: number; attendance: number; rating_avg: number | null; rating_count: number; declined: number }>(
    db,
    sql`select count(*) filter (where status = 'delivered')::int as delivered,
          coalesce(sum(attendance_count) filter (where status = 'delivered'), 0)::int as attendance,
          avg(rating)::float as rating_avg, count(rating)::int as rating_count,
          count(*) filter (where status = 'declined')::int as declined
        from market_order where provider_id = ${providerId}`,
  );
  const entries = await query<{ season_id: string; title: string; year: number; project_title: string; status: string; prize: number | null }>(
    db,
    sql`select s.id as season_id, s.title, s.year, v.title as project_title, e.status,
          case when s.published_at is not null then (select (r->>'prize')::int from jsonb_array_elements(s.confirmed_result->'rows') r where r->>'entryId' = e.id::text) end as prize
        from market_entry e join market_season s on s.id = e.season_id join market_project_version v on v.id = e.version_id
        where e.provider_id = ${providerId} order by s.year desc, e.number limit 20`,
  );
  const comments = await query<{ rating: number; comment: string; union_name: string | null; rated_at: string }>(
    db,
    sql`select o.rating, o.rating_comment as comment, u.name as union_name, o.rated_at
        from market_order o left join org u on u.id = o.ordering_org_id
        where o.provider_id = ${providerId} and o.rating is not null and coalesce(o.rating_comment, '') <> '' order by o.rated_at desc limit 5`,
  );
  return { orders: orders!, entries, comments };
}
