import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { createFundRow, ensureShopAccounts } from '../../modules/fund';
import { encryptField } from '../../platform/pii';
import { keyedHash } from '../../platform/secrets';
import { makeCardNumber } from '@niangjia/contracts';
import { DEMO_WORKER_REAL_NAME, SEED_ACTOR } from './demo-orgs';
import type { DemoPii } from './demo-members';
import { rowsOf } from '../rows';

/** Demo terminal keys are derived from the shop code, so the simulator can sign (demo data only). */
export const demoTerminalKey = (shopCode: string) => ({ keyId: `pk_demo_${shopCode}`, secret: `psk_demo_${shopCode}_niangjia` });
export const DEMO_FUND_CODE = 'JB-AXJJ';
/** Commerce-sustained stations in Jiangbei (Aug 2024: 20 stations, 240,000+ yuan, 20,000+ breakfasts). */
const STATION_COUNT = 20;
const OPERATORS = ['重庆江小鲜便利店有限公司', '重庆惠邻里商贸有限公司', '重庆渝味早点餐饮管理有限公司', '重庆北城优选超市有限公司', '重庆暖心驿站商业管理有限公司'];
const rows = rowsOf;

/**
 * The charity fund of the Jiangbei demo: 20 commerce-sustained stations with a shop and a
 * terminal each, a year of history to yesterday, breakfast cards and monthly custodian transfers.
 * History is one aggregated entry per shop per day (and per station per day for breakfasts),
 * written set-based, so the seed stays fast; live sales then come one entry per sale.
 */
