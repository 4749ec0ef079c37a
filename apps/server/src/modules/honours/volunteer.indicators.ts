import { sql } from 'drizzle-orm';
import { query } from '../../db/rows';
import { defineIndicators, type QueryContext } from '../../platform/indicators';

/** Confirmed sign-ups of activities of the union's subtree that started in the period (Asia/Shanghai days). */
const served = ({ org, from, to }: QueryContext) => sql`from volunteer_signup s join volunteer_activity a on a.id = s.activity_id join org o on o.id = a.org_id
  where o.path like ${`${org.path}%`} and s.status = 'signed_up' and s.minutes > 0
    and a.starts_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and a.starts_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;

/**
 * 志愿服务 in the reports' words ("开展志愿服务活动N次，参与志愿者N人，服务时长N小时"): activities
 * held in the period (by their start), the distinct volunteers who served in them and the hours
 * served as confirmed by the organisers, at the union's subtree (the activity's team's union).
 */
export const volunteerIndicators = defineIndicators({
  module: 'volunteer',
  section: { zh: '志愿服务', en: 'Volunteering' },
  order: 80,
  // A cancelled activity was not held: it leaves the count (the rollup follows the status change).
  series: [{ key: 'volunteer.activities', tables: { a: 'volunteer_activity' }, from: '{a} a', org: 'a.org_id', events: [{ at: 'a.starts_at', value: '1', where: "a.status <> 'cancelled'" }] }],
  indicators: [
    {
      key: 'volunteer.activities',
      name: { zh: '志愿服务活动', en: 'Volunteer activities' },
      unit: 'count',
      definition: { zh: '期内开展（按开始时间）的职工志愿服务活动次数。', en: 'Workers’ volunteer activities held in the period (by their start).' },
      compute: { kind: 'flow', series: 'volunteer.activities' },
      isHeadline: true,
    },
    {
      key: 'volunteer.volunteers',
      name: { zh: '参与志愿者', en: 'Volunteers who served' },
      unit: 'people',
      definition: { zh: '期内开展的志愿活动中经组织者确认服务时长大于零的不同志愿者人数（按会员身份去重）。', en: 'Distinct volunteers (by member identity) with confirmed hours above zero in activities held in the period.' },
      compute: {
        kind: 'query',
        periodic: true,
        async evaluate(ctx) {
          const [row] = await query<{ n: number }>(ctx.db, sql`select count(distinct s.person_id)::int as n ${served(ctx)}`);
          return { value: row?.n ?? 0 };
        },
      },
    },
    {
      key: 'volunteer.hours',
      name: { zh: '志愿服务时长（小时）', en: 'Volunteer hours served' },
      unit: 'count',
      definition: { zh: '期内开展的志愿活动经组织者确认的服务时长合计（小时，保留一位小数）。', en: 'Hours served in activities held in the period, as confirmed by the organisers (to one decimal).' },
      compute: {
        kind: 'query',
        periodic: true,
        async evaluate(ctx) {
          const [row] = await query<{ h: number }>(ctx.db, sql`select round(coalesce(sum(s.minutes), 0) / 60.0, 1)::float8 as h ${served(ctx)}`);
          return { value: row?.h ?? 0 };
        },
      },
      isHeadline: true,
    },
  ],
});
