import type { IndicatorBreakdown, IndicatorValues } from '@niangjia/contracts';
import ExcelJS from 'exceljs';

/**
 * 数据中心 exports: Chinese headers, numbers as numbers (money in yuan with two decimals, shares
 * as percentages), a second sheet saying which org, which period and as of when.
 */
const MONEY = '#,##0.00';
const COUNT = '#,##0';
const SHARE = '0.0%';

const unitLabel: Record<string, string> = { count: '个', people: '人', person_times: '人次', fen: '元', percent: '%', m2: '平方米', stars: '星' };

function cellValue(unit: string, v: number | null): number | null {
  if (v === null) return null;
  return unit === 'fen' ? v / 100 : v;
}

function formatOf(unit: string, decimals: number): string {
  if (unit === 'fen') return MONEY;
  if (decimals > 0) return `#,##0.${'0'.repeat(decimals)}`;
  return COUNT;
}

function aboutSheet(wb: ExcelJS.Workbook, rows: [string, string][]) {
  const ws = wb.addWorksheet('说明');
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 60;
}

export async function valuesWorkbook(v: IndicatorValues): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow(['指标代码', '指标', '单位', '本期', '上期', '环比', '去年同期', '同比', '年度目标', '目标完成率', '数据截至']).font = { bold: true };
  for (const item of v.items) {
    const row = ws.addRow([
      item.key,
      item.name,
      unitLabel[item.unit] ?? item.unit,
      cellValue(item.unit, item.value),
      cellValue(item.unit, item.previous?.value ?? null),
      item.previous?.rate ?? null,
      cellValue(item.unit, item.lastYear?.value ?? null),
      item.lastYear?.rate ?? null,
      item.target ? cellValue(item.unit, item.target.value) : null,
      item.target?.progress ?? null,
      item.asOf.replace('T', ' ').slice(0, 19) + ' UTC',
    ]);
    const fmt = formatOf(item.unit, item.decimals);
    for (const c of [4, 5, 7, 9]) row.getCell(c).numFmt = fmt;
    for (const c of [6, 8, 10]) row.getCell(c).numFmt = SHARE;
  }
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 26 : i === 0 ? 22 : 14));
  aboutSheet(wb, [
    ['组织', `${v.org.name}（${v.org.code}）及下属组织`],
    ['期间', `${v.period.label}（${v.period.from} 至 ${v.period.to}${v.period.isToDate ? '，截至今日；上期与去年同期按相同天数比较' : ''}）`],
    ['数据截至', v.asOf],
    ['说明', '金额单位为元；环比、同比为变化率；比率类指标的环比、同比见数值列之差。'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function breakdownWorkbook(b: IndicatorBreakdown): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(b.indicator.name.slice(0, 31));
  const unit = unitLabel[b.indicator.unit] ?? b.indicator.unit;
  ws.addRow([b.byName, `${b.indicator.name}（${unit}）`, `去年同期（${unit}）`, '同比']).font = { bold: true };
  const fmt = formatOf(b.indicator.unit, b.indicator.decimals);
  const add = (label: string, value: number | null, lastYear: number | null, rate: number | null, isBold = false) => {
    const row = ws.addRow([label, cellValue(b.indicator.unit, value), cellValue(b.indicator.unit, lastYear), rate]);
    row.getCell(2).numFmt = fmt;
    row.getCell(3).numFmt = fmt;
    row.getCell(4).numFmt = SHARE;
    if (isBold) row.font = { bold: true };
  };
  for (const r of b.rows) add(r.label, r.value, r.lastYear, r.rate);
  add('合计', b.total, b.lastYearTotal, b.total !== null && b.lastYearTotal ? (b.total - b.lastYearTotal) / Math.abs(b.lastYearTotal) : null, true);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 30 : 16));
  aboutSheet(wb, [
    ['组织', `${b.org.name}（${b.org.code}）`],
    ['期间', `${b.period.label}（${b.period.from} 至 ${b.period.to}）`],
    ['数据截至', b.asOf],
    ['说明', b.isAdditive ? '各行相加等于合计；“本级”为该组织直属的记录。' : '比率类指标各行不相加，合计为整体比率。'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
