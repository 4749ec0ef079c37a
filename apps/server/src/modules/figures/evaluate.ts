import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { dimKeysOf, sumFlows, sumStocks, type Catalogue, type CatalogueEntry, type DimFilter, type GroupBy, type Period } from '../../platform/indicators';
import type { OrgNode } from './figures.repository';

/** How values are split: one total, by the org's children (+ '' for its own records), or by a dimension. */
export type Grouping = { by: 'none' } | { by: 'child'; children: OrgNode[] } | { by: 'dim'; dim: string };
export type Filters = Record<string, string[]>;
export type Evaluation = {
  /** group key → value per period (null: not defined, e.g. a ratio over 0). */
  values: Map<string, (number | null)[]>;
  /** The oldest "as of" of the data used, when older than now (a coverage run's finish time). */
  dataAsOf: Date | null;
};

const ADDITIVE_UNITS = new Set(['count', 'people', 'person_times', 'fen', 'm2']);

/** Whether an indicator's breakdown rows add up to its total. */
export function isAdditive(ind: CatalogueEntry): boolean {
  return ADDITIVE_UNITS.has(ind.unit) && ind.compute.kind !== 'ratio';
}

export function isCurrentOnly(ind: CatalogueEntry): boolean {
  return ind.compute.kind === 'query' && !ind.compute.periodic;
}

function mergeFilters(own: Filters | undefined, asked: Filters, dims: string[]): DimFilter {
  const merged = new Map<string, string[]>();
  for (const [k, v] of Object.entries(own ?? {})) merged.set(k, v);
  for (const [k, v] of Object.entries(asked)) {
    if (!dims.includes(k)) continue;
    const before = merged.get(k);
    merged.set(k, before ? before.filter((x) => v.includes(x)) : v);
  }
  return [...merged].map(([k, v]) => [dims.indexOf(k) + 1, v]);
}

const minDate = (a: Date | null, b: Date | null | undefined) => (a && b ? (a < b ? a : b) : (a ?? b ?? null));

/**
 * Evaluates indicators over an org subtree for several periods at once, grouped as asked: series
 * from the rollups (one query for all periods), ratios and sums from their parts, computed ones
 * by calling the module's query. The same code serves the API, 数据中心, the report and the screen.
 */
export function createEvaluator(db: Db, catalogue: Catalogue) {
  async function evaluate(key: string, org: OrgNode, periods: Period[], grouping: Grouping, filters: Filters, today: string): Promise<Evaluation> {
    const ind = catalogue.get(key);
    if (!ind) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_indicator' } });
    const c = ind.compute;
    switch (c.kind) {
      case 'flow':
      case 'stock': {
        const def = catalogue.series.get(c.series)!;
        const dims = dimKeysOf(def);
        let groupBy: GroupBy = { by: 'none' };
        if (grouping.by === 'child') groupBy = { by: 'child' };
        if (grouping.by === 'dim') {
          if (!dims.includes(grouping.dim) || !(ind.dimensions ?? []).includes(grouping.dim)) throw badDimension(grouping.dim);
          groupBy = { by: 'dim', index: dims.indexOf(grouping.dim) + 1 };
        }
        const q = { series: c.series, path: org.path, filter: mergeFilters(c.filter, filters, dims), groupBy };
        const sums =
          c.kind === 'flow'
            ? await sumFlows(db, q, periods)
            : await sumStocks(
                db,
                q,
                periods.map((p) => p.to),
              );
        // Nothing counted is zero, not unknown.
        if (grouping.by === 'none' && !sums.has(''))
          sums.set(
            '',
            periods.map(() => 0),
          );
        return { values: new Map([...sums].map(([g, v]) => [g, v])), dataAsOf: null };
      }
      case 'ratio': {
        const [num, den] = await Promise.all([evaluate(c.numerator, org, periods, grouping, filters, today), evaluate(c.denominator, org, periods, grouping, filters, today)]);
        const values = new Map<string, (number | null)[]>();
        for (const g of new Set([...num.values.keys(), ...den.values.keys()])) {
          const n = num.values.get(g);
          const d = den.values.get(g);
          values.set(
            g,
            periods.map((_, i) => {
              const dv = d?.[i] ?? 0;
              const nv = n?.[i] ?? 0;
              return dv ? (nv / dv) * (c.scale ?? 1) : null;
            }),
          );
        }
        return { values, dataAsOf: minDate(num.dataAsOf, den.dataAsOf) };
      }
      case 'sum': {
        // A sum of plain flows (服务人次) is one pass over the subtree, not one per part.
        const flows = c.of.map((k) => catalogue.get(k)?.compute);
        if (grouping.by !== 'dim' && flows.length > 1 && flows.every((f) => f?.kind === 'flow')) {
          const sources = flows.map((f) => {
            const dims = dimKeysOf(catalogue.series.get(f.series)!);
            return { series: f.series, filter: mergeFilters(f.filter, filters, dims) };
          });
          const [first, ...more] = sources;
          const sums = await sumFlows(db, { ...first!, path: org.path, groupBy: grouping.by === 'child' ? { by: 'child' } : { by: 'none' }, more }, periods);
          if (grouping.by === 'none' && !sums.has(''))
            sums.set(
              '',
              periods.map(() => 0),
            );
          return { values: new Map([...sums].map(([g, v]) => [g, v])), dataAsOf: null };
        }
        const parts = await Promise.all(c.of.map((k) => evaluate(k, org, periods, grouping, filters, today)));
        const values = new Map<string, (number | null)[]>();
        let dataAsOf: Date | null = null;
        for (const part of parts) {
          dataAsOf = minDate(dataAsOf, part.dataAsOf);
          for (const [g, v] of part.values) {
            const acc = values.get(g) ?? periods.map(() => null);
            values.set(
              g,
              acc.map((a, i) => (v[i] === null || v[i] === undefined ? a : (a ?? 0) + v[i])),
            );
          }
        }
        return { values, dataAsOf };
      }
      case 'query': {
        if (grouping.by === 'dim') throw badDimension(grouping.dim);
        const at = async (node: OrgNode) => {
          const row: (number | null)[] = [];
          let asOf: Date | null = null;
          for (const [i, p] of periods.entries()) {
            if (!c.periodic && i > 0) {
              row.push(null);
              continue;
            }
            const to = p.to > today ? today : p.to;
            const r = await c.evaluate({ db, org: node, from: p.from, to, today, filters });
            row.push(r.value);
            asOf = minDate(asOf, r.asOf);
          }
          return { row, asOf };
        };
        if (grouping.by === 'none') {
          const { row, asOf } = await at(org);
          return { values: new Map([['', row]]), dataAsOf: asOf };
        }
        // By child: each child's own answer; the parent's own records are what the children leave.
        const values = new Map<string, (number | null)[]>();
        let dataAsOf: Date | null = null;
        for (const child of grouping.children) {
          const { row, asOf } = await at(child);
          values.set(child.id, row);
          dataAsOf = minDate(dataAsOf, asOf);
        }
        if (isAdditive(ind)) {
          const whole = await at(org);
          values.set(
            '',
            whole.row.map((v, i) => (v === null ? null : v - [...values.values()].reduce((s, r) => s + (r[i] ?? 0), 0))),
          );
        }
        return { values, dataAsOf };
      }
    }
  }
  return { evaluate };
}

function badDimension(dim: string) {
  return new AppError('FIGURES_DIMENSION_UNSUPPORTED', { status: 400, params: { dim }, errors: [{ path: 'by', message: 'FIGURES_DIMENSION_UNSUPPORTED' }] });
}

export type Evaluator = ReturnType<typeof createEvaluator>;
