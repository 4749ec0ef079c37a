import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

// 合理化建议 (issue 16, point 2): a member suggests to their own union on the phone; the union's
// staff review, forward, adopt or decline with notes the worker reads; benefit and reward; scope;
// the 待办; figures by period, category and union; the demo's 12,000+.
let t: TestApp;
let jb: Client;
let member: Client;
let stranger: Client;
let streetOf: Client;
let otherStreet: Client;
const MEMBER_PHONE = '13800000002';
type Detail = { id: string; number: string; status: string; version: number; orgId: string; submitterName: string; benefitFen: number | null; rewardFen: number | null; forwardedTo: string | null; steps: { kind: string; note: string | null; actorName: string | null }[] };
type Mine = { id: string; title: string; status: string; steps: { kind: string; note: string | null; actorName: string | null }[] };

async function ok<T>(p: Promise<{ status: number; body: unknown }>, expected = 200): Promise<T> {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(expected);
  return res.body as T;
}
const todoIds = async (c: Client) => ((await c.get('/api/v1/me/todos?limit=50')).body.groups.find((g: { kind: string }) => g.kind === 'suggestion')?.items.map((i: { id: string }) => i.id) ?? []) as string[];

beforeAll(async () => {
  t = await createTestApp({}, { jobRunner: false });
  jb = await t.login('jb.admin');
  member = await t.loginWorker(MEMBER_PHONE);
  stranger = await t.loginWorker('13555008888');
  // The member's union sits under one of the demo streets (the demo draws it at random): an admin
  // made for that street is in scope; the admin of another street is not.
  const [street] = await t.database.query<{ id: string; code: string }>(
    `select s.id, s.code from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
     join org s on o.path like s.path || '%' and s.parent_id = (select id from org where code = 'JB') where p.phone = $1 and m.status = 'active'`,
    [MEMBER_PHONE],
  );
  expect(street, 'the demo member belongs under a union below 江北区').toBeTruthy();
  const admin = await t.login('admin');
  await ok(admin.post('/api/v1/users', { username: 'sg.street', displayName: '建议街道管理员', password: 'Niangjia@2026', role: 'union_admin', orgId: street!.id }), 201);
  streetOf = await t.login('sg.street');
  otherStreet = await t.login(street!.code === 'JB-GYQ' ? 'wld.admin' : 'gyq.admin');
});
afterAll(() => t.close());

