/**
 * pgRouting beside our walking reach, on exactly the same network: our WalkGraph's edges are
 * exported into an edge table (id, source, target, cost = reverse_cost = metres; vertex id = our
 * node index + 1), and `pgr_drivingDistance` runs from the same source nodes with the same cutoff,
 * undirected, per source (equicost false) and with `equicost => true`. Its per-node distances are
 * compared with our exact ones. Also times osm2pgrouting's own import of the same extract, for the
 * import comparison only (a different network: see coverage.ts).
 *
 * Needs the pgrouting (and postgis) extensions on the server and the osm2pgrouting program
 * (Debian: `apt-get install -y postgresql-15-pgrouting postgresql-15-postgis-3 osm2pgrouting`);
 * callers check `pgroutingAvailable` first and report what they skipped.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import {
  BoundedDijkstra,
  type WalkGraph,
} from "../apps/server/src/modules/positions/geo";
import { availableExtensions, pretendMissing } from "./common";

export type Exactness = {
  /** (source, node) pairs (or nodes, for equicost) both found. */
  compared: number;
  onlyOurs: number;
  onlyTheirs: number;
  /** Pairs whose distances differ by more than 1 mm. */
  differ: number;
  maxAbsMetres: number;
  /** Equicost only: nodes credited to a source that is not one of their nearest. */
  wrongSource?: number;
  /** Equicost only: the first differing node, to check by hand (ids are pgRouting's: our index + 1). */
  example?: string;
};

export type PgrRun = {
  serverMs: number;
  fetchMs: number;
  rows: number;
  exact: Exactness;
};

export async function pgroutingAvailable(
  url: string,
): Promise<{ ok: boolean; missing: string[] }> {
  const have = await availableExtensions(url, ["postgis", "pgrouting"]);
  const missing = ["postgis", "pgrouting"].filter((n) => !have.has(n));
  return { ok: missing.length === 0, missing };
}

export function osm2pgroutingAvailable(): boolean {
  if (pretendMissing("osm2pgrouting")) return false;
  return (
    spawnSync("osm2pgrouting", ["--version"], { encoding: "utf8" }).status === 0
  );
}

/** Creates the extensions and loads the graph's edges; returns seconds and pgRouting's version. */
export async function loadEdgeTable(
  client: pg.Client,
  g: WalkGraph,
): Promise<{ seconds: number; version: string }> {
  await client.query("create extension if not exists pgrouting cascade");
  const { rows } = await client.query<{ v: string }>(
    "select pgr_version() as v",
  );
  const started = performance.now();
  await client.query("drop table if exists bench_edges");
  await client.query(
    "create table bench_edges (id bigint primary key, source bigint not null, target bigint not null, cost float8 not null, reverse_cost float8 not null)",
  );
  const chunk = 50_000;
  for (let from = 0; from < g.edgeCount; from += chunk) {
    const to = Math.min(g.edgeCount, from + chunk);
    const ids: number[] = [];
    const src: number[] = [];
    const tgt: number[] = [];
    const cost: number[] = [];
    for (let e = from; e < to; e++) {
      ids.push(e + 1);
      src.push(g.edgeU[e]! + 1);
      tgt.push(g.edgeV[e]! + 1);
      cost.push(g.edgeLength[e]!);
    }
    await client.query(
      "insert into bench_edges select i, s, t, c, c from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[]) as u(i, s, t, c)",
      [ids, src, tgt, cost],
    );
  }
  await client.query("analyze bench_edges");
  return { seconds: (performance.now() - started) / 1000, version: rows[0]!.v };
}

const EDGES_SQL =
  "select id, source, target, cost, reverse_cost from bench_edges";
const drivingDistance = (select: string) =>
  `select ${select} from pgr_drivingDistance($1, $2::bigint[], $3::float8, directed => false, equicost => $4)`;

type PgrRow = { src: string; node: string; agg_cost: number };

/** One pgr_drivingDistance call: server-side time (count only), then every row fetched. */
async function runPgr(
  client: pg.Client,
  sources: readonly number[],
  cutoff: number,
  equicost: boolean,
): Promise<{ serverMs: number; fetchMs: number; rows: PgrRow[] }> {
  const params = [EDGES_SQL, sources.map((s) => s + 1), cutoff, equicost];
  const serverMs = await medianMs(() =>
    client.query(drivingDistance("count(*)"), params),
  );
  const t = performance.now();
  // The start column is from_v up to pgRouting 3.5, start_vid from 3.6.
  const { rows, fields } = await client.query<Record<string, string | number>>(
    drivingDistance("*"),
    params,
  );
  const fetchMs = performance.now() - t;
  const startCol = fields.some((f) => f.name === "start_vid")
    ? "start_vid"
    : "from_v";
  return {
    serverMs,
    fetchMs,
    rows: rows.map((r) => ({
      src: String(r[startCol]),
      node: String(r.node),
      agg_cost: Number(r.agg_cost),
    })),
  };
}

const TOLERANCE = 1e-3; // 1 mm

