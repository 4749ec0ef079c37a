import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { dateOrNull, num, query, queryOne, toDate } from './events.sql';

/** Queries on event_registration: places, the waiting list, offers, reminders, a worker's own. */
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
