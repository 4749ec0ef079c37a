// Reading an OpenStreetMap extract (.osm, .osm.gz, .osm.pbf) into its walkable network.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { readOsmPbf } from './osm-pbf';
import { createWalkCollector, type WalkNetwork } from './osm-walkable';
import { readOsmXml } from './osm-xml';

export type OsmFormat = 'xml' | 'xml.gz' | 'pbf';

// The content decides, not the name: gzip starts 1f 8b, XML with '<' (after an optional BOM and
// blanks), PBF with a 4-byte length and a BlobHeader whose first field is the string "OSMHeader".
export async function detectOsmFormat(path: string): Promise<OsmFormat> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(32);
    const { bytesRead } = await file.read(head, 0, 32, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'xml.gz';
    const text = new TextDecoder().decode(bytes);
    if (/^(\uFEFF)?\s*</.test(text)) return 'xml';
    if (text.includes('OSMHeader')) return 'pbf';
    throw new Error(`not an OSM XML, gzip or PBF file: ${path}`);
  } finally {
    await file.close();
  }
}

/** Reads an extract and keeps the walkable ways and the nodes they use. */
export async function readWalkNetwork(path: string): Promise<WalkNetwork> {
  const format = await detectOsmFormat(path);
  const collector = createWalkCollector();
  if (format === 'pbf') {
    await readOsmPbf(path, collector);
  } else {
    const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
    let stream: NodeJS.ReadableStream & import('node:stream').Readable = raw;
    if (format === 'xml.gz') {
      const gunzip = createGunzip();
      raw.on('error', (err) => gunzip.destroy(err));
      stream = raw.pipe(gunzip);
    }
    await readOsmXml(stream, collector);
  }
  return collector.finish();
}
