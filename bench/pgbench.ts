// `pgbench -S` on the benchmark server: the PostgreSQL baseline of the org-read part of run.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fmt, log, num } from "./common";
import { pgBin } from "./pg-cluster";

const SECONDS = num("BENCH_SECONDS", 10);
const WARMUP = num("BENCH_WARMUP_SECONDS", 2);

function pgbenchCommand(): string {
  const candidate = path.join(pgBin(), "pgbench");
  return fs.existsSync(candidate) ? candidate : "pgbench";
}

export function pgbenchSelectOnly(url: string): {
  tps: number;
  latencyMs: number;
  command: string;
} {
  const bin = pgbenchCommand();
  log("pgbench: initialising scale 10 (1,000,000 accounts)");
  const init = spawnSync(bin, ["-i", "-s", "10", "-q", url], {
    encoding: "utf8",
  });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const args = ["-S", "-c", "8", "-j", "2", "-T", String(SECONDS), "-n", url];
  const command = `pgbench -S -c 8 -j 2 -T ${SECONDS}`;
  log(`pgbench: ${command} (after a ${WARMUP} s warm-up)`);
  if (WARMUP > 0)
    spawnSync(
      bin,
      ["-S", "-c", "8", "-j", "2", "-T", String(Math.ceil(WARMUP)), "-n", url],
      { encoding: "utf8" },
    );
  const run = spawnSync(bin, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pgbench -S failed: ${run.stderr}`);
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
  const latencyMs = Number(
    /latency average = ([\d.]+) ms/.exec(run.stdout)?.[1],
  );
  log(`pgbench:   ${fmt(tps, 0)} TPS, latency average ${latencyMs} ms`);
  return { tps, latencyMs, command };
}
