import { z } from 'zod';
import { orgTypes } from './domain';

/** Figures (数据中心): the indicator catalogue, values by period and org, drill-down, targets, the screen. */
export const indicatorUnits = ['count', 'people', 'person_times', 'fen', 'percent', 'm2', 'stars'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];
export const periodKinds = ['day', 'week', 'month', 'quarter', 'year', 'range'] as const;
export type PeriodKindName = (typeof periodKinds)[number];

const localized = z.object({ zh: z.string(), en: z.string() });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'DATE_INVALID' });
const indicatorKey = z.string().regex(/^[a-z][a-z0-9_]*\.[a-z0-9_.]+$/, { error: 'INDICATOR_KEY_INVALID' }).max(80);

export const indicatorDimensionSchema = z.object({ key: z.string(), name: localized, values: z.array(z.object({ value: z.string(), label: localized })) });
export const indicatorInfoSchema = z.object({
  key: z.string(),
  module: z.string(),
  name: localized,
  unit: z.enum(indicatorUnits),
  definition: localized,
  kind: z.enum(['flow', 'stock', 'ratio', 'sum', 'query']),
  /** Computed as of now whatever the period (e.g. stations with a door now). */
  isCurrentOnly: z.boolean(),
  dimensions: z.array(indicatorDimensionSchema),
  countsAsService: z.boolean(),
  isHeadline: z.boolean(),
  hasTarget: z.boolean(),
  decimals: z.number().int(),
});
export type IndicatorInfo = z.infer<typeof indicatorInfoSchema>;
export const indicatorCatalogueSchema = z.object({
  sections: z.array(z.object({ module: z.string(), title: localized, order: z.number(), indicators: z.array(indicatorInfoSchema) })),
});
export type IndicatorCatalogue = z.infer<typeof indicatorCatalogueSchema>;

/** Which period: `period=year&date=2026-12-05` (the period containing that day; default today) or `period=range&from=…&to=…`. */
export const periodQuerySchema = z.object({
  period: z.enum(periodKinds).default('year'),
  date: isoDay.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
});
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

/** Dimension filters as `filter=employmentForm:courier,delivery_rider;migrant:yes`. */
const filterParam = z
  .string()
  .max(500)
  .regex(/^([a-zA-Z][a-zA-Z0-9]*:[\w,-]+)(;[a-zA-Z][a-zA-Z0-9]*:[\w,-]+)*$/, { error: 'FILTER_INVALID' })
  .optional();

export const indicatorValuesQuerySchema = periodQuerySchema.extend({
  /** Comma-separated indicator keys; without it, the headline indicators. */
  keys: z.string().max(4000).optional(),
  /** An org id or code; without it, the top of the caller's scope. */
  org: z.string().min(1).max(80).optional(),
  filter: filterParam,
});
export type IndicatorValuesQuery = z.infer<typeof indicatorValuesQuerySchema>;

export const indicatorBreakdownQuerySchema = periodQuerySchema.extend({
  org: z.string().min(1).max(80).optional(),
  /** `child` (the org's children, plus 本级 for its own records) or a dimension key. */
  by: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { error: 'BY_INVALID' }).default('child'),
  filter: filterParam,
});
export type IndicatorBreakdownQuery = z.infer<typeof indicatorBreakdownQuerySchema>;
export const indicatorKeyParamsSchema = z.object({ key: indicatorKey });

const periodSchema = z.object({ kind: z.enum(periodKinds), from: z.string(), to: z.string(), label: z.string() });
const compareSchema = z.object({ from: z.string(), to: z.string(), value: z.number().nullable(), change: z.number().nullable(), rate: z.number().nullable() });
const orgBriefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.enum(orgTypes) });

export const indicatorValueSchema = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.enum(indicatorUnits),
  decimals: z.number().int(),
  value: z.number().nullable(),
  /** 环比: the period before, like for like when the period is to date. */
  previous: compareSchema.nullable(),
  /** 同比: the same period a year earlier, like for like. */
  lastYear: compareSchema.nullable(),
  target: z.object({ year: z.number().int(), value: z.number(), yearToDate: z.number().nullable(), progress: z.number().nullable() }).nullable(),
  isCurrentOnly: z.boolean(),
  asOf: z.string(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorValuesSchema = z.object({
  org: orgBriefSchema,
  period: periodSchema.extend({ isToDate: z.boolean() }),
  today: z.string(),
  asOf: z.string(),
  items: z.array(indicatorValueSchema),
});
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;

export const indicatorBreakdownSchema = z.object({
  org: orgBriefSchema,
  period: periodSchema.extend({ isToDate: z.boolean() }),
  indicator: z.object({ key: z.string(), name: z.string(), unit: z.enum(indicatorUnits), decimals: z.number().int() }),
  by: z.string(),
  byName: z.string(),
  /** Whether the rows add up to the total (counts and money do; ratios and averages do not). */
  isAdditive: z.boolean(),
  total: z.number().nullable(),
  lastYearTotal: z.number().nullable(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      org: orgBriefSchema.nullable(),
      /** The org's own records, not those of its children (本级). */
      isOwn: z.boolean(),
      value: z.number().nullable(),
      lastYear: z.number().nullable(),
      rate: z.number().nullable(),
    }),
  ),
  asOf: z.string(),
});
export type IndicatorBreakdown = z.infer<typeof indicatorBreakdownSchema>;

