import { sql } from 'drizzle-orm';
import type { HealthBookingStatus } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { scopeSql, type Scope } from '../../platform/auth';
import { query, queryOne } from './mutualaid.repository';

/** Every query on the 送健康 tables (health_hospital, health_slot, health_booking). */

export type HospitalRow = { id: string; campaign_id: string; org_id: string; name: string; address: string; lng: number | null; lat: number | null; phone: string | null; slots: number; version: number };

export async function listHospitals(db: Db, campaignId: string): Promise<HospitalRow[]> {
  return query<HospitalRow>(
    db,
    sql`select h.id, h.campaign_id, h.org_id, h.name, h.address, h.lng, h.lat, h.phone, h.version, (select count(*)::int from health_slot s where s.hospital_id = h.id) as slots
      from health_hospital h where h.campaign_id = ${campaignId} order by h.created_at, h.id`,
  );
}

export async function findHospital(db: Db, id: string): Promise<HospitalRow | undefined> {
  return queryOne<HospitalRow>(
    db,
    sql`select h.id, h.campaign_id, h.org_id, h.name, h.address, h.lng, h.lat, h.phone, h.version, (select count(*)::int from health_slot s where s.hospital_id = h.id) as slots
      from health_hospital h where h.id = ${id}`,
  );
}

type HospitalValues = { name: string; address: string; lng: number | null; lat: number | null; phone: string | null };

export async function insertHospital(db: Db, campaignId: string, orgId: string, v: HospitalValues): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into health_hospital (campaign_id, org_id, name, address, lng, lat, phone) values (${campaignId}, ${orgId}, ${v.name}, ${v.address}, ${v.lng}, ${v.lat}, ${v.phone}) returning id`,
  );
  return row!.id;
}

export async function updateHospital(db: Db, id: string, version: number, v: HospitalValues, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update health_hospital set name = ${v.name}, address = ${v.address}, lng = ${v.lng}, lat = ${v.lat}, phone = ${v.phone}, version = version + 1, updated_at = ${now.toISOString()}
      where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

/** Removes a hospital without slots (the check and the delete in one statement). */
export async function deleteHospital(db: Db, id: string): Promise<boolean> {
  const rows = await query<{ id: string }>(db, sql`delete from health_hospital h where h.id = ${id} and not exists (select 1 from health_slot s where s.hospital_id = h.id) returning h.id`);
  return rows.length === 1;
}

export type SlotRow = {
  id: string;
  hospital_id: string;
  hospital_name: string;
  campaign_id: string;
  org_id: string;
  starts_at: unknown;
  ends_at: unknown;
  capacity: number;
  booked: number;
  attended: number;
  is_two_cancer: boolean;
  version: number;
};

const slotSelect = sql`select s.id, s.hospital_id, h.name as hospital_name, s.campaign_id, s.org_id, s.starts_at, s.ends_at, s.capacity, s.booked, s.is_two_cancer, s.version,
    (select count(*)::int from health_booking b where b.slot_id = s.id and b.status = 'attended') as attended
  from health_slot s join health_hospital h on h.id = s.hospital_id`;

export async function listSlots(db: Db, campaignId: string): Promise<SlotRow[]> {
  return query<SlotRow>(db, sql`${slotSelect} where s.campaign_id = ${campaignId} order by s.starts_at, h.name, s.id limit 2000`);
}

export async function findSlot(db: Db, id: string, lock = false): Promise<SlotRow | undefined> {
  return queryOne<SlotRow>(db, sql`${slotSelect} where s.id = ${id}${lock ? sql` for update of s` : sql``}`);
}

type SlotValues = { startsAt: string; endsAt: string; capacity: number; isTwoCancer: boolean };

export async function insertSlot(db: Db, hospital: { id: string; campaign_id: string; org_id: string }, v: SlotValues): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into health_slot (hospital_id, campaign_id, org_id, starts_at, ends_at, capacity, is_two_cancer)
      values (${hospital.id}, ${hospital.campaign_id}, ${hospital.org_id}, ${v.startsAt}, ${v.endsAt}, ${v.capacity}, ${v.isTwoCancer}) returning id`,
  );
  return row!.id;
}

