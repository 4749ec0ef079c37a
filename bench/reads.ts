/**
 * Authenticated reads (issue 11 pt 1): four list/detail routes of the app, signed in as a district
 * admin, beside a bare Fastify route that runs one prepared indexed SELECT (an org by primary key)
 * through the same pg pool — measured in the same run, the baseline before and after every route,
 * the load generator in its own process (load-child.ts). The goal: each route ≥ 0.7 × the baseline.
 * `npm run bench -- reads` runs only this part (PostgreSQL: BENCH_DATABASE_URL / TEST_DATABASE_URL,
 * or a throwaway cluster).
 */
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Fastify from "fastify";
import { buildApp } from "../apps/server/src/app";
import { testConfig } from "../apps/server/src/config";
import { captureSql, dropDatabase, fmt, listen, num, table, type Log } from "./common";
import { prepareAppDatabase } from "./positions";

export const READS_HEADING = "Authenticated reads";
const DB = "niangjia_bench_reads";
const GOAL = 0.7;
const SECONDS = num("BENCH_SECONDS", 10);
const WARMUP = num("BENCH_WARMUP_SECONDS", 2);
const CONNECTIONS = num("BENCH_CONNECTIONS", 50);
const WORKERS = num("BENCH_WORKERS", 1);
const run = promisify(execFile);

type Load = { rps: number; p50: number; p99: number; bad: number; requests: number; load1: number };
type RouteFigures = { label: string; isComparison: boolean; statements: number; load: Load; baseline: number; spread: number; ratio: number };
export type ReadsFigures = { before: Load; baselines: Load[]; routes: RouteFigures[]; version: string; poolSize: number };

