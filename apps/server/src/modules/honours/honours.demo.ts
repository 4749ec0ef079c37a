import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from '../../db/rows';

/** Seed 江北区: 区级劳模和工匠人才创新工作室16个, with 101 技术创新, 33 项发明 and 24 项专利 between them. */
export const DEMO_STUDIOS = 16;
export const DEMO_INNOVATIONS = 101;
export const DEMO_INVENTIONS = 33;
export const DEMO_PATENTS = 24;

const FIELDS = ['汽车制造', '数控加工', '电力运维', '轨道交通', '建筑施工', '环卫机械', '中式烹饪', '护理服务', '电梯维保', '燃气安全', '供水管网', '桥梁养护', '口腔医疗', '焊接工艺', '电子信息', '智慧物流'] as const;
const PROJECT_WORDS = ['工艺改进', '工装夹具研制', '节能降耗', '安全防护改造', '质量提升', '智能检测'] as const;

/** The demo member's phone (db/seed/demo-members): the one demo worker with an honour of their own. */
export const DEMO_MEMBER_HONOUR_PHONE = '13800000002';

/** Honours of the demo, by level: who gave it and what it is called. */
const AWARDS = [
  { level: 'national', title: 'model_worker', body: '中华全国总工会', n: 1 },
  { level: 'national', title: 'may_day_medal', body: '中华全国总工会', n: 2 },
  { level: 'municipal', title: 'model_worker', body: '重庆市人民政府', n: 5 },
  { level: 'municipal', title: 'may_day_medal', body: '重庆市总工会', n: 6 },
  { level: 'municipal', title: 'craftsman', body: '重庆市总工会', n: 6, text: '巴渝工匠' },
  { level: 'district', title: 'model_worker', body: '重庆市江北区人民政府', n: 16 },
  { level: 'district', title: 'craftsman', body: '重庆市江北区总工会', n: 12, text: '江北工匠' },
  { level: 'district', title: 'advanced_worker', body: '重庆市江北区人民政府', n: 8 },
] as const;

