// @ts-check
// A zip archive (an .xlsx is one) read from a buffer with every size bounded: the central directory
// is read first and the sizes it declares are checked before anything is inflated; while an entry
// inflates, the bytes actually produced are counted against what the directory declared and against
// the caller's budget, so an archive that lies about its sizes (a "zip bomb") is stopped after at
// most the declared size, not after the gigabytes it expands to. Plain JavaScript (with JSDoc types,
// checked by tsc) because it runs inside a worker thread, which has no TypeScript loader.
import zlib from 'node:zlib';

/** A file-level refusal: `code` is a message key (platform/spreadsheet/spreadsheet.errors.ts). */
export class SpreadsheetError extends Error {
  /**
   * @param {string} code
   * @param {Record<string, string | number>} [params]
   */
  constructor(code, params = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** @typedef {{ name: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number }} ZipEntry */
/** @typedef {{ used: number; max: number }} InflateBudget */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** An .xlsx has a few dozen entries; thousands mean something else. */
const MAX_ENTRIES = 2000;

const notXlsx = () => new SpreadsheetError('IMPORT_NOT_XLSX');

/** A zip archive starts with "PK\x03\x04"; anything else (a .xls, a CSV, a renamed file) is not an .xlsx. */
export const looksLikeZip = (/** @type {Uint8Array} */ file) => file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04;

/**
 * The archive's entries, from its central directory. ZIP64 and encrypted archives are refused: a
 * workbook within our caps never needs the one, and we cannot read the other.
 * @param {Buffer} file
 * @returns {Map<string, ZipEntry>}
 */
export function readCentralDirectory(file) {
  if (!looksLikeZip(file) || file.length < 22) throw notXlsx();
  let eocd = -1;
  // The end record is in the last 22 bytes plus at most a 65,535-byte comment.
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = file.readUInt16LE(eocd + 10);
  const size = file.readUInt32LE(eocd + 12);
  const offset = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES || offset + size > eocd) throw notXlsx();
  /** @type {Map<string, ZipEntry>} */
  const entries = new Map();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL) throw notXlsx();
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const entrySize = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const localOffset = file.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || entrySize === 0xffffffff || localOffset === 0xffffffff) throw notXlsx();
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, { name, method, flags, compressedSize, size: entrySize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Checks before any inflating that the entries about to be read declare no more than the budget.
 * @param {(ZipEntry | undefined)[]} entries
 * @param {InflateBudget} budget
 */
export function checkDeclaredSizes(entries, budget) {
  const declared = entries.reduce((sum, e) => sum + (e ? e.size : 0), 0);
  if (budget.used + declared > budget.max) throw new SpreadsheetError('IMPORT_UNPACKED_TOO_LARGE', { maxMb: Math.round(budget.max / 1024 / 1024) });
}

/**
 * One entry's bytes, inflated as a stream of chunks. More bytes than the directory declared, or
 * than the budget has left, stop it at once.
 * @param {Buffer} file
 * @param {ZipEntry} entry
 * @param {InflateBudget} budget
 * @returns {AsyncGenerator<Buffer>}
 */
export async function* inflateEntry(file, entry, budget) {
  if (entry.flags & 1) throw notXlsx();
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL) throw notXlsx();
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  if (start + entry.compressedSize > file.length) throw notXlsx();
  const data = file.subarray(start, start + entry.compressedSize);
  const tooLarge = () => new SpreadsheetError('IMPORT_UNPACKED_TOO_LARGE', { maxMb: Math.round(budget.max / 1024 / 1024) });
  let produced = 0;
  /** @param {number} n */
  const count = (n) => {
    produced += n;
    budget.used += n;
    // The directory's size is what the checks before the work relied on: more is a lie.
    if (produced > entry.size) throw tooLarge();
    if (budget.used > budget.max) throw tooLarge();
  };
  if (entry.method === 0) {
    count(data.length);
    yield data;
    return;
  }
  if (entry.method !== 8) throw notXlsx();
  const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  try {
    // The stream inflates only as fast as these chunks are taken (its readable side applies backpressure).
    for await (const chunk of /** @type {AsyncIterable<Buffer>} */ (inflater)) {
      count(chunk.length);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw notXlsx();
  } finally {
    inflater.destroy();
  }
}
