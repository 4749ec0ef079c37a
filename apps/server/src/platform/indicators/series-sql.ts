import crypto from 'node:crypto';
import type { SeriesDef } from './types';

/**
 * SQL generated from series declarations (pure; no database). One statement-level trigger per
 * source table keeps every series that reads the table up to date: it evaluates the series' SQL
 * over the statement's transition tables (new rows +, old rows −) and adds the per-(org, day,
 * dims) differences to `indicator_rollup`, per (org, month, dims) to `indicator_rollup_month`, and
 * to `indicator_total`. That is the delta rule of
 * incremental view maintenance, exact for linear SQL when one table changes per statement.
 */

/** Bump when the generated SQL changes shape: every series is rebuilt and every trigger replaced. */
// 2: the month rollup beside the day rollup.
export const GENERATOR_VERSION = 2;
export const CHANGE_CHANNEL = 'indicator_changed';
/** Org ids carried by one change notification; more means "many" (listeners refresh everything). */
export const NOTIFY_ORG_LIMIT = 20;

const NAME = /^[a-z_][a-z0-9_]*$/;
const SERIES_KEY = /^[a-z][a-z0-9_]*\.[a-z0-9_.]+$/;
const TZ = `'Asia/Shanghai'`;

export function validateSeries(def: SeriesDef): string[] {
  const problems: string[] = [];
  if (!SERIES_KEY.test(def.key)) problems.push(`series key "${def.key}" must look like module.name`);
  const aliases = Object.keys(def.tables);
  if (aliases.length === 0) problems.push(`series ${def.key}: no tables`);
  const seen = new Set<string>();
  for (const [alias, table] of Object.entries(def.tables)) {
    if (!NAME.test(alias) || !NAME.test(table)) problems.push(`series ${def.key}: bad alias or table "${alias}: ${table}"`);
    if (seen.has(table)) problems.push(`series ${def.key}: table ${table} appears twice`);
    seen.add(table);
    if (!def.from.includes(`{${alias}}`)) problems.push(`series ${def.key}: {${alias}} is not in from`);
  }
  for (const key of Object.keys(def.dims ?? {})) if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(key)) problems.push(`series ${def.key}: bad dimension key ${key}`);
  if (def.events.length === 0) problems.push(`series ${def.key}: no events`);
  // A placeholder left in the SQL would reach the database as text.
  const leftover = def.from.replace(/\{([a-z_][a-z0-9_]*)\}/g, (m, a: string) => (a in def.tables ? '' : m));
  if (/\{[^}]*\}/.test(leftover)) problems.push(`series ${def.key}: unknown placeholder in from`);
  return problems;
}

function sqlPieces(def: SeriesDef): string[] {
  return [def.from, def.org, ...Object.values(def.dims ?? {}), ...def.events.flatMap((e) => [e.at, e.value, e.where ?? ''])];
}

/** The columns of `alias` that the series reads (every `alias.column` in its SQL), sorted. */
export function columnsOf(def: SeriesDef, alias: string): string[] {
  const found = new Set<string>();
  const re = new RegExp(`(?<![\\w.])${alias}\\.([a-z_][a-z0-9_]*)`, 'g');
  for (const piece of sqlPieces(def)) for (const m of piece.matchAll(re)) found.add(m[1]!);
  found.add(keyOf(def, alias));
  return [...found].sort();
}

export function keyOf(def: SeriesDef, alias: string): string {
  return def.keys?.[alias] ?? 'id';
}

export function dimKeysOf(def: SeriesDef): string[] {
  return Object.keys(def.dims ?? {});
}

export function seriesHash(def: SeriesDef): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ v: GENERATOR_VERSION, def }))
    .digest('hex')
    .slice(0, 32);
}

/** The series' events as SQL `(org_id uuid, at timestamptz, dims text[], value bigint)`, tables replaced as given. */
export function factSql(def: SeriesDef, tableFor: (alias: string, table: string) => string = (_a, t) => t): string {
  const from = def.from.replace(/\{([a-z_][a-z0-9_]*)\}/g, (_m, alias: string) => tableFor(alias, def.tables[alias]!));
  const dims = Object.values(def.dims ?? {});
  const dimsSql = dims.length ? `array[${dims.map((d) => `coalesce((${d})::text, '')`).join(', ')}]::text[]` : `'{}'::text[]`;
  return def.events
    .map((e) => `select (${def.org})::uuid as org_id, (${e.at})::timestamptz as at, ${dimsSql} as dims, (${e.value})::bigint as value from ${from}${e.where ? ` where (${e.where})` : ''}`)
    .join('\nunion all\n');
}

/** Rebuild statements of one series from its tables (inside the caller's transaction). */
export function rebuildSql(def: SeriesDef): string[] {
  const key = literal(def.key);
  return [
    `delete from indicator_rollup where series = ${key}`,
    `delete from indicator_rollup_month where series = ${key}`,
    `delete from indicator_total where series = ${key}`,
    `insert into indicator_rollup (series, org_id, day, dims, value)
     select ${key}, f.org_id, (f.at at time zone ${TZ})::date, f.dims, sum(f.value)
       from (${factSql(def)}) f where f.org_id is not null and f.at is not null
      group by 2, 3, 4 having sum(f.value) <> 0`,
    `insert into indicator_rollup_month (series, org_id, month, dims, value)
     select series, org_id, date_trunc('month', day::timestamp)::date, dims, sum(value) from indicator_rollup where series = ${key}
      group by 1, 2, 3, 4 having sum(value) <> 0`,
    `insert into indicator_total (series, org_id, dims, value)
     select series, org_id, dims, sum(value) from indicator_rollup where series = ${key} group by 1, 2, 3 having sum(value) <> 0`,
  ];
}

