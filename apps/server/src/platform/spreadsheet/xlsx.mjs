// @ts-check
// The first worksheet of an .xlsx as rows of typed cells, read as a stream with every dimension
// bounded (see zip.mjs for the sizes). Only what an import needs is read: the workbook (which sheet
// is first, the 1904 date system), its relationships, the number formats (which cells are dates),
// the shared strings and the one sheet. Runs in the reader's worker thread.
import { SaxesParser } from 'saxes';
import { checkDeclaredSizes, inflateEntry, readCentralDirectory, SpreadsheetError } from './zip.mjs';

/**
 * A cell as [type, text, flags]: type 't' text, 'n' number, 'b' boolean ("1"/"0"), 'd' date
 * (YYYY-MM-DD), 'e' error (#N/A…); flags bit 1 = a formula (text is its cached result), bit 2 =
 * longer than the limit (text cut to the limit).
 * @typedef {[type: 't' | 'n' | 'b' | 'd' | 'e', text: string, flags: number]} RawCell
 * @typedef {[row: number, cells: (RawCell | null)[]]} RawRow
 * @typedef {{ maxUnpackedBytes: number; maxRows: number; maxColumns: number; maxCellChars: number }} XlsxLimits
 */

export const FORMULA = 1;
export const TOO_LONG = 2;

const localName = (/** @type {string} */ name) => name.slice(name.indexOf(':') + 1);

/**
 * Feeds one zip entry through a SAX parser; after each inflated chunk, `drain` may hand over what
 * the handlers collected (so rows flow out while the sheet is still inflating).
 * @param {Buffer} file
 * @param {import('./zip.mjs').ZipEntry} entry
 * @param {import('./zip.mjs').InflateBudget} budget
 * @param {(parser: SaxesParser) => void} attach
 * @returns {AsyncGenerator<void>}
 */
async function* parseEntry(file, entry, budget, attach) {
  const parser = new SaxesParser();
  attach(parser);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of inflateEntry(file, entry, budget)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      yield;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    // A SAX error: the XML is broken, so this is not a workbook we can read.
    throw new SpreadsheetError('IMPORT_NOT_XLSX');
  }
  yield;
}

/** Excel's built-in date formats (14–22, 45–47) and the CJK ones Chinese Excel writes (27–36, 50–58). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom number format is a date when, outside quoted text, escapes and [colour] tags, it has date or time letters. */
export function isDateFormat(/** @type {string} */ code) {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * An Excel serial day as YYYY-MM-DD. The 1900 system counts from 1899-12-30 (its 29 Feb 1900,
 * serial 60, never existed, so days before 1 March 1900 are one off); the 1904 system from 1904-01-01.
 * @param {number} serial
 * @param {boolean} is1904
 */
export function excelDate(serial, is1904) {
  const days = Math.floor(serial);
  const base = is1904 ? Date.UTC(1904, 0, 1) : days < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + days * 86_400_000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Column letters of a cell reference ("AB12") as a 0-based index; -1 when there are none. */
export function columnIndex(/** @type {string} */ ref) {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > 20_000) return -2;
  }
  return i === 0 ? -1 : n - 1;
}

/**
 * The first worksheet's non-empty rows, in order.
 * @param {Buffer} file
 * @param {XlsxLimits} limits
 * @param {{ lastRow?: number }} [info] receives the last row the sheet's <dimension> declares (for progress)
 * @returns {AsyncGenerator<RawRow[]>} batches of rows (one batch per inflated chunk)
 */
