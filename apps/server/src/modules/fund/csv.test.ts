import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('strict CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    const { rows, errors } = parseCsv('\ufeffdate,reference,amount_fen,description\r\n2024-08-01,T1,1000,"转入, 江北"\r\n2024-08-02,T2,5,"say ""hi"""\n');
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.fields)).toEqual([
      ['date', 'reference', 'amount_fen', 'description'],
      ['2024-08-01', 'T1', '1000', '转入, 江北'],
      ['2024-08-02', 'T2', '5', 'say "hi"'],
    ]);
    expect(rows[2]!.line).toBe(3);
  });

  it('names line and column of a stray quote and an unclosed one', () => {
    expect(parseCsv('a,b\nx,y"z\n').errors).toEqual([{ line: 2, column: 4, message: 'CSV_QUOTE_MISPLACED' }]);
    expect(parseCsv('a,"b\n').errors[0]).toMatchObject({ message: 'CSV_QUOTE_UNCLOSED' });
  });
});
