import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../../db/seed/demo';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { dayFromNow, projectInput, seasonAtFinal } from './market.test-support';

/**
 * Conflict of interest: an account that acts for a provider cannot review that provider or its
 * projects, order from it on the union's subsidy, or be assigned to judge its entry. Another staff
 * member can do each of these.
 */
let t: TestApp;
let district: Client;
let platform: Client;
let userIdOf: (username: string) => Promise<string>;

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  platform = await t.login('admin');
  userIdOf = async (username) => (await t.database.query<{ id: string }>('select id from app_user where username = $1', [username]))[0]!.id;
});
afterAll(async () => t?.close());

/** Makes the account a second contact of the provider, as if it had been added to it. */
const actFor = (providerId: string, userId: string) => t.database.query('insert into market_provider_user (provider_id, user_id) values ($1, $2)', [providerId, userId]);

describe('staff who act for a provider stand aside', { timeout: 180_000 }, () => {
  it('cannot review their own provider or its project, nor order from it; a colleague can', async () => {
    const phone = '13912340077';
    const owner = await t.loginWorker(phone);
    const reg = await owner.post('/api/v1/market/providers/register', { orgId: await t.orgId('JB'), name: '回避测试服务社', creditCode: demoCreditCode(`回避-${phone}`), type: 'social_org', contactName: '联系人', contactPhone: phone });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    await actFor(reg.body.id, await userIdOf('jb.admin'));

    const own = await district.post(`/api/v1/market/providers/${reg.body.id}/review`, { version: reg.body.version, decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'MARKET_OWN_PROVIDER', title: '你代表该服务商，须回避' });
    expect(own.body.detail).toContain('请由其他工作人员办理');
    const english = await district.request('POST', `/api/v1/market/providers/${reg.body.id}/review`, { version: reg.body.version, decision: 'approve' }, { 'accept-language': 'en' });
    expect(english.body.title).toBe('You act for this provider and must stand aside');
    const approved = await platform.post(`/api/v1/market/providers/${reg.body.id}/review`, { version: reg.body.version, decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const created = await owner.post('/api/v1/market/my-projects', projectInput({ title: '回避测试项目' }));
    const submitted = await owner.post(`/api/v1/market/my-projects/${created.body.id}/submit`, { version: created.body.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const ownReview = await district.post(`/api/v1/market/projects/${created.body.id}/review`, { versionId: submitted.body.latest.id, decision: 'approve' });
    expect(ownReview.status).toBe(403);
    expect(ownReview.body.code).toBe('MARKET_OWN_PROVIDER');
    const reviewed = await platform.post(`/api/v1/market/projects/${created.body.id}/review`, { versionId: submitted.body.latest.id, decision: 'approve' });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    const listed = await platform.post(`/api/v1/market/projects/${created.body.id}/listing`, { version: reviewed.body.version, isListed: true });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);

    const order = { projectId: created.body.id, orderingOrgId: await t.orgId('JB-SF'), serviceDate: dayFromNow(5), headcount: 10, placeKind: 'address', address: '顺丰观音桥营业部三楼' };
    const ownOrder = await district.post('/api/v1/market/orders', order);
    expect(ownOrder.status, JSON.stringify(ownOrder.body)).toBe(403);
    expect(ownOrder.body.code).toBe('MARKET_OWN_PROVIDER');
    const count = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from market_order where project_id = $1', [created.body.id]))[0]!.n;
    expect(await count()).toBe(0);
    const placed = await platform.post('/api/v1/market/orders', order);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(await count()).toBe(1);
  });

  it('does not assign a judge to the entry of a provider the judge acts for, by hand or in bulk', async () => {
    const { seasonId, entryIds } = await seasonAtFinal(t, district, 2);
    const [entry] = (await t.database.query<{ provider_id: string }>('select provider_id from market_entry where id = $1', [entryIds[0]]));
    const invited = await district.post(`/api/v1/market/seasons/${seasonId}/judges`, { phone: '13912340088', name: '回避评委' });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const judgeUser = (await t.database.query<{ user_id: string }>('select user_id from market_judge where id = $1', [invited.body.id]))[0]!.user_id;
    // Invited at the final, the judge was given every finalist; being tied to one provider, they take it off and cannot put it back.
    await actFor(entry!.provider_id, judgeUser);
    expect((await district.post(`/api/v1/market/seasons/${seasonId}/assignments`, { judgeId: invited.body.id, entryId: entryIds[0], isAssigned: false })).status).toBe(204);
    const again = await district.post(`/api/v1/market/seasons/${seasonId}/assignments`, { judgeId: invited.body.id, entryId: entryIds[0], isAssigned: true });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'MARKET_JUDGE_OWN_ENTRY', title: '该评委代表这个参赛服务商，须回避' });
    expect((await district.post(`/api/v1/market/seasons/${seasonId}/assignments`, { judgeId: invited.body.id, entryId: entryIds[1], isAssigned: true })).status).toBe(204);

    // A second judge invited at the final is tied to the first entry's provider from the start: bulk assignment leaves it out.
    const other = await t.database.query<{ id: string }>(`insert into app_user (display_name, phone) values ('回避评委二', '13912340099') returning id`);
    await actFor(entry!.provider_id, other[0]!.id);
    const second = await district.post(`/api/v1/market/seasons/${seasonId}/judges`, { phone: '13912340099', name: '回避评委二' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const assigned = await t.database.query<{ entry_id: string }>('select entry_id from market_assignment where judge_id = $1 order by entry_id', [second.body.id]);
    expect(assigned.map((a) => a.entry_id)).toEqual([entryIds[1]]);
  });
});
