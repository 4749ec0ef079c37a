import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../platform/spreadsheet/testing';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { bd09ToWgs84, gcj02ToWgs84 } from './geo';

let t: TestApp;
let gyq: Client;
let wld: Client;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['编码*', '名称*', '类型*', '所属工会编码*', '地址*', '经度*', '纬度*', '坐标系*', '开放时间*', '节假日及特殊安排', '服务对象', '设施', '面积（平方米）', '建设方式', '合作单位', '投资（元）', '运营方', '联系电话', '状态*'];
type Cells = (string | number | null)[];
const row = (over: Partial<Record<number, string | number | null>> & { code: string }): Cells => {
  const base: Cells = [over.code, '导入测试驿站', '工会驿站', 'JB-GYQ', '江北区观音桥建新北路 8 号', 106.531, 29.579, 'GCJ-02', '周一至周五 08:00-18:00; 周六 09:00-12:00', null, '外卖骑手、快递员', '桌椅、热水壶', 25, '工会自建', null, 12345.67, null, '023-67000001', '开放'];
  for (const [i, v] of Object.entries(over)) if (i !== 'code') base[Number(i)] = v ?? null;
  return base;
};

async function workbook(rows: Cells[], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('服务阵地');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readSheet(file: Buffer): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const rows: ExcelJS.CellValue[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

async function waitFor(client: Client, id: string, lang = 'zh-CN') {
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
    const res = await client.request('GET', `/api/v1/positions/imports/${id}`, undefined, { 'accept-language': lang });
    if (res.status !== 200 || ['succeeded', 'failed'].includes(res.body.job.status)) return res;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import job not done');
}

async function upload(client: Client, file: Buffer) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/positions/imports?fileName=p.xlsx', headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': XLSX }, payload: file });
  const body = JSON.parse(res.body);
  if (res.statusCode !== 202) return { status: res.statusCode, body };
  expect(body).toMatchObject({ status: 'checking', job: { kind: 'check' } });
  return { status: 202, body: (await waitFor(client, body.id)).body };
}

async function commit(client: Client, id: string, mode: 'only_valid' | 'all_or_nothing') {
  const res = await client.post(`/api/v1/positions/imports/${id}/commit`, { mode });
  if (res.status !== 202) return res;
  return waitFor(client, id);
}

async function download(client: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie! } });
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload };
}

const positionByCode = async (code: string) => (await t.database.query<{ id: string; name: string; lng: number; lat: number; version: number; is_24h: boolean; weekly_hours: unknown; org_id: string }>('select * from position where code = $1', [code]))[0];

beforeAll(async () => {
  t = await createTestApp();
  gyq = await t.login('gyq.admin');
  wld = await t.login('wld.admin');
});
afterAll(() => t.close());

