/**
 * Positions, part a (issue 4, point 13): the nearest query among 100,000 generated positions on
 * PostgreSQL, beside PostGIS KNN in the same run.
 *   - ours: the service call `nearest()` in-process and `GET /api/v1/positions/nearest` over HTTP
 *     (sequential requests for p50/p99, autocannon for req/s), openNow=false, limit 10;
 *   - PostGIS: `ORDER BY geog <-> point LIMIT 10` on a geography column with a GiST index, added to
 *     the benchmark database only (no migration), through the same pg pool;
 *   - agreement: both must return the same ids for a sample of points.
 * Skips PostGIS, saying so, when the server lacks the extension (Debian: postgresql-15-postgis-3).
 * Env: BENCH_POSITIONS (100000), BENCH_NEAREST_QUERIES (500), BENCH_NEAREST_AGREE (300),
 * BENCH_SECONDS / BENCH_WARMUP_SECONDS / BENCH_CONNECTIONS for the autocannon run.
 */
import os from "node:os";
import path from "node:path";
import { nearestQuerySchema } from "@niangjia/contracts";
import autocannon from "autocannon";
import { buildApp } from "../apps/server/src/app";
import { testConfig } from "../apps/server/src/config";
import { openDatabase, type Database } from "../apps/server/src/db/client";
import { runMigrations } from "../apps/server/src/db/migrate";
import { seedDemo } from "../apps/server/src/db/seed/demo";
import {
  createNetworkService,
  createPositionsService,
} from "../apps/server/src/modules/positions";
import {
  availableExtensions,
  captureSql,
  dropDatabase,
  fmt,
  listen,
  num,
  percentiles,
  recreateDatabase,
  seededRandom,
  withDatabase,
  type Log,
} from "./common";

const POSITIONS = num("BENCH_POSITIONS", 100_000);
const QUERIES = num("BENCH_NEAREST_QUERIES", 500);
const AGREE = num("BENCH_NEAREST_AGREE", 300);
const SECONDS = num("BENCH_SECONDS", 10);
const WARMUP = num("BENCH_WARMUP_SECONDS", 2);
const CONNECTIONS = num("BENCH_CONNECTIONS", 50);
const LIMIT = 10;
const DB = "niangjia_bench_positions";
/** A city-sized box (20 × 20 km) over Jiangbei, Chongqing, WGS-84. */
const BOX = { west: 106.43, east: 106.636, south: 29.51, north: 29.69 };

export const NEAREST_HEADING = "Positions: nearest among";

export type Timing = { p50: number; p99: number; mean: number };
export type NearestFigures = {
  positions: number;
  seedS: number;
  indexS?: number;
  queries: number;
  service: Timing;
  serviceOpenNow: Timing;
  /** The service's own SQL statements replayed raw (100 points), and rows they return per call. */
  sqlReplay: Timing;
  rowsPerCall: number;
  http: Timing;
  httpLoad: { rps: number; p50: number; p99: number; bad: number };
  statementsPerCall: number;
  postgis?: {
    bare: Timing;
    same: Timing;
    plan: string;
    usesIndex: boolean;
    version: string;
  };
  agreement?: {
    sample: number;
    sameSet: number;
    sameOrder: number;
    firstMismatch?: string;
  };
  dense?: {
    positions: number;
    sample: number;
    sameSet: number;
    oursFarther: number;
  };
  skipped?: string;
  version: string;
};

/** A fresh database on the benchmark server with the schema and the demo data. */
export async function prepareAppDatabase(
  adminUrl: string,
  name: string,
  log: Log,
): Promise<Database> {
  await recreateDatabase(adminUrl, name);
  const database = await openDatabase({
    databaseUrl: withDatabase(adminUrl, name),
  });
  log(`${name}: migrating and loading the demo data`);
  await runMigrations(database);
  await seedDemo(database);
  return database;
}

