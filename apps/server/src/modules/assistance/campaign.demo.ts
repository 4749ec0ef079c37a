import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from './mutualaid.repository';

type Season = {
  kind: 'winter' | 'summer' | 'autumn' | 'health';
  name: string;
  from: string;
  to: string;
  budgetFen: number;
  funding: { source: string; amountFen: number }[];
  benefits: { key: string; kind: 'cash' | 'goods' | 'service'; name: string; amountFen?: number; quantity?: number; unit?: string; unitValueFen?: number }[];
  eligibility: Record<string, unknown>;
  /** SQL: which benefit key a member gets (null: not nominated), over p (person), m (membership), f (their hardship tier). */
  pick: ReturnType<typeof sql>;
};

/**
 * A year of Jiangbei's seasons (issue 14 point 10): 冬送温暖 (cash to hardship-file holders, goods
 * to front-line and other workers), 夏送清凉 (goods to outdoor and gig workers), 秋送助学 (cash to
 * hardship families) and 送健康 (free checks for women), run by the district, allocated to its
 * streets, parks and industry unions, nominated for their members, approved by the district's
 * staff and mostly handed over and acknowledged. The demo has about 3,000 members, so winter warmth
 * reaches about 2,700 人次 rather than the report's 20,000; its budget is the report's 1.17 million.
 * Batch inserts (INSERT … SELECT); the shares, spent amounts and yearly totals follow from the rows.
 */
