import { describe, expect, it } from 'vitest';
import { isInRing, type LngLat } from './coords';
import { computeEdgeCoverage } from './coverage';
import { snapToGraph, type WalkGraph } from './graph';
import { buildIsochrone, listReachedSegments, type MultiPolygon } from './isochrone';
import { loadMonaco } from './testing';

const M = (6371008.8 * Math.PI) / 180;

// Inside a polygon with holes: inside the outer ring and in none of its holes.
const isInside = (mp: MultiPolygon, p: LngLat) =>
  mp.coordinates.some(([outer, ...holes]) => isInRing(p[0], p[1], outer!) && !holes.some((h) => isInRing(p[0], p[1], h)));

// Shoelace area in square metres, outer rings minus holes.
function areaOf(mp: MultiPolygon): number {
  let total = 0;
  for (const poly of mp.coordinates) {
    poly.forEach((ring, k) => {
      const kx = M * Math.cos((ring[0]![1] * Math.PI) / 180);
      let a = 0;
      for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0] * kx * ring[i + 1]![1] * M - ring[i + 1]![0] * kx * ring[i]![1] * M;
      total += k === 0 ? Math.abs(a / 2) : -Math.abs(a / 2);
    });
  }
  return total;
}

describe('isochrone polygons (buffer of the reached streets)', () => {
  it('a straight street gives a stadium of the right area', () => {
    const lat = 43.73;
    const seg: [LngLat, LngLat] = [[7.4, lat], [7.4 + 1000 / (M * Math.cos((lat * Math.PI) / 180)), lat]];
    const iso = buildIsochrone([seg], { cellMetres: 5, bufferMetres: 50 });
    expect(iso.coordinates).toHaveLength(1);
    const ring = iso.coordinates[0]![0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const expected = 1000 * 100 + Math.PI * 50 * 50;
    expect(Math.abs(areaOf(iso) - expected) / expected).toBeLessThan(0.03);
    expect(isInside(iso, [7.405, lat + 40 / M])).toBe(true);
    expect(isInside(iso, [7.405, lat + 60 / M])).toBe(false);
  });

  it('a block of streets around a square leaves the middle of the block out, as a hole', () => {
    const d = 400 / M;
    const kx = Math.cos((43.73 * Math.PI) / 180);
    const c: LngLat[] = [[7.4, 43.73], [7.4 + d / kx, 43.73], [7.4 + d / kx, 43.73 + d], [7.4, 43.73 + d]];
    const segs = c.map((p, i): [LngLat, LngLat] => [p, c[(i + 1) % 4]!]);
    const iso = buildIsochrone(segs, { cellMetres: 10, bufferMetres: 50 });
    expect(iso.coordinates).toHaveLength(1);
    expect(iso.coordinates[0]).toHaveLength(2); // outer ring and one hole
    expect(isInside(iso, [7.4 + d / kx / 2, 43.73 + d / 2])).toBe(false);
    expect(isInside(iso, [7.4 + d / kx / 2, 43.73 + 10 / M])).toBe(true);
  });

  it('on Monaco, covers every reached street and leaves far streets out', async () => {
    const { graph }: { graph: WalkGraph } = await loadMonaco();
    const src = snapToGraph(graph, 7.42, 43.7314)!;
    const cov = computeEdgeCoverage(graph, [src], 750).coverage;
    const segs = listReachedSegments(graph, cov);
    const iso = buildIsochrone(segs);
    for (const [a, b] of segs) expect(isInside(iso, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2])).toBe(true);
    expect(isInside(iso, [7.4286, 43.7394])).toBe(false); // the Casino, ~1.2 km away
  });

  it('empty reach, empty polygon', () => {
    expect(buildIsochrone([])).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});
