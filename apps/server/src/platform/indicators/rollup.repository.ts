import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../../db/client';
import type { Catalogue } from './catalogue';
import { dropTriggerSql, factSql, hashText, rebuildSql, seriesByTable, seriesHash, triggerFunctionSql, triggerSql } from './series-sql';
import { addDays, firstOfMonth, lastOfMonth, splitByMonths } from './periods';
import type { SeriesDef } from './types';
import { rowsOf } from '../../db/rows';
export { rowsOf } from '../../db/rows';

const TZ = sql.raw(`'Asia/Shanghai'`);
// Any fixed number, distinct from the migrations' lock: instances starting together sync once.
const SYNC_LOCK_ID = 4_711_2027;

export type SyncResult = { rebuilt: string[]; triggers: string[]; dropped: string[] };

/**
 * Installs the trigger of every table a series reads and rebuilds each series whose definition
 * changed (or is new), in one transaction, after the migrations. The source tables of a rebuilt
 * series are locked against writes while it is recounted, so no record is missed or counted
 * twice; a series whose SQL is unchanged is left alone (a restart costs one read).
 */
export async function syncIndicatorSeries(database: Database, catalogue: Catalogue): Promise<SyncResult> {
  const series = [...catalogue.series.values()];
  const byTable = seriesByTable(series);
  const result: SyncResult = { rebuilt: [], triggers: [], dropped: [] };
  await database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(${SYNC_LOCK_ID})`);
    const stored = new Map(rowsOf<{ key: string; hash: string }>(await tx.execute(sql`select key, hash from indicator_series`)).map((r) => [r.key, r.hash]));
    const triggers = new Map(rowsOf<{ table_name: string; hash: string }>(await tx.execute(sql`select table_name, hash from indicator_trigger`)).map((r) => [r.table_name, r.hash]));
    const toRebuild = series.filter((s) => stored.get(s.key) !== seriesHash(s));
    const gone = [...stored.keys()].filter((k) => !catalogue.series.has(k));
    if (
      toRebuild.length === 0 &&
      gone.length === 0 &&
      [...byTable].every(([t, defs]) => triggers.get(t) === hashText(triggerFunctionSql(t, defs))) &&
      [...triggers.keys()].every((t) => byTable.has(t))
    )
      return;

    const lockTables = [...new Set(toRebuild.flatMap((s) => Object.values(s.tables)))].sort();
    for (const table of lockTables) await tx.execute(sql.raw(`lock table ${table} in share row exclusive mode`));
    for (const table of [...triggers.keys()].filter((t) => !byTable.has(t))) {
      for (const stmt of dropTriggerSql(table)) await tx.execute(sql.raw(stmt));
      await tx.execute(sql`delete from indicator_trigger where table_name = ${table}`);
    }
    for (const [table, defs] of byTable) {
      const fn = triggerFunctionSql(table, defs);
      const hash = hashText(fn);
      if (triggers.get(table) === hash) continue;
      await tx.execute(sql.raw(fn));
      for (const stmt of triggerSql(table)) await tx.execute(sql.raw(stmt));
      await tx.execute(sql`insert into indicator_trigger (table_name, hash, series) values (${table}, ${hash}, ${sql.param(defs.map((d) => d.key))}::text[])
        on conflict (table_name) do update set hash = excluded.hash, series = excluded.series, updated_at = now()`);
      result.triggers.push(table);
    }
    for (const key of gone) {
      await tx.execute(sql`delete from indicator_rollup where series = ${key}`);
      await tx.execute(sql`delete from indicator_rollup_month where series = ${key}`);
      await tx.execute(sql`delete from indicator_total where series = ${key}`);
      await tx.execute(sql`delete from indicator_series where key = ${key}`);
      result.dropped.push(key);
    }
    for (const def of toRebuild) {
      const rows = await rebuildSeries(tx, def);
      await tx.execute(sql`insert into indicator_series (key, hash, tables, rows, built_at) values (${def.key}, ${seriesHash(def)}, ${sql.param(Object.values(def.tables))}::text[], ${rows}, now())
        on conflict (key) do update set hash = excluded.hash, tables = excluded.tables, rows = excluded.rows, built_at = now(), verified_at = null, verify_mismatches = null`);
      result.rebuilt.push(def.key);
    }
  });
  return result;
}

/** Recounts one series from its records (the caller holds the tables against writes). */
export async function rebuildSeries(tx: Db, def: SeriesDef): Promise<number> {
  for (const stmt of rebuildSql(def)) await tx.execute(sql.raw(stmt));
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from indicator_rollup where series = ${def.key}`));
  return Number(row?.n ?? 0);
}