export async function seedDemoCampaigns(tx: Db, jbId: string, now = new Date()): Promise<void> {
  // The last full run of the seasons: the year whose September is behind us.
  const year = Number(new Date(now.getTime() - 275 * 86_400_000).toISOString().slice(0, 4));
  const [who] = await query<{ staff: string | null; name: string | null; second: string | null }>(
    tx,
    sql`select (select id from app_user where username = 'jb.staff') as staff, (select display_name from app_user where username = 'jb.staff') as name, (select id from app_user where username = 'jb.admin') as second`,
  );
  if (!who?.staff) return;
  const seasons: Season[] = [
    {
      kind: 'winter',
      name: `${year}年“冬送温暖”慰问活动`,
      from: `${year}-01-06`,
      to: `${year}-02-08`,
      budgetFen: 117_000_000,
      funding: [
        { source: '区总工会经费', amountFen: 62_000_000 },
        { source: '市总工会下拨', amountFen: 40_000_000 },
        { source: '社会捐赠（爱心企业）', amountFen: 15_000_000 },
      ],
      benefits: [
        { key: 'cash', kind: 'cash', name: '困难职工慰问金', amountFen: 100_000 },
        { key: 'gift', kind: 'goods', name: '米面油慰问品', quantity: 1, unit: '份', unitValueFen: 30_000 },
      ],
      eligibility: {},
      pick: sql`case when f.tier is not null then 'cash' when p.employment_form <> 'standard' or abs(hashtext(m.id::text)) % 10 < 8 then 'gift' end`,
    },
    {
      kind: 'summer',
      name: `${year}年“夏送清凉”活动`,
      from: `${year}-07-01`,
      to: `${year}-08-31`,
      budgetFen: 11_000_000,
      funding: [{ source: '区总工会经费', amountFen: 11_000_000 }],
      benefits: [{ key: 'cool', kind: 'goods', name: '防暑降温用品', quantity: 2, unit: '份', unitValueFen: 3_000 }],
      eligibility: { employmentForms: ['delivery_rider', 'courier', 'ride_hailing', 'truck_driver', 'domestic', 'other_flexible'] },
      pick: sql`case when p.employment_form <> 'standard' then 'cool' end`,
    },
    {
      kind: 'autumn',
      name: `${year}年“秋送助学”活动`,
      from: `${year}-08-10`,
      to: `${year}-09-20`,
      budgetFen: 30_000_000,
      funding: [
        { source: '区总工会经费', amountFen: 18_000_000 },
        { source: '社会捐赠（爱心企业）', amountFen: 12_000_000 },
      ],
      benefits: [{ key: 'study', kind: 'cash', name: '助学金', amountFen: 400_000 }],
      eligibility: { hardshipTiers: ['deep', 'relative'] },
      pick: sql`case when f.tier in ('deep', 'relative') and abs(hashtext(m.id::text)) % 3 = 0 then 'study' end`,
    },
    {
      kind: 'health',
      name: `${year}年“送健康”女职工“两癌”筛查`,
      from: `${year}-04-01`,
      to: `${year}-05-31`,
      budgetFen: 15_000_000,
      funding: [{ source: '区总工会经费', amountFen: 15_000_000 }],
      benefits: [{ key: 'check', kind: 'service', name: '免费“两癌”筛查', unitValueFen: 20_000 }],
      eligibility: { sex: 'female', ageMin: 35, ageMax: 64 },
      pick: sql`case when p.sex = 'female' and p.birth_date between ${`${year - 64}-04-02`}::date and ${`${year - 35}-04-01`}::date and abs(hashtext(m.id::text)) % 2 = 0 then 'check' end`,
    },
  ];
  for (const s of seasons) {
    const start = `${s.from}T09:00:00+08:00`;
    const [c] = await query<{ id: string }>(
      tx,
      sql`insert into campaign (org_id, kind, name, starts_on, ends_on, budget_fen, funding_sources, benefits, eligibility, second_approval_fen, yearly_limit_fen, status, created_by, created_at, updated_at)
        values (${jbId}, ${s.kind}, ${s.name}, ${s.from}, ${s.to}, ${s.budgetFen}, ${JSON.stringify(s.funding)}::jsonb, ${JSON.stringify(s.benefits)}::jsonb, ${JSON.stringify(s.eligibility)}::jsonb,
          300000, 1000000, 'closed', ${who.staff}, ${start}::timestamptz - interval '10 days', ${start}::timestamptz - interval '10 days') returning id`,
    );
    const campaignId = c!.id;
    await tx.execute(sql`insert into campaign_allocation (campaign_id, org_id, parent_id, amount_fen, created_by) values (${campaignId}, ${jbId}, null, ${s.budgetFen}, ${who.staff})`);
    // One share for every union directly under the district that has members.
    await tx.execute(sql`insert into campaign_allocation (campaign_id, org_id, parent_id, amount_fen, created_by)
      select ${campaignId}, o.id, (select id from campaign_allocation where campaign_id = ${campaignId} and org_id = ${jbId}), 1, ${who.staff}
      from org o where o.parent_id = ${jbId} and exists (select 1 from membership m join org u on u.id = m.org_id where m.status = 'active' and u.path like o.path || '%')`);
    const values = s.benefits.map((b) => sql`(${b.key}, ${b.kind}, ${b.kind === 'goods' ? (b.quantity ?? 1) : null}::int, ${b.kind === 'cash' ? (b.amountFen ?? 0) : (b.quantity ?? 1) * (b.unitValueFen ?? 0)}::bigint)`);
    // The members picked, each nominated by the share of the union under the district above them;
    // nine in ten handed over and acknowledged, a few waiting to be signed for, a few still at approval.
    await tx.execute(sql`insert into campaign_nomination (campaign_id, allocation_id, org_id, person_id, membership_id, person_name, benefit_key, benefit_kind, quantity, value_fen, year, steps, current_step, status,
        nominated_by, final_approver_id, disburse_method, disburse_reference, disbursed_by, disbursed_at, acknowledged_at, ack_via, created_at, updated_at)
      select ${campaignId}, a.id, a.org_id, x.person_id, x.membership_id, x.real_name, b.key, b.kind, b.quantity, b.value, ${year}, array[${jbId}]::uuid[],
        case when x.h % 20 = 0 then 0 else 1 end,
        case when x.h % 20 = 0 then 'pending' when x.h % 20 = 1 then 'disbursed' else 'acknowledged' end,
        ${who.staff}, case when x.h % 20 = 0 then null else ${who.staff}::uuid end,
        case when x.h % 20 = 0 then null when b.kind = 'cash' then (case when x.h % 3 = 0 then 'in_person' else 'transfer' end) when b.kind = 'goods' then 'goods_handover' else 'service_delivered' end,
        case when x.h % 20 = 0 then null else '' end,
        case when x.h % 20 = 0 then null else ${who.staff}::uuid end,
        case when x.h % 20 = 0 then null else x.given end,
        case when x.h % 20 in (0, 1) then null else x.given + interval '2 hours' end,
        case when x.h % 20 in (0, 1) then null when x.h % 4 = 0 then 'sheet' else 'phone' end,
        ${start}::timestamptz, ${start}::timestamptz
      from (
        select m.person_id, m.id as membership_id, p.real_name, abs(hashtext(m.id::text)) as h, ${s.pick} as benefit_key,
          (select ca.id from campaign_allocation ca join org ao on ao.id = ca.org_id where ca.campaign_id = ${campaignId} and u.path like ao.path || '%' order by length(ao.path) desc limit 1) as allocation_id,
          ${start}::timestamptz + (abs(hashtext(m.id::text || 'd')) % greatest(1, (${s.to}::date - ${s.from}::date))) * interval '1 day' + (abs(hashtext(m.id::text)) % 480) * interval '1 minute' as given
        from membership m join person p on p.id = m.person_id join org u on u.id = m.org_id
          left join lateral (select hf.tier from hardship_file hf where hf.person_id = p.id and hf.status = 'active' limit 1) f on true
        where m.status = 'active' and u.path like (select path || '%' from org where id = ${jbId})
      ) x
      join (values ${sql.join(values, sql`, `)}) as b(key, kind, quantity, value) on b.key = x.benefit_key
      join campaign_allocation a on a.id = x.allocation_id
      on conflict do nothing`);
    await tx.execute(sql`insert into campaign_approval (nomination_id, step, org_id, approver_id, approver_name, decision, created_at)
      select n.id, 0, ${jbId}, ${who.staff}, ${who.name ?? ''}, 'approve', ${start}::timestamptz + interval '1 day' from campaign_nomination n where n.campaign_id = ${campaignId} and n.status <> 'pending'`);
    // The shares are what their unions spent and a tenth more; the district keeps the rest (and the
    // budget covers the shares whatever the member mix turned out to be).
    await tx.execute(sql`update campaign_allocation a set spent_fen = s.spent, amount_fen = greatest(1, (s.spent * 11) / 10)
      from (select ca.id, coalesce(sum(n.value_fen) filter (where n.status <> 'pending'), 0) as spent from campaign_allocation ca left join campaign_nomination n on n.allocation_id = ca.id
            where ca.campaign_id = ${campaignId} and ca.parent_id is not null group by ca.id) s where a.id = s.id`);
    await tx.execute(sql`update campaign_allocation r set sub_allocated_fen = s.sub, spent_fen = s.own, amount_fen = greatest(r.amount_fen, s.sub + s.own)
      from (select (select coalesce(sum(amount_fen), 0) from campaign_allocation where campaign_id = ${campaignId} and parent_id is not null) as sub,
                   (select coalesce(sum(n.value_fen), 0) from campaign_nomination n join campaign_allocation ca on ca.id = n.allocation_id where n.campaign_id = ${campaignId} and ca.parent_id is null and n.status <> 'pending') as own) s
      where r.campaign_id = ${campaignId} and r.parent_id is null`);
    await tx.execute(sql`update campaign set approved_fen = (select coalesce(sum(value_fen), 0) from campaign_nomination where campaign_id = ${campaignId} and status <> 'pending'),
        budget_fen = greatest(budget_fen, (select amount_fen from campaign_allocation where campaign_id = ${campaignId} and parent_id is null)) where id = ${campaignId}`);
  }
  await seedCurrentCampaign(tx, jbId, who.staff, who.name ?? '', now);
  await tx.execute(sql`insert into campaign_person_year (person_id, year, org_id, value_fen, times)
    select person_id, year, ${jbId}, sum(value_fen), count(*) from campaign_nomination where status <> 'pending' group by person_id, year
    on conflict (person_id, year) do update set value_fen = excluded.value_fen, times = excluded.times`);
}

