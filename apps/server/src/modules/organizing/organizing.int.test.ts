import { creditCodeCheckChar, idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let admin: Client;
let jb: Client;
let gyq: Client;
let wld: Client;
const ids: Record<string, string> = {};
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const plan = year + 1;

let serial = 0;
/** A fresh, check-valid GB 32100 code. */
export function testCode(): string {
  const first17 = `91500105MA${String(7_100_000 + ++serial)}`;
  return first17 + creditCodeCheckChar(first17);
}
const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');
const upload = (c: Client, orgId: string, body: Buffer, dryRun = false) =>
  c.request('POST', `/api/v1/organizing/enterprises/import?orgId=${orgId}&dryRun=${dryRun}`, body.toString('utf8'), { 'content-type': 'text/csv' });

beforeAll(async () => {
  t = await createTestApp();
  [admin, jb, gyq, wld] = await Promise.all([t.login('admin'), t.login('jb.admin'), t.login('gyq.admin'), t.login('wld.admin')]);
  for (const code of ['JB', 'JB-GYQ', 'JB-WLD', 'JB-GYQ-LH', 'JB-DSB']) ids[code] = await t.orgId(code);
});
afterAll(() => t.close());

describe('enterprise register (企业名录)', () => {
  it('imports a bureau’s list with a per-row report, refusing bad rows, and a re-import only updates what changed', async () => {
    const [a, b] = [testCode(), testCode()];
    const bad = `${a.slice(0, 17)}${a.endsWith('0') ? '1' : '0'}`;
    const file = csv([
      '企业名称,统一社会信用代码,地址,规模,经济类型,职工人数,新就业形态劳动者人数,新就业形态类型',
      `重庆测试配送有限公司,${a},观音桥步行街1号,小型,私营,80,60,配送站点`,
      `重庆测试物流有限公司,${b},观音桥2号,中型,国有,300,0,`,
      `校验位错误公司,${bad},,,,,,`,
      `,${testCode()},,,,,,`,
      `重复代码公司,${a},,,,,,`,
      `规模不明公司,${testCode()},,巨型,,,,`,
      `人数不对公司,${testCode()},,,,三十,,`,
    ]);
    const dry = await upload(jb, ids['JB-GYQ']!, file, true);
    expect(dry.status).toBe(200);
    expect(dry.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, error: 5 });
    const listed = await jb.get(`/api/v1/organizing/enterprises?q=${encodeURIComponent(a)}`);
    expect(listed.body.total).toBe(0);

    const res = await upload(jb, ids['JB-GYQ']!, file);
    expect(res.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, error: 5 });
    const errors = Object.fromEntries(
      res.body.rows.filter((r: { outcome: string }) => r.outcome === 'error').map((r: { row: number; errors: { path: string; message: string }[] }) => [r.row, r.errors]),
    );
    expect(errors[4]).toEqual([{ path: 'creditCode', message: '统一社会信用代码校验位错误（GB 32100）' }]);
    expect(errors[5]).toEqual([{ path: 'name', message: '请填写企业名称' }]);
    expect(errors[6]).toEqual([{ path: 'creditCode', message: '与第 2 行的统一社会信用代码重复' }]);
    expect(errors[7]).toEqual([{ path: 'sizeBand', message: '无法识别的取值“巨型”' }]);
    expect(errors[8]).toEqual([{ path: 'headcount', message: '应为不小于 0 的整数' }]);
    const stored = await jb.get(`/api/v1/organizing/enterprises?q=${a}`);
    expect(stored.body.items[0]).toMatchObject({
      name: '重庆测试配送有限公司',
      creditCode: a,
      sizeBand: 'small',
      ownership: 'private',
      headcount: 80,
      gigWorkers: 60,
      gigKind: 'delivery_station',
      unionStatus: 'none',
      contactStatus: 'not_contacted',
    });
    expect(stored.body.items[0].org.code).toBe('JB-GYQ');

    // The same list again: nothing new; then a changed address is reported field by field.
    const again = await upload(jb, ids['JB-GYQ']!, file);
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 2, error: 5 });
    const changed = await upload(jb, ids['JB-GYQ']!, csv(['企业名称,统一社会信用代码,地址', `重庆测试配送有限公司,${a},观音桥步行街9号`, `重庆测试物流有限公司,${b},`]));
    expect(changed.body.counts).toEqual({ created: 0, updated: 1, unchanged: 1, error: 0 });
    expect(changed.body.rows[0]).toMatchObject({ creditCode: a, outcome: 'updated', changes: [{ field: 'address', from: '观音桥步行街1号', to: '观音桥步行街9号' }] });
    const after = await jb.get(`/api/v1/organizing/enterprises?q=${b}`);
    expect(after.body.items[0].address).toBe('观音桥2号');

    // A street admin elsewhere cannot take the code over by importing it into their street.
    const other = await upload(wld, ids['JB-WLD']!, csv(['企业名称,统一社会信用代码', `重庆测试配送有限公司,${a}`]));
    expect(other.body.counts.error).toBe(1);
    expect(other.body.rows[0].errors[0]).toEqual({ path: 'creditCode', message: '该企业已登记在您的管辖范围之外' });
  });

  it('refuses a file without the key columns, and a code registered twice (409 on the field)', async () => {
    const res = await upload(jb, ids['JB-GYQ']!, csv(['名称,代码', '甲,乙']));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ORGANIZING_IMPORT_HEADER');
    const code = testCode();
    const first = await jb.post('/api/v1/organizing/enterprises', { orgId: ids['JB-DSB'], name: '重庆唯一代码有限公司', creditCode: code });
    expect(first.status).toBe(201);
    const twice = await jb.post('/api/v1/organizing/enterprises', { orgId: ids['JB-GYQ'], name: '另一家公司', creditCode: code });
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0].path).toBe('creditCode');
    const wrong = await jb.post('/api/v1/organizing/enterprises', { orgId: ids['JB-GYQ'], name: '错码公司', creditCode: '91500105MA00000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('creditCode');
  });

  it('shows a street admin only the enterprises of their street', async () => {
    const inWld = await wld.post('/api/v1/organizing/enterprises', { orgId: ids['JB-WLD'], name: '五里店测试商贸有限公司', creditCode: testCode() });
    expect(inWld.status).toBe(201);
    const mine = await gyq.get('/api/v1/organizing/enterprises?pageSize=200');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    for (const e of mine.body.items) expect(['JB-GYQ', 'JB-GYQ-LH', 'JB-GYQ-TY', 'JB-GYQ-JD']).toContain(e.org.code);
    expect((await gyq.get(`/api/v1/organizing/enterprises/${inWld.body.id}`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/organizing/enterprises?orgId=${ids['JB-WLD']}`)).status).toBe(404);
    expect((await gyq.post('/api/v1/organizing/enterprises', { orgId: ids['JB-WLD'], name: '越界公司', creditCode: testCode() })).status).toBe(404);
    const district = await jb.get(`/api/v1/organizing/enterprises?orgId=${ids['JB-WLD']}&pageSize=200`);
    expect(district.body.items.map((e: { id: string }) => e.id)).toContain(inWld.body.id);
  });
});

describe('targets (年度目标)', () => {
  it('shows the demo’s targets split to the streets, adding up, with progress from the records', async () => {
    const res = await jb.get(`/api/v1/organizing/targets?orgId=${ids.JB}&year=${year}`);
    expect(res.status).toBe(200);
    expect(res.body.children.length).toBeGreaterThanOrEqual(12);
    expect(res.body.splitDifference).toEqual({ new_unions: 0, new_members: 0, new_gig_members: 0, joining_points: 0 });
    expect(res.body.org.actual.new_unions).toBeGreaterThanOrEqual(24);
    const enterprises = await jb.get('/api/v1/organizing/enterprises?pageSize=1');
    expect(enterprises.body.total).toBeGreaterThanOrEqual(280);
    const founding = await jb.get('/api/v1/organizing/enterprises?unionStatus=founding&pageSize=50');
    expect(founding.body.total).toBeGreaterThanOrEqual(10);
  });

  it('is set by the level above, and a split that does not add up is refused with its difference, or kept and shown', async () => {
    // Next year: the demo has this year's targets already set and split.
    const year = plan;
    const own = await jb.put(`/api/v1/organizing/targets/${ids.JB}`, { year, own: { new_unions: 40 } });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('ORGANIZING_TARGET_LEVEL');
    const set = await admin.put(`/api/v1/organizing/targets/${ids.JB}`, { year, own: { new_unions: 40, new_members: 2000 } });
    expect(set.status).toBe(200);
    expect(set.body.org.targets).toMatchObject({ new_unions: 40, new_members: 2000 });

    const split = {
      year,
      children: [
        { orgId: ids['JB-GYQ'], targets: { new_unions: 10 } },
        { orgId: ids['JB-WLD'], targets: { new_unions: 5 } },
      ],
    };
    const refused = await jb.put(`/api/v1/organizing/targets/${ids.JB}`, split);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ORGANIZING_SPLIT_MISMATCH');
    expect(refused.body.detail).toBe('新建工会：下级合计 15，目标 40，相差 25');
    expect(refused.body.errors).toEqual([{ path: 'own.new_unions', message: '分解合计与上级目标不一致' }]);
    const untouched = await jb.get(`/api/v1/organizing/targets?orgId=${ids.JB}&year=${year}`);
    expect(untouched.body.children.find((c: { org: { id: string } }) => c.org.id === ids['JB-GYQ']).targets.new_unions).toBeNull();

    const kept = await jb.put(`/api/v1/organizing/targets/${ids.JB}`, { ...split, acceptDifference: true });
    expect(kept.status).toBe(200);
    expect(kept.body.splitDifference.new_unions).toBe(25);
    expect(kept.body.splitDifference.new_members).toBe(2000);

    // A street admin splits their own street's target to their children, never sets it.
    expect((await gyq.put(`/api/v1/organizing/targets/${ids['JB-GYQ']}`, { year, own: { new_unions: 99 } })).status).toBe(403);
    expect((await gyq.put(`/api/v1/organizing/targets/${ids['JB-WLD']}`, { year, children: [] })).status).toBe(404);
    expect((await jb.put(`/api/v1/organizing/targets/${ids.JB}`, { year, children: [{ orgId: ids['JB-GYQ-LH'], targets: { new_unions: 1 } }] })).status).toBe(400);
  });

  it('founding a union at an enterprise moves the street’s progress', async () => {
    const before = await gyq.get(`/api/v1/organizing/targets?orgId=${ids['JB-GYQ']}&year=${year}`);
    expect(before.status).toBe(200);
    const n = before.body.org.actual.new_unions as number;
    const code = testCode();
    const e = await gyq.post('/api/v1/organizing/enterprises', { orgId: ids['JB-GYQ'], name: '重庆观音桥测试科技有限公司', creditCode: code, gigWorkers: 12, gigKind: 'platform' });
    const started = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/start-founding`, { version: e.body.version });
    expect(started.body).toMatchObject({ unionStatus: 'founding', contactStatus: 'founding' });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const founded = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/found`, { version: started.body.version, parentOrgId: ids['JB-GYQ'], foundedOn: today });
    expect(founded.status).toBe(200);
    expect(founded.body).toMatchObject({ unionStatus: 'founded', contactStatus: 'founded', foundedOn: today });
    expect(founded.body.unionOrg).toMatchObject({ type: 'grassroots', name: '重庆观音桥测试科技有限公司工会' });
    const union = await gyq.get(`/api/v1/orgs/${founded.body.unionOrg.id}`);
    expect(union.body).toMatchObject({ creditCode: code, parentId: ids['JB-GYQ'] });
    const after = await gyq.get(`/api/v1/organizing/targets?orgId=${ids['JB-GYQ']}&year=${year}`);
    expect(after.body.org.actual.new_unions).toBe(n + 1);
    const district = await jb.get(`/api/v1/organizing/targets?orgId=${ids.JB}&year=${year}`);
    const row = district.body.children.find((c: { org: { id: string } }) => c.org.id === ids['JB-GYQ']);
    expect(row.actual.new_unions).toBe(n + 1);
    const again = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/found`, { version: founded.body.version, parentOrgId: ids['JB-GYQ'], foundedOn: today });
    expect(again.status).toBe(409);
  });
});

