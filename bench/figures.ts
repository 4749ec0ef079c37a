/**
 * `npm run bench -- figures`: any indicator of the catalogue for a district subtree and a year,
 * at 100,041 orgs, 1,000,000 members, 10,000,000 door entries and 5,000,000 ledger postings on
 * PostgreSQL, beside a plain count(*) over the same subtree and year in the same run.
 *
 * Data is generated set-based with the rollup triggers in place (so loading also exercises the
 * incremental maintenance), then every indicator is asked for random districts over HTTP
 * (`GET /api/v1/indicators/values?keys=K&org=D&period=year`, with 环比, 同比 and target), and a
 * sample of answers is compared with a direct count from the records. Figures only: nothing here
 * asserts a timing.
 *
 * Env: BENCH_FIGURES_MEMBERS (1000000), BENCH_FIGURES_ENTRIES (10000000), BENCH_FIGURES_POSTINGS
 * (5000000), BENCH_FIGURES_SAMPLES (12 per indicator), BENCH_FIGURES_CHUNK (1000000 rows a statement).
 * BENCH_KEEP=1 keeps the database afterwards; BENCH_FIGURES_REUSE=1 measures the kept database again
 * without loading (what it holds is counted and printed).
 */
import { hashPassword } from "../apps/server/src/modules/accounts";
import { buildApp } from "../apps/server/src/app";
import { catalogue, prepareDatabase } from "../apps/server/src/catalogue";
import { testConfig } from "../apps/server/src/config";
import { openDatabase, type Database } from "../apps/server/src/db/client";
import { dimKeysOf, sumDirect } from "../apps/server/src/platform/indicators";
import { dropDatabase, fmt, listen, num, recreateDatabase, table, withDatabase, type Log } from "./common";
import { seedBenchTree } from "./tree";

const DB = "niangjia_bench_figures";
const MEMBERS = num("BENCH_FIGURES_MEMBERS", 1_000_000);
const ENTRIES = num("BENCH_FIGURES_ENTRIES", 10_000_000);
const POSTINGS = num("BENCH_FIGURES_POSTINGS", 5_000_000);
const SAMPLES = num("BENCH_FIGURES_SAMPLES", 12);
const CHUNK = num("BENCH_FIGURES_CHUNK", 1_000_000);
const POSITIONS_PER_DISTRICT = 100;
/** What the measured database held (loaded now or kept from an earlier run). */
let held_ = { m: MEMBERS, e: ENTRIES, p: POSTINGS };
const PASSWORD = "Niangjia@2026";

type Stat = { p50: number; p95: number; p99: number; max: number; n: number };
export type FiguresBench = {
  load: { label: string; rows: number; seconds: number }[];
  perIndicator: { key: string; kind: string; stat: Stat }[];
  overall: Stat;
  baselines: { label: string; stat: Stat }[];
  exact: { checked: number; equal: number };
  year: string;
  districtOrgs: number;
};

function stat(times: number[]): Stat {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), max: s.at(-1) ?? NaN, n: s.length };
}

async function timed(database: Database, label: string, sql: string, load: FiguresBench["load"], rows: number, log: Log) {
  const t0 = performance.now();
  await database.exec(sql);
  const seconds = (performance.now() - t0) / 1000;
  load.push({ label, rows, seconds });
  log(`figures:   ${label}: ${rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s`);
}