export async function seedDemoFund(tx: Db, orgIdByCode: Map<string, string>, pii?: DemoPii): Promise<void> {
  const jb = orgIdByCode.get('JB')!;
  const fundId = await createFundRow(tx, { code: DEMO_FUND_CODE, name: '江北区以商养站爱心基金', orgId: jb, breakfastPriceFen: 800 });
  // The seeded positions have some commerce-sustained stations; make up 20 from the rest stations in code order.
  const picked = rows<{ id: string; code: string; name: string; org_id: string }>(
    await tx.execute(sql`select id, code, name, org_id from position where type in ('rest_station','driver_home') and status = 'open'
      order by (build_mode = 'commerce_sustained') desc nulls last, code limit ${STATION_COUNT}`),
  );
  await tx.execute(sql`update position set build_mode = 'commerce_sustained' where id = any(${sql.param(picked.map((p) => p.id))}::uuid[])`);
  const yearAgo = new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10);
  for (const [i, p] of picked.entries()) {
    const code = `SHOP-${String(i + 1).padStart(2, '0')}`;
    const shortName = p.name.replace(/(工会驿站|驿站|司机之家)$/, '');
    const [shop] = rows<{ id: string }>(
      // Opened a year ago, when the history starts (a redemption may not be dated before its shop opened).
      await tx.execute(sql`insert into fund_shop (code, name, fund_id, position_id, org_id, operator_name, created_at, updated_at) values (${code}, ${`${shortName}爱心小卖部`}, ${fundId}, ${p.id}, ${p.org_id}, ${OPERATORS[i % OPERATORS.length]!}, ${yearAgo}::date, ${yearAgo}::date) returning id`),
    );
    await tx.execute(sql`insert into contribution_rule (shop_id, kind, fixed_fen, effective_from) values (${shop!.id}, 'fixed', 10, ${yearAgo})`);
    await ensureShopAccounts(tx, fundId, { id: shop!.id, code, name: `${shortName}爱心小卖部` }, p);
    if (pii) {
      const key = demoTerminalKey(code);
      await tx.execute(sql`insert into pos_terminal (shop_id, name, key_id, secret_enc, created_at, key_created_at) values (${shop!.id}, '收银机 1', ${key.keyId}, ${encryptField(pii.dataKeys, 'pos_terminal.secret', key.secret)}, ${yearAgo}::date, ${yearAgo}::date)`);
    }
  }

  // A year to yesterday (Asia/Shanghai): ~330 sales a shop a day at 10 fen, ~3 breakfasts a station a
  // day at 8 yuan. The last CARD_HISTORY_DAYS days' breakfasts are the demo cards' own redemptions
  // (seedDemoCards), so a card's history, its station's figures and the reports agree.
  await tx.execute(sql`
    with days as (select d::date as day from generate_series((now() at time zone 'Asia/Shanghai')::date - 365, (now() at time zone 'Asia/Shanghai')::date - 1, interval '1 day') d),
    shops as (select s.id, s.code, s.position_id from fund_shop s where s.fund_id = ${fundId})
    insert into fund_entry (fund_id, kind, occurred_at, memo, shop_id, position_id, amount_fen, sale_count, sales_fen, breakfast_count)
    select ${fundId}::uuid, 'history', (d.day + time '12:00') at time zone 'Asia/Shanghai', s.code || ' ' || d.day || ' 日汇总', s.id, s.position_id, n * 10, n, n * (1200 + abs(hashtext(s.code || d.day || 'a')) % 800), 0
    from days d cross join shops s cross join lateral (select 200 + abs(hashtext(s.code || d.day)) % 260 + case when extract(isodow from d.day) >= 6 then 40 else 0 end as n) x
    union all
    select ${fundId}::uuid, 'breakfast', (d.day + time '07:30') at time zone 'Asia/Shanghai', s.code || ' ' || d.day || ' 早餐汇总', s.id, s.position_id, b * 800, 0, 0, b
    from days d cross join shops s cross join lateral (select 1 + abs(hashtext(s.code || d.day || 'b')) % 5 as b) y
    where d.day < (now() at time zone 'Asia/Shanghai')::date - ${CARD_HISTORY_DAYS}::int`);
  await tx.execute(sql`
    insert into fund_posting (entry_id, account_id, amount_fen, occurred_at)
    select e.id, a.id, case when a.kind = 'collected' then e.amount_fen else -e.amount_fen end, e.occurred_at
    from fund_entry e join fund_account a on a.fund_id = e.fund_id and ((a.kind = 'collected') or (a.kind = 'shop_contributions' and a.shop_id = e.shop_id))
    where e.fund_id = ${fundId} and e.kind = 'history'
    union all
    select e.id, a.id, case when a.kind = 'station_breakfasts' then e.amount_fen else -e.amount_fen end, e.occurred_at
    from fund_entry e join fund_account a on a.fund_id = e.fund_id and ((a.kind = 'collected') or (a.kind = 'station_breakfasts' and a.position_id = e.position_id))
    where e.fund_id = ${fundId} and e.kind = 'breakfast'`);

  if (pii) await seedDemoCards(tx, fundId, pii);

  // Monthly transfers to the custodian (建设银行 trust account): 90% of the month's net, on the 5th of the next month.
  await tx.execute(sql`
    with months as (select date_trunc('month', occurred_at at time zone 'Asia/Shanghai')::date as m,
        sum(case when kind = 'history' then amount_fen else -amount_fen end) as net from fund_entry where fund_id = ${fundId} group by 1),
    due as (select m, (net * 9 / 10)::bigint as amount, (m + interval '1 month 4 days')::date as day, 'CCB' || to_char(m, 'YYYYMM') || '01' as ref, gen_random_uuid() as entry_id
      from months where (m + interval '1 month 4 days')::date < (now() at time zone 'Asia/Shanghai')::date),
    e as (insert into fund_entry (id, fund_id, kind, occurred_at, memo, amount_fen)
      select entry_id, ${fundId}::uuid, 'transfer', day::timestamp at time zone 'Asia/Shanghai', 'transfer ' || ref, amount from due returning id)
    insert into custodian_transfer (fund_id, amount_fen, transferred_on, reference, note, entry_id, created_by_name)
    select ${fundId}::uuid, amount, day, ref, to_char(m, 'YYYY年MM月') || '捐赠缴存', entry_id, ${SEED_ACTOR} from due`);
  await tx.execute(sql`
    insert into fund_posting (entry_id, account_id, amount_fen, occurred_at)
    select e.id, a.id, case when a.kind = 'custodian' then e.amount_fen else -e.amount_fen end, e.occurred_at
    from fund_entry e join fund_account a on a.fund_id = e.fund_id and a.kind in ('collected','custodian') where e.fund_id = ${fundId} and e.kind = 'transfer'`);
  // The custodian's monthly statements, imported by staff early in the next month, for every month
  // before this one: 对账 opens on the latest and finds each transfer on it. This month's transfer
  // waits for next month's statement, as it would.
  await tx.execute(sql`
    with t as (select reference, transferred_on, amount_fen, date_trunc('month', transferred_on)::date as m from custodian_transfer
        where fund_id = ${fundId} and transferred_on < date_trunc('month', (now() at time zone 'Asia/Shanghai')::date)),
      s as (insert into custodian_statement (fund_id, file_name, line_count, from_date, to_date, total_fen, created_at)
        select ${fundId}::uuid, '建设银行江北支行信托专户对账单' || to_char(m, 'YYYYMM') || '.csv', count(*), m, (m + interval '1 month' - interval '1 day')::date, sum(amount_fen),
          (m + interval '1 month 2 days' + time '10:00') at time zone 'Asia/Shanghai'
        from t group by m returning id, from_date)
    insert into custodian_statement_line (statement_id, line_no, value_date, reference, amount_fen, description)
    select s.id, row_number() over (partition by s.id order by t.reference), t.transferred_on, t.reference, t.amount_fen, '江北区总工会 爱心基金捐赠缴存'
    from s join t on t.m = s.from_date`);

  // The last 20 sales one by one (this past hour), so a fresh demo screen has a list to scroll.
  if (pii) {
    await tx.execute(sql`
      with picked as (select s.id as shop_id, s.code, s.position_id, t.id as terminal_id, g.i, gen_random_uuid() as entry_id,
          now() - make_interval(mins => 3 * (20 - g.i)) as at, 800 + (g.i * 137) % 1500 as amount
        from generate_series(1, 20) g(i) join fund_shop s on s.code = 'SHOP-' || lpad(((g.i * 7) % 20 + 1)::text, 2, '0') join pos_terminal t on t.shop_id = s.id),
      e as (insert into fund_entry (id, fund_id, kind, occurred_at, memo, shop_id, position_id, amount_fen, sale_count, sales_fen)
        select entry_id, ${fundId}::uuid, 'sale', at, code || ' DEMO-' || i, shop_id, position_id, 10, 1, amount from picked returning id)
      insert into fund_sale (terminal_id, shop_id, sale_id, amount_fen, items, sold_at, contribution_fen, entry_id)
      select terminal_id, shop_id, 'DEMO-' || i, amount, '[]'::jsonb, at, 10, entry_id from picked`);
    await tx.execute(sql`
      insert into fund_posting (entry_id, account_id, amount_fen, occurred_at)
      select e.id, a.id, case when a.kind = 'collected' then e.amount_fen else -e.amount_fen end, e.occurred_at
      from fund_entry e join fund_account a on a.fund_id = e.fund_id and ((a.kind = 'collected') or (a.kind = 'shop_contributions' and a.shop_id = e.shop_id))
      where e.fund_id = ${fundId} and e.kind = 'sale'`);
  }

  // After every sale and redemption is in: a terminal last uploaded its last one (the daily totals before that came through it too).
  await tx.execute(sql`update pos_terminal t set last_seen_at = x.at from (
      select t2.id, greatest(max(s.sold_at), max(r.redeemed_at), ((now() at time zone 'Asia/Shanghai')::date - 1 + time '21:00') at time zone 'Asia/Shanghai') as at
      from pos_terminal t2 left join fund_sale s on s.terminal_id = t2.id left join breakfast_redemption r on r.terminal_id = t2.id group by t2.id) x where x.id = t.id`);

  // Running balances and totals from what was just posted.
  await tx.execute(sql`update fund_account a set balance_fen = p.s from (select account_id, sum(amount_fen) s from fund_posting group by account_id) p where p.account_id = a.id and a.fund_id = ${fundId}`);
  await tx.execute(sql`update fund_total t set contributed_fen = x.c, sales = x.n, breakfast_fen = x.bf, breakfasts = x.b, transferred_fen = x.tr from (
      select coalesce(sum(amount_fen) filter (where kind in ('history','sale')), 0) c, coalesce(sum(sale_count), 0) n, coalesce(sum(amount_fen) filter (where kind = 'breakfast'), 0) bf,
        coalesce(sum(breakfast_count), 0) b, coalesce(sum(amount_fen) filter (where kind = 'transfer'), 0) tr from fund_entry where fund_id = ${fundId}) x where t.fund_id = ${fundId}`);
}

