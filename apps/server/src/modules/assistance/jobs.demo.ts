import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from './mutualaid.repository';
import { employerOf } from './jobs.service';

const DAY = 86_400_000;

/** The spring's places in all (seed 000: "春送岗位"提供1.1万个就业岗位，推送100余条就业信息). */
export const DEMO_SPRING_PLACES = 11_000;
const SPRING_JOBS = 120;

type Kind = { title: string; form: 'full_time' | 'part_time' | 'flexible' | 'internship'; period: 'month' | 'day' | 'hour'; pay: [number, number]; req: string };
const KINDS: Kind[] = [
  { title: '快递收派员', form: 'full_time', period: 'month', pay: [600_000, 1_000_000], req: '18–50 岁，会骑电动车，能吃苦耐劳' },
  { title: '外卖骑手', form: 'flexible', period: 'month', pay: [500_000, 1_200_000], req: '18 周岁以上，持健康证，熟悉江北道路' },
  { title: '网约车司机', form: 'flexible', period: 'month', pay: [700_000, 1_300_000], req: '持 C1 驾照三年以上，无重大事故记录' },
  { title: '普工（汽车零部件装配）', form: 'full_time', period: 'month', pay: [450_000, 650_000], req: '18–45 岁，能适应两班倒，包食宿' },
  { title: '家电装配操作工', form: 'full_time', period: 'month', pay: [480_000, 700_000], req: '初中以上学历，视力良好，能站立作业' },
  { title: '仓储分拣员', form: 'full_time', period: 'month', pay: [420_000, 600_000], req: '身体健康，能搬运 20 公斤货物' },
  { title: '家政服务员', form: 'flexible', period: 'hour', pay: [3_500, 6_000], req: '持家政服务员证优先，工会免费培训' },
  { title: '母婴护理员', form: 'full_time', period: 'month', pay: [800_000, 1_500_000], req: '持母婴护理证，有经验者优先' },
  { title: '保安员', form: 'full_time', period: 'month', pay: [350_000, 450_000], req: '55 岁以下，退役军人优先' },
  { title: '物业保洁员', form: 'part_time', period: 'day', pay: [12_000, 15_000], req: '60 岁以下，身体健康' },
  { title: '餐饮服务员', form: 'full_time', period: 'month', pay: [380_000, 500_000], req: '持健康证，普通话流利' },
  { title: '商场导购', form: 'full_time', period: 'month', pay: [400_000, 700_000], req: '形象良好，有零售经验优先' },
  { title: '电焊工', form: 'full_time', period: 'month', pay: [700_000, 1_000_000], req: '持特种作业操作证（焊接）' },
  { title: '叉车司机', form: 'full_time', period: 'month', pay: [550_000, 750_000], req: '持叉车证，一年以上经验' },
  { title: '港口装卸工', form: 'full_time', period: 'month', pay: [600_000, 900_000], req: '45 岁以下，能适应户外作业' },
  { title: '环卫工人', form: 'full_time', period: 'month', pay: [300_000, 380_000], req: '60 岁以下，身体健康，区城管局缴纳社保' },
  { title: '银行大堂引导员（实习）', form: 'internship', period: 'month', pay: [250_000, 320_000], req: '大专在读或应届毕业生' },
  { title: '数控车床操作工', form: 'full_time', period: 'month', pay: [650_000, 900_000], req: '中专以上，会看图纸' },
];

/**
 * 春送岗位 of Jiangbei: this year's spring (the 春风行动 after the Spring Festival) with 120 jobs
 * from the district's employers whose places add up to the seed's 11,000, its job fair (an event)
 * and applications in every state; and a few jobs open now for the coming fair, so the phone has
 * something to apply for. Rows go in with one statement per table; runs in the demo's transaction.
 */
