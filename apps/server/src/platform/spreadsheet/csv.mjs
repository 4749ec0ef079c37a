// @ts-check
// A strict CSV reader (RFC 4180): comma-separated, fields optionally in double quotes with "" for a
// quote, CRLF or LF line ends. UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as
// GB18030, which is what Excel and Chinese banks write as "CSV" on a Chinese Windows. Rows, fields
// per row and field length are bounded; syntax problems name line and column. Runs in the reader's
// worker thread (plain JavaScript, see zip.mjs).
import { SpreadsheetError } from './zip.mjs';

/**
 * @typedef {{ line: number; fields: string[]; tooLong: number[] }} CsvRow
 * @typedef {{ line: number; column: number; code: 'CSV_QUOTE_MISPLACED' | 'CSV_TEXT_AFTER_QUOTE' | 'CSV_QUOTE_UNCLOSED' }} CsvProblem
 * @typedef {{ maxRows: number; maxColumns: number; maxCellChars: number }} CsvLimits
 */

/** The file's text: UTF-8 when it is valid UTF-8, else GB18030. */
export function decodeCsv(/** @type {Uint8Array} */ bytes) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses the text, handing rows over in batches. Blank lines are skipped. A problem is reported to
 * `onProblem` and the reader goes on, so one bad quote stays one problem.
 * @param {string} src
 * @param {CsvLimits} limits
 * @param {(problem: CsvProblem) => void} onProblem
 * @param {number} [batchSize]
 * @returns {Generator<CsvRow[]>}
 */
export function* parseCsvText(src, limits, onProblem, batchSize = 500) {
  /** @type {CsvRow[]} */
  let batch = [];
  let rowCount = 0;
  let line = 1;
  let col = 1;
  let field = '';
  let fieldTooLong = false;
  /** @type {string[]} */
  let fields = [];
  /** @type {number[]} */
  let tooLong = [];
  let rowLine = 1;
  let inQuotes = false;
  let wasQuoted = false;
  const cap = limits.maxCellChars;
  /** @param {string} ch */
  const add = (ch) => {
    if (field.length < cap) field += ch;
    else fieldTooLong = true;
  };
  const endField = () => {
    if (fields.length >= limits.maxColumns) throw new SpreadsheetError('IMPORT_TOO_MANY_COLUMNS', { max: limits.maxColumns, row: rowLine });
    if (fieldTooLong) tooLong.push(fields.length);
    fields.push(field);
    field = '';
    fieldTooLong = false;
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) {
      rowCount++;
      if (rowCount > limits.maxRows + 1) throw new SpreadsheetError('IMPORT_TOO_MANY_ROWS', { max: limits.maxRows });
      batch.push({ line: rowLine, fields, tooLong });
    }
    fields = [];
    tooLong = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? '';
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          add('"');
          i++;
          col++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') {
          line++;
          col = 0;
        }
        add(ch);
      }
    } else if (ch === '"') {
      if (field !== '' || wasQuoted) {
        // A quote inside an unquoted field: reported, and read as a character.
        onProblem({ line, column: col, code: 'CSV_QUOTE_MISPLACED' });
        add(ch);
      } else {
        inQuotes = true;
        wasQuoted = true;
      }
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' && src[i + 1] === '\n') {
      continue;
    } else if (ch === '\n') {
      endRow();
      line++;
      col = 0;
      rowLine = line;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    } else {
      if (wasQuoted) {
        // Reported once per field: what follows is read as part of it.
        onProblem({ line, column: col, code: 'CSV_TEXT_AFTER_QUOTE' });
        wasQuoted = false;
      }
      add(ch);
    }
    col++;
  }
  if (inQuotes) onProblem({ line, column: col, code: 'CSV_QUOTE_UNCLOSED' });
  else if (field !== '' || fields.length) endRow();
  if (batch.length) yield batch;
}