describe('work on an enterprise', () => {
  it('logs meetings, tracks next steps, lists the overdue ones per cadre and reminds once a day', async () => {
    const e = await gyq.post('/api/v1/organizing/enterprises', { orgId: ids['JB-GYQ'], name: '重庆逾期测试有限公司', creditCode: testCode() });
    const cadres = await gyq.get(`/api/v1/organizing/enterprises/${e.body.id}/cadres`);
    const me = cadres.body.find((c: { name: string }) => c.name === '观音桥街道工会管理员');
    expect(me).toBeTruthy();
    expect(cadres.body.map((c: { name: string }) => c.name)).not.toContain('五里店街道工会管理员');
    const assigned = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/assign`, { userId: me.id, version: e.body.version });
    expect(assigned.body.cadre).toEqual({ id: me.id, name: '观音桥街道工会管理员' });
    const wldUser = (await wld.get('/api/v1/auth/me')).body;
    const refused = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/assign`, { userId: wldUser.id ?? wldUser.user?.id, version: assigned.body.version });
    expect(refused.status).toBe(400);

    const meeting = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/meetings`, { kind: 'worker_meeting', heldOn: '2026-01-05', attendance: 42, notes: '介绍入会权益' });
    expect(meeting.status).toBe(201);
    const step = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/steps`, { title: '约谈企业负责人', dueOn: '2026-01-10' });
    expect(step.body.isOverdue).toBe(true);
    const detail = await gyq.get(`/api/v1/organizing/enterprises/${e.body.id}`);
    expect(detail.body).toMatchObject({ contactStatus: 'contacted', overdueSteps: 1 });
    expect(detail.body.meetings[0]).toMatchObject({ kind: 'worker_meeting', attendance: 42 });
    expect(detail.body.events.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['created', 'assigned', 'meeting', 'status', 'step']));

    const overdue = await gyq.get(`/api/v1/organizing/overdue?cadreId=${me.id}`);
    expect(overdue.body.items.map((s: { id: string }) => s.id)).toContain(step.body.id);
    expect(overdue.body.byCadre[0]).toMatchObject({ id: me.id });
    expect(overdue.body.byStreet.map((s: { org: { code: string } }) => s.org.code)).toContain('JB-GYQ');
    expect((await wld.get('/api/v1/organizing/overdue')).body.items.map((s: { id: string }) => s.id)).not.toContain(step.body.id);

    const now = new Date();
    expect((await t.app.services.enterprises.sweepReminders(now)).reminded).toBeGreaterThanOrEqual(1);
    const rows = await t.database.query<{ n: number }>("select count(*)::int as n from notification where recipient_id = $1 and kind = 'organizing.step_overdue'", [me.id]);
    expect(rows[0]!.n).toBe(1);
    expect((await t.app.services.enterprises.sweepReminders(now)).reminded).toBe(0);

    const done = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/steps/${step.body.id}/done`);
    expect(done.body.doneAt).not.toBeNull();
    expect((await gyq.get(`/api/v1/organizing/overdue`)).body.items.map((s: { id: string }) => s.id)).not.toContain(step.body.id);
  });
});

describe('meeting photos and the map', () => {
  const photo = async (c: Client) => ({ id: await c.uploadPhoto() });

  it('attaches only one’s own photos to a meeting and shows them to staff above, not to another street', async () => {
    const e = await gyq.post('/api/v1/organizing/enterprises', { orgId: ids['JB-GYQ'], name: '重庆照片测试有限公司', creditCode: testCode() });
    const theirs = await photo(wld);
    const refused = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/meetings`, { kind: 'visit', heldOn: '2026-01-05', attendance: 3, photoIds: [theirs.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('photoIds');
    const mine = await photo(gyq);
    const ok = await gyq.post(`/api/v1/organizing/enterprises/${e.body.id}/meetings`, { kind: 'visit', heldOn: '2026-01-05', attendance: 3, photoIds: [mine.id, mine.id] });
    expect(ok.status).toBe(201);
    expect(ok.body.photoIds).toEqual([mine.id]);
    expect((await jb.get(`/api/v1/photos/${mine.id}`)).status).toBe(200);
    expect((await wld.get(`/api/v1/photos/${mine.id}`)).status).toBe(404);
  });

  it('maps the enterprises with a point, coloured by status, within the reader’s scope', async () => {
    const here = await gyq.post('/api/v1/organizing/enterprises', { orgId: ids['JB-GYQ'], name: '重庆地图测试有限公司', creditCode: testCode(), lng: 106.53, lat: 29.57 });
    const there = await wld.post('/api/v1/organizing/enterprises', { orgId: ids['JB-WLD'], name: '五里店地图测试有限公司', creditCode: testCode(), lng: 106.56, lat: 29.59 });
    const mine = await gyq.get('/api/v1/organizing/enterprises/points');
    expect(mine.status).toBe(200);
    const found = mine.body.items.find((p: { id: string }) => p.id === here.body.id);
    expect(found).toEqual({ id: here.body.id, name: '重庆地图测试有限公司', lng: 106.53, lat: 29.57, unionStatus: 'none' });
    expect(mine.body.items.map((p: { id: string }) => p.id)).not.toContain(there.body.id);
    expect(mine.body.total).toBeGreaterThanOrEqual(mine.body.items.length);
    const founded = await jb.get(`/api/v1/organizing/enterprises/points?orgId=${ids['JB']}&unionStatus=founded`);
    expect(founded.body.items.length).toBeGreaterThan(0);
    for (const p of founded.body.items) expect(p.unionStatus).toBe('founded');
    expect((await gyq.get(`/api/v1/organizing/enterprises/points?orgId=${ids['JB-WLD']}`)).status).toBe(404);
  });
});

