import { beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from './coords';
import { buildWalkGraph, findNearestNode, pointOnEdge, snapToGraph, type WalkGraph } from './graph';
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
    expect(graph.edgeCount).toBe(5094);
    expect(graph.totalLength / 1000).toBeCloseTo(81.8, 1);
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
    // Monaco's nodes are dense (4,699 in ~2 km²), yet some points are still 20 m+ better placed.
    expect(muchCloser).toBeGreaterThanOrEqual(5);
  });
});
