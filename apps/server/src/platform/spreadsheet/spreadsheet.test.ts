import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText, readCsv, readSheetRows, readTemplateRows, type SheetRow } from './index';
import { excelDate, isDateFormat } from './xlsx.mjs';
import { readCentralDirectory } from './zip.mjs';
import { deflatedPart, xlsxBomb, xlsxWithSheet } from './testing';

const collect = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
};
const codeOf = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as { code?: string } | null)?.code;

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('表'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Peak resident memory of this process while `work` runs (sampled every 20 ms). */
async function peakRss(work: () => Promise<unknown>): Promise<{ result: unknown; growthMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let result: unknown;
  try {
    result = await work();
  } catch (error) {
    result = error;
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, growthMb: (peak - start) / 1024 / 1024 };
}

describe('the bounded .xlsx reader', () => {
  it('reads text, numbers, dates, booleans, formulas, errors and rich text as ExcelJS wrote them', async () => {
    const file = await workbook((s) => {
      s.addRow(['姓名', '数字', '日期', '布尔', '公式', '错误', '富文本']);
      s.addRow([' 张三 ', 106.531, new Date(Date.UTC(2026, 11, 31)), true, { formula: 'A1&"x"', result: '姓名x' }, { error: '#N/A' }, { richText: [{ text: '红' }, { text: '旗' }] }]);
      s.addRow([]);
      s.addRow([null, 500105199507070770]);
    });
    const rows = await collect(readSheetRows(file));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    const [, data, last] = rows as [SheetRow, SheetRow, SheetRow];
    expect(data.cells.map((c) => c && [c.type, c.text, c.isFormula])).toEqual([
      ['text', ' 张三 ', false],
      ['number', '106.531', false],
      ['date', '2026-12-31', false],
      ['boolean', '1', false],
      ['text', '姓名x', true],
      ['error', '#N/A', false],
      ['text', '红旗', false],
    ]);
    expect(cellText(data.cells[0], { formulas: 'refuse' })).toEqual({ text: '张三' });
    expect(cellText(data.cells[4], { formulas: 'refuse' })).toEqual({ problem: 'IMPORT_CELL_FORMULA' });
    expect(cellText(data.cells[4], { formulas: 'result' })).toEqual({ text: '姓名x' });
    expect(cellText(data.cells[5], { formulas: 'result' })).toEqual({ problem: 'IMPORT_CELL_ERROR' });
    expect(cellText(data.cells[3], { formulas: 'result' })).toEqual({ text: '是' });
    // An 18-digit ID typed as a number has lost its last digits in Excel.
    expect(cellText(last.cells[1], { formulas: 'refuse', longNumbers: 'refuse' })).toEqual({ problem: 'IMPORT_CELL_NUMBER_TOO_LONG' });
  });

  it('reads inline strings (the streaming writer) and finds the first sheet through the workbook', async () => {
    const sheet = '<worksheet><dimension ref="A1:B2"/><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>乙</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><r><t>甲</t></r><r><t>一</t></r></is></c></row></sheetData></worksheet>';
    let lastRow = 0;
    const rows = await collect(readSheetRows(xlsxWithSheet(sheet), {}, { onDimension: (n) => (lastRow = n) }));
    expect(rows.map((r) => [r.row, Array.from(r.cells, (c) => c?.text ?? null)])).toEqual([
      [1, [null, '乙']],
      [2, ['甲一']],
    ]);
    expect(lastRow).toBe(2);
  });

  it('knows date formats and Excel day numbers, 1900 and 1904 systems', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[$-804]yyyy/m/d')).toBe(true);
    expect(isDateFormat('#,##0.00" 元"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(excelDate(46387, false)).toBe('2026-12-31');
    expect(excelDate(59, false)).toBe('1900-02-28');
    expect(excelDate(61, false)).toBe('1900-03-01');
    expect(excelDate(0, true)).toBe('1904-01-01');
  });

  it('maps a template by header names, skips empty rows, and refuses missing headers, too many rows, or none', async () => {
    const columns = [
      { key: 'name', header: '姓名', required: true },
      { key: 'area', header: '面积（平方米）', required: false },
    ] as const;
    const file = await workbook((s) => {
      s.addRow(['其他', '姓名*', '面积 (平方米)']);
      s.addRow(['x', '甲', 12]);
      s.addRow(['只有无关列']);
      s.addRow([null, '乙']);
    });
    const rows = await collect(readTemplateRows(file, columns));
    expect(rows.map((r) => [r.row, r.cells.name?.text, r.cells.area?.text])).toEqual([
      [2, '甲', '12'],
      [4, '乙', undefined],
    ]);
    expect(await codeOf(collect(readTemplateRows(file, columns, { maxRows: 1 })))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(await codeOf(collect(readTemplateRows(file, [{ key: 'id', header: '身份证号', required: true }])))).toBe('IMPORT_HEADERS_MISSING');
    expect(await codeOf(collect(readTemplateRows(await workbook((s) => s.addRow(['姓名'])), columns)))).toBe('IMPORT_EMPTY');
  });

  it('refuses what is not an .xlsx, a file over its size, more columns than allowed, and flags a cell that is too long', async () => {
    expect(await codeOf(collect(readSheetRows(Buffer.from('姓名,身份证号\n'))))).toBe('IMPORT_NOT_XLSX');
    expect(await codeOf(collect(readSheetRows(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]))))).toBe('IMPORT_NOT_XLSX');
    expect(await codeOf(collect(readSheetRows(xlsxWithSheet('<worksheet><sheetData><row><c t="inlineStr"><is><t>unclosed</is></c></row></sheetData></worksheet>'))))).toBe('IMPORT_NOT_XLSX');
    const wide = await workbook((s) => s.addRow(Array.from({ length: 80 }, (_, i) => `列${i}`)));
    expect(await codeOf(collect(readSheetRows(wide, { maxFileBytes: 10 })))).toBe('IMPORT_FILE_TOO_LARGE');
    expect(await codeOf(collect(readSheetRows(wide, { maxColumns: 64 })))).toBe('IMPORT_TOO_MANY_COLUMNS');
    const long = await collect(readSheetRows(await workbook((s) => s.addRow(['短', '长'.repeat(5000)])), { maxCellChars: 100 }));
    expect(long[0]!.cells[1]).toMatchObject({ isTooLong: true, text: '长'.repeat(100) });
    expect(cellText(long[0]!.cells[1], { formulas: 'result' })).toEqual({ problem: 'IMPORT_CELL_TOO_LONG' });
  });

  it('refuses an archive that needs more than its budget, from the sizes it declares', async () => {
    const big = xlsxWithSheet(deflatedPart('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(40_000)}</sheetData></worksheet>`));
    expect(await codeOf(collect(readSheetRows(big, { maxUnpackedBytes: 1024 * 1024 })))).toBe('IMPORT_UNPACKED_TOO_LARGE');
    expect((await collect(readSheetRows(big, { maxUnpackedBytes: 4 * 1024 * 1024, maxRows: 50_000 }))).length).toBe(40_000);
  });

  describe('zip bombs (issue 9: 1.9 MB that expanded to 474 MB)', () => {
    let honest: Buffer;
    let lying: Buffer;
    beforeAll(async () => {
      honest = await xlsxBomb(400, { lie: false });
      lying = await xlsxBomb(400, { lie: true });
    }, 240_000);

    it('are small files that unpack to hundreds of MB', () => {
      expect(honest.length).toBeLessThan(3 * 1024 * 1024);
      expect(lying.length).toBeLessThan(3 * 1024 * 1024);
      expect(readCentralDirectory(honest).get('xl/worksheets/sheet1.xml')!.size).toBeGreaterThan(400 * 1000 * 1000);
    });

    it('refuses one that declares its size before inflating anything, with the memory of the process bounded', async () => {
      const { result, growthMb } = await peakRss(() => collect(readSheetRows(honest, { maxUnpackedBytes: 50 * 1024 * 1024, maxRows: 1_000_000 })));
      expect(result).toMatchObject({ code: 'IMPORT_UNPACKED_TOO_LARGE', status: 413 });
      expect(growthMb).toBeLessThan(150);
    });

    it('refuses one that lies about its size once the inflated bytes pass what it declared', async () => {
      // The budget is ample: only the declared 1 MB of the sheet, against the bytes that come out, catches it.
      const { result, growthMb } = await peakRss(() => collect(readSheetRows(lying, { maxUnpackedBytes: 1024 * 1024 * 1024, maxRows: 10_000_000, maxHeapMb: 256 })));
      expect(result).toMatchObject({ code: 'IMPORT_UNPACKED_TOO_LARGE' });
      expect(growthMb).toBeLessThan(150);
    });
  });
});

describe('the bounded CSV reader', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', async () => {
    const { rows, problems } = await readCsv(Buffer.from('\ufeffdate,reference,amount_fen,description\r\n2024-08-01,T1,1000,"转入, 江北"\r\n2024-08-02,T2,5,"say ""hi"""\n'));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.fields)).toEqual([
      ['date', 'reference', 'amount_fen', 'description'],
      ['2024-08-01', 'T1', '1000', '转入, 江北'],
      ['2024-08-02', 'T2', '5', 'say "hi"'],
    ]);
    expect(rows[2]!.line).toBe(3);
  });

  it('reads a GB18030 file (what Chinese Excel saves as CSV)', async () => {
    const gbk = Buffer.from([0xd7, 0xaa, 0xc8, 0xeb, 0x2c, 0x31, 0x0a]); // "转入,1"
    expect((await readCsv(gbk)).rows[0]!.fields).toEqual(['转入', '1']);
  });

  it('names line and column of a stray quote and an unclosed one, keeps the first problems and counts them all', async () => {
    expect((await readCsv(Buffer.from('a,b\nx,y"z\n'))).problems).toEqual([{ line: 2, column: 4, code: 'CSV_QUOTE_MISPLACED' }]);
    expect((await readCsv(Buffer.from('a,"b\n'))).problems[0]).toMatchObject({ code: 'CSV_QUOTE_UNCLOSED' });
    const many = await readCsv(Buffer.from('a,b\n' + 'x,y"z\n'.repeat(5000)), { maxRows: 10_000, maxProblems: 10 });
    expect(many.problems).toHaveLength(10);
    expect(many.problemCount).toBe(5000);
  });

  it('refuses too many rows or fields, and flags a field that is too long', async () => {
    expect(await codeOf(readCsv(Buffer.from('a\n'.repeat(20)), { maxRows: 10 }))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(await codeOf(readCsv(Buffer.from(`${'a,'.repeat(40)}a\n`), { maxColumns: 16 }))).toBe('IMPORT_TOO_MANY_COLUMNS');
    const { rows } = await readCsv(Buffer.from(`a,${'长'.repeat(1000)}\n`), { maxCellChars: 10 });
    expect(rows[0]).toMatchObject({ fields: ['a', '长'.repeat(10)], tooLong: [1] });
  });
});
