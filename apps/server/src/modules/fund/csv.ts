/**
 * A small strict CSV reader (RFC 4180): comma-separated, fields optionally in double quotes with
 * "" for a quote, CRLF or LF line ends, UTF-8 with or without BOM. Errors name line and column.
 */
export type CsvError = { line: number; column: number; message: string };

export function parseCsv(text: string): { rows: { line: number; fields: string[] }[]; errors: CsvError[] } {
  const rows: { line: number; fields: string[] }[] = [];
  const errors: CsvError[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let col = 1;
  let field = '';
  let fields: string[] = [];
  let rowLine = 1;
  let inQuotes = false;
  let wasQuoted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
          col++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') {
          line++;
          col = 0;
        }
        field += ch;
      }
    } else if (ch === '"') {
      if (field !== '' || wasQuoted) {
        // A quote inside an unquoted field: reported, and read as a character so one error stays one.
        errors.push({ line, column: col, message: 'CSV_QUOTE_MISPLACED' });
        field += ch;
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
    } else {
      if (wasQuoted) errors.push({ line, column: col, message: 'CSV_TEXT_AFTER_QUOTE' });
      field += ch;
    }
    col++;
  }
  if (inQuotes) errors.push({ line, column: col, message: 'CSV_QUOTE_UNCLOSED' });
  else if (field !== '' || fields.length) endRow();
  return { rows, errors };
}
