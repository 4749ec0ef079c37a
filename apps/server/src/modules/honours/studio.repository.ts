import { sql, type SQL } from 'drizzle-orm';
import type { HonourLevel, PatentKind, StudioStatus } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { query, queryOne } from '../../db/rows';
import { scopeSql, type Scope } from '../../platform/auth';
import { containing, underOrg } from './honours.repository';

/** Every query on the studio tables (studio, studio_member, studio_project, studio_patent). */

export type StudioRow = {
  id: string;
  name: string;
  level: HonourLevel;
  org_id: string;
  org_name: string;
  org_path: string;
  leader_person_id: string;
  leader_name: string;
  field: string | null;
  founded_on: string;
  status: StudioStatus;
  members: number;
  projects: number;
  innovations: number;
  inventions: number;
  patents: number;
  saved_fen: number;
  version: number;
};

const studioSelect = sql`select s.id, s.name, s.level, s.org_id, o.name as org_name, o.path as org_path, s.leader_person_id, s.leader_name, s.field, s.founded_on::text as founded_on, s.status, s.version,
    (select count(*)::int from studio_member m where m.studio_id = s.id) as members,
    coalesce(p.projects, 0)::int as projects, coalesce(p.innovations, 0)::int as innovations, coalesce(p.inventions, 0)::int as inventions, coalesce(p.saved_fen, 0)::float8 as saved_fen,
    (select count(*)::int from studio_patent t where t.studio_id = s.id) as patents
  from studio s join org o on o.id = s.org_id
  left join lateral (select count(*) as projects, sum(innovations) as innovations, sum(inventions) as inventions, sum(saved_fen) as saved_fen from studio_project where studio_id = s.id) p on true`;

export async function listStudios(
  db: Db,
  f: { scope: Scope; orgId?: string | undefined; q?: string | undefined; level?: string | undefined; status?: string | undefined; page: number; pageSize: number },
): Promise<{ items: StudioRow[]; total: number }> {
  const where: SQL[] = [scopeSql(f.scope, sql`o.path`), underOrg(f.orgId, sql`o.path`)];
  if (f.q) where.push(sql`(s.name like ${containing(f.q)} or s.leader_name like ${containing(f.q)})`);
  if (f.level) where.push(sql`s.level = ${f.level}`);
  if (f.status) where.push(sql`s.status = ${f.status}`);
  const w = sql.join(where, sql` and `);
  const items = await query<StudioRow>(db, sql`${studioSelect} where ${w} order by s.founded_on, s.name, s.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from studio s join org o on o.id = s.org_id where ${w}`);
  return { items, total: total?.n ?? 0 };
}

export async function findStudio(db: Db, id: string): Promise<StudioRow | undefined> {
  return queryOne<StudioRow>(db, sql`${studioSelect} where s.id = ${id}`);
}

type StudioValues = { name: string; level: string; leaderPersonId: string; leaderName: string; field: string | null; foundedOn: string };

/** Inserts a studio with its leader as its first member; null when the union has one of that name. */
export async function insertStudio(db: Db, orgId: string, v: StudioValues): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into studio (org_id, name, level, leader_person_id, leader_name, field, founded_on) values (${orgId}, ${v.name}, ${v.level}, ${v.leaderPersonId}, ${v.leaderName}, ${v.field}, ${v.foundedOn})
      on conflict (org_id, name) do nothing returning id`,
  );
  if (!row) return null;
  await insertMember(db, { studioId: row.id, orgId, personId: v.leaderPersonId, personName: v.leaderName });
  return row.id;
}

export async function updateStudio(db: Db, id: string, version: number, v: StudioValues & { status: string }, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  const rows = await query<{ id: string }>(
    db,
    sql`update studio set name = ${v.name}, level = ${v.level}, leader_person_id = ${v.leaderPersonId}, leader_name = ${v.leaderName}, field = ${v.field}, founded_on = ${v.foundedOn},
        status = ${v.status}, closed_at = ${v.status === 'closed' ? stamp : null}, version = version + 1, updated_at = ${stamp}
      where id = ${id} and version = ${version} and status = 'active' returning id`,
  );
  return rows.length === 1;
}

export async function insertMember(db: Db, v: { studioId: string; orgId: string; personId: string; personName: string }): Promise<boolean> {
  const rows = await query<{ person_id: string }>(
    db,
    sql`insert into studio_member (studio_id, org_id, person_id, person_name) values (${v.studioId}, ${v.orgId}, ${v.personId}, ${v.personName}) on conflict do nothing returning person_id`,
  );
  return rows.length === 1;
}

export async function deleteMember(db: Db, studioId: string, personId: string): Promise<boolean> {
  const rows = await query<{ person_id: string }>(db, sql`delete from studio_member where studio_id = ${studioId} and person_id = ${personId} returning person_id`);
  return rows.length === 1;
}

export async function listMembers(db: Db, studioId: string): Promise<{ person_id: string; person_name: string; org_name: string }[]> {
  return query(
    db,
    sql`select m.person_id, m.person_name, coalesce((select o.name from membership ms join org o on o.id = ms.org_id where ms.person_id = m.person_id and ms.status = 'active' limit 1), '') as org_name
      from studio_member m where m.studio_id = ${studioId} order by m.created_at, m.person_name limit 500`,
  );
}

export type ProjectRow = { id: string; studio_id: string; name: string; year: number; innovations: number; inventions: number; saved_fen: number; outcome: string | null; patents: number; created_at: unknown };

export async function listProjects(db: Db, studioId: string): Promise<ProjectRow[]> {
  return query<ProjectRow>(
    db,
    sql`select p.id, p.studio_id, p.name, p.year, p.innovations, p.inventions, p.saved_fen::float8 as saved_fen, p.outcome, p.created_at,
        (select count(*)::int from studio_patent t where t.project_id = p.id) as patents
      from studio_project p where p.studio_id = ${studioId} order by p.year desc, p.name, p.id limit 500`,
  );
}

export async function insertProject(db: Db, studio: { id: string; org_id: string }, v: { name: string; year: number; innovations: number; inventions: number; savedFen: number; outcome: string | null }): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into studio_project (studio_id, org_id, name, year, innovations, inventions, saved_fen, outcome)
      values (${studio.id}, ${studio.org_id}, ${v.name}, ${v.year}, ${v.innovations}, ${v.inventions}, ${v.savedFen}, ${v.outcome}) returning id`,
  );
  return row!.id;
}