/** Splits `total` into `parts` whole numbers that differ by at most one (the first ones larger). */
const spread = (total: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

/**
 * 劳模工匠 of Jiangbei: 56 honours of members of the district's unions (national to district,
 * recorded in the years they were awarded), care this year for most of them (some are still
 * waiting: the 未关爱 list), and exactly 16 district-level studios, each led by an honoured
 * member, whose projects add up to the report's 101 innovations and 33 inventions, with 24
 * patents. Bulk inserts in the demo's transaction.
 */
export async function seedDemoHonours(tx: Db, jbId: string, now = new Date()): Promise<void> {
  const wanted = AWARDS.reduce((n, a) => n + a.n, 0);
  // Members of Jiangbei's unions without an account of their own (the demo workers stay plain members).
  const people = await query<{ person_id: string; membership_id: string; org_id: string; name: string }>(
    tx,
    sql`select p.id as person_id, m.id as membership_id, m.org_id, p.real_name as name
      from person p join membership m on m.person_id = p.id and m.status = 'active' join org o on o.id = m.org_id
      where o.path like (select path || '%' from org where id = ${jbId}) and p.user_id is null and p.industry in ('制造业', '建筑业', '居民服务', '交通运输')
      order by md5(p.id::text || 'honours') limit ${wanted}`,
  );
  if (people.length < DEMO_STUDIOS) return;
  const thisYear = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const [staff] = await query<{ id: string }>(tx, sql`select id from app_user where username = 'jb.staff'`);
  const by = staff?.id ?? null;

  const honours: ReturnType<typeof sql>[] = [];
  let at = 0;
  for (const a of AWARDS) {
    for (let k = 0; k < a.n && at < people.length; k++, at++) {
      const who = people[at]!;
      const year = thisYear - 1 - (at % 8);
      const recorded = `${year}-05-01T02:00:00Z`;
      honours.push(
        sql`(${who.org_id}, ${who.person_id}, ${who.membership_id}, ${who.name}, ${a.level}, ${a.title}, ${'text' in a ? a.text : null}, ${year}, ${a.body}, ${by}, ${recorded}, ${recorded})`,
      );
    }
  }
  await tx.execute(
    sql`insert into honour (org_id, person_id, membership_id, person_name, level, title, title_text, year, awarding_body, created_by, created_at, updated_at) values ${sql.join(honours, sql`, `)}`,
  );
  const honoured = people.slice(0, at);

  // Care: two in three honoured members were visited or examined this year; the rest wait.
  const today = new Date(now.getTime() + 8 * 3600_000);
  const daysThisYear = Math.max(1, Math.floor((today.getTime() - Date.UTC(thisYear, 0, 1)) / 86_400_000));
  const cares: ReturnType<typeof sql>[] = [];
  const kinds = ['visit', 'health_check', 'sanatorium'] as const;
  const costs = { visit: 50_000, health_check: 80_000, sanatorium: 300_000 };
  for (const [i, who] of honoured.entries()) {
    if (i % 3 === 2) continue;
    const kind = kinds[i % kinds.length]!;
    const onDay = new Date(Date.UTC(thisYear, 0, 1) + ((i * 37) % daysThisYear) * 86_400_000).toISOString().slice(0, 10);
    const note = kind === 'visit' ? '上门走访慰问，送上慰问金和慰问品' : kind === 'health_check' ? '劳模年度健康体检' : '劳模疗休养（市内）';
    cares.push(sql`(${who.org_id}, ${who.person_id}, ${who.name}, ${kind}, ${onDay}, ${`${onDay}T04:00:00Z`}, ${note}, ${costs[kind]}, ${by}, ${`${onDay}T04:00:00Z`})`);
    // Last year's visit too, for those honoured before it.
    cares.push(sql`(${who.org_id}, ${who.person_id}, ${who.name}, 'visit', ${`${thisYear - 1}-01-20`}, ${`${thisYear - 1}-01-20T04:00:00Z`}, '春节前走访慰问', 50000, ${by}, ${`${thisYear - 1}-01-20T04:00:00Z`})`);
  }
  if (cares.length)
    await tx.execute(sql`insert into honour_care (org_id, person_id, person_name, kind, cared_on, cared_at, notes, cost_fen, created_by, created_at) values ${sql.join(cares, sql`, `)}`);

  // The demo member who signs in on the phone (13800000002) was named a district 先进工作者 last
  // year and visited this spring: 我的荣誉 has something to show.
  const [member] = await query<{ person_id: string; membership_id: string; org_id: string; name: string }>(
    tx,
    sql`select p.id as person_id, m.id as membership_id, m.org_id, p.real_name as name from person p join membership m on m.person_id = p.id and m.status = 'active'
      where p.phone = ${DEMO_MEMBER_HONOUR_PHONE} and p.user_id is not null limit 1`,
  );
  if (member) {
    const recorded = `${thisYear - 1}-04-28T02:00:00Z`;
    await tx.execute(
      sql`insert into honour (org_id, person_id, membership_id, person_name, level, title, title_text, year, awarding_body, created_by, created_at, updated_at)
        values (${member.org_id}, ${member.person_id}, ${member.membership_id}, ${member.name}, 'district', 'advanced_worker', null, ${thisYear - 1}, '重庆市江北区人民政府', ${by}, ${recorded}, ${recorded})`,
    );
    const visited = `${thisYear}-01-18`;
    await tx.execute(
      sql`insert into honour_care (org_id, person_id, person_name, kind, cared_on, cared_at, notes, cost_fen, created_by, created_at)
        values (${member.org_id}, ${member.person_id}, ${member.name}, 'visit', ${visited}, ${`${visited}T04:00:00Z`}, '春节前走访慰问', 50000, ${by}, ${`${visited}T04:00:00Z`})`,
    );
  }

  // 16 district-level studios, led by the first 16 honoured members, at their own unions.
  const leaders = honoured.slice(0, DEMO_STUDIOS);
  const studios = await query<{ id: string; org_id: string; leader_person_id: string }>(
    tx,
    sql`insert into studio (org_id, name, level, leader_person_id, leader_name, field, founded_on, created_at, updated_at)
      values ${sql.join(
        leaders.map((l, i) => {
          const founded = `${thisYear - 1 - (i % 6)}-0${1 + (i % 9)}-15`;
          return sql`(${l.org_id}, ${`${l.name}${FIELDS[i]!}创新工作室`}, 'district', ${l.person_id}, ${l.name}, ${FIELDS[i]!}, ${founded}, ${`${founded}T02:00:00Z`}, ${`${founded}T02:00:00Z`})`;
        }),
        sql`, `,
      )} returning id, org_id, leader_person_id`,
  );
  // Members: the leader and two or three others of the honoured or of the rest of the pool.
  const pool = honoured.slice(DEMO_STUDIOS);
  const members: ReturnType<typeof sql>[] = [];
  for (const [i, s] of studios.entries()) {
    const leader = leaders.find((l) => l.person_id === s.leader_person_id)!;
    members.push(sql`(${s.id}, ${s.org_id}, ${leader.person_id}, ${leader.name})`);
    for (let k = 0; k < 2 + (i % 2); k++) {
      const who = pool[(i * 3 + k) % Math.max(1, pool.length)];
      if (who && who.person_id !== leader.person_id) members.push(sql`(${s.id}, ${s.org_id}, ${who.person_id}, ${who.name})`);
    }
  }
  await tx.execute(sql`insert into studio_member (studio_id, org_id, person_id, person_name) values ${sql.join(members, sql`, `)} on conflict do nothing`);

  // Projects: one to three per studio; innovations and inventions spread to the report's totals.
  const projectSpecs = studios.flatMap((s, i) => Array.from({ length: 1 + (i % 3) }, (_, k) => ({ s, i, k })));
  const innovations = spread(DEMO_INNOVATIONS, projectSpecs.length);
  const inventions = spread(DEMO_INVENTIONS, projectSpecs.length);
  const projects = await query<{ id: string; studio_id: string; org_id: string; year: number }>(
    tx,
    sql`insert into studio_project (studio_id, org_id, name, year, innovations, inventions, saved_fen, outcome, created_at)
      values ${sql.join(
        projectSpecs.map(({ s, i, k }, n) => {
          const year = thisYear - 1 - k;
          return sql`(${s.id}, ${s.org_id}, ${`${FIELDS[i]!}${PROJECT_WORDS[(i + k) % PROJECT_WORDS.length]!}`}, ${year}, ${innovations[n]!}, ${inventions[n]!}, ${(20 + ((i * 7 + k * 13) % 80)) * 1_000_000},
            ${'成果已在本单位推广应用'}, ${`${year}-11-30T02:00:00Z`})`;
        }),
        sql`, `,
      )} returning id, studio_id, org_id, year`,
  );
  // Patents: the first 24 projects one each (the studios with more projects hold more).
  const patents = projects.slice(0, DEMO_PATENTS).map((p, n) => {
    const kind = n % 3 === 0 ? 'invention' : 'utility_model';
    const number = `ZL${p.year}${kind === 'invention' ? 1 : 2}${String(1_000_000 + n * 7919).slice(-7)}.${n % 10}`;
    const holders = studios.find((s) => s.id === p.studio_id) ? leaders[studios.findIndex((s) => s.id === p.studio_id)]!.name : '';
    return sql`(${p.studio_id}, ${p.org_id}, ${p.id}, ${number}, ${kind === 'invention' ? '一种提高加工精度的装置及方法' : '一种便于拆装的防护结构'}, ${kind}, ${holders}, ${`${p.year}-12-20`}, ${`${p.year}-12-20T02:00:00Z`})`;
  });
  if (projects.length < DEMO_PATENTS) throw new Error(`honours demo: ${projects.length} projects cannot hold ${DEMO_PATENTS} patents`);
  await tx.execute(sql`insert into studio_patent (studio_id, org_id, project_id, patent_number, title, kind, holders, granted_on, created_at) values ${sql.join(patents, sql`, `)}`);
}
