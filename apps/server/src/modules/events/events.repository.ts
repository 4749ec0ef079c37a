import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Eligibility } from '@niangjia/contracts';

/**
 * Every query on the events module's tables (event, event_quota, event_registration), plus the
 * few reads of other modules' tables it needs: the org tree (names, paths), positions (a place's
 * name) and the member facts eligibility is judged on (sex, birth date, employment form).
 */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}
export async function query<T>(db: Db, q: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}
async function queryOne<T>(db: Db, q: SQL): Promise<T | undefined> {
  return (await query<T>(db, q))[0];
}

export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
const num = (v: unknown) => Number(v ?? 0);

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

// Registrations

export type RegistrationRecord = {
  id: string;
  eventId: string;
  membershipId: string | null;
  personId: string | null;
  userId: string | null;
  name: string;
  unionOrgId: string | null;
  unionName: string | null;
  unionPath: string | null;
  groupKey: string | null;
  status: string;
  source: string;
  priority: number;
  queuedAt: Date;
  quotaIds: string[];
  offeredAt: Date | null;
  offerExpiresAt: Date | null;
  createdAt: Date;
  version: number;
  waitingPosition: number | null;
  attendedAt: Date | null;
  attendedMinutes: number;
};

const regColumns = sql`r.id, r.event_id, r.membership_id, r.person_id, r.user_id, r.name, r.union_org_id, u.name as union_name, r.union_path, r.group_key,
  r.status, r.source, r.priority, r.queued_at, r.quota_ids, r.offered_at, r.offer_expires_at, r.created_at, r.version, r.attended_at, r.attended_minutes,
  case when r.status = 'waiting' then (select count(*)::int from event_registration a where a.event_id = r.event_id and a.status = 'waiting'
    and (a.priority > r.priority or (a.priority = r.priority and a.queue_seq < r.queue_seq))) + 1 end as waiting_position`;
const regFrom = sql`from event_registration r left join org u on u.id = r.union_org_id`;

function uuidArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string')
    return v
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}

function toRegistration(r: Record<string, unknown>): RegistrationRecord {
  return {
    id: r.id as string,
    eventId: r.event_id as string,
    membershipId: (r.membership_id as string | null) ?? null,
    personId: (r.person_id as string | null) ?? null,
    userId: (r.user_id as string | null) ?? null,
    name: r.name as string,
    unionOrgId: (r.union_org_id as string | null) ?? null,
    unionName: (r.union_name as string | null) ?? null,
    unionPath: (r.union_path as string | null) ?? null,
    groupKey: (r.group_key as string | null) ?? null,
    status: r.status as string,
    source: r.source as string,
    priority: num(r.priority),
    queuedAt: toDate(r.queued_at),
    quotaIds: uuidArray(r.quota_ids),
    offeredAt: dateOrNull(r.offered_at),
    offerExpiresAt: dateOrNull(r.offer_expires_at),
    createdAt: toDate(r.created_at),
    version: num(r.version),
    waitingPosition: r.waiting_position === null || r.waiting_position === undefined ? null : num(r.waiting_position),
    attendedAt: dateOrNull(r.attended_at),
    attendedMinutes: num(r.attended_minutes),
  };
}

export async function findRegistration(db: Db, id: string, lock = false): Promise<RegistrationRecord | undefined> {
  const row = await queryOne<Record<string, unknown>>(db, sql`select ${regColumns} ${regFrom} where r.id = ${id} ${lock ? sql`for update of r` : sql``}`);
  return row ? toRegistration(row) : undefined;
}

export async function listRegistrations(db: Db, where: SQL, limit: number, offset: number): Promise<{ items: RegistrationRecord[]; total: number }> {
  const [rows, totals] = await Promise.all([
    query<Record<string, unknown>>(
      db,
      sql`select ${regColumns} ${regFrom} where ${where}
          order by case r.status when 'confirmed' then 0 when 'offered' then 1 when 'waiting' then 2 else 3 end, r.priority desc, r.queue_seq
          limit ${limit} offset ${offset}`,
    ),
    query<{ n: number }>(db, sql`select count(*)::int as n ${regFrom} where ${where}`),
  ]);
  return { items: rows.map(toRegistration), total: num(totals[0]?.n) };
}

