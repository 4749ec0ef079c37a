/**
 * Fund benchmark (issue #6, point 11), part of `npm run bench` (`BENCH_ONLY=fund` runs only it):
 *   1. sustained signed sales ingestion on PostgreSQL over real HTTP: 8 terminals, batches of
 *      100 sales (as an offline till catching up would), and one sale per request; the totals are
 *      checked to the fen against the ledger afterwards;
 *   2. `pgbench -N` (simple update) on the same server in the same run, as the ratio;
 *   3. sale-to-screen latency with 50 Server-Sent-Events clients open: from the moment a terminal
 *      sends a sale to the moment each screen receives it (LISTEN/NOTIFY → SSE), p50 / p99.
 * Figures only: nothing here asserts a timing.
 */
import { execFile, spawnSync } from "node:child_process";
import os from "node:os";
import { promisify } from "node:util";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { demoTerminalKey } from "../apps/server/src/db/seed/demo-fund";
import { findBalanceMismatches, getTotals, randomSale, signPosRequest } from "../apps/server/src/modules/fund";
import { dropDatabase, num, recreateDatabase, withDatabase, type Log } from "./common";
import { startDemoApp } from "./demo-app";
import { pgBin } from "./pg-cluster";

/** One timed burst of the load child: accepted sales per second, exact to the fen, the load average at its end. */
type Burst = { label: string; clients: number; batch: number; sales: number; seconds: number; rate: number; p50: number; p99: number; exact: boolean; load1: number };

export type FundFigures = {
  bursts: Burst[];
  /** pgbench -N before and after the bursts: the divisor is their mean, the spread is printed. */
  pgbench: { before: number; after: number; tps: number; spread: number; command: string };
  latency: { screens: number; sales: number; samples: number; p50: number; p99: number; max: number };
};

/** The goals of issue 11 point 3, as ratios to pgbench -N. */
const GOALS = [
  { label: "one sale per request, 32 at a time", min: 0.25 },
  { label: `batches of 100, 8 at a time`, min: 1.0 },
];

const FUND_DB = "niangjia_bench_fund";
const PGBENCH_DB = "niangjia_bench_fund_pgbench";
const SECONDS = num("BENCH_SECONDS", 10);
const TERMINALS = 8;
const BATCH = 100;
const SCREENS = 50;
const WARMUP = num("BENCH_WARMUP_SECONDS", 2);
const run = promisify(execFile);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function post(base: string, path: string, key: { keyId: string; secret: string }, body: unknown): Promise<any> {
  const text = JSON.stringify(body);
  const res = await fetch(base + path, { method: "POST", headers: { ...signPosRequest({ ...key, method: "POST", path, body: text }), "content-type": "application/json" }, body: text });
  if (res.status !== 200) throw new Error(`POS answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** One timed burst from the load child process (warm-up first), over `clients` closed loops on the 8 terminals. */
async function burst(base: string, clients: number, batch: number, seconds: number): Promise<Omit<Burst, "label" | "exact" | "rate" | "load1"> & { accepted: number }> {
  const child = path.join(path.dirname(new URL(import.meta.url).pathname), "pos-load-child.ts");
  const keys = Array.from({ length: TERMINALS }, (_, t) => demoTerminalKey(`SHOP-${String(t + 1).padStart(2, "0")}`));
  const opts = { base, keys, clients, batch, warmup: WARMUP, seconds, prefix: `B${clients}x${batch}-` };
  const { stdout } = await run(process.execPath, ["--import", "tsx", child, JSON.stringify(opts)], { maxBuffer: 1 << 20 });
  const r = JSON.parse(stdout.trim().split("\n").pop()!) as { accepted: number; requests: number; seconds: number; p50: number; p99: number };
  return { clients, batch, sales: r.accepted, accepted: r.accepted, seconds: r.seconds, p50: r.p50, p99: r.p99 };
}

export function pgbenchSimpleUpdate(url: string, log: Log): { tps: number; command: string } {
  const candidate = path.join(pgBin(), "pgbench");
  const bin = fs.existsSync(candidate) ? candidate : "pgbench";
  log("fund: pgbench -i -s 10");
  const init = spawnSync(bin, ["-i", "-s", "10", "-q", url], { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const command = `pgbench -N -c 8 -j 2 -T ${SECONDS}`;
  log(`fund: ${command}`);
  const run = spawnSync(bin, ["-N", "-c", "8", "-j", "2", "-T", String(SECONDS), "-n", url], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pgbench -N failed: ${run.stderr}`);
  return { tps: Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]), command };
}

