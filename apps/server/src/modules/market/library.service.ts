import type { LibraryDetail, LibraryItem, LibraryQuery, Page } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notFound } from '../../platform/errors';
import { iso, query, queryOne } from './shared';
import { isUuid } from '../../platform/validation';

/**
 * The project library (项目库): projects admitted to a district's library with an approved
 * version, from an approved provider. Public (no personal data): the worker pages browse it
 * without signing in; ordering needs a sign-in.
 */
const librarySelect = (where: SQL) => sql`
  select p.id, p.code, v.id as version_id, v.title, v.category, v.formats, v.target_groups, v.price_fen, v.price_unit, v.capacity,
    v.duration_minutes, v.allows_self_order, v.photo_ids, v.attachment_ids, v.description,
    pr.id as provider_id, pr.name as provider_name, pr.service_area_org_ids, d.id as district_id, d.name as district_name,
    (select avg(rating)::float from market_order m where m.project_id = p.id and m.rating is not null) as rating_avg,
    (select count(rating)::int from market_order m where m.project_id = p.id) as rating_count,
    (select count(*)::int from market_order m where m.project_id = p.id and m.status = 'delivered') as delivered,
    (select json_build_object('prize', x.prize, 'title', x.title, 'year', x.year) from (
       select (r->>'prize')::int as prize, s.title, s.year from market_entry e join market_season s on s.id = e.season_id
       cross join lateral jsonb_array_elements(s.confirmed_result->'rows') r
       where e.project_id = p.id and s.published_at is not null and r->>'entryId' = e.id::text and r->>'prize' is not null
       order by (r->>'prize')::int, s.year desc limit 1) x) as award
  from market_project p
  join market_project_version v on v.id = p.current_version_id
  join market_provider pr on pr.id = p.provider_id
  join org d on d.id = p.org_id
  where p.is_listed and pr.status = 'approved' and ${where}`;

type Row = Record<string, unknown>;

export function createLibraryService({ db }: { db: Db }) {
  async function areaNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await query<{ id: string; name: string }>(db, sql`select id, name from org where id = any(${sql.param(ids)}::uuid[])`);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  function toItem(r: Row, areas: Map<string, string>): LibraryItem {
    const award = r.award as { prize: number; title: string; year: number } | null;
    const photos = (r.photo_ids as string[]) ?? [];
    return {
      id: r.id as string,
      code: r.code as string,
      versionId: r.version_id as string,
      title: r.title as string,
      category: r.category as LibraryItem['category'],
      formats: r.formats as LibraryItem['formats'],
      targetGroups: r.target_groups as LibraryItem['targetGroups'],
      priceFen: Number(r.price_fen),
      priceUnit: r.price_unit as LibraryItem['priceUnit'],
      capacity: Number(r.capacity),
      durationMinutes: Number(r.duration_minutes),
      allowsSelfOrder: Boolean(r.allows_self_order),
      photoId: photos[0] ?? null,
      provider: { id: r.provider_id as string, name: r.provider_name as string },
      district: { id: r.district_id as string, name: r.district_name as string },
      serviceAreas: ((r.service_area_org_ids as string[]) ?? []).map((id) => ({ id, name: areas.get(id) ?? '' })),
      ratingAverage: r.rating_avg === null || r.rating_avg === undefined ? null : Math.round(Number(r.rating_avg) * 10) / 10,
      ratingCount: Number(r.rating_count),
      deliveredOrders: Number(r.delivered),
      award: award ? { prize: Number(award.prize), seasonTitle: award.title, year: Number(award.year) } : null,
    };
  }

  return {
    async list(q: LibraryQuery): Promise<Page<LibraryItem>> {
      const where: SQL[] = [];
      if (q.org) where.push(isUuid(q.org) ? sql`d.id = ${q.org}` : sql`d.code = ${q.org.toUpperCase()}`);
      if (q.category) where.push(sql`v.category = ${q.category}`);
      if (q.format) where.push(sql`${q.format} = any(v.formats)`);
      if (q.maxPriceFen !== undefined) where.push(sql`v.price_fen <= ${q.maxPriceFen}`);
      if (q.isSelfOrder) where.push(sql`v.allows_self_order = ${q.isSelfOrder === 'true'}`);
      if (q.q) where.push(sql`(v.title ilike ${`%${q.q}%`} or pr.name ilike ${`%${q.q}%`} or p.code = ${q.q.toUpperCase()})`);
      if (q.areaOrgId) {
        // Served when the provider serves the whole district (no areas) or an area above this org.
        const area = sql`(select path from org where id = ${q.areaOrgId})`;
        where.push(sql`${area} like d.path || '%'`);
        where.push(sql`(cardinality(pr.service_area_org_ids) = 0 or exists (select 1 from org a where a.id = any(pr.service_area_org_ids) and ${area} like a.path || '%'))`);
      }
      const cond = sql.join(where.length ? where : [sql`true`], sql` and `);
      const order = q.sort === 'price' ? sql`price_fen, title` : q.sort === 'newest' ? sql`listed desc` : sql`award_prize nulls last, rating_avg desc nulls last, delivered desc, title`;
      const rows = await query<Row>(
        db,
        sql`select * from (select x.*, (x.award->>'prize')::int as award_prize, (select listed_at from market_project where id = x.id) as listed from (${librarySelect(cond)}) x) y
            order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
      );
      const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n from (${librarySelect(cond)}) x`);
      const areas = await areaNames([...new Set(rows.flatMap((r) => (r.service_area_org_ids as string[]) ?? []))]);
      return { items: rows.map((r) => toItem(r, areas)), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
    },

    async get(id: string): Promise<LibraryDetail> {
      const r = await queryOne<Row>(db, librarySelect(sql`p.id = ${id}`));
      if (!r) throw notFound('ENTITY_market_project');
      const areas = await areaNames((r.service_area_org_ids as string[]) ?? []);
      const comments = await query<{ rating: number; comment: string; union_name: string | null; rated_at: string }>(
        db,
        sql`select m.rating, m.rating_comment as comment, u.name as union_name, m.rated_at from market_order m left join org u on u.id = m.ordering_org_id
            where m.project_id = ${id} and m.rating is not null and coalesce(m.rating_comment, '') <> '' order by m.rated_at desc limit 20`,
      );
      return {
        ...toItem(r, areas),
        description: r.description as string,
        photoIds: (r.photo_ids as string[]) ?? [],
        attachmentIds: (r.attachment_ids as string[]) ?? [],
        comments: comments.map((c) => ({ rating: Number(c.rating), comment: c.comment, union: c.union_name, at: iso(c.rated_at) })),
      };
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
