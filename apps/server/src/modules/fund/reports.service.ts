import type { BreakfastReport, ContributionReport, ContributionReportQuery, FundStatement, ReportRangeQuery } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { shanghaiDayStart } from './contribution';
import { rowsOf } from './ledger';

const MAX_RANGE_DAYS = 3 * 366;
const CONTRIBUTION_KINDS = sql`('sale','refund','history')`;

/** [from 00:00, day after `to` 00:00) in Asia/Shanghai, as UTC instants. */
export function rangeOf(q: ReportRangeQuery): { start: string; end: string } {
  const start = shanghaiDayStart(q.from);
  const end = new Date(shanghaiDayStart(q.to).getTime() + 86_400_000);
  const days = (end.getTime() - start.getTime()) / 86_400_000;
  if (!Number.isFinite(days) || days < 1 || days > MAX_RANGE_DAYS) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'from', message: 'FUND_RANGE_INVALID' }] });
  return { start: start.toISOString(), end: end.toISOString() };
}

/**
 * A street admin's slice of a district's fund: entries of the shops their unions run and the
 * stations in their subtree (`slice` = their scope's org paths; null = the whole fund).
 */
function sliceSql(slice: string[] | null, column: 'shop' | 'station'): SQL {
  if (!slice) return sql`true`;
  const paths = sql.join(
    slice.map((p) => sql`o.path like ${`${p}%`}`),
    sql` or `,
  );
  return column === 'shop'
    ? sql`e.shop_id in (select s.id from fund_shop s join org o on o.id = s.org_id where ${paths})`
    : sql`e.position_id in (select p.id from position p join org o on o.id = p.org_id where ${paths})`;
}

