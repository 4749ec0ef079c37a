import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { HEADERS, idNumber, importHelpers, REGISTER_HEADERS, workbook } from './import-testing';

let t: TestApp;
let district: Client;
let gyq: Client;
let wld: Client;
let ids: Record<string, string>;
const { upload, commit, download } = importHelpers(() => t);
const ALL_HEADERS = [...HEADERS, ...REGISTER_HEADERS];

async function loadWorkbook(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  return wb;
}

const columnOf = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getColumn(n).values as ExcelJS.CellValue[]).slice(2).filter((v) => v !== null && v !== undefined).map(String);

/** The list validation that covers a cell (ExcelJS reads a range validation back under its range or per cell). */
function validationOf(sheet: ExcelJS.Worksheet, cell: string) {
  const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  return Object.entries(model).find(([address]) => address === cell || address.startsWith(`${cell}:`))?.[1];
}

const personOf = async (name: string) =>
  (await t.database.query<Record<string, unknown>>('select ethnicity, political_status, education, hukou_place, is_hardship from person where real_name = $1', [name]))[0];

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
  wld = await t.login('wld.admin');
  ids = {};
  for (const code of ['JB', 'JB-GYQ', 'JB-GYQ-LH', 'JB-WLD']) ids[code] = await t.orgId(code);
});
afterAll(() => t.close());