describe('positions import', () => {
  it('offers a template in the import layout', async () => {
    const res = await download(gyq, '/api/v1/positions/imports/template');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const rows = await readSheet(res.raw);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows[1]?.[0]).toBe('JB-RS-9001');
  });

  it('reports every bad row with its column in zh and en, and commits only the good ones', async () => {
    const file = await workbook([
      row({ code: 'JB-IMP-001' }),
      row({ code: 'JB-IMP-002', 5: 106.5375, 6: 29.5851, 7: 'BD-09', 8: '24小时' }),
      row({ code: 'JB-IMP-003', 7: '北京54' }),
      row({ code: 'JB-IMP-004', 8: '周一到周五 8点-18点' }),
      row({ code: 'JB-IMP-005', 3: 'NO-SUCH-ORG' }),
      row({ code: 'JB-IMP-006', 3: 'JB-WLD' }),
      row({ code: 'JB-IMP-001', 1: '重复编码驿站' }),
      row({ code: 'JB-IMP-008', 11: '桌椅、按摩椅', 9: '2026-02-30 闭馆' }),
    ]);
    const up = await upload(gyq, file);
    expect(up.status).toBe(202);
    const batch = up.body;
    expect(batch).toMatchObject({ status: 'checked', totalRows: 8, validRows: 2, errorRows: 6, createRows: 2, updateRows: 0 });
    const byRow = (n: number) => batch.errors.filter((e: { row: number }) => e.row === n);
    expect(byRow(4)).toMatchObject([{ column: '坐标系', code: 'IMPORT_CRS_UNKNOWN', positionCode: 'JB-IMP-003' }]);
    expect(byRow(4)[0].message).toContain('北京54');
    expect(byRow(5)).toMatchObject([{ column: '开放时间', code: 'IMPORT_HOURS_TEXT' }]);
    expect(byRow(6)).toMatchObject([{ column: '所属工会编码', code: 'IMPORT_POSITION_ORG_UNKNOWN' }]);
    // Out of scope reads the same as unknown: the importer learns nothing about other districts' unions.
    expect(byRow(7)).toMatchObject([{ column: '所属工会编码', code: 'IMPORT_POSITION_ORG_UNKNOWN' }]);
    expect(byRow(8)).toMatchObject([{ column: '编码', code: 'IMPORT_POSITION_DUPLICATE_IN_FILE' }]);
    expect(byRow(8)[0].message).toBe('与第 2 行的编码重复');
    expect(byRow(9).map((e: { column: string }) => e.column).sort()).toEqual(['节假日及特殊安排', '设施']);
    const en = await waitFor(gyq, batch.id, 'en');
    expect(en.body.errors.find((e: { row: number }) => e.row === 4).message).toContain('use WGS-84, GCJ-02 or BD-09');

    // The report as .xlsx lists the errors and the rows that can go in.
    const report = await readSheet((await download(gyq, `/api/v1/positions/imports/${batch.id}/report`)).raw);
    expect(report[0]).toEqual(['行号', '编码', '名称', '结果', '错误列', '原因']);
    expect(report.filter((r) => r[3] === '可导入（新增）').map((r) => r[1])).toEqual(['JB-IMP-001', 'JB-IMP-002']);

    // Nothing is written by the check; all-or-nothing is refused while rows are wrong.
    expect(await positionByCode('JB-IMP-001')).toBeUndefined();
    const refused = await gyq.post(`/api/v1/positions/imports/${batch.id}/commit`, { mode: 'all_or_nothing' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_HAS_ERRORS');

    const done = await commit(gyq, batch.id, 'only_valid');
    expect(done.body).toMatchObject({ status: 'committed', committedRows: 2, mode: 'only_valid' });
    const one = (await positionByCode('JB-IMP-001'))!;
    const [gLng, gLat] = gcj02ToWgs84(106.531, 29.579);
    expect(one.lng).toBeCloseTo(gLng, 6);
    expect(one.lat).toBeCloseTo(gLat, 6);
    expect((one.weekly_hours as unknown[][])[5]).toEqual([{ start: '09:00', end: '12:00' }]);
    const two = (await positionByCode('JB-IMP-002'))!;
    const [bLng, bLat] = bd09ToWgs84(106.5375, 29.5851);
    expect(two.lng).toBeCloseTo(bLng, 6);
    expect(two.lat).toBeCloseTo(bLat, 6);
    expect(two.is_24h).toBe(true);
    const api = await gyq.get(`/api/v1/positions/${one.id}`);
    expect(api.body).toMatchObject({ investmentFen: 1234567, buildMode: 'union_built', serves: ['riders', 'couriers'], facilities: ['table_chairs', 'kettle'], status: 'open' });
    const audit = await t.database.query<{ action: string }>('select action from audit_entry where entity_id = $1', [one.id]);
    expect(audit.map((a) => a.action)).toEqual(['position.create']);

    // Committing again changes nothing.
    const again = await gyq.post(`/api/v1/positions/imports/${batch.id}/commit`, { mode: 'only_valid' });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('committed');
    expect((await t.database.query<{ n: number }>("select count(*)::int as n from position where code like 'JB-IMP-%'"))[0]!.n).toBe(2);
  });

  it('round-trips: export, edit a cell, import updates that position (audited) and leaves the rest alone', async () => {
    const exported = await download(gyq, '/api/v1/positions/export?q=JB-IMP');
    expect(exported.status).toBe(200);
    const sheet = await readSheet(exported.raw);
    expect(sheet[0]).toEqual(HEADERS);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(['JB-IMP-001', 'JB-IMP-002']);
    expect(sheet[1]![7]).toBe('WGS-84');
    expect(sheet[1]![8]).toBe('周一至周五 08:00-18:00; 周六 09:00-12:00');
    expect(sheet[2]![8]).toBe('24小时');
    const before = (await positionByCode('JB-IMP-002'))!;
    // Unchanged, the export imports as two updates that change nothing.
    const same = await upload(gyq, exported.raw);
    expect(same.body).toMatchObject({ validRows: 2, errorRows: 0, createRows: 0, updateRows: 2 });
    const sameDone = await commit(gyq, same.body.id, 'all_or_nothing');
    expect(sameDone.body.status).toBe('committed');
    expect((await positionByCode('JB-IMP-002'))!.version).toBe(before.version);
    expect((await positionByCode('JB-IMP-002'))!.lng).toBe(before.lng);

    const edited = sheet.slice(1).map((r) => r.map((c) => (c === undefined ? null : c)) as Cells);
    edited[0]![1] = '导入测试驿站（改名）';
    edited[0]![9] = '2026-10-01 闭馆 国庆';
    const up = await upload(gyq, await workbook(edited));
    expect(up.body).toMatchObject({ validRows: 2, errorRows: 0, updateRows: 2 });
    const done = await commit(gyq, up.body.id, 'all_or_nothing');
    expect(done.body.status).toBe('committed');
    const one = (await positionByCode('JB-IMP-001'))!;
    expect(one.name).toBe('导入测试驿站（改名）');
    const api = (await gyq.get(`/api/v1/positions/${one.id}`)).body;
    expect(api.schedule.exceptions).toEqual([{ date: '2026-10-01', kind: 'closed', note: '国庆' }]);
    const audit = await t.database.query<{ action: string; after: Record<string, unknown> }>("select action, after from audit_entry where entity_id = $1 and action = 'position.update'", [one.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ name: '导入测试驿站（改名）' });
    expect((await positionByCode('JB-IMP-002'))!.version).toBe(before.version);
  });

  it('keeps scope: codes of other districts are refused, batches are private, exports are scoped', async () => {
    const theirs = await upload(wld, await workbook([row({ code: 'JB-IMP-001', 3: 'JB-WLD' })]));
    expect(theirs.body).toMatchObject({ validRows: 0, errorRows: 1 });
    expect(theirs.body.errors[0]).toMatchObject({ column: '编码', code: 'IMPORT_POSITION_CODE_TAKEN' });
    expect((await wld.post(`/api/v1/positions/imports/${theirs.body.id}/commit`, { mode: 'only_valid' })).body.code).toBe('POSITION_IMPORT_NOTHING_VALID');
    expect((await gyq.get(`/api/v1/positions/imports/${theirs.body.id}`)).status).toBe(404);
    const exported = await readSheet((await download(wld, '/api/v1/positions/export?q=JB-IMP')).raw);
    expect(exported).toHaveLength(1);
    expect((await t.anon.get('/api/v1/positions/imports/template')).status).toBe(401);
  });

  it('refuses the whole commit when a position changed after the check', async () => {
    const up = await upload(gyq, await workbook([row({ code: 'JB-IMP-001', 1: '第三次改名' }), row({ code: 'JB-IMP-010' })]));
    expect(up.body).toMatchObject({ validRows: 2, createRows: 1, updateRows: 1 });
    const one = (await positionByCode('JB-IMP-001'))!;
    expect((await gyq.patch(`/api/v1/positions/${one.id}`, { version: one.version, address: '别人刚改过的地址' })).status).toBe(200);
    const done = await commit(gyq, up.body.id, 'only_valid');
    expect(done.body).toMatchObject({ status: 'checked', job: { kind: 'commit', status: 'failed', error: { code: 'POSITION_IMPORT_CHANGED' } } });
    expect(await positionByCode('JB-IMP-010')).toBeUndefined();
    expect((await positionByCode('JB-IMP-001'))!.name).toBe('导入测试驿站（改名）');
  });

  it('refuses files that are not the template', async () => {
    const notXlsx = await upload(gyq, Buffer.from('code,name\nA,B'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.code).toBe('IMPORT_NOT_XLSX');
    const wrong = await upload(gyq, await workbook([['x']], ['编码', '名称']));
    expect(wrong.body).toMatchObject({ status: 'failed', job: { error: { code: 'IMPORT_HEADERS_MISSING' } } });
    expect(wrong.body.job.error.detail).toContain('坐标系');
    // A zip bomb that lies about its size: the check job stops once the inflated bytes pass it.
    const bomb = await upload(gyq, await xlsxBomb(300, { lie: true, headers: HEADERS }));
    expect(bomb.body).toMatchObject({ status: 'failed', job: { error: { code: 'IMPORT_UNPACKED_TOO_LARGE', title: '文件解压后过大，未读取' } } });
  }, 600_000);
});

describe('nearest, filtered as the worker map filters', () => {
  it('keeps only positions of the type and with the facility asked for', async () => {
    const at = 'lat=29.5757&lng=106.5316&openNow=false&limit=20';
    const all = (await t.anon.get(`/api/v1/positions/nearest?${at}`)).body.items as { position: { type: string; facilities: string[] } }[];
    const withMicrowave = (await t.anon.get(`/api/v1/positions/nearest?${at}&facility=microwave`)).body.items as typeof all;
    expect(all.some((i) => !i.position.facilities.includes('microwave'))).toBe(true);
    expect(withMicrowave.length).toBeGreaterThan(0);
    expect(withMicrowave.every((i) => i.position.facilities.includes('microwave'))).toBe(true);
    const rooms = (await t.anon.get(`/api/v1/positions/nearest?${at}&type=mothers_room&facility=toilet`)).body.items as typeof all;
    expect(rooms.every((i) => i.position.type === 'mothers_room' && i.position.facilities.includes('toilet'))).toBe(true);
    expect((await t.anon.get(`/api/v1/positions/nearest?${at}&facility=jacuzzi`)).status).toBe(400);
  });
});
