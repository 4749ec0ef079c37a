import type { PublicFundSummary } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notFound } from '../../platform/errors';
import { shanghaiDay, shanghaiDayStart } from './contribution';
import { getTotals, rowsOf } from './ledger';

/** The fund a public screen shows: of the org with that code (or above it), else the first fund. */
export async function findPublicFund(db: Db, orgCode?: string): Promise<{ id: string; name: string }> {
  const rows = orgCode
    ? rowsOf<{ id: string; name: string }>(
        await db.execute(sql`select f.id, f.name from fund f join org fo on fo.id = f.org_id, org o where o.code = ${orgCode} and o.path like fo.path || '%' order by length(fo.path) desc limit 1`),
      )
    : rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from fund order by created_at, code limit 1`));
  if (!rows[0]) throw notFound('fund');
  return rows[0];
}

/** Live figures for the screen: totals from the running-totals row, today's and per-station figures from the entries. No personal data. */
export async function getPublicSummary(db: Db, orgCode?: string, now = new Date()): Promise<PublicFundSummary> {
  const fund = await findPublicFund(db, orgCode);
  const totals = await getTotals(db, fund.id);
  const dayStart = shanghaiDayStart(shanghaiDay(now)).toISOString();
  const [today] = rowsOf<{ c: number; s: number; b: number }>(
    await db.execute(sql`select coalesce(sum(case when kind in ('sale','refund','history') then amount_fen end), 0)::bigint as c, coalesce(sum(sale_count), 0)::bigint as s, coalesce(sum(breakfast_count), 0)::bigint as b
      from fund_entry where fund_id = ${fund.id} and occurred_at >= ${dayStart}::timestamptz`),
  );
  const stations = rowsOf<{ id: string; name: string; lng: number; lat: number; total: number; today: number; breakfasts: number }>(
    await db.execute(sql`select p.id, p.name, p.lng, p.lat,
        coalesce((select -sum(a.balance_fen) from fund_account a join fund_shop s on s.id = a.shop_id where s.position_id = p.id and a.kind = 'shop_contributions'), 0)::bigint as total,
        coalesce((select sum(e.amount_fen) from fund_entry e where e.position_id = p.id and e.fund_id = ${fund.id} and e.kind in ('sale','refund','history') and e.occurred_at >= ${dayStart}::timestamptz), 0)::bigint as today,
        coalesce((select sum(e.breakfast_count) from fund_entry e where e.position_id = p.id and e.fund_id = ${fund.id} and e.kind in ('breakfast','history')), 0)::bigint as breakfasts
      from position p where p.id in (select position_id from fund_shop where fund_id = ${fund.id})`),
  );
  const recent = rowsOf<{ id: string; at: string; station: string; shop: string; amount: number }>(
    await db.execute(sql`select e.id, e.occurred_at as at, p.name as station, s.name as shop, e.amount_fen as amount from fund_entry e join fund_shop s on s.id = e.shop_id join position p on p.id = e.position_id
      where e.fund_id = ${fund.id} and e.kind in ('sale','refund') order by e.created_at desc, e.occurred_at desc limit 20`),
  );
  return {
    fund,
    totalFen: totals.contributedFen,
    balanceFen: totals.balanceFen,
    totalBreakfasts: totals.breakfasts,
    today: { contributionFen: Number(today?.c ?? 0), sales: Number(today?.s ?? 0), breakfasts: Number(today?.b ?? 0) },
    stations: stations
      .map((s) => ({ positionId: s.id, name: s.name, lng: Number(s.lng), lat: Number(s.lat), totalFen: Number(s.total), todayFen: Number(s.today), breakfasts: Number(s.breakfasts) }))
      .sort((a, b) => b.totalFen - a.totalFen || a.name.localeCompare(b.name)),
    recent: recent.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), stationName: r.station, shopName: r.shop, amountFen: Number(r.amount) })),
    generatedAt: now.toISOString(),
  };
}
