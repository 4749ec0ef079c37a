import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { encryptField, type DataKeys } from '../../platform/pii';
import { generateTerminalKeyPair } from '../../platform/terminal-signing';
import { applicableTier, shanghaiDay } from './canteen.pricing';
import { CANTEEN_TERMINAL_SECRET_PURPOSE } from './canteen.service';
import { query } from './mutualaid.repository';

const DAY = 86_400_000;
/** Seed 004: 15 yuan for outdoor workers, over-60s and veterans; 10 yuan for certified low-income, five-guarantee and disabled residents. */
export const DEMO_CANTEEN_PRICES = { normal: 2000, outdoor: 1500, certified: 1000 };

/**
 * 共享食堂 at 观音桥共享食堂 (the demo's canteen position): prices and the two tiers of seed 004,
 * a terminal, certifications (approved, one expired, pending, one refused) and four weeks of
 * lunches and suppers priced as the terminal would have. Bulk inserts in the demo's transaction;
 * without demo members only the settings.
 */
export async function seedDemoCanteen(tx: Db, opts: { dataKeys?: DataKeys }, now = new Date()): Promise<void> {
  const [pos] = await query<{ id: string; org_id: string }>(tx, sql`select id, org_id from position where code = 'JB-CT-001'`);
  if (!pos) return;
  const [staff] = await query<{ id: string }>(tx, sql`select id from app_user where username = 'gyq.admin'`);
  const [c] = await query<{ id: string }>(tx, sql`insert into canteen (position_id, org_id, normal_price_fen, created_at, updated_at) values (${pos.id}, ${pos.org_id}, ${DEMO_CANTEEN_PRICES.normal}, ${new Date(now.getTime() - 40 * DAY).toISOString()}, ${new Date(now.getTime() - 40 * DAY).toISOString()}) returning id`);
  const canteenId = c!.id;
  const tiers = await query<{ id: string; name: string; price_fen: number; grounds: string[]; needs_certification: boolean }>(
    tx,
    sql`insert into canteen_tier (canteen_id, org_id, name, price_fen, grounds, needs_certification) values
      (${canteenId}, ${pos.org_id}, '15元优惠档', ${DEMO_CANTEEN_PRICES.outdoor}, array['outdoor_worker','over_60','veteran']::text[], false),
      (${canteenId}, ${pos.org_id}, '10元困难群体档', ${DEMO_CANTEEN_PRICES.certified}, array['low_income','five_guarantees','disabled']::text[], true)
      returning id, name, price_fen, grounds, needs_certification`,
  );
  const [t15, t10] = [tiers.find((t) => t.price_fen === DEMO_CANTEEN_PRICES.outdoor)!, tiers.find((t) => t.price_fen === DEMO_CANTEEN_PRICES.certified)!];
  if (!opts.dataKeys) return;
  const key = generateTerminalKeyPair('ck', 'csk');
  const [terminal] = await query<{ id: string }>(
    tx,
    sql`insert into canteen_terminal (canteen_id, org_id, name, key_id, secret_enc, last_seen_at) values (${canteenId}, ${pos.org_id}, '收银台 1 号', ${key.keyId}, ${encryptField(opts.dataKeys, CANTEEN_TERMINAL_SECRET_PURPOSE, key.secret)}, ${now.toISOString()}) returning id`,
  );

  // Diners: active members of Jiangbei, the riders and couriers first (the canteen's regulars).
  const diners = await query<{ person_id: string; membership_id: string; real_name: string; birth_date: string; employment_form: string }>(
    tx,
    sql`select p.id as person_id, m.id as membership_id, p.real_name, p.birth_date::text as birth_date, p.employment_form
      from membership m join person p on p.id = m.person_id where m.status = 'active' order by (p.employment_form = 'standard'), m.member_number limit 60`,
  );
  if (!diners.length) return;

  // Certifications of the 10-yuan tier: 6 approved (one expired last week), 3 pending, 1 refused.
  type Cert = { d: (typeof diners)[number]; status: 'approved' | 'pending' | 'refused'; ground: string; expiresOn: string | null; reason: string | null; ago: number };
  const certs: Cert[] = [];
  const grounds = ['low_income', 'disabled', 'five_guarantees'];
  diners.slice(40, 50).forEach((d, i) => {
    const status = i < 6 ? 'approved' : i < 9 ? 'pending' : 'refused';
    const expiresOn = status === 'approved' ? shanghaiDay(new Date(now.getTime() + (i === 5 ? -7 : 180 + i * 30) * DAY)) : null;
    certs.push({ d, status, ground: grounds[i % 3]!, expiresOn, reason: status === 'refused' ? '低保证明已过期，请补交最新证明' : null, ago: 30 - i * 2 });
  });
  await tx.execute(
    sql`insert into canteen_certification (canteen_id, tier_id, org_id, person_id, membership_id, person_name, ground, note, status, expires_on, refusal_reason, decided_at, decided_by, created_at, updated_at) values ${sql.join(
      certs.map((x) => {
        const created = new Date(now.getTime() - x.ago * DAY).toISOString();
        const decided = x.status === 'pending' ? null : new Date(now.getTime() - (x.ago - 1) * DAY).toISOString();
        return sql`(${canteenId}, ${t10.id}, ${pos.org_id}, ${x.d.person_id}, ${x.d.membership_id}, ${x.d.real_name}, ${x.ground}, '社区出具证明', ${x.status}, ${x.expiresOn}, ${x.reason}, ${decided}, ${decided ? (staff?.id ?? null) : null}, ${created}, ${decided ?? created})`;
      }),
      sql`, `,
    )}`,
  );

  // Four weeks of meals: each diner eats some days, at lunch or supper, priced as the terminal would have.
  const tierList = [t15, t10].map((t) => ({ id: t.id, name: t.name, priceFen: t.price_fen, grounds: t.grounds, needsCertification: t.needs_certification, isActive: true }));
  const meals: ReturnType<typeof sql>[] = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let ago = 27; ago >= 1; ago--) {
    for (const d of diners) {
      if (rand() > 0.25) continue;
      const servedAt = new Date(now.getTime() - ago * DAY);
      servedAt.setUTCHours(rand() < 0.6 ? 4 : 10, Math.floor(rand() * 60), 0, 0);
      const day = shanghaiDay(servedAt);
      const held = certs.filter((x) => x.d.person_id === d.person_id && x.status === 'approved').map((x) => ({ tierId: t10.id, expiresOn: x.expiresOn! }));
      const applied = applicableTier(DEMO_CANTEEN_PRICES.normal, tierList, { birthDate: d.birth_date, employmentForm: d.employment_form }, held, day);
      meals.push(
        sql`(${canteenId}, ${pos.org_id}, ${terminal!.id}, ${applied?.tier.id ?? null}, ${applied?.tier.name ?? null}, ${applied?.tier.priceFen ?? DEMO_CANTEEN_PRICES.normal}, ${applied ? 1 : null}, ${d.person_id}, ${d.membership_id}, ${d.real_name}, ${day}, ${servedAt.toISOString()})`,
      );
    }
  }
  if (meals.length)
    await tx.execute(
      sql`insert into canteen_meal (canteen_id, org_id, terminal_id, tier_id, tier_name, price_fen, reduced_slot, person_id, membership_id, person_name, service_day, served_at) values ${sql.join(meals, sql`, `)}`,
    );
}
