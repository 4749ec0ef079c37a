import type { Db } from '../../db/client';

/** Text in the two languages of every screen: zh-CN first, English second. */
export type Localized = { zh: string; en: string };

/**
 * What a number counts. `people` are distinct persons (会员人数), `person_times` are visits or
 * services (人次), `fen` is money in integer fen (shown as ¥), `percent` a share 0..100.
 */
export type IndicatorUnit = 'count' | 'people' | 'person_times' | 'fen' | 'percent' | 'm2' | 'stars';

/**
 * A fact series: the rows a module's records contribute to a rolled-up figure, as SQL over its
 * own tables. Every source row yields zero or more events `(org, at, dims, value)`; the platform
 * keeps their sums per (org, Asia/Shanghai day, dims) in `indicator_rollup`, maintained by
 * triggers in the same transaction as the records, and can always recompute them from the same
 * SQL (rebuild, verify, tests).
 *
 * The SQL must be *linear*: each event comes from one row of each table in `from` (joins,
 * filters, CASE; no GROUP BY, DISTINCT, LIMIT, window functions or subqueries over the source
 * tables), and every column is written `alias.column`, so the platform knows which columns a
 * change must touch before it re-counts a row.
 */
export type SeriesDef = {
  /** Stable key, `<module>.<name>`; changing the SQL rebuilds the series at the next start. */
  key: string;
  /** Alias → table. Each table at most once. */
  tables: Record<string, string>;
  /** FROM clause with `{alias}` placeholders: `{m} m join {p} p on p.id = m.person_id`. */
  from: string;
  /** The org the event belongs to (an `org.id`), e.g. `m.org_id`. */
  org: string;
  /** Breakdown columns: dimension key → SQL text expression (nulls become ''). Order is kept. */
  dims?: Record<string, string>;
  /** One or more events per row: when (a timestamptz expression), how much, and when it applies. */
  events: { at: string; value: string; where?: string }[];
  /** Key column of each table (default `id`), to pair old and new rows of an UPDATE. */
  keys?: Record<string, string>;
};

/** Period-independent inputs of a computed (query) indicator. */
export type QueryContext = {
  db: Db;
  org: { id: string; path: string; type: string; divisionCode: string | null };
  /** Inclusive Asia/Shanghai days (YYYY-MM-DD); `to` is never after `today`. */
  from: string;
  to: string;
  today: string;
  /** Dimension filters chosen by the caller (dimension key → allowed values). */
  filters: Record<string, string[]>;
};

export type QueryResult = { value: number | null; asOf?: Date | null };

export type IndicatorCompute =
  /** Sum of a series' events whose day falls in the period (new members, entries, money raised). */
  | { kind: 'flow'; series: string; filter?: Record<string, string[]> }
  /** Sum of a series' events up to the period's last day (members, stations, balance). */
  | { kind: 'stock'; series: string; filter?: Record<string, string[]> }
  /** numerator ÷ denominator (× scale, 100 for percent); null when the denominator is 0. */
  | { kind: 'ratio'; numerator: string; denominator: string; scale?: number }
  /** Sum of other indicators of the same unit. */
  | { kind: 'sum'; of: string[] }
  /**
   * Computed on read by the module (small tables, or figures from another store such as the stars
   * or the coverage runs). `periodic: false` means the value is as of now whatever the period.
   */
  | { kind: 'query'; periodic: boolean; evaluate: (ctx: QueryContext) => Promise<QueryResult> };

export type IndicatorDef = {
  /** Stable key, `<module>.<name>`, as integrators see it: /api/v1/indicators/members.total */
  key: string;
  name: Localized;
  unit: IndicatorUnit;
  /** How the number is counted, in words a union cadre can check (shown in 数据中心 and the report). */
  definition: Localized;
  compute: IndicatorCompute;
  /** Dimensions it can be broken down by, besides period and org (must be dims of its series). */
  dimensions?: string[];
  /** Part of 服务人次 (people served): visits, breakfasts, attendance, orders. */
  countsAsService?: boolean;
  /** Shown on the yearly report, the 工作台 and the screen in this order within its module. */
  isHeadline?: boolean;
  /** Decimals to show (ratios: 1). */
  decimals?: number;
  /** Staff may set a yearly target for it (organizing sets them; screens show 完成年度目标 86%). */
  hasTarget?: boolean;
};

export type DimensionDef = {
  key: string;
  name: Localized;
  /** Labels of known values; unknown values are shown as they are. */
  values: Record<string, Localized>;
};

/** Everything one module contributes to the catalogue. */
export type IndicatorModule = {
  /** The owning module's name (orgs, members, positions, …). */
  module: string;
  /** The section title in 数据中心 and the yearly report (一、组织建设 …). */
  section: Localized;
  /** Position of the section in the report and the catalogue (10, 20, …). */
  order: number;
  series: SeriesDef[];
  indicators: IndicatorDef[];
  dimensions?: DimensionDef[];
};

/** Identity helper that type-checks a module's declarations (see index.ts for an example). */
export function defineIndicators(module: IndicatorModule): IndicatorModule {
  return module;
}
