import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from '../../db/rows';

/** The demo's volunteer teams: the district's 总队 and teams of the streets, by the union's code. */
const TEAMS = [
  { org: 'JB', name: '江北区职工志愿服务总队', size: 24, about: '区总工会组建，承接全区职工志愿服务、文明创建和大型活动保障。' },
  { org: 'JB', name: '江北区劳模工匠志愿服务队', size: 10, about: '劳模工匠走进社区、企业，开展技能传授、义务维修和宣讲。' },
  { org: 'JB-GYQ', name: '观音桥街道职工志愿服务队', size: 18, about: '观音桥商圈、社区的职工志愿服务。' },
  { org: 'JB-WLD', name: '五里店街道职工志愿服务队', size: 14, about: '五里店街道及渝能阳光社区的职工志愿服务。' },
] as const;

const ACTIVITIES = [
  ['观音桥商圈文明劝导', '观音桥步行街'],
  ['户外劳动者爱心驿站送清凉', '观音桥爱心驿站'],
  ['“工会进社区”义务维修', '建东社区服务中心'],
  ['无偿献血志愿服务', '江北区献血屋'],
  ['嘉陵江滨江步道清洁', '北滨路滨江步道'],
  ['关爱空巢老人上门探访', '桃源社区'],
  ['劳模工匠技能进校园', '江北区职业教育中心'],
  ['交通路口文明引导', '五里店立交'],
  ['新就业形态劳动者入会宣传', '五里店街道片区联合工会'],
  ['法律援助进工地', '鱼复工业园区'],
] as const;

/**
 * 志愿服务 of Jiangbei: four teams (the district's 总队 and 劳模工匠 team, the streets of 观音桥
 * and 五里店) of members of the unions under them, 40 activities over the past year with hours
 * confirmed, two that ended this week waiting for their hours (the 待办), and six ahead open for
 * sign-up. Bulk inserts in the demo's transaction.
 */