/** Opens `n` SSE screens; calls back with each event's entry id and receipt time. */
async function openScreens(port: number, n: number, onEvent: (id: string, at: number) => void): Promise<() => void> {
  const requests: http.ClientRequest[] = [];
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<void>((resolve, reject) => {
          const req = http.get({ host: "127.0.0.1", port, path: "/api/v1/public/fund/stream", agent: false }, (res) => {
            let buffer = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => {
              const at = performance.now();
              buffer += chunk;
              let cut: number;
              while ((cut = buffer.indexOf("\n\n")) >= 0) {
                const block = buffer.slice(0, cut);
                buffer = buffer.slice(cut + 2);
                const id = /^id: (.*)$/m.exec(block)?.[1];
                if (id) onEvent(id, at);
                if (block.includes("connected")) resolve();
              }
            });
          });
          req.on("error", reject);
          requests.push(req);
        }),
    ),
  );
  return () => requests.forEach((r) => r.destroy());
}

export async function benchFund(adminUrl: string, log: Log): Promise<FundFigures> {
  const { database, app, base, close } = await startDemoApp(adminUrl, FUND_DB, log, "fund");
  try {
    const port = (app.server.address() as { port: number }).port;
    const fundId = (await database.query<{ id: string }>("select id from fund limit 1"))[0]!.id;
    const countSales = async () => Number((await database.query<{ n: number }>("select count(*)::bigint as n from fund_sale"))[0]!.n);

    const check = async (accepted: number, before: { fen: number; rows: number }) => {
      const totals = await getTotals(database.db, fundId);
      const rows = await countSales();
      const mismatches = await findBalanceMismatches(database.db, fundId);
      return totals.contributedFen - before.fen === accepted * 10 && rows - before.rows === accepted && mismatches.length === 0;
    };

    const pgbenchOnce = async () => {
      await recreateDatabase(adminUrl, PGBENCH_DB);
      const r = pgbenchSimpleUpdate(withDatabase(adminUrl, PGBENCH_DB), log);
      await dropDatabase(adminUrl, PGBENCH_DB);
      log(`fund:   pgbench -N ${r.tps.toFixed(0)} TPS (load average ${os.loadavg()[0]!.toFixed(1)})`);
      return r;
    };
    const first = await pgbenchOnce();
    const bursts: Burst[] = [];
    for (const [label, clients, batch] of [
      ["one sale per request, 1 at a time", 1, 1],
      ["one sale per request, 8 at a time", 8, 1],
      ["one sale per request, 32 at a time", 32, 1],
      [`batches of ${BATCH}, 8 at a time`, TERMINALS, BATCH],
    ] as const) {
      const before = { fen: (await getTotals(database.db, fundId)).contributedFen, rows: await countSales() };
      log(`fund: ${label} for ${SECONDS} s (after a ${WARMUP} s warm-up), from a separate process`);
      const r = await burst(base, clients, batch, SECONDS);
      // The warm-up's sales count too: the check compares everything accepted since `before`.
      const after = { fen: (await getTotals(database.db, fundId)).contributedFen, rows: await countSales() };
      const sinceBefore = after.rows - before.rows;
      const exact = (await check(sinceBefore, before)) && sinceBefore >= r.accepted;
      const b: Burst = { label, ...r, rate: r.accepted / r.seconds, exact, load1: os.loadavg()[0]! };
      bursts.push(b);
      log(`fund:   ${b.rate.toFixed(0)} sales/s, p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms, exact: ${exact} (load average ${b.load1.toFixed(1)})`);
    }
    const last = await pgbenchOnce();
    const tps = (first.tps + last.tps) / 2;
    const pgbench = { before: first.tps, after: last.tps, tps, spread: Math.abs(first.tps - last.tps) / tps, command: first.command };

    log(`fund: sale-to-screen latency with ${SCREENS} screens`);
    const received = new Map<string, number[]>();
    const close = await openScreens(port, SCREENS, (id, at) => {
      const list = received.get(id) ?? [];
      list.push(at);
      received.set(id, list);
    });
    const sentAt = new Map<string, number>();
    const key = demoTerminalKey("SHOP-10");
    const SALES = 200;
    for (let i = 0; i < SALES; i++) {
      const started = performance.now();
      const answer = await post(base, "/api/v1/pos/sales", key, randomSale("L"));
      sentAt.set(answer.entryId, started);
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 1000));
    close();
    const samples: number[] = [];
    for (const [id, start] of sentAt) for (const at of received.get(id) ?? []) samples.push(at - start);
    samples.sort((a, b) => a - b);
    const latency = { screens: SCREENS, sales: SALES, samples: samples.length, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), max: samples[samples.length - 1] ?? NaN };
    log(`fund:   ${samples.length} deliveries, p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
    return { bursts, pgbench, latency };
  } finally {
    await close();
  }
}

export function fundMarkdown(f: FundFigures, command: string): string {
  const fmt = (n: number, d = 0) => n.toLocaleString("en", { minimumFractionDigits: d, maximumFractionDigits: d });
  const goalOf = (b: Burst) => GOALS.find((g) => g.label === b.label);
  return [
    `## Fund: POS sales ingestion and sale-to-screen latency (\`${command}\`)`,
    "",
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores shared with other work (the 1-minute load average is printed beside each figure). PostgreSQL 15; the app in the bench process on real HTTP; the load from a separate process (bench/pos-load-child.ts), ${TERMINALS} terminals signing every request (HMAC-SHA256, nonce stored in the sale's transaction), closed loops, an untimed warm-up before each burst. Sales of one request, or of the requests that arrive while a write is under way, share one transaction (group commit, sales-batcher.ts): the sale rows, ledger entries, postings, one update of the fund's hot rows, and the screens' notification. "Exact" = the fund's total rose by exactly 10 fen × the sales written, one sale row each, and every running balance equals the sum of its postings. Baseline: \`${f.pgbench.command}\` on the same server, before (${fmt(f.pgbench.before)} TPS) and after (${fmt(f.pgbench.after)} TPS) the bursts: mean ${fmt(f.pgbench.tps)} TPS, spread ±${fmt(f.pgbench.spread * 50, 0)} %.`,
    "",
    "| measure | sales/s | request p50 / p99 (ms) | exact | ÷ `pgbench -N` | goal | load avg |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...f.bursts.map((b) => {
      const ratio = b.rate / f.pgbench.tps;
      const goal = goalOf(b);
      return `| ${b.label} | ${fmt(b.rate)} | ${fmt(b.p50, 1)} / ${fmt(b.p99, 1)} | ${b.exact ? "yes" : "**NO**"} | ${ratio.toFixed(2)} | ${goal ? `≥ ${goal.min.toFixed(2)}: ${ratio >= goal.min ? "met" : "**not met**"}` : "—"} | ${fmt(b.load1, 1)} |`;
    }),
    "",
    `Sale-to-screen latency, ${f.latency.screens} screens open, ${f.latency.sales} sales one at a time: ${fmt(f.latency.samples)} deliveries, **p50 ${fmt(f.latency.p50, 1)} ms, p99 ${fmt(f.latency.p99, 1)} ms** (max ${fmt(f.latency.max, 1)} ms), measured from the terminal sending the request to each screen receiving the event.`,
    "",
  ].join("\n");
}
