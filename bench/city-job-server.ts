/**
 * The app server of the coverage-job benchmark (city-job.ts forks it, so the requests it answers
 * are timed from another process): generates the city network (city-network.ts), stores it as the
 * street network of 江北区 in the prepared database (BENCH_CITYJOB_DB: migrated, demo data), then
 * serves one app per mode in turn — coverage in a worker thread, then on the main thread
 * (`coverageOnMainThread`, the benchmark's switch) — on a free port. IPC: "ready" {url, mode} to
 * the parent; "next" closes the app and starts the next mode; "stop" ends.
 */
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../apps/server/src/app";
import { testConfig } from "../apps/server/src/config";
import { openDatabase } from "../apps/server/src/db/client";
import { buildWalkGraph } from "../apps/server/src/modules/positions/geo";
import { boundsOf, serializeWalkGraph } from "../apps/server/src/modules/positions/network.service";
import { citySideFor, generateCity } from "./city-network";
import { listen, num } from "./common";

export const CITYJOB_MODES = ["worker thread", "main thread"] as const;
export type CityJobMode = (typeof CITYJOB_MODES)[number];
export type FromCityJobServer =
  | { type: "ready"; url: string; mode: CityJobMode; nodes: number; edges: number; km: number; side: number }
  | { type: "error"; message: string };

async function main(): Promise<void> {
  const database = await openDatabase({ databaseUrl: process.env.BENCH_CITYJOB_DB! });
  const side = citySideFor(num("BENCH_CITY_EDGES", 1_000_000));
  const spacing = num("BENCH_CITY_SPACING", 35);
  const graph = buildWalkGraph(generateCity(side, spacing, 2026));
  const b = boundsOf(graph);
  // The city replaces the district's synthetic grid as 江北区's network (the demo's positions lie in it).
  await database.query(
    `update street_network set name = 'generated city', source_file = 'bench', format = 'osm', is_synthetic = false, imported_at = now(),
       node_count = $2, edge_count = $3, length_m = $4, min_lng = $5, min_lat = $6, max_lng = $7, max_lat = $8, graph = $9
     where org_id = (select id from org where code = $1)`,
    ["JB", graph.nodeCount, graph.edgeCount, graph.totalLength, b.minLng, b.minLat, b.maxLng, b.maxLat, serializeWalkGraph(graph)],
  );
  let app: FastifyInstance | undefined;
  let next = 0;
  const serve = async () => {
    await app?.close();
    const mode = CITYJOB_MODES[next++]!;
    app = await buildApp({
      config: testConfig({ webDistDir: path.join(os.tmpdir(), "niangjia-bench-no-web") }),
      database,
      logger: false,
      doors: false,
      ...(mode === "main thread" ? { coverageOnMainThread: true as const } : {}),
    });
    const url = await listen(app);
    const ready: FromCityJobServer = { type: "ready", url, mode, nodes: graph.nodeCount, edges: graph.edgeCount, km: graph.totalLength / 1000, side };
    process.send!(ready);
  };
  process.on("message", (msg: { type: string }) => {
    if (msg.type === "next") void serve();
    if (msg.type === "stop") void (app?.close() ?? Promise.resolve()).then(() => database.close()).then(() => process.exit(0));
  });
  await serve();
}

main().catch((error: unknown) => {
  process.send!({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromCityJobServer);
  process.exit(1);
});