/** Changes a slot; never below the places already booked (the row's check holds it too). */
export async function updateSlot(db: Db, id: string, version: number, v: SlotValues, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update health_slot set starts_at = ${v.startsAt}, ends_at = ${v.endsAt}, capacity = ${v.capacity}, is_two_cancer = ${v.isTwoCancer}, version = version + 1, updated_at = ${now.toISOString()}
      where id = ${id} and version = ${version} and booked <= ${v.capacity} returning id`,
  );
  return rows.length === 1;
}

export async function deleteSlot(db: Db, id: string): Promise<boolean> {
  const rows = await query<{ id: string }>(db, sql`delete from health_slot s where s.id = ${id} and not exists (select 1 from health_booking b where b.slot_id = s.id) returning s.id`);
  return rows.length === 1;
}

/**
 * Takes one place: the conditional update is the guard, so twenty requests on a slot of five
 * give five (each waits for the row, then re-reads `booked`). Runs in the booking's transaction.
 */
export async function takePlace(db: Db, slotId: string, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(db, sql`update health_slot set booked = booked + 1, updated_at = ${now.toISOString()} where id = ${slotId} and booked < capacity returning id`);
  return rows.length === 1;
}

export async function freePlace(db: Db, slotId: string, now: Date): Promise<void> {
  await db.execute(sql`update health_slot set booked = booked - 1, updated_at = ${now.toISOString()} where id = ${slotId} and booked > 0`);
}

/** Inserts a live booking; null when the person already has one in the campaign (the partial unique index). */
export async function insertBooking(
  db: Db,
  v: { slotId: string; campaignId: string; orgId: string; personId: string; membershipId: string; userId: string; personName: string },
  now: Date,
): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into health_booking (slot_id, campaign_id, org_id, person_id, membership_id, user_id, person_name, status, created_at, updated_at)
      values (${v.slotId}, ${v.campaignId}, ${v.orgId}, ${v.personId}, ${v.membershipId}, ${v.userId}, ${v.personName}, 'booked', ${now.toISOString()}, ${now.toISOString()})
      on conflict (campaign_id, person_id) where status in ('booked','attended') do nothing returning id`,
  );
  return row?.id ?? null;
}

export type BookingRow = {
  id: string;
  slot_id: string;
  campaign_id: string;
  campaign_name: string;
  org_id: string;
  org_name: string;
  org_path: string;
  person_id: string;
  user_id: string | null;
  person_name: string;
  hospital_name: string;
  hospital_address: string;
  starts_at: unknown;
  ends_at: unknown;
  is_two_cancer: boolean;
  status: HealthBookingStatus;
  marked_at: unknown;
  created_at: unknown;
  version: number;
};

const bookingSelect = sql`select b.id, b.slot_id, b.campaign_id, c.name as campaign_name, b.org_id, o.name as org_name, o.path as org_path, b.person_id, b.user_id, b.person_name,
    h.name as hospital_name, h.address as hospital_address, s.starts_at, s.ends_at, s.is_two_cancer, b.status, b.marked_at, b.created_at, b.version
  from health_booking b join health_slot s on s.id = b.slot_id join health_hospital h on h.id = s.hospital_id join campaign c on c.id = b.campaign_id join org o on o.id = b.org_id`;

export async function findBooking(db: Db, id: string): Promise<BookingRow | undefined> {
  return queryOne<BookingRow>(db, sql`${bookingSelect} where b.id = ${id}`);
}