describe('合理化建议 suggestions', () => {
  let s: Detail;

  it('a member suggests to their own union; a non-member is asked to join; someone else’s photo is refused', async () => {
    const refused = await stranger.post('/api/v1/voice/suggestions', { title: '建议', category: 'process', body: '内容' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SUGGESTION_NOT_MEMBER');
    const bad = await member.post('/api/v1/voice/suggestions', { title: '', category: 'nope', body: '内容' });
    expect(bad.status).toBe(400);
    const photo = await member.post('/api/v1/voice/suggestions', { title: '建议', category: 'process', body: '内容', photoIds: ['00000000-0000-4000-8000-000000000001'] });
    expect(photo.status).toBe(400);
    const made = await ok<Mine & { number: string; orgName: string }>(
      member.post('/api/v1/voice/suggestions', { title: '<img src=x onerror=alert(1)>分拣线加导流板', category: 'process', body: '现状：包裹卡滞。建议：加导流板。' }),
      201,
    );
    expect(made.number).toMatch(/^JY\d{6,}$/);
    expect(made.status).toBe('submitted');
    expect(made.title).toBe('<img src=x onerror=alert(1)>分拣线加导流板');
    s = await ok<Detail>(streetOf.get(`/api/v1/voice/suggestions/${made.id}`));
    expect(s.steps.map((x) => x.kind)).toEqual(['submitted']);
  });

  it('is seen by the union above in its list and 待办, and not by a sibling street', async () => {
    const list = await ok<{ items: { id: string }[] }>(streetOf.get(`/api/v1/voice/suggestions?status=submitted&q=${encodeURIComponent('导流板')}`));
    expect(list.items.map((i) => i.id)).toContain(s.id);
    expect((await ok<{ items: { id: string }[] }>(streetOf.get(`/api/v1/voice/suggestions?q=${s.number}`))).items.map((i) => i.id)).toEqual([s.id]);
    expect(await todoIds(streetOf)).toContain(s.id);
    expect((await otherStreet.get(`/api/v1/voice/suggestions/${s.id}`)).status).toBe(404);
    expect((await otherStreet.post(`/api/v1/voice/suggestions/${s.id}/review`, { version: s.version })).status).toBe(404);
    expect((await ok<{ items: { id: string }[] }>(otherStreet.get('/api/v1/voice/suggestions?status=submitted&pageSize=200'))).items.map((i) => i.id)).not.toContain(s.id);
  });

  it('goes review → forward → adopt with benefit and reward; each step is checked and the worker reads every note', async () => {
    const base = `/api/v1/voice/suggestions/${s.id}`;
    const early = await streetOf.post(`${base}/benefit`, { version: s.version, benefitFen: 100 });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('SUGGESTION_BENEFIT_NOT_ADOPTED');
    s = await ok<Detail>(streetOf.post(`${base}/review`, { version: s.version, note: '已收到，正在评估' }));
    expect(s.status).toBe('reviewing');
    expect((await streetOf.post(`${base}/review`, { version: s.version })).status).toBe(409);
    const noWhom = await streetOf.post(`${base}/forward`, { version: s.version });
    expect(noWhom.status).toBe(400);
    expect(noWhom.body.errors[0].path).toBe('forwardedTo');
    const stale = await streetOf.post(`${base}/forward`, { version: s.version - 1, forwardedTo: '生产部' });
    expect(stale.status).toBe(409);
    s = await ok<Detail>(streetOf.post(`${base}/forward`, { version: s.version, forwardedTo: '顺丰分拨中心生产部' }));
    expect(s.forwardedTo).toBe('顺丰分拨中心生产部');
    s = await ok<Detail>(streetOf.post(`${base}/adopt`, { version: s.version, note: '已在二号线试行', benefitFen: 1_250_000 }));
    expect(s.status).toBe('adopted');
    s = await ok<Detail>(streetOf.post(`${base}/benefit`, { version: s.version, benefitHours: 320, rewardFen: 50_000 }));
    expect([s.benefitFen, s.rewardFen]).toEqual([1_250_000, 50_000]);
    expect((await streetOf.post(`${base}/decline`, { version: s.version, note: '晚了' })).status).toBe(409);
    expect(s.steps.map((x) => x.kind)).toEqual(['submitted', 'review', 'forward', 'adopt', 'benefit']);
    expect(s.steps[2]!.note).toContain('顺丰分拨中心生产部');
    expect(s.steps[1]!.actorName).toBeTruthy();

    const mine = await ok<{ items: Mine[] }>(member.get('/api/v1/voice/suggestions/mine'));
    const own = mine.items.find((m) => m.id === s.id)!;
    expect(own.status).toBe('adopted');
    expect(own.steps.map((x) => x.note)).toContain('已在二号线试行');
    expect(own.steps.every((x) => x.actorName === null)).toBe(true);
    expect((await ok<{ items: Mine[] }>(stranger.get('/api/v1/voice/suggestions/mine'))).items).toEqual([]);
    const told = await t.database.query<{ kind: string }>(
      `select kind from notification where entity_id = $1 and recipient_id = (select id from app_user where phone = $2) order by created_at`,
      [s.id, MEMBER_PHONE],
    );
    expect(told.map((r) => r.kind)).toEqual(['suggestion.review', 'suggestion.forward', 'suggestion.adopt', 'suggestion.benefit']);
    expect(await todoIds(streetOf)).not.toContain(s.id);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at`, [s.id]);
    expect(audit.map((a) => a.action)).toEqual(['suggestion.submitted', 'suggestion.review', 'suggestion.forward', 'suggestion.adopt', 'suggestion.benefit']);
  });

  it('declining needs a reason', async () => {
    const made = await ok<{ id: string }>(member.post('/api/v1/voice/suggestions', { title: '食堂加夜班餐', category: 'welfare', body: '夜班职工吃饭难' }), 201);
    const d = await ok<Detail>(streetOf.get(`/api/v1/voice/suggestions/${made.id}`));
    const bare = await streetOf.post(`/api/v1/voice/suggestions/${made.id}/decline`, { version: d.version });
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0].path).toBe('note');
    const declined = await ok<Detail>(streetOf.post(`/api/v1/voice/suggestions/${made.id}/decline`, { version: d.version, note: '食堂已排期改造' }));
    expect(declined.status).toBe('declined');
  });

  it('counts made, adopted, benefit and reward by period, category and union; the demo holds 12,000+', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const f = await ok<{ totals: { submitted: number; adopted: number; benefitFen: number; rewardFen: number }; byCategory: { category: string; adopted: number }[]; byOrg: { orgId: string; submitted: number }[] }>(
      streetOf.get(`/api/v1/voice/suggestions/figures?from=${today}&to=${today}&orgId=${s.orgId}`),
    );
    expect(f.totals.submitted).toBeGreaterThanOrEqual(2);
    expect(f.totals.adopted).toBeGreaterThanOrEqual(1);
    expect(f.totals.benefitFen).toBeGreaterThanOrEqual(1_250_000);
    expect(f.byCategory.find((c) => c.category === 'process')!.adopted).toBeGreaterThanOrEqual(1);
    expect(f.byOrg.map((o) => o.orgId)).toEqual([s.orgId]);
    expect((await jb.get('/api/v1/voice/suggestions/figures?from=2026-02-01&to=2026-01-01')).status).toBe(400);
    const all = await ok<{ totals: { submitted: number; adopted: number; open: number } }>(jb.get(`/api/v1/voice/suggestions/figures?from=2020-01-01&to=${today}`));
    expect(all.totals.submitted).toBeGreaterThan(12_000);
    expect(all.totals.adopted / all.totals.submitted).toBeGreaterThan(0.3);
    expect(all.totals.open).toBeGreaterThan(0);
  });
});