export async function seedDemoVolunteers(tx: Db, jbId: string, now = new Date()): Promise<void> {
  const orgs = await query<{ id: string; code: string; path: string }>(tx, sql`select id, code, path from org where code in ('JB', 'JB-GYQ', 'JB-WLD') and path like (select path || '%' from org where id = ${jbId})`);
  const [staff] = await query<{ id: string }>(tx, sql`select id from app_user where username = 'jb.staff'`);
  const by = staff?.id ?? null;
  const used = new Set<string>();
  const teams: { id: string; orgId: string; members: { person_id: string; name: string }[] }[] = [];
  for (const [i, t] of TEAMS.entries()) {
    const o = orgs.find((x) => x.code === t.org);
    if (!o) continue;
    // Members of the team's union subtree without an account of their own (the demo workers stay plain members).
    const people = (
      await query<{ person_id: string; name: string }>(
        tx,
        sql`select p.id as person_id, p.real_name as name from person p join membership m on m.person_id = p.id and m.status = 'active' join org o on o.id = m.org_id
          where o.path like ${`${o.path}%`} and p.user_id is null order by md5(p.id::text || ${`volunteer${i}`}) limit ${t.size * 2}`,
      )
    )
      .filter((p) => !used.has(p.person_id))
      .slice(0, t.size);
    if (people.length < 4) continue;
    people.forEach((p) => used.add(p.person_id));
    const created = new Date(now.getTime() - (420 + i * 30) * 86_400_000).toISOString();
    const [row] = await query<{ id: string }>(
      tx,
      sql`insert into volunteer_team (org_id, name, leader_person_id, leader_name, description, created_by, created_at) values (${o.id}, ${t.name}, ${people[0]!.person_id}, ${people[0]!.name}, ${t.about}, ${by}, ${created}) returning id`,
    );
    teams.push({ id: row!.id, orgId: o.id, members: people });
    // The last two applied on the phone and wait for approval.
    await tx.execute(
      sql`insert into volunteer_member (team_id, person_id, org_id, person_name, status, approved_at, created_at) values ${sql.join(
        people.map((p, k) => (k >= people.length - 2 ? sql`(${row!.id}, ${p.person_id}, ${o.id}, ${p.name}, 'pending', null, ${now.toISOString()})` : sql`(${row!.id}, ${p.person_id}, ${o.id}, ${p.name}, 'active', ${created}, ${created})`)),
        sql`, `,
      )}`,
    );
  }
  if (!teams.length) return;

  // 40 past activities (one every nine days or so), 2 ended this week without hours, 6 ahead.
  const hour = 3_600_000;
  const day = 24 * hour;
  const specs: { team: (typeof teams)[number]; startsAt: Date; hours: number; capacity: number; k: number; kind: 'past' | 'waiting' | 'ahead' }[] = [];
  for (let k = 0; k < 40; k++) specs.push({ team: teams[k % teams.length]!, startsAt: new Date(now.getTime() - (5 + k * 9) * day - (now.getTime() % day) + 1 * hour), hours: 2 + (k % 3), capacity: 8 + (k % 5) * 2, k, kind: 'past' });
  for (let k = 0; k < 2; k++) specs.push({ team: teams[(k + 2) % teams.length]!, startsAt: new Date(now.getTime() - (1 + k) * day - (now.getTime() % day) + 1 * hour), hours: 3, capacity: 10, k: 40 + k, kind: 'waiting' });
  for (let k = 0; k < 6; k++) specs.push({ team: teams[k % teams.length]!, startsAt: new Date(now.getTime() + (3 + k * 5) * day - (now.getTime() % day) + 1 * hour), hours: 3, capacity: 10 + k * 2, k: 48 + k, kind: 'ahead' });

  const activeOf = (t: (typeof teams)[number]) => t.members.slice(0, -2);
  // Who signs up: the past and waiting ones nearly full, those ahead a few so far.
  const signed = specs.map((s) => {
    const pool = activeOf(s.team);
    const n = Math.min(pool.length, s.kind === 'ahead' ? 2 + (s.k % 3) : s.capacity - (s.k % 3));
    return Array.from({ length: n }, (_, j) => pool[(s.k * 5 + j) % pool.length]!).filter((p, j, all) => all.findIndex((q) => q.person_id === p.person_id) === j);
  });
  const acts = await query<{ id: string }>(
    tx,
    sql`insert into volunteer_activity (team_id, org_id, title, place, description, starts_at, ends_at, capacity, signed_up, status, confirmed_at, created_by, created_at) values ${sql.join(
      specs.map((s, i) => {
        const [title, place] = ACTIVITIES[s.k % ACTIVITIES.length]!;
        const ends = new Date(s.startsAt.getTime() + s.hours * hour);
        const confirmed = s.kind === 'past' ? new Date(ends.getTime() + day).toISOString() : null;
        return sql`(${s.team.id}, ${s.team.orgId}, ${title}, ${place}, ${'请穿工会志愿者马甲，提前十分钟到场签到。'}, ${s.startsAt.toISOString()}, ${ends.toISOString()}, ${s.capacity}, ${signed[i]!.length},
          ${confirmed ? 'confirmed' : 'open'}, ${confirmed}, ${by}, ${new Date(s.startsAt.getTime() - 10 * day).toISOString()})`;
      }),
      sql`, `,
    )} returning id`,
  );
  const rows: ReturnType<typeof sql>[] = [];
  specs.forEach((s, i) => {
    const confirmed = s.kind === 'past' ? new Date(s.startsAt.getTime() + (s.hours * hour + day)).toISOString() : null;
    signed[i]!.forEach((p, j) => {
      // Most served the whole activity; one in seven left early (half an hour less), one in eleven did not come.
      const minutes = !confirmed ? null : j % 11 === 10 ? 0 : j % 7 === 6 ? s.hours * 60 - 30 : s.hours * 60;
      const at = new Date(s.startsAt.getTime() - (3 + (j % 5)) * day).toISOString();
      rows.push(sql`(${acts[i]!.id}, ${s.team.orgId}, ${p.person_id}, ${p.name}, 'signed_up', ${minutes}, ${confirmed}, ${at}, ${confirmed ?? at})`);
    });
  });
  if (rows.length)
    await tx.execute(sql`insert into volunteer_signup (activity_id, org_id, person_id, person_name, status, minutes, confirmed_at, created_at, updated_at) values ${sql.join(rows, sql`, `)}`);
}