describe('joining ceremonies (集中入会仪式)', () => {
  it('a joining point’s QR presets its street’s joint union, and the points count toward the street’s target', async () => {
    const sf = await t.anon.get('/api/v1/public/joining-points/jb-jp-sf');
    expect(sf.status).toBe(200);
    expect(sf.body).toMatchObject({ code: 'JB-JP-SF', name: '顺丰速运江北分拨中心入会点' });
    expect(sf.body.union).toMatchObject({ id: ids['JB-GYQ-LH'], type: 'joint', name: '观音桥街道片区联合工会' });
    const unknown = await t.anon.withLang('en').get('/api/v1/public/joining-points/NO-SUCH-POINT');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toMatch(/joining point’s code is not valid/);
    // A station is not a joining point.
    expect((await t.anon.get('/api/v1/public/joining-points/JB-SC')).status).toBe(404);
    const gyqTargets = await gyq.get(`/api/v1/organizing/targets?year=${year}`);
    expect(gyqTargets.body.org.actual.joining_points).toBeGreaterThanOrEqual(1);
  });

  it('hands out a /m/join link whose sign-ups arrive as applications for the ceremony’s union', async () => {
    const made = await gyq.post('/api/v1/organizing/ceremonies', {
      unionOrgId: ids['JB-GYQ-LH'],
      title: '观音桥骑手集中入会仪式',
      heldOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      place: '观音桥街道职工服务中心',
    });
    expect(made.status).toBe(201);
    expect(made.body.joinPath).toBe(`/m/join?ceremony=${made.body.code}`);
    expect((await gyq.post('/api/v1/organizing/ceremonies', { unionOrgId: ids['JB-GYQ'], title: '街道本级', heldOn: '2026-01-01' })).status).toBe(400);
    expect((await wld.post('/api/v1/organizing/ceremonies', { unionOrgId: ids['JB-GYQ-LH'], title: '越界', heldOn: '2026-01-01' })).status).toBe(404);

    const open = await t.anon.get(`/api/v1/public/ceremonies/${made.body.code}`);
    expect(open.status).toBe(200);
    expect(open.body.union).toMatchObject({ id: ids['JB-GYQ-LH'], type: 'joint' });
    expect((await t.anon.get('/api/v1/public/ceremonies/NOSUCHCODE')).status).toBe(404);

    const worker = await t.loginWorker('13900000419');
    const first17 = '50010519960715123';
    const applied = await worker.post('/api/v1/members/applications', {
      realName: '仪式骑手',
      idNumber: first17 + idNumberCheckChar(first17),
      employerName: '美团',
      employmentForm: 'delivery_rider',
      isMigrant: true,
      homeStreetCode: '500105006',
      orgId: open.body.union.id,
      via: `ceremony:${made.body.code.toLowerCase()}`,
    });
    expect(applied.status).toBe(201);
    const tagged = await t.database.query<{ via: string }>("select via from membership where via like 'ceremony:%' and org_id = $1", [ids['JB-GYQ-LH']]);
    expect(tagged.map((r) => r.via)).toContain(`ceremony:${made.body.code}`);
    const mine = await worker.get('/api/v1/members/me');
    expect(mine.body.membership).toMatchObject({ status: 'applied', org: { id: ids['JB-GYQ-LH'] } });
    const list = await gyq.get('/api/v1/organizing/ceremonies');
    expect(list.body.find((c: { id: string }) => c.id === made.body.id).applications).toBe(1);
    const queue = await gyq.get(`/api/v1/members?status=applied&orgId=${ids['JB-GYQ-LH']}&pageSize=100`);
    expect(JSON.stringify(queue.body)).toContain('仪式骑手');
    // The staff reviewing the application see where it came from.
    expect(queue.body.items.find((m: { person: { realName: string } }) => m.person.realName === '仪式骑手')).toMatchObject({ source: 'online', via: `ceremony:${made.body.code}` });
    // An application that did not come through the QR (or a malformed tag) is not counted.
    const other = await t.loginWorker('13900000421');
    const first17b = '50010519960715135';
    const bad = await other.post('/api/v1/members/applications', {
      realName: '路过骑手',
      idNumber: first17b + idNumberCheckChar(first17b),
      employmentForm: 'delivery_rider',
      orgId: open.body.union.id,
      via: 'ceremony:<script>',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('via');
    const plain = await other.post('/api/v1/members/applications', {
      realName: '路过骑手',
      idNumber: first17b + idNumberCheckChar(first17b),
      employmentForm: 'delivery_rider',
      orgId: open.body.union.id,
    });
    expect(plain.status).toBe(201);
    expect((await gyq.get('/api/v1/organizing/ceremonies')).body.find((c: { id: string }) => c.id === made.body.id).applications).toBe(1);
    // A tag that names no ceremony (typed, or stale) is dropped, not refused: staff never read a forged source.
    const typed = await t.loginWorker('13900000423');
    const first17c = '50010519960715151';
    const forged = await typed.post('/api/v1/members/applications', {
      realName: '手填骑手',
      idNumber: first17c + idNumberCheckChar(first17c),
      employmentForm: 'delivery_rider',
      orgId: open.body.union.id,
      via: 'ceremony:NOSUCHCODE',
    });
    expect(forged.status).toBe(201);
    const [stored] = await t.database.query<{ via: string | null }>("select m.via from membership m join person p on p.id = m.person_id where p.real_name = '手填骑手'");
    expect(stored).toEqual({ via: null });
  });
});

describe('export', () => {
  it('answers an .xlsx of targets against progress and the enterprises', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizing/export?orgId=${ids['JB-GYQ']}&year=${year}`, headers: { cookie: gyq.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
