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
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { demoTerminalKey } from "../apps/server/src/db/seed/demo-fund";
import { findBalanceMismatches, getTotals, randomSale, signPosRequest } from "../apps/server/src/modules/fund";
import { dropDatabase, num, recreateDatabase, withDatabase, type Log } from "./common";
import { startDemoApp } from "./demo-app";
import { pgBin } from "./pg-cluster";

export type FundFigures = {
  batched: { sales: number; seconds: number; rate: number; exact: boolean };
  single: { sales: number; seconds: number; rate: number; exact: boolean };
  pgbench: { tps: number; command: string };
  latency: { screens: number; sales: number; samples: number; p50: number; p99: number; max: number };
};

const FUND_DB = "niangjia_bench_fund";
const PGBENCH_DB = "niangjia_bench_fund_pgbench";
const SECONDS = num("BENCH_SECONDS", 10);
const TERMINALS = 8;
const BATCH = 100;
const SCREENS = 50;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function post(base: string, path: string, key: { keyId: string; secret: string }, body: unknown): Promise<any> {
  const text = JSON.stringify(body);
  const res = await fetch(base + path, { method: "POST", headers: { ...signPosRequest({ ...key, method: "POST", path, body: text }), "content-type": "application/json" }, body: text });
  if (res.status !== 200) throw new Error(`POS answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Terminals sending for `seconds`; returns how many sales were accepted. */
async function ingest(base: string, seconds: number, batch: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let accepted = 0;
  await Promise.all(
    Array.from({ length: TERMINALS }, async (_, t) => {
      const key = demoTerminalKey(`SHOP-${String(t + 1).padStart(2, "0")}`);
      while (Date.now() < until) {
        const sales = Array.from({ length: batch }, () => randomSale(`B${t}`));
        const answer = await post(base, "/api/v1/pos/sales", key, batch === 1 ? sales[0] : { sales });
        const results = (batch === 1 ? [answer] : answer.results) as { status: string }[];
        accepted += results.filter((r) => r.status === "accepted").length;
      }
    }),
  );
  return accepted;
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

    log(`fund: warm-up`);
    await ingest(base, 2, BATCH);
    let before = { fen: (await getTotals(database.db, fundId)).contributedFen, rows: await countSales() };
    log(`fund: ${TERMINALS} terminals × batches of ${BATCH} for ${SECONDS} s`);
    let t0 = performance.now();
    const batchedSales = await ingest(base, SECONDS, BATCH);
    let seconds = (performance.now() - t0) / 1000;
    const batched = { sales: batchedSales, seconds, rate: batchedSales / seconds, exact: await check(batchedSales, before) };
    log(`fund:   ${batched.rate.toFixed(0)} sales/s, totals exact: ${batched.exact}`);

    before = { fen: (await getTotals(database.db, fundId)).contributedFen, rows: await countSales() };
    log(`fund: ${TERMINALS} terminals × one sale per request for ${SECONDS} s`);
    t0 = performance.now();
    const singleSales = await ingest(base, SECONDS, 1);
    seconds = (performance.now() - t0) / 1000;
    const single = { sales: singleSales, seconds, rate: singleSales / seconds, exact: await check(singleSales, before) };
    log(`fund:   ${single.rate.toFixed(0)} sales/s, totals exact: ${single.exact}`);

    await recreateDatabase(adminUrl, PGBENCH_DB);
    const pgbench = pgbenchSimpleUpdate(withDatabase(adminUrl, PGBENCH_DB), log);
    await dropDatabase(adminUrl, PGBENCH_DB);
    log(`fund:   pgbench -N ${pgbench.tps.toFixed(0)} TPS`);

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
    return { batched, single, pgbench, latency };
  } finally {
    await close();
  }
}

export function fundMarkdown(f: FundFigures, command: string): string {
  const fmt = (n: number, d = 0) => n.toLocaleString("en", { minimumFractionDigits: d, maximumFractionDigits: d });
  return [
    `## Fund: POS sales ingestion and sale-to-screen latency (\`${command}\`)`,
    "",
    `PostgreSQL 15, the app in this process on real HTTP; ${TERMINALS} terminals signing every request (HMAC-SHA256, nonce stored); each sale writes the sale row, a ledger entry, two postings and the running totals, and notifies the screens. "Exact" = the fund's total rose by exactly 10 fen × accepted sales, one sale row each, and every running balance equals the sum of its postings.`,
    "",
    "| measure | figure | ratio to `pgbench -N` |",
    "| --- | --- | --- |",
    `| signed sales, batches of ${BATCH} (offline catch-up) | ${fmt(f.batched.rate)} sales/s (${fmt(f.batched.sales)} in ${fmt(f.batched.seconds, 1)} s), exact: ${f.batched.exact ? "yes" : "**NO**"} | ${(f.batched.rate / f.pgbench.tps).toFixed(2)} |`,
    `| signed sales, one per request | ${fmt(f.single.rate)} sales/s (${fmt(f.single.sales)} in ${fmt(f.single.seconds, 1)} s), exact: ${f.single.exact ? "yes" : "**NO**"} | ${(f.single.rate / f.pgbench.tps).toFixed(2)} |`,
    `| \`${f.pgbench.command}\` (simple update, same server, same run) | ${fmt(f.pgbench.tps)} TPS | 1.00 |`,
    "",
    `Sale-to-screen latency, ${f.latency.screens} screens open, ${f.latency.sales} sales one at a time: ${fmt(f.latency.samples)} deliveries, **p50 ${fmt(f.latency.p50, 1)} ms, p99 ${fmt(f.latency.p99, 1)} ms** (max ${fmt(f.latency.max, 1)} ms), measured from the terminal sending the request to each screen receiving the event.`,
    "",
  ].join("\n");
}
