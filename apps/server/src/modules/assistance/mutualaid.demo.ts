import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from './mutualaid.repository';

const DAY = 86_400_000;
/** The demo plan's rules (元 → fen): 30 元 a year; 50 元 a day in hospital up to 3,000 元; 10,000 元 for a serious illness; accidents up to 5,000 元; 15,000 元 a year in all. */
export const DEMO_MUTUALAID_RULES = {
  hospital: { dailyFen: 5_000, capFen: 300_000 },
  serious_illness: { lumpSumFen: 1_000_000, capFen: 1_000_000 },
  accident: { capFen: 500_000 },
};
const STATES = ['paid', 'paid', 'paid', 'paid', 'approved', 'paid', 'submitted', 'paid', 'awaiting_second', 'rejected', 'paid', 'submitted'] as const;
const TEXTS = ['因肺炎在区人民医院住院治疗', '送餐途中摔伤，门诊治疗', '腰椎间盘突出住院手术', '确诊恶性肿瘤，住院化疗', '骑行中被车辆刮擦受伤', '急性阑尾炎住院'];

/**
 * 职工互助保障 of Jiangbei this year: the plan (open), most active members of the district enrolled
 * (one statement each, so seeding stays fast), and about sixty claims in every state with the caps
 * they took. Runs inside the demo's transaction.
 */
export async function seedDemoMutualaid(tx: Db, byCode: Map<string, { id: string }>, now = new Date()): Promise<void> {
  const jb = byCode.get('JB');
  if (!jb) return;
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const [staff] = await query<{ a: string | null; b: string | null }>(tx, sql`select (select id from app_user where username = 'jb.staff') as a, (select id from app_user where username = 'jb.admin') as b`);
  const yearStart = new Date(`${year}-01-01T00:00:00+08:00`);
  const [plan] = await query<{ id: string }>(
    tx,
    sql`insert into mutualaid_plan (org_id, year, name, premium_fen, benefits, annual_cap_fen, second_approval_fen, sample_percent, status, opened_at, created_at, updated_at)
      values (${jb.id}, ${year}, ${`${year}年度江北区职工互助保障`}, 3000, ${JSON.stringify(DEMO_MUTUALAID_RULES)}::jsonb, 1500000, 500000, 10, 'open', ${yearStart.toISOString()}, ${yearStart.toISOString()}, ${yearStart.toISOString()})
      returning id`,
  );
  // Nine in ten active members of the district, enrolled by their unions in the first weeks of the year.
  await tx.execute(sql`insert into mutualaid_enrolment (plan_id, person_id, membership_id, org_id, premium_fen, cap_fen, created_at)
    select ${plan!.id}, m.person_id, m.id, m.org_id, 3000, 1500000, least(${yearStart.toISOString()}::timestamptz + (abs(hashtext(m.id::text)) % 40) * interval '1 day', ${now.toISOString()}::timestamptz)
    from membership m join org o on o.id = m.org_id
    where m.status = 'active' and o.path like (select path || '%' from org where id = ${jb.id}) and abs(hashtext(m.id::text)) % 10 <> 0
    on conflict (plan_id, person_id) do nothing`);
  await tx.execute(sql`insert into mutualaid_usage (enrolment_id, benefit, cap_fen)
    select e.id, b.benefit, b.cap from mutualaid_enrolment e
    cross join (values ('hospital', 300000), ('serious_illness', 1000000), ('accident', 500000)) as b(benefit, cap)
    where e.plan_id = ${plan!.id}`);
  const picked = await query<{ id: string; org_id: string; user_id: string | null }>(
    tx,
    sql`select e.id, e.org_id, p.user_id from mutualaid_enrolment e join person p on p.id = e.person_id where e.plan_id = ${plan!.id} order by md5(e.id::text) limit 60`,
  );
  const elapsed = Math.max(DAY, now.getTime() - yearStart.getTime());
  for (const [i, e] of picked.entries()) {
    const status = STATES[i % STATES.length]!;
    const benefit = i % 7 === 3 ? 'serious_illness' : i % 3 === 1 ? 'accident' : 'hospital';
    const days = benefit === 'hospital' ? 3 + ((i * 7) % 20) : null;
    const amount = benefit === 'accident' ? 80_000 + ((i * 37_000) % 400_000) : null;
    const rule = benefit === 'hospital' ? days! * DEMO_MUTUALAID_RULES.hospital.dailyFen : benefit === 'serious_illness' ? DEMO_MUTUALAID_RULES.serious_illness.lumpSumFen : amount!;
    const filed = new Date(yearStart.getTime() + ((i * 0.61803) % 1) * elapsed * 0.9);
    const incident = new Date(Math.max(yearStart.getTime(), filed.getTime() - 10 * DAY) + 8 * 3600_000).toISOString().slice(0, 10);
    const reviewed = status === 'submitted' ? null : new Date(Math.min(now.getTime() - 3600_000, filed.getTime() + 3 * DAY));
    const taken = status === 'paid' || status === 'approved' || status === 'awaiting_second';
    const isSecond = rule > 500_000 || status === 'awaiting_second';
    const paid = status === 'paid' ? new Date(Math.min(now.getTime() - 1800_000, filed.getTime() + 8 * DAY)) : null;
    await tx.execute(sql`insert into mutualaid_claim (number, enrolment_id, plan_id, org_id, filed_by, benefit, incident_date, hospital_days, amount_fen, description, is_sampled, status, rule_fen, payout_fen,
        reviewed_by, reviewed_by_name, reviewed_at, second_by, second_by_name, second_at, rejected_reason, payment_method, payment_reference, paid_at, created_at, updated_at)
      values (${`HZ${year}${String(100001 + i)}`}, ${e.id}, ${plan!.id}, ${e.org_id}, ${e.user_id}, ${benefit}, ${incident}, ${days}, ${amount}, ${TEXTS[i % TEXTS.length]!}, ${status === 'awaiting_second' && rule <= 500_000},
        ${status}, ${reviewed ? rule : null}, ${taken ? rule : null}, ${reviewed ? staff?.a ?? null : null}, ${reviewed ? '江北区工会干事' : null}, ${reviewed?.toISOString() ?? null},
        ${isSecond && taken && status !== 'awaiting_second' ? staff?.b ?? null : null}, ${isSecond && taken && status !== 'awaiting_second' ? '江北区总工会管理员' : null}, ${isSecond && taken && status !== 'awaiting_second' ? reviewed!.toISOString() : null},
        ${status === 'rejected' ? '提供的材料不能证明属于保障范围' : null}, ${paid ? (i % 4 === 0 ? 'in_person' : 'transfer') : null}, ${paid ? `JB${year}${String(5000 + i)}` : null}, ${paid?.toISOString() ?? null}, ${filed.toISOString()}, ${filed.toISOString()})`);
  }
  // What the approved claims took of each member's caps (every demo claim is within them: one claim per member).
  await tx.execute(sql`update mutualaid_usage u set committed_fen = c.fen from (select enrolment_id, benefit, sum(payout_fen)::int as fen from mutualaid_claim where plan_id = ${plan!.id} and status in ('approved','awaiting_second','paid') group by enrolment_id, benefit) c
    where u.enrolment_id = c.enrolment_id and u.benefit = c.benefit`);
  await tx.execute(sql`update mutualaid_enrolment e set committed_fen = c.fen from (select enrolment_id, sum(payout_fen)::int as fen from mutualaid_claim where plan_id = ${plan!.id} and status in ('approved','awaiting_second','paid') group by enrolment_id) c
    where e.id = c.enrolment_id`);
}