async function seedPositions(
  database: Database,
  log: Log,
  count = POSITIONS,
  prefix = "BENCH",
  place?: () => [number, number],
): Promise<number> {
  const started = performance.now();
  const orgs = (
    await database.query<{ id: string }>(
      `select id from org where code like 'JB-%' order by code`,
    )
  ).map((r) => r.id);
  const random = seededRandom(prefix.length * 4);
  const weekly = JSON.stringify(
    Array.from({ length: 7 }, () => [{ start: "08:00", end: "20:00" }]),
  );
  const types = [
    "rest_station",
    "rest_station",
    "rest_station",
    "service_point",
    "workers_home",
    "mothers_room",
    "canteen",
  ];
  const chunk = 20_000;
  for (let from = 0; from < count; from += chunk) {
    const n = Math.min(chunk, count - from);
    const cols = {
      code: [] as string[],
      type: [] as string[],
      org: [] as string[],
      lng: [] as number[],
      lat: [] as number[],
      h24: [] as boolean[],
      status: [] as string[],
    };
    for (let i = from; i < from + n; i++) {
      cols.code.push(`${prefix}-${String(i).padStart(6, "0")}`);
      cols.type.push(types[i % types.length]!);
      cols.org.push(orgs[i % orgs.length]!);
      const [lng, lat] = place
        ? place()
        : [
            BOX.west + random() * (BOX.east - BOX.west),
            BOX.south + random() * (BOX.north - BOX.south),
          ];
      cols.lng.push(lng);
      cols.lat.push(lat);
      cols.h24.push(i % 3 === 0);
      cols.status.push(i % 20 === 0 ? "closed" : "open");
    }
    await database.query(
      `insert into position (code, name, type, org_id, address, lng, lat, is_24h, weekly_hours, status)
       select c, '基准驿站 ' || c, t, o::uuid, '生成的地址 ' || c, x, y, h, $8::jsonb, s
       from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::bool[], $7::text[]) as u(c, t, o, x, y, h, s)`,
      [
        cols.code,
        cols.type,
        cols.org,
        cols.lng,
        cols.lat,
        cols.h24,
        cols.status,
        weekly,
      ],
    );
    log(`  positions: ${(from + n).toLocaleString("en")} inserted`);
  }
  await database.query("analyze position");
  return (performance.now() - started) / 1000;
}

async function timeEach(
  points: [number, number][],
  fn: (lng: number, lat: number) => Promise<unknown>,
): Promise<Timing> {
  for (const [lng, lat] of points.slice(0, 20)) await fn(lng, lat); // warm-up
  const times: number[] = [];
  for (const [lng, lat] of points) {
    const t = performance.now();
    await fn(lng, lat);
    times.push(performance.now() - t);
  }
  return percentiles(times);
}

const KNN_POINT = "ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography";
/** What the service returns, row for row: the position, its org, and the distance. */
const KNN_SAME = `select p.id, p.code, p.name, p.type, p.address, p.lng, p.lat, p.contact_phone, p.facilities, p.serves, p.is_24h, p.weekly_hours, p.exceptions,
  o.code as org_code, o.name as org_name, ST_Distance(p.geog, ${KNN_POINT}, false) as metres
  from position p join org o on o.id = p.org_id
  where p.status = 'open' order by p.geog <-> ${KNN_POINT} limit $3`;
const KNN_BARE = `select p.id from position p where p.status = 'open' order by p.geog <-> ${KNN_POINT} limit $3`;

