// How much of a district lies within a walk of the service positions: street length and weighted
// points within reach, the streets left uncovered, and where new positions would add most.
//
// Coverage of an edge is exact along the edge, not rounded to its nodes: reached from its u end it
// is covered for [0, D − d(u)], from its v end for [L − (D − d(v)), L], and a source standing on
// the edge itself covers [s − D, s + D] around it. Lengths are measures of unions of intervals.
import type { LngLat } from './coords';
import { pointOnEdge, snapToGraph, type SnappedPoint, type WalkGraph } from './graph';
import { BoundedDijkstra, seedsOf } from './routing';

export type Interval = [from: number, to: number];
export type ProgressFn = (fraction: number) => void;

/** Per edge: covered from u for [0, prefix], from v for [L − suffix, L], plus inner intervals. */
export type EdgeCoverage = { prefix: Float64Array; suffix: Float64Array; inner: Map<number, Interval[]> };

export type CoverageOptions = {
  /** Count the walk from a position to its street against the cutoff (default true). */
  includeAccessLeg?: boolean;
};

type SourceOnEdge = { fraction: number; offset: number };

function sourcesByEdge(sources: readonly SnappedPoint[], offsets: readonly number[]): Map<number, SourceOnEdge[]> {
  const byEdge = new Map<number, SourceOnEdge[]>();
  sources.forEach((s, i) => {
    const list = byEdge.get(s.edge) ?? [];
    list.push({ fraction: s.fraction, offset: offsets[i]! });
    byEdge.set(s.edge, list);
  });
  return byEdge;
}

/** Measure of the union of intervals clipped to [0, len]. */
export function measureUnion(len: number, intervals: readonly Interval[]): number {
  const clipped = intervals
    .map(([a, b]): Interval => [Math.max(0, a), Math.min(len, b)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = -1;
  let curB = -1;
  for (const [a, b] of clipped) {
    if (a > curB) {
      total += Math.max(0, curB - curA);
      curA = a;
      curB = b;
    } else curB = Math.max(curB, b);
  }
  return total + Math.max(0, curB - curA);
}

function edgeIntervals(cov: EdgeCoverage, e: number, len: number): Interval[] {
  const list: Interval[] = [];
  if (cov.prefix[e]! > 0) list.push([0, cov.prefix[e]!]);
  if (cov.suffix[e]! > 0) list.push([len - cov.suffix[e]!, len]);
  for (const iv of cov.inner.get(e) ?? []) list.push(iv);
  return list;
}

/** The parts of [0, len] outside the union of the intervals. */
export function complementIntervals(len: number, intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const gaps: Interval[] = [];
  let at = 0;
  for (const [a, b] of sorted) {
    if (a > at) gaps.push([at, Math.min(a, len)]);
    at = Math.max(at, b);
    if (at >= len) break;
  }
  if (at < len) gaps.push([at, len]);
  return gaps.filter(([a, b]) => b - a > 1e-9);
}

/**
 * Runs the multi-source bounded search and turns node distances into covered intervals per edge.
 * Also returns the per-node distances, for weighted points.
 */
export function computeEdgeCoverage(
  g: WalkGraph,
  sources: readonly SnappedPoint[],
  cutoffMetres: number,
  options: CoverageOptions = {},
): { coverage: EdgeCoverage; search: BoundedDijkstra; offsets: number[] } {
  const offsets = sources.map((s) => (options.includeAccessLeg === false ? 0 : s.distance));
  const seeds = sources.flatMap((s, i) => seedsOf(g, s, i, offsets[i]));
  const search = new BoundedDijkstra(g).run(seeds, cutoffMetres);
  const coverage: EdgeCoverage = {
    prefix: new Float64Array(g.edgeCount),
    suffix: new Float64Array(g.edgeCount),
    inner: new Map(),
  };
  for (const u of search.settled) {
    const left = cutoffMetres - search.dist[u]!;
    for (let i = g.adjStart[u]!; i < g.adjStart[u + 1]!; i++) {
      const e = g.adjEdge[i]!;
      const reach = Math.min(g.edgeLength[e]!, left);
      if (g.edgeU[e] === u) coverage.prefix[e] = Math.max(coverage.prefix[e]!, reach);
      else coverage.suffix[e] = Math.max(coverage.suffix[e]!, reach);
    }
  }
  for (const [e, list] of sourcesByEdge(sources, offsets)) {
    const len = g.edgeLength[e]!;
    const inner: Interval[] = [];
    for (const s of list) {
      const r = cutoffMetres - s.offset;
      if (r > 0) inner.push([s.fraction * len - r, s.fraction * len + r]);
    }
    if (inner.length > 0) coverage.inner.set(e, inner);
  }
  return { coverage, search, offsets };
}

/** Covered street length in metres. */
export function measureCoveredLength(g: WalkGraph, cov: EdgeCoverage): number {
  let total = 0;
  for (let e = 0; e < g.edgeCount; e++) {
    const len = g.edgeLength[e]!;
    const p = cov.prefix[e]!;
    const s = cov.suffix[e]!;
    if (p === 0 && s === 0 && !cov.inner.has(e)) continue;
    total += cov.inner.has(e) ? measureUnion(len, edgeIntervals(cov, e, len)) : Math.min(len, p + s);
  }
  return total;
}

/** Uncovered streets as a GeoJSON MultiLineString (one line per uncovered piece of an edge). */
export function listUncoveredStreets(g: WalkGraph, cov: EdgeCoverage): { type: 'MultiLineString'; coordinates: LngLat[][] } {
  const lines: LngLat[][] = [];
  for (let e = 0; e < g.edgeCount; e++) {
    const len = g.edgeLength[e]!;
    if (len === 0) continue;
    for (const [a, b] of complementIntervals(len, edgeIntervals(cov, e, len))) {
      lines.push([pointOnEdge(g, e, a / len), pointOnEdge(g, e, b / len)]);
    }
  }
  return { type: 'MultiLineString', coordinates: mergeLines(lines) };
}

// Joins pieces that continue each other (end of one = start of the next) so the layer has far
// fewer, longer lines; exact coordinates match because consecutive edges share their node.
function mergeLines(lines: LngLat[][]): LngLat[][] {
  const key = (p: LngLat) => `${p[0]},${p[1]}`;
  const byStart = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const k = key(l[0]!);
    byStart.set(k, [...(byStart.get(k) ?? []), i]);
  });
  const used = new Uint8Array(lines.length);
  const out: LngLat[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    const line = [...lines[i]!];
    for (;;) {
      const next = (byStart.get(key(line[line.length - 1]!)) ?? []).find((j) => !used[j]);
      if (next === undefined) break;
      used[next] = 1;
      line.push(...lines[next]!.slice(1));
    }
    out.push(line);
  }
  return out;
}

