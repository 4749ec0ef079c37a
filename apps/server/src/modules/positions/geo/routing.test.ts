import { beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from './coords';
import { buildWalkGraph, snapToGraph, type SnappedPoint, type WalkGraph } from './graph';
import type { WalkNetwork } from './osm-walkable';
import { BoundedDijkstra, findReach, findWalkingDistance, MinHeap, minutesToMetres, seedsOf } from './routing';
import { loadMonaco, makeNetwork, makeRandom } from './testing';

let graph: WalkGraph;
let net: WalkNetwork;
beforeAll(async () => {
  ({ graph, net } = await loadMonaco());
});

function randomSnaps(count: number, seed: number): SnappedPoint[] {
  const rand = makeRandom(seed);
  return Array.from({ length: count }, () => snapToGraph(graph, 7.41 + rand() * 0.025, 43.726 + rand() * 0.02)!);
}

describe('binary heap', () => {
  it('pops in key order', () => {
    const heap = new MinHeap();
    const rand = makeRandom(1);
    const keys = Array.from({ length: 1000 }, () => rand());
    keys.forEach((k, i) => heap.push(k, i));
    const popped: number[] = [];
    while (heap.size > 0) {
      popped.push(heap.peekKey());
      heap.pop();
    }
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
  });
});

describe('walking distances on a hand-made network', () => {
  // A 3 × 1 ladder: 0–1–2 along the bottom, 3–4–5 along the top, rungs 0–3, 1–4, 2–5.
  const lng0 = 7.4, lat0 = 43.73, dLng = 0.002, dLat = 0.001;
  const g = buildWalkGraph(
    makeNetwork(
      [[lng0, lat0], [lng0 + dLng, lat0], [lng0 + 2 * dLng, lat0], [lng0, lat0 + dLat], [lng0 + dLng, lat0 + dLat], [lng0 + 2 * dLng, lat0 + dLat]],
      [[0, 1, 2], [3, 4, 5], [0, 3], [1, 4], [2, 5]],
    ),
  );
  const along = haversineMetres(lng0, lat0, lng0 + dLng, lat0);
  // The top street is a little shorter than the bottom one: meridians converge northwards.
  const alongTop = haversineMetres(lng0, lat0 + dLat, lng0 + dLng, lat0 + dLat);
  const rung = haversineMetres(lng0, lat0, lng0, lat0 + dLat);

  it('goes through the partial edges at both ends', () => {
    // From the middle of 0–1 to the middle of 4–5: half a block, a rung, half a block.
    const from = snapToGraph(g, lng0 + dLng / 2, lat0 - 0.0001)!;
    const to = snapToGraph(g, lng0 + 1.5 * dLng, lat0 + dLat + 0.0001)!;
    expect(from.fraction).toBeCloseTo(0.5, 6);
    expect(findWalkingDistance(g, from, to)).toBeCloseTo(along / 2 + rung + alongTop / 2, 6);
    // On one edge: straight along it.
    const near = snapToGraph(g, lng0 + 0.8 * dLng, lat0)!;
    expect(findWalkingDistance(g, from, near)).toBeCloseTo(0.3 * along, 3);
    expect(findWalkingDistance(g, from, to, 100)).toBe(Infinity);
  });

  it('minutes and speed give the cutoff: 15 min at 4.5 km/h is 1,125 m', () => {
    expect(minutesToMetres()).toBe(1125);
    expect(minutesToMetres(10, 3.6)).toBe(600);
  });
});

describe('walking distances on Monaco', () => {
  it('are symmetric, at least the straight line, and obey the triangle inequality', () => {
    const pts = randomSnaps(30, 99);
    const d = pts.map((a) => pts.map((b) => findWalkingDistance(graph, a, b)));
    let finite = 0;
    for (let i = 0; i < pts.length; i++) {
      for (let j = 0; j < pts.length; j++) {
        const dij = d[i]![j]!;
        if (!Number.isFinite(dij)) continue;
        finite++;
        expect(dij).toBeCloseTo(d[j]![i]!, 6);
        expect(dij + 1e-6).toBeGreaterThanOrEqual(haversineMetres(pts[i]!.lng, pts[i]!.lat, pts[j]!.lng, pts[j]!.lat) * 0.999);
        for (let k = 0; k < pts.length; k += 3) {
          if (Number.isFinite(d[i]![k]!) && Number.isFinite(d[k]![j]!)) expect(dij).toBeLessThanOrEqual(d[i]![k]! + d[k]![j]! + 1e-6);
        }
      }
    }
    expect(finite).toBeGreaterThan(pts.length * pts.length * 0.8);
  });

  it('follows Avenue de la Madone: never longer than walking the street itself', () => {
    // Hand-checked: the way's own length is the sum of its segments; the router may only find
    // something shorter (a shortcut by steps) or equal.
    const w = net.wayName.indexOf('Avenue de la Madone');
    const nodes = Array.from(net.wayNodes.subarray(net.wayStart[w], net.wayStart[w + 1]));
    let alongWay = 0;
    for (let i = 0; i + 1 < nodes.length; i++) {
      alongWay += haversineMetres(net.lng[nodes[i]!]!, net.lat[nodes[i]!]!, net.lng[nodes[i + 1]!]!, net.lat[nodes[i + 1]!]!);
    }
    const first = nodes[0]!;
    const last = nodes[nodes.length - 1]!;
    const from = snapToGraph(graph, net.lng[first]!, net.lat[first]!)!;
    const to = snapToGraph(graph, net.lng[last]!, net.lat[last]!)!;
    const d = findWalkingDistance(graph, from, to);
    expect(d).toBeLessThanOrEqual(alongWay + 1e-6);
    expect(d).toBeGreaterThanOrEqual(haversineMetres(net.lng[first]!, net.lat[first]!, net.lng[last]!, net.lat[last]!));
    // Avenue de la Madone is a plain street with no shortcut: the router walks exactly its length.
    expect(d).toBeCloseTo(alongWay, 6);
  });

  it('one-to-many: every node within the bound, with the same distances as an unbounded search', () => {
    const [src] = randomSnaps(1, 5);
    const reach = findReach(graph, [src!], 1125);
    const full = new BoundedDijkstra(graph).run(seedsOf(graph, src!));
    let within = 0;
    for (let n = 0; n < graph.nodeCount; n++) if (full.dist[n]! <= 1125) within++;
    expect(reach.nodes.length).toBe(within);
    reach.nodes.forEach((n, i) => expect(reach.dist[i]).toBeCloseTo(full.dist[n]!, 9));
    for (let i = 1; i < reach.dist.length; i++) expect(reach.dist[i]!).toBeGreaterThanOrEqual(reach.dist[i - 1]!);
  });

  it('multi-source: each node gets the distance to its nearest source', () => {
    const sources = randomSnaps(5, 11);
    const multi = findReach(graph, sources, 1125);
    const singles = sources.map((s) => new BoundedDijkstra(graph).run(seedsOf(graph, s)).dist.slice());
    multi.nodes.forEach((n, i) => {
      const best = Math.min(...singles.map((d) => d[n]!));
      expect(multi.dist[i]).toBeCloseTo(best, 9);
      expect(singles[multi.source[i]!]![n]).toBeCloseTo(best, 9);
    });
    // Offsets (the walk to the street) eat into the budget.
    const offset = findReach(graph, sources, 1125, sources.map(() => 500));
    expect(offset.nodes.length).toBeLessThan(multi.nodes.length);
  });
});