const dayOf = sql`to_char(e.occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
const monthOf = sql`to_char(e.occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM')`;

export async function getContributionReport(db: Db, fundId: string, q: ContributionReportQuery, slice: string[] | null = null): Promise<ContributionReport> {
  const { start, end } = rangeOf(q);
  const group: Record<ContributionReportQuery['groupBy'], { key: SQL; label: SQL; join: SQL }> = {
    shop: { key: sql`s.code`, label: sql`s.name`, join: sql`join fund_shop s on s.id = e.shop_id` },
    station: { key: sql`p.code`, label: sql`p.name`, join: sql`join position p on p.id = e.position_id` },
    day: { key: dayOf, label: dayOf, join: sql`` },
    month: { key: monthOf, label: monthOf, join: sql`` },
  };
  const g = group[q.groupBy];
  const rows = rowsOf<{ key: string; label: string; sales: number; sales_fen: number; contribution: number }>(
    await db.execute(sql`select ${g.key} as key, min(${g.label}) as label, sum(e.sale_count)::bigint as sales, sum(e.sales_fen)::bigint as sales_fen, sum(e.amount_fen)::bigint as contribution
      from fund_entry e ${g.join} where e.fund_id = ${fundId} and e.kind in ${CONTRIBUTION_KINDS} and ${sliceSql(slice, 'shop')} and e.occurred_at >= ${start}::timestamptz and e.occurred_at < ${end}::timestamptz
      group by 1 order by 1`),
  ).map((r) => ({ key: r.key, label: r.label, sales: Number(r.sales), salesFen: Number(r.sales_fen), contributionFen: Number(r.contribution) }));
  const totals = rows.reduce((t, r) => ({ sales: t.sales + r.sales, salesFen: t.salesFen + r.salesFen, contributionFen: t.contributionFen + r.contributionFen }), { sales: 0, salesFen: 0, contributionFen: 0 });
  return { from: q.from, to: q.to, groupBy: q.groupBy, rows, totals };
}

export async function getBreakfastReport(db: Db, fundId: string, q: ReportRangeQuery & { groupBy: 'station' | 'day' }, slice: string[] | null = null): Promise<BreakfastReport> {
  const { start, end } = rangeOf(q);
  const g = q.groupBy === 'station' ? { key: sql`p.code`, label: sql`p.name`, join: sql`join position p on p.id = e.position_id` } : { key: dayOf, label: dayOf, join: sql`` };
  const rows = rowsOf<{ key: string; label: string; n: number; amount: number }>(
    await db.execute(sql`select ${g.key} as key, min(${g.label}) as label, sum(e.breakfast_count)::bigint as n, sum(e.amount_fen)::bigint as amount
      from fund_entry e ${g.join} where e.fund_id = ${fundId} and e.kind = 'breakfast' and ${sliceSql(slice, 'station')} and e.occurred_at >= ${start}::timestamptz and e.occurred_at < ${end}::timestamptz group by 1 order by 1`),
  ).map((r) => ({ key: r.key, label: r.label, breakfasts: Number(r.n), amountFen: Number(r.amount) }));
  const totals = rows.reduce((t, r) => ({ breakfasts: t.breakfasts + r.breakfasts, amountFen: t.amountFen + r.amountFen }), { breakfasts: 0, amountFen: 0 });
  return { from: q.from, to: q.to, groupBy: q.groupBy, rows, totals };
}

/** Opening + in − out = closing, all from the ledger's money accounts (collected + custodian). */
export async function getFundStatement(db: Db, fundId: string, q: ReportRangeQuery): Promise<FundStatement> {
  const { start, end } = rangeOf(q);
  const [fund] = rowsOf<{ name: string }>(await db.execute(sql`select name from fund where id = ${fundId}`));
  const [bal] = rowsOf<{ opening: number; closing: number; custodian: number }>(
    await db.execute(sql`select
        coalesce(sum(case when p.occurred_at < ${start}::timestamptz then p.amount_fen end), 0)::bigint as opening,
        coalesce(sum(case when p.occurred_at < ${end}::timestamptz then p.amount_fen end), 0)::bigint as closing,
        coalesce(sum(case when p.occurred_at < ${end}::timestamptz and a.kind = 'custodian' then p.amount_fen end), 0)::bigint as custodian
      from fund_posting p join fund_account a on a.id = p.account_id where a.fund_id = ${fundId} and a.kind in ('collected','custodian')`),
  );
  const kinds = rowsOf<{ kind: string; amount: number; n: number }>(
    await db.execute(sql`select e.kind, sum(e.amount_fen)::bigint as amount, sum(case when e.kind = 'breakfast' then e.breakfast_count else abs(e.sale_count) end)::bigint as n
      from fund_entry e where e.fund_id = ${fundId} and e.occurred_at >= ${start}::timestamptz and e.occurred_at < ${end}::timestamptz and e.kind in ('sale','refund','history','breakfast') group by e.kind`),
  );
  const pick = (k: string) => kinds.find((r) => r.kind === k);
  const contributions = Number(pick('sale')?.amount ?? 0) + Number(pick('history')?.amount ?? 0);
  const contributionCount = Number(pick('sale')?.n ?? 0) + Number(pick('history')?.n ?? 0);
  const refunds = Number(pick('refund')?.amount ?? 0);
  const breakfasts = Number(pick('breakfast')?.amount ?? 0);
  const opening = Number(bal?.opening ?? 0);
  const closing = Number(bal?.closing ?? 0);
  const inFen = contributions + refunds;
  return {
    fundName: fund?.name ?? '',
    from: q.from,
    to: q.to,
    openingFen: opening,
    inFen,
    outFen: breakfasts,
    closingFen: closing,
    lines: [
      { kind: 'contributions', label: '销售捐赠 Contributions', amountFen: contributions, count: contributionCount },
      { kind: 'refunds', label: '退款冲销 Refunds', amountFen: refunds, count: Number(pick('refund')?.n ?? 0) },
      { kind: 'breakfasts', label: '爱心早餐 Breakfasts', amountFen: -breakfasts, count: Number(pick('breakfast')?.n ?? 0) },
      { kind: 'adjustments', label: '调整 Adjustments', amountFen: closing - opening - inFen + breakfasts, count: 0 },
    ],
    custodianFen: Number(bal?.custodian ?? 0),
  };
}

const yuan = (fen: number) => fen / 100;

/** One sheet with Chinese headers; money in yuan with two decimals. */
export async function reportWorkbook(title: string, headers: string[], rows: (string | number)[][], moneyColumns: number[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title.slice(0, 31));
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v, i) => (moneyColumns.includes(i) && typeof v === 'number' ? yuan(v) : v)));
  for (const i of moneyColumns) ws.getColumn(i + 1).numFmt = '#,##0.00';
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
