import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Eligibility } from '@niangjia/contracts';
import { num, query, queryOne, toDate } from './events.sql';
import type { RegistrationRecord } from './registrations.repository';

// Registrations' queries live in their own file; callers reach every query of the module as `repo`.
export { query, toDate } from './events.sql';
export * from './registrations.repository';

/**
 * Every query on the events module's tables (event, event_quota, event_registration), plus the
 * few reads of other modules' tables it needs: the org tree (names, paths), positions (a place's
 * name) and the member facts eligibility is judged on (sex, birth date, employment form).
 */


export type EventRecord = {
  id: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  seriesId: string | null;
  type: string;
  title: string;
  description: string;
  visibility: string;
  positionId: string | null;
  positionName: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  feeFen: number;
  eligibility: Eligibility;
  capacity: number;
  taken: number;
  waiting: number;
  offerHoldMinutes: number;
  isOverlapForbidden: boolean;
  minAttendanceMinutes: number | null;
  coverPhotoId: string | null;
  attended: number;
  status: string;
  cancelledReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const eventColumns = sql`e.id, e.org_id, o.name as org_name, o.path as org_path, e.series_id, e.type, e.title, e.description, e.visibility,
  e.position_id, p.name as position_name, e.address, e.lng, e.lat, e.starts_at, e.ends_at, e.signup_opens_at, e.signup_closes_at,
  e.fee_fen, e.eligibility, e.capacity, e.taken, e.offer_hold_minutes, e.is_overlap_forbidden, e.status, e.cancelled_reason, e.version,
  e.created_at, e.updated_at,
  (select count(*)::int from event_registration w where w.event_id = e.id and w.status = 'waiting') as waiting,
  e.min_attendance_minutes, e.cover_photo_id, (select count(*)::int from event_registration a where a.event_id = e.id and a.attended_at is not null) as attended`;
const eventFrom = sql`from event e join org o on o.id = e.org_id left join position p on p.id = e.position_id`;

type RawEvent = Record<string, unknown>;
function toEvent(r: RawEvent): EventRecord {
  const eligibility = typeof r.eligibility === 'string' ? (JSON.parse(r.eligibility) as Eligibility) : (r.eligibility as Eligibility);
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    orgName: r.org_name as string,
    orgPath: r.org_path as string,
    seriesId: (r.series_id as string | null) ?? null,
    type: r.type as string,
    title: r.title as string,
    description: r.description as string,
    visibility: r.visibility as string,
    positionId: (r.position_id as string | null) ?? null,
    positionName: (r.position_name as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    lng: r.lng === null || r.lng === undefined ? null : Number(r.lng),
    lat: r.lat === null || r.lat === undefined ? null : Number(r.lat),
    startsAt: toDate(r.starts_at),
    endsAt: toDate(r.ends_at),
    signupOpensAt: toDate(r.signup_opens_at),
    signupClosesAt: toDate(r.signup_closes_at),
    feeFen: num(r.fee_fen),
    eligibility,
    capacity: num(r.capacity),
    taken: num(r.taken),
    waiting: num(r.waiting),
    offerHoldMinutes: num(r.offer_hold_minutes),
    isOverlapForbidden: Boolean(r.is_overlap_forbidden),
    minAttendanceMinutes: r.min_attendance_minutes === null || r.min_attendance_minutes === undefined ? null : num(r.min_attendance_minutes),
    coverPhotoId: (r.cover_photo_id as string | null | undefined) ?? null,
    attended: num(r.attended),
    status: r.status as string,
    cancelledReason: (r.cancelled_reason as string | null) ?? null,
    version: num(r.version),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

export async function findEvent(db: Db, id: string, lock = false): Promise<EventRecord | undefined> {
  // FOR UPDATE OF e: the event row serialises changes to its counters and state.
  const row = await queryOne<RawEvent>(db, sql`select ${eventColumns} ${eventFrom} where e.id = ${id} ${lock ? sql`for update of e` : sql``}`);
  return row ? toEvent(row) : undefined;
}

/** Locks the event row (as every change to its places does) and gives its version; undefined when it is gone. */
export async function lockEvent(db: Db, id: string): Promise<number | undefined> {
  const row = await queryOne<{ version: number }>(db, sql`select version from event where id = ${id} for update`);
  return row ? Number(row.version) : undefined;
}

/** Staff lists: latest first; the phone's open events: soonest first (`order`). */
export async function listEvents(db: Db, where: SQL, limit: number, offset: number, order: 'latest' | 'soonest' = 'latest'): Promise<{ items: EventRecord[]; total: number }> {
  const [rows, totals] = await Promise.all([
    query<RawEvent>(db, sql`select ${eventColumns} ${eventFrom} where ${where} order by ${order === 'soonest' ? sql`e.starts_at, e.id` : sql`e.starts_at desc, e.id`} limit ${limit} offset ${offset}`),
    query<{ n: number }>(db, sql`select count(*)::int as n ${eventFrom} where ${where}`),
  ]);
  return { items: rows.map(toEvent), total: num(totals[0]?.n) };
}

export type EventValues = {
  orgId: string;
  seriesId: string | null;
  type: string;
  title: string;
  description: string;
  visibility: string;
  positionId: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  feeFen: number;
  eligibility: Eligibility;
  capacity: number;
  offerHoldMinutes: number;
  isOverlapForbidden: boolean;
  minAttendanceMinutes: number | null;
  coverPhotoId: string | null;
};

export async function insertEvent(db: Db, v: EventValues, createdBy: string | null, now: Date): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into event (org_id, series_id, type, title, description, visibility, position_id, address, lng, lat, starts_at, ends_at, signup_opens_at, signup_closes_at,
          fee_fen, eligibility, capacity, offer_hold_minutes, is_overlap_forbidden, min_attendance_minutes, cover_photo_id, created_by, created_at, updated_at)
        values (${v.orgId}, ${v.seriesId}, ${v.type}, ${v.title}, ${v.description}, ${v.visibility}, ${v.positionId}, ${v.address}, ${v.lng}, ${v.lat},
          ${v.startsAt.toISOString()}, ${v.endsAt.toISOString()}, ${v.signupOpensAt.toISOString()}, ${v.signupClosesAt.toISOString()},
          ${v.feeFen}, ${JSON.stringify(v.eligibility)}::jsonb, ${v.capacity}, ${v.offerHoldMinutes}, ${v.isOverlapForbidden}, ${v.minAttendanceMinutes}, ${v.coverPhotoId}, ${createdBy}, ${now.toISOString()}, ${now.toISOString()})
        returning id`,
  );
  return row!.id;
}

/** Updates the editable fields when the version still matches; false when it moved on. */
export async function updateEvent(db: Db, id: string, version: number, v: Omit<EventValues, 'orgId' | 'seriesId'>, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update event set type = ${v.type}, title = ${v.title}, description = ${v.description}, visibility = ${v.visibility}, position_id = ${v.positionId},
          address = ${v.address}, lng = ${v.lng}, lat = ${v.lat}, starts_at = ${v.startsAt.toISOString()}, ends_at = ${v.endsAt.toISOString()},
          signup_opens_at = ${v.signupOpensAt.toISOString()}, signup_closes_at = ${v.signupClosesAt.toISOString()}, fee_fen = ${v.feeFen},
          eligibility = ${JSON.stringify(v.eligibility)}::jsonb, capacity = ${v.capacity}, offer_hold_minutes = ${v.offerHoldMinutes},
          is_overlap_forbidden = ${v.isOverlapForbidden}, min_attendance_minutes = ${v.minAttendanceMinutes}, cover_photo_id = ${v.coverPhotoId}, version = version + 1, updated_at = ${now.toISOString()}
        where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

export async function setEventStatus(db: Db, id: string, version: number, status: string, now: Date, extra: { cancelledReason?: string; publishedAt?: Date } = {}): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update event set status = ${status}, version = version + 1, updated_at = ${now.toISOString()},
          cancelled_reason = coalesce(${extra.cancelledReason ?? null}, cancelled_reason),
          published_at = coalesce(${extra.publishedAt?.toISOString() ?? null}::timestamptz, published_at)
        where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

// Quotas

export type QuotaRecord = {
  id: string;
  kind: 'union' | 'group';
  unionOrgId: string | null;
  unionName: string | null;
  unionPath: string | null;
  groupKey: string | null;
  capacity: number;
  taken: number;
};

export async function listQuotas(db: Db, eventIds: readonly string[]): Promise<(QuotaRecord & { eventId: string })[]> {
  if (!eventIds.length) return [];
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select q.id, q.event_id, q.kind, q.union_org_id, o.name as union_name, q.union_path, q.group_key, q.capacity, q.taken
        from event_quota q left join org o on o.id = q.union_org_id
        where q.event_id in (${sql.join(
          eventIds.map((id) => sql`${id}`),
          sql`, `,
        )}) order by q.kind, o.name, q.group_key, q.id`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    eventId: r.event_id as string,
    kind: r.kind as 'union' | 'group',
    unionOrgId: (r.union_org_id as string | null) ?? null,
    unionName: (r.union_name as string | null) ?? null,
    unionPath: (r.union_path as string | null) ?? null,
    groupKey: (r.group_key as string | null) ?? null,
    capacity: num(r.capacity),
    taken: num(r.taken),
  }));
}

