// Isochrone polygons: the reached parts of the streets, widened by a buffer, as GeoJSON.
//
// Method (honest by construction, no hull that spans unreached blocks): rasterise every reached
// piece of street onto a grid of cellMetres, marking each cell whose centre lies within bufferMetres
// of it, then trace the outline of the marked cells into rings (outer rings counter-clockwise, holes
// clockwise; diagonal touches are kept apart). The result is the union of buffers of the reached
// streets, to within one cell. A convex hull would claim whole unreached blocks, rivers and hillsides
// between two reached streets; this does not.
import type { LngLat } from './coords';
import { complementIntervals, type EdgeCoverage } from './coverage';
import type { WalkGraph } from './graph';

export type MultiPolygon = { type: 'MultiPolygon'; coordinates: LngLat[][][] };
export type IsochroneOptions = { cellMetres?: number; bufferMetres?: number };

const METRES_PER_DEGREE = (6371008.8 * Math.PI) / 180;

type Segment = [ax: number, ay: number, bx: number, by: number];

/** Reached street pieces of a coverage, in degrees. */
export function listReachedSegments(g: WalkGraph, cov: EdgeCoverage): [LngLat, LngLat][] {
  const out: [LngLat, LngLat][] = [];
  for (let e = 0; e < g.edgeCount; e++) {
    const len = g.edgeLength[e]!;
    if (len === 0) continue;
    const p = cov.prefix[e]!;
    const s = cov.suffix[e]!;
    const inner = cov.inner.get(e);
    if (p === 0 && s === 0 && !inner) continue;
    const covered: [number, number][] = [];
    if (p > 0) covered.push([0, p]);
    if (s > 0) covered.push([len - s, len]);
    covered.push(...(inner ?? []));
    // Reached = complement of the complement, which also merges overlaps.
    let at = 0;
    for (const [a, b] of [...complementIntervals(len, covered), [len, len] as [number, number]]) {
      if (a > at) out.push([lerp(g, e, at / len), lerp(g, e, a / len)]);
      at = b;
    }
  }
  return out;
}

function lerp(g: WalkGraph, e: number, t: number): LngLat {
  const a = g.edgeU[e]!;
  const b = g.edgeV[e]!;
  return [g.lng[a]! + (g.lng[b]! - g.lng[a]!) * t, g.lat[a]! + (g.lat[b]! - g.lat[a]!) * t];
}

/** Union of the buffers of the given street pieces, as a MultiPolygon. */
export function buildIsochrone(segments: readonly [LngLat, LngLat][], options: IsochroneOptions = {}): MultiPolygon {
  if (segments.length === 0) return { type: 'MultiPolygon', coordinates: [] };
  const cell = options.cellMetres ?? 20;
  const buffer = options.bufferMetres ?? 50;
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const [a, b] of segments) {
    west = Math.min(west, a[0], b[0]);
    east = Math.max(east, a[0], b[0]);
    south = Math.min(south, a[1], b[1]);
    north = Math.max(north, a[1], b[1]);
  }
  const kx = METRES_PER_DEGREE * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  // Local metres with a margin of the buffer plus one cell, so the outline never touches the edge.
  const margin = buffer + cell;
  const x0 = -margin;
  const y0 = -margin;
  const cols = Math.ceil(((east - west) * kx + 2 * margin) / cell);
  const rows = Math.ceil(((north - south) * ky + 2 * margin) / cell);
  if (cols * rows > 50_000_000) throw new Error('isochrone grid too large: raise cellMetres');
  const grid = new Uint8Array(cols * rows);
  const segs: Segment[] = segments.map(([a, b]) => [(a[0] - west) * kx, (a[1] - south) * ky, (b[0] - west) * kx, (b[1] - south) * ky]);
  const b2 = buffer * buffer;
  for (const [ax, ay, bx, by] of segs) {
    const c0 = Math.max(0, Math.floor((Math.min(ax, bx) - buffer - x0) / cell));
    const c1 = Math.min(cols - 1, Math.floor((Math.max(ax, bx) + buffer - x0) / cell));
    const r0 = Math.max(0, Math.floor((Math.min(ay, by) - buffer - y0) / cell));
    const r1 = Math.min(rows - 1, Math.floor((Math.max(ay, by) + buffer - y0) / cell));
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    for (let r = r0; r <= r1; r++) {
      const cy = y0 + (r + 0.5) * cell;
      for (let c = c0; c <= c1; c++) {
        const cx = x0 + (c + 0.5) * cell;
        const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((cx - ax) * dx + (cy - ay) * dy) / len2));
        const px = ax + t * dx - cx;
        const py = ay + t * dy - cy;
        if (px * px + py * py <= b2) grid[r * cols + c] = 1;
      }
    }
  }
  const rings = traceRings(grid, cols, rows);
  const toLngLat = ([gx, gy]: [number, number]): LngLat => [west + (x0 + gx * cell) / kx, south + (y0 + gy * cell) / ky];
  return { type: 'MultiPolygon', coordinates: nestRings(rings).map((poly) => poly.map((ring) => ring.map(toLngLat))) };
}

