import { beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from './coords';
import { buildWalkGraph, findNearestNode, pointOnEdge, snapToGraph, type WalkGraph } from './graph';
import { findWalkingDistance } from './routing';
import type { WalkNetwork } from './osm-walkable';
import { loadMonaco, makeNetwork, makeRandom } from './testing';

let graph: WalkGraph;
let net: WalkNetwork;
beforeAll(async () => {
  ({ graph, net } = await loadMonaco());
});

// Brute force over every edge, with the same planar projection: the reference for the grid search.
function bruteSnap(g: WalkGraph, lng: number, lat: number) {
  let best = { edge: -1, distance: Infinity };
  for (let e = 0; e < g.edgeCount; e++) {
    const a = g.edgeU[e]!;
    const b = g.edgeV[e]!;
    const kx = Math.cos((lat * Math.PI) / 180);
    const ax = (g.lng[a]! - lng) * kx, ay = g.lat[a]! - lat, bx = (g.lng[b]! - lng) * kx, by = g.lat[b]! - lat;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
    const [plng, plat] = pointOnEdge(g, e, t);
    const d = haversineMetres(lng, lat, plng, plat);
    if (d < best.distance) best = { edge: e, distance: d };
  }
  return best;
}

describe('walking graph of Monaco', () => {
  it('keeps every node of the walkable ways, with CSR adjacency both ways', () => {
    expect(graph.nodeCount).toBe(net.nodeCount);
    // 5,110 edges in the walkable ways; 60 of them in pieces of fewer than 200 nodes are dropped.
    expect(graph.edgeCount).toBe(5050);
    expect(graph.totalLength / 1000).toBeCloseTo(81.2, 1);
    expect(graph.adjStart[graph.nodeCount]).toBe(2 * graph.edgeCount);
    for (let e = 0; e < graph.edgeCount; e += 97) {
      const u = graph.edgeU[e]!;
      const v = graph.edgeV[e]!;
      const neighbours = Array.from(graph.adjNode.subarray(graph.adjStart[u], graph.adjStart[u + 1]));
      expect(neighbours).toContain(v);
      expect(graph.edgeLength[e]).toBeCloseTo(haversineMetres(graph.lng[u]!, graph.lat[u]!, graph.lng[v]!, graph.lat[v]!), 9);
    }
  });

  it('keeps a segment shared by two ways once', () => {
    const g = buildWalkGraph(makeNetwork([[7.42, 43.73], [7.421, 43.73], [7.422, 43.73]], [[0, 1, 2], [1, 2], [2, 1]]));
    expect(g.edgeCount).toBe(2);
    expect(g.totalLength).toBeCloseTo(haversineMetres(7.42, 43.73, 7.422, 43.73), 6);
  });
});

describe('disconnected pieces (GraphHopper min_network_size)', () => {
  // A 15 × 15 street grid (225 nodes) and, 30 m from the query, a courtyard footway of 4 nodes that
  // touches no street: the nearest edge is the courtyard's.
  const grid = () => {
    const coords: [number, number][] = [];
    const ways: number[][] = [];
    const step = 0.001;
    for (let r = 0; r < 15; r++) for (let c = 0; c < 15; c++) coords.push([106.5 + c * step, 29.5 + r * step]);
    for (let r = 0; r < 15; r++) ways.push(Array.from({ length: 15 }, (_, c) => r * 15 + c));
    for (let c = 0; c < 15; c++) ways.push(Array.from({ length: 15 }, (_, r) => r * 15 + c));
    const base = coords.length;
    // In the middle of a block: its corners 0.0003° (~30 m) from the streets around it.
    coords.push([106.5053, 29.5053], [106.5057, 29.5053], [106.5057, 29.5057], [106.5053, 29.5057]);
    ways.push([base, base + 1, base + 2, base + 3, base]);
    return makeNetwork(coords, ways);
  };

  it('drops pieces below 200 nodes before snapping, so a point reaches the streets', () => {
    const net = grid();
    const kept = buildWalkGraph(net);
    const all = buildWalkGraph(net, { minComponentNodes: 1 });
    expect(all.edgeCount - kept.edgeCount).toBe(4);
    const query: [number, number] = [106.5055, 29.50525];
    const onIsland = snapToGraph(all, ...query)!;
    expect(all.edgeU[onIsland.edge]).toBeGreaterThanOrEqual(225);
    const onStreet = snapToGraph(kept, ...query)!;
    expect(kept.edgeU[onStreet.edge]).toBeLessThan(225);
    // From the street the query walks to the grid's far corner; from the island it walked nowhere.
    const corner: [number, number] = [106.514, 29.514];
    expect(findWalkingDistance(kept, snapToGraph(kept, ...query)!, snapToGraph(kept, ...corner)!)).toBeGreaterThan(0);
    expect(findWalkingDistance(all, onIsland, snapToGraph(all, ...corner)!)).toBe(Infinity);
  });

  it('keeps the largest piece however small, so a small test network still works', () => {
    const g = buildWalkGraph(makeNetwork([[7.42, 43.73], [7.421, 43.73], [7.5, 43.8], [7.501, 43.8], [7.502, 43.8]], [[0, 1], [2, 3, 4]]));
    expect(g.edgeCount).toBe(2);
    expect(g.edgeU[0]).toBe(2);
  });

  it('leaves no random point of Monaco on a piece cut off from its streets', () => {
    const rand = makeRandom(7);
    const all = buildWalkGraph(net, { minComponentNodes: 1 });
    const sizes = componentSizes(graph);
    let strandedBefore = 0;
    for (let i = 0; i < 500; i++) {
      const lng = 7.405 + rand() * 0.035;
      const lat = 43.722 + rand() * 0.03;
      const snap = snapToGraph(graph, lng, lat)!;
      expect(sizes.get(graph.edgeU[snap.edge]!)).toBeGreaterThanOrEqual(200);
      const before = snapToGraph(all, lng, lat)!;
      if (componentSizes(all).get(all.edgeU[before.edge]!)! < 200) strandedBefore++;
    }
    // Without the filter some points did land on such pieces (the defect this guards against).
    expect(strandedBefore).toBeGreaterThan(0);
  });
});

/** Node → size of its connected piece, by breadth-first search over the graph's adjacency. */
const componentCache = new WeakMap<WalkGraph, Map<number, number>>();
function componentSizes(g: WalkGraph): Map<number, number> {
  const cached = componentCache.get(g);
  if (cached) return cached;
  const out = new Map<number, number>();
  for (let s = 0; s < g.nodeCount; s++) {
    if (out.has(s) || g.adjStart[s] === g.adjStart[s + 1]) continue;
    const members = [s];
    const seen = new Set(members);
    for (let i = 0; i < members.length; i++) {
      const x = members[i]!;
      for (let k = g.adjStart[x]!; k < g.adjStart[x + 1]!; k++) {
        const y = g.adjNode[k]!;
        if (!seen.has(y)) {
          seen.add(y);
          members.push(y);
        }
      }
    }
    for (const m of members) out.set(m, members.length);
  }
  componentCache.set(g, out);
  return out;
}

describe('snapping', () => {
  it('finds the same nearest edge as brute force for 300 random points', () => {
    const rand = makeRandom(42);
    for (let i = 0; i < 300; i++) {
      const lng = 7.405 + rand() * 0.035;
      const lat = 43.722 + rand() * 0.03;
      const snap = snapToGraph(graph, lng, lat)!;
      const brute = bruteSnap(graph, lng, lat);
      expect(snap.distance).toBeCloseTo(brute.distance, 3);
      expect(snap.fraction).toBeGreaterThanOrEqual(0);
      expect(snap.fraction).toBeLessThanOrEqual(1);
      const [plng, plat] = pointOnEdge(graph, snap.edge, snap.fraction);
      expect(haversineMetres(plng, plat, snap.lng, snap.lat)).toBeLessThan(1e-6);
    }
  });

  it('snaps from outside the grid, and gives up beyond maxMetres', () => {
    const far = snapToGraph(graph, 7.5, 43.8, 50_000)!;
    expect(far.distance).toBe(bruteSnap(graph, 7.5, 43.8).distance);
    expect(snapToGraph(graph, 7.5, 43.8, 1000)).toBeNull();
  });

  it('lands on the nearest point of an edge, not on the nearest node', () => {
    // A 600 m straight street and a side node 100 m north of its middle; a point 20 m north of the
    // middle is 20 m from the street but ~80 m from the nearest node.
    const g = buildWalkGraph(
      makeNetwork(
        [[7.4, 43.73], [7.4074, 43.73], [7.4037, 43.7309], [7.4037, 43.7319]],
        [[0, 1], [2, 3]],
      ),
    );
    const q: [number, number] = [7.4037, 43.73018];
    const snap = snapToGraph(g, ...q)!;
    expect(snap.edge).toBe(0);
    expect(snap.fraction).toBeCloseTo(0.5, 3);
    expect(snap.distance).toBeCloseTo(20, 0);
    expect(findNearestNode(g, ...q)!.distance).toBeGreaterThan(75);
  });

  it('on Monaco, snapping is never farther than the nearest node and often much closer', () => {
    const rand = makeRandom(7);
    let muchCloser = 0;
    for (let i = 0; i < 200; i++) {
      const lng = 7.41 + rand() * 0.025;
      const lat = 43.725 + rand() * 0.02;
      const snap = snapToGraph(graph, lng, lat)!;
      const node = findNearestNode(graph, lng, lat)!;
      expect(snap.distance).toBeLessThanOrEqual(node.distance + 1e-6);
      if (node.distance - snap.distance > 20) muchCloser++;
    }
    // Monaco's nodes are dense (4,717 in ~2 km²), yet some points are still 20 m+ better placed.
    expect(muchCloser).toBeGreaterThanOrEqual(5);
  });
});
