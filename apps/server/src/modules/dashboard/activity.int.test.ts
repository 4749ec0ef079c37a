import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('工作台 recent activity', () => {
  it('names the people and the member, shows the seed as 系统初始化, and leaves out sign-ins', async () => {
    const gyq = await t.login('gyq.admin');
    const worker = await t.loginWorker('13900000611');
    const applied = await worker.post('/api/v1/members/applications', { realName: '李强', idNumber: `50010519910101123${idNumberCheckChar('50010519910101123')}`, employmentForm: 'delivery_rider', orgId: await t.orgId('JB-GYQ-LH') });
    await gyq.post(`/api/v1/members/${applied.body.membership.id}/approve`, { version: 1 });

    const items = (await gyq.get('/api/v1/dashboard/activity?limit=10')).body;
    expect(items[0]).toMatchObject({ action: 'member.approve', actor: { kind: 'user', name: '观音桥街道工会管理员' }, subject: '李强', link: `/admin/members/${applied.body.membership.id}` });
    expect(items[1]).toMatchObject({ action: 'member.apply', subject: '李强' });
    expect(items.some((i: any) => i.action.startsWith('auth.'))).toBe(false);

    const district = (await (await t.login('jb.admin')).get('/api/v1/dashboard/activity?limit=50')).body;
    const seeded = district.find((i: any) => i.actor.kind === 'seed');
    expect(seeded).toBeDefined();
    expect(seeded.actor.name).toBeNull();
    expect(JSON.stringify(district)).not.toContain('seed --demo');
    expect(JSON.stringify(district)).not.toContain('"cli"');
  });

  it('keeps to the scope: another street’s org is 404, and a worker has no access', async () => {
    const gyq = await t.login('gyq.admin');
    expect((await gyq.get(`/api/v1/dashboard/activity?orgId=${await t.orgId('JB-WLD')}`)).status).toBe(404);
    const wld = (await (await t.login('wld.admin')).get('/api/v1/dashboard/activity?limit=50')).body;
    expect(wld.some((i: any) => i.subject === '李强')).toBe(false);
    expect((await (await t.loginWorker('13900000612')).get('/api/v1/dashboard/activity')).status).toBe(403);
  });
});
