import type { Settlement } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import * as repo from './orders.repository';
import { findProviderOfUser } from './providers.repository';
import { scopeSql, shanghaiText } from './shared';

/** Delivered in the month, by the Asia/Shanghai calendar (the timestamp is UTC). */
const inMonth = (month: string) => sql`to_char((m.delivered_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') = ${month}`;

const PLACE: Record<string, string> = { position: '服务阵地', address: '单位/地址', online: '线上' };

function summarise(month: string, lines: repo.OrderRow[]): Settlement {
  const byProvider = new Map<string, Settlement['rows'][number]>();
  for (const o of lines) {
    const row = byProvider.get(o.providerId) ?? { provider: { id: o.providerId, name: o.providerName }, orders: 0, attendance: 0, totalFen: 0, subsidyFen: 0, payableFen: 0 };
    row.orders += 1;
    row.attendance += o.attendanceCount;
    row.totalFen += o.totalFen;
    row.subsidyFen += o.subsidyFen;
    row.payableFen += o.payableFen;
    byProvider.set(o.providerId, row);
  }
  const rows = [...byProvider.values()];
  const sum = (k: 'orders' | 'attendance' | 'totalFen' | 'subsidyFen' | 'payableFen') => rows.reduce((n, r) => n + r[k], 0);
  return { month, rows, totals: { orders: sum('orders'), attendance: sum('attendance'), totalFen: sum('totalFen'), subsidyFen: sum('subsidyFen'), payableFen: sum('payableFen') } };
}

/**
 * Monthly settlement statements (结算单): what each provider delivered in a month, the money the
 * ordering unions (or workers) pay and the subsidy the federation pays. One sheet per provider,
 * amounts in yuan with two decimals, the totals under the lines.
 */
async function workbook(month: string, lines: repo.OrderRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Niangjia';
  const groups = new Map<string, repo.OrderRow[]>();
  for (const o of lines) groups.set(o.providerId, [...(groups.get(o.providerId) ?? []), o]);
  if (!groups.size) wb.addWorksheet(month).addRow([`${month} 无已完成服务 No deliveries`]);
  const used = new Set<string>();
  for (const [, orders] of groups) {
    const first = orders[0]!;
    let name = first.providerName.replace(/[\\/*?:[\]]/g, '').slice(0, 28);
    while (used.has(name)) name = `${name.slice(0, 26)}_${used.size}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([`服务结算单 Settlement statement  ${month}`]).font = { bold: true, size: 14 };
    ws.addRow([`服务商 Provider：${first.providerName}`]);
    ws.addRow([`区县 District：${first.districtName}`]);
    ws.addRow([]);
    const header = ws.addRow(['订单号 Order', '服务日期 Date', '完成时间 Delivered', '下单单位 Ordered by', '项目 Project', '地点 Place', '人数 Headcount', '人次 Attendance', '总价（元）Total', '补贴（元）Subsidy', '应付（元）Payable', '评分 Rating']);
    header.font = { bold: true };
    for (const o of orders) {
      ws.addRow([o.number, o.serviceDate, o.deliveredAt ? shanghaiText(o.deliveredAt) : '', o.orderingName ?? '职工个人 Worker', `${o.title}（v${o.versionNumber}）`, o.positionName ?? o.address ?? PLACE[o.placeKind] ?? '', o.headcount, o.attendanceCount, o.totalFen / 100, o.subsidyFen / 100, o.payableFen / 100, o.rating ?? '']);
    }
    const s = summarise(month, orders).totals;
    const total = ws.addRow(['合计 Total', '', '', '', '', '', orders.reduce((n, o) => n + o.headcount, 0), s.attendance, s.totalFen / 100, s.subsidyFen / 100, s.payableFen / 100, '']);
    total.font = { bold: true };
    for (const c of [9, 10, 11]) ws.getColumn(c).numFmt = '#,##0.00';
    ws.columns.forEach((c, i) => (c.width = [16, 12, 18, 28, 30, 22, 10, 10, 14, 14, 14, 8][i] ?? 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function createSettlementService({ db }: { db: Db }) {
  async function staffLines(q: { month: string; providerId?: string | undefined; orgId?: string | undefined }, scope: Scope) {
    const where: SQL[] = [inMonth(q.month), scopeSql(scope, sql`d.path`)];
    if (q.providerId) where.push(sql`m.provider_id = ${q.providerId}`);
    if (q.orgId) where.push(sql`m.district_org_id = ${q.orgId}`);
    return repo.listDelivered(db, sql.join(where, sql` and `));
  }
  async function providerLines(month: string, userId: string) {
    const provider = await findProviderOfUser(db, userId);
    if (!provider) throw new AppError('MARKET_NO_PROVIDER', { status: 404 });
    return repo.listDelivered(db, sql`m.provider_id = ${provider.id} and ${inMonth(month)}`);
  }
  return {
    summary: async (q: { month: string; providerId?: string | undefined; orgId?: string | undefined }, scope: Scope) => summarise(q.month, await staffLines(q, scope)),
    workbook: async (q: { month: string; providerId?: string | undefined; orgId?: string | undefined }, scope: Scope) => workbook(q.month, await staffLines(q, scope)),
    mySummary: async (month: string, userId: string) => summarise(month, await providerLines(month, userId)),
    myWorkbook: async (month: string, userId: string) => workbook(month, await providerLines(month, userId)),
  };
}

export type SettlementService = ReturnType<typeof createSettlementService>;
