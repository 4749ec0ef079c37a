import { dimKeysOf, validateSeries } from './series-sql';
import type { DimensionDef, IndicatorDef, IndicatorModule, SeriesDef } from './types';

export type CatalogueEntry = IndicatorDef & { module: string; sectionOrder: number; order: number };

/** Every module's indicators, checked once at start-up; the one list the API, the screen and the report read. */
export type Catalogue = {
  modules: readonly IndicatorModule[];
  series: ReadonlyMap<string, SeriesDef>;
  indicators: ReadonlyMap<string, CatalogueEntry>;
  dimensions: ReadonlyMap<string, DimensionDef>;
  get(key: string): CatalogueEntry | undefined;
  /** The series dims an indicator can be broken down by (its own dimensions, in series order). */
  dimensionsOf(key: string): string[];
  /** Indicators counted as 服务人次 (people served). */
  serviceKeys(): string[];
};

const KEY = /^[a-z][a-z0-9_]*\.[a-z0-9_.]+$/;

/**
 * Builds and checks the catalogue: unique keys, series that exist, ratios and sums over known
 * indicators without cycles, dimensions their series carry. A broken declaration stops the
 * server at start (and fails every test), never a figure on a screen.
 */
export function createCatalogue(modules: readonly IndicatorModule[]): Catalogue {
  const problems: string[] = [];
  const series = new Map<string, SeriesDef>();
  const indicators = new Map<string, CatalogueEntry>();
  const dimensions = new Map<string, DimensionDef>();
  for (const m of modules) {
    for (const s of m.series) {
      problems.push(...validateSeries(s));
      if (series.has(s.key)) problems.push(`series ${s.key} declared twice`);
      series.set(s.key, s);
    }
    for (const d of m.dimensions ?? []) dimensions.set(d.key, d);
    m.indicators.forEach((ind, order) => {
      if (!KEY.test(ind.key)) problems.push(`indicator key "${ind.key}" must look like module.name`);
      if (indicators.has(ind.key)) problems.push(`indicator ${ind.key} declared twice`);
      indicators.set(ind.key, { ...ind, module: m.module, sectionOrder: m.order, order });
    });
  }
  for (const ind of indicators.values()) {
    const c = ind.compute;
    if (c.kind === 'flow' || c.kind === 'stock') {
      const s = series.get(c.series);
      if (!s) problems.push(`${ind.key}: unknown series ${c.series}`);
      const dims = s ? dimKeysOf(s) : [];
      for (const d of [...Object.keys(c.filter ?? {}), ...(ind.dimensions ?? [])]) if (s && !dims.includes(d)) problems.push(`${ind.key}: series ${c.series} has no dimension ${d}`);
    } else if (c.kind === 'ratio') {
      for (const k of [c.numerator, c.denominator]) if (!indicators.has(k)) problems.push(`${ind.key}: unknown indicator ${k}`);
    } else if (c.kind === 'sum') {
      for (const k of c.of) {
        const part = indicators.get(k);
        if (!part) problems.push(`${ind.key}: unknown indicator ${k}`);
        else if (part.unit !== ind.unit) problems.push(`${ind.key}: ${k} is in ${part.unit}, not ${ind.unit}`);
      }
    } else if (ind.dimensions?.length) {
      problems.push(`${ind.key}: computed indicators have no dimensions`);
    }
    for (const d of ind.dimensions ?? []) if (!dimensions.has(d)) problems.push(`${ind.key}: dimension ${d} has no labels (declare it in the module's dimensions)`);
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (key: string, trail: string[]) => {
    if (done.has(key)) return;
    if (visiting.has(key)) {
      problems.push(`indicator cycle: ${[...trail, key].join(' → ')}`);
      return;
    }
    visiting.add(key);
    const c = indicators.get(key)?.compute;
    const deps = c?.kind === 'ratio' ? [c.numerator, c.denominator] : c?.kind === 'sum' ? c.of : [];
    for (const d of deps) visit(d, [...trail, key]);
    visiting.delete(key);
    done.add(key);
  };
  for (const key of indicators.keys()) visit(key, []);
  if (problems.length) throw new Error(`The indicator catalogue is not valid:\n  ${problems.join('\n  ')}`);

  return {
    modules,
    series,
    indicators,
    dimensions,
    get: (key) => indicators.get(key),
    dimensionsOf(key) {
      const ind = indicators.get(key);
      return ind?.dimensions ?? [];
    },
    serviceKeys: () => [...indicators.values()].filter((i) => i.countsAsService).map((i) => i.key),
  };
}