type Ring = [number, number][];

// Boundary edges of marked cells, directed with the marked cell on the left, chained into rings.
// At a vertex where two marked cells touch only diagonally, the left turn is taken, which keeps
// them in separate rings.
function traceRings(grid: Uint8Array, cols: number, rows: number): Ring[] {
  const at = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && r < rows && grid[r * cols + c] === 1;
  const W = cols + 1;
  const vid = (x: number, y: number) => y * W + x;
  // Outgoing boundary edges per vertex: at most two (at a diagonal touch).
  const out = new Map<number, number[]>();
  const add = (x1: number, y1: number, x2: number, y2: number) => {
    const k = vid(x1, y1);
    const list = out.get(k);
    if (list) list.push(vid(x2, y2));
    else out.set(k, [vid(x2, y2)]);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!at(c, r)) continue;
      if (!at(c, r - 1)) add(c, r, c + 1, r); // bottom edge, heading east
      if (!at(c + 1, r)) add(c + 1, r, c + 1, r + 1); // right edge, heading north
      if (!at(c, r + 1)) add(c + 1, r + 1, c, r + 1); // top edge, heading west
      if (!at(c - 1, r)) add(c, r + 1, c, r); // left edge, heading south
    }
  }
  const rings: Ring[] = [];
  for (const [startKey, starts] of out) {
    while (starts.length > 0) {
      const ring: Ring = [];
      let from = startKey;
      let to = starts.pop()!;
      for (;;) {
        ring.push([from % W, Math.floor(from / W)]);
        if (to === startKey && ring.length > 1) break;
        const nexts = out.get(to)!;
        let pick = 0;
        if (nexts.length > 1) {
          // Prefer the left turn: cross product of (incoming, outgoing) > 0.
          const inX = (to % W) - (from % W);
          const inY = Math.floor(to / W) - Math.floor(from / W);
          pick = nexts.findIndex((n) => inX * (Math.floor(n / W) - Math.floor(to / W)) - inY * ((n % W) - (to % W)) > 0);
          if (pick < 0) pick = 0;
        }
        const next = nexts.splice(pick, 1)[0]!;
        from = to;
        to = next;
      }
      rings.push(simplifyRing(ring));
    }
  }
  return rings;
}

// Drops vertices in the middle of straight runs, and closes the ring as GeoJSON wants.
function simplifyRing(ring: Ring): Ring {
  const n = ring.length;
  const kept: Ring = [];
  for (let i = 0; i < n; i++) {
    const p = ring[(i + n - 1) % n]!;
    const q = ring[i]!;
    const s = ring[(i + 1) % n]!;
    if ((q[0] - p[0]) * (s[1] - q[1]) - (q[1] - p[1]) * (s[0] - q[0]) !== 0) kept.push(q);
  }
  kept.push(kept[0]!);
  return kept;
}

function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return a / 2;
}

function containsPoint(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Each hole goes to the smallest outer ring that contains the marked cell on its left.
function nestRings(rings: Ring[]): Ring[][] {
  const outers = rings.filter((r) => signedArea(r) > 0).map((r) => ({ ring: r, area: signedArea(r), holes: [] as Ring[] }));
  for (const hole of rings.filter((r) => signedArea(r) < 0)) {
    const [ax, ay] = hole[0]!;
    const [bx, by] = hole[1]!;
    // Centre of the cell left of the first edge: midpoint plus half a cell to the left.
    const mx = (ax + bx) / 2 - (by - ay) * 0.5 / Math.hypot(bx - ax, by - ay);
    const my = (ay + by) / 2 + (bx - ax) * 0.5 / Math.hypot(bx - ax, by - ay);
    const owner = outers.filter((o) => containsPoint(o.ring, mx, my)).sort((p, q) => p.area - q.area)[0];
    owner?.holes.push(hole);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}
