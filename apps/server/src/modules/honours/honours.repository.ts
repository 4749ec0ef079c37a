import { sql, type SQL } from 'drizzle-orm';
import type { CareKind, HonourLevel, HonourStatus, HonourTitle } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { query, queryOne } from '../../db/rows';
import { scopeSql, type Scope } from '../../platform/auth';

/** A `like` pattern that matches the typed text literally (a typed % or _ is not a wildcard). */
export const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The header scope's union: its subtree, inside the caller's scope (which is applied as well). */
export const underOrg = (orgId: string | undefined, pathColumn: SQL): SQL => (orgId ? sql`${pathColumn} like (select o2.path || '%' from org o2 where o2.id = ${orgId})` : sql`true`);

/** Every query on the honour and honour_care tables. */

export type HonourRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  person_id: string;
  membership_id: string;
  person_name: string;
  level: HonourLevel;
  title: HonourTitle;
  title_text: string | null;
  year: number;
  awarding_body: string;
  certificate_photo_id: string | null;
  status: HonourStatus;
  revoked_reason: string | null;
  created_at: unknown;
  version: number;
};

const honourSelect = sql`select h.id, h.org_id, o.name as org_name, o.path as org_path, h.person_id, h.membership_id, h.person_name, h.level, h.title, h.title_text, h.year,
    h.awarding_body, h.certificate_photo_id, h.status, h.revoked_reason, h.created_at, h.version
  from honour h join org o on o.id = h.org_id`;

export type HonourFilter = { scope: Scope; orgId?: string | undefined; q?: string | undefined; level?: string | undefined; title?: string | undefined; year?: number | undefined; status?: string | undefined; page: number; pageSize: number };

export async function listHonours(db: Db, f: HonourFilter): Promise<{ items: HonourRow[]; total: number }> {
  const where: SQL[] = [scopeSql(f.scope, sql`o.path`), underOrg(f.orgId, sql`o.path`)];
  if (f.q) where.push(sql`(h.person_name like ${containing(f.q)} or h.awarding_body like ${containing(f.q)})`);
  if (f.level) where.push(sql`h.level = ${f.level}`);
  if (f.title) where.push(sql`h.title = ${f.title}`);
  if (f.year) where.push(sql`h.year = ${f.year}`);
  if (f.status) where.push(sql`h.status = ${f.status}`);
  const w = sql.join(where, sql` and `);
  const items = await query<HonourRow>(db, sql`${honourSelect} where ${w} order by h.year desc, h.person_name, h.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from honour h join org o on o.id = h.org_id where ${w}`);
  return { items, total: total?.n ?? 0 };
}

export async function findHonour(db: Db, id: string): Promise<HonourRow | undefined> {
  return queryOne<HonourRow>(db, sql`${honourSelect} where h.id = ${id}`);
}

type HonourValues = { level: string; title: string; titleText: string | null; year: number; awardingBody: string; certificatePhotoId: string | null };

export async function insertHonour(db: Db, m: { orgId: string; personId: string; membershipId: string; personName: string }, v: HonourValues, by: string): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into honour (org_id, person_id, membership_id, person_name, level, title, title_text, year, awarding_body, certificate_photo_id, created_by)
      values (${m.orgId}, ${m.personId}, ${m.membershipId}, ${m.personName}, ${v.level}, ${v.title}, ${v.titleText}, ${v.year}, ${v.awardingBody}, ${v.certificatePhotoId}, ${by})
      on conflict (person_id, level, title, year) do nothing returning id`,
  );
  return row?.id ?? null;
}

export async function updateHonour(db: Db, id: string, version: number, v: HonourValues, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update honour set level = ${v.level}, title = ${v.title}, title_text = ${v.titleText}, year = ${v.year}, awarding_body = ${v.awardingBody}, certificate_photo_id = ${v.certificatePhotoId},
        version = version + 1, updated_at = ${now.toISOString()}
      where id = ${id} and version = ${version} and status = 'active' returning id`,
  );
  return rows.length === 1;
}