export type WeightedPoint = { lng: number; lat: number; weight: number };
export type PointCoverage = { totalWeight: number; coveredWeight: number; share: number; unsnappedWeight: number };

/**
 * Weight of the points within reach. A point is snapped to the network (within maxSnapMetres, else
 * counted as not covered) and reached when its walk to the street plus the network distance from
 * the nearest source is within the cutoff.
 */
export function measurePointCoverage(
  g: WalkGraph,
  sources: readonly SnappedPoint[],
  cutoffMetres: number,
  points: readonly WeightedPoint[],
  options: CoverageOptions & { maxSnapMetres?: number } = {},
): PointCoverage {
  const { search, offsets } = computeEdgeCoverage(g, sources, cutoffMetres, options);
  const onEdge = sourcesByEdge(sources, offsets);
  let totalWeight = 0;
  let coveredWeight = 0;
  let unsnappedWeight = 0;
  for (const p of points) {
    totalWeight += p.weight;
    const snap = snapToGraph(g, p.lng, p.lat, options.maxSnapMetres ?? 500);
    if (!snap) {
      unsnappedWeight += p.weight;
      continue;
    }
    const len = g.edgeLength[snap.edge]!;
    let d = Math.min(search.dist[g.edgeU[snap.edge]!]! + snap.fraction * len, search.dist[g.edgeV[snap.edge]!]! + (1 - snap.fraction) * len);
    for (const s of onEdge.get(snap.edge) ?? []) d = Math.min(d, s.offset + Math.abs(s.fraction - snap.fraction) * len);
    if (options.includeAccessLeg !== false) d += snap.distance;
    if (d <= cutoffMetres) coveredWeight += p.weight;
  }
  return { totalWeight, coveredWeight, share: totalWeight > 0 ? coveredWeight / totalWeight : 0, unsnappedWeight };
}
