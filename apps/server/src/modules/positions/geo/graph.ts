// A compact, undirected walking graph over the walkable network, a grid index of its edges, and
// snapping a point to the nearest point of the nearest edge.
//
// Every OSM node of a walkable way is a graph node and every pair of consecutive nodes an edge: a
// way is never split by hand, and no edge is longer than its straight OSM segment, so a point along
// an edge is a linear interpolation of its ends (exact to < 1 mm on segments of city size).
import { haversineMetres, type LngLat } from './coords';
import type { WalkNetwork } from './osm-walkable';

export type EdgeGridIndex = {
  west: number;
  south: number;
  cellLng: number;
  cellLat: number;
  cols: number;
  rows: number;
  /** CSR: edges of cell c are cellEdges[cellStart[c] .. cellStart[c + 1]). */
  cellStart: Uint32Array;
  cellEdges: Uint32Array;
};

export type WalkGraph = {
  nodeCount: number;
  edgeCount: number;
  lng: Float64Array;
  lat: Float64Array;
  edgeU: Uint32Array;
  edgeV: Uint32Array;
  /** Metres, haversine between the ends. */
  edgeLength: Float64Array;
  /** Index of the way in the WalkNetwork the edge came from (for names and highway types). */
  edgeWay: Uint32Array;
  /** CSR adjacency, both directions: node n's neighbours are adjNode[adjStart[n] .. adjStart[n + 1]). */
  adjStart: Uint32Array;
  adjNode: Uint32Array;
  adjEdge: Uint32Array;
  totalLength: number;
  index: EdgeGridIndex;
};

/** A point placed on the network: on edge `edge`, `fraction` of the way from edgeU to edgeV. */
export type SnappedPoint = {
  edge: number;
  fraction: number;
  /** Metres from the query point to the snapped point. */
  distance: number;
  lng: number;
  lat: number;
};

const METRES_PER_DEGREE = (6371008.8 * Math.PI) / 180;

/**
 * `minComponentNodes`: connected pieces of the network with fewer nodes are dropped (the largest
 * piece always stays), as GraphHopper drops subnetworks below `prepare.min_network_size` (200).
 * A courtyard footway or a clipped stub is not connected to the streets, and a point snapped onto
 * it could walk nowhere (issue 9: ~4 % of random points got infinite walking distances).
 */
export type BuildGraphOptions = { cellMetres?: number; minComponentNodes?: number };
export const MIN_COMPONENT_NODES = 200;

/**
 * Which edges lie in a connected piece of at least `minNodes` nodes (or in the largest piece),
 * by union-find over the edges' ends.
 */
export function keepConnectedEdges(nodeCount: number, us: readonly number[], vs: readonly number[], minNodes: number): boolean[] {
  const parent = new Uint32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < us.length; e++) {
    const a = find(us[e]!);
    const b = find(vs[e]!);
    if (a !== b) parent[a] = b;
  }
  // Nodes per piece, counting only nodes that have an edge.
  const size = new Map<number, number>();
  const counted = new Uint8Array(nodeCount);
  for (let e = 0; e < us.length; e++) {
    for (const x of [us[e]!, vs[e]!]) {
      if (counted[x]) continue;
      counted[x] = 1;
      const r = find(x);
      size.set(r, (size.get(r) ?? 0) + 1);
    }
  }
  let largest = -1;
  let largestSize = 0;
  for (const [root, n] of size) if (n > largestSize) [largest, largestSize] = [root, n];
  return us.map((u) => {
    const root = find(u);
    return root === largest || (size.get(root) ?? 0) >= minNodes;
  });
}

