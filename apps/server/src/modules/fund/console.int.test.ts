import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../platform/spreadsheet/testing';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { shanghaiDay } from './contribution';
import { posInject, saleOf } from './fund.test-support';

let t: TestApp;
let admin: Client;
let gyq: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
});
afterAll(() => t.close());

const xlsx = async (rows: (string | number)[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('卡');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const upload = (file: Buffer) =>
  t.app.inject({ method: 'POST', url: '/api/v1/breakfast-cards/imports?fileName=cards.xlsx', headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: file });

describe('shops and terminals', () => {
  it('creates a shop under a position with the default 10-fen rule and its ledger accounts, audited', async () => {
    const [pos] = await t.database.query<{ id: string }>("select p.id from position p join org o on o.id = p.org_id where o.code = 'JB-GYQ' and p.id not in (select position_id from fund_shop) limit 1");
    const res = await gyq.post('/api/v1/fund-shops', { code: 'SHOP-T1', name: '测试小卖部', positionId: pos!.id, operatorName: '重庆测试商贸有限公司' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.currentRule).toMatchObject({ kind: 'fixed', fixedFen: 10 });
    const accounts = await t.database.query<{ kind: string }>('select kind from fund_account where shop_id = $1 or position_id = $2 order by kind', [res.body.id, pos!.id]);
    expect(accounts.map((a) => a.kind)).toEqual(['shop_contributions', 'station_breakfasts']);
    const audit = await t.database.query<{ action: string }>('select action from audit_entry where entity_id = $1', [res.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['fund_shop.create']);
    const dup = await gyq.post('/api/v1/fund-shops', { code: 'SHOP-T1', name: '测试小卖部', positionId: pos!.id, operatorName: '重庆测试商贸有限公司' });
    expect(dup.status).toBe(409);
  });

  it('hides shops outside the caller’s scope (404) and refuses positions outside it', async () => {
    const shops = await admin.get('/api/v1/fund-shops?pageSize=50');
    const [outside] = await t.database.query<{ id: string }>("select s.id from fund_shop s join org o on o.id = s.org_id where o.path not like (select path from org where code = 'JB-GYQ') || '%' limit 1");
    expect((await gyq.get(`/api/v1/fund-shops/${outside!.id}`)).status).toBe(404);
    expect((await gyq.get('/api/v1/fund-shops?pageSize=50')).body.total).toBeLessThan(shops.body.total);
    const [pos] = await t.database.query<{ id: string }>("select p.id from position p join org o on o.id = p.org_id where o.code = 'JB-WLD' limit 1");
    const res = await gyq.post('/api/v1/fund-shops', { code: 'SHOP-T2', name: '越权小卖部', positionId: pos!.id, operatorName: '重庆测试商贸有限公司' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('positionId');
  });

  it('refuses a bps rule without its basis points, naming the field', async () => {
    const shops = await admin.get('/api/v1/fund-shops?pageSize=1');
    const res = await admin.post(`/api/v1/fund-shops/${shops.body.items[0].id}/rules`, { kind: 'bps', effectiveFrom: '2030-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('bps');
  });
});

describe('breakfast card import', () => {
  it('checks every row, reports the bad ones by row and column, and commits the valid ones', async () => {
    const file = await xlsx([
      ['姓名*', '手机号*', '单位', '有效期至'],
      ['王大明', '13911112222', '江北区城市管理局', '2030-12-31'],
      ['李', '13911113333', '', ''],
      ['张小红', '12345', '', ''],
      ['赵四', '13911112222', '', ''],
      ['刘五', '13911114444', '', '2030-02-30'],
      ['陈六', '13911115555', '', ''],
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(202);
    const batch = JSON.parse(res.body);
    expect(batch).toMatchObject({ status: 'checked', totalRows: 6, validRows: 2, errorRows: 4 });
    expect(batch.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '姓名'],
      [4, '手机号'],
      [5, '手机号'],
      [6, '有效期至'],
    ]);
    expect(JSON.stringify(batch)).not.toContain('13911112222');
    expect((await upload(file)).statusCode).toBe(200);
    const strict = await admin.post(`/api/v1/breakfast-cards/imports/${batch.id}/commit`, { version: batch.version, mode: 'all_or_nothing' });
    expect(strict.status).toBe(409);
    const done = await admin.post(`/api/v1/breakfast-cards/imports/${batch.id}/commit`, { version: batch.version, mode: 'only_valid' });
    expect(done.status, JSON.stringify(done.body)).toBe(202);
    expect(done.body).toMatchObject({ status: 'committed', committedRows: 2 });
    const cards = await admin.get('/api/v1/breakfast-cards?q=王大明');
    expect(cards.body.items[0]).toMatchObject({ holderName: '王大明', holderPhoneMasked: '139****2222', validUntil: '2030-12-31' });
  });

  it('refuses a file that is not .xlsx or lacks the required columns', async () => {
    expect(JSON.parse((await upload(Buffer.from('name,phone\n'))).body).code).toBe('IMPORT_NOT_XLSX');
    expect(JSON.parse((await upload(await xlsx([['姓名'], ['王']]))).body).code).toBe('IMPORT_HEADERS_MISSING');
  });

  it('takes phones as people type them (+86, 0086, spaces, dashes) and finds repeats among them', async () => {
    const res = await upload(
      await xlsx([
        ['姓名*', '手机号*'],
        ['钱七', '+86 139-2222-0001'],
        ['孙八', '0086 13922220002'],
        ['周九', '139 2222 0001'],
        ['吴十', 13922220003],
      ]),
    );
    const batch = JSON.parse(res.body);
    expect(batch).toMatchObject({ totalRows: 4, validRows: 3, errorRows: 1, errorCount: 1 });
    expect(batch.errors[0]).toMatchObject({ row: 4, code: 'FUND_IMPORT_PHONE_REPEATED' });
  });

  it('refuses an .xlsx bomb (a small file that unpacks to hundreds of MB) at once', async () => {
    const bomb = await xlsxBomb(300, { lie: true, headers: ['姓名*', '手机号*'] });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const batches = async () => (await t.database.query('select 1 from breakfast_card_import')).length;
    const before = await batches();
    const res = await upload(bomb);
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'IMPORT_UNPACKED_TOO_LARGE', title: '文件解压后过大，未读取' });
    expect(await batches()).toBe(before);
  }, 600_000);
});

describe('custodian and reports', () => {
  it('refuses a transfer above what the fund has collected, an absurd amount, or a date after today', async () => {
    const funds = await admin.get('/api/v1/funds');
    const [collected] = await t.database.query<{ balance_fen: string }>("select balance_fen from fund_account where kind = 'collected' and fund_id = $1", [funds.body.items[0].id]);
    const available = Number(collected!.balance_fen);
    expect(available).toBeGreaterThan(0);
    const today = shanghaiDay(new Date());
    const over = await admin.post('/api/v1/fund-custodian/transfers', { amountFen: available + 1, transferredOn: today, reference: 'T-OVER' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'FUND_TRANSFER_EXCEEDS_COLLECTED', detail: `目前待缴存（经营方代收）余额为 ¥${(available / 100).toFixed(2)}` });
    const absurd = await admin.post('/api/v1/fund-custodian/transfers', { amountFen: 9e15, transferredOn: today, reference: 'T-HUGE' });
    expect(absurd.status).toBe(400);
    expect(absurd.body.errors[0].path).toBe('amountFen');
    const future = await admin.post('/api/v1/fund-custodian/transfers', { amountFen: 100, transferredOn: shanghaiDay(new Date(Date.now() + 2 * 86_400_000)), reference: 'T-FUTURE' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ path: 'transferredOn', message: '缴存日期不能晚于今天' });
    expect(await t.database.query("select 1 from custodian_transfer where reference like 'T-%'")).toHaveLength(0);
  });

  it('reconciles transfers against the statement CSV and lists every difference with its entries', async () => {
    // Days 10–14 of last month: a closed month (booked now, dated then), clear of the demo's transfers on the 5th.
    const lastMonth = shanghaiDay(new Date(Date.now() - 35 * 86_400_000)).slice(0, 8);
    const d = (n: number) => `${lastMonth}${String(n).padStart(2, '0')}`;
    const a = await admin.post('/api/v1/fund-custodian/transfers', { amountFen: 100_000, transferredOn: d(10), reference: 'T-A' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    await admin.post('/api/v1/fund-custodian/transfers', { amountFen: 50_000, transferredOn: d(11), reference: 'T-B' });
    await admin.post('/api/v1/fund-custodian/transfers', { amountFen: 70_000, transferredOn: d(12), reference: 'T-C' });
    expect((await admin.post('/api/v1/fund-custodian/transfers', { amountFen: 1, transferredOn: d(12), reference: 'T-C' })).status).toBe(409);
    const csv = `date,reference,amount_fen,description\n${d(10)},T-A,100000,转入\n${d(11)},T-B,49000,"转入, 少了"\n${d(14)},T-X,3000,利息\n`;
    const imp = await admin.request('POST', '/api/v1/fund-custodian/statements?fileName=ccb.csv', csv, { 'content-type': 'text/csv' });
    expect(imp.status, JSON.stringify(imp.body)).toBe(201);
    expect(imp.body).toMatchObject({ lineCount: 3, totalFen: 152_000, fromDate: d(10), toDate: d(14) });
    const rec = await admin.get(`/api/v1/fund-custodian/reconciliation?from=${d(8)}&to=${d(20)}`);
    expect(rec.body.matchedCount).toBe(1);
    const kinds = rec.body.differences.map((d: { kind: string; reference: string }) => `${d.kind}:${d.reference}`).sort();
    expect(kinds).toEqual(['amount_mismatch:T-B', 'missing_in_ledger:T-X', 'missing_in_statement:T-C']);
    const mismatch = rec.body.differences.find((d: { reference: string }) => d.reference === 'T-B');
    expect(mismatch.entries[0]).toMatchObject({ amountFen: 50_000 });
    expect(mismatch.statementLine).toBe(3);
  });

  it('takes a bank’s own export: Chinese headers in its order, yuan amounts, 收入/支出 in two columns', async () => {
    const csv = '\uFEFF交易日期,交易时间,交易流水号,收入金额(元),支出金额(元),余额(元),摘要\n2025年2月10日,09:30:00,ZH-1,"1,000.50",,1000.50,工会经费转入\n2025/02/11,10:00:00,ZH-2,,0.50,1000.00,手续费\n20250220,16:00:00,ZH-3,0.35,,1000.35,利息\n';
    const imp = await admin.request('POST', `/api/v1/fund-custodian/statements?fileName=${encodeURIComponent('建行对账单.csv')}`, csv, { 'content-type': 'text/csv' });
    expect(imp.status, JSON.stringify(imp.body)).toBe(201);
    expect(imp.body).toMatchObject({ lineCount: 3, totalFen: 100_035, fromDate: '2025-02-10', toDate: '2025-02-20', fileName: '建行对账单.csv' });
    const rec = await admin.get('/api/v1/fund-custodian/reconciliation?from=2025-02-01&to=2025-02-28');
    const missing = rec.body.differences.filter((d: { kind: string }) => d.kind === 'missing_in_ledger').map((d: { reference: string; statementAmountFen?: number }) => d.reference);
    expect(missing.sort()).toEqual(['ZH-1', 'ZH-2', 'ZH-3']);
    const bad = await admin.request('POST', '/api/v1/fund-custodian/statements', '交易日期,流水号,金额（元）,摘要\n2025-02-12,ZH-9,12.345,x\n', { 'content-type': 'text/csv', 'accept-language': 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'line 2, column 3', message: 'The amount must be in yuan with at most two decimals (such as 1,234.50)' })]);
  });

  it('answers a 1.1 MB statement of bad lines with the first errors and their count, not an error per line', async () => {
    const csv = 'date,reference,amount_fen,description\n' + '2031-13-01,,1.5,xxxxxxxx\n'.repeat(45_000);
    expect(csv.length).toBeGreaterThan(1.1e6);
    const res = await admin.request('POST', '/api/v1/fund-custodian/statements', csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body).length).toBeLessThan(40_000);
    expect(res.body).toMatchObject({ code: 'FUND_CSV_INVALID', errorCount: 135_000 });
    expect(res.body.errors).toHaveLength(101);
    expect(res.body.errors[0]).toMatchObject({ path: 'line 2, column 1', message: expect.stringMatching(/^日期应为 YYYY-MM-DD/) });
    expect(res.body.errors.at(-1)).toMatchObject({ code: 'ERRORS_NOT_LISTED', message: '另有 134,900 处错误未列出' });
  });

  it('refuses a bad statement CSV naming line and column, and stores nothing', async () => {
    const res = await admin.request('POST', '/api/v1/fund-custodian/statements', 'date,reference,amount_fen,description\n2031-13-01,T-1,10,x\n2031-01-02,,1.5,y\n', { 'content-type': 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FUND_CSV_INVALID');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['line 2, column 1', 'line 3, column 2', 'line 3, column 3']);
    expect(await t.database.query('select 1 from custodian_statement where line_count = 2')).toHaveLength(0);
  });

  it('reports contributions by shop, station, day and month, breakfasts, and a statement that adds up, as JSON and .xlsx', async () => {
    const shops = await admin.get('/api/v1/fund-shops?pageSize=1');
    const reg = await admin.post('/api/v1/pos-terminals', { shopId: shops.body.items[0].id, name: '报表测试' });
    await posInject(t.app, { keyId: reg.body.keyId, secret: reg.body.secret }, '/api/v1/pos/sales', { sales: [saleOf(1000), saleOf(2000)] });
    const to = shanghaiDay(new Date());
    const from = shanghaiDay(new Date(Date.now() - 400 * 86_400_000));
    const byDay = await admin.get(`/api/v1/fund-reports/contributions?from=${from}&to=${to}&groupBy=day`);
    const byShop = await admin.get(`/api/v1/fund-reports/contributions?from=${from}&to=${to}&groupBy=shop`);
    const byMonth = await admin.get(`/api/v1/fund-reports/contributions?from=${from}&to=${to}&groupBy=month`);
    expect(byDay.status).toBe(200);
    expect(byShop.body.rows).toHaveLength(20);
    expect(byDay.body.totals).toEqual(byShop.body.totals);
    expect(byMonth.body.totals).toEqual(byShop.body.totals);
    const summary = await t.anon.get('/api/v1/public/fund/summary');
    expect(byShop.body.totals.contributionFen).toBe(summary.body.totalFen);
    const breakfasts = await admin.get(`/api/v1/fund-reports/breakfasts?from=${from}&to=${to}&groupBy=station`);
    expect(breakfasts.body.totals.breakfasts).toBe(summary.body.totalBreakfasts);
    const st = await t.anon.get(`/api/v1/public/fund/statement?from=${from}&to=${to}`);
    expect(st.status).toBe(200);
    expect(st.body.openingFen + st.body.inFen - st.body.outFen).toBe(st.body.closingFen);
    expect(st.body.closingFen).toBe(summary.body.balanceFen);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/fund-reports/statement.xlsx?from=${from}&to=${to}`, headers: { cookie: admin.cookie! } });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('项目');
    expect((await admin.get(`/api/v1/fund-reports/contributions?from=${to}&to=${from}`)).status).toBe(400);
  });
});
