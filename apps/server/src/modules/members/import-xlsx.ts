import { PassThrough } from 'node:stream';
import type { EmploymentForm } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import type { CellText } from '../../platform/spreadsheet';

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
  // The register columns (issue 10 point 7): optional; an empty cell leaves what staff recorded.
  { key: 'ethnicity', header: '民族', required: false, width: 10 },
  { key: 'politicalStatus', header: '政治面貌', required: false, width: 14 },
  { key: 'education', header: '文化程度', required: false, width: 16 },
  { key: 'hukouPlace', header: '户籍所在地', required: false, width: 20 },
  { key: 'isHardship', header: '是否困难职工', required: false, width: 12 },
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

/** A data row by template column, each cell as text or the reason it cannot be read (platform/spreadsheet). */
export type SheetRow = { row: number; cells: Partial<Record<ImportColumnKey, CellText>> };

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
