/**
 * The generated city of the city benchmarks (city-child.ts, city-job-server.ts): an n × n grid
 * (`spacing` m, over Chongqing's latitude), every node moved by up to ±8 m, 5 % of the street
 * segments removed (dead ends, blocks), and a diagonal across 5 % of the blocks; all streets
 * two-way (walking). Seeded, so runs compare. edges ≈ 1.95·side².
 */
import type { WalkNetwork } from "../apps/server/src/modules/positions/geo";
import { seededRandom } from "./common";

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

/** The side of the grid that gives about `edges` edges (grid less 5 %, plus 5 % diagonals). */
export const citySideFor = (edges: number): number => Math.round(Math.sqrt(edges / 1.95));
