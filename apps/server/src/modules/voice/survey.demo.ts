import type { SurveyFollowUp, SurveyQuestion } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

const NEEDS = [
  { id: 'skills', label: '技能提升培训' },
  { id: 'health', label: '健康体检与心理疏导' },
  { id: 'childcare', label: '子女假期托管' },
  { id: 'legal', label: '法律咨询与维权' },
  { id: 'culture', label: '文体活动' },
  { id: 'dating', label: '婚恋交友' },
  { id: 'rest', label: '户外劳动者驿站' },
];
/** How often each need is ticked, in percent (seed 000: skills and health lead, then 驿站 and childcare). */
const WEIGHTS = [58, 49, 31, 22, 34, 12, 41];

const QUESTIONS: SurveyQuestion[] = [
  { id: 'needs', kind: 'multi', title: '您最希望工会提供哪些服务？（最多选三项）', required: true, options: NEEDS, maxChoices: 3 },
  { id: 'satisfaction', kind: 'scale', title: '您对工会目前服务的满意度', required: true, options: [], scale: { min: 1, max: 5, minLabel: '很不满意', maxLabel: '很满意' } },
  {
    id: 'priorities',
    kind: 'rank',
    title: '请按关心程度为以下方面排序',
    required: true,
    options: [
      { id: 'pay', label: '收入待遇' },
      { id: 'rest', label: '休息休假' },
      { id: 'safety', label: '劳动安全' },
      { id: 'growth', label: '技能成长' },
    ],
  },
  {
    id: 'childcare_need',
    kind: 'single',
    title: '暑假期间，您的孩子是否需要托管？',
    required: true,
    options: [
      { id: 'yes', label: '需要' },
      { id: 'no', label: '不需要或没有适龄子女' },
    ],
  },
  {
    id: 'child_age',
    kind: 'single',
    title: '孩子的年龄段',
    required: true,
    options: [
      { id: 'preschool', label: '学龄前' },
      { id: 'primary', label: '小学' },
      { id: 'middle', label: '初中' },
    ],
    showIf: { questionId: 'childcare_need', anyOf: ['yes'] },
  },
  { id: 'other', kind: 'text', title: '您还有什么想对工会说的？', required: false, options: [] },
];
const TEXTS = ['希望驿站晚上多开一会儿，夜班骑手也能歇脚。', '技能培训最好安排在周末，平时跑单走不开。', '希望体检能覆盖灵活就业的会员。', '暑期托管班如果能在观音桥附近就好了。', '工会的活动通知可以提前一周发。'];

/** A PostgreSQL array literal (a JS array would be bound as a row). */
const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** The answers a demo member gives, from hashes of their person id: deterministic and believable. */
const answersSql = (salt: string) => sql`jsonb_strip_nulls(jsonb_build_object(
  'needs', coalesce((select jsonb_agg(o order by ord) from (select o, ord from unnest(${pgArray(NEEDS.map((n) => n.id))}::text[], ${pgArray(WEIGHTS.map(String))}::int[]) with ordinality u(o, w, ord)
     where (hashtext(p.person_id::text || ${salt} || o) & 2147483647) % 100 < w order by ord limit 3) x), '["skills"]'::jsonb),
  'satisfaction', (case when p.h % 100 < 5 then 1 when p.h % 100 < 13 then 2 when p.h % 100 < 36 then 3 when p.h % 100 < 76 then 4 else 5 end),
  'priorities', (array['["pay","rest","safety","growth"]','["pay","rest","safety","growth"]','["pay","growth","rest","safety"]','["rest","pay","safety","growth"]','["safety","pay","rest","growth"]','["growth","pay","rest","safety"]'])[1 + p.h2 % 6]::jsonb,
  'childcare_need', case when p.h3 % 100 < 37 then 'yes' else 'no' end,
  'child_age', case when p.h3 % 100 < 37 then (array['preschool','primary','primary','middle'])[1 + p.h2 % 4] end,
  'other', case when p.h % 11 = 0 then (${pgArray(TEXTS)}::text[])[1 + p.h2 % ${TEXTS.length}] end))`;

/**
 * 需求调研 for the demo (seed 000: "职工需求就是指南针"): Jiangbei's 2026 survey of workers' needs,
 * open now, anonymous, answered by ~2,400 members; last year's, closed, with its results published
 * to respondents and follow-ups ("这是你们要的") to skills training and health services; and a draft
 * for the new-employment-form workers. Respondent marks and answer sheets are written in different
 * orders, so not even the rows' physical order pairs them.
 */
