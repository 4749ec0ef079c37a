import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scopeSql, type Scope } from '../../platform/auth';
import type { JobApplicationStatus, JobEmploymentForm, JobPostingStatus } from '@niangjia/contracts';
import { query, queryOne } from './mutualaid.repository';

/** Every query of 春送岗位 (job_posting, job_application). */

export type PostingRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  area_name: string;
  employer_name: string;
  title: string;
  description: string;
  requirements: string;
  employment_form: JobEmploymentForm;
  pay_min_fen: number;
  pay_max_fen: number;
  pay_period: 'month' | 'day' | 'hour';
  headcount: number;
  filled: number;
  address: string;
  lng: number;
  lat: number;
  valid_until: string;
  event_id: string | null;
  status: JobPostingStatus;
  opened_at: unknown;
  created_at: unknown;
  version: number;
  applications: number;
  new_applications: number;
  distance_m: number | null;
};

// The area a job is in: the org two levels under the root (a street, park or industry union), or the job's own org.
const postingSelect = (distance: SQL = sql`null::int`) => sql`select j.id, j.org_id, o.name as org_name, o.path as org_path,
    coalesce(a.name, o.name) as area_name, j.employer_name, j.title, j.description, j.requirements, j.employment_form, j.pay_min_fen, j.pay_max_fen, j.pay_period,
    j.headcount, j.filled, j.address, j.lng, j.lat, j.valid_until::text as valid_until, j.event_id, j.status, j.opened_at, j.created_at, j.version,
    (select count(*)::int from job_application x where x.posting_id = j.id and x.status <> 'withdrawn') as applications,
    (select count(*)::int from job_application x where x.posting_id = j.id and x.status = 'applied') as new_applications,
    ${distance} as distance_m
  from job_posting j join org o on o.id = j.org_id
  left join org a on a.id::text = nullif(split_part(o.path, '/', 4), '')`;

export async function findPosting(db: Db, id: string, lock = false): Promise<PostingRow | undefined> {
  if (lock) await db.execute(sql`select id from job_posting where id = ${id} for update`);
  return queryOne<PostingRow>(db, sql`${postingSelect()} where j.id = ${id}`);
}

export type PostingValues = {
  orgId: string;
  employerName: string;
  title: string;
  description: string;
  requirements: string;
  employmentForm: JobEmploymentForm;
  payMinFen: number;
  payMaxFen: number;
  payPeriod: 'month' | 'day' | 'hour';
  headcount: number;
  address: string;
  lng: number;
  lat: number;
  validUntil: string;
  eventId: string | null;
};

