import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { DEMO_MEMBER_HONOUR_PHONE } from './honours.demo';

/**
 * 我的荣誉 (GET /api/v1/me/honours): a worker sees their own active 劳模工匠 honours and the care
 * recorded for them — never another worker's; a worker with none gets empty lists; signed out is 401.
 */
let t: TestApp;
let jb: Client;
let unionId: string;
let seq = 0;

async function worker(): Promise<{ c: Client; membershipId: string; personId: string }> {
  const n = ++seq;
  const first17 = `50010519790202${String(n % 100).padStart(2, '0')}${n % 2 ? 1 : 2}`;
  const c = await t.loginWorker(`1357700${String(n).padStart(4, '0')}`);
  const applied = await c.post('/api/v1/members/applications', { realName: `荣誉职工${n}`, idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'standard', orgId: unionId });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const approved = await jb.post(`/api/v1/members/${applied.body.membership.id}/approve`, { version: applied.body.membership.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  const [p] = await t.database.query<{ person_id: string }>('select person_id from membership where id = $1', [applied.body.membership.id]);
  return { c, membershipId: applied.body.membership.id as string, personId: p!.person_id };
}

beforeAll(async () => {
  t = await createTestApp();
  jb = await t.login('jb.staff');
  unionId = await t.orgId('JB-GYQ-LH');
}, 180_000);
afterAll(() => t.close());

describe('我的荣誉', () => {
  it('shows the worker their own honours and care only; another worker sees an empty page', async () => {
    const [a, b] = [await worker(), await worker()];
    expect(await a.c.get('/api/v1/me/honours').then((r) => r.body)).toEqual({ honours: [], cares: [] });
    const h = await jb.post('/api/v1/honours', { membershipId: a.membershipId, level: 'district', title: 'craftsman', titleText: '<b>江北工匠</b>', year: 2024, awardingBody: '江北区总工会' });
    expect(h.status, JSON.stringify(h.body)).toBe(201);
    const old = await jb.post('/api/v1/honours', { membershipId: a.membershipId, level: 'district', title: 'advanced_worker', year: 2019, awardingBody: '江北区总工会' });
    expect(old.status).toBe(201);
    expect((await jb.post(`/api/v1/honours/${old.body.id}/revoke`, { reason: '重复登记', version: old.body.version })).status).toBe(200);
    expect((await jb.post(`/api/v1/honours/persons/${a.personId}/care`, { kind: 'health_check', caredOn: '2025-06-10', notes: '年度体检' })).status).toBe(201);

    const mine = await a.c.get('/api/v1/me/honours');
    expect(mine.status).toBe(200);
    // The revoked one is not the worker's honour any more; the typed title stays text.
    expect(mine.body.honours).toEqual([expect.objectContaining({ id: h.body.id, level: 'district', title: 'craftsman', titleText: '<b>江北工匠</b>', year: 2024, awardingBody: '江北区总工会', status: 'active' })]);
    expect(mine.body.cares).toEqual([expect.objectContaining({ kind: 'health_check', caredOn: '2025-06-10', notes: '年度体检' })]);
    // No one else's: another worker, and the honour's record carries nothing of theirs.
    expect((await b.c.get('/api/v1/me/honours')).body).toEqual({ honours: [], cares: [] });
    expect(JSON.stringify(mine.body)).not.toContain('idNumber');
    expect((await t.anon.get('/api/v1/me/honours')).status).toBe(401);
  });

  it('shows the demo member (13800000002) their district 先进工作者 honour and the spring visit', async () => {
    const demo = await t.loginWorker(DEMO_MEMBER_HONOUR_PHONE);
    const mine = (await demo.get('/api/v1/me/honours')).body as { honours: { level: string; title: string; awardingBody: string }[]; cares: { kind: string }[] };
    expect(mine.honours).toEqual([expect.objectContaining({ level: 'district', title: 'advanced_worker', awardingBody: '重庆市江北区人民政府' })]);
    expect(mine.cares.map((c) => c.kind)).toEqual(['visit']);
  });
});