/** A campaign's bookings of members in the scope, by slot time then name. */
export async function listBookings(
  db: Db,
  campaignId: string,
  f: { scope: Scope; slotId?: string | undefined; status?: string | undefined; page: number; pageSize: number },
): Promise<{ items: BookingRow[]; total: number }> {
  const where = sql`b.campaign_id = ${campaignId} and ${scopeSql(f.scope, sql`o.path`)} ${f.slotId ? sql`and b.slot_id = ${f.slotId}` : sql``} ${f.status ? sql`and b.status = ${f.status}` : sql``}`;
  const items = await query<BookingRow>(db, sql`${bookingSelect} where ${where} order by s.starts_at, b.person_name, b.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from health_booking b join org o on o.id = b.org_id where ${where}`);
  return { items, total: total?.n ?? 0 };
}

export async function listBookingsOfPersons(db: Db, personIds: string[]): Promise<BookingRow[]> {
  if (!personIds.length) return [];
  return query<BookingRow>(db, sql`${bookingSelect} where b.person_id in (${sql.join(personIds.map((p) => sql`${p}`), sql`, `)}) order by s.starts_at desc limit 200`);
}

/** Moves a booking from one of `from` to `to` at the version read; false when it moved meanwhile. */
export async function setBookingStatus(db: Db, id: string, at: { version: number; from: readonly HealthBookingStatus[] }, to: HealthBookingStatus, by: string | null, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  const rows = await query<{ id: string }>(
    db,
    sql`update health_booking set status = ${to}, version = version + 1, updated_at = ${stamp},
        cancelled_at = ${to === 'cancelled' ? stamp : null}, marked_at = ${to === 'attended' || to === 'no_show' ? stamp : null}, marked_by = ${by}
      where id = ${id} and version = ${at.version} and status in (${sql.join(
        at.from.map((s) => sql`${s}`),
        sql`, `,
      )}) returning id`,
  );
  return rows.length === 1;
}

/** Open health campaigns whose owner is the member's union or above it. */
export async function listOpenHealthCampaigns(db: Db, memberOrgPath: string): Promise<{ id: string; name: string; org_name: string; starts_on: string; ends_on: string }[]> {
  return query(
    db,
    sql`select c.id, c.name, o.name as org_name, c.starts_on::text as starts_on, c.ends_on::text as ends_on from campaign c join org o on o.id = c.org_id
      where c.kind = 'health' and c.status = 'open' and ${memberOrgPath} like o.path || '%' order by c.starts_on, c.id limit 20`,
  );
}

/** Slots still ahead with a free place, of the given campaigns. */
export async function listFreeSlots(db: Db, campaignIds: string[], now: Date): Promise<SlotRow[]> {
  if (!campaignIds.length) return [];
  return query<SlotRow>(
    db,
    sql`${slotSelect} where s.campaign_id in (${sql.join(campaignIds.map((c) => sql`${c}`), sql`, `)}) and s.starts_at > ${now.toISOString()} and s.booked < s.capacity
      order by s.starts_at, h.name, s.id limit 500`,
  );
}

export type ReminderRow = { id: string; user_id: string | null; org_id: string; hospital_name: string; hospital_address: string; starts_at: Date | string };

/**
 * Claims the live bookings whose slot starts in [from, to) and were not reminded yet, marking them
 * reminded in the same statement: a second run, or a second instance, finds nothing left to send.
 */
export async function claimReminders(db: Db, from: Date, to: Date, now: Date): Promise<ReminderRow[]> {
  return query<ReminderRow>(
    db,
    sql`with claimed as (
        update health_booking b set reminded_at = ${now.toISOString()}
        from health_slot s
        where s.id = b.slot_id and b.status = 'booked' and b.reminded_at is null
          and s.starts_at >= ${from.toISOString()} and s.starts_at < ${to.toISOString()}
        returning b.id, b.user_id, b.org_id, b.slot_id)
      select c.id, c.user_id, c.org_id, h.name as hospital_name, h.address as hospital_address, s.starts_at
      from claimed c join health_slot s on s.id = c.slot_id join health_hospital h on h.id = s.hospital_id`,
  );
}