export async function seedDemoSurveys(tx: Db, districtId: string, now = new Date()): Promise<void> {
  const day = 86_400_000;
  const [open] = rowsOf<{ id: string }>(
    await tx.execute(sql`insert into survey (org_id, title, intro, audience, is_anonymous, status, questions, published_question_ids, published_at, created_at)
      values (${districtId}, '2026年江北区职工需求调研', '职工需求就是指南针。请花两分钟告诉我们您最需要什么，区总工会将据此安排今年的服务项目。本调研匿名填写，每人一次。', 'org', true, 'published',
        ${JSON.stringify(QUESTIONS)}::jsonb, '{needs,satisfaction}', ${new Date(now.getTime() - 20 * day)}, ${new Date(now.getTime() - 25 * day)}) returning id`),
  );
  const [event] = rowsOf<{ id: string }>(
    await tx.execute(sql`select e.id from event e join org o on o.id = e.org_id where e.status = 'published' and e.ends_at > ${now} and o.path like (select path from org where id = ${districtId}) || '%' order by e.starts_at limit 1`),
  );
  const followUps: SurveyFollowUp[] = [
    { questionId: 'needs', optionId: 'skills', note: '技能提升培训已列入服务超市，报名即享区总工会补贴', marketCategory: 'skills' },
    { questionId: 'needs', optionId: 'health', note: '职工健康服务项目上线，可在服务超市预约', marketCategory: 'health' },
    ...(event ? [{ note: '大家想要的活动来了，欢迎报名', eventId: event.id }] : []),
  ];
  const [closed] = rowsOf<{ id: string }>(
    await tx.execute(sql`insert into survey (org_id, title, intro, audience, is_anonymous, status, questions, published_question_ids, follow_ups, published_at, closed_at, created_at)
      values (${districtId}, '2025年江北区职工需求调研', '2025年度职工需求调研，结果已用于安排服务超市项目。', 'org', true, 'closed',
        ${JSON.stringify(QUESTIONS)}::jsonb, '{needs,satisfaction,priorities}', ${JSON.stringify(followUps)}::jsonb,
        ${new Date(now.getTime() - 330 * day)}, ${new Date(now.getTime() - 300 * day)}, ${new Date(now.getTime() - 335 * day)}) returning id`),
  );
  await tx.execute(sql`insert into survey (org_id, title, intro, audience, employment_forms, is_anonymous, status, questions, created_at)
    values (${districtId}, '新就业形态劳动者驿站使用情况调研', '了解骑手、快递员、网约车司机使用户外劳动者驿站的情况。', 'org', '{delivery_rider,courier,ride_hailing}', true, 'draft',
      ${JSON.stringify([QUESTIONS[0], QUESTIONS[1], QUESTIONS[5]])}::jsonb, ${now})`);

  // Who answered: most members for this year's (not the demo member, who answers on the phone), about half last year.
  for (const [id, share, salt, from, days] of [
    [open!.id, 80, 'a', now, 20],
    [closed!.id, 50, 'b', new Date(now.getTime() - 300 * day), 30],
  ] as const) {
    const picked = sql`(select distinct on (pe.id) pe.id as person_id, m.org_id, pe.employment_form,
        (hashtext(pe.id::text || ${salt} || 'h') & 2147483647) as h, (hashtext(pe.id::text || ${salt} || 'h2') & 2147483647) as h2, (hashtext(pe.id::text || ${salt} || 'h3') & 2147483647) as h3
      from membership m join person pe on pe.id = m.person_id join org o on o.id = m.org_id
      where m.status = 'active' and o.path like (select path from org where id = ${districtId}) || '%'
        and (hashtext(pe.id::text || ${salt}) & 2147483647) % 100 < ${share}
        and (${salt} = 'b' or pe.phone is distinct from '13800000002') or (${salt} = 'b' and pe.phone = '13800000002' and m.status = 'active')
      order by pe.id, m.org_id) p`;
    await tx.execute(sql`insert into survey_respondent (survey_id, respondent_key) select ${id}::uuid, p.person_id from ${picked} order by p.person_id on conflict do nothing`);
    await tx.execute(sql`insert into survey_response (survey_id, union_id, employment_form, answered_on, answers)
      select ${id}::uuid, p.org_id, p.employment_form, ((${from}::timestamptz at time zone 'Asia/Shanghai')::date - (p.h2 % ${days})::int), ${answersSql(salt)}
      from ${picked} order by md5(p.person_id::text || 'order')`);
  }
}