describe('the collective-join template', () => {
  it('has an example row, drop-down lists, and lists the caller’s own unions and streets', async () => {
    const res = await download(gyq, '/api/v1/members/imports/template');
    expect(res.status).toBe(200);
    const wb = await loadWorkbook(res.raw);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['会员', '代码表', '工会和街道', '说明']);
    const sheet = wb.getWorksheet('会员')!;
    expect((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(ALL_HEADERS);
    expect(sheet.getCell('A2').text).toMatch(/^示例/);
    expect(JSON.stringify(sheet.getCell('A2').note)).toContain('不会导入');
    // Drop-downs: 用工形式 (E), 是否农民工 (I), 民族 (K), 政治面貌 (L), 文化程度 (M), 是否困难职工 (O), from the 代码表 sheet.
    for (const [col, list] of [['E', 'A'], ['I', 'B'], ['K', 'C'], ['L', 'D'], ['M', 'E'], ['O', 'F']] as const) {
      const v = validationOf(sheet, `${col}2`);
      expect(v, col).toMatchObject({ type: 'list', formulae: [expect.stringContaining(`$${list}$2`)] });
    }
    const codes = wb.getWorksheet('代码表')!;
    expect(columnOf(codes, 1)).toContain('外卖骑手');
    expect(columnOf(codes, 3)).toHaveLength(56);
    expect(columnOf(codes, 4)).toContain('中共党员');
    // The street admin's unions and street, and nobody else's.
    const place = wb.getWorksheet('工会和街道')!;
    const unions = columnOf(place, 1);
    expect(unions).toContain('JB-GYQ-LH');
    expect(unions).not.toContain('JB-WLD-LH');
    // The example uses one of the caller's own union codes.
    expect(unions).toContain(sheet.getCell('D2').value);
    expect(columnOf(place, 2)).toContain('观音桥街道片区联合工会');
    expect(columnOf(place, 4)).toEqual(['500105006']);
    expect(columnOf(place, 5)).toEqual(['观音桥街道']);

    const other = await loadWorkbook((await download(wld, '/api/v1/members/imports/template')).raw);
    expect(columnOf(other.getWorksheet('工会和街道')!, 1)).toContain('JB-WLD-LH');
    expect(columnOf(other.getWorksheet('工会和街道')!, 1)).not.toContain('JB-GYQ-LH');
    // The district's template lists every street of the county.
    const whole = await loadWorkbook((await download(district, '/api/v1/members/imports/template')).raw);
    const streets = columnOf(whole.getWorksheet('工会和街道')!, 4);
    expect(streets).toEqual(expect.arrayContaining(['500105006', '500105007']));
  });

  it('adds nobody when sent back untouched, and skips the example row beside real ones', async () => {
    const template = (await download(gyq, '/api/v1/members/imports/template')).raw;
    const untouched = await upload(gyq, template, ids['JB-GYQ']!, '集中入会导入模板.xlsx');
    expect(untouched.body).toMatchObject({ status: 'failed', job: { error: { code: 'IMPORT_ONLY_EXAMPLE', title: '文件中只有示例行' } } });
    const wb = await loadWorkbook(template);
    wb.getWorksheet('会员')!.addRow(['模板新会员', idNumber('50010519880808081'), null, 'JB-GYQ-LH', '快递员']);
    const filled = await upload(gyq, Buffer.from(await wb.xlsx.writeBuffer()), ids['JB-GYQ']!, '观音桥第一批.xlsx');
    expect(filled.body).toMatchObject({ status: 'checked', totalRows: 1, validRows: 1, errorRows: 0 });
    const done = await commit(gyq, filled.body.id, { version: filled.body.version, mode: 'all_or_nothing' });
    expect(done.done.body).toMatchObject({ status: 'committed', committedRows: 1 });
    const made = await t.database.query<{ n: number }>("select count(*)::int as n from person where real_name like '示例%'");
    expect(made[0]!.n).toBe(0);
  });
});

describe('register columns in the import', () => {
  it('accepts names (and 民族 codes), refuses other values per row, and writes them on commit', async () => {
    const file = await workbook(
      [
        ['登记甲', idNumber('50010519860101011'), null, 'JB-GYQ-LH', '快递员', null, null, null, null, null, '汉族', '中共党员', '大学本科', '重庆市江北区观音桥', '是'],
        ['登记乙', idNumber('50010519860101022'), null, 'JB-GYQ-LH', '快递员', null, null, null, null, null, 3, '群众', null, null, null],
        ['登记丙', idNumber('50010519860101033'), null, 'JB-GYQ-LH', '快递员', null, null, null, null, null, '火星族'],
        ['登记丁', idNumber('50010519860101044'), null, 'JB-GYQ-LH', '快递员', null, null, null, null, null, null, '党员'],
        ['登记戊', idNumber('50010519860101055'), null, 'JB-GYQ-LH', '快递员', null, null, null, null, null, null, null, '博士'],
        ['登记己', idNumber('50010519860101066'), null, 'JB-GYQ-LH', '快递员', null, null, null, null, null, null, null, null, null, '可能'],
        ['登记庚', idNumber('50010519860101077'), null, 'JB-GYQ-LH', '快递员', null, null, null, null, null, null, null, null, '重'.repeat(61)],
        ['登记辛', idNumber('50010519860101088'), null, 'JB-GYQ-LH', '快递员'],
      ],
      ALL_HEADERS,
    );
    const checked = await upload(gyq, file, ids['JB-GYQ']!);
    expect(checked.body).toMatchObject({ status: 'checked', totalRows: 8, validRows: 3, errorRows: 5 });
    expect(checked.body.errors.map((e: any) => [e.row, e.column, e.message])).toEqual([
      [4, '民族', '民族“火星族”不在民族代码表中，请填写民族名称（如 汉族）或两位代码（如 01）'],
      [5, '政治面貌', '政治面貌“党员”无法识别，应为以下之一：中共党员、中共预备党员、共青团员、民主党派成员、无党派人士、群众'],
      [6, '文化程度', '文化程度“博士”无法识别，应为以下之一：研究生、大学本科、大学专科、高中、中专或技校、初中及以下'],
      [7, '是否困难职工', '应填“是”或“否”'],
      [8, '户籍所在地', '户籍所在地最多 60 个字'],
    ]);
    const en = await gyq.get(`/api/v1/members/imports/${checked.body.id}`, { 'accept-language': 'en' });
    expect(en.body.errors[0].message).toContain('Ethnicity “火星族”');

    const done = await commit(gyq, checked.body.id, { version: checked.body.version, mode: 'only_valid' });
    expect(done.done.body).toMatchObject({ status: 'committed', committedRows: 3 });
    expect(await personOf('登记甲')).toEqual({ ethnicity: '01', political_status: 'cpc_member', education: 'bachelor', hukou_place: '重庆市江北区观音桥', is_hardship: true });
    expect(await personOf('登记乙')).toEqual({ ethnicity: '03', political_status: 'masses', education: null, hukou_place: null, is_hardship: false });
    expect(await personOf('登记辛')).toEqual({ ethnicity: null, political_status: null, education: null, hukou_place: null, is_hardship: false });
    // Shown by name in the member record.
    const list = await gyq.get(`/api/v1/members?q=${encodeURIComponent('登记甲')}`);
    expect(list.body.items[0].person).toMatchObject({ ethnicity: '01', politicalStatus: 'cpc_member', isHardship: true });
  });

  it('updates a returning person only with the register fields the file gives', async () => {
    const id = idNumber('50010519870303031');
    const worker = await t.loginWorker('13600000731');
    const applied = await worker.post('/api/v1/members/applications', { realName: '回流者', idNumber: id, employmentForm: 'standard', orgId: ids['JB-GYQ-LH'] });
    expect(applied.status).toBe(201);
    const m = applied.body.membership;
    expect((await gyq.post(`/api/v1/members/${m.id}/reject`, { version: m.version, reason: '材料不全' })).status).toBe(200);
    // What staff recorded before the drive.
    await t.database.query("update person set ethnicity = '03', education = 'associate', hukou_place = '重庆市渝北区', is_hardship = true where real_name = '回流者'");
    const file = await workbook([['回流者', id, null, 'JB-GYQ-LH', '快递员', null, null, null, null, null, null, '共青团员', null, null, null]], ALL_HEADERS);
    const checked = await upload(gyq, file, ids['JB-GYQ']!);
    expect(checked.body).toMatchObject({ status: 'checked', validRows: 1 });
    const done = await commit(gyq, checked.body.id, { version: checked.body.version, mode: 'all_or_nothing' });
    expect(done.done.body).toMatchObject({ status: 'committed', committedRows: 1 });
    expect(await personOf('回流者')).toEqual({ ethnicity: '03', political_status: 'cyl_member', education: 'associate', hukou_place: '重庆市渝北区', is_hardship: true });
  });
});

describe('导入记录 (import history)', () => {
  it('lists the caller’s batches newest first with who, when, status and totals; another street’s stay out', async () => {
    const wldFile = await workbook([['五里店甲', idNumber('50010519890909091'), null, 'JB-WLD-LH', '快递员']]);
    const wldBatch = await upload(wld, wldFile, ids['JB-WLD']!, '五里店第一批.xlsx');
    expect(wldBatch.body).toMatchObject({ status: 'checked', validRows: 1 });

    const mine = await gyq.get('/api/v1/members/imports?pageSize=200');
    expect(mine.status).toBe(200);
    const names = mine.body.items.map((b: any) => b.fileName);
    expect(names).toContain('观音桥第一批.xlsx');
    expect(names).not.toContain('五里店第一批.xlsx');
    expect(mine.body.items.every((b: any) => b.org.code.startsWith('JB-GYQ'))).toBe(true);
    const first = mine.body.items.find((b: any) => b.fileName === '观音桥第一批.xlsx');
    expect(first).toMatchObject({ status: 'committed', mode: 'all_or_nothing', totalRows: 1, validRows: 1, errorRows: 0, committedRows: 1, createdByName: expect.any(String), org: { code: 'JB-GYQ' } });
    expect(first).not.toHaveProperty('errors');
    const failed = mine.body.items.find((b: any) => b.fileName === '集中入会导入模板.xlsx');
    expect(failed).toMatchObject({ status: 'failed', totalRows: 0 });
    const times = mine.body.items.map((b: any) => Date.parse(b.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const paged = await gyq.get('/api/v1/members/imports?pageSize=1&page=2');
    expect(paged.body).toMatchObject({ total: mine.body.total, page: 2, pageSize: 1 });
    expect(paged.body.items).toEqual([mine.body.items[1]]);

    // The district sees both streets' batches, and can narrow to one street.
    const all = await district.get('/api/v1/members/imports?pageSize=200');
    expect(all.body.items.map((b: any) => b.fileName)).toEqual(expect.arrayContaining(['观音桥第一批.xlsx', '五里店第一批.xlsx']));
    const onlyWld = await district.get(`/api/v1/members/imports?orgId=${ids['JB-WLD']}`);
    expect(onlyWld.body.items.map((b: any) => b.fileName)).toEqual(['五里店第一批.xlsx']);
    // Another street's org is not there for a street admin; a bad query is a clear 400.
    expect((await wld.get(`/api/v1/members/imports?orgId=${ids['JB-GYQ']}`)).status).toBe(404);
    const bad = await wld.get('/api/v1/members/imports?pageSize=1000');
    expect(bad.status).toBe(400);
    // Each batch opens its report.
    const report = await download(gyq, `/api/v1/members/imports/${first.id}/report`);
    expect(report.status).toBe(200);
    expect((await download(wld, `/api/v1/members/imports/${first.id}/report`)).status).toBe(404);
  });
});