export const indicatorTrendSchema = z.object({
  org: orgBriefSchema,
  indicator: z.object({ key: z.string(), name: z.string(), unit: z.enum(indicatorUnits), decimals: z.number().int() }),
  granularity: z.enum(['day', 'month']),
  points: z.array(z.object({ from: z.string(), to: z.string(), label: z.string(), value: z.number().nullable(), lastYear: z.number().nullable() })),
  asOf: z.string(),
});
export type IndicatorTrend = z.infer<typeof indicatorTrendSchema>;

export const putIndicatorTargetSchema = z.object({
  org: z.string().min(1).max(80),
  year: z.number().int().min(2000).max(2100),
  value: z.number().finite().min(0).max(1e15),
  note: z.string().trim().max(200).nullable().optional(),
  /** The version it replaces (omit when setting a new target). */
  version: z.number().int().min(1).optional(),
});
export type PutIndicatorTarget = z.infer<typeof putIndicatorTargetSchema>;
export const indicatorTargetSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  org: orgBriefSchema,
  year: z.number().int(),
  value: z.number(),
  note: z.string().nullable(),
  setByName: z.string().nullable(),
  source: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;
export const indicatorTargetsQuerySchema = z.object({ org: z.string().min(1).max(80).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

export const yearlyReportQuerySchema = z.object({ org: z.string().min(1).max(80).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

/** The system page: health, database, version, jobs and the state of every series. */
export const systemStatusSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  dbLatencyMs: z.number(),
  uptimeSeconds: z.number(),
  jobs: z.array(z.object({ status: z.string(), count: z.number().int() })),
  series: z.array(
    z.object({ key: z.string(), isSynced: z.boolean(), rows: z.number(), builtAt: z.string().nullable(), verifiedAt: z.string().nullable(), verifyMismatches: z.number().int().nullable() }),
  ),
  now: z.string(),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;
export const verifyJobSchema = z.object({ jobId: z.uuid() });

/** The public district screen: figures without any personal data. */
export const screenQuerySchema = z.object({ org: z.string().trim().min(1).max(80).optional() });
const screenCounter = z.object({ key: z.string(), label: z.string(), value: z.number().nullable(), unit: z.enum(indicatorUnits), note: z.string().nullable() });
export const screenSummarySchema = z.object({
  org: orgBriefSchema,
  counters: z.array(screenCounter),
  target: z.object({ label: z.string(), value: z.number(), done: z.number(), progress: z.number() }).nullable(),
  trends: z.array(z.object({ key: z.string(), label: z.string(), unit: z.enum(indicatorUnits), points: z.array(z.object({ label: z.string(), value: z.number().nullable(), lastYear: z.number().nullable() })) })),
  rankings: z.array(z.object({ key: z.string(), label: z.string(), unit: z.enum(indicatorUnits), rows: z.array(z.object({ name: z.string(), value: z.number() })) })),
  activity: z.array(z.object({ id: z.string(), at: z.string(), kind: z.enum(['entry', 'sale', 'breakfast', 'member']), text: z.string() })),
  asOf: z.string(),
});
export type ScreenSummary = z.infer<typeof screenSummarySchema>;
/** The screen's map: the district outline (GeoJSON, WGS-84) and the stations in service; fetched apart, it changes rarely. */
export const screenMapSchema = z.object({
  org: orgBriefSchema,
  outline: z.unknown().nullable(),
  stations: z.array(
    z.object({ code: z.string(), name: z.string(), type: z.string(), lng: z.number(), lat: z.number(), isSmart: z.boolean(), isCommerceSustained: z.boolean(), isOpen24h: z.boolean() }),
  ),
});
export type ScreenMap = z.infer<typeof screenMapSchema>;
