import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { createSlots } from '../slots';
import type { CsvProblem, CsvRow } from './csv.mjs';
import { FORMULA, TOO_LONG, type RawCell, type RawRow } from './xlsx.mjs';
import { looksLikeZip } from './zip.mjs';
import './spreadsheet.errors';

/** What a reader may take; every figure is checked before or while reading, never after. */
export type SpreadsheetLimits = {
  /** The file as uploaded (compressed, for .xlsx). */
  maxFileBytes: number;
  /** The XML inflated out of an .xlsx: the sizes the archive declares are checked before reading, the bytes it really yields while reading. */
  maxUnpackedBytes: number;
  /** Data rows (not counting the header row); empty rows do not count. */
  maxRows: number;
  /** Columns that hold a value. */
  maxColumns: number;
  /** Characters of one cell; a longer cell is cut and flagged (`isTooLong`), not kept. */
  maxCellChars: number;
  /** Heap of the worker thread that parses the file. */
  maxHeapMb: number;
  /** CSV syntax problems kept (the rest are counted). */
  maxProblems: number;
};

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxRows: 5000,
  maxColumns: 64,
  maxCellChars: 2000,
  maxHeapMb: 96,
  maxProblems: 100,
};

export type CellType = 'text' | 'number' | 'boolean' | 'date' | 'error';
/** One cell: `text` is the value as text (a number as written, a date as YYYY-MM-DD, a boolean as "1"/"0"). */
export type Cell = { type: CellType; text: string; isFormula: boolean; isTooLong: boolean };
/** A non-empty row of the first worksheet: `cells[0]` is column A. */
export type SheetRow = { row: number; cells: (Cell | undefined)[] };
export type { CsvRow, CsvProblem };
/** `onDimension`: called once with the last row number the sheet declares (Excel writes it first), for progress. */
export type ReadOptions = { onDimension?: (lastRow: number) => void };

const TYPES: Record<RawCell[0], CellType> = { t: 'text', n: 'number', b: 'boolean', d: 'date', e: 'error' };
const STATUS: Record<string, number> = { IMPORT_TOO_MANY_ROWS: 413, IMPORT_FILE_TOO_LARGE: 413, IMPORT_UNPACKED_TOO_LARGE: 413, IMPORT_FILE_TOO_COMPLEX: 413 };
export const spreadsheetError = (code: string, params: Record<string, string | number> = {}) => new AppError(code, { status: STATUS[code] ?? 400, params });

// At most this many parsing threads per process; more readers wait their turn, so the memory the
// readers can take is bounded too (each thread's heap is capped by maxHeapMb).
const MAX_THREADS = 2;
const threads = createSlots(MAX_THREADS);

type WorkerMessage =
  | { type: 'rows'; rows: unknown[]; lastRow?: number }
  | { type: 'end'; problems: CsvProblem[]; problemCount: number }
  | { type: 'error'; code: string; params: Record<string, string | number>; message?: string };

/**
 * Runs the parser in a worker thread with a capped heap and yields what it posts, batch by batch;
 * the worker parses the next batch only when this one has been taken (backpressure).
 */
async function* runWorker(kind: 'xlsx' | 'csv', file: Buffer, limits: SpreadsheetLimits, onDimension?: (lastRow: number) => void): AsyncGenerator<unknown[], { problems: CsvProblem[]; problemCount: number }> {
  const release = await threads.take();
  const worker = new Worker(new URL('./reader.worker.mjs', import.meta.url), {
    workerData: { kind, file: new Uint8Array(file), limits: { maxUnpackedBytes: limits.maxUnpackedBytes, maxRows: limits.maxRows, maxColumns: limits.maxColumns, maxCellChars: limits.maxCellChars, maxProblems: limits.maxProblems } },
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 16 },
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (error: Error & { code?: string }) =>
    push(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { type: 'error', code: 'IMPORT_FILE_TOO_COMPLEX', params: {} } : { type: 'error', code: kind === 'xlsx' ? 'IMPORT_NOT_XLSX' : 'IMPORT_FILE_UNREADABLE', params: {}, message: error.message }),
  );
  worker.on('exit', () => push({ type: 'error', code: 'IMPORT_FILE_UNREADABLE', params: {}, message: 'the reader stopped' }));
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const m = queue.shift()!;
      if (m.type === 'end') return { problems: m.problems, problemCount: m.problemCount };
      if (m.type === 'error') throw spreadsheetError(m.code, m.params);
      if (m.lastRow !== undefined && onDimension) {
        onDimension(m.lastRow);
        onDimension = undefined;
      }
      worker.postMessage('more');
      yield m.rows;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
    release();
  }
}

const limitsOf = (limits: Partial<SpreadsheetLimits>): SpreadsheetLimits => ({ ...DEFAULT_SPREADSHEET_LIMITS, ...limits });

function checkFileSize(file: Buffer, limits: SpreadsheetLimits) {
  if (file.length > limits.maxFileBytes) throw spreadsheetError('IMPORT_FILE_TOO_LARGE', { maxMb: Math.round((limits.maxFileBytes / 1024 / 1024) * 10) / 10 });
}

/**
 * The first worksheet of an .xlsx, row by row (non-empty rows only, in order). Refuses with an
 * AppError: not an .xlsx, a file or its unpacked XML over the limits, too many rows or columns.
 */
export async function* readSheetRows(file: Buffer, limits: Partial<SpreadsheetLimits> = {}, opts: ReadOptions = {}): AsyncGenerator<SheetRow> {
  const l = limitsOf(limits);
  checkFileSize(file, l);
  if (!looksLikeZip(file)) throw spreadsheetError('IMPORT_NOT_XLSX');
  for await (const batch of runWorker('xlsx', file, l, opts.onDimension)) {
    for (const [row, raw] of batch as RawRow[]) {
      const cells: (Cell | undefined)[] = [];
      raw.forEach((c, i) => {
        if (c) cells[i] = { type: TYPES[c[0]], text: c[1], isFormula: (c[2] & FORMULA) !== 0, isTooLong: (c[2] & TOO_LONG) !== 0 };
      });
      yield { row, cells };
    }
  }
}

/**
 * A CSV file's rows (UTF-8, or GB18030 when it is not valid UTF-8), with its syntax problems: the
 * first `maxProblems` of them and how many there were in all.
 */
export async function readCsv(file: Buffer, limits: Partial<SpreadsheetLimits> = {}): Promise<{ rows: CsvRow[]; problems: CsvProblem[]; problemCount: number }> {
  const l = limitsOf(limits);
  checkFileSize(file, l);
  const rows: CsvRow[] = [];
  const reader = runWorker('csv', file, l);
  for (;;) {
    const next = await reader.next();
    if (next.done) return { rows, ...next.value };
    for (const r of next.value as CsvRow[]) rows.push(r);
  }
}
