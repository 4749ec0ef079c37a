import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectOsmFormat, readWalkNetwork } from './osm';
import { ProtoReader } from './osm-pbf';
import { createWalkCollector, isWalkable } from './osm-walkable';
import { readOsmXml } from './osm-xml';
import { dataFile } from './testing';

describe('foot rules', () => {
  it.each([
    [{ highway: 'footway' }, true],
    [{ highway: 'residential' }, true],
    [{ highway: 'primary' }, true],
    [{ highway: 'cycleway' }, true],
    [{ highway: 'cycleway', foot: 'no' }, false],
    // An unclassified "road" (traced from imagery): walkable, as GraphHopper's foot profile has it.
    [{ highway: 'road' }, true],
    [{ highway: 'road', access: 'private' }, false],
    [{ highway: 'motorway' }, false],
    [{ highway: 'motorway_link', foot: 'yes' }, false],
    [{ highway: 'construction' }, false],
    [{ highway: 'proposed' }, false],
    [{ highway: 'bus_guideway' }, false],
    [{ highway: 'raceway' }, false],
    [{ highway: 'trunk' }, false],
    [{ highway: 'trunk', sidewalk: 'both' }, true],
    [{ highway: 'trunk_link', 'sidewalk:left': 'yes' }, true],
    [{ highway: 'trunk', sidewalk: 'separate' }, false],
    [{ highway: 'trunk', foot: 'yes' }, true],
    [{ highway: 'bridleway' }, false],
    [{ highway: 'bridleway', foot: 'designated' }, true],
    [{ highway: 'service', access: 'private' }, false],
    [{ highway: 'service', access: 'private', foot: 'yes' }, true],
    [{ highway: 'track', access: 'no', foot: 'permissive' }, true],
    [{ highway: 'footway', access: 'no' }, false],
    [{ highway: 'residential', foot: 'no' }, false],
    [{ highway: 'pedestrian', area: 'yes' }, true],
    [{ highway: 'platform' }, true],
    [{ highway: 'elevator' }, false],
    [{ building: 'yes' }, false],
  ])('%o → %s', (tags, expected) => {
    expect(isWalkable(tags as Record<string, string>)).toBe(expected);
  });
});

describe('OSM XML scanner', () => {
  const xml = `<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6"><!-- a comment with <way> inside -->
 <node id="1" lat="43.0" lon="7.0"/>
 <node id="2" lat='43.001' lon='7.0'><tag k="name" v="a &gt; b"/></node>
 <node id="3" lat="43.002" lon="7.0" note="raw > in a value"/>
 <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/><tag k="name" v="Rue &amp; Quai &#x4E2D;"/></way>
 <way id="11"><nd ref="1"/><nd ref="3"/><tag k="highway" v="motorway"/></way>
 <way id="12"><nd ref="2"/><nd ref="99"/><nd ref="3"/><tag k="highway" v="steps"/></way>
 <relation id="5"><member type="way" ref="10" role=""/><tag k="type" v="route"/></relation>
</osm>`;

  it('reads nodes, ways, tags and entities, whatever the chunk boundaries', async () => {
    for (const size of [1, 7, 64, 100_000]) {
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
      const sink = createWalkCollector();
      await readOsmXml(Readable.from(chunks, { objectMode: true }), sink);
      const net = sink.finish();
      expect(net.stats).toMatchObject({ nodes: 3, ways: 3, relations: 1, highwayWays: 3, walkableWays: 2, missingNodeRefs: 1 });
      // Way 12 loses node 99 (not in the file) and splits into [2] and [3]: nothing usable left.
      expect(net.wayCount).toBe(1);
      expect(net.wayName[0]).toBe('Rue & Quai 中');
      expect(Array.from(net.osmNodeIds)).toEqual([1, 2, 3]);
      expect(net.lat[2]).toBe(43.002);
    }
  });
});

describe('protobuf reader', () => {
  it('decodes varints past 32 bits and zig-zag signed values', () => {
    // 2^40 + 5 as a varint, then zig-zag −3 (5), then zig-zag 2^35 (2^36).
    const bytes = (n: number) => {
      const out: number[] = [];
      while (n >= 128) {
        out.push((n % 128) | 128);
        n = Math.floor(n / 128);
      }
      out.push(n);
      return out;
    };
    const r = new ProtoReader(Uint8Array.from([...bytes(2 ** 40 + 5), ...bytes(5), ...bytes(2 ** 36)]));
    expect(r.varint()).toBe(2 ** 40 + 5);
    expect(r.svarint()).toBe(-3);
    expect(r.svarint()).toBe(2 ** 35);
    expect(r.hasMore).toBe(false);
  });
});

describe('real extracts', () => {
  it('detects the format from the content', async () => {
    expect(await detectOsmFormat(dataFile('monaco.osm.gz'))).toBe('xml.gz');
    expect(await detectOsmFormat(dataFile('andorra.osm.pbf'))).toBe('pbf');
  });

  it('Monaco: 866 highway ways, 858 of them walkable', async () => {
    const net = await readWalkNetwork(dataFile('monaco.osm.gz'));
    expect(net.stats).toMatchObject({ nodes: 13739, ways: 1944, relations: 77, highwayWays: 866, walkableWays: 858, missingNodeRefs: 0 });
    expect(net.stats.walkableByHighway).toMatchObject({ footway: 230, steps: 82, secondary: 80, residential: 176 });
    expect(net.nodeCount).toBe(4717);
    for (let i = 0; i < net.nodeCount; i++) {
      expect(net.lng[i]).toBeGreaterThan(7.38);
      expect(net.lng[i]).toBeLessThan(7.45);
      expect(net.lat[i]).toBeGreaterThan(43.72);
      expect(net.lat[i]).toBeLessThan(43.76);
    }
  });

  it('Andorra: the PBF and the XML of the same extract give the same walkable network', async () => {
    const pbf = await readWalkNetwork(dataFile('andorra.osm.pbf'));
    const xml = await readWalkNetwork(dataFile('andorra.osm.gz'));
    // Counts from SOURCE.md: the PBF holds 259 nodes, 3 ways and 1 highway way more than the XML.
    expect(pbf.stats).toMatchObject({ nodes: 69644, ways: 2725, relations: 74, highwayWays: 1615 });
    expect(xml.stats).toMatchObject({ nodes: 69385, ways: 2722, relations: 74, highwayWays: 1614 });
    expect(pbf.stats.walkableWays).toBe(1504);
    expect(xml.stats.walkableWays).toBe(1503);
    const diff = Object.entries(pbf.stats.walkableByHighway).filter(([k, v]) => xml.stats.walkableByHighway[k] !== v);
    expect(diff).toEqual([['path', 211]]); // the one extra way, a path
    // Every node the XML keeps is in the PBF at the same place (to 1e-7°, the XML's precision).
    const pbfIndex = new Map<number, number>();
    pbf.osmNodeIds.forEach((id, i) => pbfIndex.set(id, i));
    let same = 0;
    for (let i = 0; i < xml.nodeCount; i++) {
      const j = pbfIndex.get(xml.osmNodeIds[i]!);
      if (j === undefined) continue;
      expect(Math.abs(pbf.lng[j]! - xml.lng[i]!)).toBeLessThan(1e-7);
      expect(Math.abs(pbf.lat[j]! - xml.lat[i]!)).toBeLessThan(1e-7);
      same++;
    }
    expect(same).toBeGreaterThan(xml.nodeCount * 0.99);
    expect(Math.abs(pbf.nodeCount - xml.nodeCount)).toBeLessThan(200);
  });
});
