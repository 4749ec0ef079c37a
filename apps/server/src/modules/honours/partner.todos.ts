import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from '../../db/rows';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { todoScopeCondition } from '../orgs';
import { EXPIRING_DAYS } from './partner.service';

type Ending = { id: string; title: string; partner_id: string; partner_name: string; ends_on: string; org_name: string };

/**
 * 1+N 合作联盟: agreements in force of active partners that end within 30 days (Asia/Shanghai days)
 * and were not terminated — the staff over the partner's union renew them or let them lapse.
 */
export const partnerTodos: TodoSource = {
  kind: 'partner_agreement_expiring',
  permission: 'honours.write',
  list(db: Db, q) {
    const today = new Date(q.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const from = sql`from partner_agreement a join partner p on p.id = a.partner_id join org o on o.id = p.org_id
      where p.status = 'active' and a.terminated_on is null and a.starts_on <= ${today}::date and a.ends_on >= ${today}::date and a.ends_on <= ${today}::date + ${EXPIRING_DAYS}::int
        and ${todoScopeCondition(q, sql`o.path`) ?? sql`true`}`;
    return collectTodos(
      query<{ n: number; oldest: string | null }>(db, sql`select count(*)::int as n, min(a.ends_on)::text || 'T00:00:00+08:00' as oldest ${from}`),
      query<Ending>(db, sql`select a.id, a.title, p.id as partner_id, p.name as partner_name, a.ends_on::text as ends_on, o.name as org_name ${from} order by a.ends_on, p.name limit ${q.limit}`),
      (r) => ({
        id: r.id,
        title: { key: 'TODO_PARTNER_AGREEMENT_EXPIRING', params: { partner: r.partner_name, title: r.title, date: r.ends_on } },
        orgName: r.org_name,
        at: new Date(`${r.ends_on}T00:00:00+08:00`),
        link: `/admin/honours/partners?partner=${r.partner_id}`,
      }),
    );
  },
};
