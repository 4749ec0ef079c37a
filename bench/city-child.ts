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
  type WalkNetwork,
} from "../apps/server/src/modules/positions/geo";
import { seededRandom } from "./common";
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
const METRES_PER_DEGREE = (6371008.8 * Math.PI) / 180;

export function generateCity(
  side: number,
  spacing: number,
  seed: number,
): WalkNetwork {
  const random = seededRandom(seed);
  const lat0 = 29.45;
  const lng0 = 106.35;
  const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const n = side * side;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      const i = r * side + c;
      lng[i] = lng0 + (c * spacing + (random() - 0.5) * 16) / kx;
      lat[i] = lat0 + (r * spacing + (random() - 0.5) * 16) / METRES_PER_DEGREE;
    }
  // Ways: each row and column is a street, cut where a segment is removed; diagonals are short ways.
  const wayStart: number[] = [0];
  const wayNodes: number[] = [];
  const street = (nodes: number[]) => {
    if (nodes.length < 2) return;
    wayNodes.push(...nodes);
    wayStart.push(wayNodes.length);
  };
  for (const horizontal of [true, false]) {
    for (let a = 0; a < side; a++) {
      let current: number[] = [];
      for (let b = 0; b < side; b++) {
        const node = horizontal ? a * side + b : b * side + a;
        current.push(node);
        if (b + 1 < side && random() < 0.05) {
          street(current);
          current = [];
        }
      }
      street(current);
    }
  }
  for (let r = 0; r + 1 < side; r++)
    for (let c = 0; c + 1 < side; c++) {
      if (random() >= 0.05) continue;
      street(
        random() < 0.5
          ? [r * side + c, (r + 1) * side + c + 1]
          : [r * side + c + 1, (r + 1) * side + c],
      );
    }
  const wayCount = wayStart.length - 1;
  return {
    nodeCount: n,
    lng,
    lat,
    osmNodeIds: Float64Array.from({ length: n }, (_, i) => i + 1),
    wayCount,
    osmWayIds: Float64Array.from({ length: wayCount }, (_, i) => i + 1),
    wayStart: Uint32Array.from(wayStart),
    wayNodes: Uint32Array.from(wayNodes),
    wayHighway: new Array<string>(wayCount).fill("residential"),
    wayName: new Array<string>(wayCount).fill(""),
    wayIsArea: new Uint8Array(wayCount),
    stats: {
      nodes: n,
      ways: wayCount,
      relations: 0,
      highwayWays: wayCount,
      walkableWays: wayCount,
      missingNodeRefs: 0,
      walkableByHighway: { residential: wayCount },
    },
  };
}

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
