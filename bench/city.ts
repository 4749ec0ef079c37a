/**
 * Positions, part c (issue 4, point 13): the coverage run on a generated city-sized network of
 * about 1,000,000 edges, time and peak RSS. Runs in a child process (city-child.ts) so the peak
 * memory is this benchmark's alone; the child's RSS right after start (Node + tsx + our geo code)
 * is the baseline. No database. Env: BENCH_CITY_EDGES (1000000), BENCH_CITY_SPACING (35),
 * BENCH_STATIONS ("100,1000").
 */
import { fork } from "node:child_process";
import path from "node:path";
import type { CityFigures } from "./city-child";
import { fmt, table, type Log } from "./common";

export const CITY_HEADING = "Positions: coverage on a generated city";

export function benchCity(log: Log): Promise<CityFigures> {
  log(
    "city: generating the network and running the coverage in a child process",
  );
  const child = fork(
    path.join(path.dirname(new URL(import.meta.url).pathname), "city-child.ts"),
    [],
    {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  return new Promise((resolve, reject) => {
    child.on(
      "message",
      (m: { type: string; figures?: CityFigures; message?: string }) => {
        if (m.type === "done" && m.figures) {
          for (const s of m.figures.steps)
            log(
              `  ${s.step}: ${fmt(s.ms, 0)} ms, peak RSS so far ${fmt(s.maxRssMb, 0)} MB`,
            );
          resolve(m.figures);
        } else
          reject(
            new Error(`city benchmark failed: ${m.message ?? "no figures"}`),
          );
      },
    );
    child.once("exit", (code) =>
      reject(new Error(`city benchmark child exited (${code})`)),
    );
  });
}

export function cityMarkdown(f: CityFigures, command: string): string {
  const ms = (v: number | undefined, d = 0) =>
    v === undefined ? "—" : `${fmt(v, v < 10 ? Math.max(d, 1) : d)} ms`;
  return [
    `## ${CITY_HEADING} of ${f.edges.toLocaleString("en")} edges`,
    "",
    `Command: \`${command}\`. A ${f.side} × ${f.side} grid of streets ${f.spacing} m apart (${fmt(f.widthKm)} × ${fmt(f.widthKm)} km), nodes moved by up to ±8 m, 5 % of segments removed, ` +
      `a diagonal across 5 % of blocks, all two-way; seeded. ${f.nodes.toLocaleString("en")} nodes, ${f.edges.toLocaleString("en")} edges, ${fmt(f.km, 0)} km; ` +
      `graph typed arrays ${fmt(f.graphMb, 0)} MB. Child process: RSS ${fmt(f.startRssMb, 0)} MB after start (Node + tsx + geo code, the baseline); peak RSS after each step:`,
    "",
    table(
      ["step", "time", "peak RSS so far"],
      f.steps.map((s) => [s.step, ms(s.ms), `${fmt(s.maxRssMb, 0)} MB`]),
    ),
    "",
    `Coverage, 15 min at 4.5 km/h, sources at random nodes (fixed seed); searches and coverage are medians of ${Number(process.env.BENCH_REPEAT) || 5} runs (BENCH_REPEAT), each step's time above includes all its runs; full run (once) = coverage + union isochrone (20 m cells) + uncovered streets + 10 candidate sites over 2,000 random nodes:`,
    "",
    table(
      [
        "stations",
        "one search per source",
        "multi-source search",
        "coverage (search + intervals + length)",
        "covered",
        "full run",
        "of which isochrone / uncovered / candidates",
      ],
      f.runs.map((r) => [
        String(r.sources),
        ms(r.perSourceMs),
        ms(r.multiMs),
        ms(r.coverageMs),
        `${fmt(r.coveredShare * 100)} % (${fmt(r.coveredKm, 0)} km)`,
        ms(r.fullRunMs),
        r.fullRunTimings
          ? `${fmt(r.fullRunTimings.isochrones, 0)} / ${fmt(r.fullRunTimings.uncovered, 0)} / ${fmt(r.fullRunTimings.candidates, 0)} ms`
          : "—",
      ]),
    ),
    "",
    `Peak RSS of the whole run: **${fmt(Math.max(...f.steps.map((s) => s.maxRssMb)), 0)} MB** (baseline ${fmt(f.startRssMb, 0)} MB).`,
    "",
  ].join("\n");
}