/** The live registration (confirmed, waiting or offered) of a person — or, for non-members, an account. */
export async function findLiveRegistration(db: Db, eventId: string, who: { personId: string | null; userId: string | null }): Promise<RegistrationRecord | undefined> {
  const match = who.personId ? sql`r.person_id = ${who.personId}` : sql`r.person_id is null and r.user_id = ${who.userId}`;
  const row = await queryOne<Record<string, unknown>>(db, sql`select ${regColumns} ${regFrom} where r.event_id = ${eventId} and ${match} and r.status in ('confirmed','waiting','offered') limit 1`);
  return row ? toRegistration(row) : undefined;
}

export type NewRegistration = {
  eventId: string;
  membershipId: string | null;
  personId: string | null;
  userId: string | null;
  name: string;
  unionOrgId: string | null;
  unionPath: string | null;
  groupKey: string | null;
  status: 'confirmed' | 'waiting';
  source: 'self' | 'staff' | 'door';
  quotaIds: readonly string[];
  registeredBy: string | null;
};

export async function insertRegistration(db: Db, r: NewRegistration, now: Date): Promise<string> {
  const quotaIds = sql`array[${sql.join(r.quotaIds.length ? r.quotaIds.map((id) => sql`${id}`) : [sql`null`], sql`, `)}]::uuid[]`;
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into event_registration (event_id, membership_id, person_id, user_id, name, union_org_id, union_path, group_key, status, source, queued_at, quota_ids,
          confirmed_at, registered_by, created_at, updated_at)
        values (${r.eventId}, ${r.membershipId}, ${r.personId}, ${r.userId}, ${r.name}, ${r.unionOrgId}, ${r.unionPath}, ${r.groupKey}, ${r.status}, ${r.source},
          ${now.toISOString()}, ${r.quotaIds.length ? quotaIds : sql`'{}'::uuid[]`}, ${r.status === 'confirmed' ? now.toISOString() : null}, ${r.registeredBy},
          ${now.toISOString()}, ${now.toISOString()})
        returning id`,
  );
  return row!.id;
}

export async function setRegistrationStatus(db: Db, id: string, status: string, now: Date, extra: { offerExpiresAt?: Date | null; reason?: string | null } = {}): Promise<void> {
  await db.execute(sql`update event_registration set status = ${status}, version = version + 1, updated_at = ${now.toISOString()},
      offered_at = case when ${status} = 'offered' then ${now.toISOString()}::timestamptz else offered_at end,
      offer_expires_at = case when ${status} = 'offered' then ${extra.offerExpiresAt?.toISOString() ?? null}::timestamptz else offer_expires_at end,
      confirmed_at = case when ${status} = 'confirmed' then ${now.toISOString()}::timestamptz else confirmed_at end,
      cancelled_at = case when ${status} in ('cancelled','expired') then ${now.toISOString()}::timestamptz else cancelled_at end,
      cancelled_reason = coalesce(${extra.reason ?? null}, cancelled_reason)
    where id = ${id}`);
}

export async function setPriority(db: Db, id: string, version: number, priority: number, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update event_registration set priority = ${priority}, version = version + 1, updated_at = ${now.toISOString()} where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

/** The waiting list in order: priority (higher first), then who joined first. */
export async function listWaiting(db: Db, eventId: string): Promise<RegistrationRecord[]> {
  const rows = await query<Record<string, unknown>>(db, sql`select ${regColumns} ${regFrom} where r.event_id = ${eventId} and r.status = 'waiting' order by r.priority desc, r.queue_seq`);
  return rows.map(toRegistration);
}

export async function listLiveRegistrationIds(db: Db, eventId: string): Promise<RegistrationRecord[]> {
  const rows = await query<Record<string, unknown>>(db, sql`select ${regColumns} ${regFrom} where r.event_id = ${eventId} and r.status in ('confirmed','waiting','offered')`);
  return rows.map(toRegistration);
}

export async function cancelAllLive(db: Db, eventId: string, reason: string, now: Date): Promise<void> {
  await db.execute(sql`update event_registration set status = 'cancelled', cancelled_reason = ${reason}, cancelled_at = ${now.toISOString()}, version = version + 1, updated_at = ${now.toISOString()}
    where event_id = ${eventId} and status in ('confirmed','waiting','offered')`);
  await db.execute(sql`update event_quota set taken = 0 where event_id = ${eventId}`);
  await db.execute(sql`update event set taken = 0 where id = ${eventId}`);
}

/** Offers whose hold has run out (the sweep's backstop for the per-offer jobs). */
export async function listExpiredOffers(db: Db, now: Date, limit = 500): Promise<string[]> {
  const rows = await query<{ id: string }>(db, sql`select id from event_registration where status = 'offered' and offer_expires_at <= ${now.toISOString()} order by offer_expires_at limit ${limit}`);
  return rows.map((r) => r.id);
}

/** Places held at published events starting within the window and not yet reminded of. */
export async function listDueReminders(db: Db, from: Date, to: Date, limit = 2000): Promise<{ id: string; eventId: string }[]> {
  const rows = await query<{ id: string; event_id: string }>(
    db,
    sql`select r.id, r.event_id from event_registration r join event e on e.id = r.event_id
        where r.status = 'confirmed' and r.reminded_at is null and e.status = 'published' and e.starts_at > ${from.toISOString()} and e.starts_at <= ${to.toISOString()}
        order by e.starts_at limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, eventId: r.event_id }));
}