export async function benchNearest(
  adminUrl: string,
  log: Log,
): Promise<NearestFigures> {
  const database = await prepareAppDatabase(adminUrl, DB, log);
  try {
    const [{ version } = { version: "?" }] = await database.query<{
      version: string;
    }>("select version()");
    log(
      `nearest: inserting ${POSITIONS.toLocaleString("en")} positions in a 20 × 20 km box`,
    );
    const seedS = await seedPositions(database, log);
    const random = seededRandom(44);
    const points: [number, number][] = Array.from({ length: QUERIES }, () => [
      BOX.west + random() * (BOX.east - BOX.west),
      BOX.south + random() * (BOX.north - BOX.south),
    ]);

    const service = createPositionsService({
      db: database.db,
      networks: createNetworkService({ db: database.db }),
    });
    const ask = (lng: number, lat: number, openNow = "false") =>
      service.nearest(
        nearestQuerySchema.parse({ lng, lat, openNow, limit: LIMIT }),
      );
    const sql = await captureSql(
      database,
      async () => void (await ask(points[0]![0], points[0]![1])),
    );
    log(
      `nearest: service call in-process, ${QUERIES} points (${sql.length} SQL statements per call)`,
    );
    const serviceTiming = await timeEach(points, (lng, lat) => ask(lng, lat));
    log(
      `  p50 ${fmt(serviceTiming.p50, 2)} ms, p99 ${fmt(serviceTiming.p99, 2)} ms`,
    );
    const serviceOpenNow = await timeEach(points, (lng, lat) =>
      ask(lng, lat, "true"),
    );
    // Where the time goes: the same SQL statements replayed through the pool, without drizzle's
    // row mapping or the sort in Node.
    const replays: { text: string; params: unknown[] }[][] = [];
    for (const [lng, lat] of points.slice(0, 100))
      replays.push(
        await captureSql(database, async () => void (await ask(lng, lat))),
      );
    let rowsFetched = 0;
    const replayTimes: number[] = [];
    for (const statements of replays) {
      const t = performance.now();
      for (const st of statements)
        rowsFetched += (await database.query(st.text, st.params)).length;
      replayTimes.push(performance.now() - t);
    }
    const sqlReplay = percentiles(replayTimes);
    log(
      `  its SQL replayed: p50 ${fmt(sqlReplay.p50, 2)} ms; ${fmt(rowsFetched / replays.length, 0)} rows fetched per call`,
    );

    const app = await buildApp({
      config: testConfig({
        webDistDir: path.join(os.tmpdir(), "niangjia-bench-no-web"),
      }),
      database,
      logger: false,
    });
    const base = await listen(app);
    let http: Timing;
    let httpLoad: NearestFigures["httpLoad"];
    try {
      const url = (lng: number, lat: number) =>
        `${base}/api/v1/positions/nearest?lng=${lng}&lat=${lat}&openNow=false&limit=${LIMIT}`;
      log(
        `nearest: GET /api/v1/positions/nearest, ${QUERIES} sequential requests`,
      );
      http = await timeEach(points, async (lng, lat) => {
        const res = await fetch(url(lng, lat));
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`nearest: HTTP ${res.status}`);
      });
      log(
        `  p50 ${fmt(http.p50, 2)} ms, p99 ${fmt(http.p99, 2)} ms; autocannon ${CONNECTIONS} connections, ${SECONDS} s`,
      );
      const opts = {
        url: url(points[0]![0], points[0]![1]),
        connections: CONNECTIONS,
        timeout: 30,
      };
      if (WARMUP > 0) await autocannon({ ...opts, duration: WARMUP });
      const r = await autocannon({ ...opts, duration: SECONDS });
      httpLoad = {
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        bad: r.non2xx + r.errors + r.timeouts,
      };
      log(
        `  ${fmt(httpLoad.rps, 0)} req/s, p50 ${httpLoad.p50} ms, p99 ${httpLoad.p99} ms`,
      );
    } finally {
      await app.close();
    }
    const figures: NearestFigures = {
      positions: POSITIONS,
      seedS,
      queries: QUERIES,
      service: serviceTiming,
      serviceOpenNow,
      sqlReplay,
      rowsPerCall: rowsFetched / replays.length,
      http,
      httpLoad,
      statementsPerCall: sql.length,
      version,
    };

    const available = await availableExtensions(withDatabase(adminUrl, DB), [
      "postgis",
    ]);
    if (!available.has("postgis")) {
      figures.skipped =
        "PostGIS KNN skipped: the server has no postgis extension (Debian: `apt-get install -y postgresql-15-postgis-3`).";
      log(`nearest: ${figures.skipped}`);
      return figures;
    }
    log(
      "nearest: PostGIS geography column + GiST index (benchmark database only)",
    );
    const t = performance.now();
    await database.query("create extension if not exists postgis");
    const [{ postgis } = { postgis: "?" }] = await database.query<{
      postgis: string;
    }>("select postgis_lib_version() as postgis");
    await database.query(
      "alter table position add column geog geography(Point, 4326)",
    );
    await database.query(
      "update position set geog = ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography",
    );
    await database.query(
      "create index position_geog_gist on position using gist (geog)",
    );
    await database.query("analyze position");
    figures.indexS = (performance.now() - t) / 1000;
    const bare = await timeEach(points, (lng, lat) =>
      database.query(KNN_BARE, [lng, lat, LIMIT]),
    );
    const same = await timeEach(points, (lng, lat) =>
      database.query(KNN_SAME, [lng, lat, LIMIT]),
    );
    log(
      `  PostGIS KNN p50 ${fmt(same.p50, 2)} ms, p99 ${fmt(same.p99, 2)} ms (ids only: p50 ${fmt(bare.p50, 2)} ms)`,
    );
    const planRows = await database.query<Record<string, string>>(
      `explain (analyze, costs off) ${KNN_SAME}`,
      [points[1]![0], points[1]![1], LIMIT],
    );
    const plan = planRows.map((r) => Object.values(r)[0]).join("\n");
    figures.postgis = {
      bare,
      same,
      plan,
      usesIndex: /position_geog_gist/.test(plan),
      version: `PostGIS ${postgis}`,
    };

    log(`nearest: agreement on ${Math.min(AGREE, QUERIES)} points`);
    let sameSet = 0;
    let sameOrder = 0;
    let firstMismatch: string | undefined;
    const sample = points.slice(0, AGREE);
    for (const [lng, lat] of sample) {
      const ours = (await ask(lng, lat)).items.map((i) => i.position.id);
      const theirs = (
        await database.query<{ id: string }>(KNN_BARE, [lng, lat, LIMIT])
      ).map((r) => r.id);
      const setEqual =
        ours.length === theirs.length &&
        ours.every((id) => theirs.includes(id));
      if (setEqual) sameSet++;
      if (setEqual && ours.every((id, i) => theirs[i] === id)) sameOrder++;
      else
        firstMismatch ??= `(${lng.toFixed(5)}, ${lat.toFixed(5)}): ours ${ours.length} ids, PostGIS ${theirs.length}, ${ours.filter((id) => !theirs.includes(id)).length} of ours not in PostGIS's`;
    }
    figures.agreement = {
      sample: sample.length,
      sameSet,
      sameOrder,
      ...(firstMismatch ? { firstMismatch } : {}),
    };
    log(
      `  same ids ${sameSet}/${sample.length}, same order ${sameOrder}/${sample.length}`,
    );
    figures.dense = await denseProbe(database, ask, log);
    return figures;
  } finally {
    await database.close();
    await dropDatabase(adminUrl, DB);
  }
}

