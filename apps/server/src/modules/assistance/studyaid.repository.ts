import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scopeSql, type Scope } from '../../platform/auth';
import { query, queryOne } from './mutualaid.repository';

/** Every query on the 秋送助学 tables (studyaid_setting, studyaid_student). */

export type SettingRow = { campaign_id: string; org_id: string; benefit_key: string; undergraduate_fen: string | number; junior_college_fen: string | number; high_school_fen: string | number; version: number };

export async function findSetting(db: Db, campaignId: string): Promise<SettingRow | undefined> {
  return queryOne<SettingRow>(db, sql`select campaign_id, org_id, benefit_key, undergraduate_fen, junior_college_fen, high_school_fen, version from studyaid_setting where campaign_id = ${campaignId}`);
}

type SettingValues = { benefitKey: string; undergraduate: number; juniorCollege: number; highSchool: number };

export async function insertSetting(db: Db, campaignId: string, orgId: string, v: SettingValues, now: Date): Promise<boolean> {
  const rows = await query<{ campaign_id: string }>(
    db,
    sql`insert into studyaid_setting (campaign_id, org_id, benefit_key, undergraduate_fen, junior_college_fen, high_school_fen, created_at, updated_at)
      values (${campaignId}, ${orgId}, ${v.benefitKey}, ${v.undergraduate}, ${v.juniorCollege}, ${v.highSchool}, ${now.toISOString()}, ${now.toISOString()})
      on conflict (campaign_id) do nothing returning campaign_id`,
  );
  return rows.length === 1;
}

export async function updateSetting(db: Db, campaignId: string, version: number, v: SettingValues, now: Date): Promise<boolean> {
  const rows = await query<{ campaign_id: string }>(
    db,
    sql`update studyaid_setting set benefit_key = ${v.benefitKey}, undergraduate_fen = ${v.undergraduate}, junior_college_fen = ${v.juniorCollege}, high_school_fen = ${v.highSchool},
        version = version + 1, updated_at = ${now.toISOString()} where campaign_id = ${campaignId} and version = ${version} returning campaign_id`,
  );
  return rows.length === 1;
}

/**
 * Serialises applications for one child (by the ID hash) until the transaction ends, so two
 * applications for the same child in the same instant cannot both miss each other.
 */
export async function lockChild(db: Db, hash: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`studyaid:${hash}`}, 0))`);
}

/** A live (not rejected) aid of the child in the year, in any campaign. */
export async function findChildAid(db: Db, hash: string, year: number): Promise<{ campaign_name: string } | undefined> {
  return queryOne(
    db,
    sql`select c.name as campaign_name from studyaid_student s join campaign_nomination n on n.id = s.nomination_id join campaign c on c.id = s.campaign_id
      where s.child_id_hash = ${hash} and s.year = ${year} and n.status <> 'rejected' limit 1`,
  );
}

export type StudentValues = {
  nominationId: string;
  campaignId: string;
  orgId: string;
  parentPersonId: string;
  childName: string;
  childIdEnc: string;
  childIdHash: string;
  childIdMasked: string;
  relation: string;
  school: string;
  level: string;
  admissionYear: number;
  year: number;
  amountFen: number;
  letterPhotoId: string;
  createdBy: string;
};

export async function insertStudent(db: Db, v: StudentValues, now: Date): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into studyaid_student (nomination_id, campaign_id, org_id, parent_person_id, child_name, child_id_enc, child_id_hash, child_id_masked, relation, school, level, admission_year, year, amount_fen, letter_photo_id, created_by, created_at, updated_at)
      values (${v.nominationId}, ${v.campaignId}, ${v.orgId}, ${v.parentPersonId}, ${v.childName}, ${v.childIdEnc}, ${v.childIdHash}, ${v.childIdMasked}, ${v.relation}, ${v.school}, ${v.level}, ${v.admissionYear}, ${v.year}, ${v.amountFen}, ${v.letterPhotoId}, ${v.createdBy}, ${now.toISOString()}, ${now.toISOString()})
      returning id`,
  );
  return row!.id;
}