/** Members, positions, door entries and ledger postings spread over the bench tree (set-based; the triggers keep the rollups). */
async function loadData(database: Database, log: Log): Promise<FiguresBench["load"]> {
  const load: FiguresBench["load"] = [];
  await database.exec(`create temporary table bench_grassroots as select row_number() over (order by id) as n, id from org where type = 'grassroots' and code like 'BENCH-%'`);
  const [{ g } = { g: 0 }] = await database.query<{ g: number }>("select count(*)::int as g from bench_grassroots");
  for (let from = 0; from < MEMBERS; from += CHUNK) {
    const to = Math.min(MEMBERS, from + CHUNK);
    await timed(
      database,
      `persons ${from}–${to}`,
      `insert into person (id, org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form, is_migrant, verified_at, created_at)
       select md5('p' || i)::uuid, b.id, '压测会员', 'x', 'bench-' || i, '500105********0000', case when i % 2 = 0 then 'male' else 'female' end, date '1990-01-01',
              (array['standard','standard','standard','delivery_rider','courier','ride_hailing','domestic'])[1 + i % 7], i % 5 = 0,
              case when i % 10 < 8 then timestamptz '2018-01-01' + (i % 2900) * interval '1 day' end, now()
       from generate_series(${from + 1}::bigint, ${to}) i join bench_grassroots b on b.n = 1 + (i * 7919) % ${g}`,
      load,
      to - from,
      log,
    );
    await timed(
      database,
      `memberships ${from}–${to}`,
      `insert into membership (id, person_id, org_id, status, applied_at, joined_at, left_at, source)
       select md5('m' || i)::uuid, md5('p' || i)::uuid, b.id, case when i % 40 = 0 then 'left' when i % 97 = 0 then 'applied' else 'active' end,
              timestamptz '2018-01-01' + (i % 3200) * interval '1 day',
              case when i % 97 = 0 then null else timestamptz '2018-01-01' + (i % 3200) * interval '1 day' + (i % 86400) * interval '1 second' end,
              case when i % 40 = 0 then timestamptz '2018-01-01' + (i % 3200 + 200) * interval '1 day' end, 'import'
       from generate_series(${from + 1}::bigint, ${to}) i join bench_grassroots b on b.n = 1 + (i * 7919) % ${g}`,
      load,
      to - from,
      log,
    );
  }
  await timed(
    database,
    "positions",
    `insert into position (id, code, name, type, org_id, address, lng, lat, weekly_hours, status, status_changed_at, created_at, build_mode, facilities)
     select gen_random_uuid(), 'BP-' || b.n, '压测驿站' || b.n, (array['rest_station','rest_station','rest_station','workers_home','mothers_room'])[1 + b.n % 5], b.id, '压测路', 106.5, 29.6, '{}'::jsonb,
            'open', now(), timestamptz '2019-01-01' + (b.n % 2500) * interval '1 day', case when b.n % 4 = 0 then 'commerce_sustained' else 'union_built' end, '{}'
     from bench_grassroots b where b.n % ${Math.round(g / (40 * POSITIONS_PER_DISTRICT))} = 0`,
    load,
    40 * POSITIONS_PER_DISTRICT,
    log,
  );
  await database.exec(`create temporary table bench_positions as select row_number() over (order by id) as n, id, org_id from position where code like 'BP-%'`);
  const [{ p } = { p: 0 }] = await database.query<{ p: number }>("select count(*)::int as p from bench_positions");
  // Door entries over the last two years (the year asked for and the one it is compared with).
  for (let from = 0; from < ENTRIES; from += CHUNK) {
    const to = Math.min(ENTRIES, from + CHUNK);
    await timed(
      database,
      `door entries ${from}–${to}`,
      `insert into door_entry (at, position_id, org_id, device_id, result, is_after_hours)
       select now() - ((i * 104729) % (730 * 86400)) * interval '1 second', x.id, x.org_id, 'bench', case when i % 20 = 0 then 'refused' else 'opened' end, i % 3 = 0
       from generate_series(${from + 1}::bigint, ${to}) i join bench_positions x on x.n = 1 + i % ${p}`,
      load,
      to - from,
      log,
    );
  }
  // The ledger: a fund per district (the shard key keeps a fund's shops in its district), a shop per position, sales of 10 fen (two postings each). The deferred
  // balance check is off while loading: every generated entry is balanced by construction.
  await database.exec(`
    insert into fund (id, code, name, org_id) select gen_random_uuid(), 'BENCH-FUND-' || code, '压测爱心基金' || code, id from org where type = 'district' and code like 'BENCH-D%';
    insert into fund_account (fund_id, code, kind, name) select id, 'collected', 'collected', '待归集' from fund where code like 'BENCH-FUND-%';
    insert into fund_shop (id, code, name, fund_id, position_id, org_id, operator_name)
      select gen_random_uuid(), 'BS-' || x.n, '压测小卖部' || x.n, f.id, x.id, x.org_id, '压测商贸' from bench_positions x join org o on o.id = x.org_id
        join fund f on f.code like 'BENCH-FUND-%' join org d on d.id = f.org_id and o.path like d.path || '%';
    insert into fund_account (fund_id, code, kind, name, shop_id) select s.fund_id, 'shop-' || s.code, 'shop_contributions', s.name, s.id from fund_shop s where s.code like 'BS-%';
    create temporary table bench_shops as select row_number() over (order by s.id) as n, s.id, s.position_id, s.fund_id, a.id as account_id, c.id as collected_id
      from fund_shop s join fund_account a on a.shop_id = s.id join fund_account c on c.fund_id = s.fund_id and c.kind = 'collected' where s.code like 'BS-%';
    alter table fund_entry disable trigger fund_entry_balanced;
    alter table fund_posting disable trigger fund_posting_balanced;`);
  const [{ s } = { s: 0 }] = await database.query<{ s: number }>("select count(*)::int as s from bench_shops");
  const entries = Math.floor(POSTINGS / 2);
  for (let from = 0; from < entries; from += CHUNK / 2) {
    const to = Math.min(entries, from + CHUNK / 2);
    await timed(
      database,
      `ledger entries ${from}–${to} (+ 2 postings each)`,
      `begin;
       create temporary table bench_e on commit drop as
         select md5('e' || i)::uuid as id, now() - ((i * 7907) % (730 * 86400)) * interval '1 second' as at, x.id as shop_id, x.position_id, x.account_id, x.fund_id, x.collected_id
         from generate_series(${from + 1}::bigint, ${to}) i join bench_shops x on x.n = 1 + i % ${s};
       insert into fund_entry (id, fund_id, kind, occurred_at, memo, shop_id, position_id, amount_fen, sale_count, sales_fen)
         select e.id, e.fund_id, 'sale', e.at, '压测', e.shop_id, e.position_id, 10, 1, 1500 from bench_e e;
       insert into fund_posting (entry_id, account_id, amount_fen, occurred_at)
         select e.id, e.collected_id, 10, e.at from bench_e e
         union all select e.id, e.account_id, -10, e.at from bench_e e;
       commit;`,
      load,
      (to - from) * 2,
      log,
    );
  }
  await database.exec(`alter table fund_entry enable trigger fund_entry_balanced; alter table fund_posting enable trigger fund_posting_balanced;`);
  log("figures:   analyze");
  await database.exec("analyze");
  return load;
}

