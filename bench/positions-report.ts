// The latest.md section of the nearest benchmark (positions.ts).
import { fmt, num, table } from "./common";
import { NEAREST_HEADING, type NearestFigures, type Timing } from "./positions";

const SECONDS = num("BENCH_SECONDS", 10);
const CONNECTIONS = num("BENCH_CONNECTIONS", 50);
const LIMIT = 10;

export function nearestMarkdown(f: NearestFigures, command: string): string {
  const ms = (t: Timing | undefined) => [
    fmt(t?.p50, 2),
    fmt(t?.p99, 2),
    fmt(t?.mean, 2),
  ];
  const ratio = (a: number | undefined, b: number | undefined) =>
    a && b ? `${(a / b).toFixed(1)}×` : "—";
  const pct = (a: number, b: number) =>
    `${a}/${b} (${((a / b) * 100).toFixed(1)} %)`;
  const md = [
    `## ${NEAREST_HEADING} ${f.positions.toLocaleString("en")} positions, beside PostGIS KNN`,
    "",
    `Command: \`${command}\`. ${f.version.split(" on ")[0]}${f.postgis ? `, ${f.postgis.version}` : ""}. ` +
      `${f.positions.toLocaleString("en")} generated positions (seeded, uniform over a 20 × 20 km box over Jiangbei, 95 % open; inserted in ${fmt(f.seedS)} s) beside the demo data. ` +
      `${f.queries} query points (seeded, uniform over the box), \`limit=${LIMIT}\`, \`openNow=false\` (PostGIS cannot evaluate the weekly schedules), no street network stored (straight line × 1.3, as for an area without one). ` +
      `Ours: the service reads positions in planar order through the GiST index on \`point(lng, lat)\` (core PostgreSQL KNN, no PostGIS) in growing pages until nothing unread can be nearer, then ranks by haversine in Node (${f.statementsPerCall} SQL statements per call, including the street-network lookup). ` +
      `PostGIS: \`ORDER BY geog <-> point LIMIT 10\`, geography column + GiST index${f.indexS ? ` (built in ${fmt(f.indexS)} s)` : ""}, same pg pool. Latencies in ms, one query at a time.`,
    "",
    table(
      ["query", "p50", "p99", "mean"],
      [
        ["ours, service call in-process (`nearest()`)", ...ms(f.service)],
        [
          "ours, service call with `openNow=true` (schedules evaluated)",
          ...ms(f.serviceOpenNow),
        ],
        [
          `ours, its SQL alone (statements replayed on 100 points, raw pg; ${fmt(f.rowsPerCall, 0)} rows fetched per call)`,
          ...ms(f.sqlReplay),
        ],
        [
          "ours, `GET /api/v1/positions/nearest` (HTTP, sequential)",
          ...ms(f.http),
        ],
        [
          "PostGIS KNN, same columns (position + org + distance)",
          ...ms(f.postgis?.same),
        ],
        ["PostGIS KNN, ids only", ...ms(f.postgis?.bare)],
      ],
    ),
    "",
    table(
      ["ratio", "p50", "p99"],
      [
        [
          "ours in-process ÷ PostGIS KNN (same columns)",
          ratio(f.service.p50, f.postgis?.same.p50),
          ratio(f.service.p99, f.postgis?.same.p99),
        ],
        [
          "ours over HTTP ÷ ours in-process",
          ratio(f.http.p50, f.service.p50),
          ratio(f.http.p99, f.service.p99),
        ],
      ],
    ),
    "",
    `Under load (autocannon, ${CONNECTIONS} connections, ${SECONDS} s, one fixed point): ${fmt(f.httpLoad.rps, 0)} req/s, p50 ${f.httpLoad.p50} ms, p99 ${f.httpLoad.p99} ms${f.httpLoad.bad ? `, ⚠ ${f.httpLoad.bad} bad responses` : ""}.`,
    "",
  ];
  if (f.agreement) {
    md.push(
      `Agreement on ${f.agreement.sample} points (ours vs PostGIS KNN, 10 ids each): same ids ${pct(f.agreement.sameSet, f.agreement.sample)}, same order ${pct(f.agreement.sameOrder, f.agreement.sample)}.` +
        (f.agreement.firstMismatch
          ? ` First mismatch: ${f.agreement.firstMismatch}.`
          : ""),
      "",
    );
  }
  if (f.dense) {
    md.push(
      `Correctness probe (after the timings): ${f.dense.positions.toLocaleString("en")} more positions inside a 300 m disc (a dense centre), ${f.dense.sample} query points within 500 m of it: same ids ${pct(f.dense.sameSet, f.dense.sample)}` +
        (f.dense.sameSet < f.dense.sample
          ? `; where they differ, ours picked a position farther than PostGIS's 10th (exact sphere distances) in ${f.dense.oursFarther} of ${f.dense.sample - f.dense.sameSet} — **ours misses nearer positions when one search box holds more rows than \`listInBox\` fetches (\`limit 5000\`, no order)**.`
          : "."),
      "",
    );
  }
  if (f.postgis) {
    md.push(
      `PostGIS plan (${f.postgis.usesIndex ? "uses `position_geog_gist`" : "**does not use the GiST index**"}):`,
      "",
      "```",
      f.postgis.plan,
      "```",
      "",
    );
  }
  if (f.skipped) md.push(`⚠ ${f.skipped}`, "");
  return md.join("\n");
}