/**
 * The campaign running today, so the console has work in it: open, shares handed to the unions
 * under the district, and the streets' first nominations — a quarter waiting for the district's
 * approval (the district staff's 待办), a quarter approved and waiting to be handed over (the
 * streets' 待办). Which campaign depends on the season: 送温暖 from November to February, 夏送清凉
 * from May to September, else a year-round 日常帮扶.
 */
async function seedCurrentCampaign(tx: Db, jbId: string, staff: string, staffName: string, now: Date): Promise<void> {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const from = day(-6);
  const month = Number(from.slice(5, 7));
  const springYear = month >= 11 ? Number(from.slice(0, 4)) + 1 : Number(from.slice(0, 4));
  const [kind, name, benefits] =
    month >= 11 || month <= 2
      ? (['winter', `${springYear}年元旦春节“送温暖”活动`, [{ key: 'cash', kind: 'cash', name: '困难职工慰问金', amountFen: 100_000 }, { key: 'gift', kind: 'goods', name: '米面油慰问品', quantity: 1, unit: '份', unitValueFen: 30_000 }]] as const)
      : month >= 5 && month <= 9
        ? (['summer', `${from.slice(0, 4)}年“夏送清凉”活动`, [{ key: 'cash', kind: 'cash', name: '高温慰问金', amountFen: 20_000 }, { key: 'gift', kind: 'goods', name: '防暑降温用品', quantity: 2, unit: '份', unitValueFen: 3_000 }]] as const)
        : (['custom', `${from.slice(0, 4)}年困难职工日常帮扶`, [{ key: 'cash', kind: 'cash', name: '临时救助金', amountFen: 100_000 }, { key: 'gift', kind: 'goods', name: '生活用品', quantity: 1, unit: '份', unitValueFen: 20_000 }]] as const);
  const budgetFen = 120_000_000;
  const funding = [
    { source: '区总工会经费', amountFen: 70_000_000 },
    { source: '市总工会下拨', amountFen: 40_000_000 },
    { source: '社会捐赠（爱心企业）', amountFen: 10_000_000 },
  ];
  const [c] = await query<{ id: string }>(
    tx,
    sql`insert into campaign (org_id, kind, name, starts_on, ends_on, budget_fen, funding_sources, benefits, eligibility, second_approval_fen, yearly_limit_fen, status, created_by, created_at, updated_at)
      values (${jbId}, ${kind}, ${name}, ${from}, ${day(70)}, ${budgetFen}, ${JSON.stringify(funding)}::jsonb, ${JSON.stringify(benefits)}::jsonb, '{}'::jsonb,
        300000, 1000000, 'open', ${staff}, ${now.toISOString()}::timestamptz - interval '10 days', ${now.toISOString()}::timestamptz - interval '7 days') returning id`,
  );
  const campaignId = c!.id;
  const year = Number(from.slice(0, 4));
  await tx.execute(sql`insert into campaign_allocation (campaign_id, org_id, parent_id, amount_fen, created_by) values (${campaignId}, ${jbId}, null, ${budgetFen}, ${staff})`);
  // 40,000 yuan for every union directly under the district that has members.
  await tx.execute(sql`insert into campaign_allocation (campaign_id, org_id, parent_id, amount_fen, created_by)
    select ${campaignId}, o.id, (select id from campaign_allocation where campaign_id = ${campaignId} and org_id = ${jbId}), 4000000, ${staff}
    from org o where o.parent_id = ${jbId} and exists (select 1 from membership m join org u on u.id = m.org_id where m.status = 'active' and u.path like o.path || '%')`);
  const values = benefits.map((b) => sql`(${b.key}, ${b.kind}, ${b.kind === 'goods' ? b.quantity : null}::int, ${b.kind === 'cash' ? b.amountFen : b.quantity * b.unitValueFen}::bigint)`);
  // Hardship-file holders get the cash, a few front-line workers the goods; one in four nominated
  // is still at the district's step, one in four approved and waiting to be handed over.
  await tx.execute(sql`insert into campaign_nomination (campaign_id, allocation_id, org_id, person_id, membership_id, person_name, benefit_key, benefit_kind, quantity, value_fen, year, steps, current_step, status,
      nominated_by, final_approver_id, created_at, updated_at)
    select ${campaignId}, a.id, a.org_id, x.person_id, x.membership_id, x.real_name, b.key, b.kind, b.quantity, b.value, ${year}, array[${jbId}]::uuid[],
      case when x.h % 8 < 2 then 0 else 1 end, case when x.h % 8 < 2 then 'pending' else 'approved' end,
      ${staff}, case when x.h % 8 < 2 then null else ${staff}::uuid end,
      ${now.toISOString()}::timestamptz - (x.h % 5 + 1) * interval '1 day', ${now.toISOString()}::timestamptz - (x.h % 5) * interval '1 day' - (x.h % 300) * interval '1 minute'
    from (
      select m.person_id, m.id as membership_id, p.real_name, abs(hashtext(m.id::text || 'now')) as h,
        case when f.tier is not null then 'cash' when p.employment_form <> 'standard' and abs(hashtext(m.id::text || 'g')) % 12 = 0 then 'gift' end as benefit_key,
        (select ca.id from campaign_allocation ca join org ao on ao.id = ca.org_id where ca.campaign_id = ${campaignId} and u.path like ao.path || '%' order by length(ao.path) desc limit 1) as allocation_id
      from membership m join person p on p.id = m.person_id join org u on u.id = m.org_id
        left join lateral (select hf.tier from hardship_file hf where hf.person_id = p.id and hf.status = 'active' limit 1) f on true
      where m.status = 'active' and u.path like (select path || '%' from org where id = ${jbId})
    ) x
    join (values ${sql.join(values, sql`, `)}) as b(key, kind, quantity, value) on b.key = x.benefit_key
    join campaign_allocation a on a.id = x.allocation_id and a.parent_id is not null
    where x.h % 8 < 4
    on conflict do nothing`);
  await tx.execute(sql`insert into campaign_approval (nomination_id, step, org_id, approver_id, approver_name, decision, created_at)
    select n.id, 0, ${jbId}, ${staff}, ${staffName}, 'approve', n.updated_at from campaign_nomination n where n.campaign_id = ${campaignId} and n.status = 'approved'`);
  await tx.execute(sql`update campaign_allocation a set spent_fen = s.spent
    from (select n.allocation_id, sum(n.value_fen) as spent from campaign_nomination n where n.campaign_id = ${campaignId} and n.status = 'approved' group by n.allocation_id) s where a.id = s.allocation_id`);
  await tx.execute(sql`update campaign_allocation r set sub_allocated_fen = s.sub, amount_fen = greatest(r.amount_fen, s.sub)
    from (select coalesce(sum(amount_fen), 0) as sub from campaign_allocation where campaign_id = ${campaignId} and parent_id is not null) s
    where r.campaign_id = ${campaignId} and r.parent_id is null`);
  await tx.execute(sql`update campaign set approved_fen = (select coalesce(sum(value_fen), 0) from campaign_nomination where campaign_id = ${campaignId} and status = 'approved'),
      budget_fen = greatest(budget_fen, (select sub_allocated_fen from campaign_allocation where campaign_id = ${campaignId} and parent_id is null)) where id = ${campaignId}`);
}