export async function benchFigures(adminUrl: string, log: Log): Promise<FiguresBench> {
  const reuse = process.env.BENCH_FIGURES_REUSE === "1";
  if (!reuse) await recreateDatabase(adminUrl, DB);
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, DB), poolSize: 10 });
  const config = testConfig();
  try {
    let load: FiguresBench["load"] = [];
    if (reuse) {
      log("figures: measuring the kept database (BENCH_FIGURES_REUSE=1)");
      await prepareDatabase(database);
      await database.exec("analyze");
    } else {
      log("figures: migrating, installing the rollup triggers, generating the tree");
      await prepareDatabase(database);
      await seedBenchTree(database);
      load = await loadData(database, log);
    }
    const held = (await database.query<{ m: number; e: number; p: number }>("select (select count(*) from membership)::int as m, (select count(*) from door_entry)::int as e, (select count(*) from fund_posting)::int as p"))[0]!;
    log(`figures: ${held.m.toLocaleString("en-US")} memberships, ${held.e.toLocaleString("en-US")} door entries, ${held.p.toLocaleString("en-US")} postings`);
    held_ = held;
    await database.query(`insert into app_user (username, display_name, password_hash) values ('bench.admin', '压测管理员', $1) on conflict do nothing`, [await hashPassword(PASSWORD)]);
    await database.query(`insert into role_grant (user_id, role, org_id) select id, 'platform_admin', null from app_user where username = 'bench.admin' and not exists (select 1 from role_grant g where g.user_id = app_user.id)`);
    const app = await buildApp({ config, database, logger: false, jobRunner: false, doors: false });
    const base = await listen(app);
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: "bench.admin", password: PASSWORD }) });
      const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const districts = await database.query<{ id: string; code: string; path: string }>("select id, code, path from org where type = 'district' and code like 'BENCH-%' order by code");
      const [{ n: districtOrgs } = { n: 0 }] = await database.query<{ n: number }>("select count(*)::int as n from org where path like $1 || '%'", [districts[0]!.path]);
      const year = String(new Date().getFullYear());
      const get = async (url: string) => {
        const t0 = performance.now();
        const res = await fetch(url, { headers: { cookie } });
        const body = await res.json();
        if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
        return { ms: performance.now() - t0, body };
      };
      // Warm up every indicator once (plans, caches) before measuring.
      const keys = [...catalogue.indicators.keys()];
      log(`figures: warming up ${keys.length} indicators`);
      for (const key of keys) await get(`${base}/api/v1/indicators/values?keys=${key}&org=${districts[0]!.id}&period=year&date=${year}-06-30`);
      log(`figures: ${keys.length} indicators × ${SAMPLES} districts, a year each, over HTTP`);
      const perIndicator: FiguresBench["perIndicator"] = [];
      const all: number[] = [];
      let checked = 0;
      let equal = 0;
      for (const key of keys) {
        const times: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const d = districts[(i * 7 + key.length) % districts.length]!;
          const { ms, body } = await get(`${base}/api/v1/indicators/values?keys=${key}&org=${d.id}&period=year&date=${year}-06-30`);
          times.push(ms);
          all.push(ms);
          const ind = catalogue.get(key)!;
          const c = ind.compute;
          if (i === 0 && (c.kind === "flow" || c.kind === "stock")) {
            const def = catalogue.series.get(c.series)!;
            const dims = dimKeysOf(def);
            const filter = Object.entries(c.filter ?? {}).map(([k, v]) => [dims.indexOf(k) + 1, v] as [number, string[]]);
            const to = body.period.to as string;
            const direct = await sumDirect(database.db, def, d.path, c.kind === "flow" ? { from: body.period.from, to } : { to }, filter);
            checked++;
            if (direct === body.items[0].value) equal++;
            else log(`figures:   ⚠ ${key} ${d.code}: ${body.items[0].value} ≠ direct ${direct}`);
          }
        }
        perIndicator.push({ key, kind: catalogue.get(key)!.compute.kind, stat: stat(times) });
      }
      log("figures: baselines — a plain count(*) over the same district and year");
      const baselineSql: [string, string][] = [
        ["members of the district (count(*), membership ⋈ org)", `select count(*) from membership m join org o on o.id = m.org_id where o.path like $1 || '%' and $2::date is not null and m.status in ('active','suspended') and m.joined_at < $3::date`],
        ["door entries of the district in the year (count(*))", `select count(*) from door_entry e join org o on o.id = e.org_id where o.path like $1 || '%' and e.at >= $2::date and e.at < $3::date`],
        ["ledger postings of the district's shops in the year (count(*))", `select count(*) from fund_posting p join fund_account a on a.id = p.account_id join fund_shop s on s.id = a.shop_id join org o on o.id = s.org_id where o.path like $1 || '%' and p.occurred_at >= $2::date and p.occurred_at < $3::date`],
      ];
      const baselines: FiguresBench["baselines"] = [];
      for (const [label, sql] of baselineSql) {
        const times: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const d = districts[(i * 11) % districts.length]!;
          const t0 = performance.now();
          await database.query(sql, [d.path, `${year}-01-01`, `${Number(year) + 1}-01-01`]);
          times.push(performance.now() - t0);
        }
        baselines.push({ label, stat: stat(times) });
        log(`figures:   ${label}: p50 ${fmt(stat(times).p50)} ms, p95 ${fmt(stat(times).p95)} ms`);
      }
      return { load, perIndicator, overall: stat(all), baselines, exact: { checked, equal }, year, districtOrgs };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== "1") await dropDatabase(adminUrl, DB);
  }
}

