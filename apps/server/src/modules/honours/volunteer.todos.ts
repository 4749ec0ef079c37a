import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from '../../db/rows';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { todoScopeCondition } from '../orgs';

type Waiting = { id: string; title: string; starts_at: Date | string; ends_at: Date | string; n: number };
const shanghaiDate = (at: Date | string) => new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 志愿服务: activities that have ended with people signed up whose hours nobody has confirmed yet —
 * the staff over the activity's union confirm the hours served. One item per activity.
 */
export const volunteerTodos: TodoSource = {
  kind: 'volunteer_hours',
  permission: 'honours.write',
  list(db: Db, q) {
    const from = sql`from volunteer_activity a join org o on o.id = a.org_id
      where a.status = 'open' and a.signed_up > 0 and a.ends_at < ${q.now.toISOString()} and ${todoScopeCondition(q, sql`o.path`) ?? sql`true`}`;
    return collectTodos(
      query<{ n: number; oldest: string | null }>(db, sql`select count(*)::int as n, min(a.ends_at) as oldest ${from}`),
      query<Waiting>(db, sql`select a.id, a.title, a.starts_at, a.ends_at, a.signed_up as n ${from} order by a.ends_at limit ${q.limit}`),
      (r) => ({
        id: r.id,
        title: { key: 'TODO_VOLUNTEER_HOURS', params: { title: r.title, date: shanghaiDate(r.starts_at), n: r.n } },
        orgName: null,
        at: new Date(r.ends_at),
        link: `/admin/honours/volunteers?activity=${r.id}`,
      }),
    );
  },
};
