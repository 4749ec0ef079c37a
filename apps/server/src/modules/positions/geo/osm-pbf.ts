// A reader of OSM PBF (https://wiki.openstreetmap.org/wiki/PBF_Format): the file is a sequence of
// [4-byte big-endian length][BlobHeader][Blob]; each Blob is a zlib-deflated (or raw) HeaderBlock or
// PrimitiveBlock, decoded here with a minimal protobuf reader. Read one blob at a time, so memory is
// one block (≤ 32 MiB by the spec, ~1 MiB in practice) plus what the sink keeps.
import { open } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import type { OsmSink, OsmTags } from './osm-walkable';

const MAX_BLOB_HEADER = 64 * 1024;
const MAX_BLOB = 32 * 1024 * 1024;
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);
const decoder = new TextDecoder();

/** A protobuf reader over one message: varints as JS numbers (exact to 2^53, enough for OSM ids). */
export class ProtoReader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }
  get hasMore(): boolean {
    return this.pos < this.end;
  }
  varint(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Error('PBF: truncated varint');
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
  }
  svarint(): number {
    const n = this.varint();
    // Zig-zag: 0, -1, 1, -2 … computed without 32-bit operators, which would truncate.
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  }
  /** An int64/int32 field: negative values are ten-byte two's complement varints. */
  int64(): number {
    const n = this.varint();
    return n >= 2 ** 63 ? n - 2 ** 64 : n;
  }
  bytes(): Uint8Array {
    const len = this.varint();
    const start = this.pos;
    this.pos += len;
    if (this.pos > this.end) throw new Error('PBF: field runs past its message');
    return this.buf.subarray(start, this.pos);
  }
  sub(): ProtoReader {
    const len = this.varint();
    const r = new ProtoReader(this.buf, this.pos, this.pos + len);
    this.pos += len;
    return r;
  }
  /** Returns [field, wireType]. */
  key(): [number, number] {
    const k = this.varint();
    return [Math.floor(k / 8), k % 8];
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) {
      // Read the length before touching pos: `pos += varint()` would add to the stale pos.
      const len = this.varint();
      this.pos += len;
    }
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`PBF: unsupported wire type ${wireType}`);
  }
  /** A repeated numeric field, packed (wire type 2) or not; appends to out. */
  repeated(wireType: number, read: (r: ProtoReader) => number, out: number[]): void {
    if (wireType !== 2) {
      out.push(read(this));
      return;
    }
    const r = this.sub();
    while (r.hasMore) out.push(read(r));
  }
}

const varint = (r: ProtoReader) => r.varint();
const svarint = (r: ProtoReader) => r.svarint();

function readBlobHeader(buf: Uint8Array): { type: string; dataSize: number } {
  const r = new ProtoReader(buf);
  let type = '';
  let dataSize = 0;
  while (r.hasMore) {
    const [f, w] = r.key();
    if (f === 1) type = decoder.decode(r.bytes());
    else if (f === 3) dataSize = r.varint();
    else r.skip(w);
  }
  return { type, dataSize };
}

function readBlob(buf: Uint8Array): Uint8Array {
  const r = new ProtoReader(buf);
  while (r.hasMore) {
    const [f, w] = r.key();
    if (f === 1) return r.bytes(); // raw
    if (f === 3) return inflateSync(r.bytes()); // zlib_data
    if (f === 4 || f === 6 || f === 7) throw new Error('PBF: only raw and zlib blobs are supported (lzma/lz4/zstd found)');
    r.skip(w);
  }
  throw new Error('PBF: empty blob');
}

function checkHeaderBlock(buf: Uint8Array): void {
  const r = new ProtoReader(buf);
  while (r.hasMore) {
    const [f, w] = r.key();
    if (f === 4) {
      const feature = decoder.decode(r.bytes());
      if (!SUPPORTED_FEATURES.has(feature)) throw new Error(`PBF: required feature not supported: ${feature}`);
    } else r.skip(w);
  }
}

type BlockContext = { strings: string[]; granularity: number; latOffset: number; lonOffset: number };

function readPrimitiveBlock(buf: Uint8Array, sink: OsmSink): void {
  const r = new ProtoReader(buf);
  const ctx: BlockContext = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0 };
  const groups: ProtoReader[] = [];
  // The string table and the scale factors may in principle follow the groups: read them first.
  while (r.hasMore) {
    const [f, w] = r.key();
    if (f === 1) {
      const st = r.sub();
      while (st.hasMore) {
        const [sf, sw] = st.key();
        if (sf === 1) ctx.strings.push(decoder.decode(st.bytes()));
        else st.skip(sw);
      }
    } else if (f === 2) groups.push(r.sub());
    else if (f === 17) ctx.granularity = r.varint();
    else if (f === 19) ctx.latOffset = r.int64();
    else if (f === 20) ctx.lonOffset = r.int64();
    else r.skip(w);
  }
  for (const g of groups) {
    while (g.hasMore) {
      const [f, w] = g.key();
      if (f === 1) readNode(g.sub(), ctx, sink);
      else if (f === 2) readDenseNodes(g.sub(), ctx, sink);
      else if (f === 3) readWay(g.sub(), ctx, sink);
      else if (f === 4) {
        g.skip(w);
        sink.relation();
      } else g.skip(w);
    }
  }
}

