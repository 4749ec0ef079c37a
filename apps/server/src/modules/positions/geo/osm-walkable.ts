// Which OpenStreetMap ways a person may walk on, and the collector both file readers feed.
// The rules follow the usual foot profiles (GraphHopper's and OSRM's foot.lua) and the wiki's
// "OSM tags for routing/Access restrictions": the highway value decides, then access/foot tags.

export type OsmTags = Record<string, string>;

/** Counts of what a file held and what was kept. */
export type OsmReadStats = {
  nodes: number;
  ways: number;
  relations: number;
  highwayWays: number;
  walkableWays: number;
  /** Walkable ways' node references that the file does not contain (clipped extracts). */
  missingNodeRefs: number;
  /** Walkable ways per highway value. */
  walkableByHighway: Record<string, number>;
};

/**
 * The walkable part of an extract: nodes referenced by walkable ways (WGS-84), and the ways as runs
 * of node indexes (CSR: way w has nodes wayNodes[wayStart[w] .. wayStart[w + 1])).
 */
export type WalkNetwork = {
  nodeCount: number;
  lng: Float64Array;
  lat: Float64Array;
  osmNodeIds: Float64Array;
  wayCount: number;
  osmWayIds: Float64Array;
  wayStart: Uint32Array;
  wayNodes: Uint32Array;
  wayHighway: string[];
  wayName: string[];
  /** 1 where the way is an area (area=yes, e.g. a pedestrian square): walkable along its outline. */
  wayIsArea: Uint8Array;
  stats: OsmReadStats;
};

const ALWAYS = new Set([
  'footway', 'pedestrian', 'path', 'steps', 'residential', 'living_street', 'service', 'unclassified',
  'tertiary', 'tertiary_link', 'secondary', 'secondary_link', 'primary', 'primary_link', 'track',
  'cycleway', 'corridor', 'platform',
  // A road of unknown class (mapped from imagery, not yet classified): walkable, as in GraphHopper's foot profile.
  'road',
]);
// Expressways without a footway beside them: walkable only when tagged so.
const IF_SIDEWALK_OR_FOOT = new Set(['trunk', 'trunk_link']);
const IF_FOOT = new Set(['bridleway']);
const FOOT_PERMITS = new Set(['yes', 'designated', 'permissive']);
// foot=private is access=private for pedestrians; use_sidepath means "walk on the separately
// mapped sidewalk", which is its own footway in the data.
const FOOT_FORBIDS = new Set(['no', 'private', 'use_sidepath']);
const ACCESS_FORBIDS = new Set(['no', 'private']);
// sidewalk=separate is excluded on purpose: the sidewalk is its own way and is walked there.
const SIDEWALK_PRESENT = new Set(['both', 'left', 'right', 'yes']);

function hasSidewalk(tags: OsmTags): boolean {
  const s = tags['sidewalk'];
  if (s !== undefined && SIDEWALK_PRESENT.has(s)) return true;
  return ['sidewalk:both', 'sidewalk:left', 'sidewalk:right'].some((k) => tags[k] === 'yes');
}

/**
 * Foot rules. Excluded outright: motorway(_link), construction, proposed, abandoned, raceway,
 * bus_guideway and every highway value not listed (e.g. elevator, escape, bus_stop).
 */
export function isWalkable(tags: OsmTags): boolean {
  const highway = tags['highway'];
  if (highway === undefined) return false;
  const foot = tags['foot'];
  if (foot !== undefined && FOOT_FORBIDS.has(foot)) return false;
  const footAllowed = foot !== undefined && FOOT_PERMITS.has(foot);
  const access = tags['access'];
  if (access !== undefined && ACCESS_FORBIDS.has(access) && !footAllowed) return false;
  if (ALWAYS.has(highway)) return true;
  if (IF_SIDEWALK_OR_FOOT.has(highway)) return footAllowed || hasSidewalk(tags);
  if (IF_FOOT.has(highway)) return footAllowed;
  return false;
}

export function isAreaWay(tags: OsmTags): boolean {
  return tags['area'] === 'yes';
}

