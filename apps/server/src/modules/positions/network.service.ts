import { basename } from 'node:path';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { BoundedDijkstra, buildWalkGraph, detectOsmFormat, readWalkNetwork, seedsOf, snapToGraph, type OsmFormat, type WalkGraph } from './geo';
import * as repo from './network.repository';

// ---------------------------------------------------------------------------------------------
// Serialized graph: an 80-byte little-endian header, then the typed arrays of the WalkGraph one
// after another (Float64 arrays first, so every array starts on its element size). Typed arrays
// are written in the machine's byte order; every platform Node supports in practice is
// little-endian, and the header's magic would not match on a big-endian reader.

const MAGIC = 0x47574a4e; // "NJWG" read little-endian
const VERSION = 1;
const HEADER_BYTES = 80;

export function serializeWalkGraph(g: WalkGraph): Buffer {
  const ix = g.index;
  const cells = ix.cols * ix.rows;
  const f64 = [g.lng, g.lat, g.edgeLength];
  const u32 = [g.edgeU, g.edgeV, g.edgeWay, g.adjStart, g.adjNode, g.adjEdge, ix.cellStart, ix.cellEdges];
  const size = HEADER_BYTES + f64.reduce((s, a) => s + a.byteLength, 0) + u32.reduce((s, a) => s + a.byteLength, 0);
  const out = Buffer.alloc(size);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  [MAGIC, VERSION, g.nodeCount, g.edgeCount, ix.cols, ix.rows, ix.cellEdges.length, cells].forEach((v, i) => view.setUint32(i * 4, v, true));
  [g.totalLength, ix.west, ix.south, ix.cellLng, ix.cellLat].forEach((v, i) => view.setFloat64(32 + i * 8, v, true));
  let offset = HEADER_BYTES;
  for (const a of [...f64, ...u32]) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += a.byteLength;
  }
  return out;
}

export function deserializeWalkGraph(bytes: Uint8Array): WalkGraph {
  // In shared memory, so a coverage run hands the graph to its worker thread without a copy. Bytes
  // read piece by piece (loadGraph) are there already; others (a Buffer from the driver may start
  // at any offset of a shared pool) get one aligned copy.
  let buf: ArrayBufferLike = bytes.buffer;
  if (!(buf instanceof SharedArrayBuffer) || bytes.byteOffset !== 0 || bytes.byteLength !== buf.byteLength) {
    buf = new SharedArrayBuffer(bytes.byteLength);
    new Uint8Array(buf).set(bytes);
  }
  if (buf.byteLength < HEADER_BYTES) throw new Error('street network graph: too short');
  const view = new DataView(buf);
  const u = (i: number) => view.getUint32(i * 4, true);
  if (u(0) !== MAGIC || u(1) !== VERSION) throw new Error('street network graph: unknown format or version');
  const [nodeCount, edgeCount, cols, rows, cellEdgeCount, cells] = [u(2), u(3), u(4), u(5), u(6), u(7)];
  const f = (i: number) => view.getFloat64(32 + i * 8, true);
  let offset = HEADER_BYTES;
  const take64 = (n: number) => {
    const a = new Float64Array(buf, offset, n);
    offset += n * 8;
    return a;
  };
  const take32 = (n: number) => {
    const a = new Uint32Array(buf, offset, n);
    offset += n * 4;
    return a;
  };
  const expected = HEADER_BYTES + (2 * nodeCount + edgeCount) * 8 + (3 * edgeCount + nodeCount + 1 + 4 * edgeCount + cells + 1 + cellEdgeCount) * 4;
  if (buf.byteLength !== expected) throw new Error(`street network graph: ${buf.byteLength} bytes, expected ${expected}`);
  const lng = take64(nodeCount);
  const lat = take64(nodeCount);
  const edgeLength = take64(edgeCount);
  const edgeU = take32(edgeCount);
  const edgeV = take32(edgeCount);
  const edgeWay = take32(edgeCount);
  const adjStart = take32(nodeCount + 1);
  const adjNode = take32(2 * edgeCount);
  const adjEdge = take32(2 * edgeCount);
  const cellStart = take32(cells + 1);
  const cellEdges = take32(cellEdgeCount);
  return {
    nodeCount,
    edgeCount,
    lng,
    lat,
    edgeU,
    edgeV,
    edgeLength,
    edgeWay,
    adjStart,
    adjNode,
    adjEdge,
    totalLength: f(0),
    index: { west: f(1), south: f(2), cellLng: f(3), cellLat: f(4), cols, rows, cellStart, cellEdges },
  };
}

export function boundsOf(g: WalkGraph): { minLng: number; minLat: number; maxLng: number; maxLat: number } {
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    minLng = Math.min(minLng, g.lng[i]!);
    maxLng = Math.max(maxLng, g.lng[i]!);
    minLat = Math.min(minLat, g.lat[i]!);
    maxLat = Math.max(maxLat, g.lat[i]!);
  }
  return { minLng, minLat, maxLng, maxLat };
}

/** A stored graph is read in pieces of this size (see loadGraph). */
const GRAPH_PIECE_BYTES = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Walking distances from one point to many: one bounded search from the origin.

/** Farthest a point may lie from the nearest walkable edge and still be routed (door to street). */
export const MAX_SNAP_METRES = 500;
/** Bound of the one-to-many search from the origin. */
export const MAX_WALK_METRES = 5000;

/**
 * Walking distance (metres, snap legs included) from an origin to each target along the graph,
 * or null for a target that cannot be snapped or lies beyond maxMetres. Null for all when the
 * origin itself cannot be snapped.
 */
