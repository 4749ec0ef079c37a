/**
 * The one way the server reads a spreadsheet or a CSV that someone uploaded (issue 9, point 5).
 *
 * Every read is bounded before and while it works: the file's size; for an .xlsx, the sizes its
 * zip directory declares for the parts we read (checked before inflating anything) and the bytes
 * those parts really inflate to (checked while inflating, so a "zip bomb" that lies about its sizes
 * stops at the declared size); rows, columns that hold a value, and the length of one cell. Parsing
 * runs in a worker thread whose heap is capped (at most two such threads per process; more readers
 * wait), streaming: rows come out in batches while the sheet is still being inflated, and the worker
 * parses the next batch only when the last was taken. Refusals are AppErrors with zh-CN and English
 * messages (`IMPORT_NOT_XLSX`, `IMPORT_FILE_TOO_LARGE`, `IMPORT_UNPACKED_TOO_LARGE`,
 * `IMPORT_TOO_MANY_ROWS`, `IMPORT_TOO_MANY_COLUMNS`, `IMPORT_HEADERS_MISSING`, `IMPORT_EMPTY`,
 * `IMPORT_FILE_TOO_COMPLEX` when the worker's heap runs out).
 *
 * Use:
 * ```ts
 * const COLUMNS = [{ key: 'name', header: '姓名', required: true }, { key: 'phone', header: '手机号', required: false }] as const;
 * for await (const { row, cells } of readTemplateRows(file, COLUMNS, { maxRows: 5000, maxFileBytes: 5 << 20 })) {
 *   const name = cellText(cells.name, { formulas: 'refuse' });   // { text } or { problem }
 * }
 * const { rows, problems, problemCount } = await readCsv(body, { maxRows: 50_000 });
 * ```
 * Error lists that go back to a caller are capped by the error handler (first 100 plus a count);
 * keep per-row reports in the batch and return their first entries with the total.
 */
export { DEFAULT_SPREADSHEET_LIMITS, readCsv, readSheetRows, spreadsheetError, type Cell, type CellType, type CsvProblem, type CsvRow, type ReadOptions, type SheetRow, type SpreadsheetLimits } from './read';
export { cellText, normaliseHeader, readTemplateRows, type CellProblem, type CellText, type TemplateColumn, type TemplateRow } from './template';
export { looksLikeZip as looksLikeXlsx } from './zip.mjs';
