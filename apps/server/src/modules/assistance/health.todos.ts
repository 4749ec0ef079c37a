import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { todoScopeCondition } from '../orgs';
import { query } from './mutualaid.repository';

type SlotWaiting = { slot_id: string; campaign_id: string; hospital_name: string; starts_at: Date | string; ends_at: Date | string; n: number };
const shanghai = (at: Date | string, part: 'date' | 'time') =>
  part === 'date'
    ? new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
    : new Date(at).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * 送健康: slots that are over with members still 已预约 — the staff over those members' unions
 * have to mark who came (到场) and who did not (未到). One item per slot, with how many wait.
 */
export const healthTodos: TodoSource = {
  kind: 'health_attendance',
  permission: 'assistance.write',
  list(db: Db, q) {
    const from = sql`from health_booking b join health_slot s on s.id = b.slot_id join health_hospital h on h.id = s.hospital_id join org o on o.id = b.org_id
      where b.status = 'booked' and s.ends_at < ${q.now.toISOString()} and ${todoScopeCondition(q, sql`o.path`) ?? sql`true`}`;
    return collectTodos(
      query<{ n: number; oldest: string | null }>(db, sql`select count(distinct b.slot_id)::int as n, min(s.ends_at) as oldest ${from}`),
      query<SlotWaiting>(
        db,
        sql`select b.slot_id, s.campaign_id, h.name as hospital_name, s.starts_at, s.ends_at, count(*)::int as n ${from}
          group by b.slot_id, s.campaign_id, h.name, s.starts_at, s.ends_at order by s.ends_at limit ${q.limit}`,
      ),
      (r) => ({
        id: r.slot_id,
        title: { key: 'TODO_HEALTH_ATTENDANCE', params: { hospital: r.hospital_name, date: shanghai(r.starts_at, 'date'), time: shanghai(r.starts_at, 'time'), n: r.n } },
        orgName: null,
        at: new Date(r.ends_at),
        link: `/admin/assistance/health?campaign=${r.campaign_id}&tab=bookings&slot=${r.slot_id}`,
      }),
    );
  },
};
