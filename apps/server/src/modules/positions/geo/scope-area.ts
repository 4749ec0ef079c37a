// Which outline a map draws for an org scope, and the approximate area of a street when no street
// outline is shipped. The project bundles one district outline (江北区, data/SOURCE.md) and the
// statistical division codes, which carry names but no geometry; official street (街道) outlines
// are not published as open data. A street's area is therefore approximated as its Voronoi cell:
// the part of the district closer to the centre of the street's own positions than to any sibling
// street's centre. It is labelled 示意范围 wherever it is drawn; the only decision taken on it is the first owner of a
// worker's 随手拍 report (voice module), which staff can reassign.
import type { LngLat } from './coords';

export type MultiPolygonCoords = LngLat[][][];

/** The org types whose map shows their district's outline (their area is not one street). */
const DISTRICT_WIDE = new Set(['federation', 'district', 'park', 'industry']);

/**
 * The org whose outline a scope's map draws: a street (or anything below one, such as a community)
 * draws its street; a district, park, industry union or the whole platform draws the district.
 * `chain` is the scope org's ancestry from the root down to itself.
 */
export function pickBoundaryOrg<T extends { type: string }>(chain: readonly T[]): { kind: 'district'; org: T | undefined } | { kind: 'street'; org: T } {
  const street = chain.find((o) => o.type === 'street');
  const self = chain[chain.length - 1];
  if (street && !(self && DISTRICT_WIDE.has(self.type))) return { kind: 'street', org: street };
  return { kind: 'district', org: [...chain].reverse().find((o) => o.type === 'district') };
}

type Xy = [number, number];

/** A half-plane clip of one ring (Sutherland–Hodgman): keeps the side where f(p) <= 0. */
function clipRing(ring: readonly Xy[], f: (p: Xy) => number): Xy[] {
  const out: Xy[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    const fa = f(a);
    const fb = f(b);
    if (fa <= 0) out.push(a);
    if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) {
      const t = fa / (fa - fb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

/**
 * The Voronoi cell of each centre within the outline (MultiPolygon, WGS-84). Computed in a local
 * planar frame (longitude scaled by cos latitude) so the bisectors are at right angles on the
 * ground. Holes are clipped like outer rings; a ring left with fewer than 3 points is dropped.
 */
export function splitOutlineByCentres<K>(outline: MultiPolygonCoords, centres: readonly { key: K; lng: number; lat: number }[]): Map<K, MultiPolygonCoords> {
  const cells = new Map<K, MultiPolygonCoords>();
  if (centres.length === 0) return cells;
  const lat0 = centres.reduce((s, c) => s + c.lat, 0) / centres.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const toXy = ([lng, lat]: LngLat): Xy => [lng * k, lat];
  const toLngLat = ([x, y]: Xy): LngLat => [x / k, y];
  const planarOutline = outline.map((poly) => poly.map((ring) => ring.map(toXy)));
  for (const c of centres) {
    const p: Xy = [c.lng * k, c.lat];
    const polys: MultiPolygonCoords = [];
    for (const poly of planarOutline) {
      const rings: LngLat[][] = [];
      for (const [ri, ring] of poly.entries()) {
        let clipped = ring.slice(0, ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? -1 : undefined);
        for (const o of centres) {
          if (o === c) continue;
          const q: Xy = [o.lng * k, o.lat];
          // Points nearer to p than to q: (x - m)·(q - p) <= 0, m the midpoint.
          const m: Xy = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
          const d: Xy = [q[0] - p[0], q[1] - p[1]];
          clipped = clipRing(clipped, (x) => (x[0] - m[0]) * d[0] + (x[1] - m[1]) * d[1]);
          if (clipped.length < 3) break;
        }
        if (clipped.length < 3) {
          if (ri === 0) break;
          continue;
        }
        const closed = clipped.map(toLngLat);
        closed.push(closed[0]!);
        rings.push(closed);
      }
      if (rings.length) polys.push(rings);
    }
    if (polys.length) cells.set(c.key, polys);
  }
  return cells;
}

/** The bounding box of a MultiPolygon, [west, south, east, north]. */
export function boundsOfPolygons(polys: readonly LngLat[][][]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const poly of polys)
    for (const [lng, lat] of poly[0] ?? []) {
      w = Math.min(w, lng);
      e = Math.max(e, lng);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  return [w, s, e, n];
}