export async function insertQuota(db: Db, eventId: string, q: { kind: string; unionOrgId: string | null; unionPath: string | null; groupKey: string | null; capacity: number }): Promise<void> {
  await db.execute(
    sql`insert into event_quota (event_id, kind, union_org_id, union_path, group_key, capacity) values (${eventId}, ${q.kind}, ${q.unionOrgId}, ${q.unionPath}, ${q.groupKey}, ${q.capacity})`,
  );
}

export async function setQuotaCapacity(db: Db, id: string, capacity: number): Promise<void> {
  await db.execute(sql`update event_quota set capacity = ${capacity} where id = ${id}`);
}

export async function deleteQuota(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from event_quota where id = ${id} and taken = 0`);
}

/**
 * Takes one place of the event and of each quota, or nothing: the event row first, then the
 * quotas in id order (one lock order for every path that moves counters, so no deadlock). Each
 * UPDATE is conditional (`taken < capacity`); under READ COMMITTED a waiting UPDATE re-reads the
 * row it waited for, so concurrent sign-ups are counted exactly, and the CHECK constraints are
 * the last word. Call inside a savepoint: on 'full' the caller rolls back what was taken.
 */
export async function takePlace(db: Db, eventId: string, quotaIds: readonly string[]): Promise<{ ok: true } | { ok: false; fullQuotaId: string | null }> {
  // Only a published event takes people (a second guard behind the event lock every caller holds).
  const e = await query<{ id: string }>(db, sql`update event set taken = taken + 1 where id = ${eventId} and status = 'published' and taken < capacity returning id`);
  if (!e.length) return { ok: false, fullQuotaId: null };
  for (const id of [...quotaIds].sort()) {
    const q = await query<{ id: string }>(db, sql`update event_quota set taken = taken + 1 where id = ${id} and taken < capacity returning id`);
    if (!q.length) return { ok: false, fullQuotaId: id };
  }
  return { ok: true };
}

/** Gives a place back to the event and its quotas (same lock order as takePlace). */
export async function releasePlace(db: Db, eventId: string, quotaIds: readonly string[]): Promise<void> {
  await db.execute(sql`update event set taken = taken - 1 where id = ${eventId}`);
  for (const id of [...quotaIds].sort()) await db.execute(sql`update event_quota set taken = taken - 1 where id = ${id}`);
}

// Member facts (members' tables, read-only)

export type MemberFacts = {
  membershipId: string;
  personId: string;
  realName: string;
  unionOrgId: string;
  unionName: string;
  unionPath: string;
  sex: 'male' | 'female';
  birthDate: string;
  employmentForm: string;
  status: string;
};

export async function findMemberFacts(db: Db, membershipIds: readonly string[]): Promise<MemberFacts[]> {
  if (!membershipIds.length) return [];
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select m.id as membership_id, p.id as person_id, p.real_name, o.id as union_org_id, o.name as union_name, o.path as union_path,
          p.sex, p.birth_date::text as birth_date, p.employment_form, m.status
        from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
        where m.id in (${sql.join(
          membershipIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return rows.map((r) => ({
    membershipId: r.membership_id as string,
    personId: r.person_id as string,
    realName: r.real_name as string,
    unionOrgId: r.union_org_id as string,
    unionName: r.union_name as string,
    unionPath: r.union_path as string,
    sex: r.sex as 'male' | 'female',
    birthDate: String(r.birth_date).slice(0, 10),
    employmentForm: r.employment_form as string,
    status: r.status as string,
  }));
}

export async function findPosition(db: Db, id: string): Promise<{ id: string; name: string; orgPath: string; lng: number | null; lat: number | null } | undefined> {
  const row = await queryOne<Record<string, unknown>>(db, sql`select p.id, p.name, o.path, p.lng, p.lat from position p join org o on o.id = p.org_id where p.id = ${id}`);
  return row
    ? { id: row.id as string, name: row.name as string, orgPath: row.path as string, lng: row.lng === null ? null : Number(row.lng), lat: row.lat === null ? null : Number(row.lat) }
    : undefined;
}

export async function findOrgs(db: Db, ids: readonly string[]): Promise<{ id: string; name: string; path: string }[]> {
  if (!ids.length) return [];
  return query<{ id: string; name: string; path: string }>(
    db,
    sql`select id, name, path from org where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

export type MineRecord = RegistrationRecord & { event: EventRecord };


export async function findEvents(db: Db, ids: readonly string[]): Promise<EventRecord[]> {
  if (!ids.length) return [];
  const rows = await query<RawEvent>(
    db,
    sql`select ${eventColumns} ${eventFrom} where e.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return rows.map(toEvent);
}



/** Published events with a free place and someone waiting (a sign-up that joined the list while a place was being freed). */
export async function listEventsToOffer(db: Db, now: Date, limit = 200): Promise<string[]> {
  const rows = await query<{ id: string }>(
    db,
    sql`select e.id from event e where e.status = 'published' and e.starts_at > ${now.toISOString()}::timestamptz and e.taken < e.capacity
          and exists (select 1 from event_registration r where r.event_id = e.id and r.status = 'waiting') limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
