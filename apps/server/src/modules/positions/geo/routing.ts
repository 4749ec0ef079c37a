// Shortest walking distances on a WalkGraph: Dijkstra with a binary heap, from points snapped onto
// edges (a snapped point enters the graph through the two partial edges to its ends), bounded by a
// distance so a 15-minute search touches only the nodes within reach.
import type { SnappedPoint, WalkGraph } from './graph';

/** 15 minutes at 4.5 km/h = 1,125 m, the default of the service circle. */
export function minutesToMetres(minutes = 15, kmPerHour = 4.5): number {
  return (minutes / 60) * kmPerHour * 1000;
}

/** Min-heap of (key, value) in two typed arrays; stale entries are skipped by the caller. */
export class MinHeap {
  private keys = new Float64Array(256);
  private vals = new Uint32Array(256);
  size = 0;
  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const v = new Uint32Array(this.size * 2);
      v.set(this.vals);
      this.vals = v;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.vals[i] = this.vals[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.vals[i] = val;
  }
  peekKey(): number {
    return this.size > 0 ? this.keys[0]! : Infinity;
  }
  /** Removes the minimum; returns its value (read peekKey first for its key). */
  pop(): number {
    const top = this.vals[0]!;
    const lastKey = this.keys[--this.size]!;
    const lastVal = this.vals[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= lastKey) break;
      this.keys[i] = this.keys[child]!;
      this.vals[i] = this.vals[child]!;
      i = child;
    }
    this.keys[i] = lastKey;
    this.vals[i] = lastVal;
    return top;
  }
  clear(): void {
    this.size = 0;
  }
}

/** A start of a search: a graph node at a distance already walked, on behalf of a source. */
export type Seed = { node: number; dist: number; source: number };

/** The seeds that put a snapped point on the graph: the two ends of its edge. */
export function seedsOf(g: WalkGraph, p: SnappedPoint, source = 0, offset = 0): Seed[] {
  const len = g.edgeLength[p.edge]!;
  return [
    { node: g.edgeU[p.edge]!, dist: offset + p.fraction * len, source },
    { node: g.edgeV[p.edge]!, dist: offset + (1 - p.fraction) * len, source },
  ];
}

/**
 * A reusable bounded Dijkstra: distances live in one array for the whole graph and only the
 * touched entries are reset between runs, so thousands of small searches cost what they visit.
 */
export class BoundedDijkstra {
  readonly dist: Float64Array;
  /** The seed's source that reached each node first (−1 where unreached). */
  readonly source: Int32Array;
  /** Nodes settled within the bound in the last run, in order of distance. */
  settled: number[] = [];
  private touched: number[] = [];
  private heap = new MinHeap();

  constructor(private readonly g: WalkGraph) {
    this.dist = new Float64Array(g.nodeCount).fill(Infinity);
    this.source = new Int32Array(g.nodeCount).fill(-1);
  }

  private reset(): void {
    for (const n of this.touched) {
      this.dist[n] = Infinity;
      this.source[n] = -1;
    }
    this.touched = [];
    this.settled = [];
    this.heap.clear();
  }

  /** Settles every node within maxMetres of the seeds; stop(n) may end the search early. */
  run(seeds: readonly Seed[], maxMetres = Infinity, stop?: (node: number, dist: number) => boolean): this {
    this.reset();
    const { g, dist, source, heap, touched } = this;
    for (const s of seeds) {
      if (s.dist > maxMetres || s.dist >= dist[s.node]!) continue;
      if (dist[s.node] === Infinity) touched.push(s.node);
      dist[s.node] = s.dist;
      source[s.node] = s.source;
      heap.push(s.dist, s.node);
    }
    while (heap.size > 0) {
      const d = heap.peekKey();
      const u = heap.pop();
      if (d > dist[u]!) continue; // stale entry
      this.settled.push(u);
      if (stop?.(u, d)) break;
      for (let i = g.adjStart[u]!; i < g.adjStart[u + 1]!; i++) {
        const v = g.adjNode[i]!;
        const nd = d + g.edgeLength[g.adjEdge[i]!]!;
        if (nd > maxMetres || nd >= dist[v]!) continue;
        if (dist[v] === Infinity) touched.push(v);
        dist[v] = nd;
        source[v] = source[u]!;
        heap.push(nd, v);
      }
    }
    return this;
  }
}

/**
 * Shortest walking distance along the network between two snapped points (metres, from snapped
 * point to snapped point, not including the snap distances), or Infinity beyond maxMetres.
 */
export function findWalkingDistance(g: WalkGraph, from: SnappedPoint, to: SnappedPoint, maxMetres = Infinity): number {
  const len = g.edgeLength[to.edge]!;
  const tu = g.edgeU[to.edge]!;
  const tv = g.edgeV[to.edge]!;
  // On the same edge the direct walk along it is a candidate, but a detour may not beat it.
  let best = from.edge === to.edge ? Math.abs(from.fraction - to.fraction) * len : Infinity;
  const search = new BoundedDijkstra(g);
  search.run(seedsOf(g, from), Math.min(maxMetres, best), (node, d) => {
    if (node === tu) best = Math.min(best, d + to.fraction * len);
    if (node === tv) best = Math.min(best, d + (1 - to.fraction) * len);
    // Every later node is at least d away, so nothing can improve once d reaches best.
    return d >= best;
  });
  const du = search.dist[tu]!;
  const dv = search.dist[tv]!;
  best = Math.min(best, du + to.fraction * len, dv + (1 - to.fraction) * len);
  return best <= maxMetres ? best : Infinity;
}

/** Every node within maxMetres of the seeds, with its distance and the source that reaches it. */
export type Reach = { nodes: Uint32Array; dist: Float64Array; source: Int32Array };

/**
 * Multi-source bounded search: for each node within maxMetres of any source, the distance to the
 * nearest source. Source i starts from points[i], offset by offsets[i] metres (e.g. the walk from
 * the door to the street) when given.
 */
export function findReach(g: WalkGraph, points: readonly SnappedPoint[], maxMetres: number, offsets?: readonly number[]): Reach {
  const seeds = points.flatMap((p, i) => seedsOf(g, p, i, offsets?.[i] ?? 0));
  const search = new BoundedDijkstra(g).run(seeds, maxMetres);
  const nodes = Uint32Array.from(search.settled);
  const dist = new Float64Array(nodes.length);
  const source = new Int32Array(nodes.length);
  nodes.forEach((n, i) => {
    dist[i] = search.dist[n]!;
    source[i] = search.source[n]!;
  });
  return { nodes, dist, source };
}
