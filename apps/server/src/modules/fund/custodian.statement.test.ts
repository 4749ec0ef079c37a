import { describe, expect, it } from 'vitest';
import { readStatementCsv, statementDate, yuanToFen } from './custodian.service';
import './fund.errors';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('a custodian statement as banks export it (issue 10 point 7)', () => {
  it('turns yuan as banks print them into whole fen, exactly', () => {
    expect(yuanToFen('1234.50')).toBe(123_450);
    expect(yuanToFen('¥1,234.5')).toBe(123_450);
    expect(yuanToFen('￥ 0.07')).toBe(7);
    expect(yuanToFen('-12.30')).toBe(-1_230);
    expect(yuanToFen('+8')).toBe(800);
    // 0.1 + 0.2 in floating point is 0.30000000000000004; here it is 30 fen.
    expect(yuanToFen('0.30')).toBe(30);
    expect(yuanToFen('9999999999999.99')).toBe(999_999_999_999_999);
    for (const bad of ['', '1.234', '1.2.3', 'abc', '12元', '1e5', '--1', '.5']) expect(yuanToFen(bad), bad).toBeUndefined();
  });

  it('reads the dates banks write', () => {
    expect(statementDate('2026-11-03')).toBe('2026-11-03');
    expect(statementDate('2026/11/3')).toBe('2026-11-03');
    expect(statementDate('20261103')).toBe('2026-11-03');
    expect(statementDate('2026年11月3日')).toBe('2026-11-03');
    expect(statementDate('2026-11-03 10:22:01')).toBe('2026-11-03');
    for (const bad of ['2026-02-30', '2026-13-01', '26-11-03', '11/03/2026', '2026年11月', '']) expect(statementDate(bad), bad).toBeUndefined();
  });

  it('takes the Chinese header in any order, amounts in yuan, extra columns ignored', async () => {
    const read = await readStatementCsv(csv('\uFEFF摘要, 交易日期 ,金额（元）,流水号,余额\n工会经费转入,2026/11/03,"1,000.00",CCB-1,5000.00\n利息,2026-11-20,0.35,CCB-2,5000.35\n'), 'zh-CN');
    expect(read.errors).toEqual([]);
    expect(read.lines).toEqual([
      { line: 2, date: '2026-11-03', reference: 'CCB-1', amountFen: 100_000, description: '工会经费转入' },
      { line: 3, date: '2026-11-20', reference: 'CCB-2', amountFen: 35, description: '利息' },
    ]);
  });

  it('reads a GBK export with 收入 and 支出 in two columns', async () => {
    // 交易日期,交易时间,交易流水号,收入金额(元),支出金额(元),余额,摘要 / 2026年11月3日,10:22:01,CCB-0001,"1,234.50",,1234.50,工会经费转入 — encoded GBK, as 网银 saves it.
    const gbk = Buffer.from(
      'bdbbd2d7c8d5c6da2cbdbbd2d7cab1bce42cbdbbd2d7c1f7cbaebac52ccad5c8ebbdf0b6ee28d4aa292cd6a7b3f6bdf0b6ee28d4aa292cd3e0b6ee2cd5aad2aa0d0a32303236c4ea3131d4c233c8d52c31303a32323a30312c4343422d303030312c22312c3233342e3530222c2c313233342e35302cb9a4bbe1beadb7d1d7aac8eb0d0a',
      'hex',
    );
    const read = await readStatementCsv(gbk, 'zh-CN');
    expect(read.errors).toEqual([]);
    expect(read.lines).toEqual([{ line: 2, date: '2026-11-03', reference: 'CCB-0001', amountFen: 123_450, description: '工会经费转入' }]);
    const out = await readStatementCsv(csv('交易日期,流水号,收入金额,支出金额,摘要\n2026-11-04,CCB-3,,20.00,手续费\n2026-11-05,CCB-4,,,空\n2026-11-06,CCB-5,1.00,2.00,两边\n'), 'zh-CN');
    expect(out.lines[0]).toMatchObject({ reference: 'CCB-3', amountFen: -2_000 });
    expect(out.errors.map((e) => [e.path, e.message])).toEqual([
      ['line 3, column 3', '收入金额和支出金额应填且只填一项'],
      ['line 4, column 3', '收入金额和支出金额应填且只填一项'],
    ]);
  });

  it('names the column of a bad yuan amount, in the caller’s language, and both headers when it knows neither', async () => {
    const bad = await readStatementCsv(csv('交易日期,流水号,金额,摘要\n2026-11-03,CCB-1,12.345,x\n'), 'en');
    expect(bad.errors).toEqual([{ path: 'line 2, column 3', code: 'FUND_CSV_AMOUNT_YUAN', message: 'The amount must be in yuan with at most two decimals (such as 1,234.50)' }]);
    const unknown = await readStatementCsv(csv('日期,金额\n2026-11-03,1\n'), 'zh-CN');
    expect(unknown.errors[0]!.message).toBe('第一行应为表头：交易日期,流水号,金额（元）,摘要（金额以元计），或 date,reference,amount_fen,description（金额以分计）');
    const short = await readStatementCsv(csv('交易日期,流水号,金额,摘要\n2026-11-03,CCB-1,1\n'), 'zh-CN');
    expect(short.errors[0]).toMatchObject({ path: 'line 2, column 4', message: '每行应有 4 列，与表头相同' });
  });
});