// Coordinates are integers in units of granularity nanodegrees, plus an offset.
const toDegrees = (raw: number, offset: number, granularity: number) => (offset + granularity * raw) * 1e-9;

function readNode(r: ProtoReader, ctx: BlockContext, sink: OsmSink): void {
  let id = 0;
  let lat = 0;
  let lon = 0;
  while (r.hasMore) {
    const [f, w] = r.key();
    if (f === 1) id = r.svarint();
    else if (f === 8) lat = r.svarint();
    else if (f === 9) lon = r.svarint();
    else r.skip(w);
  }
  sink.node(id, toDegrees(lon, ctx.lonOffset, ctx.granularity), toDegrees(lat, ctx.latOffset, ctx.granularity));
}

function readDenseNodes(r: ProtoReader, ctx: BlockContext, sink: OsmSink): void {
  const ids: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  while (r.hasMore) {
    const [f, w] = r.key();
    if (f === 1) r.repeated(w, svarint, ids);
    else if (f === 8) r.repeated(w, svarint, lats);
    else if (f === 9) r.repeated(w, svarint, lons);
    else r.skip(w); // denseinfo (5), keys_vals (10): node tags are not needed for walking
  }
  if (lats.length !== ids.length || lons.length !== ids.length) throw new Error('PBF: DenseNodes arrays differ in length');
  // Delta coding: each value is the difference from the previous one.
  let id = 0;
  let lat = 0;
  let lon = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i]!;
    lat += lats[i]!;
    lon += lons[i]!;
    sink.node(id, toDegrees(lon, ctx.lonOffset, ctx.granularity), toDegrees(lat, ctx.latOffset, ctx.granularity));
  }
}

function readWay(r: ProtoReader, ctx: BlockContext, sink: OsmSink): void {
  let id = 0;
  const keys: number[] = [];
  const vals: number[] = [];
  const deltas: number[] = [];
  while (r.hasMore) {
    const [f, w] = r.key();
    if (f === 1) id = r.int64();
    else if (f === 2) r.repeated(w, varint, keys);
    else if (f === 3) r.repeated(w, varint, vals);
    else if (f === 8) r.repeated(w, svarint, deltas);
    else r.skip(w);
  }
  const tags: OsmTags = {};
  for (let i = 0; i < keys.length; i++) {
    const k = ctx.strings[keys[i]!];
    const v = ctx.strings[vals[i] ?? -1];
    if (k !== undefined && v !== undefined) tags[k] = v;
  }
  let ref = 0;
  for (let i = 0; i < deltas.length; i++) {
    ref += deltas[i]!;
    deltas[i] = ref;
  }
  sink.way(id, deltas, tags);
}

/** Feeds a sink from an OSM PBF file, one blob at a time. */
export async function readOsmPbf(path: string, sink: OsmSink): Promise<void> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    let pos = 0;
    const readExactly = async (len: number): Promise<Uint8Array> => {
      const buf = new Uint8Array(len);
      const { bytesRead } = await file.read(buf, 0, len, pos);
      if (bytesRead !== len) throw new Error('PBF: truncated file');
      pos += len;
      return buf;
    };
    let sawHeader = false;
    while (pos < size) {
      const lenBytes = await readExactly(4);
      const headerLen = ((lenBytes[0]! << 24) >>> 0) + (lenBytes[1]! << 16) + (lenBytes[2]! << 8) + lenBytes[3]!;
      if (headerLen > MAX_BLOB_HEADER) throw new Error('PBF: blob header too large (not a PBF file?)');
      const header = readBlobHeader(await readExactly(headerLen));
      if (header.dataSize > MAX_BLOB) throw new Error('PBF: blob too large');
      const data = readBlob(await readExactly(header.dataSize));
      if (header.type === 'OSMHeader') {
        checkHeaderBlock(data);
        sawHeader = true;
      } else if (header.type === 'OSMData') {
        if (!sawHeader) throw new Error('PBF: data before the OSMHeader');
        readPrimitiveBlock(data, sink);
      }
      // Unknown blob types are skipped, as the spec asks.
    }
  } finally {
    await file.close();
  }
}
