import { sql } from 'drizzle-orm';
import { bigint, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Rolled-up indicator series: the sum of a series' events per (org, Asia/Shanghai day, dims),
 * maintained by statement triggers in the same transaction as the records (series-sql.ts), so a
 * figure read from here is as current as the records themselves. No foreign key to org: the
 * triggers write here on every sale and door entry, and an org is never deleted (only closed).
 */
export const indicatorRollup = pgTable(
  'indicator_rollup',
  {
    series: text('series').notNull(),
    orgId: uuid('org_id').notNull(),
    day: date('day').notNull(),
    dims: text('dims')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.orgId, t.day, t.dims] })],
);

/**
 * The same sums per calendar month (`month` = its first day, Asia/Shanghai), kept by the same
 * triggers in the same statement: a year's figure reads 12 month rows per (org, dims) and the days
 * at its ragged edges, instead of ~365 day rows — what keeps a district-year answer short at scale.
 */
export const indicatorRollupMonth = pgTable(
  'indicator_rollup_month',
  {
    series: text('series').notNull(),
    orgId: uuid('org_id').notNull(),
    month: date('month').notNull(),
    dims: text('dims')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.orgId, t.month, t.dims] })],
);

/** All-time sums per (series, org, dims): a stock at day D is the total less what came after D. */
export const indicatorTotal = pgTable(
  'indicator_total',
  {
    series: text('series').notNull(),
    orgId: uuid('org_id').notNull(),
    dims: text('dims')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.orgId, t.dims] })],
);

/** The definition each series was last built from (a hash of its SQL): a changed one is rebuilt at start. */
export const indicatorSeries = pgTable('indicator_series', {
  key: text('key').primaryKey(),
  hash: text('hash').notNull(),
  tables: text('tables').array().notNull(),
  rows: bigint('rows', { mode: 'number' }).notNull().default(0),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
  /** The last verification against a direct count: when, and how many (org, day) sums differed. */
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  verifyMismatches: integer('verify_mismatches'),
});

/** The trigger function installed on each source table (a hash of its SQL). */
export const indicatorTrigger = pgTable('indicator_trigger', {
  tableName: text('table_name').primaryKey(),
  hash: text('hash').notNull(),
  series: text('series').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
