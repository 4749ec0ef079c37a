import type {
  IndicatorBreakdown,
  IndicatorBreakdownQuery,
  IndicatorCatalogue,
  IndicatorTrend,
  IndicatorValue,
  IndicatorValues,
  IndicatorValuesQuery,
  OrgType,
  PeriodQuery,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import {
  comparePeriods,
  daysBetween,
  lastYearPeriod,
  listSeriesState,
  periodContaining,
  periodLabel,
  rangePeriod,
  seriesHash,
  shanghaiDayOf,
  trendBuckets,
  type Catalogue,
  type CatalogueEntry,
  type Comparison,
  type Period,
} from '../../platform/indicators';
import { fieldError } from '../../platform/validation';
import { createEvaluator, isAdditive, isCurrentOnly, type Filters, type Grouping } from './evaluate';
import * as repo from './figures.repository';
import type { OrgNode } from './figures.repository';
import './figures.errors';

export type FiguresDeps = { db: Db; catalogue: Catalogue; clock?: () => Date };

const text = (lang: Lang, l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);
export const orgBrief = (o: OrgNode) => ({ id: o.id, code: o.code, name: o.name, type: o.type as OrgType });

/** `employmentForm:courier,delivery_rider;migrant:yes` → { employmentForm: [...], migrant: [...] } */
export function parseFilters(value: string | undefined): Filters {
  const filters: Filters = {};
  if (!value) return filters;
  for (const part of value.split(';')) {
    const [dim, list] = part.split(':');
    if (dim && list) filters[dim] = list.split(',').filter(Boolean);
  }
  return filters;
}

/** The period a query asks for (default: the year containing today), checked. */
export function parsePeriod(q: PeriodQuery, today: string): Period {
  if (q.period === 'range') {
    if (!q.from || !q.to) throw fieldError(q.from ? 'to' : 'from', 'FIGURES_PERIOD_RANGE_REQUIRED');
    if (q.from > q.to) throw fieldError('to', 'FIGURES_PERIOD_RANGE_ORDER');
    if (daysBetween(q.from, q.to) > 3660) throw fieldError('to', 'FIGURES_PERIOD_RANGE_TOO_LONG');
    return rangePeriod(q.from, q.to);
  }
  return periodContaining(q.period, q.date ?? today);
}

const rateOf = (unit: string, value: number | null, base: number | null) => (unit === 'percent' || value === null || !base ? null : (value - base) / Math.abs(base));
const changeOf = (value: number | null, base: number | null) => (value === null || base === null ? null : value - base);

/**
 * Figures for staff and integrators: the catalogue, values with their comparisons and targets,
 * drill-down by child org or dimension, trends. Scope: the org asked for must lie in the caller's
 * `figures.read` subtrees (else 404, as everywhere); its whole subtree is counted.
 */
export function createFiguresService({ db, catalogue, clock = () => new Date() }: FiguresDeps) {
  const evaluator = createEvaluator(db, catalogue);
  let seriesState: { at: number; hashes: Map<string, string> } | null = null;

  /** A series whose stored definition differs from the code is being rebuilt: say so, never answer from it. */
  async function ensureReady(keys: string[]) {
    const needed = new Set<string>();
    const collect = (key: string) => {
      const c = catalogue.get(key)?.compute;
      if (!c) return;
      if (c.kind === 'flow' || c.kind === 'stock') needed.add(c.series);
      if (c.kind === 'ratio') [c.numerator, c.denominator].forEach(collect);
      if (c.kind === 'sum') c.of.forEach(collect);
    };
    keys.forEach(collect);
    if (needed.size === 0) return;
    const isFresh = (s: typeof seriesState) => s && Date.now() - s.at < 30_000 && [...needed].every((k) => s.hashes.get(k) === seriesHash(catalogue.series.get(k)!));
    if (isFresh(seriesState)) return;
    seriesState = { at: Date.now(), hashes: new Map((await listSeriesState(db)).map((r) => [r.key, r.hash])) };
    for (const k of needed) {
      if (seriesState.hashes.get(k) !== seriesHash(catalogue.series.get(k)!)) {
        seriesState = null;
        throw new AppError('FIGURES_NOT_READY', { status: 503, params: { key: k }, headers: { 'retry-after': '30' } });
      }
    }
  }

  function getIndicator(key: string): CatalogueEntry {
    const ind = catalogue.get(key);
    if (!ind) throw notFound('ENTITY_indicator');
    return ind;
  }

  /** The org asked for (id or code), or the top of the caller's scope; 404 outside the scope. */
  async function resolveOrg(idOrCode: string | undefined, scope: Scope): Promise<OrgNode> {
    if (!idOrCode) {
      const top = scope === 'all' ? await repo.findRootOrg(db) : await repo.findOrgNodeByPath(db, scope[0] ?? '');
      if (!top) throw notFound('ENTITY_org');
      return top;
    }
    const node = await repo.findOrgNode(db, idOrCode);
    if (!node || !isInScope(scope, node.path)) throw notFound('ENTITY_org');
    return node;
  }

  const today = () => shanghaiDayOf(clock());

  async function valueOf(ind: CatalogueEntry, org: OrgNode, cmp: Comparison, filters: Filters, lang: Lang): Promise<IndicatorValue> {
    const t = today();
    const asked = clock();
    const { values, dataAsOf } = await evaluator.evaluate(ind.key, org, [cmp.current, cmp.previous, cmp.lastYear], { by: 'none' }, filters, t);
    const [value = null, previous = null, lastYear = null] = values.get('') ?? [0, 0, 0];
    const currentOnly = isCurrentOnly(ind);
    const compare = (p: Period, base: number | null) => (currentOnly ? null : { from: p.from, to: p.to, value: base, change: changeOf(value, base), rate: rateOf(ind.unit, value, base) });
    let target: IndicatorValue['target'] = null;
    if (ind.hasTarget) {
      const year = Number(cmp.current.to.slice(0, 4));
      const row = await repo.findTarget(db, ind.key, org.id, year);
      if (row) {
        const yearToDate =
          cmp.current.kind === 'year'
            ? value
            : ((await evaluator.evaluate(ind.key, org, [{ kind: 'range', from: `${year}-01-01`, to: cmp.current.to }], { by: 'none' }, filters, t)).values.get('')?.[0] ?? 0);
        target = { year, value: row.value, yearToDate, progress: yearToDate === null || !row.value ? null : yearToDate / row.value };
      }
    }
    return {
      key: ind.key,
      name: text(lang, ind.name),
      unit: ind.unit,
      decimals: ind.decimals ?? 0,
      value,
      previous: compare(cmp.previous, previous),
      lastYear: compare(cmp.lastYear, lastYear),
      target,
      isCurrentOnly: currentOnly,
      asOf: (dataAsOf && dataAsOf < asked ? dataAsOf : asked).toISOString(),
    };
  }

  function periodOut(cmp: Comparison, lang: Lang) {
    return { kind: cmp.current.kind, from: cmp.current.from, to: cmp.current.to, label: periodLabel(cmp.current, lang), isToDate: cmp.isToDate };
  }

  function headlineKeys(): string[] {
    return [...catalogue.indicators.values()].filter((i) => i.isHeadline).sort(byCatalogueOrder).map((i) => i.key);
  }

  return {
    catalogue,
    resolveOrg,
    today,
    headlineKeys,

    getCatalogue(): IndicatorCatalogue {
      const modules = [...catalogue.modules].sort((a, b) => a.order - b.order);
      return {
        sections: modules.map((m) => ({
          module: m.module,
          title: m.section,
          order: m.order,
          indicators: m.indicators.map((i) => {
            const ind = catalogue.get(i.key)!;
            return {
              key: ind.key,
              module: ind.module,
              name: ind.name,
              unit: ind.unit,
              definition: ind.definition,
              kind: ind.compute.kind,
              isCurrentOnly: isCurrentOnly(ind),
              dimensions: (ind.dimensions ?? []).map((d) => {
                const def = catalogue.dimensions.get(d)!;
                return { key: d, name: def.name, values: Object.entries(def.values).map(([value, label]) => ({ value, label })) };
              }),
              countsAsService: !!ind.countsAsService,
              isHeadline: !!ind.isHeadline,
              hasTarget: !!ind.hasTarget,
              decimals: ind.decimals ?? 0,
            };
          }),
        })),
      };
    },

    /** Values of several indicators for one org and period, with 环比, 同比 and targets. */
    async getValues(q: IndicatorValuesQuery, scope: Scope, lang: Lang): Promise<IndicatorValues> {
      const keys = q.keys ? [...new Set(q.keys.split(',').map((k) => k.trim()).filter(Boolean))] : headlineKeys();
      const indicators = keys.map(getIndicator);
      await ensureReady(keys);
      const org = await resolveOrg(q.org, scope);
      const t = today();
      const cmp = comparePeriods(parsePeriod(q, t), t);
      const filters = parseFilters(q.filter);
      const items: IndicatorValue[] = [];
      for (const ind of indicators) items.push(await valueOf(ind, org, cmp, filters, lang));
      const asOf = items.reduce((m, i) => (i.asOf < m ? i.asOf : m), clock().toISOString());
      return { org: orgBrief(org), period: periodOut(cmp, lang), today: t, asOf, items };
    },

    /** One indicator split by the org's children (plus 本级) or by a dimension, this period and a year earlier. */
    async getBreakdown(key: string, q: IndicatorBreakdownQuery, scope: Scope, lang: Lang): Promise<IndicatorBreakdown> {
      const ind = getIndicator(key);
      await ensureReady([key]);
      const org = await resolveOrg(q.org, scope);
      const t = today();
      const cmp = comparePeriods(parsePeriod(q, t), t);
      const filters = parseFilters(q.filter);
      const asked = clock();
      const children = q.by === 'child' ? await repo.listChildren(db, org.id) : [];
      const grouping: Grouping = q.by === 'child' ? { by: 'child', children } : { by: 'dim', dim: q.by };
      const periods = [cmp.current, cmp.lastYear];
      const [split, whole] = await Promise.all([
        evaluator.evaluate(key, org, periods, grouping, filters, t),
        evaluator.evaluate(key, org, periods, { by: 'none' }, filters, t),
      ]);
      const row = (k: string) => split.values.get(k) ?? (isAdditive(ind) ? [0, 0] : [null, null]);
      let rows: IndicatorBreakdown['rows'];
      let byName: string;
      if (grouping.by === 'child') {
        byName = lang === 'en' ? 'Organisation' : '下级组织';
        rows = children.map((c) => {
          const [value = null, lastYear = null] = row(c.id);
          return { key: c.id, label: c.name, org: orgBrief(c), isOwn: false, value, lastYear, rate: rateOf(ind.unit, value, lastYear) };
        });
        const [own = null, ownLastYear = null] = row('');
        if (isAdditive(ind) || own !== null) rows.push({ key: '', label: lang === 'en' ? `${org.name} (own)` : `${org.name}（本级）`, org: orgBrief(org), isOwn: true, value: own, lastYear: ownLastYear, rate: rateOf(ind.unit, own, ownLastYear) });
      } else {
        const dim = catalogue.dimensions.get(grouping.dim)!;
        byName = text(lang, dim.name);
        const known = Object.keys(dim.values);
        const keys = [...known.filter((k) => split.values.has(k) || isAdditive(ind)), ...[...split.values.keys()].filter((k) => !known.includes(k))];
        rows = keys.map((k) => {
          const [value = null, lastYear = null] = row(k);
          const label = dim.values[k] ? text(lang, dim.values[k]) : k || (lang === 'en' ? 'Not given' : '未填写');
          return { key: k, label, org: null, isOwn: false, value, lastYear, rate: rateOf(ind.unit, value, lastYear) };
        });
      }
      const [total = null, lastYearTotal = null] = whole.values.get('') ?? [0, 0];
      const asOf = split.dataAsOf && split.dataAsOf < asked ? split.dataAsOf : asked;
      return {
        org: orgBrief(org),
        period: periodOut(cmp, lang),
        indicator: { key, name: text(lang, ind.name), unit: ind.unit, decimals: ind.decimals ?? 0 },
        by: q.by,
        byName,
        isAdditive: isAdditive(ind),
        total,
        lastYearTotal,
        rows,
        asOf: asOf.toISOString(),
      };
    },

    /** The indicator per month (or per day for short periods) through the period, beside a year earlier. */
    async getTrend(key: string, q: PeriodQuery & { org?: string | undefined; filter?: string | undefined }, scope: Scope, lang: Lang): Promise<IndicatorTrend> {
      const ind = getIndicator(key);
      await ensureReady([key]);
      const org = await resolveOrg(q.org, scope);
      const t = today();
      const cmp = comparePeriods(parsePeriod(q, t), t);
      const asked = clock();
      const { granularity, buckets } = trendBuckets(cmp.isFuture ? cmp.current : { ...cmp.current, to: cmp.current.to });
      const lastYear = buckets.map(lastYearShift);
      const filters = parseFilters(q.filter);
      const { values, dataAsOf } =
        isCurrentOnly(ind) ? { values: new Map<string, (number | null)[]>(), dataAsOf: null } : await evaluator.evaluate(key, org, [...buckets, ...lastYear], { by: 'none' }, filters, t);
      const row = values.get('') ?? [];
      return {
        org: orgBrief(org),
        indicator: { key, name: text(lang, ind.name), unit: ind.unit, decimals: ind.decimals ?? 0 },
        granularity,
        points: buckets.map((b, i) => ({
          from: b.from,
          to: b.to,
          label: granularity === 'month' ? (lang === 'en' ? b.from.slice(0, 7) : `${Number(b.from.slice(5, 7))}月`) : b.from.slice(5),
          value: row[i] ?? (isAdditive(ind) ? 0 : null),
          lastYear: row[buckets.length + i] ?? (isAdditive(ind) ? 0 : null),
        })),
        asOf: (dataAsOf && dataAsOf < asked ? dataAsOf : asked).toISOString(),
      };
    },

    /** Evaluates for in-process callers (the screen, the report, the 工作台): no scope, the org given. */
    evaluate: evaluator.evaluate,
    valueOf: (key: string, org: OrgNode, cmp: Comparison, lang: Lang) => valueOf(getIndicator(key), org, cmp, {}, lang),
    ensureReady,
    childrenOf: (org: OrgNode) => repo.listChildren(db, org.id),
  };
}

/** The same bucket a year earlier (a month stays a month, a day a day). */
function lastYearShift(b: Period): Period {
  const shifted = lastYearPeriod({ kind: 'range', from: b.from, to: b.to });
  return { ...shifted, kind: b.kind };
}

export function byCatalogueOrder(a: CatalogueEntry, b: CatalogueEntry): number {
  return a.sectionOrder - b.sectionOrder || a.order - b.order;
}

export type FiguresService = ReturnType<typeof createFiguresService>;
