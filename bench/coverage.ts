/**
 * Positions, part b (issue 4, point 13): the street network import and the 15-minute coverage on
 * the real Andorra extract, from 100 and from 1,000 stations (random network nodes, fixed seed),
 * beside pgRouting's `pgr_drivingDistance` in the same run.
 *
 * Same network for both: our WalkGraph's edges are exported into a pgRouting edge table (see
 * pgrouting.ts), rather than imported again with osm2pgrouting. osm2pgrouting picks ways by tag
 * value only (no foot=no / access=private, no "trunk only with a sidewalk"; Debian's pedestrian
 * mapconfig also keeps road/services/byway and does not even parse) and splits ways only at
 * intersections, so its vertices are not ours and per-node distances could not be compared; with
 * one network the only difference left is the algorithm. osm2pgrouting is still timed on the same
 * .osm (bench/mapconfig-foot.xml: our always-walkable highway values), as the import baseline.
 *
 * Skips pgRouting / osm2pgrouting, saying so, when they are not installed.
 * Env: BENCH_STATIONS ("100,1000").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { systemAuditContext } from "../apps/server/src/platform/audit/audit.service";
import { createNetworkService } from "../apps/server/src/modules/positions";
import {
  buildWalkGraph,
  listJunctionNodes,
  minutesToMetres,
  readWalkNetwork,
  type WalkGraph,
} from "../apps/server/src/modules/positions/geo";
import { dropDatabase, fmt, table, withDatabase, type Log } from "./common";
import {
  compareEquicost,
  compareSourceBySource,
  loadEdgeTable,
  osm2pgroutingAvailable,
  pgroutingAvailable,
  runOsm2pgrouting,
  timeOneSource,
  type Osm2pgroutingFigures,
  type PgrRun,
} from "./pgrouting";
import { prepareAppDatabase } from "./positions";
import { measureReach, pickSourceNodes, type ReachFigures } from "./reach";

const DB = "niangjia_bench_network";
const DATA = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  "../apps/server/src/modules/positions/data",
);
const STATIONS = (process.env.BENCH_STATIONS ?? "100,1000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);

export const NETWORK_HEADING = "Positions: street network import and coverage";

type ImportRow = {
  file: string;
  readMs: number;
  buildMs: number;
  importS: number;
  nodes: number;
  edges: number;
  km: number;
  graphMb: number;
};
type StationRun = { ours: ReachFigures; perSource?: PgrRun; equicost?: PgrRun };
export type NetworkFigures = {
  imports: ImportRow[];
  graph: { nodes: number; edges: number; km: number; junctions: number };
  cutoff: number;
  runs: StationRun[];
  pgr?: { version: string; loadS: number; oneSourceMs: number };
  osm2pgrouting?: Osm2pgroutingFigures;
  skipped: string[];
  version: string;
};

export async function benchNetwork(
  adminUrl: string,
  log: Log,
): Promise<NetworkFigures> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-bench-osm-"));
  const osmFile = path.join(tmp, "andorra.osm");
  fs.writeFileSync(
    osmFile,
    zlib.gunzipSync(fs.readFileSync(path.join(DATA, "andorra.osm.gz"))),
  );
  const database = await prepareAppDatabase(adminUrl, DB, log);
  const client = new pg.Client({
    connectionString: withDatabase(adminUrl, DB),
  });
  await client.connect();
  try {
    const [{ version } = { version: "?" }] = await database.query<{
      version: string;
    }>("select version()");
    const [jb] = await database.query<{ id: string }>(
      `select id from org where code = 'JB'`,
    );
    const networks = createNetworkService({ db: database.db });
    const imports: ImportRow[] = [];
    let graph: WalkGraph | undefined;
    for (const file of [
      path.join(DATA, "andorra.osm.pbf"),
      path.join(DATA, "andorra.osm.gz"),
      osmFile,
    ]) {
      const name = path.basename(file);
      let t = performance.now();
      const net = await readWalkNetwork(file);
      const readMs = performance.now() - t;
      t = performance.now();
      const g = buildWalkGraph(net);
      const buildMs = performance.now() - t;
      const stored = await networks.importFile(
        file,
        { orgId: jb!.id },
        systemAuditContext("bench"),
      );
      const [{ bytes } = { bytes: 0 }] = await database.query<{
        bytes: number;
      }>(
        "select octet_length(graph) as bytes from street_network where id = $1",
        [stored.id],
      );
      imports.push({
        file: name,
        readMs,
        buildMs,
        importS: stored.seconds,
        nodes: g.nodeCount,
        edges: g.edgeCount,
        km: g.totalLength / 1000,
        graphMb: bytes / 2 ** 20,
      });
      log(
        `network: ${name}: read ${fmt(readMs, 0)} ms, build ${fmt(buildMs, 0)} ms, import (read + build + store) ${fmt(stored.seconds, 2)} s; ${g.nodeCount} nodes, ${g.edgeCount} edges`,
      );
      if (name === "andorra.osm.gz") graph = g;
    }
    const g = graph!;
    const cutoff = minutesToMetres(15, 4.5);
    const junctions = listJunctionNodes(g);
    const figures: NetworkFigures = {
      imports,
      graph: {
        nodes: g.nodeCount,
        edges: g.edgeCount,
        km: g.totalLength / 1000,
        junctions: junctions.length,
      },
      cutoff,
      runs: [],
      skipped: [],
      version,
    };
    const pgr = await pgroutingAvailable(withDatabase(adminUrl, DB));
    if (pgr.ok) {
      const loaded = await loadEdgeTable(client, g);
      figures.pgr = {
        version: loaded.version,
        loadS: loaded.seconds,
        oneSourceMs: await timeOneSource(
          client,
          pickSourceNodes(g, 1, 7)[0]!,
          cutoff,
        ),
      };
      log(
        `network: pgRouting ${loaded.version}: edge table loaded in ${fmt(loaded.seconds, 2)} s; one source ${fmt(figures.pgr.oneSourceMs, 0)} ms`,
      );
    } else {
      figures.skipped.push(
        `pgRouting comparison skipped: the server lacks the ${pgr.missing.join(" and ")} extension(s) (Debian: \`apt-get install -y postgresql-15-pgrouting postgresql-15-postgis-3\`).`,
      );
    }
    for (const count of STATIONS) {
      const sources = pickSourceNodes(g, count, 1000 + count);
      log(
        `network: coverage from ${count} stations (15 min at 4.5 km/h = ${cutoff} m)`,
      );
      const ours = measureReach(g, sources, cutoff, {
        candidateNodes: junctions,
      });
      log(
        `  ours: per source ${fmt(ours.perSourceMs, 0)} ms, multi-source ${fmt(ours.multiMs, 1)} ms, coverage ${fmt(ours.coverageMs, 1)} ms, full run ${fmt(ours.fullRunMs, 0)} ms`,
      );
      const run: StationRun = { ours };
      if (pgr.ok) {
        run.perSource = await compareSourceBySource(client, g, sources, cutoff);
        log(
          `  pgr_drivingDistance per source: ${fmt(run.perSource.serverMs, 0)} ms (${run.perSource.rows} rows; ${run.perSource.exact.differ} differ)`,
        );
        run.equicost = await compareEquicost(client, g, sources, cutoff);
        log(
          `  pgr_drivingDistance equicost: ${fmt(run.equicost.serverMs, 0)} ms (${run.equicost.rows} rows; ${run.equicost.exact.differ} differ, max ${fmt(run.equicost.exact.maxAbsMetres, 1)} m)`,
        );
      }
      figures.runs.push(run);
    }
    if (!pgr.ok) {
      figures.skipped.push(
        "osm2pgrouting import skipped as well: it needs the same extensions.",
      );
    } else if (!osm2pgroutingAvailable()) {
      figures.skipped.push(
        "osm2pgrouting import skipped: the program is not installed (Debian: `apt-get install -y osm2pgrouting`).",
      );
    } else {
      log(
        "network: osm2pgrouting on the same andorra.osm (bench/mapconfig-foot.xml)",
      );
      figures.osm2pgrouting = await runOsm2pgrouting(
        client,
        withDatabase(adminUrl, DB),
        osmFile,
      );
      log(
        `  ${fmt(figures.osm2pgrouting.seconds, 1)} s, ${figures.osm2pgrouting.ways} ways, ${figures.osm2pgrouting.vertices} vertices`,
      );
    }
    for (const s of figures.skipped) log(`network: ⚠ ${s}`);
    return figures;
  } finally {
    await client.end();
    await database.close();
    await dropDatabase(adminUrl, DB);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function networkMarkdown(f: NetworkFigures, command: string): string {
  const ratio = (a: number | undefined, b: number | undefined) =>
    a && b ? `${(a / b).toFixed(1)}×` : "—";
  const ms = (v: number | undefined, d = 0) =>
    v === undefined ? "—" : `${fmt(v, v < 10 ? Math.max(d, 1) : d)} ms`;
  const md = [
    `## ${NETWORK_HEADING} (Andorra), beside pgRouting`,
    "",
    `Command: \`${command}\`. ${f.version.split(" on ")[0]}${f.pgr ? `, pgRouting ${f.pgr.version}` : ""}. Search, coverage and pgRouting times are medians of ${Number(process.env.BENCH_REPEAT) || 5} runs (BENCH_REPEAT); imports and full runs run once. Noisy: 2 shared cores.`,
    "",
    "**Import** — read = parse + foot rules, build = graph + edge index (in-process); import = `createNetworkService().importFile()` as the CLI runs it (read + build + serialize + store in `street_network`, with its audit row).",
    "",
    table(
      [
        "file",
        "read",
        "build graph",
        "import total",
        "nodes",
        "edges",
        "km",
        "stored graph",
      ],
      [
        ...f.imports.map((r) => [
          r.file,
          fmt(r.readMs, 0),
          fmt(r.buildMs, 0),
          `${fmt(r.importS, 2)} s`,
          r.nodes.toLocaleString("en"),
          r.edges.toLocaleString("en"),
          fmt(r.km, 0),
          `${fmt(r.graphMb, 1)} MB`,
        ]),
        ...(f.osm2pgrouting
          ? [
              [
                "andorra.osm with osm2pgrouting (baseline; bench/mapconfig-foot.xml, tag values only)",
                "—",
                "—",
                `${fmt(f.osm2pgrouting.seconds, 2)} s`,
                `${f.osm2pgrouting.vertices.toLocaleString("en")} vertices`,
                `${f.osm2pgrouting.ways.toLocaleString("en")} ways (edges)`,
                fmt(f.osm2pgrouting.lengthKm, 0),
                "—",
              ],
            ]
          : []),
      ],
    ),
    "",
    f.osm2pgrouting
      ? `Import ratio osm2pgrouting ÷ ours (same uncompressed .osm): ${ratio(f.osm2pgrouting.seconds, f.imports.find((r) => r.file === "andorra.osm")?.importS)}.`
      : "",
    "",
    `**Coverage** on the andorra.osm.gz graph (${f.graph.nodes.toLocaleString("en")} nodes, ${f.graph.edges.toLocaleString("en")} edges, ${fmt(f.graph.km, 0)} km), 15 min at 4.5 km/h = ${f.cutoff} m, sources at random nodes (fixed seed). ` +
      `pgRouting runs on our edges exported into an edge table (same vertices and lengths; loaded in ${f.pgr ? `${fmt(f.pgr.loadS, 2)} s` : "—"}), \`pgr_drivingDistance(edges, sources, ${f.cutoff}, directed => false, equicost => …)\`; ` +
      `its time is the server-side call with \`count(*)\` (rows not transferred), and each call re-reads the edge table and rebuilds its graph (one source alone: ${ms(f.pgr?.oneSourceMs)}).`,
    "",
    table(
      [
        "stations",
        "ours: one search per source",
        "pgRouting per source",
        "ratio",
        "ours: multi-source search",
        "pgRouting equicost",
        "ratio",
        "ours: coverage (search + intervals + length)",
        "covered",
        "ours: full run¹",
      ],
      f.runs.map((r) => [
        String(r.ours.sources),
        ms(r.ours.perSourceMs),
        ms(r.perSource?.serverMs),
        ratio(r.perSource?.serverMs, r.ours.perSourceMs),
        ms(r.ours.multiMs, 1),
        ms(r.equicost?.serverMs),
        ratio(r.equicost?.serverMs, r.ours.multiMs),
        ms(r.ours.coverageMs, 1),
        `${fmt(r.ours.coveredShare * 100)} % (${fmt(r.ours.coveredKm, 0)} km)`,
        ms(r.ours.fullRunMs),
      ]),
    ),
    "",
    `¹ \`runCoverageAnalysis\`: coverage, union isochrone (20 m cells), uncovered streets, 10 candidate sites over the ${f.graph.junctions.toLocaleString("en")} junction nodes.`,
    "",
  ];
  if (f.runs.some((r) => r.perSource)) {
    const pct = (a: number, b: number) =>
      b ? `${((a / b) * 100).toFixed(2)} %` : "—";
    md.push(
      "**Exactness** of pgRouting's distances against ours (ours: exact Dijkstra per source, and one multi-source Dijkstra for the nearest source; difference counted above 1 mm):",
      "",
      table(
        [
          "stations",
          "mode",
          "rows",
          "compared",
          "only ours",
          "only pgRouting",
          "differ",
          "max abs difference",
          "credited to a farther source",
        ],
        f.runs.flatMap((r) =>
          (
            [
              ["per source (equicost false)", r.perSource],
              ["equicost true", r.equicost],
            ] as const
          ).flatMap(([mode, p]) =>
            p
              ? [
                  [
                    String(r.ours.sources),
                    mode,
                    p.rows.toLocaleString("en"),
                    p.exact.compared.toLocaleString("en"),
                    String(p.exact.onlyOurs),
                    String(p.exact.onlyTheirs),
                    `${p.exact.differ.toLocaleString("en")} (${pct(p.exact.differ, p.exact.compared)})`,
                    `${fmt(p.exact.maxAbsMetres, 3)} m`,
                    p.exact.wrongSource === undefined
                      ? "—"
                      : p.exact.wrongSource.toLocaleString("en"),
                  ],
                ]
              : [],
          ),
        ),
      ),
      "",
    );
  }
  for (const r of f.runs)
    if (r.equicost?.exact.example)
      md.push(
        `First wrong equicost distance from ${r.ours.sources} stations: ${r.equicost.exact.example}.`,
        "",
      );
  for (const s of f.skipped) md.push(`⚠ ${s}`, "");
  return md.join("\n");
}
