// Helpers every benchmark part shares: env numbers, the log with elapsed seconds, number and table
// formatting, percentiles, databases on the benchmark server, and latest.md sections.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import type { Database } from "../apps/server/src/db/client";

export type Log = (msg: string) => void;

export const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const t0 = performance.now();
export const elapsedSeconds = (): number => (performance.now() - t0) / 1000;
export const log: Log = (msg) =>
  console.log(`[${elapsedSeconds().toFixed(0).padStart(4)} s] ${msg}`);

export function fmt(n: number | undefined, digits = 1): string {
  if (n === undefined || !Number.isFinite(n)) return "—";
  return n.toLocaleString("en", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => "---"), ...rows];
  return lines.map((r) => `| ${r.join(" | ")} |`).join("\n");
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** p50 / p99 / mean of a list of milliseconds (nearest-rank percentiles). */
export function percentiles(times: number[]): {
  p50: number;
  p99: number;
  mean: number;
} {
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) =>
    sorted[
      Math.min(
        sorted.length - 1,
        Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
      )
    ] ?? NaN;
  return {
    p50: pct(50),
    p99: pct(99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** A deterministic pseudo-random generator (mulberry32): the same seed, the same benchmark. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return `http://127.0.0.1:${address.port}`;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, sql: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const s of sql) await client.query(s);
  } finally {
    await client.end();
  }
}

export const recreateDatabase = (
  adminUrl: string,
  name: string,
): Promise<void> =>
  adminQuery(adminUrl, [
    `drop database if exists ${name} with (force)`,
    `create database ${name}`,
  ]);

export const dropDatabase = (adminUrl: string, name: string): Promise<void> =>
  adminQuery(adminUrl, [`drop database if exists ${name} with (force)`]);

/** BENCH_WITHOUT=postgis,pgrouting,osm2pgrouting: act as if they were not installed (to see what a machine without them gets). */
export const pretendMissing = (name: string): boolean =>
  (process.env.BENCH_WITHOUT ?? "")
    .split(",")
    .map((s) => s.trim())
    .includes(name);

/** Which of these extensions the server could create (installed as packages), by name. */
export async function availableExtensions(
  url: string,
  names: string[],
): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select name from pg_available_extensions where name = any($1)",
      [names],
    );
    return new Set(rows.map((r) => r.name).filter((n) => !pretendMissing(n)));
  } finally {
    await client.end();
  }
}

/** Records the SQL the database driver receives while fn runs (to count and EXPLAIN it). */
export async function captureSql(
  database: Database,
  fn: () => Promise<void>,
): Promise<{ text: string; params: unknown[] }[]> {
  const seen: { text: string; params: unknown[] }[] = [];
  const target = (database.pool ?? database.pglite) as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const original = target.query;
  target.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    seen.push({
      text: typeof first === "string" ? first : first.text,
      params: (args[1] as unknown[]) ?? [],
    });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    target.query = original;
  }
  return seen;
}

export function resultsDir(): string {
  return path.join(path.dirname(new URL(import.meta.url).pathname), "results");
}

/**
 * Replaces the `## <heading>` section of latest.md whose heading starts with `prefix` by `section`
 * (appends it when absent), keeping every other section as it was.
 */
export function replaceSection(prefix: string, section: string): void {
  const file = path.join(resultsDir(), "latest.md");
  const previous = fs.existsSync(file)
    ? fs.readFileSync(file, "utf8").trimEnd()
    : "# Niangjia benchmark results";
  const parts = previous.split(/\n(?=## )/);
  const at = parts.findIndex((p) => p.startsWith(`## ${prefix}`));
  if (at >= 0) parts[at] = section.trimEnd() + "\n";
  else parts.push(section.trimEnd() + "\n");
  fs.mkdirSync(resultsDir(), { recursive: true });
  fs.writeFileSync(file, parts.map((p) => p.trimEnd()).join("\n\n") + "\n");
}
