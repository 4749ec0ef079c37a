/**
 * Child process of the city benchmark (city.ts forks it so its peak RSS is the benchmark's alone):
 * generates a city-sized street network of about BENCH_CITY_EDGES edges, builds our walking graph
 * and runs the 15-minute coverage from 100 and 1,000 stations, reporting times and
 * `process.resourceUsage().maxRSS` after each step to the parent over IPC.
 *
 * The network: an n × n grid (BENCH_CITY_SPACING m, default 35 m, over Chongqing's latitude),
 * every node moved by up to ±8 m, 5 % of the street segments removed (dead ends, blocks), and a
 * diagonal across 5 % of the blocks; all streets two-way (walking). Seeded, so runs compare.
 */
import {
  buildWalkGraph,
  minutesToMetres,
} from "../apps/server/src/modules/positions/geo";
import { generateCity } from "./city-network";
import { measureReach, pickSourceNodes, type ReachFigures } from "./reach";

export type CityStep = { step: string; ms: number; maxRssMb: number };
export type CityFigures = {
  edgesTarget: number;
  side: number;
  spacing: number;
  nodes: number;
  edges: number;
  km: number;
  widthKm: number;
  graphMb: number;
  startRssMb: number;
  steps: CityStep[];
  runs: ReachFigures[];
};

const EDGES = Number(process.env.BENCH_CITY_EDGES) || 1_000_000;
const SPACING = Number(process.env.BENCH_CITY_SPACING) || 35;
const STATIONS = (process.env.BENCH_STATIONS ?? "100,1000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const rssMb = () => process.resourceUsage().maxRSS / 1024;

function main(): CityFigures {
  // edges ≈ 2·side²·0.95 (grid less 5 %) + 0.05·side² (diagonals) = 1.95·side².
  const side = Math.round(Math.sqrt(EDGES / 1.95));
  const steps: CityStep[] = [];
  const startRssMb = rssMb();
  const step = <T>(name: string, f: () => T): T => {
    const t = performance.now();
    const r = f();
    steps.push({ step: name, ms: performance.now() - t, maxRssMb: rssMb() });
    return r;
  };
  const net = step("generate the network (typed arrays)", () =>
    generateCity(side, SPACING, 2026),
  );
  const g = step("build the walking graph + edge index", () =>
    buildWalkGraph(net),
  );
  const graphBytes = [
    g.lng,
    g.lat,
    g.edgeU,
    g.edgeV,
    g.edgeLength,
    g.edgeWay,
    g.adjStart,
    g.adjNode,
    g.adjEdge,
    g.index.cellStart,
    g.index.cellEdges,
  ].reduce((s, a) => s + a.byteLength, 0);
  const cutoff = minutesToMetres(15, 4.5);
  const runs: ReachFigures[] = [];
  for (const count of STATIONS) {
    const sources = pickSourceNodes(g, count, 1000 + count);
    const candidateNodes = Uint32Array.from(pickSourceNodes(g, 2000, 77));
    runs.push(
      step(`coverage from ${count} stations (with the full run)`, () =>
        measureReach(g, sources, cutoff, { candidateNodes }),
      ),
    );
  }
  return {
    edgesTarget: EDGES,
    side,
    spacing: SPACING,
    nodes: g.nodeCount,
    edges: g.edgeCount,
    km: g.totalLength / 1000,
    widthKm: ((side - 1) * SPACING) / 1000,
    graphMb: graphBytes / 2 ** 20,
    startRssMb,
    steps,
    runs,
  };
}

if (process.send) {
  try {
    process.send({ type: "done", figures: main() }, () => process.exit(0));
  } catch (error) {
    process.send(
      { type: "error", message: (error as Error).stack ?? String(error) },
      () => process.exit(1),
    );
  }
}