export function buildWalkGraph(net: WalkNetwork, options: BuildGraphOptions = {}): WalkGraph {
  const n = net.nodeCount;
  const us: number[] = [];
  const vs: number[] = [];
  const ways: number[] = [];
  // Two ways may share a segment (a footway drawn on an area's outline): keep it once, or street
  // length would be counted twice.
  const seen = new Set<number>();
  for (let w = 0; w < net.wayCount; w++) {
    for (let i = net.wayStart[w]!; i + 1 < net.wayStart[w + 1]!; i++) {
      const a = net.wayNodes[i]!;
      const b = net.wayNodes[i + 1]!;
      if (a === b) continue;
      const key = a < b ? a * n + b : b * n + a;
      if (seen.has(key)) continue;
      seen.add(key);
      us.push(a);
      vs.push(b);
      ways.push(w);
    }
  }
  const keep = keepConnectedEdges(n, us, vs, options.minComponentNodes ?? MIN_COMPONENT_NODES);
  const kept = keep.flatMap((k, e) => (k ? [e] : []));
  const edgeCount = kept.length;
  const edgeU = Uint32Array.from(kept, (e) => us[e]!);
  const edgeV = Uint32Array.from(kept, (e) => vs[e]!);
  const edgeWays = Uint32Array.from(kept, (e) => ways[e]!);
  const edgeLength = new Float64Array(edgeCount);
  let totalLength = 0;
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeU[e]!;
    const b = edgeV[e]!;
    const len = haversineMetres(net.lng[a]!, net.lat[a]!, net.lng[b]!, net.lat[b]!);
    edgeLength[e] = len;
    totalLength += len;
  }
  const adjStart = new Uint32Array(n + 1);
  for (let e = 0; e < edgeCount; e++) {
    adjStart[edgeU[e]! + 1]!++;
    adjStart[edgeV[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) adjStart[i + 1]! += adjStart[i]!;
  const fill = adjStart.slice(0, n);
  const adjNode = new Uint32Array(2 * edgeCount);
  const adjEdge = new Uint32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeU[e]!;
    const b = edgeV[e]!;
    adjNode[fill[a]!] = b;
    adjEdge[fill[a]!++] = e;
    adjNode[fill[b]!] = a;
    adjEdge[fill[b]!++] = e;
  }
  const partial = { nodeCount: n, edgeCount, lng: net.lng, lat: net.lat, edgeU, edgeV, edgeLength };
  const index = buildEdgeIndex(partial, options.cellMetres ?? 100);
  return { ...partial, edgeWay: edgeWays, adjStart, adjNode, adjEdge, totalLength, index };
}

type EdgeGeometry = Pick<WalkGraph, 'nodeCount' | 'edgeCount' | 'lng' | 'lat' | 'edgeU' | 'edgeV'>;

function buildEdgeIndex(g: EdgeGeometry, cellMetres: number): EdgeGridIndex {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    west = Math.min(west, g.lng[i]!);
    east = Math.max(east, g.lng[i]!);
    south = Math.min(south, g.lat[i]!);
    north = Math.max(north, g.lat[i]!);
  }
  if (g.nodeCount === 0) west = south = east = north = 0;
  const midLat = ((south + north) / 2) * (Math.PI / 180);
  const cellLat = cellMetres / METRES_PER_DEGREE;
  const cellLng = cellMetres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(midLat)));
  const cols = Math.max(1, Math.floor((east - west) / cellLng) + 1);
  const rows = Math.max(1, Math.floor((north - south) / cellLat) + 1);
  const cellRange = (e: number): [number, number, number, number] => {
    const a = g.edgeU[e]!;
    const b = g.edgeV[e]!;
    const c0 = Math.floor((Math.min(g.lng[a]!, g.lng[b]!) - west) / cellLng);
    const c1 = Math.floor((Math.max(g.lng[a]!, g.lng[b]!) - west) / cellLng);
    const r0 = Math.floor((Math.min(g.lat[a]!, g.lat[b]!) - south) / cellLat);
    const r1 = Math.floor((Math.max(g.lat[a]!, g.lat[b]!) - south) / cellLat);
    return [c0, c1, r0, r1];
  };
  // Two passes (count, then fill) so the index is two flat arrays. An edge goes into every cell
  // its bounding box touches.
  const cellStart = new Uint32Array(cols * rows + 1);
  for (let e = 0; e < g.edgeCount; e++) {
    const [c0, c1, r0, r1] = cellRange(e);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cellStart[r * cols + c + 1]!++;
  }
  for (let i = 0; i < cols * rows; i++) cellStart[i + 1]! += cellStart[i]!;
  const fill = cellStart.slice(0, cols * rows);
  const cellEdges = new Uint32Array(cellStart[cols * rows]!);
  for (let e = 0; e < g.edgeCount; e++) {
    const [c0, c1, r0, r1] = cellRange(e);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cellEdges[fill[r * cols + c]!++] = e;
  }
  return { west, south, cellLng, cellLat, cols, rows, cellStart, cellEdges };
}

