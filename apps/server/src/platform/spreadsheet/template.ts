import { readSheetRows, spreadsheetError, type Cell, type ReadOptions, type SpreadsheetLimits } from './read';

/** A column of an import template: its key in code, its header in the sheet. */
export type TemplateColumn<K extends string = string> = { readonly key: K; readonly header: string; readonly required: boolean };
/** A data row by template column (columns the file lacks, or left empty, are undefined). */
export type TemplateRow<K extends string> = { row: number; cells: Partial<Record<K, Cell>> };

/** Headers match whatever the staff typed around them: spaces, the required mark, colons, brackets. */
export const normaliseHeader = (text: string) => text.replace(/[\s*＊:：()（）]/g, '');

/**
 * The rows of a sheet laid out as a template: the first non-empty row is the header, matched to
 * the template's columns by name (other columns are ignored); then every non-empty data row by
 * column key. Refuses a sheet without a required column (IMPORT_HEADERS_MISSING), with more than
 * `maxRows` data rows (IMPORT_TOO_MANY_ROWS, found while reading) or with none (IMPORT_EMPTY).
 */
export async function* readTemplateRows<K extends string>(file: Buffer, columns: readonly TemplateColumn<K>[], limits: Partial<SpreadsheetLimits> = {}, opts: ReadOptions = {}): AsyncGenerator<TemplateRow<K>> {
  let mapping: Map<number, K> | undefined;
  let count = 0;
  for await (const { row, cells } of readSheetRows(file, limits, opts)) {
    if (!mapping) {
      mapping = new Map();
      for (const [i, cell] of cells.entries()) {
        const text = cell ? normaliseHeader(cell.text) : '';
        const column = text ? columns.find((c) => normaliseHeader(c.header) === text) : undefined;
        if (column && ![...mapping.values()].includes(column.key)) mapping.set(i, column.key);
      }
      const missing = columns.filter((c) => c.required && ![...mapping!.values()].includes(c.key)).map((c) => c.header);
      if (missing.length) throw spreadsheetError('IMPORT_HEADERS_MISSING', { columns: missing.join('、') });
      continue;
    }
    const mapped: Partial<Record<K, Cell>> = {};
    let isEmpty = true;
    for (const [i, key] of mapping) {
      const cell = cells[i];
      if (!cell) continue;
      mapped[key] = cell;
      isEmpty = false;
    }
    if (isEmpty) continue;
    count++;
    if (limits.maxRows !== undefined && count > limits.maxRows) throw spreadsheetError('IMPORT_TOO_MANY_ROWS', { max: limits.maxRows });
    yield { row, cells: mapped };
  }
  if (!count) throw spreadsheetError('IMPORT_EMPTY');
}

export type CellProblem = 'IMPORT_CELL_FORMULA' | 'IMPORT_CELL_ERROR' | 'IMPORT_CELL_NUMBER_TOO_LONG' | 'IMPORT_CELL_TOO_LONG';
/** A cell as text, or why it cannot be taken as text. */
export type CellText = { text: string; problem?: undefined } | { text?: undefined; problem: CellProblem };

/**
 * A cell as the text an import checks. `formulas: 'refuse'` treats any formula as a problem (an ID
 * number must be typed, not computed); `'result'` takes the result Excel saved with it. A number
 * beyond 15 significant digits has lost its last digits in Excel (an 18-digit ID typed as a number):
 * `longNumbers: 'refuse'` reports it.
 */
export function cellText(cell: Cell | undefined, opts: { formulas: 'refuse' | 'result'; longNumbers?: 'refuse' | 'keep' }): CellText {
  if (!cell) return { text: '' };
  if (cell.isTooLong) return { problem: 'IMPORT_CELL_TOO_LONG' };
  if (cell.type === 'error') return { problem: 'IMPORT_CELL_ERROR' };
  if (cell.isFormula && (opts.formulas === 'refuse' || cell.text === '')) return { problem: 'IMPORT_CELL_FORMULA' };
  switch (cell.type) {
    case 'number': {
      const n = Number(cell.text);
      if (!Number.isFinite(n)) return { text: cell.text.trim() };
      if (opts.longNumbers === 'refuse' && !Number.isSafeInteger(n) && Math.abs(n) > 1e15) return { problem: 'IMPORT_CELL_NUMBER_TOO_LONG' };
      return { text: String(n) };
    }
    case 'boolean':
      return { text: cell.text === '1' ? '是' : '否' };
    case 'text':
    case 'date':
      return { text: cell.text.trim() };
  }
}
