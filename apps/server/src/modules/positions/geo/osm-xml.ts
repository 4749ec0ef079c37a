// A streaming reader of OSM XML (.osm, .osm.gz): a small tag scanner over decoded text chunks, no
// DOM. Memory is one chunk plus the element being read, whatever the file size.
import type { Readable } from 'node:stream';
import type { OsmSink, OsmTags } from './osm-walkable';

const ATTR_RE = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY_RE = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY_RE, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return NAMED[e] ?? '';
  });
}

function readAttrs(tagText: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(tagText); m; m = ATTR_RE.exec(tagText)) {
    attrs[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

// Ends at the first '>' outside quotes: XML allows a raw '>' inside an attribute value.
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  return -1;
}

type Element = 'none' | 'node' | 'way' | 'relation';

/** Feeds a sink from a stream of OSM XML text (already gunzipped). */
export async function readOsmXml(stream: Readable, sink: OsmSink): Promise<void> {
  stream.setEncoding('utf8');
  let carry = '';
  let current: Element = 'none';
  let wayId = 0;
  let refs: number[] = [];
  let tags: OsmTags = {};

  const openElement = (name: string, body: string, selfClosing: boolean) => {
    switch (name) {
      case 'node': {
        const a = readAttrs(body);
        // Deleted nodes in change files carry no coordinates: skip them.
        if (a['lat'] !== undefined && a['lon'] !== undefined) sink.node(Number(a['id']), Number(a['lon']), Number(a['lat']));
        current = selfClosing ? 'none' : 'node';
        return;
      }
      case 'way': {
        wayId = Number(readAttrs(body)['id']);
        refs = [];
        tags = {};
        current = 'way';
        if (selfClosing) closeElement('way');
        return;
      }
      case 'nd':
        if (current === 'way') refs.push(Number(readAttrs(body)['ref']));
        return;
      case 'tag':
        if (current === 'way') {
          const a = readAttrs(body);
          if (a['k'] !== undefined) tags[a['k']] = a['v'] ?? '';
        }
        return;
      case 'relation':
        sink.relation();
        current = selfClosing ? 'none' : 'relation';
        return;
      default:
        return;
    }
  };
  const closeElement = (name: string) => {
    if (name === 'way' && current === 'way') sink.way(wayId, refs, tags);
    if (name === 'node' || name === 'way' || name === 'relation') current = 'none';
  };

  const scan = (text: string, final: boolean): string => {
    let pos = 0;
    for (;;) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) return '';
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) return text.slice(lt);
        pos = end + 3;
        continue;
      }
      const gt = findTagEnd(text, lt + 1);
      if (gt < 0) {
        if (final) throw new Error('OSM XML ends inside a tag');
        return text.slice(lt);
      }
      pos = gt + 1;
      const second = text.charCodeAt(lt + 1);
      if (second === 63 || second === 33) continue; // <?xml …?>, <!DOCTYPE …>
      if (second === 47) {
        closeElement(text.slice(lt + 2, gt).trim());
        continue;
      }
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      const body = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const space = body.search(/[\s/]/);
      openElement(space < 0 ? body : body.slice(0, space), body, selfClosing);
    }
  };

  for await (const chunk of stream) {
    carry = scan(carry + (chunk as string), false);
  }
  scan(carry, true);
}
