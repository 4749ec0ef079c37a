import zlib from 'node:zlib';

/** For tests: hand-made zip archives and .xlsx files, including hostile ones. */
export type ZipPart = {
  name: string;
  /** The compressed bytes (method 8) or the bytes (method 0). */
  stored: Buffer;
  method: 0 | 8;
  crc: number;
  /** What the archive claims the part unpacks to. */
  declaredSize: number;
};

export const deflatedPart = (name: string, text: string | Buffer): ZipPart => {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return { name, stored: zlib.deflateRawSync(data), method: 8, crc: zlib.crc32(data), declaredSize: data.length };
};

/** A zip archive of the parts, with a central directory that says what each part claims. */
export function zipArchive(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.stored.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.stored.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.stored);
    centrals.push(central, name);
    offset += 30 + name.length + p.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** An .xlsx around one sheet part (the sheet's XML, or a part made by the caller). */
export function xlsxWithSheet(sheet: string | ZipPart, extra: ZipPart[] = []): Buffer {
  const sheetPart = typeof sheet === 'string' ? deflatedPart('xl/worksheets/sheet1.xml', sheet) : sheet;
  return zipArchive([deflatedPart('[Content_Types].xml', TYPES), deflatedPart('xl/workbook.xml', WORKBOOK), deflatedPart('xl/_rels/workbook.xml.rels', RELS), ...extra, sheetPart]);
}

/**
 * A "zip bomb" workbook: a sheet of `unpackedMb` MB of rows compressed to about a megabyte and a
 * half (the issue's card import: 1.9 MB that expanded to 474 MB). With `lie`, the archive declares
 * the sheet to be 1 MB, so only the bytes actually inflated can give it away. `headers` make the
 * first row a template's header row (so an import reads on); the rows after it are 9 KB each.
 */
export async function xlsxBomb(unpackedMb: number, { lie, headers = [] }: { lie: boolean; headers?: readonly string[] }): Promise<Buffer> {
  const row = Buffer.from(`<row><c t="inlineStr"><is><t>${'炸'.repeat(3000)}</t></is></c></row>`);
  // Whole rows only, so the XML stays well-formed however much of it is read.
  const chunk = Buffer.concat(Array.from({ length: Math.floor((1 << 20) / row.length) }, () => row));
  const headerRow = headers.length ? `<row>${headers.map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>` : '';
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow}`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = zlib.crc32(head);
  deflate.write(head);
  for (let i = 0; i < unpackedMb; i++) {
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = zlib.crc32(tail, crc);
  deflate.end(tail);
  await done;
  const size = head.length + unpackedMb * chunk.length + tail.length;
  return xlsxWithSheet({ name: 'xl/worksheets/sheet1.xml', stored: Buffer.concat(out), method: 8, crc, declaredSize: lie ? 1 << 20 : size });
}