export async function* readFirstSheet(file, limits, info = {}) {
  const entries = readCentralDirectory(file);
  const budget = { used: 0, max: limits.maxUnpackedBytes };
  const workbookEntry = entries.get('xl/workbook.xml');
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbookEntry) throw new SpreadsheetError('IMPORT_NOT_XLSX');
  checkDeclaredSizes([workbookEntry, relsEntry], budget);

  let firstSheetRel = '';
  let is1904 = false;
  for await (const _ of parseEntry(file, workbookEntry, budget, (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag.name);
      const attrs = /** @type {Record<string, string>} */ (tag.attributes);
      if (name === 'workbookPr') is1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      if (name === 'sheet' && !firstSheetRel) firstSheetRel = Object.entries(attrs).find(([k]) => localName(k) === 'id' && k.includes(':'))?.[1] ?? '';
    });
  }));
  /** @type {Map<string, string>} */
  const targets = new Map();
  /** @type {Map<string, string>} */
  const byType = new Map();
  if (relsEntry) {
    for await (const _ of parseEntry(file, relsEntry, budget, (p) => {
      p.on('opentag', (tag) => {
        if (localName(tag.name) !== 'Relationship') return;
        const attrs = /** @type {Record<string, string>} */ (tag.attributes);
        const target = (attrs.Target ?? '').startsWith('/') ? (attrs.Target ?? '').slice(1) : `xl/${attrs.Target ?? ''}`;
        targets.set(attrs.Id ?? '', target);
        const type = (attrs.Type ?? '').split('/').pop() ?? '';
        if (!byType.has(type)) byType.set(type, target);
      });
    }));
  }
  const sheetEntry = entries.get(targets.get(firstSheetRel) ?? '') ?? entries.get('xl/worksheets/sheet1.xml');
  const stringsEntry = entries.get(byType.get('sharedStrings') ?? 'xl/sharedStrings.xml');
  const stylesEntry = entries.get(byType.get('styles') ?? 'xl/styles.xml');
  if (!sheetEntry) throw new SpreadsheetError('IMPORT_EMPTY');
  // Everything that will be inflated, checked against the budget before any of it is.
  checkDeclaredSizes([sheetEntry, stringsEntry, stylesEntry], budget);

  /** Style index → is a date format. */
  const dateStyles = /** @type {boolean[]} */ ([]);
  if (stylesEntry) {
    /** @type {Map<number, string>} */
    const customFormats = new Map();
    let inCellXfs = false;
    for await (const _ of parseEntry(file, stylesEntry, budget, (p) => {
      p.on('opentag', (tag) => {
        const name = localName(tag.name);
        const attrs = /** @type {Record<string, string>} */ (tag.attributes);
        if (name === 'numFmt') customFormats.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attrs.numFmtId ?? 0);
          const custom = customFormats.get(id);
          dateStyles.push(custom !== undefined ? isDateFormat(custom) : BUILTIN_DATES.has(id));
        }
      });
      p.on('closetag', (tag) => {
        if (localName(tag.name) === 'cellXfs') inCellXfs = false;
      });
    }));
  }

  const cap = limits.maxCellChars;
  /** @type {string[]} */
  const strings = [];
  if (stringsEntry) {
    let text = '';
    let inText = false;
    let phonetic = 0;
    for await (const _ of parseEntry(file, stringsEntry, budget, (p) => {
      p.on('opentag', (tag) => {
        const name = localName(tag.name);
        if (name === 'si') text = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && !phonetic) inText = !tag.isSelfClosing;
      });
      p.on('text', (t) => {
        if (inText && text.length <= cap) text += t.slice(0, cap + 1 - text.length);
      });
      p.on('cdata', (t) => {
        if (inText && text.length <= cap) text += t.slice(0, cap + 1 - text.length);
      });
      p.on('closetag', (tag) => {
        const name = localName(tag.name);
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') strings.push(text);
      });
    }));
  }

  /** @type {RawRow[]} */
  let ready = [];
  let rowCount = 0;
  let rowNumber = 0;
  /** @type {(RawCell | null)[]} */
  let cells = [];
  let hasValue = false;
  let column = -1;
  let cellType = '';
  let cellStyle = 0;
  let isFormula = false;
  let value = '';
  let inValue = false;
  let inInline = 0;
  let hasCellValue = false;

  const finishCell = () => {
    if (!hasCellValue && !isFormula) return;
    /** @type {RawCell} */
    let cell;
    if (cellType === 's') {
      const s = strings[Number(value)] ?? '';
      cell = ['t', s, 0];
    } else if (cellType === 'inlineStr' || cellType === 'str') cell = ['t', value, 0];
    else if (cellType === 'b') cell = ['b', value === '1' || value === 'true' ? '1' : '0', 0];
    else if (cellType === 'e') cell = ['e', value, 0];
    else if (cellType === 'd') cell = ['d', value.slice(0, 10), 0];
    else if (value.trim() === '') cell = ['t', '', 0];
    else if (dateStyles[cellStyle] && Number.isFinite(Number(value))) cell = ['d', excelDate(Number(value), is1904) ?? value, 0];
    else cell = ['n', value.trim(), 0];
    if (isFormula) cell[2] |= FORMULA;
    if (cell[1].length > cap) {
      cell[1] = cell[1].slice(0, cap);
      cell[2] |= TOO_LONG;
    }
    if (cell[1] === '' && !(cell[2] & FORMULA)) return;
    if (column >= limits.maxColumns) throw new SpreadsheetError('IMPORT_TOO_MANY_COLUMNS', { max: limits.maxColumns, row: rowNumber });
    cells[column] = cell;
    hasValue = true;
  };

  for await (const _ of parseEntry(file, sheetEntry, budget, (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag.name);
      const attrs = /** @type {Record<string, string>} */ (tag.attributes);
      if (name === 'dimension') {
        const last = /:[A-Z]+(\d+)$/.exec(attrs.ref ?? '');
        if (last) info.lastRow = Number(last[1]);
      } else if (name === 'row') {
        rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
        cells = [];
        hasValue = false;
        column = -1;
      } else if (name === 'c') {
        const index = attrs.r ? columnIndex(attrs.r) : -1;
        if (index === -2) throw new SpreadsheetError('IMPORT_TOO_MANY_COLUMNS', { max: limits.maxColumns, row: rowNumber });
        column = index >= 0 ? index : column + 1;
        cellType = attrs.t ?? 'n';
        cellStyle = Number(attrs.s ?? 0);
        isFormula = false;
        value = '';
        hasCellValue = false;
      } else if (name === 'f') isFormula = true;
      else if (name === 'v') {
        inValue = !tag.isSelfClosing;
        hasCellValue = true;
      } else if (name === 'is') {
        inInline++;
        hasCellValue = true;
      } else if (name === 't' && inInline) inValue = !tag.isSelfClosing;
      else if (name === 'rPh' && inInline) inInline++;
    });
    const onText = (/** @type {string} */ t) => {
      if (inValue && value.length <= cap) value += t.slice(0, cap + 1 - value.length);
    };
    p.on('text', onText);
    p.on('cdata', onText);
    p.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'rPh' && inInline) inInline--;
      else if (name === 'is') inInline = 0;
      else if (name === 'c') finishCell();
      else if (name === 'row' && hasValue) {
        rowCount++;
        // The header row plus maxRows data rows.
        if (rowCount > limits.maxRows + 1) throw new SpreadsheetError('IMPORT_TOO_MANY_ROWS', { max: limits.maxRows });
        ready.push([rowNumber, cells]);
      }
    });
  })) {
    if (ready.length) {
      yield ready;
      ready = [];
    }
  }
  if (ready.length) yield ready;
}
