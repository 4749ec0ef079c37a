// The positions benchmarks (issue 4, point 13) as parts of `npm run bench`: nearest (positions.ts),
// network (coverage.ts, with pgRouting), city (city.ts) and cityjob (city-job.ts: requests while a
// coverage job of the city runs, issue 18). Each returns its latest.md section.
import os from "node:os";
import { benchCity, CITY_HEADING, cityMarkdown } from "./city";
import { benchCityJob, CITYJOB_HEADING, cityJobMarkdown } from "./city-job";
import type { Log } from "./common";
import { benchNetwork, NETWORK_HEADING, networkMarkdown } from "./coverage";
import { benchNearest, NEAREST_HEADING } from "./positions";
import { nearestMarkdown } from "./positions-report";

export const POSITIONS_PARTS = ["nearest", "network", "city", "cityjob"] as const;
export type PositionsPart = (typeof POSITIONS_PARTS)[number];

export const HEADINGS: Record<PositionsPart, string> = {
  nearest: NEAREST_HEADING,
  network: NETWORK_HEADING,
  city: CITY_HEADING,
  cityjob: CITYJOB_HEADING,
};

/** Runs the parts in order; adminUrl is a PostgreSQL server where databases may be created (none: those parts say they were skipped). */
export async function runPositionsParts(
  parts: readonly PositionsPart[],
  adminUrl: string | undefined,
  command: string,
  log: Log,
): Promise<{ part: PositionsPart; section: string }[]> {
  const out: { part: PositionsPart; section: string }[] = [];
  const noPg = (part: PositionsPart) =>
    `## ${HEADINGS[part]} …\n\n⚠ Skipped: no PostgreSQL server (BENCH_SKIP_POSTGRES=1).\n`;
  for (const part of parts) {
    const started = performance.now();
    const loadBefore = os.loadavg()[0]!;
    log(`positions/${part}: start (load average ${loadBefore.toFixed(1)})`);
    switch (part) {
      case "nearest":
        out.push({
          part,
          section: adminUrl
            ? nearestMarkdown(await benchNearest(adminUrl, log), command)
            : noPg(part),
        });
        break;
      case "network":
        out.push({
          part,
          section: adminUrl
            ? networkMarkdown(await benchNetwork(adminUrl, log), command)
            : noPg(part),
        });
        break;
      case "cityjob":
        out.push({
          part,
          section: adminUrl
            ? cityJobMarkdown(await benchCityJob(adminUrl, log), command)
            : noPg(part),
        });
        break;
      case "city":
        out.push({
          part,
          section: cityMarkdown(await benchCity(log), command),
        });
        break;
    }
    const seconds = (performance.now() - started) / 1000;
    const note = `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC in ${seconds.toFixed(0)} s on ${os.cpus().length} cores shared with other work: 1-minute load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end (above ${os.cpus().length}, every time here is stretched).`;
    out[out.length - 1]!.section =
      out[out.length - 1]!.section.trimEnd() + `\n\n${note}\n`;
    log(`positions/${part}: done in ${seconds.toFixed(0)} s`);
  }
  return out;
}