export function findWalkingDistances(g: WalkGraph, origin: { lng: number; lat: number }, targets: readonly { lng: number; lat: number }[], maxMetres = MAX_WALK_METRES): (number | null)[] {
  const from = snapToGraph(g, origin.lng, origin.lat, MAX_SNAP_METRES);
  if (!from) return targets.map(() => null);
  const snapped = targets.map((t) => snapToGraph(g, t.lng, t.lat, MAX_SNAP_METRES));
  const search = new BoundedDijkstra(g).run(seedsOf(g, from), maxMetres);
  return snapped.map((to) => {
    if (!to) return null;
    const len = g.edgeLength[to.edge]!;
    let along = Math.min(search.dist[g.edgeU[to.edge]!]! + to.fraction * len, search.dist[g.edgeV[to.edge]!]! + (1 - to.fraction) * len);
    if (from.edge === to.edge) along = Math.min(along, Math.abs(from.fraction - to.fraction) * len);
    const total = from.distance + along + to.distance;
    return Number.isFinite(total) && total <= maxMetres ? total : null;
  });
}

// ---------------------------------------------------------------------------------------------

/** The file cannot be read as an OpenStreetMap extract (or holds no walkable street). */
export class NetworkFileError extends Error {}

export type NetworkImportResult = repo.StreetNetworkMeta & { seconds: number };

const CACHE_LIMIT = 8;

/** `graphPieceBytes`: how much of a stored graph one query reads (tests make it small). */
export function createNetworkService({ db, graphPieceBytes = GRAPH_PIECE_BYTES }: { db: Db; graphPieceBytes?: number }) {
  // Deserialized graphs by network id. The row is the source of truth: an entry is used only
  // while its imported_at matches the row's, so a re-import (new row) or any instance's import
  // is picked up on the next query.
  const cache = new Map<string, { importedAt: number; graph: WalkGraph }>();

  return {
    /** Reads an OSM extract, builds the walking graph and stores it as the area's only network. */
    async importFile(path: string, input: { orgId: string; name?: string | undefined }, audit: AuditContext): Promise<NetworkImportResult> {
      const started = performance.now();
      let format: OsmFormat;
      let graph: WalkGraph;
      try {
        format = await detectOsmFormat(path);
        graph = buildWalkGraph(await readWalkNetwork(path));
      } catch (error) {
        throw new NetworkFileError(`cannot read ${basename(path)} as OpenStreetMap .osm, .osm.gz or .osm.pbf: ${(error as Error).message}`);
      }
      if (graph.edgeCount === 0) throw new NetworkFileError(`no walkable streets in ${basename(path)}`);
      const bytes = serializeWalkGraph(graph);
      const sourceFile = basename(path);
      const row = await db.transaction(async (tx) => {
        const stored = await repo.replaceNetwork(tx, {
          orgId: input.orgId,
          name: input.name ?? sourceFile.replace(/\.osm(\.gz|\.pbf)?$/i, ''),
          sourceFile,
          format,
          nodeCount: graph.nodeCount,
          edgeCount: graph.edgeCount,
          lengthM: graph.totalLength,
          ...boundsOf(graph),
          graph: bytes,
        });
        const { id: _id, importedAt: _at, ...after } = stored;
        await recordAudit(tx, audit, { action: 'network.import', entityType: 'street_network', entityId: stored.id, orgId: input.orgId, after: { ...after, graphBytes: bytes.length } });
        return stored;
      });
      return { ...row, seconds: (performance.now() - started) / 1000 };
    },

    async findNetworkForOrg(orgId: string) {
      return repo.findNetworkForOrg(db, orgId);
    },

    /** A stored network's graph by id (cached like the nearest search's), or null when gone. */
    async loadGraph(networkId: string): Promise<WalkGraph | null> {
      for (;;) {
        const stored = await repo.findNetworkGraphSize(db, networkId);
        if (!stored) return null;
        const importedAt = stored.importedAt.getTime();
        const cached = cache.get(networkId);
        if (cached && cached.importedAt === importedAt) return cached.graph;
        // In pieces: decoding a city's graph (50 MB, sent as 100 MB of hex) in one go held the
        // thread that answers requests for 1.5 s, 4 MB pieces up to 0.4 s each on the busy bench
        // machine (bench cityjob); between pieces it answers.
        const bytes = new Uint8Array(new SharedArrayBuffer(stored.bytes));
        let isSameVersion = true;
        for (let offset = 0; offset < stored.bytes && isSameVersion; offset += graphPieceBytes) {
          const part = await repo.loadNetworkGraphPiece(db, networkId, offset, graphPieceBytes);
          if (!part) return null;
          isSameVersion = part.importedAt.getTime() === importedAt;
          bytes.set(part.piece, offset);
        }
        // Re-imported while it was read: read the new one.
        if (!isSameVersion) continue;
        const graph = deserializeWalkGraph(bytes);
        cache.set(networkId, { importedAt, graph });
        while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
        return graph;
      }
    },

    /** The graph of the smallest stored network whose bounding box contains the point, if any. */
    async findCoveringGraph(lng: number, lat: number): Promise<{ networkId: string; graph: WalkGraph } | null> {
      const [meta] = await repo.listNetworksCovering(db, lng, lat);
      if (!meta) return null;
      const cached = cache.get(meta.id);
      if (cached && cached.importedAt === meta.importedAt.getTime()) return { networkId: meta.id, graph: cached.graph };
      const stored = await repo.loadNetworkGraph(db, meta.id);
      if (!stored) return null;
      const graph = deserializeWalkGraph(stored.graph);
      cache.delete(meta.id);
      cache.set(meta.id, { importedAt: stored.importedAt.getTime(), graph });
      while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      return { networkId: meta.id, graph };
    },
  };
}

export type NetworkService = ReturnType<typeof createNetworkService>;
