// A synthetic street grid inside a district outline, for the demo only. Jiangbei's real streets
// are not shipped (an OSM extract of Chongqing is a deployment's to bring, see README), so the
// demo's coverage run walks this stand-in: a jittered grid, denser in the urban west, thinner
// towards the rural east, clipped to the real outline. It is labelled synthetic wherever shown and
// never answers a worker's nearest-station walk (street_network.is_synthetic).
import { boundsOfPolygons, buildWalkGraph, isInRing, type LngLat, type WalkGraph, type WalkNetwork } from './geo';

export type SyntheticGridOptions = {
  /** Grid spacing in metres. */
  stepMetres?: number;
  seed?: number;
  /** Share of grid links kept, by longitude (the built-up west keeps most). */
  keepShare?: (lng: number) => number;
};

const M_PER_DEG_LAT = 111_320;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const jiangbeiKeep = (lng: number) => (lng < 106.63 ? 0.95 : lng < 106.72 ? 0.7 : 0.45);

/** Builds the grid over the outline's bounding box; a link is kept when both ends are inside. */
export function buildSyntheticGrid(outline: readonly LngLat[][][], options: SyntheticGridOptions = {}): WalkGraph {
  const step = options.stepMetres ?? 200;
  const next = mulberry32(options.seed ?? 500105);
  const keep = options.keepShare ?? jiangbeiKeep;
  const [minLng, minLat, maxLng, maxLat] = boundsOfPolygons(outline);
  const dLat = step / M_PER_DEG_LAT;
  const dLng = step / (M_PER_DEG_LAT * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180));
  const cols = Math.ceil((maxLng - minLng) / dLng) + 1;
  const rows = Math.ceil((maxLat - minLat) / dLat) + 1;
  const inside = (lng: number, lat: number) =>
    outline.some((poly) => poly[0] !== undefined && isInRing(lng, lat, poly[0]) && !poly.slice(1).some((hole) => isInRing(lng, lat, hole)));
  const index = new Int32Array(cols * rows).fill(-1);
  const lngs: number[] = [];
  const lats: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // Jitter up to 15 % of a block, so streets are not ruler-straight.
      const lng = minLng + c * dLng + (next() - 0.5) * 0.3 * dLng;
      const lat = minLat + r * dLat + (next() - 0.5) * 0.3 * dLat;
      if (!inside(lng, lat)) continue;
      index[r * cols + c] = lngs.length;
      lngs.push(lng);
      lats.push(lat);
    }
  }
  const ways: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = index[r * cols + c]!;
      if (a < 0) continue;
      for (const b of [c + 1 < cols ? index[r * cols + c + 1]! : -1, r + 1 < rows ? index[(r + 1) * cols + c]! : -1]) {
        if (b >= 0 && next() < keep(lngs[a]!)) ways.push(a, b);
      }
    }
  }
  const wayCount = ways.length / 2;
  const net: WalkNetwork = {
    nodeCount: lngs.length,
    lng: Float64Array.from(lngs),
    lat: Float64Array.from(lats),
    osmNodeIds: Float64Array.from(lngs, (_, i) => -(i + 1)),
    wayCount,
    osmWayIds: Float64Array.from({ length: wayCount }, (_, i) => -(i + 1)),
    wayStart: Uint32Array.from({ length: wayCount + 1 }, (_, i) => 2 * i),
    wayNodes: Uint32Array.from(ways),
    wayHighway: Array.from({ length: wayCount }, () => 'residential'),
    wayName: Array.from({ length: wayCount }, () => ''),
    wayIsArea: new Uint8Array(wayCount),
    stats: {
      nodes: lngs.length,
      ways: wayCount,
      relations: 0,
      highwayWays: wayCount,
      walkableWays: wayCount,
      missingNodeRefs: 0,
      walkableByHighway: { residential: wayCount },
    },
  };
  return buildWalkGraph(net);
}
