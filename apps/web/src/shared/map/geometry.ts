// Pure map arithmetic shared by the console and the phone maps (no Leaflet here, so it is unit-tested).

export type LngLatPoint = { lng: number; lat: number };
/** A street segment as the map context sends it: [lng1, lat1, lng2, lat2], WGS-84. */
export type Segment = readonly [number, number, number, number];

const M_PER_DEG = 111_320;

/**
 * Metres from a point to the nearest segment (the exact foot of the perpendicular, in a local
 * planar frame at the point: good to well under a metre at street distances), or null without
 * segments. Used to warn that a picked point is far from every street of the imported network.
 */
export function measureDistanceToNearestSegment(p: LngLatPoint, segments: readonly Segment[]): number | null {
  if (segments.length === 0) return null;
  const kx = M_PER_DEG * Math.cos((p.lat * Math.PI) / 180);
  let best = Infinity;
  for (const [x1, y1, x2, y2] of segments) {
    const ax = (x1 - p.lng) * kx, ay = (y1 - p.lat) * M_PER_DEG;
    const bx = (x2 - p.lng) * kx, by = (y2 - p.lat) * M_PER_DEG;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const cx = ax + t * dx, cy = ay + t * dy;
    const d = cx * cx + cy * cy;
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}

/** Straight-line metres between two points (haversine). */
export function measureMetres(a: LngLatPoint, b: LngLatPoint): number {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type Cluster<T> = { items: T[]; x: number; y: number };

/**
 * Groups points that would overlap on screen: a grid of `cellPx` pixels, each cell's points become
 * one cluster at their mean position; a cluster whose centre lies within `cellPx` of an earlier one
 * is merged into it (so two points either side of a cell border still join). Deterministic: the
 * input order decides ties. Input coordinates are screen pixels at the current zoom.
 */
export function clusterByPixels<T>(points: readonly { item: T; x: number; y: number }[], cellPx = 44): Cluster<T>[] {
  const cells = new Map<string, { items: T[]; sx: number; sy: number }>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cellPx)}:${Math.floor(p.y / cellPx)}`;
    const cell = cells.get(key) ?? { items: [], sx: 0, sy: 0 };
    cell.items.push(p.item);
    cell.sx += p.x;
    cell.sy += p.y;
    cells.set(key, cell);
  }
  const out: (Cluster<T> & { sx: number; sy: number })[] = [];
  for (const cell of cells.values()) {
    const x = cell.sx / cell.items.length, y = cell.sy / cell.items.length;
    const near = out.find((c) => Math.hypot(c.x - x, c.y - y) < cellPx);
    if (near) {
      near.items.push(...cell.items);
      near.sx += cell.sx;
      near.sy += cell.sy;
      near.x = near.sx / near.items.length;
      near.y = near.sy / near.items.length;
    } else out.push({ items: [...cell.items], x, y, sx: cell.sx, sy: cell.sy });
  }
  return out.map(({ items, x, y }) => ({ items, x, y }));
}

/** The `count` points nearest to a place, nearest first (the phone's list before locating). */
export function listNearestTo<T extends { location: LngLatPoint }>(items: readonly T[], at: LngLatPoint, count: number): { item: T; metres: number }[] {
  return items
    .map((item) => ({ item, metres: measureMetres(at, item.location) }))
    .sort((a, b) => a.metres - b.metres)
    .slice(0, count);
}