export type StudentRow = {
  id: string;
  nomination_id: string;
  campaign_id: string;
  campaign_name: string;
  campaign_org_path: string;
  org_id: string;
  org_name: string;
  org_path: string;
  parent_person_id: string;
  parent_name: string;
  child_name: string;
  child_id_enc: string;
  child_id_masked: string;
  relation: 'son' | 'daughter' | 'ward';
  school: string;
  level: 'undergraduate' | 'junior_college' | 'high_school';
  admission_year: number;
  year: number;
  amount_fen: string | number;
  letter_photo_id: string | null;
  placement_place: string | null;
  placement_org: string | null;
  placement_starts_on: string | null;
  placement_ends_on: string | null;
  placement_hours: number | null;
  nomination_status: string;
  created_at: unknown;
  version: number;
};

const studentSelect = sql`select s.id, s.nomination_id, s.campaign_id, c.name as campaign_name, co.path as campaign_org_path, s.org_id, o.name as org_name, o.path as org_path,
    s.parent_person_id, n.person_name as parent_name, s.child_name, s.child_id_enc, s.child_id_masked, s.relation, s.school, s.level, s.admission_year, s.year, s.amount_fen, s.letter_photo_id,
    s.placement_place, s.placement_org, s.placement_starts_on::text as placement_starts_on, s.placement_ends_on::text as placement_ends_on, s.placement_hours, n.status as nomination_status, s.created_at, s.version
  from studyaid_student s join campaign_nomination n on n.id = s.nomination_id join campaign c on c.id = s.campaign_id join org co on co.id = c.org_id join org o on o.id = s.org_id`;

export async function findStudent(db: Db, id: string, lock = false): Promise<StudentRow | undefined> {
  return queryOne<StudentRow>(db, sql`${studentSelect} where s.id = ${id}${lock ? sql` for update of s` : sql``}`);
}

/** A campaign's applications of unions in the scope (all of them for the owner: scope 'all'), newest first. */
export async function listStudents(
  db: Db,
  campaignId: string,
  f: { scope: Scope; level?: string | undefined; status?: string | undefined; q?: string | undefined; page: number; pageSize: number },
): Promise<{ items: StudentRow[]; total: number }> {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, '\\$&')}%` : null;
  const where = sql`s.campaign_id = ${campaignId} and ${scopeSql(f.scope, sql`o.path`)} ${f.level ? sql`and s.level = ${f.level}` : sql``} ${f.status ? sql`and n.status = ${f.status}` : sql``}
    ${like ? sql`and (s.child_name like ${like} or n.person_name like ${like} or s.school like ${like})` : sql``}`;
  const items = await query<StudentRow>(db, sql`${studentSelect} where ${where} order by s.created_at desc, s.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from studyaid_student s join campaign_nomination n on n.id = s.nomination_id join org o on o.id = s.org_id where ${where}`);
  return { items, total: total?.n ?? 0 };
}

export async function listStudentsOfPersons(db: Db, personIds: string[]): Promise<StudentRow[]> {
  if (!personIds.length) return [];
  return query<StudentRow>(db, sql`${studentSelect} where s.parent_person_id in (${sql.join(personIds.map((p) => sql`${p}`), sql`, `)}) order by s.created_at desc limit 50`);
}

export async function setPlacement(db: Db, id: string, version: number, p: { place: string; org: string; startsOn: string; endsOn: string; hours: number } | null, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update studyaid_student set placement_place = ${p?.place ?? null}, placement_org = ${p?.org ?? null}, placement_starts_on = ${p?.startsOn ?? null}, placement_ends_on = ${p?.endsOn ?? null},
        placement_hours = ${p?.hours ?? null}, version = version + 1, updated_at = ${now.toISOString()} where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

/** Open autumn campaigns with study-aid amounts whose owner is the member's union or above it. */
export async function listOpenStudyaidCampaigns(db: Db, memberOrgPath: string): Promise<{ id: string; name: string; org_name: string; ends_on: string }[]> {
  return query(
    db,
    sql`select c.id, c.name, o.name as org_name, c.ends_on::text as ends_on from campaign c join org o on o.id = c.org_id join studyaid_setting st on st.campaign_id = c.id
      where c.kind = 'autumn' and c.status = 'open' and ${memberOrgPath} like o.path || '%' order by c.starts_on, c.id limit 20`,
  );
}

/** Where an admission letter may be seen: staff reading assistance in scope of the applying union. */
export async function studyaidPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'assistance.read' }[]> {
  const rows = await query<{ path: string }>(db, sql`select o.path from studyaid_student s join org o on o.id = s.org_id where s.letter_photo_id = ${photoId}::uuid`);
  return rows.map((r) => ({ path: r.path, permission: 'assistance.read' as const }));
}
