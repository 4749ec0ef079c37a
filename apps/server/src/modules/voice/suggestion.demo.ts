import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** Titles by category, in the words of front-line workers (the category's index in SUGGESTION_CATEGORIES). */
const TITLES: [string, string][] = [
  ['process', '改进焊接夹具，减少返工'],
  ['process', '分拣线增加导流挡板，减少包裹卡滞'],
  ['process', '调整配送路线排班，减少空驶'],
  ['quality', '增加首件检验环节，降低批量不良'],
  ['quality', '包装箱加内衬，减少运输破损'],
  ['safety', '仓库叉车通道加装凸面镜'],
  ['safety', '电动车充电区加装烟感和自动断电'],
  ['safety', '高温时段调整户外作业时间'],
  ['energy', '空压机加装变频器，降低电耗'],
  ['energy', '车间照明改为分区感应控制'],
  ['energy', '冷却水循环利用，减少用水'],
  ['management', '推行班组看板，问题当班闭环'],
  ['management', '备品备件扫码出入库'],
  ['welfare', '增设骑手午间休息点和充电柜'],
  ['welfare', '职工食堂增加夜班餐'],
  ['other', '建立新员工师带徒制度'],
];
const BODIES = [
  '现状：该环节经常出现等待和重复操作，影响效率。建议：按附图调整，并在班前会上统一做法，先在一个班组试行一个月。',
  '现状：职工反映较多，存在安全隐患或浪费。建议：增加简易装置并明确责任人，费用不大，见效快。',
  '现状：流程中有重复登记。建议：合并表单，改为扫码记录，月底自动汇总。',
];

/**
 * 合理化建议 for the demo at the scale of seed 000 ("12,000+ suggestions"): 12,400 suggestions over
 * five years from members of Jiangbei's unions, each to the union of their membership; about four in
 * ten adopted with a believable benefit and reward, most of the rest declined with a reason, the last
 * few weeks' still waiting. Written in three set-based statements so the seed stays fast.
 */
export async function seedDemoSuggestions(tx: Db, districtId: string, now = new Date()): Promise<void> {
  const titles = TITLES.map(([, t]) => t);
  const cats = TITLES.map(([c]) => c);
  await tx.execute(sql`
    with members as (
      select pe.id as person_id, pe.user_id, m.org_id, row_number() over (order by m.org_id, pe.id) - 1 as k
      from membership m join person pe on pe.id = m.person_id join org o on o.id = m.org_id
      where m.status = 'active' and o.path like (select path from org where id = ${districtId}) || '%'
    ), c as (select count(*) as n from members), s as (
      select i, (${now}::timestamptz - make_interval(secs => (i * 1827 * 86400.0 / 12400) + (i * 7919 % 43200))) as at,
        (i * 2654435761::bigint % 1000) as r
      from generate_series(0, 12399) i, c where c.n > 0
    )
    insert into suggestion (org_id, person_id, submitter_id, title, category, body, status, forwarded_to, benefit_fen, benefit_hours, reward_fen, adopted_at, created_at, updated_at)
    select mb.org_id, mb.person_id, mb.user_id,
      ${JSON.stringify(titles)}::jsonb ->> (s.i % ${titles.length})::int, ${JSON.stringify(cats)}::jsonb ->> (s.i % ${cats.length})::int, ${JSON.stringify(BODIES)}::jsonb ->> (s.i % ${BODIES.length})::int,
      case when s.at > ${now}::timestamptz - interval '10 days' then 'submitted'
           when s.at > ${now}::timestamptz - interval '25 days' then (case when s.r < 500 then 'reviewing' else 'forwarded' end)
           when s.r < 410 then 'adopted' else 'declined' end,
      case when s.at <= ${now}::timestamptz - interval '10 days' and (s.at > ${now}::timestamptz - interval '25 days' and s.r >= 500 or s.r < 410) then '企业工会转企业生产管理部门' end,
      case when s.at <= ${now}::timestamptz - interval '25 days' and s.r < 410 then (300 + s.r * 7919 % 8000) * 100 end,
      case when s.at <= ${now}::timestamptz - interval '25 days' and s.r < 410 then 8 + s.r % 120 end,
      case when s.at <= ${now}::timestamptz - interval '25 days' and s.r < 410 then (100 + (s.r % 5) * 100) * 100 end,
      case when s.at <= ${now}::timestamptz - interval '25 days' and s.r < 410 then s.at + interval '21 days' end,
      s.at, s.at + interval '21 days'
    from s cross join c join members mb on mb.k = (s.i * 7919) % c.n
    order by s.i desc`);
  // The steps the worker reads: made; then forwarded, adopted or declined, each with its note.
  await tx.execute(sql`
    insert into suggestion_step (suggestion_id, kind, note, at)
    select id, 'submitted', null, created_at from suggestion where org_id in (select id from org where path like (select path from org where id = ${districtId}) || '%')
    union all
    select id, 'forward', '转交：' || forwarded_to, created_at + interval '7 days' from suggestion where forwarded_to is not null
    union all
    select id, 'adopt', '经企业评审采纳，已在班组推广。', adopted_at from suggestion where status = 'adopted'
    union all
    select id, 'decline', '感谢建议。企业已有同类改进在实施，暂不采纳。', updated_at from suggestion where status = 'declined'`);
}
