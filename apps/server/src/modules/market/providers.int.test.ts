import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../../db/seed/demo';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { approvedProject, approvedProvider, PDF, PNG, projectInput, upload, uploadRaw } from './market.test-support';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
});
afterAll(async () => t?.close());

// Each step drives many requests; on a saturated 2-core machine one can take over 30 s.
describe('provider registration and review', { timeout: 180_000 }, () => {
  it('registers with a GB 32100 credit code and qualifications, is reviewed, and then acts in its portal', async () => {
    const phone = '13912340001';
    const worker = await t.loginWorker(phone);
    const pdf = await upload(t, worker, PDF, 'application/pdf', '办学许可证.pdf');
    const bad = await worker.post('/api/v1/market/providers/register', { orgId: await t.orgId('JB'), name: '江北阳光社工站', creditCode: '91500105MA5U000000', type: 'social_org', contactName: '陈社工', contactPhone: phone });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'creditCode', message: '统一社会信用代码校验位错误（GB 32100）' });

    const code = demoCreditCode('阳光社工站');
    const reg = await worker.post('/api/v1/market/providers/register', {
      orgId: await t.orgId('JB'),
      name: '江北阳光社工站',
      creditCode: code.toLowerCase(),
      type: 'social_org',
      contactName: '陈社工',
      contactPhone: phone,
      serviceAreaOrgIds: [await t.orgId('JB-GYQ')],
      qualificationFileIds: [pdf],
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    expect(reg.body).toMatchObject({ status: 'pending', creditCode: code, serviceAreas: [{ name: '观音桥街道总工会' }], qualifications: [{ name: '办学许可证.pdf', contentType: 'application/pdf' }] });
    // One provider per account; the same credit code twice is a duplicate.
    expect((await worker.post('/api/v1/market/providers/register', { orgId: await t.orgId('JB'), name: 'x公司', creditCode: code, type: 'company', contactName: '某某', contactPhone: phone })).body.code).toBe('MARKET_PROVIDER_EXISTS');
    const other = await t.loginWorker('13912340002');
    const dup = await other.post('/api/v1/market/providers/register', { orgId: await t.orgId('JB'), name: '另一家', creditCode: code, type: 'company', contactName: '某某', contactPhone: '13912340002' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].path).toBe('creditCode');

    // A street admin does not see the district's providers; the district admin does, phone masked.
    const street = await t.login('gyq.admin');
    expect((await street.get(`/api/v1/market/providers/${reg.body.id}`)).status).toBe(404);
    const seen = await admin.get(`/api/v1/market/providers/${reg.body.id}`);
    expect(seen.body.contactPhone).toBe('139****0001');
    // The qualification is visible to the district staff, not to another worker.
    expect((await admin.get(`/api/v1/market/files/${pdf}`)).status).toBe(200);
    expect((await other.get(`/api/v1/market/files/${pdf}`)).status).toBe(404);

    // The registration waits in the district staff's 待办 and bell, not in the street admin's.
    const todo = (await admin.get('/api/v1/me/todos?limit=50')).body.groups.find((g: { kind: string }) => g.kind === 'market_provider');
    expect(todo.items.map((i: { link: string }) => i.link)).toContain(`/admin/market/providers/${reg.body.id}`);
    expect((await street.get('/api/v1/me/todos?limit=50')).body.groups.map((g: { kind: string }) => g.kind)).not.toContain('market_provider');
    expect((await admin.get('/api/v1/me/notifications')).body.items.map((n: { link: string }) => n.link)).toContain(`/admin/market/providers/${reg.body.id}`);

    // Returning needs a reason; the provider fixes and it goes back to review; then approved.
    expect((await admin.post(`/api/v1/market/providers/${reg.body.id}/review`, { version: reg.body.version, decision: 'return' })).body.errors[0].path).toBe('reason');
    const returned = await admin.post(`/api/v1/market/providers/${reg.body.id}/review`, { version: reg.body.version, decision: 'return', reason: '请补充近一年服务案例' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewReason: '请补充近一年服务案例' });
    const portal = worker;
    const mine = await portal.get('/api/v1/market/my-provider');
    expect(mine.body.provider).toMatchObject({ status: 'returned', contactPhone: phone });
    const fixed = await portal.request('PUT', '/api/v1/market/my-provider', { version: mine.body.provider.version, name: '江北阳光社工站', creditCode: code, type: 'social_org', contactName: '陈社工', contactPhone: phone, intro: '近一年服务 30 场', qualificationFileIds: [pdf] });
    expect(fixed.body.status).toBe('pending');
    const approved = await admin.post(`/api/v1/market/providers/${reg.body.id}/review`, { version: fixed.body.version, decision: 'approve' });
    expect(approved.body.status).toBe('approved');
    // The provider heard both decisions (the return with its reason); the approval left the 待办.
    const told = (await portal.get('/api/v1/me/notifications')).body.items.map((n: { title: string; body: string | null }) => `${n.title}|${n.body ?? ''}`);
    expect(told).toEqual(expect.arrayContaining(['服务商审核结果：通过|', '服务商审核结果：退回修改|江北阳光社工站：请补充近一年服务案例']));
    expect((await admin.get('/api/v1/me/todos?limit=50')).body.groups.find((g: { kind: string }) => g.kind === 'market_provider')?.items.map((i: { id: string }) => i.id) ?? []).not.toContain(reg.body.id);
    // Suspending an approved provider needs a reason too, and approving twice is refused with the status named.
    const again = await admin.post(`/api/v1/market/providers/${reg.body.id}/review`, { version: approved.body.version, decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已通过');

    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at`, [reg.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['market.provider.register', 'market.provider.return', 'market.provider.update', 'market.provider.approve']);
  });

  it('checks files by their content and size, not their declared type', async () => {
    const worker = await t.loginWorker('13912340003');
    const script = await uploadRaw(t, worker, Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(script.status).toBe(415);
    expect(script.body.code).toBe('MARKET_FILE_TYPE');
    const big = await uploadRaw(t, worker, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png');
    expect(big.status).toBe(413);
    expect((await uploadRaw(t, worker, PNG, 'image/png')).status).toBe(201);
  });
});

// Each step drives many requests; on a saturated 2-core machine one can take over 30 s.
describe('projects and their versions', { timeout: 180_000 }, () => {
  it('versions an approved project: an edit is a new version for review, the library keeps the approved one', async () => {
    const { client: provider } = await approvedProvider(t, admin);
    const photo = await upload(t, provider, PNG, 'image/png', 'photo.png');
    const pdf = await upload(t, provider, PDF, 'application/pdf');
    // A PDF is no photo.
    const wrong = await provider.post('/api/v1/market/my-projects', projectInput({ photoIds: [pdf] }));
    expect(wrong.body.errors[0]).toMatchObject({ path: 'photoIds.0' });
    const { id } = await approvedProject(provider, admin, { photoIds: [photo], attachmentIds: [pdf] });
    const lib = await t.anon.get(`/api/v1/market/library/${id}`);
    expect(lib.status).toBe(200);
    expect(lib.body).toMatchObject({ priceFen: 150_000, photoIds: [photo] });
    // Anyone sees a library photo; an attachment stays with the provider and staff.
    expect((await t.anon.get(`/api/v1/market/files/${photo}`)).status).toBe(200);
    expect((await t.anon.get(`/api/v1/market/files/${pdf}`)).status).toBe(404);

    const detail = await provider.get(`/api/v1/market/my-projects/${id}`);
    const edited = await provider.request('PUT', `/api/v1/market/my-projects/${id}/draft`, { ...projectInput({ photoIds: [photo] }), title: '职工心理减压工作坊（升级版）', priceFen: 180_000, version: detail.body.version });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.latest).toMatchObject({ number: 2, status: 'draft', priceFen: 180_000 });
    expect(edited.body.current).toMatchObject({ number: 1, status: 'approved', priceFen: 150_000 });
    // A stale edit is a version conflict.
    expect((await provider.request('PUT', `/api/v1/market/my-projects/${id}/draft`, { ...projectInput(), version: detail.body.version })).status).toBe(409);
    const submitted = await provider.post(`/api/v1/market/my-projects/${id}/submit`, { version: edited.body.version });
    expect(submitted.body.latest.status).toBe('pending');
    expect((await t.anon.get(`/api/v1/market/library/${id}`)).body.title).toBe('职工心理减压工作坊');
    const approved = await admin.post(`/api/v1/market/projects/${id}/review`, { versionId: submitted.body.latest.id, decision: 'approve' });
    expect(approved.body.versions.map((v: { number: number; status: string }) => `${v.number}:${v.status}`)).toEqual(['2:approved', '1:superseded']);
    expect((await t.anon.get(`/api/v1/market/library/${id}`)).body).toMatchObject({ title: '职工心理减压工作坊（升级版）', priceFen: 180_000 });
    // Another provider cannot see it.
    const { client: stranger } = await approvedProvider(t, admin);
    expect((await stranger.get(`/api/v1/market/my-projects/${id}`)).status).toBe(404);
  });

  it('refuses a price change of an approved project while an order is placed or confirmed on it', async () => {
    const { client: provider } = await approvedProvider(t, admin);
    const { id } = await approvedProject(provider, admin, { formats: ['on_site'] });
    const order = await admin.post('/api/v1/market/orders', { projectId: id, orderingOrgId: await t.orgId('JB-SF'), serviceDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10), headcount: 20, placeKind: 'address', address: '顺丰观音桥营业部' });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const confirmed = await provider.post(`/api/v1/market/my-orders/${order.body.id}/confirm`, { version: order.body.version });
    expect(confirmed.body.status).toBe('confirmed');
    const detail = await provider.get(`/api/v1/market/my-projects/${id}`);
    const priced = await provider.request('PUT', `/api/v1/market/my-projects/${id}/draft`, { ...projectInput({ formats: ['on_site'] }), priceFen: 200_000, version: detail.body.version });
    expect(priced.status).toBe(409);
    expect(priced.body.code).toBe('MARKET_PRICE_LOCKED');
    expect(priced.body.detail).toContain('¥1,500.00');
    // Other edits are fine.
    const texted = await provider.request('PUT', `/api/v1/market/my-projects/${id}/draft`, { ...projectInput({ formats: ['on_site'] }), description: '由持证心理咨询师带领，两小时团体辅导，新增睡眠改善练习。', version: detail.body.version });
    expect(texted.status).toBe(200);
  });
});
