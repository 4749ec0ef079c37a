import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config';
import type { JobHandler, JobRow, JobRunner } from '../../platform/jobs';
import { loadDataKeys } from '../../platform/pii';
import { loadSecrets } from '../../platform/secrets';
import { xlsxBomb } from '../../platform/spreadsheet/testing';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { createImportService, IMPORT_COMMIT_JOB } from './import.service';
import { HEADERS, idNumber, importHelpers, REGISTER_HEADERS, workbook, XLSX } from './import-testing';

let t: TestApp;
let district: Client;
let gyq: Client;
let staff: Client;
let ids: Record<string, string>;

const { upload, commit, download } = importHelpers(() => t);

export async function readSheet(file: Buffer): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const rows: ExcelJS.CellValue[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

const countPersons = async (names: string[]) =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from person where real_name = any($1)', [names]))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
  staff = await t.login('jb.staff');
  ids = {};
  for (const code of ['JB', 'JB-GYQ', 'JB-GYQ-LH', 'JB-WLD']) ids[code] = await t.orgId(code);
});
afterAll(() => t.close());

describe('collective join drives from Excel', () => {
  it('serves a template with Chinese headers', async () => {
    const res = await download(gyq, '/api/v1/members/imports/template');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const rows = await readSheet(res.raw);
    expect(rows[0]).toEqual([...HEADERS, ...REGISTER_HEADERS]);
  });

  it('checks every row, reports row, column and reason, and commits only the valid rows once', async () => {
    // An existing member: a worker who joined online.
    const existingId = idNumber('50010519800101011');
    const worker = await t.loginWorker('13600000001');
    const joined = await worker.post('/api/v1/members/applications', { realName: '已入会', idNumber: existingId, employmentForm: 'standard', orgId: ids['JB-GYQ-LH'] });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const dup = idNumber('50010519910202022');
    const file = await workbook([
      ['导入甲', idNumber('50010519900101031'), '13600000011', 'JB-GYQ-LH', '外卖骑手', '美团', null, '交通运输', '是', '500105006'],
      ['导入乙', dup, null, 'JB-GYQ-LH', '快递员', null, null, null, '否', null],
      ['导入丙', idNumber('50010519920303033').toLowerCase(), '13600000013', 'jb-elm', 'standard', '饿了么', null, null, null, null],
      [],
      ['', idNumber('50010519930404044'), null, 'JB-GYQ-LH', '外卖骑手'],
      ['坏校验', '500105199305050550', null, 'JB-GYQ-LH', '外卖骑手'],
      ['外街道', idNumber('50010519940606066'), null, 'JB-WLD-LH', '外卖骑手'],
      ['重复', dup, null, 'JB-GYQ-LH', '快递员'],
      ['已入会', existingId, null, 'JB-GYQ-LH', '标准劳动关系'],
      ['公式', { formula: 'CONCAT("5001","05")', result: '500105' }, null, 'JB-GYQ-LH', '快递员'],
      ['数字', 500105199507070770, null, 'JB-GYQ-LH', '快递员'],
      ['形式错', idNumber('50010519960808088'), '123', 'JB-GYQ-LH', '骑手', null, null, null, '可能'],
    ]);
    const checked = await upload(gyq, file, ids['JB-GYQ']!);
    expect(checked.status).toBe(202);
    expect(checked.body).toMatchObject({ status: 'checked', totalRows: 11, validRows: 3, errorRows: 8, isRepeat: false, job: { status: 'succeeded', progress: 1, progressText: '已检查 11 行：3 行可导入，8 行有错误' } });
    const errors = checked.body.errors.map((e: any) => [e.row, e.column, e.message]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [6, '姓名', '必填'],
        [7, '身份证号', '身份证号校验位错误'],
        [8, '工会编码', '工会编码 JB-WLD-LH 不存在，或不在本次导入的范围内'],
        [9, '身份证号', '与第 3 行的身份证号重复'],
        [10, '身份证号', '已是会员或已在入会申请中'],
        [11, '身份证号', '单元格含公式，请复制后“粘贴为数值”'],
        [12, '身份证号', '数字过长，Excel 已丢失末几位；请把该列设为“文本”后重新填写'],
        [13, '手机号', '手机号格式不正确（应为 11 位中国大陆手机号）'],
        [13, '用工形式', expect.stringContaining('用工形式应为以下之一')],
        [13, '是否农民工', '应填“是”或“否”'],
      ]),
    );
    // Nothing is written by the dry run, and the report holds no full ID number.
    expect(await countPersons(['导入甲', '导入乙', '导入丙'])).toBe(0);
    expect(JSON.stringify(checked.body)).not.toContain(dup);

    const report = await download(gyq, `/api/v1/members/imports/${checked.body.id}/report`);
    expect(report.status).toBe(200);
    const lines = await readSheet(report.raw);
    expect(lines[0]).toEqual(['行号', '姓名', '身份证号', '结果', '错误列', '原因']);
    expect(lines.find((l) => l[0] === 2)).toEqual(['2', '导入甲', '500105********' + idNumber('50010519900101031').slice(-4), '可导入'].map((v, i) => (i === 0 ? 2 : v)));
    expect(lines.find((l) => l[0] === 7)?.[3]).toBe('错误');

    const refused = await gyq.post(`/api/v1/members/imports/${checked.body.id}/commit`, { version: checked.body.version, mode: 'all_or_nothing' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_HAS_ERRORS');
    expect(await countPersons(['导入甲', '导入乙', '导入丙'])).toBe(0);

    const committing = await commit(gyq, checked.body.id, { version: checked.body.version, mode: 'only_valid' });
    expect(committing.status).toBe(202);
    const committed = committing.done;
    expect(committed.body).toMatchObject({ status: 'committed', mode: 'only_valid', committedRows: 3, job: { kind: 'commit', status: 'succeeded', progress: 1, progressText: '已导入 3 / 3 行' } });
    const members = await gyq.get(`/api/v1/members?q=${encodeURIComponent('导入')}&pageSize=50`);
    expect(members.body.items).toHaveLength(3);
    for (const m of members.body.items) {
      expect(m).toMatchObject({ status: 'active', source: 'import' });
      expect(m.memberNumber).toMatch(/^500105\d{8}$/);
      expect(m.person.isRealNameVerified).toBe(true);
    }
    expect(members.body.items.find((m: any) => m.person.realName === '导入丙').org.code).toBe('JB-ELM');

    // Again: the same batch answers, and the same file uploaded again is that batch — nobody twice.
    const again = await gyq.post(`/api/v1/members/imports/${checked.body.id}/commit`, { version: committed.body.version, mode: 'only_valid' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'committed', committedRows: 3, isRepeat: true });
    const reupload = await upload(gyq, file, ids['JB-GYQ']!);
    expect(reupload.status).toBe(200);
    expect(reupload.body).toMatchObject({ id: checked.body.id, isRepeat: true, status: 'committed' });
    expect(await countPersons(['导入甲', '导入乙', '导入丙'])).toBe(3);
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_id = $1 order by at", [checked.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['member.import_check', 'member.import_commit']);

    // An imported member who signs in with the phone on record claims the membership and gets the card.
    const stranger = await t.loginWorker('13600000099');
    const wrongPhone = await stranger.post('/api/v1/members/applications', { realName: '导入甲', idNumber: idNumber('50010519900101031'), employmentForm: 'delivery_rider', orgId: ids['JB-GYQ-LH'] });
    expect(wrongPhone.status).toBe(409);
    const owner = await t.loginWorker('13600000011');
    const claimed = await owner.post('/api/v1/members/applications', { realName: '导入甲', idNumber: idNumber('50010519900101031'), employmentForm: 'delivery_rider', orgId: ids['JB-GYQ-LH'] });
    expect(claimed.status).toBe(200);
    expect(claimed.body.membership).toMatchObject({ status: 'active', org: { code: 'JB-GYQ-LH' } });
    expect((await owner.get('/api/v1/members/me/card')).body.name).toBe('导入甲');
  });

  it('all or nothing: a crash in the middle leaves nothing of the batch, and the batch can be committed afterwards', async () => {
    const names = ['全甲', '全乙', '全丙'];
    const file = await workbook(names.map((n, i) => [n, idNumber(`50010519880101${i}05`), null, 'JB-GYQ-LH', '网约车司机']));
    const checked = await upload(district, file, ids.JB!);
    expect(checked.body).toMatchObject({ validRows: 3, errorRows: 0 });
    // A failure after some rows of the batch were already inserted in the transaction.
    await t.database.exec(`
      create function fail_import() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash'; end $$;
      create trigger fail_import before insert on membership_event for each row
        when (new.reason like '%第 4 行%') execute function fail_import();`);
    const crashed = await commit(district, checked.body.id, { version: checked.body.version, mode: 'all_or_nothing' });
    expect(crashed.status).toBe(202);
    // The job fails with a generic error (the database's message stays in the log and job.error).
    expect(crashed.done.body).toMatchObject({ status: 'checked', job: { kind: 'commit', status: 'failed', error: { code: 'INTERNAL' } } });
    expect(JSON.stringify(crashed.done.body)).not.toContain('simulated crash');
    expect(await countPersons(names)).toBe(0);
    const failedJob = await t.database.query<{ error: string; attempts: number }>('select error, attempts from job where id = $1', [crashed.done.body.job.id]);
    expect(failedJob[0]).toMatchObject({ error: expect.stringContaining('simulated crash'), attempts: 1 });
    await t.database.exec('drop trigger fail_import on membership_event; drop function fail_import();');

    const stale = await district.post(`/api/v1/members/imports/${checked.body.id}/commit`, { version: checked.body.version, mode: 'all_or_nothing' });
    expect(stale.status).toBe(409);
    const ok = await commit(district, checked.body.id, { version: crashed.done.body.version, mode: 'all_or_nothing' });
    expect(ok.status).toBe(202);
    expect(ok.done.body).toMatchObject({ status: 'committed', committedRows: 3 });
    expect(await countPersons(names)).toBe(3);
  });

  it('writes every progress line before the commit handler returns, however slow the writes are', async () => {
    const file = await workbook(['慢甲', '慢乙'].map((n, i) => [n, idNumber(`50010519860101${i}07`), null, 'JB-GYQ-LH', '快递员']));
    const checked = await upload(gyq, file, ids['JB-GYQ']!);
    expect(checked.body).toMatchObject({ status: 'checked', validRows: 2 });
    // The app's runner is stopped, so the commit job waits for this test to run its handler.
    await t.app.jobs.stop();
    try {
      const res = await gyq.post(`/api/v1/members/imports/${checked.body.id}/commit`, { version: checked.body.version, mode: 'only_valid' });
      expect(res.body).toMatchObject({ status: 'committing', job: { status: 'queued' } });
      const [queued] = await t.database.query<{ payload: unknown }>('select payload from job where id = $1', [res.body.job.id]);
      const handlers = new Map<string, JobHandler>();
      const config = testConfig();
      createImportService({
        db: t.database.db,
        secrets: loadSecrets({ secret: config.secret, dataDir: config.dataDir, allowGenerate: false }),
        dataKeys: loadDataKeys({ dataKey: config.dataKey, dataDir: config.dataDir, allowGenerate: false }),
        jobs: { register: (kind: string, handler: JobHandler) => handlers.set(kind, handler) } as unknown as JobRunner,
      });
      // A progress write that takes its time (a busy database): the runner marks the job done as
      // soon as the handler returns, and drops any write that comes later.
      const written: string[] = [];
      const progress = async (_fraction: number, text?: string) => {
        await new Promise((r) => setTimeout(r, 300));
        written.push(text ?? '');
      };
      await handlers.get(IMPORT_COMMIT_JOB)!({ job: { payload: queued!.payload } as JobRow, progress });
      expect(written.at(-1)).toBe('已导入 2 / 2 行');
      expect(await countPersons(['慢甲', '慢乙'])).toBe(2);
    } finally {
      await t.app.jobs.start();
    }
  });

  it('gives clear answers for files that are not the template', async () => {
    const notExcel = await upload(gyq, Buffer.from('姓名,身份证号\n张三,1\n'), ids['JB-GYQ']!);
    expect(notExcel.status).toBe(400);
    expect(notExcel.body).toMatchObject({ code: 'IMPORT_NOT_XLSX', title: '文件不是有效的 Excel（.xlsx）文件' });
    const brokenZip = await upload(gyq, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]), ids['JB-GYQ']!);
    // A zip that is not a workbook is found out by the check job.
    expect(brokenZip.body).toMatchObject({ status: 'failed', job: { error: { code: 'IMPORT_NOT_XLSX' } } });
    // Read by the check job: the batch fails with the reason.
    const wrongHeaders = await upload(gyq, await workbook([['张三', '1']], ['名字', '证件号', '工会编码']), ids['JB-GYQ']!);
    expect(wrongHeaders.body).toMatchObject({ status: 'failed', job: { status: 'failed', error: { code: 'IMPORT_HEADERS_MISSING', title: '表头与模板不符', detail: '第一行缺少以下列：姓名、身份证号、用工形式' } } });
    // A small file that unpacks to hundreds of MB: refused by the reader, the server untouched.
    const bomb = await upload(gyq, await xlsxBomb(300, { lie: false, headers: HEADERS }), ids['JB-GYQ']!);
    expect(bomb.body).toMatchObject({ status: 'failed', job: { status: 'failed', error: { code: 'IMPORT_UNPACKED_TOO_LARGE' } } });
    const empty = await upload(gyq, await workbook([[], []]), ids['JB-GYQ']!);
    expect(empty.body.job.error.code).toBe('IMPORT_EMPTY');
    const cannotCommit = await gyq.post(`/api/v1/members/imports/${empty.body.id}/commit`, { version: empty.body.version, mode: 'only_valid' });
    expect(cannotCommit.status).toBe(409);
    expect(cannotCommit.body.code).toBe('IMPORT_NOT_READY');
    const outside = await upload(gyq, await workbook([['张三', idNumber('50010519900101031'), null, 'JB-WLD-LH', '快递员']]), ids['JB-WLD']!);
    expect(outside.status).toBe(404);
    const nameOnly = await upload(staff, await workbook([['张三']]), ids.JB!);
    expect(nameOnly.body).toMatchObject({ totalRows: 1, validRows: 0, errorRows: 1 });
  });

  it('takes phones as people type them (+86, 0086, spaces, dashes), the same way the card import and every form do', async () => {
    const file = await workbook([
      ['号码甲', idNumber('50010519850101021'), '+86 136 0000 0021', 'JB-GYQ-LH', '快递员'],
      ['号码乙', idNumber('50010519850101032'), '0086-13600000022', 'JB-GYQ-LH', '快递员'],
      ['号码丙', idNumber('50010519850101043'), 8613600000023, 'JB-GYQ-LH', '快递员'],
      ['号码丁', idNumber('50010519850101054'), '023-67001234', 'JB-GYQ-LH', '快递员'],
    ]);
    const checked = await upload(gyq, file, ids['JB-GYQ']!);
    expect(checked.body).toMatchObject({ status: 'checked', validRows: 3, errorRows: 1, errorCount: 1 });
    expect(checked.body.errors[0]).toMatchObject({ row: 5, column: '手机号', code: 'PHONE_INVALID' });
    const done = await commit(gyq, checked.body.id, { version: checked.body.version, mode: 'only_valid' });
    expect(done.done.body).toMatchObject({ status: 'committed', committedRows: 3 });
    const phones = await t.database.query<{ phone: string }>("select phone from person where real_name like '号码%' order by real_name");
    expect(phones.map((p) => p.phone).sort()).toEqual(['13600000021', '13600000022', '13600000023']);
    // Found again by the number as staff type it.
    expect((await gyq.get(`/api/v1/members?q=${encodeURIComponent('+86 136-0000-0022')}`)).body.items.map((m: any) => m.person.realName)).toEqual(['号码乙']);
  });

  it('reports a merged cell on the rows it leaves empty, and skips empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('会员');
    sheet.addRow(HEADERS);
    sheet.addRow(['合并甲', idNumber('50010519870101011'), null, 'JB-GYQ-LH', '快递员']);
    sheet.addRow(['合并乙', idNumber('50010519870202022'), null, null, '快递员']);
    sheet.addRow([]);
    sheet.mergeCells('D2:D3'); // 工会编码 of both people typed once, as staff sometimes do
    const checked = await upload(gyq, Buffer.from(await wb.xlsx.writeBuffer()), ids['JB-GYQ']!);
    expect(checked.body).toMatchObject({ status: 'checked', totalRows: 2, validRows: 1, errorRows: 1 });
    expect(checked.body.errors.map((e: any) => [e.row, e.column])).toEqual([[3, '工会编码']]);
  });

  it('stops reading a file past the row cap', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('会员');
    sheet.addRow(HEADERS);
    for (let i = 0; i <= 100_000; i++) sheet.addRow(['某', '1']);
    const res = await upload(gyq, Buffer.from(await wb.xlsx.writeBuffer()), ids['JB-GYQ']!);
    expect(res.body).toMatchObject({ status: 'failed', job: { status: 'failed', error: { code: 'IMPORT_TOO_MANY_ROWS', detail: '一次最多导入 100000 行，请拆分成多个文件' } } });
    // The stored file is dropped once read.
    const stored = await t.database.query<{ file: unknown }>('select file from member_import where id = $1', [res.body.id]);
    expect(stored[0]!.file).toBeNull();
  }, 1_200_000);
});