export async function revokeHonour(db: Db, id: string, version: number, reason: string, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  const rows = await query<{ id: string }>(
    db,
    sql`update honour set status = 'revoked', revoked_reason = ${reason}, revoked_at = ${stamp}, version = version + 1, updated_at = ${stamp}
      where id = ${id} and version = ${version} and status = 'active' returning id`,
  );
  return rows.length === 1;
}

/** Whether the person holds an active honour (a studio's leader must; care is for the honoured). */
export async function hasActiveHonour(db: Db, personId: string): Promise<boolean> {
  const row = await queryOne<{ ok: boolean }>(db, sql`select exists (select 1 from honour where person_id = ${personId} and status = 'active') as ok`);
  return row?.ok === true;
}

/** The person's union as their active honours were recorded under (the newest), for care rows. */
export async function findHonouredPerson(db: Db, personId: string): Promise<{ person_id: string; person_name: string; org_id: string; org_path: string } | undefined> {
  return queryOne(
    db,
    sql`select h.person_id, h.person_name, h.org_id, o.path as org_path from honour h join org o on o.id = h.org_id
      where h.person_id = ${personId} and h.status = 'active' order by h.created_at desc limit 1`,
  );
}

export type CareRow = { id: string; person_id: string; person_name: string; org_name: string; kind: CareKind; cared_on: string; notes: string | null; cost_fen: number; created_at: unknown };

