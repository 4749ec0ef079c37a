import { idNumberCheckChar, maskIdNumber, type StudyaidLevel } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { encryptField, type DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import { hashIdNumber } from '../members';
import { query } from './mutualaid.repository';
import { STUDYAID_CHILD_ID_PURPOSE } from './studyaid.service';
import { studyaidStudent } from './studyaid.tables';

const AMOUNTS: Record<StudyaidLevel, number> = { undergraduate: 1_000_000, junior_college: 800_000, high_school: 500_000 };
const SCHOOLS: Record<StudyaidLevel, string[]> = {
  undergraduate: ['重庆大学', '西南大学', '重庆医科大学', '重庆邮电大学', '重庆交通大学', '重庆工商大学', '重庆师范大学', '四川外国语大学', '西南政法大学'],
  junior_college: ['重庆电子工程职业学院', '重庆工业职业技术学院', '重庆城市管理职业学院', '重庆工程职业技术学院', '重庆医药高等专科学校'],
  high_school: ['重庆市第十八中学', '重庆市字水中学', '重庆巴蜀中学', '重庆南开中学', '重庆市第八中学', '重庆市江北中学'],
};
const GIVEN = ['子涵', '雨桐', '浩然', '梓萱', '宇轩', '欣怡', '俊杰', '诗琪', '博文', '佳怡', '思远', '一诺', '明轩', '可馨', '天佑', '若溪'];

/**
 * 秋送助学 (issue 14 point 4): Jiangbei's report gave 1.1 million yuan of study aid to 134 children.
 * The year's autumn campaign (seeded by campaign.demo.ts, cash to hardship families) gets its
 * amounts by level — 本科 10,000, 专科 8,000, 高中 5,000 yuan — and the report's budget; every one of
 * its nominations becomes a student (the ~3,000 demo members give a share of the 134), valued at
 * the level's amount, so the shares, the budget and the yearly totals are recomputed from the rows.
 * A few aided students have a 暑期公益岗位. Bulk inserts; needs the keys (the members are seeded only with them).
 */
export async function seedDemoStudyaid(tx: Db, jbId: string, pii?: { secrets: Secrets; dataKeys: DataKeys }): Promise<number> {
  if (!pii) return 0;
  const [c] = await query<{ id: string; starts_on: string }>(tx, sql`select id, starts_on::text as starts_on from campaign where org_id = ${jbId} and kind = 'autumn' order by starts_on desc limit 1`);
  if (!c) return 0;
  const year = Number(c.starts_on.slice(0, 4));
  await tx.execute(sql`insert into studyaid_setting (campaign_id, org_id, benefit_key, undergraduate_fen, junior_college_fen, high_school_fen)
    values (${c.id}, ${jbId}, 'study', ${AMOUNTS.undergraduate}, ${AMOUNTS.junior_college}, ${AMOUNTS.high_school}) on conflict do nothing`);
  const nominations = await query<{ id: string; org_id: string; person_id: string; person_name: string; status: string; nominated_by: string | null; created_at: unknown }>(
    tx,
    sql`select id, org_id, person_id, person_name, status, nominated_by, created_at from campaign_nomination where campaign_id = ${c.id} and status <> 'rejected' order by person_name, id`,
  );
  const rows: (typeof studyaidStudent.$inferInsert)[] = nominations.map((n, i) => {
    const level: StudyaidLevel = i % 10 < 5 ? 'undergraduate' : i % 10 < 8 ? 'junior_college' : 'high_school';
    const born = level === 'high_school' ? year - 15 : year - 18;
    const first17 = `500105${born}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + ((i * 7) % 28)).padStart(2, '0')}${String((i * 37) % 1000).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    const schools = SCHOOLS[level];
    const placed = level !== 'high_school' && n.status === 'acknowledged' && i % 4 === 0;
    return {
      nominationId: n.id,
      campaignId: c.id,
      orgId: n.org_id,
      parentPersonId: n.person_id,
      childName: n.person_name.slice(0, 1) + GIVEN[(i * 5) % GIVEN.length]!,
      childIdEnc: encryptField(pii.dataKeys, STUDYAID_CHILD_ID_PURPOSE, idNumber),
      childIdHash: hashIdNumber(pii.secrets, idNumber),
      childIdMasked: maskIdNumber(idNumber),
      relation: Number(idNumber[16]) % 2 === 1 ? 'son' : 'daughter',
      school: schools[i % schools.length]!,
      level,
      admissionYear: year,
      year,
      amountFen: AMOUNTS[level],
      createdBy: n.nominated_by,
      createdAt: new Date(String(n.created_at)),
      ...(placed ? { placementPlace: '观音桥街道职工服务中心', placementOrg: '观音桥街道总工会', placementStartsOn: `${year}-07-13`, placementEndsOn: `${year}-08-07`, placementHours: 80 } : {}),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(studyaidStudent).values(rows.slice(i, i + 500));
  // The report's budget and funding; the nominations at their level's amount, and what follows from them.
  await tx.execute(sql`update campaign set budget_fen = 110000000, yearly_limit_fen = null, funding_sources = ${JSON.stringify([
    { source: '区总工会经费', amountFen: 60_000_000 },
    { source: '市总工会下拨', amountFen: 30_000_000 },
    { source: '社会捐赠（爱心企业）', amountFen: 20_000_000 },
  ])}::jsonb where id = ${c.id}`);
  await tx.execute(sql`update campaign_nomination n set value_fen = s.amount_fen from studyaid_student s where s.nomination_id = n.id and n.campaign_id = ${c.id}`);
  await tx.execute(sql`update campaign_allocation a set spent_fen = s.spent, amount_fen = greatest(1, (s.spent * 11) / 10)
    from (select ca.id, coalesce(sum(n.value_fen) filter (where n.status <> 'pending'), 0) as spent from campaign_allocation ca left join campaign_nomination n on n.allocation_id = ca.id
          where ca.campaign_id = ${c.id} and ca.parent_id is not null group by ca.id) s where a.id = s.id`);
  await tx.execute(sql`update campaign_allocation r set sub_allocated_fen = s.sub, spent_fen = s.own, amount_fen = greatest(110000000, s.sub + s.own)
    from (select (select coalesce(sum(amount_fen), 0) from campaign_allocation where campaign_id = ${c.id} and parent_id is not null) as sub,
                 (select coalesce(sum(n.value_fen), 0) from campaign_nomination n join campaign_allocation ca on ca.id = n.allocation_id where n.campaign_id = ${c.id} and ca.parent_id is null and n.status <> 'pending') as own) s
    where r.campaign_id = ${c.id} and r.parent_id is null`);
  await tx.execute(sql`update campaign set approved_fen = (select coalesce(sum(value_fen), 0) from campaign_nomination where campaign_id = ${c.id} and status <> 'pending'),
      budget_fen = greatest(budget_fen, (select amount_fen from campaign_allocation where campaign_id = ${c.id} and parent_id is null)) where id = ${c.id}`);
  await tx.execute(sql`update campaign_person_year y set value_fen = s.v, times = s.t
    from (select person_id, year, sum(value_fen) as v, count(*) as t from campaign_nomination where status <> 'pending' and year = ${year}
          and person_id in (select person_id from campaign_nomination where campaign_id = ${c.id}) group by person_id, year) s
    where y.person_id = s.person_id and y.year = s.year`);
  return rows.length;
}
