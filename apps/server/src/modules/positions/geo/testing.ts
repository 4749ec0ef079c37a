// Test helpers: the real Monaco and Andorra extracts shipped in ../data, and tiny hand-made networks.
import { fileURLToPath } from 'node:url';
import { buildWalkGraph, type WalkGraph } from './graph';
import { readWalkNetwork } from './osm';
import type { WalkNetwork } from './osm-walkable';

export const dataFile = (name: string): string => fileURLToPath(new URL(`../data/${name}`, import.meta.url));

let monaco: Promise<{ net: WalkNetwork; graph: WalkGraph }> | undefined;

/** The Monaco extract as a graph, read once per test file. */
export function loadMonaco(): Promise<{ net: WalkNetwork; graph: WalkGraph }> {
  monaco ??= readWalkNetwork(dataFile('monaco.osm.gz')).then((net) => ({ net, graph: buildWalkGraph(net) }));
  return monaco;
}

/** A network from node coordinates and ways given as lists of node indexes. */
export function makeNetwork(coords: [number, number][], ways: number[][]): WalkNetwork {
  const wayStart = [0];
  const wayNodes: number[] = [];
  for (const w of ways) {
    wayNodes.push(...w);
    wayStart.push(wayNodes.length);
  }
  return {
    nodeCount: coords.length,
    lng: Float64Array.from(coords.map((c) => c[0])),
    lat: Float64Array.from(coords.map((c) => c[1])),
    osmNodeIds: Float64Array.from(coords.map((_, i) => i + 1)),
    wayCount: ways.length,
    osmWayIds: Float64Array.from(ways.map((_, i) => i + 1)),
    wayStart: Uint32Array.from(wayStart),
    wayNodes: Uint32Array.from(wayNodes),
    wayHighway: ways.map(() => 'footway'),
    wayName: ways.map(() => ''),
    wayIsArea: new Uint8Array(ways.length),
    stats: { nodes: coords.length, ways: ways.length, relations: 0, highwayWays: ways.length, walkableWays: ways.length, missingNodeRefs: 0, walkableByHighway: {} },
  };
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
