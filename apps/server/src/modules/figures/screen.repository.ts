import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

const rowsOf = <T>(r: unknown): T[] => (r as { rows?: T[] }).rows ?? [];

// The big screen reads across the positions, access, fund and members tables in a few
// set-based queries (as the fund's public screen does); it shows nothing personal.

/** Positions in service in a subtree, with whether they are smart (a door controller) and commerce-sustained (a shop). */
export async function listScreenStations(db: Db, path: string) {
  return rowsOf<{ code: string; name: string; type: string; lng: number; lat: number; is_24h: boolean; is_smart: boolean; is_commerce: boolean }>(
    await db.execute(sql`select p.code, p.name, p.type, p.lng, p.lat, p.is_24h,
        exists (select 1 from door_controller c where c.position_id = p.id and c.status = 'active') as is_smart,
        (coalesce(p.build_mode = 'commerce_sustained', false) or exists (select 1 from fund_shop s where s.position_id = p.id and s.status = 'active')) as is_commerce
      from position p join org o on o.id = p.org_id
      where o.path like ${`${path}%`} and p.status in ('open', 'suspended')
      order by p.code limit 3000`),
  );
}

export type ActivityRow = { id: string; at: string | Date; kind: 'entry' | 'sale' | 'breakfast' | 'member'; place: string; detail: string | null; amount: number | null };

/** The latest door entries, sales, breakfasts and new members of a subtree: where and what, never who. */
export async function listScreenActivity(db: Db, path: string, limit = 12): Promise<ActivityRow[]> {
  const like = `${path}%`;
  const [entries, fund, members] = await Promise.all([
    db.execute(sql`select e.id, e.at, 'entry' as kind, p.name as place, null as detail, null::bigint as amount
      from door_entry e join org o on o.id = e.org_id join position p on p.id = e.position_id
      where o.path like ${like} and e.result = 'opened' and e.at > now() - interval '30 days' order by e.at desc limit ${limit}`),
    db.execute(sql`select e.id, e.occurred_at as at, case when e.kind = 'breakfast' then 'breakfast' else 'sale' end as kind, p.name as place, null as detail,
        case when e.kind = 'breakfast' then e.breakfast_count else e.amount_fen end::bigint as amount
      from fund_entry e join position p on p.id = e.position_id join org o on o.id = p.org_id
      where o.path like ${like} and e.kind in ('sale', 'breakfast') and e.occurred_at > now() - interval '30 days' order by e.occurred_at desc limit ${limit}`),
    db.execute(sql`select m.id, m.joined_at as at, 'member' as kind, o.name as place, pe.employment_form as detail, null::bigint as amount
      from membership m join org o on o.id = m.org_id join person pe on pe.id = m.person_id
      where o.path like ${like} and m.status in ('active', 'suspended') and m.joined_at > now() - interval '90 days' order by m.joined_at desc limit ${limit}`),
  ]);
  return [...rowsOf<ActivityRow>(entries), ...rowsOf<ActivityRow>(fund), ...rowsOf<ActivityRow>(members)]
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, limit);
}

/** The nearest district-level division code at or above an org (the outline the screen draws). */
export async function findDivisionCode(db: Db, path: string): Promise<string | null> {
  const ids = path.split('/').filter(Boolean);
  const [row] = rowsOf<{ division_code: string }>(
    await db.execute(sql`select division_code from org where id = any(${sql.param(ids)}::uuid[]) and division_code is not null order by depth desc limit 1`),
  );
  return row?.division_code ?? null;
}