export async function insertPosting(db: Db, v: PostingValues, by: string, now: Date): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into job_posting (org_id, employer_name, title, description, requirements, employment_form, pay_min_fen, pay_max_fen, pay_period, headcount, address, lng, lat, valid_until, event_id, created_by, created_at, updated_at)
      values (${v.orgId}, ${v.employerName}, ${v.title}, ${v.description}, ${v.requirements}, ${v.employmentForm}, ${v.payMinFen}, ${v.payMaxFen}, ${v.payPeriod}, ${v.headcount}, ${v.address}, ${v.lng}, ${v.lat}, ${v.validUntil}, ${v.eventId}, ${by}, ${now.toISOString()}, ${now.toISOString()})
      returning id`,
  );
  return row!.id;
}

export async function updatePosting(db: Db, id: string, version: number, v: Omit<PostingValues, 'orgId'>, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update job_posting set employer_name = ${v.employerName}, title = ${v.title}, description = ${v.description}, requirements = ${v.requirements}, employment_form = ${v.employmentForm},
      pay_min_fen = ${v.payMinFen}, pay_max_fen = ${v.payMaxFen}, pay_period = ${v.payPeriod}, headcount = ${v.headcount}, address = ${v.address}, lng = ${v.lng}, lat = ${v.lat},
      valid_until = ${v.validUntil}, event_id = ${v.eventId},
      status = case when status = 'filled' and ${v.headcount} > filled then 'open' when status = 'open' and ${v.headcount} = filled then 'filled' else status end,
      version = version + 1, updated_at = ${now.toISOString()}
      where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

export async function setPostingStatus(db: Db, id: string, version: number, status: 'open' | 'closed', now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update job_posting set status = ${status},
      opened_at = case when ${status} = 'open' then coalesce(opened_at, ${now.toISOString()}::timestamptz) else opened_at end,
      closed_at = case when ${status} = 'closed' then ${now.toISOString()}::timestamptz else null end,
      version = version + 1, updated_at = ${now.toISOString()} where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

export async function listPostings(db: Db, f: { scope: Scope; underPath?: string | undefined; status?: string | undefined; q?: string | undefined; page: number; pageSize: number }): Promise<{ items: PostingRow[]; total: number }> {
  const where = sql`${scopeSql(f.scope, sql`o.path`)}
    ${f.underPath ? sql` and o.path like ${`${f.underPath}%`}` : sql``}
    ${f.status ? sql` and j.status = ${f.status}` : sql``}
    ${f.q ? sql` and (j.title ilike ${`%${escapeLike(f.q)}%`} or j.employer_name ilike ${`%${escapeLike(f.q)}%`})` : sql``}`;
  const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n from job_posting j join org o on o.id = j.org_id where ${where}`);
  const items = await query<PostingRow>(db, sql`${postingSelect()} where ${where} order by j.created_at desc, j.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total: count?.n ?? 0 };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Haversine on the sphere in metres (positions' haversineMetres in SQL).
const distanceSql = (lng: number, lat: number) =>
  sql`round(2 * 6371008.8 * asin(sqrt(power(sin(radians(j.lat - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(j.lat)) * power(sin(radians(j.lng - ${lng}::float8) / 2), 2))))::int`;

/** Monthly-equivalent pay (about 21.75 working days, 8 hours each) for the pay filter. */
const monthlyTop = sql`(case j.pay_period when 'day' then j.pay_max_fen * 21.75 when 'hour' then j.pay_max_fen * 174 else j.pay_max_fen end)`;

export type OpenFilter = { areaPath?: string | undefined; employmentForm?: string | undefined; minPayFen?: number | undefined; eventId?: string | undefined; point?: { lng: number; lat: number } | undefined; today: string; page: number; pageSize: number };

/** Open jobs that have not expired, nearest first when a point is given, else newest first. */
export async function listOpen(db: Db, f: OpenFilter): Promise<{ items: PostingRow[]; total: number }> {
  const where = sql`j.status = 'open' and j.valid_until >= ${f.today}
    ${f.areaPath ? sql` and o.path like ${`${f.areaPath}%`}` : sql``}
    ${f.employmentForm ? sql` and j.employment_form = ${f.employmentForm}` : sql``}
    ${f.minPayFen !== undefined ? sql` and ${monthlyTop} >= ${f.minPayFen}` : sql``}
    ${f.eventId ? sql` and j.event_id = ${f.eventId}` : sql``}`;
  const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n from job_posting j join org o on o.id = j.org_id where ${where}`);
  const order = f.point ? sql`distance_m, j.id` : sql`j.opened_at desc nulls last, j.id`;
  const items = await query<PostingRow>(db, sql`${postingSelect(f.point ? distanceSql(f.point.lng, f.point.lat) : undefined)} where ${where} order by ${order} limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total: count?.n ?? 0 };
}

/** The areas (streets) that have open jobs now, by name. */
export async function openAreas(db: Db, today: string): Promise<{ id: string; name: string }[]> {
  return query(
    db,
    sql`select distinct a.id, a.name from job_posting j join org o on o.id = j.org_id join org a on a.id::text = nullif(split_part(o.path, '/', 4), '')
      where j.status = 'open' and j.valid_until >= ${today} order by a.name limit 100`,
  );
}

export type ApplicationRow = {
  id: string;
  posting_id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  title: string;
  employer_name: string;
  job_status: JobPostingStatus;
  person_id: string | null;
  user_id: string | null;
  name: string;
  phone: string | null;
  note: string;
  status: JobApplicationStatus;
  decided_by_name: string | null;
  decided_at: unknown;
  created_at: unknown;
  version: number;
};

const applicationSelect = sql`select x.id, x.posting_id, x.org_id, o.name as org_name, o.path as org_path, j.title, j.employer_name, j.status as job_status, x.person_id, x.user_id, x.name, x.phone, x.note, x.status,
    x.decided_by_name, x.decided_at, x.created_at, x.version
  from job_application x join job_posting j on j.id = x.posting_id join org o on o.id = x.org_id`;

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  return queryOne<ApplicationRow>(db, sql`${applicationSelect} where x.id = ${id}`);
}

export async function listApplicationsOfPosting(db: Db, postingId: string, f: { status?: string | undefined; page: number; pageSize: number }): Promise<{ items: ApplicationRow[]; total: number }> {
  const where = sql`x.posting_id = ${postingId}${f.status ? sql` and x.status = ${f.status}` : sql``}`;
  const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n from job_application x where ${where}`);
  const items = await query<ApplicationRow>(db, sql`${applicationSelect} where ${where} order by x.created_at desc, x.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total: count?.n ?? 0 };
}

export async function listApplicationsOfUser(db: Db, userId: string, keys: string[]): Promise<ApplicationRow[]> {
  return query<ApplicationRow>(
    db,
    sql`${applicationSelect} where x.user_id = ${userId}${keys.length ? sql` or x.applicant_key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})` : sql``} order by x.created_at desc limit 200`,
  );
}

/** The caller's applications to these postings (for the phone's list). */
export async function myApplicationsTo(db: Db, keys: string[], postingIds: string[]): Promise<Map<string, { id: string; status: JobApplicationStatus }>> {
  if (!keys.length || !postingIds.length) return new Map();
  const rows = await query<{ id: string; posting_id: string; status: JobApplicationStatus }>(
    db,
    sql`select id, posting_id, status from job_application where applicant_key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)}) and posting_id in (${sql.join(postingIds.map((p) => sql`${p}`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.posting_id, { id: r.id, status: r.status }]));
}