export async function seedDemoJobs(tx: Db, byCode: Map<string, { id: string }>, now = new Date()): Promise<void> {
  const jb = byCode.get('JB');
  if (!jb) return;
  const sh = new Date(now.getTime() + 8 * 3600_000);
  // The last spring that is over: this year's after May, else last year's.
  const springYear = sh.getUTCMonth() >= 4 ? sh.getUTCFullYear() : sh.getUTCFullYear() - 1;
  const springStart = new Date(`${springYear}-02-16T09:00:00+08:00`);
  const unions = await query<{ id: string; name: string; lng: number | null; lat: number | null; address: string | null }>(
    tx,
    sql`select u.id, u.name, p.lng, p.lat, p.address from org u join org d on d.id = ${jb.id}
      left join lateral (select ps.lng, ps.lat, ps.address from position ps join org po on po.id = ps.org_id
        where po.path like (select path from org s where s.id::text = nullif(split_part(u.path, '/', 4), '')) || '%' and ps.lng is not null order by md5(ps.id::text || u.id::text) limit 1) p on true
      where u.type = 'grassroots' and u.status = 'active' and u.path like d.path || '%' order by u.code`,
  );
  if (!unions.length) return;
  const [staff] = await query<{ id: string | null }>(tx, sql`select id from app_user where username = 'jb.staff'`);
  const fairAt = (d: Date) => d.toISOString();

  // The job fairs: the spring's (over) and the coming one (next month), as events of the district union.
  const springFairStart = new Date(springStart.getTime() + 12 * DAY);
  const nextFairStart = new Date(Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth(), sh.getUTCDate() + 20, 1));
  const fairs = await query<{ id: string }>(
    tx,
    sql`insert into event (org_id, type, title, description, visibility, address, lng, lat, starts_at, ends_at, signup_opens_at, signup_closes_at, eligibility, capacity, status, published_at, created_at, updated_at)
      values
      (${jb.id}, 'other', ${`${springYear}年“春风行动”暨“春送岗位”江北区专场招聘会`}, '百余家企业现场招聘，工会提供政策咨询和技能培训报名。凭身份证入场，免费。', 'public', '江北区观音桥步行街世纪广场', 106.5276, 29.5781,
        ${fairAt(springFairStart)}, ${fairAt(new Date(springFairStart.getTime() + 5 * 3600_000))}, ${fairAt(new Date(springFairStart.getTime() - 10 * DAY))}, ${fairAt(springFairStart)},
        '{"membersOnly":false,"orgIds":[],"employmentForms":[],"minAge":null,"maxAge":null}'::jsonb, 3000, 'published', ${fairAt(new Date(springFairStart.getTime() - 10 * DAY))}, ${fairAt(new Date(springFairStart.getTime() - 10 * DAY))}, ${fairAt(new Date(springFairStart.getTime() - 10 * DAY))}),
      (${jb.id}, 'other', '新就业形态劳动者专场招聘会（春送岗位）', '快递、外卖、网约车、家政企业现场招聘；工会驿站提供饮水休息。', 'public', '江北区五里店工会驿站广场', 106.5625, 29.5858,
        ${fairAt(nextFairStart)}, ${fairAt(new Date(nextFairStart.getTime() + 4 * 3600_000))}, ${fairAt(new Date(now.getTime() - DAY))}, ${fairAt(nextFairStart)},
        '{"membersOnly":false,"orgIds":[],"employmentForms":[],"minAge":null,"maxAge":null}'::jsonb, 2000, 'published', ${fairAt(now)}, ${fairAt(now)}, ${fairAt(now)})
      returning id`,
  );
  const [springFair, nextFair] = [fairs[0]!.id, fairs[1]!.id];

  // Headcounts that add up to 11,000: a spread around the mean, the last job taking the remainder.
  const heads: number[] = [];
  for (let i = 0; i < SPRING_JOBS - 1; i++) heads.push(20 + ((i * 37) % 120));
  heads.push(DEMO_SPRING_PLACES - heads.reduce((a, b) => a + b, 0));
  type Row = { union: (typeof unions)[number]; kind: Kind; head: number; filled: number; status: string; opened: Date; closed: Date | null; validUntil: string; eventId: string | null };
  const rows: Row[] = [];
  for (let i = 0; i < SPRING_JOBS; i++) {
    const union = unions[i % unions.length]!;
    const kind = KINDS[(i * 7 + Math.floor(i / unions.length)) % KINDS.length]!;
    const opened = new Date(springStart.getTime() + ((i * 0.61803) % 1) * 70 * DAY);
    const head = heads[i]!;
    const isFilled = i % 4 === 0;
    rows.push({ union, kind, head, filled: isFilled ? head : Math.floor(head * 0.6), status: isFilled ? 'filled' : 'closed', opened, closed: new Date(opened.getTime() + 45 * DAY), validUntil: new Date(opened.getTime() + 60 * DAY + 8 * 3600_000).toISOString().slice(0, 10), eventId: i % 3 === 0 ? springFair : null });
  }
  // Open now, for the coming fair.
  for (let i = 0; i < 16; i++) {
    const union = unions[(i * 5 + 3) % unions.length]!;
    const kind = KINDS[(i * 5 + 1) % KINDS.length]!;
    const opened = new Date(now.getTime() - (1 + ((i * 3) % 20)) * DAY);
    rows.push({ union, kind, head: 5 + ((i * 13) % 40), filled: 0, status: 'open', opened, closed: null, validUntil: new Date(now.getTime() + (60 + i * 3) * DAY + 8 * 3600_000).toISOString().slice(0, 10), eventId: i % 2 === 0 ? nextFair : null });
  }
  const jitter = (i: number) => ((i * 0.37) % 1 - 0.5) * 0.004;
  const inserted = await query<{ id: string; org_id: string; status: string; opened_at: unknown }>(
    tx,
    sql`insert into job_posting (org_id, employer_name, title, description, requirements, employment_form, pay_min_fen, pay_max_fen, pay_period, headcount, filled, address, lng, lat, valid_until, event_id, status, opened_at, closed_at, created_by, created_at, updated_at)
      values ${sql.join(
        rows.map(
          (r, i) =>
            sql`(${r.union.id}, ${employerOf(r.union.name)}, ${r.kind.title}, ${`${employerOf(r.union.name)}招聘${r.kind.title}，签订劳动合同，依法缴纳社会保险。工会全程跟踪用工权益。`}, ${r.kind.req}, ${r.kind.form},
              ${r.kind.pay[0]}, ${r.kind.pay[1]}, ${r.kind.period}, ${r.head}, ${r.filled}, ${r.union.address ?? '重庆市江北区'}, ${(r.union.lng ?? 106.5744) + jitter(i)}, ${(r.union.lat ?? 29.6064) + jitter(i + 7)},
              ${r.validUntil}, ${r.eventId}, ${r.status}, ${r.opened.toISOString()}, ${r.closed?.toISOString() ?? null}, ${staff?.id ?? null}, ${new Date(r.opened.getTime() - DAY).toISOString()}, ${(r.closed ?? r.opened).toISOString()})`,
        ),
        sql`, `,
      )}
      returning id, org_id, status, opened_at`,
  );

  // Applications: members of the district (one identity each), taken at the fair or sent from the phone, in every state.
  const people = await query<{ person_id: string; name: string; user_id: string | null; phone: string | null }>(
    tx,
    sql`select p.id as person_id, p.real_name as name, p.user_id, p.phone from person p join membership m on m.person_id = p.id and m.status = 'active' join org o on o.id = m.org_id
      where o.path like (select path || '%' from org where id = ${jb.id}) and (p.phone is null or p.phone not in ('13800000001', '13800000002')) order by md5(p.id::text) limit 400`,
  );
  if (!people.length) return;
  const STATES = ['hired', 'rejected', 'hired', 'interview', 'viewed', 'hired', 'withdrawn', 'rejected'] as const;
  const apps: ReturnType<typeof sql>[] = [];
  const used = new Set<string>();
  let n = 0;
  for (const [j, job] of inserted.entries()) {
    const each = job.status === 'open' ? 2 : 3;
    for (let k = 0; k < each; k++) {
      const who = people[(j * 7 + k * 131) % people.length]!;
      const key = `${job.id}:${who.person_id}`;
      if (used.has(key)) continue;
      used.add(key);
      const status = job.status === 'open' ? (k === 0 ? 'applied' : 'viewed') : STATES[n % STATES.length]!;
      const at = new Date(new Date(String(job.opened_at instanceof Date ? job.opened_at.toISOString() : job.opened_at)).getTime() + (1 + k) * 3600_000 * 5);
      const decided = status === 'applied' || status === 'withdrawn' ? null : new Date(Math.min(now.getTime() - 3600_000, at.getTime() + 3 * DAY));
      apps.push(
        sql`(${job.id}, ${job.org_id}, ${`p:${who.person_id}`}, ${who.person_id}, ${who.user_id}, ${job.status === 'open' ? 'phone' : k === 0 ? 'fair' : 'phone'}, ${who.name}, ${who.phone}, ${k === 0 ? '有相关工作经验，希望尽快上岗' : ''}, ${status},
          ${decided ? (staff?.id ?? null) : null}, ${decided ? '江北区总工会干事' : null}, ${decided?.toISOString() ?? null}, ${status === 'hired' ? decided!.toISOString() : null}, ${at.toISOString()}, ${(decided ?? at).toISOString()})`,
      );
      n++;
    }
  }
  await tx.execute(sql`insert into job_application (posting_id, org_id, applicant_key, person_id, user_id, source, name, phone, note, status, decided_by, decided_by_name, decided_at, hired_at, created_at, updated_at)
    values ${sql.join(apps, sql`, `)}`);
}
