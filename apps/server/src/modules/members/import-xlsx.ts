import { PassThrough, Readable } from 'node:stream';
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

/**
 * Reads the first worksheet as a stream: rows beyond `maxRows` stop the read (a file of a million
 * rows is refused after the cap, not loaded), empty rows are skipped, headers are matched by name.
 */
export async function readImportSheet(file: Buffer, maxRows: number, onRow: (row: SheetRow) => Promise<void>): Promise<number> {
  // A zip archive starts with "PK\x03\x04"; anything else (a .xls, a CSV or a renamed file) is not .xlsx.
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) throw new ImportFileError('IMPORT_NOT_XLSX');
  let count = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
    for await (const sheet of reader) {
      let columns: Map<number, ImportColumnKey> | undefined;
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
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
        await onRow({ row: row.number, cells });
      }
      if (!columns) throw new ImportFileError('IMPORT_EMPTY');
      break; // only the first worksheet
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('IMPORT_NOT_XLSX');
  }
  return count;
}

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