export type NewApplication = { postingId: string; orgId: string; applicantKey: string; personId: string | null; userId: string; name: string; phone: string | null; note: string };

/**
 * One application per (job, identity): the insert does nothing on the unique index, and a
 * withdrawn application comes back as applied. Returns null when a live one already exists.
 */
export async function insertApplication(db: Db, v: NewApplication, now: Date): Promise<string | null> {
  const inserted = await queryOne<{ id: string }>(
    db,
    sql`insert into job_application (posting_id, org_id, applicant_key, person_id, user_id, name, phone, note, created_at, updated_at)
      values (${v.postingId}, ${v.orgId}, ${v.applicantKey}, ${v.personId}, ${v.userId}, ${v.name}, ${v.phone}, ${v.note}, ${now.toISOString()}, ${now.toISOString()})
      on conflict (posting_id, applicant_key) do update set status = 'applied', note = excluded.note, user_id = excluded.user_id, name = excluded.name, phone = excluded.phone,
        decided_by = null, decided_by_name = null, decided_at = null, version = job_application.version + 1, updated_at = excluded.updated_at
        where job_application.status = 'withdrawn'
      returning id`,
  );
  return inserted?.id ?? null;
}

export async function updateApplicationStatus(
  db: Db,
  id: string,
  expect: { version: number; from: readonly JobApplicationStatus[] },
  to: JobApplicationStatus,
  decided: { by: string; name: string } | null,
  now: Date,
): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update job_application set status = ${to},
      ${decided ? sql`decided_by = ${decided.by}, decided_by_name = ${decided.name}, decided_at = ${now.toISOString()},` : sql``}
      hired_at = ${to === 'hired' ? now.toISOString() : null},
      version = version + 1, updated_at = ${now.toISOString()}
      where id = ${id} and version = ${expect.version} and status in (${sql.join(expect.from.map((s) => sql`${s}`), sql`, `)}) returning id`,
  );
  return rows.length === 1;
}

/** A hire takes a place; the last place fills the job (its row is locked by the caller). */
export async function takePlace(db: Db, postingId: string, now: Date): Promise<{ filled: number; headcount: number; status: string } | undefined> {
  return queryOne(
    db,
    sql`update job_posting set filled = filled + 1, status = case when filled + 1 >= headcount then 'filled' else status end,
      closed_at = case when filled + 1 >= headcount then ${now.toISOString()}::timestamptz else closed_at end, version = version + 1, updated_at = ${now.toISOString()}
      where id = ${postingId} and filled < headcount returning filled, headcount, status`,
  );
}

/** The applicant's phone (for a reveal): the account's. */
export async function applicantPhone(db: Db, id: string): Promise<string | null> {
  const row = await queryOne<{ phone: string | null }>(db, sql`select coalesce(x.phone, u.phone) as phone from job_application x left join app_user u on u.id = x.user_id where x.id = ${id}`);
  return row?.phone ?? null;
}