export function figuresMarkdown(f: FiguresBench, command: string): string {
  const ms = (n: number) => fmt(n, 1);
  const worst = [...f.perIndicator].sort((a, b) => b.stat.p95 - a.stat.p95);
  return [
    `## Figures: any indicator for a district subtree and a year`,
    "",
    `\`${command}\` (bench/figures.ts), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC. PostgreSQL; 100,041 orgs (a district subtree: ${f.districtOrgs.toLocaleString("en-US")}), ${held_.m.toLocaleString("en-US")} members, ${held_.e.toLocaleString("en-US")} door entries, ${held_.p.toLocaleString("en-US")} ledger postings, loaded set-based with the rollup triggers in place. Each request: \`GET /api/v1/indicators/values?keys=K&org=DISTRICT&period=year\` over HTTP as a platform admin (the year to date with 环比, 同比 like for like and the target), ${SAMPLES} districts per indicator.`,
    "",
    table(["", "p50 ms", "p95 ms", "p99 ms", "max ms", "requests"], [["all indicators", ms(f.overall.p50), `**${ms(f.overall.p95)}**`, ms(f.overall.p99), ms(f.overall.max), String(f.overall.n)], ...f.baselines.map((b) => [`baseline: ${b.label}`, ms(b.stat.p50), ms(b.stat.p95), ms(b.stat.p99), ms(b.stat.max), String(b.stat.n)])]),
    "",
    `p95 ÷ the slowest baseline's p95: ${fmt(f.overall.p95 / Math.max(...f.baselines.map((b) => b.stat.p95)), 2)}. Exact: ${f.exact.equal} of ${f.exact.checked} series-based answers equal a direct count from the records.`,
    "",
    "Slowest five by p95:",
    "",
    table(["indicator", "kind", "p50 ms", "p95 ms"], worst.slice(0, 5).map((w) => [w.key, w.kind, ms(w.stat.p50), ms(w.stat.p95)])),
    "",
    "Loading (statement triggers maintaining the rollups as rows arrive):",
    "",
    table(["step", "rows", "seconds"], f.load.map((l) => [l.label, l.rows.toLocaleString("en-US"), fmt(l.seconds, 1)])),
  ].join("\n");
}