export async function insertCare(
  db: Db,
  v: { orgId: string; personId: string; personName: string; kind: string; caredOn: string; caredAt: string; notes: string | null; costFen: number },
  by: string,
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into honour_care (org_id, person_id, person_name, kind, cared_on, cared_at, notes, cost_fen, created_by)
      values (${v.orgId}, ${v.personId}, ${v.personName}, ${v.kind}, ${v.caredOn}, ${v.caredAt}, ${v.notes}, ${v.costFen}, ${by}) returning id`,
  );
  return row!.id;
}

const careSelect = sql`select c.id, c.person_id, c.person_name, o.name as org_name, c.kind, c.cared_on::text as cared_on, c.notes, c.cost_fen::float8 as cost_fen, c.created_at
  from honour_care c join org o on o.id = c.org_id`;

export async function findCare(db: Db, id: string): Promise<CareRow | undefined> {
  return queryOne<CareRow>(db, sql`${careSelect} where c.id = ${id}`);
}

export async function listCares(
  db: Db,
  f: { scope: Scope; orgId?: string | undefined; personId?: string | undefined; year?: number | undefined; kind?: string | undefined; page: number; pageSize: number },
): Promise<{ items: CareRow[]; total: number }> {
  const where: SQL[] = [scopeSql(f.scope, sql`o.path`), underOrg(f.orgId, sql`o.path`)];
  if (f.personId) where.push(sql`c.person_id = ${f.personId}`);
  if (f.year) where.push(sql`c.cared_on between ${`${f.year}-01-01`} and ${`${f.year}-12-31`}`);
  if (f.kind) where.push(sql`c.kind = ${f.kind}`);
  const w = sql.join(where, sql` and `);
  const items = await query<CareRow>(db, sql`${careSelect} where ${w} order by c.cared_on desc, c.person_name, c.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from honour_care c join org o on o.id = c.org_id where ${w}`);
  return { items, total: total?.n ?? 0 };
}

/** Honoured members (an active honour in scope) with no care activity in the year, with their last one. */
export async function listNotCared(
  db: Db,
  f: { scope: Scope; orgId?: string | undefined; year: number; page: number; pageSize: number },
): Promise<{ items: { person_id: string; person_name: string; org_name: string; titles: string[]; last_cared_on: string | null }[]; total: number }> {
  const base = sql`from honour h join org o on o.id = h.org_id
    where h.status = 'active' and ${scopeSql(f.scope, sql`o.path`)} and ${underOrg(f.orgId, sql`o.path`)}
      and not exists (select 1 from honour_care c where c.person_id = h.person_id and c.cared_on between ${`${f.year}-01-01`} and ${`${f.year}-12-31`})`;
  const items = await query<{ person_id: string; person_name: string; org_name: string; titles: string[]; last_cared_on: string | null }>(
    db,
    sql`select h.person_id, min(h.person_name) as person_name, min(o.name) as org_name, array_agg(h.level || ':' || h.title order by h.year desc) as titles,
        (select max(c.cared_on)::text from honour_care c where c.person_id = h.person_id) as last_cared_on
      ${base} group by h.person_id order by min(h.person_name), h.person_id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(distinct h.person_id)::int as n ${base}`);
  return { items, total: total?.n ?? 0 };
}

/** The counts of the 统计 page at a scope: honours in force by level and title, care this year, studios and their outcomes. */
export async function summary(db: Db, scope: Scope, year: number, orgId?: string) {
  const inScope = sql`${scopeSql(scope, sql`o.path`)} and ${underOrg(orgId, sql`o.path`)}`;
  const byLevel = await query<{ level: string; title: string; n: number }>(
    db,
    sql`select h.level, h.title, count(*)::int as n from honour h join org o on o.id = h.org_id where h.status = 'active' and ${inScope} group by h.level, h.title order by 1, 2`,
  );
  const people = await queryOne<{ n: number }>(db, sql`select count(distinct h.person_id)::int as n from honour h join org o on o.id = h.org_id where h.status = 'active' and ${inScope}`);
  const care = await queryOne<{ n: number; fen: number; people: number }>(
    db,
    sql`select count(*)::int as n, coalesce(sum(c.cost_fen), 0)::float8 as fen, count(distinct c.person_id)::int as people from honour_care c join org o on o.id = c.org_id
      where ${inScope} and c.cared_on between ${`${year}-01-01`} and ${`${year}-12-31`}`,
  );
  const studios = await query<{ level: string; n: number }>(db, sql`select s.level, count(*)::int as n from studio s join org o on o.id = s.org_id where s.status = 'active' and ${inScope} group by s.level order by 1`);
  const outcomes = await queryOne<{ projects: number; innovations: number; inventions: number; saved_fen: number }>(
    db,
    sql`select count(*)::int as projects, coalesce(sum(p.innovations), 0)::int as innovations, coalesce(sum(p.inventions), 0)::int as inventions, coalesce(sum(p.saved_fen), 0)::float8 as saved_fen
      from studio_project p join studio s on s.id = p.studio_id join org o on o.id = s.org_id where ${inScope}`,
  );
  const patents = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from studio_patent t join studio s on s.id = t.studio_id join org o on o.id = s.org_id where ${inScope}`);
  return { byLevel, people: people?.n ?? 0, care: care ?? { n: 0, fen: 0, people: 0 }, studios, outcomes: outcomes ?? { projects: 0, innovations: 0, inventions: 0, saved_fen: 0 }, patents: patents?.n ?? 0 };
}

/** Who may see a certificate photo: staff reading honours at or above the honour's union (the photo store asks each module). */
export async function honourPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'honours.read' }[]> {
  const rows = await query<{ path: string }>(db, sql`select o.path from honour h join org o on o.id = h.org_id where h.certificate_photo_id = ${photoId}`);
  return rows.map((r) => ({ path: r.path, permission: 'honours.read' as const }));
}

/** The active honours of these persons (a worker's own person records), newest first. */
export async function listHonoursOfPersons(db: Db, personIds: string[]): Promise<HonourRow[]> {
  if (!personIds.length) return [];
  return query<HonourRow>(db, sql`${honourSelect} where h.person_id = any(${sql.param([...personIds])}::uuid[]) and h.status = 'active' order by h.year desc, h.created_at desc limit 100`);
}

/** The care activities recorded for these persons, newest first. */
export async function listCaresOfPersons(db: Db, personIds: string[]): Promise<CareRow[]> {
  if (!personIds.length) return [];
  return query<CareRow>(db, sql`${careSelect} where c.person_id = any(${sql.param([...personIds])}::uuid[]) order by c.cared_on desc, c.id limit 200`);
}