/** One timed burst from a separate process, with the machine's 1-minute load average at its end. */
async function measure(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const child = path.join(path.dirname(new URL(import.meta.url).pathname), "load-child.ts");
  const opts = { url, headers, connections: CONNECTIONS, workers: WORKERS, warmup: WARMUP, seconds: SECONDS };
  const { stdout } = await run(process.execPath, ["--import", "tsx", child, JSON.stringify(opts)], { maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout.trim().split("\n").pop()!) as Omit<Load, "load1">;
  return { ...result, load1: os.loadavg()[0]! };
}

export async function benchReads(adminUrl: string, log: Log): Promise<ReadsFigures> {
  const database = await prepareAppDatabase(adminUrl, DB, log);
  const pool = database.pool!;
  const app = await buildApp({ config: testConfig({ webDistDir: path.join(os.tmpdir(), "niangjia-bench-no-web") }), database, logger: false, jobRunner: false, doors: false });
  // The baseline: Fastify, one prepared statement on an index, the app's own pool.
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { id: string } }>("/org/:id", async (request) => {
    const { rows } = await pool.query({ name: "bench_org_by_id", text: "select id, code, name, type, path from org where id = $1", values: [request.params.id] });
    return rows[0];
  });
  try {
    const base = await listen(app);
    const bareBase = await listen(bare);
    const [{ version } = { version: "?" }] = await database.query<{ version: string }>("select version()");
    const signIn = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: "jb.admin", password: "Niangjia@2026" }) });
    if (signIn.status !== 200) throw new Error(`sign-in: HTTP ${signIn.status}`);
    const headers = { cookie: signIn.headers.getSetCookie().find((c) => c.startsWith("nj_sid="))!.split(";")[0]! };
    const [street] = await database.query<{ id: string }>(`select id from org where code = 'JB-GYQ'`);
    const baselineUrl = `${bareBase}/org/${street!.id}`;
    const routes: { label: string; url: string; isCacheOff?: true }[] = [
      { label: "GET /api/v1/orgs/:id (a street)", url: `${base}/api/v1/orgs/${street!.id}` },
      // The same route as it was before the session cache: what the cache saves.
      { label: "GET /api/v1/orgs/:id, session cache off", url: `${base}/api/v1/orgs/${street!.id}`, isCacheOff: true },
      { label: "GET /api/v1/members (first page of 20)", url: `${base}/api/v1/members?pageSize=20` },
      { label: "GET /api/v1/positions (first page of 20)", url: `${base}/api/v1/positions?pageSize=20` },
      { label: "GET /api/v1/fund-shops (first page of 20)", url: `${base}/api/v1/fund-shops?pageSize=20` },
    ];
    const statements = new Map<string, number>();
    const cache = app.services.sessionCache;
    for (const r of routes) {
      cache.setLive(!r.isCacheOff);
      // The first request fills the session cache; the statements counted are those of a warm one.
      const first = await fetch(r.url, { headers });
      if (first.status !== 200) throw new Error(`${r.label}: HTTP ${first.status} ${await first.text()}`);
      const sql = await captureSql(database, async () => void (await fetch(r.url, { headers })).arrayBuffer());
      statements.set(r.label, sql.length);
    }
    cache.setLive(true);
    log(`reads: baseline (bare Fastify + one prepared SELECT through the app's pool)`);
    const baselines = [await measure(baselineUrl)];
    log(`reads:   ${fmt(baselines[0]!.rps, 0)} req/s (load ${fmt(baselines[0]!.load1, 2)})`);
    const figures: RouteFigures[] = [];
    for (const r of routes) {
      log(`reads: ${r.label}, ${statements.get(r.label)} SQL statement(s) per request`);
      cache.setLive(!r.isCacheOff);
      const load = await measure(r.url, headers);
      cache.setLive(true);
      if (load.bad > 0) log(`  ⚠ ${load.bad} non-2xx/errors/timeouts — this figure is not valid`);
      const after = await measure(baselineUrl);
      const before = baselines[baselines.length - 1]!;
      baselines.push(after);
      const baseline = (before.rps + after.rps) / 2;
      const figure = { label: r.label, isComparison: Boolean(r.isCacheOff), statements: statements.get(r.label)!, load, baseline, spread: Math.abs(before.rps - after.rps) / baseline, ratio: load.rps / baseline };
      figures.push(figure);
      log(`reads:   ${fmt(load.rps, 0)} req/s, p50 ${load.p50} / p99 ${load.p99} ms; baseline ${fmt(baseline, 0)} (±${fmt(figure.spread * 50, 1)} %); ratio ${fmt(figure.ratio, 2)} — ${figure.isComparison ? "comparison" : figure.ratio >= GOAL ? "met" : "not met"} (load ${fmt(load.load1, 2)})`);
    }
    return { before: baselines[0]!, baselines, routes: figures, version, poolSize: (pool.options as { max?: number }).max ?? 10 };
  } finally {
    await app.close();
    await bare.close();
    await database.close();
    await dropDatabase(adminUrl, DB);
  }
}

export function readsMarkdown(f: ReadsFigures, command: string): string {
  const rows = f.routes.map((r) => [
    r.label,
    String(r.statements),
    fmt(r.load.rps, 0),
    `${r.load.p50} / ${r.load.p99}`,
    `${fmt(r.baseline, 0)} (±${fmt(r.spread * 50, 1)} %)`,
    fmt(r.ratio, 2),
    r.isComparison ? "(comparison)" : r.ratio >= GOAL ? "met" : "not met",
    fmt(r.load.load1, 2),
  ]);
  return [
    `## ${READS_HEADING} (\`${command}\`)`,
    "",
    `${os.cpus().length} cores, ${f.version.split(" on ")[0]}, pool of ${f.poolSize}; signed in as jb.admin (江北区总工会); autocannon in its own process, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s per burst. Baseline: a bare Fastify route running one prepared indexed SELECT (an org by id) through the same pool, measured before and after each route (the mean; ± half the spread). Goal: ≥ ${GOAL} × the baseline. Statements: SQL sent per warm request (session cached).`,
    "",
    table(["route", "SQL / request", "req/s", "p50 / p99 ms", "baseline req/s", "÷ baseline", "goal", "load avg"], rows),
  ].join("\n");
}