describe('export', () => {
  it('exports the filtered list masked, or revealed with the permission; audited; scoped', async () => {
    const masked = await download(gyq, `/api/v1/members/export?orgId=${ids['JB-GYQ-LH']}&status=active`);
    expect(masked.status).toBe(200);
    // A Chinese name for browsers (会员名单_YYYY-MM-DD.xlsx) and a readable ASCII one for old clients.
    expect(masked.headers['content-disposition']).toMatch(/^attachment; filename="\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(masked.headers['content-disposition']).split("UTF-8''")[1]!)).toMatch(/^会员名单_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await readSheet(masked.raw);
    expect(rows[0]!.slice(0, 4)).toEqual(['会员编号', '姓名', '身份证号', '手机号']);
    const list = await gyq.get(`/api/v1/members?orgId=${ids['JB-GYQ-LH']}&status=active&pageSize=1`);
    expect(rows.length - 1).toBe(list.body.total);
    expect(rows.slice(1).every((r) => /^\d{6}\*{8}[\dX]{4}$/.test(String(r[2] as string)) && (r[3] == null || /^\d{3}\*{4}\d{4}$/.test(String(r[3] as string))))).toBe(true);

    const revealed = await download(gyq, `/api/v1/members/export?orgId=${ids['JB-GYQ-LH']}&status=active&reveal=true`);
    const full = await readSheet(revealed.raw);
    expect(full.slice(1).every((r) => /^\d{17}[\dX]$/.test(String(r[2] as string)))).toBe(true);
    expect((await download(staff, '/api/v1/members/export?reveal=true')).status).toBe(403);
    expect((await download(gyq, `/api/v1/members/export?orgId=${ids['JB-WLD']}`)).status).toBe(404);

    const audit = await t.database.query<{ action: string; after: { count: number; revealed: boolean } }>(
      "select action, after from audit_entry where action in ('member.export', 'personal_data.export') and actor_name = 'gyq.admin' order by at",
    );
    expect(audit.map((a) => [a.action, a.after.revealed, a.after.count])).toEqual([
      ['member.export', false, list.body.total],
      ['personal_data.export', true, list.body.total],
    ]);
  });
});
