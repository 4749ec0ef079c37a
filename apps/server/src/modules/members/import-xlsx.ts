import { PassThrough, Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import type { EmploymentForm } from '@niangjia/contracts';
import ExcelJS from 'exceljs';

/** The columns of the collective-join template (集中入会模板), in order; `*` marks required ones. */
export const IMPORT_COLUMNS = [
  { key: 'realName', header: '姓名', required: true, width: 12 },
  { key: 'idNumber', header: '身份证号', required: true, width: 22 },
  { key: 'phone', header: '手机号', required: false, width: 14 },
  { key: 'orgCode', header: '工会编码', required: true, width: 14 },
  { key: 'employmentForm', header: '用工形式', required: true, width: 14 },
  { key: 'employerName', header: '工作单位', required: false, width: 28 },
  { key: 'employerCreditCode', header: '统一社会信用代码', required: false, width: 22 },
  { key: 'industry', header: '行业', required: false, width: 12 },
  { key: 'isMigrant', header: '是否农民工', required: false, width: 10 },
  { key: 'homeStreetCode', header: '所在街道代码', required: false, width: 14 },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const EMPLOYMENT_FORM_LABELS: Record<EmploymentForm, string> = {
  standard: '标准劳动关系',
  delivery_rider: '外卖骑手',
  courier: '快递员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  domestic: '家政服务员',
  other_flexible: '其他灵活就业',
};

/** A cell as text, or why it cannot be read as text. */
export type CellText = { text: string; problem?: undefined } | { text?: undefined; problem: 'IMPORT_CELL_FORMULA' | 'IMPORT_CELL_ERROR' | 'IMPORT_CELL_NUMBER_TOO_LONG' };
export type SheetRow = { row: number; cells: Partial<Record<ImportColumnKey, CellText>> };

export class ImportFileError extends Error {
  constructor(
    readonly code: 'IMPORT_NOT_XLSX' | 'IMPORT_HEADERS_MISSING' | 'IMPORT_TOO_MANY_ROWS' | 'IMPORT_EMPTY',
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

const normaliseHeader = (text: string) => text.replace(/[\s*＊:：]/g, '');

function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') {
    // An 18-digit ID typed as a number has already lost its last digits in Excel (15 significant digits).
    if (!Number.isSafeInteger(value) && Math.abs(value) > 1e15) return { problem: 'IMPORT_CELL_NUMBER_TOO_LONG' };
    return { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value) return { problem: 'IMPORT_CELL_FORMULA' };
  if ('error' in value) return { problem: 'IMPORT_CELL_ERROR' };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim() };
  if ('text' in value && typeof value.text === 'string') return { text: value.text.trim() };
  return { text: '' };
}

/** Maps the header row's cells to template columns; refuses a sheet that lacks a required one. */
function readHeader(values: ExcelJS.CellValue[]): Map<number, ImportColumnKey> {
  const columns = new Map<number, ImportColumnKey>();
  values.forEach((v, i) => {
    const text = cellText(v).text;
    const column = text ? IMPORT_COLUMNS.find((c) => c.header === normaliseHeader(text)) : undefined;
    if (column && ![...columns.values()].includes(column.key)) columns.set(i, column.key);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && ![...columns.values()].includes(c.key)).map((c) => c.header);
  if (missing.length) throw new ImportFileError('IMPORT_HEADERS_MISSING', { columns: missing.join('、') });
  return columns;
}

/** A zip archive starts with "PK\x03\x04"; anything else (a .xls, a CSV or a renamed file) is not .xlsx. */
export const looksLikeXlsx = (file: Buffer) => file.length >= 4 && file.readUInt32LE(0) === 0x04034b50;

/**
 * Reads the first worksheet as a stream: rows beyond `maxRows` stop the read (a file of a million
 * rows is refused after the cap, not loaded), empty rows are skipped, headers are matched by name.
 */
export async function readImportSheet(file: Buffer, maxRows: number, onRow: (row: SheetRow) => Promise<void>): Promise<number> {
  if (!looksLikeXlsx(file)) throw new ImportFileError('IMPORT_NOT_XLSX');
  let count = 0;
  let columns: Map<number, ImportColumnKey> | undefined;
  for await (const [rowNumber, values] of readSheetRows(file)) {
    if (!columns) {
      columns = readHeader(values);
      continue;
    }
    const cells: SheetRow['cells'] = {};
    let isEmpty = true;
    for (const [index, key] of columns) {
      const cell = cellText(values[index]);
      if (cell.problem || cell.text) isEmpty = false;
      cells[key] = cell;
    }
    if (isEmpty) continue;
    if (count >= maxRows) throw new ImportFileError('IMPORT_TOO_MANY_ROWS', { max: maxRows });
    count++;
    await onRow({ row: rowNumber, cells });
  }
  if (!columns) throw new ImportFileError('IMPORT_EMPTY');
  return count;
}

/**
 * The first worksheet's rows, parsed by exceljs's streaming reader in a worker thread whose heap is
 * bounded (a Worker resource limit, not a process flag): the parser's garbage — most of the memory
 * of an import — stays there and goes with it, so the server stays small while reading 100,000 rows.
 */
async function* readSheetRows(file: Buffer): AsyncGenerator<[number, ExcelJS.CellValue[]]> {
  const worker = new Worker(new URL('./import-xlsx.worker.mjs', import.meta.url), {
    workerData: { file: new Uint8Array(file) },
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (error: Error & { code?: string }) => push({ type: 'error', message: error.message, isOutOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' }));
  worker.on('exit', () => push({ type: 'error', message: 'exited' }));
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((r) => (wake = r));
      wake = undefined;
      const m = queue.shift()!;
      if (m.type === 'end') return;
      if (m.type === 'error') throw new ImportFileError(m.isOutOfMemory ? 'IMPORT_TOO_MANY_ROWS' : 'IMPORT_NOT_XLSX', m.isOutOfMemory ? { max: 100_000 } : {});
      worker.postMessage('more');
      yield* m.rows;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
type WorkerMessage = { type: 'rows'; rows: [number, ExcelJS.CellValue[]][] } | { type: 'end' } | { type: 'error'; message: string; isOutOfMemory?: boolean };

/** Writes a one-sheet workbook to a buffer (streaming writer: no styles kept per cell). */
export async function writeWorkbook(sheetName: string, columns: { header: string; width: number }[], rows: (string | number | null)[][], notes?: string[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  if (notes) {
    const help = workbook.addWorksheet('说明');
    for (const line of notes) help.addRow(line).commit();
    help.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The template staff download: Chinese headers and a sheet that explains the allowed values. */
export async function buildImportTemplate(): Promise<Buffer> {
  const columns = IMPORT_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width }));
  const notes = [
    ['带 * 的列必填。身份证号请按文本填写（18 位，末位可为 X），不要使用公式或合并单元格。'],
    ['工会编码：基层工会或片区联合工会的编码，例如 JB-GYQ-LH。'],
    ['用工形式：', ...Object.values(EMPLOYMENT_FORM_LABELS)],
    ['是否农民工：是 / 否'],
    ['所在街道代码：9 位统计用区划代码，例如 500105006（观音桥街道）。'],
  ];
  return writeWorkbook('会员', columns, [], notes);
}

/**
 * How many rows the first worksheet has, for the progress line, without parsing the workbook: the
 * `<dimension ref="A1:J100001"/>` Excel writes at the top of the sheet, or else a count of `<row`
 * tags while inflating the sheet's zip entry. Null when the archive is not as expected.
 */
export async function estimateSheetRows(file: Buffer): Promise<number | null> {
  try {
    // End of central directory: the last 22+ bytes; then the central directory's entries.
    const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return null;
    let at = file.readUInt32LE(eocd + 16);
    const entries = file.readUInt16LE(eocd + 10);
    let entry: { method: number; size: number; offset: number } | undefined;
    for (let i = 0; i < entries && file.readUInt32LE(at) === 0x02014b50; i++) {
      const nameLength = file.readUInt16LE(at + 28);
      const name = file.toString('utf8', at + 46, at + 46 + nameLength);
      if (/^xl\/worksheets\/sheet1\.xml$/i.test(name)) entry = { method: file.readUInt16LE(at + 10), size: file.readUInt32LE(at + 20), offset: file.readUInt32LE(at + 42) };
      at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    }
    if (!entry) return null;
    const start = entry.offset + 30 + file.readUInt16LE(entry.offset + 26) + file.readUInt16LE(entry.offset + 28);
    const data = file.subarray(start, start + entry.size);
    const source = entry.method === 8 ? Readable.from([data]).pipe(zlib.createInflateRaw()) : Readable.from([data]);
    let rows = 0;
    let carry = '';
    let isFirst = true;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const text = carry + chunk.toString('latin1');
      if (isFirst) {
        isFirst = false;
        const dimension = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(text);
        if (dimension) {
          source.destroy();
          return Number(dimension[1]) - 1;
        }
      }
      for (let i = text.indexOf('<row'); i >= 0 && i < text.length - 4; i = text.indexOf('<row', i + 4)) rows++;
      carry = text.slice(-4);
    }
    return Math.max(0, rows - 1);
  } catch {
    return null;
  }
}