/**
 * Correctness probe, not a timing: DENSE positions inside a 300 m disc (a dense centre) and 50
 * query points around it, ours against PostGIS KNN. Run after the timings, which it would change.
 */
const DENSE = num("BENCH_NEAREST_DENSE", 6000);
async function denseProbe(
  database: Database,
  ask: (
    lng: number,
    lat: number,
  ) => Promise<{ items: { position: { id: string } }[] }>,
  log: Log,
): Promise<NonNullable<NearestFigures["dense"]>> {
  const [cLng, cLat] = [(BOX.west + BOX.east) / 2, (BOX.south + BOX.north) / 2];
  const kx = 111_195 * Math.cos((cLat * Math.PI) / 180);
  const random = seededRandom(99);
  const disc = (radius: number): [number, number] => {
    const r = radius * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    return [cLng + (r * Math.cos(a)) / kx, cLat + (r * Math.sin(a)) / 111_195];
  };
  log(
    `nearest: dense probe, ${DENSE.toLocaleString("en")} more positions within 300 m of one point`,
  );
  await seedPositions(database, log, DENSE, "DENSE", () => disc(300));
  await database.query(
    "update position set geog = ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography where geog is null",
  );
  await database.query("analyze position");
  let sameSet = 0;
  let oursFarther = 0;
  const points = Array.from({ length: 50 }, () => disc(500));
  for (const [lng, lat] of points) {
    const ours = (await ask(lng, lat)).items.map((i) => i.position.id);
    const theirs = await database.query<{ id: string; metres: number }>(
      KNN_SAME,
      [lng, lat, LIMIT],
    );
    if (
      ours.length === theirs.length &&
      ours.every((id) => theirs.some((t) => t.id === id))
    )
      sameSet++;
    else {
      // Which side is wrong: the exact distance of our farthest pick against PostGIS's 10th.
      const [mine] = await database.query<{ metres: number }>(
        `select max(ST_Distance(geog, ${KNN_POINT}, false)) as metres from position where id = any($3::uuid[])`,
        [lng, lat, ours],
      );
      if (
        Number(mine?.metres) >
        Math.max(...theirs.map((t) => Number(t.metres))) + 1e-6
      )
        oursFarther++;
    }
  }
  log(
    `  same ids ${sameSet}/${points.length}; where they differ, ours picked a farther position in ${oursFarther}`,
  );
  return { positions: DENSE, sample: points.length, sameSet, oursFarther };
}
