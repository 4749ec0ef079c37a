import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

/**
 * 秋送助学 on the demo's Jiangbei: the district sets the amounts by level on an autumn campaign;
 * a worker applies for their child on the phone and staff for a member's child; the amount is
 * the level's; one aid per child and year whoever applies; the application is approved and paid
 * through the campaign's own nomination path, which never overspends the budget; the child's ID
 * number is masked everywhere but the audited reveal; a summer job only for an aided student.
 */
let t: TestApp;
let jb: Client;
let jbStaff: Client;
let wld: Client;
let unionId: string;
let campaignId: string;
const shDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const YEAR = Number(shDay(0).slice(0, 4));

let seq = 0;
const idOf = (birth: string, n: number, sex: 1 | 2 = 1) => {
  const first17 = `500105${birth.replaceAll('-', '')}${String(n % 100).padStart(2, '0')}${sex}`;
  return first17 + idNumberCheckChar(first17);
};

/** A worker who joins the district's grassroots union and is approved; their client and membership id. */
async function member(): Promise<{ c: Client; membershipId: string }> {
  const n = ++seq;
  const c = await t.loginWorker(`1356600${String(n).padStart(4, '0')}`);
  const applied = await c.post('/api/v1/members/applications', { realName: `助学家长${n}`, idNumber: idOf('1978-05-06', n), employmentForm: 'standard', orgId: unionId });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const approved = await jb.post(`/api/v1/members/${applied.body.membership.id}/approve`, { version: applied.body.membership.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return { c, membershipId: applied.body.membership.id as string };
}

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function autumnCampaign(budgetFen: number): Promise<string> {
  const c = await ok<{ id: string; version: number }>(
    jb.post('/api/v1/assistance/campaigns', {
      orgId: await t.orgId('JB'),
      kind: 'autumn',
      name: '秋送助学测试活动',
      startsOn: shDay(0),
      endsOn: shDay(30),
      budgetFen,
      fundingSources: [{ source: '区总工会经费', amountFen: budgetFen }],
      benefits: [{ key: 'study', kind: 'cash', name: '助学金', amountFen: 100_000 }],
      eligibility: {},
      secondApprovalFen: 5_000_000,
    }),
    'campaign',
  );
  await ok(jb.post(`/api/v1/assistance/campaigns/${c.id}/status`, { status: 'open', version: c.version }), 'open');
  await ok(jb.put(`/api/v1/assistance/studyaid/campaigns/${c.id}/settings`, { amounts: { undergraduate: 500_000, junior_college: 300_000, high_school: 200_000 } }), 'settings');
  return c.id;
}

const student = (over: Record<string, unknown> = {}) => ({ childName: '<i>王小明</i>', relation: 'son', school: '重庆大学', level: 'undergraduate', admissionYear: YEAR, ...over });

beforeAll(async () => {
  t = await createTestApp();
  [jb, jbStaff, wld] = await Promise.all([t.login('jb.admin'), t.login('jb.staff'), t.login('wld.admin')]);
  unionId = await t.orgId('JB-GYQ-LH');
  campaignId = await autumnCampaign(900_000);
}, 180_000);
afterAll(() => t.close());

describe('settings', () => {
  it('takes amounts on an autumn campaign only, from its owner’s staff, with a cash benefit', async () => {
    const got = await ok<{ amounts: { high_school: number }; benefitKey: string }>(jb.get(`/api/v1/assistance/studyaid/campaigns/${campaignId}/settings`), 'get');
    expect(got.amounts.high_school).toBe(200_000);
    expect(got.benefitKey).toBe('study');
    const stale = await jb.put(`/api/v1/assistance/studyaid/campaigns/${campaignId}/settings`, { amounts: { undergraduate: 1, junior_college: 1, high_school: 1 }, version: 99 });
    expect(stale.status).toBe(409);
    expect((await wld.put(`/api/v1/assistance/studyaid/campaigns/${campaignId}/settings`, { amounts: { undergraduate: 1, junior_college: 1, high_school: 1 } })).status).toBe(404);
    const winter = await ok<{ id: string }>(
      jb.post('/api/v1/assistance/campaigns', {
        orgId: await t.orgId('JB'), kind: 'winter', name: '冬送测试', startsOn: shDay(0), endsOn: shDay(9), budgetFen: 100, fundingSources: [{ source: '经费', amountFen: 100 }],
        benefits: [{ key: 'c', kind: 'cash', name: '慰问金', amountFen: 100 }], eligibility: {}, secondApprovalFen: 100,
      }),
      'winter',
    );
    const refused = await jb.put(`/api/v1/assistance/studyaid/campaigns/${winter.id}/settings`, { amounts: { undergraduate: 1, junior_college: 1, high_school: 1 } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('STUDYAID_NOT_AUTUMN_CAMPAIGN');
  });
});

describe('applications', () => {
  let workerApp: { id: string; version: number; nomination: { id: string; version: number } };
  let staffApp: { id: string; version: number; nomination: { id: string; version: number } };
  const CHILD = idOf('2008-03-09', 11);
  const YOUNG = idOf(`${YEAR - 15}-02-01`, 12, 2);

  it('the worker applies on the phone for their child at the level’s amount, the ID masked everywhere', async () => {
    const w = await member();
    const open = await ok<{ items: { id: string; amounts: { undergraduate: number } }[] }>(w.c.get('/api/v1/assistance/studyaid/open'), 'open');
    expect(open.items.find((c) => c.id === campaignId)?.amounts.undergraduate).toBe(500_000);
    const someoneElses = await jbStaff.uploadPhoto();
    const notMine = await w.c.post(`/api/v1/assistance/studyaid/campaigns/${campaignId}/apply`, { ...student(), childIdNumber: CHILD, letterPhotoId: someoneElses });
    expect(notMine.status).toBe(400);
    // The admission letter may be a PDF scan (POST /documents); the application says so, for a download link.
    const letter = JSON.parse((await w.c.uploadDocument()).body).id as string;
    const res = await w.c.post(`/api/v1/assistance/studyaid/campaigns/${campaignId}/apply`, { ...student(), childIdNumber: CHILD, letterPhotoId: letter });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.letterPhotoId).toBe(letter);
    expect(res.body.letterIsPdf).toBe(true);
    workerApp = res.body;
    expect(res.body.amountFen).toBe(500_000);
    expect(res.body.nomination.valueFen).toBe(500_000);
    expect(res.body.nomination.status).toBe('pending');
    expect(res.body.childName).toBe('<i>王小明</i>');
    expect(res.body.childIdMasked).toBe(`${CHILD.slice(0, 6)}********${CHILD.slice(-4)}`);
    // Nowhere the whole number nor the birth date inside it: not in the answer, the lists, the worker's view or the audit.
    const [audit] = await t.database.query<{ after: unknown }>("select after from audit_entry where action = 'studyaid.create' and entity_id = $1", [res.body.id]);
    const list = await ok(jb.get(`/api/v1/assistance/studyaid/campaigns/${campaignId}/applications`), 'list');
    const mine = await ok(w.c.get('/api/v1/assistance/studyaid/open'), 'mine');
    const [row] = await t.database.query<{ child_id_enc: string }>('select child_id_enc from studyaid_student where id = $1', [res.body.id]);
    for (const text of [JSON.stringify(res.body), JSON.stringify(list), JSON.stringify(mine), JSON.stringify(audit), row!.child_id_enc]) {
      expect(text).not.toContain(CHILD);
      expect(text).not.toContain(CHILD.slice(6, 14));
    }
  });

  it('one aid per child and year, whoever applies; a child under 16 is taken', async () => {
    const other = await member();
    const again = await jb.post(`/api/v1/assistance/studyaid/campaigns/${campaignId}/applications`, { membershipId: other.membershipId, ...student(), childIdNumber: CHILD, letterPhotoId: await jb.uploadPhoto() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STUDYAID_CHILD_AIDED');
    // Another campaign of the same year refuses the child too.
    const second = await autumnCampaign(2_000_000);
    const elsewhere = await jb.post(`/api/v1/assistance/studyaid/campaigns/${second}/applications`, { membershipId: other.membershipId, ...student(), childIdNumber: CHILD, letterPhotoId: await jb.uploadPhoto() });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('STUDYAID_CHILD_AIDED');
    const bad = await jb.post(`/api/v1/assistance/studyaid/campaigns/${campaignId}/applications`, { membershipId: other.membershipId, ...student(), childIdNumber: CHILD.slice(0, 17) + (CHILD[17] === '1' ? '2' : '1'), letterPhotoId: await jb.uploadPhoto() });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('childIdNumber');
    const res = await jb.post(`/api/v1/assistance/studyaid/campaigns/${campaignId}/applications`, { membershipId: other.membershipId, ...student({ level: 'high_school', school: '重庆市第十八中学', relation: 'daughter' }), childIdNumber: YOUNG, letterPhotoId: await jb.uploadPhoto() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.amountFen).toBe(200_000);
    staffApp = res.body;
    const filtered = await ok<{ items: { id: string }[]; total: number }>(jb.get(`/api/v1/assistance/studyaid/campaigns/${campaignId}/applications?level=high_school`), 'filter');
    expect(filtered.items.map((a) => a.id)).toEqual([staffApp.id]);
  });

  it('is approved and paid through the campaign’s nomination path, which never overspends the budget', async () => {
    for (const a of [workerApp, staffApp]) {
      const n = await ok(jb.post(`/api/v1/assistance/campaign-nominations/${a.nomination.id}/decide`, { decision: 'approve', version: a.nomination.version }), 'approve');
      expect(n.status).toBe('approved');
    }
    const c = await ok<{ approvedFen: number }>(jb.get(`/api/v1/assistance/campaigns/${campaignId}`), 'campaign');
    expect(c.approvedFen).toBe(700_000);
    // 900,000 budget, 700,000 approved: another 本科 (500,000) does not fit.
    const third = await member();
    const over = await jb.post(`/api/v1/assistance/studyaid/campaigns/${campaignId}/applications`, { membershipId: third.membershipId, ...student(), childIdNumber: idOf('2008-07-07', 13), letterPhotoId: await jb.uploadPhoto() });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('CAMPAIGN_ALLOCATION_SPENT');
    expect(await t.database.query('select 1 from studyaid_student where parent_person_id in (select person_id from membership where id = $1)', [third.membershipId])).toHaveLength(0);
    const paid = await ok(jb.post(`/api/v1/assistance/campaign-nominations/${workerApp.nomination.id}/disburse`, { method: 'transfer', reference: 'ZX-001', version: workerApp.nomination.version + 1 }), 'disburse');
    expect(paid.status).toBe('disbursed');
    const got = await ok<{ nomination: { status: string } }>(jb.get(`/api/v1/assistance/studyaid/applications/${workerApp.id}`), 'get');
    expect(got.nomination.status).toBe('disbursed');
  });

  it('reveals the ID only with assistance.reveal, audited; another street sees nothing', async () => {
    expect((await jbStaff.post(`/api/v1/assistance/studyaid/applications/${workerApp.id}/reveal`)).status).toBe(403);
    expect((await wld.post(`/api/v1/assistance/studyaid/applications/${workerApp.id}/reveal`)).status).toBe(404);
    expect((await wld.get(`/api/v1/assistance/studyaid/applications/${workerApp.id}`)).status).toBe(404);
    const shown = await ok<{ childIdNumber: string }>(jb.post(`/api/v1/assistance/studyaid/applications/${workerApp.id}/reveal`), 'reveal');
    expect(shown.childIdNumber).toBe(CHILD);
    const audit = await t.database.query<{ after: { field: string } }>("select after from audit_entry where action = 'personal_data.read' and entity_type = 'studyaid_student' and entity_id = $1", [workerApp.id]);
    expect(audit).toHaveLength(1);
  });

  it('arranges a summer job for an aided student only', async () => {
    const cur = await ok<{ version: number }>(jb.get(`/api/v1/assistance/studyaid/applications/${workerApp.id}`), 'get');
    const placed = await ok<{ placement: { place: string; hours: number } }>(
      jb.put(`/api/v1/assistance/studyaid/applications/${workerApp.id}/placement`, { place: '观音桥街道职工服务中心', org: '观音桥街道总工会', startsOn: `${YEAR + 1}-07-10`, endsOn: `${YEAR + 1}-08-10`, hours: 60, version: cur.version }),
      'placement',
    );
    expect(placed.placement).toMatchObject({ place: '观音桥街道职工服务中心', hours: 60 });
    const backwards = await jb.put(`/api/v1/assistance/studyaid/applications/${workerApp.id}/placement`, { place: 'x', org: 'y', startsOn: `${YEAR + 1}-08-10`, endsOn: `${YEAR + 1}-07-10`, hours: 60, version: cur.version + 1 });
    expect(backwards.status).toBe(400);
  });

  it('refuses a worker who is not a member, and shows another street none of the district’s applications', async () => {
    const stranger = await t.loginWorker('13566009999');
    const open = await ok<{ items: unknown[]; mine: unknown[] }>(stranger.get('/api/v1/assistance/studyaid/open'), 'open');
    expect(open).toEqual({ items: [], mine: [] });
    const res = await stranger.post(`/api/v1/assistance/studyaid/campaigns/${campaignId}/apply`, { ...student(), childIdNumber: idOf('2008-09-09', 15), letterPhotoId: await stranger.uploadPhoto() });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('STUDYAID_NOT_A_MEMBER');
    const theirs = await ok<{ total: number }>(wld.get(`/api/v1/assistance/studyaid/campaigns/${campaignId}/applications`), 'wld list');
    expect(theirs.total).toBe(0);
  });

  it('a rejected application frees the child for another', async () => {
    const w = await member();
    const kid = idOf('2009-01-01', 14);
    const first = await autumnCampaign(2_000_000);
    const a = await ok<{ nomination: { id: string; version: number }; id: string; version: number }>(
      w.c.post(`/api/v1/assistance/studyaid/campaigns/${first}/apply`, { ...student({ level: 'junior_college', school: '重庆电子工程职业学院' }), childIdNumber: kid, letterPhotoId: await w.c.uploadPhoto() }),
      'apply',
    );
    const early = await jb.put(`/api/v1/assistance/studyaid/applications/${a.id}/placement`, { place: 'x', org: 'y', startsOn: `${YEAR + 1}-07-10`, endsOn: `${YEAR + 1}-08-10`, hours: 10, version: a.version });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('STUDYAID_PLACEMENT_NOT_AIDED');
    await ok(jb.post(`/api/v1/assistance/campaign-nominations/${a.nomination.id}/decide`, { decision: 'reject', note: '材料不全', version: a.nomination.version }), 'reject');
    const second = await autumnCampaign(2_000_000);
    const other = await member();
    const res = await jb.post(`/api/v1/assistance/studyaid/campaigns/${second}/applications`, { membershipId: other.membershipId, ...student(), childIdNumber: kid, letterPhotoId: await jb.uploadPhoto() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});

describe('the demo', () => {
  it('has the district’s autumn campaign with students at their level’s amount', async () => {
    const rows = await t.database.query<{ n: number; bad: number }>(
      `select count(*)::int as n, count(*) filter (where n.value_fen <> s.amount_fen)::int as bad from studyaid_student s join campaign_nomination n on n.id = s.nomination_id join campaign c on c.id = s.campaign_id where c.name like '%秋送助学%' and c.name not like '%测试%'`,
    );
    expect(rows[0]!.n).toBeGreaterThan(10);
    expect(rows[0]!.bad).toBe(0);
    const [c] = await t.database.query<{ over: boolean }>(`select approved_fen > budget_fen as over from campaign where kind = 'autumn' and name not like '%测试%'`);
    expect(c!.over).toBe(false);
  });
});
