/**
 * The indicator catalogue (指标目录): every figure the union reports, declared once in the module
 * that owns its records, computed from those records for any period and any part of the org tree.
 *
 * A module declares **series** (what its records contribute, as SQL over its own tables) and
 * **indicators** (named figures over series, ratios or sums of other indicators, or a computed
 * query), exports them from its index.ts and is listed once in `apps/server/src/catalogue.ts`.
 * At start-up (`syncIndicatorSeries`, after the migrations) the platform installs one statement
 * trigger per source table that keeps `indicator_rollup` exact in the same transaction as the
 * records, and rebuilds any series whose SQL changed. `modules/figures` serves them: the
 * `/api/v1/indicators` API, 数据中心, the yearly report, the big screen and the 工作台.
 *
 * Example — the market module (a later one) registering orders and a completion rate:
 *
 * ```ts
 * // modules/market/market.indicators.ts
 * import { defineIndicators } from '../../platform/indicators';
 *
 * export const marketIndicators = defineIndicators({
 *   module: 'market',
 *   section: { zh: '职工服务自选超市', en: 'Service marketplace' },
 *   order: 60,
 *   dimensions: [{ key: 'category', name: { zh: '服务类别', en: 'Category' },
 *                  values: { skills: { zh: '技能提升', en: 'Skills' }, health: { zh: '健康关怀', en: 'Health' } } }],
 *   series: [{
 *     key: 'market.orders',                         // <module>.<name>
 *     tables: { o: 'market_order', p: 'market_project' },
 *     from: '{o} o join {p} p on p.id = o.project_id',
 *     org: 'o.org_id',                              // the org that ordered (an org.id)
 *     dims: { category: 'p.category' },
 *     events: [{ at: 'o.ordered_at', value: '1', where: "o.status <> 'cancelled'" }],
 *   }, {
 *     key: 'market.delivered',
 *     tables: { o: 'market_order' }, from: '{o} o', org: 'o.org_id',
 *     events: [{ at: 'o.delivered_at', value: 'o.headcount', where: "o.status = 'delivered'" }],
 *   }],
 *   indicators: [
 *     { key: 'market.orders', name: { zh: '服务点单', en: 'Orders' }, unit: 'count',
 *       definition: { zh: '期内下单（未取消）的服务项目数。', en: 'Orders placed in the period, not cancelled.' },
 *       compute: { kind: 'flow', series: 'market.orders' }, dimensions: ['category'], isHeadline: true, hasTarget: true },
 *     { key: 'market.served', name: { zh: '服务人次', en: 'People served' }, unit: 'person_times',
 *       definition: { zh: '期内完成服务的参与人次。', en: 'Participants of orders delivered in the period.' },
 *       compute: { kind: 'flow', series: 'market.delivered' }, countsAsService: true },   // adds to 服务人次
 *     { key: 'market.delivery_rate', name: { zh: '履约率', en: 'Delivered share' }, unit: 'percent', decimals: 1,
 *       definition: { zh: '已完成 ÷ 点单 × 100%。', en: 'Delivered ÷ ordered × 100%.' },
 *       compute: { kind: 'ratio', numerator: 'market.served', denominator: 'market.orders', scale: 100 } },
 *   ],
 * });
 * ```
 * Then add `marketIndicators` to the list in `apps/server/src/catalogue.ts`, restart (the series
 * is built from the existing records), and `catalogue.int.test.ts` asks for a hand-counted value
 * of each new indicator in its fixture.
 *
 * Rules for series SQL: linear (one event per row of each table: joins, filters, CASE, UNION of
 * `events`; no GROUP BY, DISTINCT, LIMIT or subqueries over the source tables), every column
 * written `alias.column`, `at` a timestamptz, `org` an org id. What cannot be written that way
 * (stars computed on read, a coverage run's share, "stations with a door now") is a `query`
 * indicator: `compute: { kind: 'query', periodic, evaluate(ctx) }`, evaluated on each request.
 *
 * Targets: an indicator with `hasTarget: true` can carry a yearly target per org
 * (`setIndicatorTarget` in modules/figures; organizing sets them); answers then include the
 * target and the progress (完成年度目标 86%).
 */
export { defineIndicators, type DimensionDef, type IndicatorCompute, type IndicatorDef, type IndicatorModule, type IndicatorUnit, type Localized, type QueryContext, type QueryResult, type SeriesDef } from './types';
export { createCatalogue, type Catalogue, type CatalogueEntry } from './catalogue';
export {
  PERIOD_KINDS,
  addDays,
  addYears,
  comparePeriods,
  daysBetween,
  isIsoDay,
  periodContaining,
  periodLabel,
  previousPeriod,
  lastYearPeriod,
  rangePeriod,
  shanghaiDayOf,
  shanghaiDayStart,
  trendBuckets,
  type Comparison,
  type Period,
  type PeriodKind,
} from './periods';
export { CHANGE_CHANNEL, dimKeysOf, factSql, seriesHash } from './series-sql';
export {
  listSeriesState,
  rebuildSeries,
  sumDirect,
  sumFlows,
  sumStocks,
  syncIndicatorSeries,
  verifySeries,
  type DayRange,
  type DimFilter,
  type GroupBy,
  type SubtreeQuery,
  type SyncResult,
} from './rollup.repository';
export * from './indicators.tables';
