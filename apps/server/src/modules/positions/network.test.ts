import { beforeAll, describe, expect, it } from 'vitest';
import { findWalkingDistance, haversineMetres, snapToGraph, type WalkGraph } from './geo';
import { loadMonaco, makeRandom } from './geo/testing';
import { boundsOf, deserializeWalkGraph, findWalkingDistances, serializeWalkGraph } from './network.service';

let graph: WalkGraph;
beforeAll(async () => {
  ({ graph } = await loadMonaco());
});

describe('serialized street network', () => {
  it('round-trips every array and number of the graph', () => {
    const bytes = serializeWalkGraph(graph);
    // Copy into a Buffer at an odd offset, as a driver's pooled Buffer may be.
    const pooled = Buffer.alloc(bytes.length + 3);
    bytes.copy(pooled, 3);
    const back = deserializeWalkGraph(pooled.subarray(3));
    expect(back.nodeCount).toBe(graph.nodeCount);
    expect(back.edgeCount).toBe(graph.edgeCount);
    expect(back.totalLength).toBe(graph.totalLength);
    expect(back.index).toEqual(graph.index);
    for (const key of ['lng', 'lat', 'edgeU', 'edgeV', 'edgeLength', 'edgeWay', 'adjStart', 'adjNode', 'adjEdge'] as const) {
      expect(back[key], key).toEqual(graph[key]);
    }
    // And it answers queries the same.
    const a = snapToGraph(back, 7.4246, 43.7384)!;
    const b = snapToGraph(back, 7.42, 43.731)!;
    expect(a).toEqual(snapToGraph(graph, 7.4246, 43.7384));
    expect(findWalkingDistance(back, a, b)).toBe(findWalkingDistance(graph, snapToGraph(graph, 7.4246, 43.7384)!, snapToGraph(graph, 7.42, 43.731)!));
  });

  it('refuses bytes that are not a graph', () => {
    expect(() => deserializeWalkGraph(Buffer.from('not a graph at all'))).toThrow(/too short/);
    const bytes = serializeWalkGraph(graph);
    expect(() => deserializeWalkGraph(bytes.subarray(0, bytes.length - 4))).toThrow(/expected/);
    bytes.writeUInt32LE(0, 0);
    expect(() => deserializeWalkGraph(bytes)).toThrow(/unknown format/);
  });

  it('has the bounds of its nodes', () => {
    const b = boundsOf(graph);
    expect(b.minLng).toBeGreaterThan(7.39);
    expect(b.maxLng).toBeLessThan(7.45);
    expect(b.minLat).toBeGreaterThan(43.72);
    expect(b.maxLat).toBeLessThan(43.76);
  });
});

describe('walking distances from one origin', () => {
  it('equal the point-to-point distances plus the snap legs, and are never below the straight line', () => {
    const rand = makeRandom(7);
    const origin = { lng: 7.4246, lat: 43.7384 };
    const targets = Array.from({ length: 40 }, () => ({ lng: 7.41 + rand() * 0.025, lat: 43.726 + rand() * 0.02 }));
    const found = findWalkingDistances(graph, origin, targets, 5000);
    const from = snapToGraph(graph, origin.lng, origin.lat)!;
    let reached = 0;
    targets.forEach((t, i) => {
      const to = snapToGraph(graph, t.lng, t.lat, 500);
      const expected = to ? from.distance + findWalkingDistance(graph, from, to) + to.distance : Infinity;
      if (expected > 5000) expect(found[i]).toBeNull();
      else {
        reached++;
        expect(found[i]).toBeCloseTo(expected, 6);
        expect(found[i]!).toBeGreaterThanOrEqual(haversineMetres(origin.lng, origin.lat, t.lng, t.lat) - 0.5);
      }
    });
    expect(reached).toBeGreaterThan(20);
  });

  it('gives null beyond the bound, and for all when the origin is far from any street', () => {
    const near = { lng: 7.42, lat: 43.731 };
    expect(findWalkingDistances(graph, { lng: 7.4246, lat: 43.7384 }, [near], 100)).toEqual([null]);
    expect(findWalkingDistances(graph, { lng: 8.5, lat: 43.7 }, [near])).toEqual([null]);
  });
});
