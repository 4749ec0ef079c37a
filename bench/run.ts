/**
 * `npm run bench`: prints, from one run on one machine,
 *   1. authenticated GET /api/v1/orgs/:id (a street) on PGlite and on PostgreSQL, beside two
 *      baselines measured in the same run: a bare Fastify route and `pgbench -S` on the same
 *      PostgreSQL server, with the ratios;
 *   2. subtree listing and ancestor fetch with ~100,000 org nodes, on both databases, with the
 *      EXPLAIN of the subtree queries;
 *   3. members (bench/members.ts): a 100,000-row .xlsx import through the API (rows/s, server peak
 *      RSS) and search among 1,000,000 members on both databases. `BENCH_ONLY=members` runs only
 *      this part and replaces its section in latest.md; BENCH_SKIP_MEMBERS=1 leaves it out;
 *   4. positions (bench/positions-parts.ts): nearest among 100,000 positions beside PostGIS KNN
 *      (positions.ts), the Andorra import and coverage beside pgRouting (coverage.ts, pgrouting.ts),
 *      coverage on a generated ~1,000,000-edge city (city.ts), and a light route's p50/p99 while a
 *      coverage job of that city runs, in a worker thread and on the main thread (city-job.ts).
 *      BENCH_SKIP_POSITIONS=1 leaves it out.
 *   5. doors (bench/doors.ts): 200 concurrent scans on PostgreSQL + Mosquitto beside a bare MQTT round
 *      trip. BENCH_SKIP_DOORS=1 leaves it out.
 *   6. fund (bench/fund.ts): signed POS sales ingestion beside pgbench -N, and sale-to-screen latency
 *      with 50 screens. BENCH_SKIP_FUND=1 leaves it out.
 *   6b. reads (bench/reads.ts): four authenticated list/detail routes beside a bare Fastify route
 *      running one prepared indexed SELECT through the same pool (goal ≥ 0.7×). BENCH_SKIP_READS=1
 *      leaves it out.
 *   7. figures (bench/figures.ts): any indicator for a district and a year at 1 M members, 10 M door
 *      entries, 5 M postings, beside a plain count(*). BENCH_SKIP_FIGURES=1 leaves it out.
 * `npm run bench -- positions` (or nearest / network / city / cityjob / members / reads / doors / fund) runs only those parts and
 * replaces their sections of latest.md.
 * Writes the same tables to bench/results/latest.md. Figures only: nothing here asserts a timing.
 *
 * Env: BENCH_SECONDS (10) per load run, BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (50),
 * BENCH_SEQUENTIAL (200) sequential requests for p50/p99, BENCH_WORKERS (1) autocannon threads,
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server where we may create databases;
 * otherwise a throwaway cluster is started), BENCH_SKIP_PGLITE=1 / BENCH_SKIP_POSTGRES=1.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import Fastify from "fastify";
import { buildApp } from "../apps/server/src/app";
import { testConfig } from "../apps/server/src/config";
import { openDatabase, type Database } from "../apps/server/src/db/client";
import { runMigrations } from "../apps/server/src/db/migrate";
import { seedDemo } from "../apps/server/src/db/seed/demo";
import { startPgCluster, type PgCluster } from "./pg-cluster";
import { addBenchDistrictAdmin, seedBenchTree } from "./tree";
import {
  captureSql,
  dropDatabase,
  elapsedSeconds,
  fmt,
  listen,
  log,
  machine,
  num,
  recreateDatabase,
  resultsDir,
  withDatabase,
} from "./common";
import { benchDoors, doorsMarkdown } from "./doors";
import { benchFund, fundMarkdown } from "./fund";
import { benchFigures, figuresMarkdown } from "./figures";
import { benchReads, readsMarkdown } from "./reads";
import { benchMembers, runSelected, selectedParts } from "./parts";
import { pgbenchSelectOnly } from "./pgbench";
import { POSITIONS_PARTS, runPositionsParts } from "./positions-parts";
import { orgReport, type DbResult, type Explain, type Load, type Row, type Seq } from "./org-report";

const SECONDS = num("BENCH_SECONDS", 10);
const WARMUP = num("BENCH_WARMUP_SECONDS", 2);
const CONNECTIONS = num("BENCH_CONNECTIONS", 50);
const SEQUENTIAL = num("BENCH_SEQUENTIAL", 200);
const WORKERS = num("BENCH_WORKERS", 1);
const PASSWORD = "Niangjia@2026";
const APP_DB = "niangjia_bench";
const PGBENCH_DB = "niangjia_pgbench";


// ---------------------------------------------------------------------------------------------
// measuring

async function load(
  url: string,
  headers: Record<string, string> = {},
): Promise<Load> {
  const opts = {
    url,
    headers,
    connections: CONNECTIONS,
    workers: WORKERS,
    timeout: 30,
  };
  if (WARMUP > 0) await autocannon({ ...opts, duration: WARMUP });
  const r: Result = await autocannon({ ...opts, duration: SECONDS });
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0)
    log(
      `  ⚠ ${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts — figures below are not valid`,
    );
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad,
    requests: r.requests.total ?? r.requests.sent,
  };
}

/** One request at a time on a keep-alive connection: the latency of the query path itself. */
async function sequential(
  url: string,
  headers: Record<string, string>,
  n = SEQUENTIAL,
): Promise<Seq> {
  for (let i = 0; i < 10; i++)
    await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  return {
    p50: pct(50),
    p99: pct(99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

// ---------------------------------------------------------------------------------------------
// servers

async function bareFastify(): Promise<Load> {
  const app = Fastify({ logger: false });
  app.get("/ping", async () => ({ ok: true }));
  const base = await listen(app);
  try {
    return await load(`${base}/ping`);
  } finally {
    await app.close();
  }
}

async function signIn(
  base: string,
  login: string,
): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (res.status !== 200)
    throw new Error(
      `sign-in as ${login}: HTTP ${res.status} ${await res.text()}`,
    );
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("nj_sid="));
  if (!cookie) throw new Error(`sign-in as ${login}: no nj_sid cookie`);
  return { cookie: cookie.split(";")[0]! };
}


async function explainAll(
  database: Database,
  label: string,
  statements: { text: string; params: unknown[] }[],
  wholeTree = false,
): Promise<Explain[]> {
  const out: Explain[] = [];
  for (const s of statements) {
    if (!/"path" like/i.test(s.text)) continue;
    const rows = await database.query<Record<string, string>>(
      `explain (analyze, buffers) ${s.text}`,
      s.params,
    );
    const plan = rows.map((r) => Object.values(r)[0]).join("\n");
    out.push({
      label,
      sql: s.text,
      params: s.params,
      plan,
      usesPathIndex: /org_path_idx/.test(plan),
      wholeTree,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// one database


async function benchDatabase(
  kind: DbResult["kind"],
  database: Database,
): Promise<DbResult> {
  const [{ version } = { version: "?" }] = await database.query<{
    version: string;
  }>("select version()");
  log(
    `${kind}: migrating and loading the demo data (${version.split(" on ")[0]})`,
  );
  await runMigrations(database);
  await seedDemo(database);
  const app = await buildApp({
    config: testConfig({
      webDistDir: path.join(os.tmpdir(), "niangjia-bench-no-web"),
    }),
    database,
    logger: false,
  });
  const base = await listen(app);
  try {
    const admin = await signIn(base, "jb.admin");
    const [street] = await database.query<{ id: string }>(
      `select id from org where code = 'JB-GYQ'`,
    );
    const orgUrl = `${base}/api/v1/orgs/${street!.id}`;
    const getOrgSql = await captureSql(
      database,
      async () => void (await fetch(orgUrl, { headers: admin })).arrayBuffer(),
    );
    log(
      `${kind}: GET /api/v1/orgs/:id (street JB-GYQ as jb.admin; ${getOrgSql.length} SQL statements per request)`,
    );
    const getOrg = await load(orgUrl, admin);
    log(
      `${kind}:   ${fmt(getOrg.rps, 0)} req/s, p50 ${getOrg.p50} ms, p99 ${getOrg.p99} ms`,
    );

    log(`${kind}: inserting the large tree`);
    const tree = await seedBenchTree(database);
    log(
      `${kind}:   ${tree.nodes.toLocaleString("en")} nodes in ${tree.seconds.toFixed(1)} s`,
    );
    await addBenchDistrictAdmin(database);
    const district = await signIn(base, "bench.district");
    const platform = await signIn(base, "admin");

    const underDistrict = `${base}/api/v1/orgs?under=${tree.districtId}&pageSize=50`;
    const underRoot = `${base}/api/v1/orgs?under=${tree.rootId}&pageSize=50`;
    const ancestors = `${base}/api/v1/orgs/${tree.deepGrassrootsId}`;
    const treeRows: Row[] = [];
    const explains: Explain[] = [];

    const districtSql = await captureSql(
      database,
      async () =>
        void (await fetch(underDistrict, { headers: district })).arrayBuffer(),
    );
    explains.push(
      ...(await explainAll(
        database,
        `${kind}: subtree of one district (${tree.districtNodes.toLocaleString("en")} nodes), district admin`,
        districtSql,
      )),
    );
    const rootSql = await captureSql(
      database,
      async () =>
        void (await fetch(underRoot, { headers: platform })).arrayBuffer(),
    );
    explains.push(
      ...(await explainAll(
        database,
        `${kind}: subtree of the root (${tree.nodes.toLocaleString("en")} nodes), platform admin`,
        rootSql,
        true,
      )),
    );

    log(
      `${kind}: subtree of one district, ${SEQUENTIAL} sequential requests + load`,
    );
    treeRows.push({
      label: `list ?under=district (${tree.districtNodes.toLocaleString("en")} in subtree), pageSize 50`,
      seq: await sequential(underDistrict, district),
      load: await load(underDistrict, district),
    });
    log(`${kind}: subtree of the root, ${SEQUENTIAL} sequential requests`);
    treeRows.push({
      label: `list ?under=root (${tree.nodes.toLocaleString("en")} in subtree), pageSize 50`,
      seq: await sequential(underRoot, platform),
    });
    log(
      `${kind}: ancestor fetch of a grassroots node (depth 3), ${SEQUENTIAL} sequential requests + load`,
    );
    treeRows.push({
      label: "GET /orgs/:id of a grassroots node with its ancestors",
      seq: await sequential(ancestors, district),
      load: await load(ancestors, district),
    });
    return {
      kind,
      getOrg,
      getOrgQueries: getOrgSql.length,
      tree,
      treeRows,
      explains,
      version,
    };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const parts = selectedParts();
  if (parts) return runSelected(parts);
  console.log(`Niangjia benchmarks — ${machine()}`);
  console.log(
    `load: autocannon, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s, ${WORKERS} worker thread(s); sequential: ${SEQUENTIAL} requests\n`,
  );

  let cluster: PgCluster | undefined;
  let adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const externalServer = Boolean(adminUrl);
  const skipPg = process.env.BENCH_SKIP_POSTGRES === "1";
  const skipPglite = process.env.BENCH_SKIP_PGLITE === "1";
  const results: DbResult[] = [];
  let pgbench: ReturnType<typeof pgbenchSelectOnly> | undefined;
  let bare: Load | undefined;
  let membersSection = "";
  let positionsSections: string[] = [];

  try {
    log("bare Fastify: GET /ping");
    bare = await bareFastify();
    log(
      `bare Fastify:   ${fmt(bare.rps, 0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
    );

    if (!skipPglite) {
      const database = await openDatabase({});
      try {
        results.push(await benchDatabase("PGlite", database));
      } finally {
        await database.close();
      }
    }

    if (!skipPg) {
      if (!adminUrl) {
        log("PostgreSQL: starting a throwaway 15 cluster");
        cluster = await startPgCluster();
        adminUrl = cluster.url("postgres");
      } else {
        log(
          `PostgreSQL: using ${adminUrl.replace(/\/\/[^@]*@/, "//…@")} (databases ${APP_DB} and ${PGBENCH_DB} are created and dropped)`,
        );
      }
      await recreateDatabase(adminUrl, APP_DB);
      await recreateDatabase(adminUrl, PGBENCH_DB);
      const database = await openDatabase({
        databaseUrl: withDatabase(adminUrl, APP_DB),
      });
      try {
        results.push(await benchDatabase("PostgreSQL", database));
      } finally {
        await database.close();
      }
      pgbench = pgbenchSelectOnly(withDatabase(adminUrl, PGBENCH_DB));
      if (externalServer) {
        await dropDatabase(adminUrl, APP_DB);
        await dropDatabase(adminUrl, PGBENCH_DB);
      }
    }
    if (process.env.BENCH_SKIP_MEMBERS !== "1")
      membersSection = await benchMembers(adminUrl, skipPg, skipPglite);
    if (!skipPg && adminUrl && process.env.BENCH_SKIP_READS !== "1")
      membersSection += `\n\n${readsMarkdown(await benchReads(adminUrl, log), "npm run bench")}`;
    if (!skipPg && adminUrl && process.env.BENCH_SKIP_DOORS !== "1")
      membersSection += `\n\n${doorsMarkdown(await benchDoors(adminUrl), "npm run bench")}`;
    if (!skipPg && adminUrl && process.env.BENCH_SKIP_FUND !== "1")
      membersSection += `\n\n${fundMarkdown(await benchFund(adminUrl, log), "npm run bench")}`;
    if (!skipPg && adminUrl && process.env.BENCH_SKIP_FIGURES !== "1")
      membersSection += `\n\n${figuresMarkdown(await benchFigures(adminUrl, log), "npm run bench")}`;
    if (process.env.BENCH_SKIP_POSITIONS !== "1")
      positionsSections = (
        await runPositionsParts(
          POSITIONS_PARTS,
          skipPg ? undefined : adminUrl,
          "npm run bench",
          log,
        )
      ).map((p) => p.section);
  } finally {
    cluster?.stop();
  }

  const md = orgReport({ results, bare, pgbench, hasCluster: Boolean(cluster), externalServer, seconds: SECONDS, warmup: WARMUP, connections: CONNECTIONS, sequential: SEQUENTIAL, workers: WORKERS });
  if (membersSection) md.push(membersSection);
  for (const section of positionsSections) md.push("", section);
  const text = md.join("\n");
  const outDir = resultsDir();
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "latest.md"), text + "\n");
  console.log(`\n${text}\n`);
  console.log(
    `Written to bench/results/latest.md (${elapsedSeconds().toFixed(0)} s in all).`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
