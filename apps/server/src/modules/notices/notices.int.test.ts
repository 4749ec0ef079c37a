import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let jb: Client;
let gyq: Client;
beforeAll(async () => {
  t = await createTestApp();
  jb = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
});
afterAll(() => t.close());

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);

describe('通知公告', () => {
  it('goes from draft to published to withdrawn, audited, and reaches workers of the subtree only', async () => {
    const draft = await gyq.post('/api/v1/notices', { orgId: await t.orgId('JB-GYQ'), title: '观音桥驿站夏季送清凉', body: '7月1日起，辖区各驿站免费提供绿豆汤。\n欢迎户外劳动者前来休息。' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', publishedAt: null, org: { code: 'JB-GYQ' } });
    const district = await jb.post('/api/v1/notices', { orgId: await t.orgId('JB'), title: '江北区总工会2026年普惠活动安排', body: '全年普惠活动安排见附件说明，请各级工会做好宣传。', publish: true, isPinned: true });
    expect(district.body).toMatchObject({ status: 'published', isPinned: true });

    // A member of a union under 观音桥 sees both once the street's is published; a 五里店 member only the district's.
    const gyqWorker = await t.loginWorker('13900000511');
    const applied = await gyqWorker.post('/api/v1/members/applications', { realName: '赵六', idNumber: idNumber('50010519880811123'), employmentForm: 'delivery_rider', orgId: await t.orgId('JB-GYQ-LH') });
    expect(applied.status).toBe(201);
    let feed = await gyqWorker.get('/api/v1/notice-feed');
    expect(feed.body.items.map((n: any) => n.id)).not.toContain(draft.body.id);
    const published = await gyq.post(`/api/v1/notices/${draft.body.id}/publish`, { version: draft.body.version });
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    feed = await gyqWorker.get('/api/v1/notice-feed');
    const ids = feed.body.items.map((n: any) => n.id);
    expect(ids).toContain(draft.body.id);
    expect(ids.indexOf(district.body.id)).toBeLessThan(ids.indexOf(draft.body.id)); // pinned first
    expect(feed.body.chain.slice(0, 3)).toEqual(['观音桥街道片区联合工会', '观音桥街道总工会', '江北区总工会']);
    const detail = await gyqWorker.get(`/api/v1/notice-feed/${draft.body.id}`);
    expect(detail.body).toMatchObject({ title: '观音桥驿站夏季送清凉', body: '7月1日起，辖区各驿站免费提供绿豆汤。\n欢迎户外劳动者前来休息。', orgName: '观音桥街道总工会' });
    expect(detail.body.createdByName).toBeUndefined();

    const wldWorker = await t.loginWorker('13900000512');
    await wldWorker.post('/api/v1/members/applications', { realName: '钱七', idNumber: idNumber('50010519870722123'), employmentForm: 'courier', orgId: await t.orgId('JB-WLD-LH') });
    const wldFeed = (await wldWorker.get('/api/v1/notice-feed')).body.items.map((n: any) => n.id);
    expect(wldFeed).toContain(district.body.id);
    expect(wldFeed).not.toContain(draft.body.id);
    expect((await wldWorker.get(`/api/v1/notice-feed/${draft.body.id}`)).status).toBe(404);

    const withdrawn = await gyq.post(`/api/v1/notices/${draft.body.id}/withdraw`, { version: 2 });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await gyqWorker.get(`/api/v1/notice-feed/${draft.body.id}`)).status).toBe(404);
    expect((await gyq.post(`/api/v1/notices/${draft.body.id}/withdraw`, { version: 3 })).body).toMatchObject({ status: 409, code: 'NOTICE_STATE', detail: '该公告当前为“已撤回”' });
    expect((await jb.request('PATCH', `/api/v1/notices/${district.body.id}`, { version: 1, isPinned: false })).body).toMatchObject({ isPinned: false, version: 2 });
    expect((await jb.request('PATCH', `/api/v1/notices/${district.body.id}`, { version: 1, title: '旧版本上的修改' })).body).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_type = 'notice' and entity_id = $1 order by at", [draft.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['notice.create', 'notice.publish', 'notice.withdraw']);
  });

  it('shows a signed-out phone the top of the tree only, and keeps staff to their own subtree', async () => {
    const anon = await t.anon.get('/api/v1/notice-feed');
    expect(anon.status).toBe(200);
    expect(anon.body.chain).toEqual([]);
    const wld = await t.login('wld.admin');
    const gyqNotice = (await gyq.get('/api/v1/notices?pageSize=50')).body.items.find((n: any) => n.org.code === 'JB-GYQ');
    expect((await wld.get(`/api/v1/notices/${gyqNotice.id}`)).status).toBe(404);
    expect((await wld.post('/api/v1/notices', { orgId: await t.orgId('JB-GYQ'), title: '越权公告', body: '不应写入' })).body).toMatchObject({ status: 404, errors: [{ path: 'orgId' }] });
    expect((await wld.get('/api/v1/notices?pageSize=50')).body.items.every((n: any) => n.org.code !== 'JB-GYQ')).toBe(true);
    const worker = await t.loginWorker('13900000513');
    expect((await worker.get('/api/v1/notices')).status).toBe(403);
    const bad = await gyq.post('/api/v1/notices', { orgId: await t.orgId('JB-GYQ'), title: 'x', body: '<script>alert(1)</script>' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('title');
  });
});