/** Per source, equicost false: every (source, node) within the cutoff, against one exact search per source. */
export async function compareSourceBySource(
  client: pg.Client,
  g: WalkGraph,
  sources: readonly number[],
  cutoff: number,
): Promise<PgrRun> {
  const run = await runPgr(client, sources, cutoff, false);
  const bySource = new Map<number, PgrRow[]>();
  for (const r of run.rows) {
    const s = Number(r.src) - 1;
    const list = bySource.get(s) ?? [];
    list.push(r);
    bySource.set(s, list);
  }
  const exact: Exactness = {
    compared: 0,
    onlyOurs: 0,
    onlyTheirs: 0,
    differ: 0,
    maxAbsMetres: 0,
  };
  const search = new BoundedDijkstra(g);
  for (const s of new Set(sources)) {
    search.run([{ node: s, dist: 0, source: 0 }], cutoff);
    const theirs = bySource.get(s) ?? [];
    let matched = 0;
    for (const r of theirs) {
      const d = search.dist[Number(r.node) - 1]!;
      if (!Number.isFinite(d)) {
        exact.onlyTheirs++;
        continue;
      }
      matched++;
      const diff = Math.abs(d - r.agg_cost);
      exact.maxAbsMetres = Math.max(exact.maxAbsMetres, diff);
      if (diff > TOLERANCE) exact.differ++;
    }
    exact.compared += matched;
    exact.onlyOurs += search.settled.length - matched;
  }
  return {
    serverMs: run.serverMs,
    fetchMs: run.fetchMs,
    rows: run.rows.length,
    exact,
  };
}

/**
 * equicost => true: each node once, credited to one source, against our multi-source search
 * (the distance to the nearest source). `wrongSource` counts nodes whose credited source is
 * farther than the nearest one (checked with a search from that source).
 */
export async function compareEquicost(
  client: pg.Client,
  g: WalkGraph,
  sources: readonly number[],
  cutoff: number,
): Promise<PgrRun> {
  const run = await runPgr(client, sources, cutoff, true);
  const multi = new BoundedDijkstra(g).run(
    sources.map((s, i) => ({ node: s, dist: 0, source: i })),
    cutoff,
  );
  const exact: Exactness = {
    compared: 0,
    onlyOurs: 0,
    onlyTheirs: 0,
    differ: 0,
    maxAbsMetres: 0,
    wrongSource: 0,
  };
  const seen = new Uint8Array(g.nodeCount);
  const wrongBySource = new Map<number, { node: number; best: number }[]>();
  for (const r of run.rows) {
    const node = Number(r.node) - 1;
    seen[node] = 1;
    const d = multi.dist[node]!;
    if (!Number.isFinite(d)) {
      exact.onlyTheirs++;
      continue;
    }
    exact.compared++;
    const diff = Math.abs(d - r.agg_cost);
    exact.maxAbsMetres = Math.max(exact.maxAbsMetres, diff);
    if (diff > TOLERANCE) {
      exact.differ++;
      const s = Number(r.src) - 1;
      exact.example ??= `vertex ${node + 1}: pgRouting ${r.agg_cost.toFixed(3)} m from start ${s + 1}; exact ${d.toFixed(3)} m from start ${sources[multi.source[node]!]! + 1}`;
      wrongBySource.set(s, [
        ...(wrongBySource.get(s) ?? []),
        { node, best: d },
      ]);
    }
  }
  for (const n of multi.settled) if (!seen[n]) exact.onlyOurs++;
  // A differing node credited to source s is "wrong source" when s is farther than the nearest.
  const one = new BoundedDijkstra(g);
  for (const [s, nodes] of wrongBySource) {
    one.run([{ node: s, dist: 0, source: 0 }], cutoff);
    for (const { node, best } of nodes)
      if (one.dist[node]! > best + TOLERANCE) exact.wrongSource!++;
  }
  return {
    serverMs: run.serverMs,
    fetchMs: run.fetchMs,
    rows: run.rows.length,
    exact,
  };
}

/** Fixed cost of one call (reading the edge table, building pgRouting's graph): one source. */
export function timeOneSource(
  client: pg.Client,
  source: number,
  cutoff: number,
): Promise<number> {
  return medianMs(() =>
    client.query(drivingDistance("count(*)"), [
      EDGES_SQL,
      [source + 1],
      cutoff,
      false,
    ]),
  );
}

/** Median of BENCH_REPEAT (5) timed runs after one warm-up run. */
async function medianMs(f: () => Promise<unknown>): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < (Number(process.env.BENCH_REPEAT) || 5); i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export type Osm2pgroutingFigures = {
  seconds: number;
  ways: number;
  vertices: number;
  lengthKm: number;
  command: string;
};

/** osm2pgrouting's import of an uncompressed .osm with bench/mapconfig-foot.xml (our always-walkable highway values). */
export async function runOsm2pgrouting(
  client: pg.Client,
  url: string,
  osmFile: string,
): Promise<Osm2pgroutingFigures> {
  const u = new URL(url);
  const config = path.join(
    path.dirname(new URL(import.meta.url).pathname),
    "mapconfig-foot.xml",
  );
  const args = [
    "-f",
    osmFile,
    "-c",
    config,
    "-d",
    u.pathname.slice(1),
    "-U",
    decodeURIComponent(u.username || "postgres"),
    "-h",
    u.hostname,
    "-p",
    u.port || "5432",
    "--prefix",
    "o2p_",
    "--clean",
  ];
  if (u.password) args.push("-W", decodeURIComponent(u.password));
  await client.query("create extension if not exists pgrouting cascade");
  const t = performance.now();
  const r = spawnSync("osm2pgrouting", args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0)
    throw new Error(
      `osm2pgrouting failed (${r.status}): ${r.stderr.slice(-2000)}${r.stdout.slice(-2000)}`,
    );
  const { rows } = await client.query<{
    ways: number;
    vertices: number;
    km: number;
  }>(
    "select (select count(*)::int from o2p_ways) as ways, (select count(*)::int from o2p_ways_vertices_pgr) as vertices, (select coalesce(sum(length_m), 0) / 1000 from o2p_ways) as km",
  );
  return {
    seconds,
    ways: rows[0]!.ways,
    vertices: rows[0]!.vertices,
    lengthKm: Number(rows[0]!.km),
    command: "osm2pgrouting -f andorra.osm -c bench/mapconfig-foot.xml --clean",
  };
}