/** The stored hash of each series (the service checks it against the code before trusting a rollup). */
export async function listSeriesState(db: Db) {
  return rowsOf<{ key: string; hash: string; rows: number; built_at: string; verified_at: string | null; verify_mismatches: number | null }>(
    await db.execute(sql`select key, hash, rows, built_at, verified_at, verify_mismatches from indicator_series order by key`),
  );
}

/**
 * Compares a series' rollup with a fresh count from its records, per (org, day, dims), and its month
 * rollup and totals with the day rollup. Returns
 * the number of sums that differ (0 = exact) and, with `repair`, rebuilds a series that differs.
 */
export async function verifySeries(db: Db, def: SeriesDef, repair: boolean): Promise<number> {
  return db.transaction(async (tx) => {
    if (repair) for (const table of Object.values(def.tables).sort()) await tx.execute(sql.raw(`lock table ${table} in share row exclusive mode`));
    const [row] = rowsOf<{ n: number }>(
      await tx.execute(sql`with direct as (
          select f.org_id, (f.at at time zone ${TZ})::date as day, f.dims, sum(f.value)::bigint as value
            from (${sql.raw(factSql(def))}) f where f.org_id is not null and f.at is not null group by 1, 2, 3 having sum(f.value) <> 0),
        kept as (select org_id, day, dims, value from indicator_rollup where series = ${def.key} and value <> 0)
        select count(*)::int as n from direct d full join kept k on k.org_id = d.org_id and k.day = d.day and k.dims = d.dims
         where d.value is distinct from k.value`),
    );
    const [totals] = rowsOf<{ n: number }>(
      await tx.execute(sql`with summed as (select org_id, dims, sum(value)::bigint as value from indicator_rollup where series = ${def.key} group by 1, 2 having sum(value) <> 0),
        kept as (select org_id, dims, value from indicator_total where series = ${def.key} and value <> 0)
        select count(*)::int as n from summed s full join kept k on k.org_id = s.org_id and k.dims = s.dims where s.value is distinct from k.value`),
    );
    const [months] = rowsOf<{ n: number }>(
      await tx.execute(sql`with summed as (select org_id, date_trunc('month', day::timestamp)::date as month, dims, sum(value)::bigint as value from indicator_rollup
             where series = ${def.key} group by 1, 2, 3 having sum(value) <> 0),
        kept as (select org_id, month, dims, value from indicator_rollup_month where series = ${def.key} and value <> 0)
        select count(*)::int as n from summed s full join kept k on k.org_id = s.org_id and k.month = s.month and k.dims = s.dims where s.value is distinct from k.value`),
    );
    const mismatches = Number(row?.n ?? 0) + Number(totals?.n ?? 0) + Number(months?.n ?? 0);
    if (mismatches > 0 && repair) await rebuildSeries(tx, def);
    await tx.execute(sql`update indicator_series set verified_at = now(), verify_mismatches = ${mismatches} where key = ${def.key}`);
    return mismatches;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading: sums over an org subtree (materialised path prefix) and a set of day ranges.

export type DayRange = { from: string; to: string };
/** How answers are broken down: not at all, by the child orgs of the subtree's root, by a dimension, or by month/day. */
export type GroupBy = { by: 'none' } | { by: 'child' } | { by: 'dim'; index: number } | { by: 'month' } | { by: 'day' };
/** Dimension filters: 1-based dims index → allowed values. */
export type DimFilter = [index: number, values: string[]][];

export type SubtreeQuery = {
  series: string;
  path: string;
  filter: DimFilter;
  groupBy: GroupBy;
  /**
   * Further series added to this one, each with its own filter: a `sum` of flows (服务人次) is read
   * in one pass over the subtree instead of one pass per part. Not with `groupBy: dim` (the parts'
   * dimensions differ).
   */
  more?: { series: string; filter: DimFilter }[];
};

/** What a per-org lateral read groups by (a dimension, a month, a day) and what the outer query groups by. */
function innerKey(q: SubtreeQuery): SQL {
  const g = q.groupBy;
  if (g.by === 'dim') return sql`r.dims[${sql.raw(String(g.index))}]`;
  if (g.by === 'month') return sql`to_char(r.day, 'YYYY-MM')`;
  if (g.by === 'day') return sql`to_char(r.day, 'YYYY-MM-DD')`;
  return sql`''`;
}

/**
 * The lateral's own GROUP BY: only when its key varies (a dimension, a month, a day). Without it
 * each org's rows fold into one plain aggregate, not a hash table built once per org.
 */
function innerGroup(q: SubtreeQuery): SQL {
  return q.groupBy.by === 'none' || q.groupBy.by === 'child' ? sql`` : sql`group by 1`;
}

function outerKey(q: SubtreeQuery): SQL {
  // The child of the root on the way down to the record's org; '' for the root itself (本级).
  if (q.groupBy.by === 'child') return sql`case when o.path = ${q.path} then '' else split_part(substr(o.path, ${q.path.length + 1}), '/', 1) end`;
  return sql`x.k`;
}

function filterSql(alias: 'r' | 't', filter: DimFilter): SQL {
  const parts = filter.map(([i, values]) => sql` and ${sql.raw(alias)}.dims[${sql.raw(String(i))}] = any(${sql.param(values)}::text[])`);
  return sql.join(parts, sql``);
}

// The subtree first (an index range scan on the path), then each of its orgs' rows through the
// rollup's primary key (series, org_id, day): one short index read per org, whatever the size of
// the rollup — a plan the optimiser cannot swap for a scan of the whole series.
const subtree = (path: string) => sql`with o as materialized (select id, path from org where path like ${`${path}%`})`;

/** Overlapping or touching day ranges joined, sorted: each row is then read once. */
function disjoint(ranges: DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: DayRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= addDays(last.to, 1)) {
      if (r.to > last.to) last.to = r.to;
    } else out.push({ ...r });
  }
  return out;
}

const within = (col: SQL, r: DayRange) => sql`${col} between ${r.from}::date and ${r.to}::date`;
const anyOf = (parts: SQL[]) => (parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`);

/**
 * The rows of one org (inside the lateral) as `(day, dims, value, m)`: the day rollup's rows in
 * `days` and the month rollup's in `months` (`day` = the month's first day, `m` = true). Each
 * range is its own index range read on the primary key, so a year costs 12 month rows per
 * (org, dims) and the days at its edges, never a scan of the org's whole history.
 */
function rowsSql(q: SubtreeQuery, days: DayRange[], months: DayRange[] | { after: string } | null): SQL {
  const sources = [{ series: q.series, filter: q.filter }, ...(q.more ?? [])];
  const branches: SQL[] = [];
  for (const src of sources) {
    for (const r of disjoint(days)) {
      branches.push(sql`select r.day, r.dims, r.value, false as m from indicator_rollup r
        where r.series = ${src.series} and r.org_id = o.id and ${within(sql`r.day`, r)}${filterSql('r', src.filter)}`);
    }
    const monthBranch = (cond: SQL) =>
      sql`select r.month as day, r.dims, r.value, true as m from indicator_rollup_month r
        where r.series = ${src.series} and r.org_id = o.id and ${cond}${filterSql('r', src.filter)}`;
    if (months && 'after' in months) branches.push(monthBranch(sql`r.month > ${months.after}::date`));
    else if (months) for (const r of disjoint(months)) branches.push(monthBranch(within(sql`r.month`, r)));
  }
  if (branches.length === 0) return sql`select null::date as day, null::text[] as dims, 0::bigint as value, false as m where false`;
  return sql.join(branches, sql` union all `);
}

/** Sums of a series' events in each range, per group: Map(group → [sum per range]). */
export async function sumFlows(db: Db, q: SubtreeQuery, ranges: DayRange[]): Promise<Map<string, number[]>> {
  if (ranges.length === 0) return new Map();
  if (q.more?.length && q.groupBy.by === 'dim') throw new Error('several series cannot be grouped by one dimension');
  // By day the months cannot help; otherwise each range is its whole months and its edge days.
  const parts = ranges.map((r) => (q.groupBy.by === 'day' ? { months: null, days: [r] } : splitByMonths(r.from, r.to)));
  const inner = sql.join(
    parts.map((p, i) => {
      const inDays = anyOf(p.days.map((d) => within(sql`r.day`, d)));
      const inMonths = p.months ? within(sql`r.day`, p.months) : sql`false`;
      return sql`sum(r.value) filter (where (not r.m and ${inDays}) or (r.m and ${inMonths})) as ${sql.raw(`v${i}`)}`;
    }),
    sql`, `,
  );
  const outer = sql.join(
    ranges.map((_, i) => sql`coalesce(sum(x.${sql.raw(`v${i}`)}), 0)::bigint as ${sql.raw(`v${i}`)}`),
    sql`, `,
  );
  const months = parts.flatMap((p) => (p.months ? [p.months] : []));
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`${subtree(q.path)}
      select ${outerKey(q)} as g, ${outer}
      from o cross join lateral (
        select ${innerKey(q)} as k, ${inner} from (${rowsSql(
          q,
          parts.flatMap((p) => p.days),
          months.length ? months : null,
        )}) r
        ${innerGroup(q)}) x
      group by 1`),
  );
  return new Map(rows.map((row) => [String(row.g ?? ''), ranges.map((_, i) => Number(row[`v${i}`] ?? 0))]));
}

/** A series' running sum at the end of each day, per group: the all-time total less what came later. */
export async function sumStocks(db: Db, q: SubtreeQuery, days: string[]): Promise<Map<string, number[]>> {
  if (days.length === 0) return new Map();
  if (q.groupBy.by === 'month' || q.groupBy.by === 'day') throw new Error('a stock is read at days, not grouped by them');
  if (q.more?.length) throw new Error('stocks are read one series at a time');
  const min = days.reduce((m, d) => (d < m ? d : m), days[0]!);
  const key = (alias: 't' | 'r') => (q.groupBy.by === 'dim' ? sql`${sql.raw(alias)}.dims[${sql.raw(String(q.groupBy.index))}]` : sql`''`);
  // What came after day D: the rest of D's month from the day rollup, the later months from the month rollup.
  const rest = days.map((d) => ({ from: addDays(d, 1), to: lastOfMonth(d) })).filter((r) => r.from <= r.to);
  // Per org: its totals, less what came after each day — one aggregate over both (a full join
  // per org built a hash table 2,501 times for a district).
  const later = days.map((d) => sql`(not r.m and r.day > ${d}::date and r.day <= ${lastOfMonth(d)}::date) or (r.m and r.day > ${firstOfMonth(d)}::date)`);
  const inner = sql.join(
    days.map((_, i) => sql`sum(u.${sql.raw(`a${i}`)}) as ${sql.raw(`v${i}`)}`),
    sql`, `,
  );
  const values = sql.join(
    days.map((_, i) => sql`coalesce(sum(x.${sql.raw(`v${i}`)}), 0)::bigint as ${sql.raw(`v${i}`)}`),
    sql`, `,
  );
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`${subtree(q.path)}
      select ${outerKey(q)} as g, ${values}
      from o cross join lateral (
        select ${q.groupBy.by === 'dim' ? sql`u.k` : sql`''::text`} as k, ${inner} from (
          select ${key('t')} as k, ${sql.join(
            days.map((_, i) => sql`t.value as ${sql.raw(`a${i}`)}`),
            sql`, `,
          )}
            from indicator_total t where t.series = ${q.series} and t.org_id = o.id${filterSql('t', q.filter)}
          union all
          select ${key('r')} as k, ${sql.join(
            later.map((cond, i) => sql`case when ${cond} then -r.value else 0 end as ${sql.raw(`a${i}`)}`),
            sql`, `,
          )}
            from (${rowsSql(q, rest, { after: firstOfMonth(min) })}) r
        ) u
        ${innerGroup(q)}) x
      group by 1`),
  );
  return new Map(rows.map((row) => [String(row.g ?? ''), days.map((_, i) => Number(row[`v${i}`] ?? 0))]));
}

/**
 * The same sums counted straight from the records (no rollup): what tests and the benchmark
 * compare with, and what answers while a series is not yet built.
 */
export async function sumDirect(db: Db, def: SeriesDef, path: string, range: { from?: string; to: string }, filter: DimFilter): Promise<number> {
  const dims = filter.map(([i, values]) => sql` and f.dims[${sql.raw(String(i))}] = any(${sql.param(values)}::text[])`);
  const [row] = rowsOf<{ v: number }>(
    await db.execute(sql`select coalesce(sum(f.value), 0)::bigint as v
      from (${sql.raw(factSql(def))}) f join org o on o.id = f.org_id
      where o.path like ${`${path}%`} and f.at is not null
        and (f.at at time zone ${TZ})::date <= ${range.to}::date${range.from ? sql` and (f.at at time zone ${TZ})::date >= ${range.from}::date` : sql``}${sql.join(dims, sql``)}`),
  );
  return Number(row?.v ?? 0);
}