export async function markReminded(db: Db, ids: readonly string[], now: Date): Promise<string[]> {
  if (!ids.length) return [];
  // Only rows not reminded yet: two sweeps racing remind each place once.
  const rows = await query<{ id: string }>(
    db,
    sql`update event_registration set reminded_at = ${now.toISOString()} where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and reminded_at is null returning id`,
  );
  return rows.map((r) => r.id);
}

/** A place the person already holds at another event overlapping [startsAt, endsAt). */
export async function findOverlap(
  db: Db,
  eventId: string,
  who: { personId: string | null; userId: string | null },
  startsAt: Date,
  endsAt: Date,
): Promise<{ title: string; startsAt: Date } | undefined> {
  const match = who.personId ? sql`r.person_id = ${who.personId}` : sql`r.person_id is null and r.user_id = ${who.userId}`;
  const row = await queryOne<{ title: string; starts_at: unknown }>(
    db,
    sql`select e.title, e.starts_at from event_registration r join event e on e.id = r.event_id
        where ${match} and r.event_id <> ${eventId} and r.status in ('confirmed','offered') and e.status <> 'cancelled'
          and e.starts_at < ${endsAt.toISOString()} and e.ends_at > ${startsAt.toISOString()} limit 1`,
  );
  return row ? { title: row.title, startsAt: toDate(row.starts_at) } : undefined;
}

/**
 * Who to tell about a registration: its account, else the person's account (linked, or with the
 * person's phone — a member registered by staff may have signed in since).
 */
export async function recipientOf(db: Db, registrationIds: readonly string[]): Promise<Map<string, string>> {
  if (!registrationIds.length) return new Map();
  const rows = await query<{ id: string; user_id: string | null }>(
    db,
    sql`select r.id, coalesce(r.user_id, p.user_id, (select u.id from app_user u where u.phone = p.phone and p.phone is not null limit 1)) as user_id
        from event_registration r left join person p on p.id = r.person_id
        where r.id in (${sql.join(
          registrationIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return new Map(rows.filter((r) => r.user_id).map((r) => [r.id, r.user_id!]));
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

/** A worker's registrations (by their persons or their account), newest event first. */
export async function listMine(db: Db, personIds: readonly string[], userId: string): Promise<RegistrationRecord[]> {
  const byPerson = personIds.length
    ? sql`r.person_id in (${sql.join(
        personIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`;
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select ${regColumns} ${regFrom} join event e on e.id = r.event_id where (${byPerson} or (r.person_id is null and r.user_id = ${userId}))
        order by e.starts_at desc, r.created_at desc limit 200`,
  );
  return rows.map(toRegistration);
}

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

/** Registrations of one person or account across events (my live registration per event). */
export async function findLiveRegistrationsOf(db: Db, eventIds: readonly string[], personIds: readonly string[], userId: string): Promise<RegistrationRecord[]> {
  if (!eventIds.length) return [];
  const byPerson = personIds.length
    ? sql`r.person_id in (${sql.join(
        personIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`;
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select ${regColumns} ${regFrom} where r.event_id in (${sql.join(
      eventIds.map((id) => sql`${id}`),
      sql`, `,
    )})
        and (${byPerson} or (r.person_id is null and r.user_id = ${userId})) and r.status in ('confirmed','waiting','offered')`,
  );
  return rows.map(toRegistration);
}

/** The account of a person (linked, or with the person's phone), if they have one. */
export async function recipientOfPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await query<{ user_id: string | null }>(
    db,
    sql`select coalesce(p.user_id, (select u.id from app_user u where u.phone = p.phone and p.phone is not null limit 1)) as user_id from person p where p.id = ${personId}`,
  );
  return rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
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