export function triggerFunctionName(table: string): string {
  return `indicator_on_${table}`.slice(0, 63);
}

const NEW_ROWS = 'indicator_new_rows';
const OLD_ROWS = 'indicator_old_rows';

/**
 * The trigger function of one table for every series that reads it. INSERT adds the new rows'
 * events, DELETE subtracts the old rows', UPDATE does both for the rows whose read columns changed
 * (so the fund's running-balance updates cost a cheap comparison, not a re-count).
 */
export function triggerFunctionSql(table: string, series: SeriesDef[]): string {
  const uses = series.map((def) => ({ def, alias: aliasOf(def, table) }));
  const key = keyOf(uses[0]!.def, uses[0]!.alias);
  if (uses.some((u) => keyOf(u.def, u.alias) !== key)) throw new Error(`series on ${table} disagree on its key column`);
  const columns = [...new Set(uses.flatMap((u) => columnsOf(u.def, u.alias)))].sort();
  const same = (a: string, b: string) => `row(${columns.map((c) => `${a}.${c}`).join(', ')}) is not distinct from row(${columns.map((c) => `${b}.${c}`).join(', ')})`;
  const events = (source: string, sign: '' | '-') =>
    uses
      .map((u) => `select ${literal(u.def.key)}::text as series, f.org_id, f.at, f.dims, ${sign}f.value as value from (${factSql(u.def, (a, t) => (a === u.alias ? source : t))}) f`)
      .join('\nunion all\n');
  const apply = `,
    g as (
      select series, org_id, (at at time zone ${TZ})::date as day, dims, sum(value)::bigint as v
        from d where org_id is not null and at is not null group by 1, 2, 3, 4 having sum(value) <> 0),
    r as (
      insert into indicator_rollup as t (series, org_id, day, dims, value)
      select series, org_id, day, dims, v from g order by 1, 2, 3, 4
      on conflict (series, org_id, day, dims) do update set value = t.value + excluded.value returning 1),
    m as (
      insert into indicator_rollup_month as t (series, org_id, month, dims, value)
      select series, org_id, date_trunc('month', day::timestamp)::date, dims, sum(v) from g group by 1, 2, 3, 4 having sum(v) <> 0 order by 1, 2, 3, 4
      on conflict (series, org_id, month, dims) do update set value = t.value + excluded.value returning 1),
    s as (
      insert into indicator_total as t (series, org_id, dims, value)
      select series, org_id, dims, sum(v) from g group by 1, 2, 3 having sum(v) <> 0 order by 1, 2, 3
      on conflict (series, org_id, dims) do update set value = t.value + excluded.value returning 1)
    select (select count(*) from r),
           json_build_object('series', (select array_agg(distinct series) from g),
                             'orgs', (select array_agg(org_id) from (select distinct org_id from g limit ${NOTIFY_ORG_LIMIT + 1}) q))::text
      into n, payload;`;
  return `create or replace function ${triggerFunctionName(table)}() returns trigger language plpgsql as $indicator$
declare
  n bigint;
  payload text;
begin
  if TG_OP = 'INSERT' then
    with d as (${events(NEW_ROWS, '')})${apply}
  elsif TG_OP = 'DELETE' then
    with d as (${events(OLD_ROWS, '-')})${apply}
  else
    with
    indicator_o as (select x.* from ${OLD_ROWS} x where not exists (select 1 from ${NEW_ROWS} y where y.${key} = x.${key} and ${same('y', 'x')})),
    indicator_n as (select y.* from ${NEW_ROWS} y where not exists (select 1 from ${OLD_ROWS} x where x.${key} = y.${key} and ${same('y', 'x')})),
    d as (${events('indicator_n', '')}
      union all
      ${events('indicator_o', '-')})${apply}
  end if;
  if n > 0 then
    perform pg_notify('${CHANGE_CHANNEL}', payload);
  end if;
  return null;
end
$indicator$`;
}

/** Statement triggers of one table (replacing any earlier ones). */
export function triggerSql(table: string): string[] {
  const fn = triggerFunctionName(table);
  return [
    `drop trigger if exists indicator_ins on ${table}`,
    `drop trigger if exists indicator_upd on ${table}`,
    `drop trigger if exists indicator_del on ${table}`,
    `create trigger indicator_ins after insert on ${table} referencing new table as ${NEW_ROWS} for each statement execute function ${fn}()`,
    `create trigger indicator_upd after update on ${table} referencing old table as ${OLD_ROWS} new table as ${NEW_ROWS} for each statement execute function ${fn}()`,
    `create trigger indicator_del after delete on ${table} referencing old table as ${OLD_ROWS} for each statement execute function ${fn}()`,
  ];
}

export function dropTriggerSql(table: string): string[] {
  return [
    `drop trigger if exists indicator_ins on ${table}`,
    `drop trigger if exists indicator_upd on ${table}`,
    `drop trigger if exists indicator_del on ${table}`,
    `drop function if exists ${triggerFunctionName(table)}()`,
  ];
}

function aliasOf(def: SeriesDef, table: string): string {
  const entry = Object.entries(def.tables).find(([, t]) => t === table);
  if (!entry) throw new Error(`series ${def.key} does not read ${table}`);
  return entry[0];
}

/** Series grouped by the tables they read. */
export function seriesByTable(series: readonly SeriesDef[]): Map<string, SeriesDef[]> {
  const byTable = new Map<string, SeriesDef[]>();
  for (const def of series) for (const table of Object.values(def.tables)) byTable.set(table, [...(byTable.get(table) ?? []), def]);
  return byTable;
}

export function hashText(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