export type PatentRow = { id: string; studio_id: string; project_id: string | null; patent_number: string; title: string; kind: PatentKind; holders: string; granted_on: string | null; created_at: unknown };

export async function listPatents(db: Db, studioId: string): Promise<PatentRow[]> {
  return query<PatentRow>(
    db,
    sql`select id, studio_id, project_id, patent_number, title, kind, holders, granted_on::text as granted_on, created_at from studio_patent where studio_id = ${studioId} order by granted_on desc nulls last, patent_number limit 500`,
  );
}

/** Inserts a patent; null when the number is recorded already (the unique index). */
export async function insertPatent(
  db: Db,
  studio: { id: string; org_id: string },
  v: { projectId: string | null; patentNumber: string; title: string; kind: string; holders: string; grantedOn: string | null },
): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into studio_patent (studio_id, org_id, project_id, patent_number, title, kind, holders, granted_on)
      values (${studio.id}, ${studio.org_id}, ${v.projectId}, ${v.patentNumber}, ${v.title}, ${v.kind}, ${v.holders}, ${v.grantedOn})
      on conflict (patent_number) do nothing returning id`,
  );
  return row?.id ?? null;
}

/** The studio a project or patent belongs to (its scope and whether it is still open). */
export async function findStudioOf(db: Db, table: 'studio_project' | 'studio_patent', id: string): Promise<string | undefined> {
  const row = await queryOne<{ studio_id: string }>(db, table === 'studio_project' ? sql`select studio_id from studio_project where id = ${id}` : sql`select studio_id from studio_patent where id = ${id}`);
  return row?.studio_id;
}

export async function updateProject(db: Db, id: string, v: { name: string; year: number; innovations: number; inventions: number; savedFen: number; outcome: string | null }): Promise<void> {
  await db.execute(sql`update studio_project set name = ${v.name}, year = ${v.year}, innovations = ${v.innovations}, inventions = ${v.inventions}, saved_fen = ${v.savedFen}, outcome = ${v.outcome} where id = ${id}`);
}

/** Removes a project; its patents stay, no longer tied to a project. */
export async function deleteProject(db: Db, id: string): Promise<void> {
  await db.execute(sql`update studio_patent set project_id = null where project_id = ${id}`);
  await db.execute(sql`delete from studio_project where id = ${id}`);
}

/** Changes a patent; false when another patent has that number already. */
export async function updatePatent(db: Db, id: string, v: { projectId: string | null; patentNumber: string; title: string; kind: string; holders: string; grantedOn: string | null }): Promise<boolean> {
  const clash = await queryOne<{ id: string }>(db, sql`select id from studio_patent where patent_number = ${v.patentNumber} and id <> ${id}`);
  if (clash) return false;
  await db.execute(
    sql`update studio_patent set project_id = ${v.projectId}, patent_number = ${v.patentNumber}, title = ${v.title}, kind = ${v.kind}, holders = ${v.holders}, granted_on = ${v.grantedOn} where id = ${id}`,
  );
  return true;
}

export async function deletePatent(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from studio_patent where id = ${id}`);
}

export async function findProjectOfStudio(db: Db, studioId: string, projectId: string): Promise<boolean> {
  const row = await queryOne<{ ok: boolean }>(db, sql`select exists (select 1 from studio_project where id = ${projectId} and studio_id = ${studioId}) as ok`);
  return row?.ok === true;
}

export async function findOrg(db: Db, id: string): Promise<{ id: string; path: string; status: string } | undefined> {
  return queryOne(db, sql`select id, path, status from org where id = ${id}`);
}
