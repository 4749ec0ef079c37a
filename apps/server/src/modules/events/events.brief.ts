import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** What another module shows of an event it links to (a job fair of 春送岗位): title, time, place, organiser. */
export type EventBrief = { id: string; title: string; startsAt: string; endsAt: string; address: string | null; orgName: string; orgPath: string; status: string };

type Row = { id: string; title: string; starts_at: unknown; ends_at: unknown; address: string | null; org_name: string; org_path: string; status: string };
const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();
const toBrief = (r: Row): EventBrief => ({ id: r.id, title: r.title, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), address: r.address, orgName: r.org_name, orgPath: r.org_path, status: r.status });
const select = sql`select e.id, e.title, e.starts_at, e.ends_at, e.address, e.status, o.name as org_name, o.path as org_path from event e join org o on o.id = e.org_id`;

/** The events of these ids (any status; a missing id is left out). */
export async function findEventBriefs(db: Db, ids: readonly string[]): Promise<EventBrief[]> {
  if (!ids.length) return [];
  const rows = ((await db.execute(sql`${select} where e.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)) as { rows?: Row[] }).rows ?? [];
  return rows.map(toBrief);
}

/** Published events that have not ended, soonest first (the caller filters by scope). */
export async function listUpcomingEventBriefs(db: Db, now: Date, limit = 200): Promise<EventBrief[]> {
  const rows = ((await db.execute(sql`${select} where e.status = 'published' and e.ends_at > ${now.toISOString()} order by e.starts_at limit ${limit}`)) as { rows?: Row[] }).rows ?? [];
  return rows.map(toBrief);
}