/** The point at `fraction` along an edge, from edgeU towards edgeV. */
export function pointOnEdge(g: WalkGraph, edge: number, fraction: number): LngLat {
  const a = g.edgeU[edge]!;
  const b = g.edgeV[edge]!;
  return [g.lng[a]! + (g.lng[b]! - g.lng[a]!) * fraction, g.lat[a]! + (g.lat[b]! - g.lat[a]!) * fraction];
}

// Planar projection of the query onto one edge in a local equirectangular frame centred on the
// query (metres; scale error < 0.1 % within a few kilometres). Returns [squared metres, fraction].
function projectOntoEdge(g: WalkGraph, e: number, lng: number, lat: number, kx: number): [number, number] {
  const a = g.edgeU[e]!;
  const b = g.edgeV[e]!;
  const ax = (g.lng[a]! - lng) * kx;
  const ay = (g.lat[a]! - lat) * METRES_PER_DEGREE;
  const bx = (g.lng[b]! - lng) * kx;
  const by = (g.lat[b]! - lat) * METRES_PER_DEGREE;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
  const px = ax + t * dx;
  const py = ay + t * dy;
  return [px * px + py * py, t];
}

/**
 * Snaps a WGS-84 point to the nearest point of the nearest edge, searching the grid in growing
 * rings until no unvisited cell can hold anything closer. Null when nothing lies within maxMetres.
 */
export function snapToGraph(g: WalkGraph, lng: number, lat: number, maxMetres = 5000): SnappedPoint | null {
  const ix = g.index;
  if (g.edgeCount === 0) return null;
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const cellMin = Math.min(ix.cellLat * METRES_PER_DEGREE, ix.cellLng * kx);
  const qc = Math.floor((lng - ix.west) / ix.cellLng);
  const qr = Math.floor((lat - ix.south) / ix.cellLat);
  // Rings beyond this one lie wholly outside the grid.
  const lastRing = Math.max(Math.abs(qc), Math.abs(ix.cols - 1 - qc), Math.abs(qr), Math.abs(ix.rows - 1 - qr));
  let bestD2 = Infinity;
  let bestEdge = -1;
  let bestT = 0;
  const visit = (c: number, r: number) => {
    if (c < 0 || r < 0 || c >= ix.cols || r >= ix.rows) return;
    const cell = r * ix.cols + c;
    for (let i = ix.cellStart[cell]!; i < ix.cellStart[cell + 1]!; i++) {
      const e = ix.cellEdges[i]!;
      const [d2, t] = projectOntoEdge(g, e, lng, lat, kx);
      if (d2 < bestD2 || (d2 === bestD2 && e < bestEdge)) {
        bestD2 = d2;
        bestEdge = e;
        bestT = t;
      }
    }
  };
  for (let ring = 0; ring <= lastRing; ring++) {
    // A point in ring k is at least (k − 1) cells from the query, which may sit anywhere in its cell.
    const bound = Math.max(0, ring - 1) * cellMin;
    if (bound > maxMetres || (bestEdge >= 0 && bound * bound > bestD2)) break;
    if (ring === 0) visit(qc, qr);
    for (let d = -ring; d <= ring && ring > 0; d++) {
      visit(qc + d, qr - ring);
      visit(qc + d, qr + ring);
      if (d !== -ring && d !== ring) {
        visit(qc - ring, qr + d);
        visit(qc + ring, qr + d);
      }
    }
  }
  if (bestEdge < 0) return null;
  const [plng, plat] = pointOnEdge(g, bestEdge, bestT);
  const distance = haversineMetres(lng, lat, plng, plat);
  if (distance > maxMetres) return null;
  return { edge: bestEdge, fraction: bestT, distance, lng: plng, lat: plat };
}

/** Nearest graph node (one with an edge) by brute force: for comparisons and tests, not for queries in a loop. */
export function findNearestNode(g: WalkGraph, lng: number, lat: number): { node: number; distance: number } | null {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    if (g.adjStart[i] === g.adjStart[i + 1]) continue;
    const d = haversineMetres(lng, lat, g.lng[i]!, g.lat[i]!);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best < 0 ? null : { node: best, distance: bestD };
}
