import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { demoCreditCode } from '../../db/seed/demo';

let t: TestApp;
let district: Client;
let gyq: Client;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
  ids = {};
  for (const code of ['CQ', 'JB', 'JB-GYQ', 'JB-WLD', 'JB-GYQ-LH', 'JB-WLD-LH', 'JB-SF']) ids[code] = await t.orgId(code);
});
afterAll(() => t.close());

const valid = (code: string) => demoCreditCode(code);

describe('org tree', () => {
  it('creates a street and a grassroots union under it, with audit entries', async () => {
    const street = await district.post('/api/v1/orgs', { code: 'JB-TEST', type: 'street', parentId: ids.JB, name: '测试街道总工会', divisionCode: '500105003' });
    expect(street.status).toBe(201);
    expect(street.body).toMatchObject({ code: 'JB-TEST', type: 'street', depth: 2, version: 1, childCount: 0, status: 'active' });
    const grassroots = await district.post('/api/v1/orgs', { code: 'JB-TEST-01', type: 'grassroots', parentId: street.body.id, name: '测试公司工会', creditCode: valid('x1') });
    expect(grassroots.status).toBe(201);

    const detail = await district.get(`/api/v1/orgs/${grassroots.body.id}`);
    expect(detail.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['CQ', 'JB', 'JB-TEST']);
    const parent = await district.get(`/api/v1/orgs/${street.body.id}`);
    expect(parent.body.childCount).toBe(1);

    const rows = await t.database.query<{ action: string; actor_name: string }>(
      "select action, actor_name from audit_entry where entity_id = $1 or entity_id = $2 order by at",
      [street.body.id, grassroots.body.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['org.create', 'org.create']);
    expect(rows[0]!.actor_name).toBe('jb.admin');
  });

  it('lists a subtree and direct children', async () => {
    const subtree = await district.get(`/api/v1/orgs?under=${ids['JB-GYQ']}&pageSize=200`);
    expect(subtree.status).toBe(200);
    const codes = subtree.body.items.map((o: { code: string }) => o.code);
    expect(codes).toContain('JB-GYQ');
    expect(codes).toContain('JB-GYQ-LH');
    expect(codes).not.toContain('JB-WLD');
    const children = await district.get(`/api/v1/orgs?parentId=${ids.JB}&type=street&pageSize=50`);
    expect(children.body.total).toBeGreaterThanOrEqual(12);
    expect(children.body.items.every((o: { type: string }) => o.type === 'street')).toBe(true);
  });

  it('edits with the version and refuses a stale one with 409', async () => {
    const org = (await district.get(`/api/v1/orgs/${ids['JB-GYQ-LH']}`)).body;
    const first = await district.patch(`/api/v1/orgs/${org.id}`, { version: org.version, address: '观音桥步行街 1 号' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(org.version + 1);
    const stale = await district.patch(`/api/v1/orgs/${org.id}`, { version: org.version, address: '别处' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await district.get(`/api/v1/orgs/${org.id}`)).body.address).toBe('观音桥步行街 1 号');
    const audit = await t.database.query<{ before: unknown; after: unknown }>("select before, after from audit_entry where entity_id = $1 and action = 'org.update'", [org.id]);
    expect(audit[0]).toMatchObject({ before: { address: '重庆市江北区观音桥步行街' }, after: { address: '观音桥步行街 1 号' } });
  });

  it('moves a subtree, keeps descendants under it, and refuses cycles', async () => {
    const joint = (await district.get(`/api/v1/orgs/${ids['JB-WLD-LH']}`)).body;
    const under = await district.post('/api/v1/orgs', { code: 'JB-MOVE-01', type: 'grassroots', parentId: joint.id, name: '移动测试工会', creditCode: valid('m1') });
    const moved = await district.post(`/api/v1/orgs/${joint.id}/move`, { version: joint.version, parentId: ids['JB-GYQ'] });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(ids['JB-GYQ']);
    const child = await district.get(`/api/v1/orgs/${under.body.id}`);
    expect(child.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['CQ', 'JB', 'JB-GYQ', 'JB-WLD-LH']);
    expect(child.body.depth).toBe(4);

    const gyqNode = (await district.get(`/api/v1/orgs/${ids['JB-GYQ']}`)).body;
    const cycle = await district.post(`/api/v1/orgs/${gyqNode.id}/move`, { version: gyqNode.version, parentId: joint.id });
    expect(cycle.status).toBe(409);
    expect(cycle.body.code).toBe('ORG_MOVE_CYCLE');
    const self = await district.post(`/api/v1/orgs/${gyqNode.id}/move`, { version: gyqNode.version, parentId: gyqNode.id });
    expect(self.body.code).toBe('ORG_MOVE_CYCLE');

    const back = await district.post(`/api/v1/orgs/${joint.id}/move`, { version: moved.body.version, parentId: ids['JB-WLD'] });
    expect(back.status).toBe(200);
  });

  it('refuses a parent of the wrong type', async () => {
    const res = await district.post('/api/v1/orgs', { code: 'JB-BAD-ST', type: 'street', parentId: ids['JB-GYQ'], name: '街道下的街道', divisionCode: '500105006' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ORG_PARENT_TYPE_NOT_ALLOWED');
    expect(res.body.detail).toBe('街道/镇工会不能建在街道/镇工会之下');
  });

  it('closes only nodes without open children, and reopens', async () => {
    const street = (await district.get(`/api/v1/orgs/${ids['JB-GYQ']}`)).body;
    const refused = await district.post(`/api/v1/orgs/${street.id}/close`, { version: street.version, reason: '撤并' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ORG_HAS_ACTIVE_CHILDREN');

    const leaf = await district.post('/api/v1/orgs', { code: 'JB-CLOSE-01', type: 'grassroots', parentId: ids['JB-GYQ'], name: '将关闭的工会', creditCode: valid('c1') });
    const closed = await district.post(`/api/v1/orgs/${leaf.body.id}/close`, { version: 1, reason: '企业注销' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: '企业注销' });
    const underClosed = await district.post('/api/v1/orgs', { code: 'JB-CLOSE-02', type: 'grassroots', parentId: leaf.body.id, name: 'x 工会', creditCode: valid('c2') });
    expect(underClosed.status).toBe(409);
    const reopened = await district.post(`/api/v1/orgs/${leaf.body.id}/reopen`, { version: closed.body.version });
    expect(reopened.body.status).toBe('active');
  });

  it('checks the credit code (GB 32100) and the division code', async () => {
    const badCheck = await district.post('/api/v1/orgs', { code: 'JB-BAD-1', type: 'grassroots', parentId: ids['JB-GYQ'], name: '校验位错误工会', creditCode: '91350100M000100Y44' });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.errors).toEqual([{ path: 'creditCode', message: '统一社会信用代码校验位错误（GB 32100）', code: 'CREDIT_CODE_CHECK' }]);
    const missing = await district.post('/api/v1/orgs', { code: 'JB-BAD-2', type: 'grassroots', parentId: ids['JB-GYQ'], name: '无代码工会' });
    expect(missing.body.errors[0].path).toBe('creditCode');
    const unknownDivision = await district.post('/api/v1/orgs', { code: 'JB-BAD-3', type: 'street', parentId: ids.JB, name: '不存在的街道', divisionCode: '500105999' });
    expect(unknownDivision.body.errors[0]).toMatchObject({ path: 'divisionCode', code: 'DIVISION_CODE_UNKNOWN' });
    const wrongLevel = await district.post('/api/v1/orgs', { code: 'JB-BAD-4', type: 'street', parentId: ids.JB, name: '层级错误', divisionCode: '500105' });
    expect(wrongLevel.body.errors[0].code).toBe('DIVISION_CODE_LEVEL');
    const english = await district.withLang('en').post('/api/v1/orgs', { code: 'JB-BAD-5', type: 'grassroots', parentId: ids['JB-GYQ'], name: 'Bad', creditCode: '91350100M000100Y44' });
    expect(english.body.errors[0].message).toBe('The check character is wrong (GB 32100)');
  });

  it('turns a duplicate code into 409 on the code field', async () => {
    const res = await district.post('/api/v1/orgs', { code: 'JB-GYQ', type: 'grassroots', parentId: ids['JB-GYQ'], name: '重复编码工会', creditCode: valid('d1') });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE_VALUE');
    expect(res.body.errors[0].path).toBe('code');
  });

  it('offers division codes for pickers', async () => {
    const streets = await district.get('/api/v1/divisions?parent=500105');
    expect(streets.body).toHaveLength(12);
    expect(streets.body).toContainEqual({ code: '500105006', name: '观音桥街道', level: 'street' });
  });
});

describe('public figures', () => {
  it('counts open nodes by type for the big screen, without sign-in', async () => {
    const res = await t.anon.get('/api/v1/public/figures?org=JB');
    expect(res.status).toBe(200);
    expect(res.body.org).toEqual({ code: 'JB', name: '江北区总工会' });
    expect(res.body.orgs.byType.street).toBeGreaterThanOrEqual(12);
    expect(res.body.orgs.byType.grassroots).toBeGreaterThanOrEqual(30);
    expect(res.body.orgs.total).toBe(Object.values(res.body.orgs.byType as Record<string, number>).reduce((a, b) => a + b, 0));
    expect((await t.anon.get('/api/v1/public/figures?org=NOPE')).status).toBe(404);
  });
});

describe('scope: a street admin sees only their street', () => {
  it('cannot read another street or anything in it', async () => {
    expect((await gyq.get(`/api/v1/orgs/${ids['JB-WLD']}`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/orgs/${ids['JB-WLD-LH']}`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/orgs/${ids.JB}`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/orgs?under=${ids['JB-WLD']}`)).status).toBe(404);
    const list = await gyq.get('/api/v1/orgs?pageSize=200');
    const codes: string[] = list.body.items.map((o: { code: string }) => o.code);
    expect(codes.length).toBeGreaterThan(3);
    const paths = await t.database.query<{ path: string }>('select path from org where id = any($1::uuid[])', [list.body.items.map((o: { id: string }) => o.id)]);
    expect(paths.length).toBe(codes.length);
    expect(paths.every((p) => p.path.includes(ids['JB-GYQ']!))).toBe(true);
    expect(codes).not.toContain('JB-WLD');
  });

  it('cannot change another street, create under it, or move things into it', async () => {
    const wld = (await district.get(`/api/v1/orgs/${ids['JB-WLD']}`)).body;
    expect((await gyq.patch(`/api/v1/orgs/${wld.id}`, { version: wld.version, name: '被篡改' })).status).toBe(404);
    const create = await gyq.post('/api/v1/orgs', { code: 'JB-X-1', type: 'grassroots', parentId: wld.id, name: '越权工会', creditCode: valid('z1') });
    expect(create.status).toBe(404);
    expect(create.body.errors[0].path).toBe('parentId');
    const own = (await gyq.get(`/api/v1/orgs/${ids['JB-GYQ-LH']}`)).body;
    expect((await gyq.post(`/api/v1/orgs/${own.id}/move`, { version: own.version, parentId: wld.id })).status).toBe(404);
    expect((await district.get(`/api/v1/orgs/${wld.id}`)).body.name).toBe(wld.name);
  });

  it('can work inside its own street', async () => {
    const res = await gyq.post('/api/v1/orgs', { code: 'JB-GYQ-NEW', type: 'grassroots', parentId: ids['JB-GYQ-LH'], name: '观音桥新基层工会', creditCode: valid('g1') });
    expect(res.status).toBe(201);
  });

  it('staff without org.write cannot create', async () => {
    const staff = await t.login('jb.staff');
    const res = await staff.post('/api/v1/orgs', { code: 'JB-STAFF-1', type: 'grassroots', parentId: ids['JB-GYQ'], name: '干事建的工会', creditCode: valid('s1') });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await staff.get(`/api/v1/orgs/${ids['JB-GYQ']}`)).status).toBe(200);
  });

  it('workers and strangers get nothing', async () => {
    const worker = await t.loginWorker('13900000011');
    expect((await worker.get('/api/v1/orgs')).status).toBe(403);
    expect((await t.anon.get('/api/v1/orgs')).status).toBe(401);
  });
});