// A growable typed array: the readers do not know counts in advance, and plain arrays of numbers
// cost 2–4× the memory.
export class GrowableFloat64 {
  data = new Float64Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** What a reader calls for each element, in file order. */
export type OsmSink = {
  node(id: number, lng: number, lat: number): void;
  way(id: number, refs: ArrayLike<number>, tags: OsmTags): void;
  relation(): void;
};

/** Gathers every node's coordinates and the walkable ways, then resolves references. */
export function createWalkCollector(): OsmSink & { finish(): WalkNetwork } {
  const nodeIds = new GrowableFloat64();
  const nodeLng = new GrowableFloat64();
  const nodeLat = new GrowableFloat64();
  const wayIds = new GrowableFloat64();
  const wayRefStart = new GrowableFloat64();
  const wayRefs = new GrowableFloat64();
  const highways: string[] = [];
  const names: string[] = [];
  const areas: boolean[] = [];
  const stats: OsmReadStats = {
    nodes: 0, ways: 0, relations: 0, highwayWays: 0, walkableWays: 0, missingNodeRefs: 0, walkableByHighway: {},
  };
  let nodesSorted = true;
  let lastNodeId = -Infinity;

  return {
    node(id, lng, lat) {
      stats.nodes++;
      if (id <= lastNodeId) nodesSorted = false;
      lastNodeId = id;
      nodeIds.push(id);
      nodeLng.push(lng);
      nodeLat.push(lat);
    },
    way(id, refs, tags) {
      stats.ways++;
      const highway = tags['highway'];
      if (highway === undefined) return;
      stats.highwayWays++;
      if (!isWalkable(tags) || refs.length < 2) return;
      stats.walkableWays++;
      stats.walkableByHighway[highway] = (stats.walkableByHighway[highway] ?? 0) + 1;
      wayIds.push(id);
      wayRefStart.push(wayRefs.length);
      for (let i = 0; i < refs.length; i++) wayRefs.push(refs[i]!);
      highways.push(highway);
      names.push(tags['name'] ?? '');
      areas.push(isAreaWay(tags));
    },
    relation() {
      stats.relations++;
    },
    finish() {
      return resolveNetwork({ nodeIds, nodeLng, nodeLat, nodesSorted, wayIds, wayRefStart, wayRefs, highways, names, areas, stats });
    },
  };
}

type Collected = {
  nodeIds: GrowableFloat64;
  nodeLng: GrowableFloat64;
  nodeLat: GrowableFloat64;
  nodesSorted: boolean;
  wayIds: GrowableFloat64;
  wayRefStart: GrowableFloat64;
  wayRefs: GrowableFloat64;
  highways: string[];
  names: string[];
  areas: boolean[];
  stats: OsmReadStats;
};

// Node ids come sorted in practically every extract, so a binary search over the ids replaces a
// hash map (24 bytes a node instead of ~80). Unsorted files are sorted by a permutation first.
function resolveNetwork(c: Collected): WalkNetwork {
  const n = c.nodeIds.length;
  let order: Uint32Array | null = null;
  const ids = c.nodeIds.data;
  if (!c.nodesSorted) {
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => ids[a]! - ids[b]!);
  }
  const idAt = order ? (k: number) => ids[order[k]!]! : (k: number) => ids[k]!;
  const find = (id: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = idAt(mid);
      if (v === id) return order ? order[mid]! : mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  // Compact: only nodes that walkable ways use, numbered in first-use order.
  const compact = new Int32Array(n).fill(-1);
  const outLng = new GrowableFloat64();
  const outLat = new GrowableFloat64();
  const outIds = new GrowableFloat64();
  const wayNodes = new GrowableFloat64();
  const wayStart = new GrowableFloat64();
  const wayIds = new GrowableFloat64();
  const wayHighway: string[] = [];
  const wayName: string[] = [];
  const wayIsArea: number[] = [];
  const refs = c.wayRefs.data;
  const wayCount = c.wayIds.length;
  for (let w = 0; w < wayCount; w++) {
    const start = c.wayRefStart.data[w]!;
    const end = w + 1 < wayCount ? c.wayRefStart.data[w + 1]! : c.wayRefs.length;
    // A reference missing from a clipped extract splits the way: never join across the gap.
    let run: number[] = [];
    const flush = () => {
      if (run.length >= 2) {
        wayStart.push(wayNodes.length);
        for (const k of run) wayNodes.push(k);
        wayIds.push(c.wayIds.data[w]!);
        wayHighway.push(c.highways[w]!);
        wayName.push(c.names[w]!);
        wayIsArea.push(c.areas[w] ? 1 : 0);
      }
      run = [];
    };
    for (let r = start; r < end; r++) {
      const raw = find(refs[r]!);
      if (raw < 0) {
        c.stats.missingNodeRefs++;
        flush();
        continue;
      }
      let k = compact[raw]!;
      if (k < 0) {
        k = outLng.length;
        compact[raw] = k;
        outLng.push(c.nodeLng.data[raw]!);
        outLat.push(c.nodeLat.data[raw]!);
        outIds.push(ids[raw]!);
      }
      run.push(k);
    }
    flush();
  }
  wayStart.push(wayNodes.length);
  return {
    nodeCount: outLng.length,
    lng: outLng.toArray(),
    lat: outLat.toArray(),
    osmNodeIds: outIds.toArray(),
    wayCount: wayIds.length,
    osmWayIds: wayIds.toArray(),
    wayStart: Uint32Array.from(wayStart.toArray()),
    wayNodes: Uint32Array.from(wayNodes.toArray()),
    wayHighway,
    wayName,
    wayIsArea: Uint8Array.from(wayIsArea),
    stats: c.stats,
  };
}