/** Days of card-by-card breakfast history; before that, breakfasts are daily totals per station. */
const CARD_HISTORY_DAYS = 60;
const CARDS_PER_SHOP = 3;
const CARD_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const CARD_GIVEN = ['建华', '秀英', '德明', '桂兰', '国强', '淑珍', '永福', '翠华', '家明', '凤英', '志刚', '玉梅', '春生', '秀兰', '长林', '桂芳', '平安', '素珍', '德胜', '玉兰'];

/** The seeded card number of demo card `i` (one format everywhere: contracts/card-number). */
export const demoCardNumber = (i: number, year: number) => makeCardNumber(year, 100_001 + i);

/**
 * Breakfast cards of sanitation workers, three per commerce-sustained station, issued by the
 * street union the station belongs to (so a street admin sees their own); valid a year from their
 * issue day (the fund's period). Each active card takes its breakfast at its home station on most
 * mornings of the last CARD_HISTORY_DAYS days: one redemption by the shop's terminal and one
 * ledger entry each, as live redemptions are. The terminals' last upload is their last sale or
 * redemption. The first card is the demo worker's (phone 13800000001).
 */
async function seedDemoCards(tx: Db, fundId: string, pii: DemoPii): Promise<void> {
  const shops = rows<{ id: string; code: string; position_id: string; street_id: string; street_name: string; terminal_id: string }>(
    await tx.execute(sql`select s.id, s.code, s.position_id, coalesce(st.id, s.org_id) as street_id, coalesce(st.name, o.name) as street_name, t.id as terminal_id
      from fund_shop s join org o on o.id = s.org_id join pos_terminal t on t.shop_id = s.id
      left join org st on st.type = 'street' and o.path like st.path || '%'
      where s.fund_id = ${fundId} order by s.code`),
  );
  const cards: { id: string; shop: (typeof shops)[number]; active: boolean }[] = [];
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const [k, shop] of shops.entries()) {
    for (let j = 0; j < CARDS_PER_SHOP; j++) {
      const i = k * CARDS_PER_SHOP + j;
      const phone = i === 0 ? '13800000001' : `1390000${String(1000 + i).padStart(4, '0')}`;
      // The demo worker (骑手小王, whose name on the card is 王建华) rides for the delivery station the
      // legal-help demo names; the other holders are sanitation workers.
      const name = i === 0 ? DEMO_WORKER_REAL_NAME : `${CARD_SURNAMES[(i * 7) % CARD_SURNAMES.length]!}${CARD_GIVEN[(i * 3 + j) % CARD_GIVEN.length]!}`;
      const employer = i === 0 ? '饿了么重庆江北站点（骑手）' : `江北区城市管理局 ${shop.street_name.replace(/(街道|镇)?总工会$/, '')}环卫所`;
      // Issued 100–300 days ago, valid twelve months from then; one card is suspended at the holder's request.
      const issuedDaysAgo = 100 + ((i * 37) % 200);
      const suspended = i === shops.length * CARDS_PER_SHOP - 1;
      const [card] = rows<{ id: string }>(
        await tx.execute(sql`insert into breakfast_card (fund_id, org_id, number, holder_name, phone_hash, phone_masked, employer, valid_until, status, suspended_reason, issued_at)
          values (${fundId}, ${shop.street_id}, ${demoCardNumber(i, new Date(Date.now() - issuedDaysAgo * 86_400_000).getUTCFullYear())}, ${name}, ${keyedHash(pii.secrets, 'breakfast_card.phone', phone)}, ${`${phone.slice(0, 3)}****${phone.slice(7)}`},
            ${employer},
            ((now() at time zone 'Asia/Shanghai')::date - ${issuedDaysAgo}::int + interval '12 months' - interval '1 day')::date,
            ${suspended ? 'suspended' : 'active'}, ${suspended ? '本人申请暂停' : null}, now() - make_interval(days => ${issuedDaysAgo}::int))
          returning id`),
      );
      cards.push({ id: card!.id, shop, active: !suspended });
    }
  }
  // Most mornings (about 6 in 7), 06:30–08:30 Asia/Shanghai, at the card's home station.
  await tx.execute(sql`
    with c as (select * from json_to_recordset(${JSON.stringify(cards.filter((c) => c.active).map((c) => ({ card_id: c.id, shop_id: c.shop.id, position_id: c.shop.position_id, terminal_id: c.shop.terminal_id })))}::json)
        as x(card_id uuid, shop_id uuid, position_id uuid, terminal_id uuid)),
      days as (select d::date as day from generate_series(${today}::date - ${CARD_HISTORY_DAYS}::int, ${today}::date - 1, interval '1 day') d),
      picked as (select c.*, b.number, d.day, gen_random_uuid() as entry_id,
          (d.day + time '06:30' + make_interval(mins => abs(hashtext(c.card_id::text || d.day)) % 120)) at time zone 'Asia/Shanghai' as at
        from c join breakfast_card b on b.id = c.card_id cross join days d where abs(hashtext(c.card_id::text || d.day || 'r')) % 7 <> 0),
      e as (insert into fund_entry (id, fund_id, kind, occurred_at, memo, shop_id, position_id, amount_fen, breakfast_count)
        select entry_id, ${fundId}::uuid, 'breakfast', at, '爱心早餐 ' || number, shop_id, position_id, 800, 1 from picked returning id)
    insert into breakfast_redemption (terminal_id, redemption_id, shop_id, card_id, card_number, redeemed_at, service_day, status, slot, price_fen, remaining_today, entry_id)
    select terminal_id, 'DEMO-' || number || '-' || day, shop_id, card_id, number, at, day, 'approved', 1, 800, 0, entry_id from picked`);
  await tx.execute(sql`
    insert into fund_posting (entry_id, account_id, amount_fen, occurred_at)
    select e.id, a.id, case when a.kind = 'station_breakfasts' then e.amount_fen else -e.amount_fen end, e.occurred_at
    from breakfast_redemption r join fund_entry e on e.id = r.entry_id
    join fund_account a on a.fund_id = e.fund_id and ((a.kind = 'collected') or (a.kind = 'station_breakfasts' and a.position_id = e.position_id))
    where r.redemption_id like 'DEMO-%'`);
}
