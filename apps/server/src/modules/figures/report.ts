import { comparePeriods, periodContaining, trendBuckets, type Comparison } from '../../platform/indicators';
import { createPdf } from '../../platform/pdf';
import { isAdditive, isCurrentOnly, type Evaluation } from './evaluate';
import type { OrgNode } from './figures.repository';
import { byCatalogueOrder, type FiguresService } from './figures.service';
import { chineseNumber, describeChange, formatValue, rateText } from './format';

type Figure = { key: string; name: string; unit: string; decimals: number; value: number | null; lastYear: number | null; isCurrentOnly: boolean; target: { value: number; progress: number | null } | null };

/**
 * The yearly work report (年度工作报告) of an org, laid out like the seeds' reports: an overview,
 * then a section per part of the work (组织建设, 建会入会, 服务阵地 …, one per module in the
 * catalogue, so later modules add theirs), each with its figures and the change on a year
 * earlier, a table by child org and a chart. The figures are the catalogue's, computed by the
 * same service as 数据中心 and the API; a year in progress is compared like for like.
 */
export async function renderYearlyReport(figures: FiguresService, org: OrgNode, year: number, now = new Date()): Promise<Buffer> {
  const today = figures.today();
  const cmp: Comparison = comparePeriods(periodContaining('year', `${year}-06-30`), today);
  const catalogue = figures.catalogue;
  const entries = [...catalogue.indicators.values()].sort(byCatalogueOrder);
  await figures.ensureReady(entries.map((e) => e.key));

  const values = new Map<string, Figure>();
  for (const e of entries) {
    const v = await figures.valueOf(e.key, org, cmp, 'zh-CN');
    values.set(e.key, {
      key: e.key,
      name: v.name,
      unit: e.unit,
      decimals: e.decimals ?? 0,
      value: v.value,
      lastYear: v.lastYear?.value ?? null,
      isCurrentOnly: v.isCurrentOnly,
      target: v.target ? { value: v.target.value, progress: v.target.progress } : null,
    });
  }

  const title = `${org.name}${year}年度工作报告`;
  const doc = createPdf({ title, author: org.name, subject: '年度工作报告', runningHeader: title });
  doc.heading(title, 1);
  const asOfText = `${now.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）`;
  doc.paragraph(
    cmp.isToDate
      ? `统计期间：${cmp.current.from} 至 ${cmp.current.to}（年度进行中，同比按去年同期同样天数 ${cmp.lastYear.from} 至 ${cmp.lastYear.to} 比较）。数据截至 ${asOfText}。`
      : `统计期间：${cmp.current.from} 至 ${cmp.current.to}，同比为 ${cmp.lastYear.from} 至 ${cmp.lastYear.to}。数据截至 ${asOfText}。`,
    { color: '#666666', size: 9.5 },
  );
  doc.paragraph(`统计范围：${org.name}（${org.code}）及其下属全部组织。所有数字由娘家平台根据各项业务记录自动计算，与“数据中心”一致。`, { color: '#666666', size: 9.5 });

  // 一、总体情况: the headline figures in one table.
  let section = 1;
  doc.heading(`${chineseNumber(section++)}、总体情况`, 2);
  const headline = entries.filter((e) => e.isHeadline).map((e) => values.get(e.key)!);
  doc.paragraph(
    headline
      .filter((f) => f.value !== null)
      .slice(0, 6)
      .map((f) => `${f.name}${formatValue(f.unit, f.value, f.decimals)}${f.isCurrentOnly ? '' : `，${describeChange('同比', f.unit, f.value, f.lastYear)}`}`)
      .join('；') + '。',
  );
  doc.table({
    columns: [{ header: '指标' }, { header: `${year}年`, width: 100, align: 'right' }, { header: '去年同期', width: 100, align: 'right' }, { header: '同比', width: 70, align: 'right' }],
    rows: headline.map((f) => [f.name, formatValue(f.unit, f.value, f.decimals), f.isCurrentOnly ? '—' : formatValue(f.unit, f.lastYear, f.decimals), f.isCurrentOnly ? '—' : rateText(f.value, f.lastYear)]),
  });

  const childOrgs = await figures.childrenOf(org);
  for (const m of [...catalogue.modules].sort((a, b) => a.order - b.order)) {
    const own = entries.filter((e) => e.module === m.module);
    if (own.length === 0) continue;
    doc.heading(`${chineseNumber(section++)}、${m.section.zh}`, 2);
    for (const e of own) {
      const f = values.get(e.key)!;
      const parts = [`${f.name}：${formatValue(f.unit, f.value, f.decimals)}`];
      if (!f.isCurrentOnly) parts.push(`去年同期 ${formatValue(f.unit, f.lastYear, f.decimals)}，${describeChange('同比', f.unit, f.value, f.lastYear)}`);
      else parts.push('（当前值）');
      if (f.target) parts.push(`年度目标 ${formatValue(f.unit, f.target.value, f.decimals)}，完成 ${f.target.progress === null ? '—' : `${(f.target.progress * 100).toFixed(1)}%`}`);
      doc.paragraph(`${parts.join('，')}。`);
    }

    // A table by child org of the section's additive headline figures, and a chart of the first.
    const byChild = own.filter((e) => e.isHeadline && isAdditive(e) && !isCurrentOnly(e) && e.compute.kind !== 'query').slice(0, 3);
    if (childOrgs.length > 0 && byChild.length > 0) {
      const splits: Evaluation[] = [];
      for (const e of byChild) splits.push(await figures.evaluate(e.key, org, [cmp.current, cmp.lastYear], { by: 'child', children: childOrgs }, {}, today));
      const rowKeys = [...childOrgs.map((c) => c.id), ''];
      const label = (k: string) => (k ? childOrgs.find((c) => c.id === k)!.name : `${org.name}（本级）`);
      const rows = rowKeys
        .filter((k) => k || splits.some((s) => (s.values.get('')?.[0] ?? 0) !== 0))
        .map((k) => [label(k), ...byChild.flatMap((e, i) => [formatValue(e.unit, splits[i]!.values.get(k)?.[0] ?? 0, e.decimals)])]);
      doc.table({
        columns: [{ header: '下级组织' }, ...byChild.map((e) => ({ header: values.get(e.key)!.name, width: 95, align: 'right' as const }))],
        rows,
        totalRow: ['合计', ...byChild.map((e) => formatValue(e.unit, values.get(e.key)!.value, e.decimals))],
      });
      const first = byChild[0]!;
      doc.barChart({
        title: `${values.get(first.key)!.name}（按下级组织，${year}年与去年同期）`,
        legend: [`${year}年`, '去年同期'],
        bars: rowKeys
          .map((k) => ({ label: label(k), value: splits[0]!.values.get(k)?.[0] ?? 0, compare: splits[0]!.values.get(k)?.[1] ?? 0 }))
          .filter((b) => b.value || b.compare),
        format: (v) => formatValue(first.unit, v, first.decimals),
      });
    }
    // The first flow's months, when there is one.
    const flow = own.find((e) => e.compute.kind === 'flow' && e.isHeadline);
    if (flow) {
      const { buckets } = trendBuckets(cmp.current);
      const month = await figures.evaluate(flow.key, org, buckets, { by: 'none' }, {}, today);
      const row = month.values.get('') ?? [];
      doc.barChart({
        title: `${values.get(flow.key)!.name}（按月）`,
        bars: buckets.map((b, i) => ({ label: `${Number(b.from.slice(5, 7))}月`, value: row[i] ?? 0 })),
        format: (v) => formatValue(flow.unit, v, flow.decimals),
      });
    }
  }

  doc.heading(`${chineseNumber(section)}、说明`, 2);
  for (const e of entries) doc.paragraph(`${values.get(e.key)!.name}：${e.definition.zh}`, { size: 9, color: '#666666' });
  return doc.finish();
}
