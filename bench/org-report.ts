/**
 * The org part of bench/results/latest.md (authenticated GET of an org node, subtree listing at
 * ~100,000 nodes, the query plans), rendered from one run's figures; bench/run.ts measures them.
 */
import type { pgbenchSelectOnly } from "./pgbench";
import { fmt, machine, table } from "./common";
import type { BenchTree } from "./tree";

export type Load = {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  requests: number;
};
export type Seq = { p50: number; p99: number; mean: number };
export type Row = {
  label: string;
  load?: Load | undefined;
  seq?: Seq | undefined;
  note?: string;
};

export type Explain = {
  label: string;
  sql: string;
  params: unknown[];
  plan: string;
  usesPathIndex: boolean;
  wholeTree: boolean;
};

export type DbResult = {
  kind: "PGlite" | "PostgreSQL";
  getOrg: Load;
  getOrgQueries: number;
  tree?: BenchTree;
  treeRows: Row[];
  explains: Explain[];
  version: string;
};

export type OrgReportInput = {
  results: DbResult[];
  bare: Load | undefined;
  pgbench: ReturnType<typeof pgbenchSelectOnly> | undefined;
  hasCluster: boolean;
  externalServer: boolean;
  seconds: number;
  warmup: number;
  connections: number;
  sequential: number;
  workers: number;
};

/** The report's lines, up to the members and positions sections that follow them. */
export function orgReport(o: OrgReportInput): string[] {
  const pglite = o.results.find((r) => r.kind === "PGlite");
  const postgres = o.results.find((r) => r.kind === "PostgreSQL");
  const loadCells = (l: Load | undefined) => [
    fmt(l?.rps, 0),
    fmt(l?.p50, 0),
    fmt(l?.p99, 0),
    l ? (l.bad ? `⚠ ${l.bad} bad` : "ok") : "—",
  ];
  const ratio = (a: number | undefined, b: number | undefined) =>
    a && b ? `${(a / b).toFixed(3)} (${((a / b) * 100).toFixed(1)} %)` : "—";

  const md: string[] = [];
  md.push(`# Niangjia benchmark results`);
  md.push("");
  md.push(`Run ${new Date().toISOString()} on ${machine()}.`);
  md.push(
    `PGlite: ${pglite?.version.split(" on ")[0] ?? "—"}; PostgreSQL: ${postgres?.version.split(" on ")[0] ?? "—"} (${o.hasCluster || !o.externalServer ? "throwaway cluster, fsync off" : "BENCH_DATABASE_URL/TEST_DATABASE_URL server"}).`,
  );
  md.push(
    `Load: autocannon, ${o.connections} connections, ${o.warmup} s warm-up then ${o.seconds} s, load generator in ${o.workers} worker thread(s) of the same process as the server. Latencies in ms.`,
  );
  md.push(
    "Figures are noisy and machine-dependent; only ratios within one run mean anything.",
  );
  md.push("");
  md.push(`## Authenticated GET of an org node`);
  md.push("");
  md.push(
    `\`GET /api/v1/orgs/:id\` of a street (观音桥街道, with its ancestors and child count) as \`jb.admin\`: session lookup + ${postgres?.getOrgQueries ?? pglite?.getOrgQueries ?? "?"} SQL statements per request.`,
  );
  md.push("");
  md.push(
    table(
      ["target", "req/s", "p50", "p99", "errors"],
      [
        ["bare Fastify `GET /ping` (baseline)", ...loadCells(o.bare)],
        ["app on PGlite (in-process)", ...loadCells(pglite?.getOrg)],
        [
          "app on PostgreSQL 15 (pg pool of 10)",
          ...loadCells(postgres?.getOrg),
        ],
        [
          `\`${o.pgbench?.command ?? "pgbench -S"}\` (baseline, TPS)`,
          fmt(o.pgbench?.tps, 0),
          fmt(o.pgbench?.latencyMs, 2) + " (avg)",
          "—",
          o.pgbench ? "ok" : "—",
        ],
      ],
    ),
  );
  md.push("");
  md.push(
    table(
      ["ratio", "value"],
      [
        [
          "app on PostgreSQL ÷ `pgbench -S` TPS",
          ratio(postgres?.getOrg.rps, o.pgbench?.tps),
        ],
        [
          "app on PostgreSQL ÷ bare Fastify",
          ratio(postgres?.getOrg.rps, o.bare?.rps),
        ],
        ["app on PGlite ÷ bare Fastify", ratio(pglite?.getOrg.rps, o.bare?.rps)],
        [
          "app on PGlite ÷ app on PostgreSQL",
          ratio(pglite?.getOrg.rps, postgres?.getOrg.rps),
        ],
      ],
    ),
  );
  md.push("");
  const tree = postgres?.tree ?? pglite?.tree;
  md.push(
    `## Subtree listing at ${tree?.nodes.toLocaleString("en") ?? "100,000"} org nodes`,
  );
  md.push("");
  md.push(
    `Tree: 1 federation → 40 districts → 25 streets each → 99 grassroots each, beside the demo data; inserted with one INSERT … SELECT per level ` +
      `(PGlite ${fmt(pglite?.tree?.seconds)} s, PostgreSQL ${fmt(postgres?.tree?.seconds)} s). Listing as a union admin scoped to the district ` +
      `(district subtree) or the platform admin (whole tree). Sequential = ${o.sequential} requests one at a time; load = autocannon as above.`,
  );
  md.push("");
  const treeTableRows: string[][] = [];
  for (const r of o.results) {
    for (const row of r.treeRows) {
      treeTableRows.push([
        r.kind,
        row.label,
        fmt(row.seq?.p50, 2),
        fmt(row.seq?.p99, 2),
        fmt(row.load?.rps, 0),
        fmt(row.load?.p50, 0),
        fmt(row.load?.p99, 0),
      ]);
    }
  }
  md.push(
    table(
      [
        "db",
        "request",
        "sequential p50",
        "sequential p99",
        "load req/s",
        "load p50",
        "load p99",
      ],
      treeTableRows,
    ),
  );
  md.push("");
  md.push("## Query plans of the subtree listing");
  md.push("");
  for (const e of o.results.flatMap((r) => r.explains)) {
    const verdict = e.usesPathIndex
      ? "uses `org_path_idx`"
      : e.wholeTree
        ? "does not use `org_path_idx`: the prefix matches (nearly) every row, so a sequential scan is the right plan"
        : "**does not use `org_path_idx`**";
    md.push(`**${e.label}** — ${verdict}`);
    md.push("");
    md.push("```sql");
    md.push(`-- params: ${JSON.stringify(e.params)}`);
    md.push(e.sql);
    md.push("```");
    md.push("```");
    md.push(e.plan);
    md.push("```");
    md.push("");
  }

  return md;
}
