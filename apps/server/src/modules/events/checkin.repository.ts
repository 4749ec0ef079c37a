import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query, toDate } from './events.sql';
import type { Scan } from './checkin.attendance';

/** Queries of check-in (event_checkin) and the attendance kept on registrations. */

export type NewScan = { eventId: string; registrationId: string; clientId: string; kind: 'entry' | 'exit'; method: 'ticket' | 'code' | 'walk_in'; scannedAt: Date; recordedBy: string | null };

/** Records a scan once: false when the device already uploaded this client id for the event. */
export async function insertScan(db: Db, s: NewScan, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`insert into event_checkin (event_id, registration_id, client_id, kind, method, scanned_at, recorded_at, recorded_by)
        values (${s.eventId}, ${s.registrationId}, ${s.clientId}, ${s.kind}, ${s.method}, ${s.scannedAt.toISOString()}, ${now.toISOString()}, ${s.recordedBy})
        on conflict (event_id, client_id) do nothing returning id`,
  );
  return rows.length === 1;
}

export async function hasClientId(db: Db, eventId: string, clientId: string): Promise<string | null> {
  const [row] = await query<{ registration_id: string }>(db, sql`select registration_id from event_checkin where event_id = ${eventId} and client_id = ${clientId}`);
  return row?.registration_id ?? null;
}

export async function scansOf(db: Db, registrationId: string): Promise<(Scan & { isStaff: boolean })[]> {
  const rows = await query<{ kind: 'entry' | 'exit'; scanned_at: unknown; method: string }>(
    db,
    sql`select kind, scanned_at, method from event_checkin where registration_id = ${registrationId} order by scanned_at, recorded_at`,
  );
  return rows.map((r) => ({ kind: r.kind, at: toDate(r.scanned_at), isStaff: r.method !== 'code' }));
}

/** Keeps the registration's attendance (first entry, minutes) in step with its scans. */
export async function setAttendance(db: Db, registrationId: string, attendedAt: Date | null, minutes: number): Promise<void> {
  await db.execute(sql`update event_registration set attended_at = ${attendedAt?.toISOString() ?? null}, attended_minutes = ${minutes} where id = ${registrationId}`);
}

/** Attendance of an event (optionally of one subtree's registrations): places, 人次, walk-ins, scans. */
export async function attendanceOf(
  db: Db,
  eventId: string,
  where: SQL,
  minMinutes: number | null,
): Promise<{ registered: number; attended: number; walkIns: number; absent: number; scans: number; certified: number }> {
  const [row] = await query<Record<string, unknown>>(
    db,
    sql`select count(*) filter (where r.status = 'confirmed')::int as registered,
               count(*) filter (where r.status = 'confirmed' and r.attended_at is not null)::int as attended,
               count(*) filter (where r.status = 'confirmed' and r.source = 'door')::int as walk_ins,
               count(*) filter (where r.status = 'confirmed' and r.attended_at is null)::int as absent,
               count(*) filter (where r.status = 'confirmed' and r.attended_at is not null and r.attended_minutes >= ${minMinutes ?? 0})::int as certified,
               (select count(*)::int from event_checkin c join event_registration r on r.id = c.registration_id where c.event_id = ${eventId} and ${where}) as scans
        from event_registration r where r.event_id = ${eventId} and ${where}`,
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return { registered: n('registered'), attended: n('attended'), walkIns: n('walk_ins'), absent: n('absent'), scans: n('scans'), certified: n('certified') };
}

/** The messages the events module sent about one event, grouped by kind and moment (counts only, no names). */
export async function sendLogOf(db: Db, eventId: string, lang: 'zh-CN' | 'en', limit = 200) {
  const title = lang === 'en' ? sql`title_en` : sql`title_zh`;
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select kind, min(${title}) as title, date_trunc('second', created_at) as at, count(*)::int as recipients,
               count(read_at)::int as read,
               count(*) filter (where sms_status = 'queued')::int as queued, count(*) filter (where sms_status = 'sent')::int as sent,
               count(*) filter (where sms_status = 'failed')::int as failed, count(*) filter (where sms_status = 'skipped')::int as skipped
        from notification where entity_type = 'event' and entity_id = ${eventId}
        group by kind, date_trunc('second', created_at) order by at desc limit ${limit}`,
  );
  return rows.map((r) => ({
    kind: String(r.kind),
    title: String(r.title),
    at: toDate(r.at).toISOString(),
    recipients: Number(r.recipients),
    read: Number(r.read),
    sms: { queued: Number(r.queued), sent: Number(r.sent), failed: Number(r.failed), skipped: Number(r.skipped) },
  }));
}
