import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../../db/seed/demo-credit';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { PNG } from '../../test/files';

/**
 * 帮扶活动 in a district of its own (南岸区 here, away from the demo's Jiangbei): eligibility rules
 * as data, allocations down the tree, approvals up it with a second approver, the duplicate
 * refusal and the review queue, 50 parallel approvals against a nearly spent share, disbursement
 * and the worker's acknowledgement.
 */
const PASSWORD = 'Campaign@2026ok';
const year = 2026;

let t: TestApp;
let admin: Client;
let d1: Client; // district staff
let d2: Client; // another district staff (second approver)
let street: Client; // street admin
let grass: Client; // grassroots staff
let districtId: string;
let streetId: string;
let union1: string;
let union2: string;
let seq = 0;

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

type Member = { membershipId: string; personId: string; name: string };

/** An active member written directly (a worker's sign-in code is rate-limited), with the facts eligibility reads. */
async function member(orgId: string, o: { name?: string; phone?: string | null; employer?: string | null; birth?: string; form?: string; userId?: string | null } = {}): Promise<Member> {
  const n = ++seq;
  const name = o.name ?? `活动职工${n}`;
  const [p] = await t.database.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, phone, sex, birth_date, employer_name, employment_form, user_id)
     values ($1, $2, 'campaign-test', $3, '500108********0000', $4, 'male', $5, $6, $7, $8) returning id`,
    [orgId, name, `campaign-${n}-${randomUUID()}`, o.phone ?? null, o.birth ?? '1980-05-01', o.employer ?? null, o.form ?? 'standard', o.userId ?? null],
  );
  const [m] = await t.database.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [p!.id, orgId]);
  return { membershipId: m!.id, personId: p!.id, name };
}

/** A hardship file in 在档 of the given tier, with household members (names). */
async function hardship(m: Member, orgId: string, tier: string, household: string[] = []) {
  const [a] = await t.database.query<{ id: string }>("select id from app_user where username = 'admin'");
  const [f] = await t.database.query<{ id: string }>(
    `insert into hardship_file (org_id, membership_id, person_id, applicant_name, opened_by, opened_via, status, tier, causes, household_size, admitted_on)
     values ($1, $2, $3, $4, $5, 'staff', 'active', $6, '{illness}', $7, '2025-12-01') returning id`,
    [orgId, m.membershipId, m.personId, m.name, a!.id, tier, household.length + 1],
  );
  for (const h of household) await t.database.query(`insert into hardship_household_member (file_id, name, relation, monthly_income_fen) values ($1, $2, 'spouse', 0)`, [f!.id, h]);
}

const cash = (fen: number) => ({ key: 'cash', kind: 'cash', name: '慰问金', amountFen: fen });
const goods = { key: 'oil', kind: 'goods', name: '食用油', quantity: 2, unit: '桶', unitValueFen: 8000 };

async function openCampaign(body: Record<string, unknown>) {
  const budgetFen = (body.budgetFen as number | undefined) ?? 10_000_000;
  const c = await ok<{ id: string; version: number }>(
    d1.post('/api/v1/assistance/campaigns', {
      orgId: districtId,
      kind: 'winter',
      name: `${year}年冬送温暖${++seq}`,
      startsOn: `${year}-01-05`,
      endsOn: `${year}-02-10`,
      budgetFen,
      fundingSources: [{ source: '区总工会经费', amountFen: budgetFen }],
      benefits: [cash(50_000), goods],
      secondApprovalFen: 100_000,
      ...body,
    }),
    'campaign',
  );
  return ok<{ id: string; version: number; allocations: { id: string; orgId: string; amountFen: number; subAllocatedFen: number; spentFen: number }[] }>(
    d1.post(`/api/v1/assistance/campaigns/${c.id}/status`, { status: 'open', version: c.version }),
    'open',
  );
}

/** The 待办 titles a staff member sees for one nomination (none: not their turn). */
async function todoOf(client: Client, nominationId: string): Promise<string[]> {
  const todos = await ok<{ groups: { kind: string; items: { id: string; title: string; link: string }[] }[] }>(client.get('/api/v1/me/todos?limit=50'), 'todos');
  return (todos.groups.find((g) => g.kind === 'campaign_nomination')?.items ?? []).filter((i) => i.id === nominationId).map((i) => `${i.title} ${i.link}`);
}

const nominate = (client: Client, campaignId: string, m: Member, body: Record<string, unknown> = {}) =>
  client.post(`/api/v1/assistance/campaigns/${campaignId}/nominations`, { membershipId: m.membershipId, benefitKey: 'cash', ...body });
const decide = (client: Client, id: string, version: number, decision = 'approve', note?: string) =>
  client.post(`/api/v1/assistance/campaign-nominations/${id}/decide`, { decision, version, ...(note ? { note } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const [root] = await t.database.query<{ parent_id: string }>("select parent_id from org where code = 'JB'");
  districtId = (await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'NA', type: 'district', parentId: root!.parent_id, name: '南岸区总工会', divisionCode: '500108' }), 'NA')).id;
  streetId = (await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'NA-NP', type: 'street', parentId: districtId, name: '南坪街道总工会', divisionCode: '500108001' }), 'street')).id;
  union1 = (await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'NA-NP-01', type: 'grassroots', parentId: streetId, name: '南坪测试一厂工会', creditCode: demoCreditCode('NA-NP-01') }), 'u1')).id;
  union2 = (await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'NA-NP-02', type: 'grassroots', parentId: streetId, name: '南坪测试二厂工会', creditCode: demoCreditCode('NA-NP-02') }), 'u2')).id;
  const users: [string, string, string][] = [
    ['na.d1', 'union_staff', districtId],
    ['na.d2', 'union_staff', districtId],
    ['na.s', 'union_admin', streetId],
    ['na.g', 'union_staff', union1],
  ];
  for (const [u, role, orgId] of users) await ok(admin.post('/api/v1/users', { username: u, displayName: `帮扶${u}`, password: PASSWORD, role, orgId }), u);
  [d1, d2, street, grass] = await Promise.all([t.login('na.d1', PASSWORD), t.login('na.d2', PASSWORD), t.login('na.s', PASSWORD), t.login('na.g', PASSWORD)]);
}, 120_000);
afterAll(() => t?.close());

describe('eligibility rules stored as data', () => {
  it('refuses a member who fails a rule, naming the rule in zh-CN and English, and admits one who meets them', async () => {
    const c = await openCampaign({ eligibility: { hardshipTiers: ['deep'], ageMax: 60, employmentForms: ['standard', 'courier'] } });
    const plain = await member(districtId);
    const refused = await nominate(d1, c.id, plain);
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('CAMPAIGN_NOT_ELIGIBLE');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['eligibility.hardshipTiers']);
    expect(refused.body.errors[0].message).toBe('困难职工档案类别');
    const en = await nominate(d1.withLang('en'), c.id, plain);
    expect(en.body.errors[0].message).toBe('hardship tier');

    const old = await member(districtId, { birth: '1950-01-01', form: 'delivery_rider' });
    await hardship(old, districtId, 'deep');
    const tooOld = await nominate(d1, c.id, old);
    expect(tooOld.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['eligibility.age', 'eligibility.employmentForms']);

    const relative = await member(districtId);
    await hardship(relative, districtId, 'relative');
    expect((await nominate(d1, c.id, relative)).body.errors.map((e: { path: string }) => e.path)).toEqual(['eligibility.hardshipTiers']);

    const deep = await member(districtId, { form: 'courier' });
    await hardship(deep, districtId, 'deep');
    const admitted = await nominate(d1, c.id, deep);
    expect(admitted.status).toBe(201);
    expect(admitted.body.status).toBe('pending');
  });

  it('a model-worker rule holds for an active honour in 劳模工匠, or when the nominating union attests one not yet recorded', async () => {
    const c = await openCampaign({ eligibility: { modelWorker: true } });
    const m = await member(districtId);
    expect((await nominate(d1, c.id, m)).body.errors[0].path).toBe('eligibility.modelWorker');
    const res = await nominate(d1, c.id, m, { attestations: { modelWorker: true } });
    expect(res.status).toBe(201);

    // Recorded as a district model worker: eligible with no attestation; once revoked, not.
    const honoured = await member(districtId);
    const honour = await ok<{ id: string; version: number }>(
      d1.post('/api/v1/honours', { membershipId: honoured.membershipId, level: 'district', title: 'model_worker', year: year - 1, awardingBody: '南岸区人民政府' }),
      'honour',
    );
    const second = await member(districtId);
    await ok(d1.post('/api/v1/honours', { membershipId: second.membershipId, level: 'district', title: 'craftsman', year: year - 1, awardingBody: '南岸区总工会' }), 'honour 2');
    await ok(d1.post(`/api/v1/honours/${honour.id}/revoke`, { reason: '核实有误', version: honour.version }), 'revoke');
    expect((await nominate(d1, c.id, honoured)).body.errors[0].path).toBe('eligibility.modelWorker');
    const admitted = await nominate(d1, c.id, second);
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
  });
});

describe('allocations down the tree and approvals up it', () => {
  it('a share never exceeds what the union above has left', async () => {
    const c = await openCampaign({ budgetFen: 1_000_000 });
    const toStreet = await ok(d1.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: streetId, amountFen: 600_000 }), 'street share');
    expect(toStreet.allocations.find((a: { orgId: string }) => a.orgId === districtId).subAllocatedFen).toBe(600_000);
    // The street hands down within its own 6,000 yuan, not the district's.
    const tooMuch = await street.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: union1, amountFen: 600_001 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('CAMPAIGN_ALLOCATION_EXCEEDS');
    await ok(street.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: union1, amountFen: 400_000 }), 'u1 share');
    // A grassroots union cannot give itself (or a sibling) a share.
    const sibling = await grass.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: union2, amountFen: 1 });
    expect(sibling.status).toBe(400);
    expect(sibling.body.errors[0]).toMatchObject({ path: 'orgId', message: '上级工会尚未分配到本活动的额度，或不在您的管辖范围内' });
    const [sum] = await t.database.query<{ over: number }>(
      `select count(*)::int as over from campaign_allocation p where p.campaign_id = $1 and (select coalesce(sum(c.amount_fen), 0) from campaign_allocation c where c.parent_id = p.id) > p.amount_fen`,
      [c.id],
    );
    expect(sum!.over).toBe(0);
  });

  it('grassroots nominates, the street then the district approve, and above the threshold a different person confirms', async () => {
    const c = await openCampaign({ benefits: [cash(150_000)] });
    await ok(d1.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: streetId, amountFen: 1_000_000 }), 'street share');
    await ok(street.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: union1, amountFen: 500_000 }), 'u1 share');
    const m = await member(union1);
    const n = await ok(nominate(grass, c.id, m), 'nominate');
    expect(n.steps.map((s: { orgId: string }) => s.orgId)).toEqual([streetId, districtId]);
    // 待办 follow the turn: the street's first, not the district's (whose scope covers the street but whose step comes next).
    const link = `/admin/assistance/campaigns?campaign=${c.id}`;
    expect(await todoOf(street, n.id)).toEqual([expect.stringContaining(`${m.name} 待审批 ${link}`)]);
    expect(await todoOf(d1, n.id)).toEqual([]);
    // The district cannot jump the street's step; the grassroots union cannot approve its own.
    const jumped = await decide(d1, n.id, n.version);
    expect(jumped.status).toBe(403);
    expect(jumped.body.code).toBe('CAMPAIGN_NOT_YOUR_STEP');
    expect((await decide(grass, n.id, n.version)).status).toBe(403);
    const s1 = await ok(decide(street, n.id, n.version), 'street approves');
    expect(s1).toMatchObject({ status: 'pending', currentStep: 1 });
    expect(s1.steps[0].approverName).toBe('帮扶na.s');
    expect((await decide(street, n.id, s1.version)).status).toBe(403); // the district's step is not the street's
    expect(await todoOf(street, n.id)).toEqual([]);
    expect(await todoOf(d1, n.id)).toEqual([expect.stringContaining(`${m.name} 待审批 ${link}`)]);
    const s2 = await ok(decide(d1, n.id, s1.version), 'district approves');
    expect(s2.status).toBe('awaiting_second');
    const same = await d1.post(`/api/v1/assistance/campaign-nominations/${n.id}/second`, { decision: 'approve', version: s2.version });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('CAMPAIGN_SECOND_SAME_PERSON');
    expect(await todoOf(d1, n.id)).toEqual([]); // the last approver cannot be the second
    expect(await todoOf(d2, n.id)).toEqual([expect.stringContaining(`${m.name} 待复核 ${link}`)]);
    const done = await ok(d2.post(`/api/v1/assistance/campaign-nominations/${n.id}/second`, { decision: 'approve', version: s2.version }), 'second');
    expect(done).toMatchObject({ status: 'approved', secondByName: '帮扶na.d2' });
    expect(await todoOf(d2, n.id)).toEqual([expect.stringContaining(`${m.name} 已批准，待发放 ${link}`)]);
    expect(await todoOf(grass, n.id)).toEqual([expect.stringContaining('已批准，待发放')]);
    const [a] = await t.database.query<{ spent_fen: string }>('select spent_fen from campaign_allocation where campaign_id = $1 and org_id = $2', [c.id, union1]);
    expect(Number(a!.spent_fen)).toBe(150_000);
    const [b] = await t.database.query<{ approved_fen: string }>('select approved_fen from campaign where id = $1', [c.id]);
    expect(Number(b!.approved_fen)).toBe(150_000);
    // The database refuses a second approver equal to the last step's, whatever the service does.
    await expect(t.database.query('update campaign_nomination set second_by = final_approver_id where id = $1', [n.id])).rejects.toThrow(/campaign_nomination_second_distinct/);
  });

  it('a rejection at a step needs a reason and ends the nomination', async () => {
    const c = await openCampaign({});
    await ok(d1.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: streetId, amountFen: 100_000 }), 'street share');
    const n = await ok(nominate(street, c.id, await member(union2)), 'nominate');
    expect(n.steps.map((s: { orgId: string }) => s.orgId)).toEqual([districtId]);
    expect((await decide(d1, n.id, n.version, 'reject')).status).toBe(400);
    expect(await ok(decide(d1, n.id, n.version, 'reject', '不符合条件'), 'reject')).toMatchObject({ status: 'rejected', rejectedReason: '不符合条件' });
  });
});

describe('changing a campaign and its shares', () => {
  it('a draft changes freely; an open one keeps its start, benefits and rules, and its budget never drops below what is shared out', async () => {
    const draft = await ok<{ id: string; version: number; name: string; startsOn: string; endsOn: string; benefits: unknown[]; eligibility: Record<string, unknown>; fundingSources: unknown[]; secondApprovalFen: number; yearlyLimitFen: number | null }>(
      d1.post('/api/v1/assistance/campaigns', { orgId: districtId, kind: 'winter', name: '待修改的活动', startsOn: `${year}-01-05`, endsOn: `${year}-02-10`, budgetFen: 1_000_000, fundingSources: [{ source: '区总工会经费', amountFen: 1_000_000 }], benefits: [cash(50_000)], secondApprovalFen: 100_000 }),
      'draft',
    );
    const terms = (c: typeof draft, change: Record<string, unknown>) => ({ name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, budgetFen: 1_000_000, fundingSources: c.fundingSources, benefits: c.benefits, eligibility: c.eligibility, secondApprovalFen: c.secondApprovalFen, yearlyLimitFen: c.yearlyLimitFen, version: c.version, ...change });
    const changed = await ok<typeof draft>(d1.put(`/api/v1/assistance/campaigns/${draft.id}`, terms(draft, { name: '已修改的活动', startsOn: `${year}-01-06`, benefits: [cash(60_000), goods], eligibility: { sex: 'female' } })), 'change draft');
    expect(changed).toMatchObject({ name: '已修改的活动', startsOn: `${year}-01-06`, eligibility: { sex: 'female' } });
    expect(changed.benefits).toHaveLength(2);
    // Someone else's stale form gets 409, not a silent overwrite.
    expect((await d2.put(`/api/v1/assistance/campaigns/${draft.id}`, terms(draft, { name: '旧表单' }))).status).toBe(409);
    // The street cannot change the district's campaign.
    expect((await street.put(`/api/v1/assistance/campaigns/${draft.id}`, terms(changed, {}))).status).toBe(404);

    const open = await ok<typeof draft>(d1.post(`/api/v1/assistance/campaigns/${draft.id}/status`, { status: 'open', version: changed.version }), 'open');
    const fixed = await d1.put(`/api/v1/assistance/campaigns/${draft.id}`, terms(open, { benefits: [cash(70_000)] }));
    expect(fixed.status).toBe(400);
    expect(fixed.body.errors[0]).toMatchObject({ path: 'benefits', code: 'CAMPAIGN_FIXED_WHEN_OPEN' });
    expect((await d1.put(`/api/v1/assistance/campaigns/${draft.id}`, terms(open, { startsOn: `${year}-01-07` }))).body.errors[0].path).toBe('startsOn');
    // Keys in another order are the same rules and benefits.
    const reordered = open.benefits.map((b) => Object.fromEntries(Object.entries(b as Record<string, unknown>).reverse()));
    const longer = await ok<typeof draft & { budgetFen: number }>(
      d1.put(`/api/v1/assistance/campaigns/${draft.id}`, terms(open, { benefits: reordered, endsOn: `${year}-03-01`, budgetFen: 1_500_000, fundingSources: [{ source: '区总工会经费', amountFen: 1_000_000 }, { source: '社会捐赠', amountFen: 500_000 }] })),
      'extend and raise',
    );
    expect(longer).toMatchObject({ endsOn: `${year}-03-01`, budgetFen: 1_500_000 });
    await ok(d1.post(`/api/v1/assistance/campaigns/${draft.id}/allocations`, { orgId: streetId, amountFen: 1_200_000 }), 'street share');
    const below = await d1.put(`/api/v1/assistance/campaigns/${draft.id}`, terms(longer, { budgetFen: 1_000_000, fundingSources: [{ source: '区总工会经费', amountFen: 1_000_000 }] }));
    expect(below.status).toBe(400);
    expect(below.body.errors[0]).toMatchObject({ path: 'budgetFen', message: '预算不能低于已分配和已批准的金额（12000.00 元）' });
    const [root] = await t.database.query<{ amount_fen: string }>('select amount_fen from campaign_allocation where campaign_id = $1 and parent_id is null', [draft.id]);
    expect(Number(root!.amount_fen)).toBe(1_500_000); // the refused change left nothing half-written
  });

  it('the union above changes a share: more only from what it has left, less never below what was handed down and spent', async () => {
    const c = await openCampaign({ budgetFen: 1_000_000 });
    const withStreet = await ok(d1.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: streetId, amountFen: 600_000 }), 'street share');
    const streetShare = withStreet.allocations.find((a: { orgId: string }) => a.orgId === streetId);
    const withUnion = await ok(street.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: union1, amountFen: 400_000 }), 'u1 share');
    const unionShare = withUnion.allocations.find((a: { orgId: string }) => a.orgId === union1);
    // The street cannot change its own share (the district's to change), nor the root.
    expect((await street.put(`/api/v1/assistance/campaigns/${c.id}/allocations/${streetShare.id}`, { amountFen: 900_000 })).status).toBe(404);
    const rootId = withUnion.allocations.find((a: { parentId: string | null }) => a.parentId === null).id;
    expect((await d1.put(`/api/v1/assistance/campaigns/${c.id}/allocations/${rootId}`, { amountFen: 2_000_000 })).body.errors[0].code).toBe('CAMPAIGN_ALLOCATION_ROOT');
    // Below what the street has handed down to union 1: refused, with the amount.
    const tooLow = await d1.put(`/api/v1/assistance/campaigns/${c.id}/allocations/${streetShare.id}`, { amountFen: 300_000 });
    expect(tooLow.body.errors[0]).toMatchObject({ path: 'amountFen', message: '额度不能低于该工会已下拨和已使用的金额（4000.00 元）' });
    // Beyond what the district has left (1,000,000 − 600,000 = 400,000 more at most).
    expect((await d1.put(`/api/v1/assistance/campaigns/${c.id}/allocations/${streetShare.id}`, { amountFen: 1_000_001 })).body.code).toBe('CAMPAIGN_ALLOCATION_EXCEEDS');
    const raised = await ok(d1.put(`/api/v1/assistance/campaigns/${c.id}/allocations/${streetShare.id}`, { amountFen: 1_000_000 }), 'raise');
    expect(raised.allocations.find((a: { parentId: string | null }) => a.parentId === null).subAllocatedFen).toBe(1_000_000);
    const lowered = await ok(street.put(`/api/v1/assistance/campaigns/${c.id}/allocations/${unionShare.id}`, { amountFen: 100_000 }), 'lower');
    expect(lowered.allocations.find((a: { orgId: string }) => a.orgId === streetId).subAllocatedFen).toBe(100_000);
    const [bad] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from campaign_allocation p where p.campaign_id = $1 and p.sub_allocated_fen <> (select coalesce(sum(c.amount_fen), 0) from campaign_allocation c where c.parent_id = p.id)`,
      [c.id],
    );
    expect(bad!.n).toBe(0);
    await ok(d1.post(`/api/v1/assistance/campaigns/${c.id}/status`, { status: 'closed', version: raised.version }), 'close');
    expect((await street.put(`/api/v1/assistance/campaigns/${c.id}/allocations/${unionShare.id}`, { amountFen: 200_000 })).body.code).toBe('CAMPAIGN_CLOSED');
  });
});

describe('the same person twice', () => {
  it('refuses the same ID twice in one campaign, whichever union nominates, with a clear problem in zh-CN and English', async () => {
    const c = await openCampaign({});
    await ok(d1.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: streetId, amountFen: 1_000_000 }), 'street share');
    const m = await member(union1);
    await ok(nominate(street, c.id, m), 'first');
    const again = await nominate(d1, c.id, m);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({ code: 'CAMPAIGN_ALREADY_NOMINATED' });
    expect(again.body.title).toBe('该职工已在本活动中被提名（南坪街道总工会），同一活动不能重复帮扶');
    // At the same instant from two unions: one wins, the other hears why (the unique index decides).
    const twin = await member(union2);
    const both = await Promise.all([nominate(street, c.id, twin), nominate(d1, c.id, twin)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('CAMPAIGN_ALREADY_NOMINATED');
    const en = await nominate(d1.withLang('en'), c.id, m);
    expect(en.body.title).toBe('This worker is already nominated in this campaign (by 南坪街道总工会): no one is helped twice in one campaign');
  });

  it('refuses beyond the yearly limit across campaigns, at nomination and at approval', async () => {
    const m = await member(districtId);
    const first = await openCampaign({ yearlyLimitFen: 80_000 });
    const n = await ok(nominate(d1, first.id, m), 'first');
    await ok(decide(d1, n.id, n.version), 'approve first');
    const second = await openCampaign({ yearlyLimitFen: 80_000, kind: 'summer' });
    const refused = await nominate(d1, second.id, m);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CAMPAIGN_YEARLY_LIMIT');
    expect(refused.body.title).toBe('该职工本年度已获帮扶 500.00 元，再获此项将超过年度上限 800.00 元');
    // Goods worth 160 yuan fit at nomination; the approval checks the person's year again (here already 500 yuan of 600).
    const third = await openCampaign({ yearlyLimitFen: 60_000 });
    const other = await member(districtId);
    const g = await ok(nominate(d1, third.id, other, { benefitKey: 'oil' }), 'goods');
    expect(g.valueFen).toBe(16_000);
    await t.database.query('insert into campaign_person_year (person_id, year, org_id, value_fen, times) values ($1, $2, $3, 50000, 1)', [other.personId, year, districtId]);
    const over = await decide(d1, g.id, g.version);
    expect(over.body.code).toBe('CAMPAIGN_YEARLY_LIMIT');
    const [left] = await t.database.query<{ spent_fen: string }>('select spent_fen from campaign_allocation where campaign_id = $1 and org_id = $2', [third.id, districtId]);
    expect(Number(left!.spent_fen)).toBe(0); // the refused approval charged nothing
  });
});

describe('possible duplicates go to a review queue', () => {
  it('same name + phone, a household member, same employer + name are queued; 不同人 lets it go on and is honoured later, 同一人 refuses', async () => {
    const c = await openCampaign({});
    const a = await member(districtId, { name: '张建国', phone: '13900000001', employer: '南坪机械厂' });
    await hardship(a, districtId, 'deep', ['李秀英']);
    await ok(nominate(d1, c.id, a), 'a');
    const samePhone = await member(districtId, { name: '张建国', phone: '13900000001' });
    const spouse = await member(districtId, { name: '李秀英' });
    const sameEmployer = await member(districtId, { name: '张建国', employer: '南坪机械厂' });
    const stranger = await member(districtId, { name: '张建国', phone: '13900000009' });
    const held = await ok(nominate(d1, c.id, samePhone), 'same phone');
    expect(held.status).toBe('review');
    expect(await todoOf(d1, held.id)).toEqual([expect.stringContaining(`张建国 疑似重复，待核查 /admin/assistance/campaigns?campaign=${c.id}&tab=reviews`)]);
    expect((await ok(nominate(d1, c.id, spouse), 'spouse')).status).toBe('review');
    expect((await ok(nominate(d1, c.id, sameEmployer), 'employer')).status).toBe('review');
    expect((await ok(nominate(d1, c.id, stranger), 'stranger')).status).toBe('pending');
    const blocked = await decide(d1, held.id, held.version);
    expect(blocked.body.code).toBe('CAMPAIGN_IN_REVIEW');

    const queue = await ok<{ items: { id: string; nominationId: string; reasons: string[] }[] }>(d1.get(`/api/v1/assistance/campaign-reviews?campaignId=${c.id}`), 'queue');
    expect(queue.items.map((r) => r.reasons.join()).sort()).toEqual(['employer_name', 'household', 'name_phone']);
    expect((await ok(street.get(`/api/v1/assistance/campaign-reviews?campaignId=${c.id}`), 'street queue')).items).toEqual([]); // not the street's unions

    const phoneReview = queue.items.find((r) => r.nominationId === held.id)!;
    expect(await ok(d1.post(`/api/v1/assistance/campaign-reviews/${phoneReview.id}/decide`, { decision: 'different', note: '身份证号不同，核实为两人' }), 'different')).toMatchObject({ decision: 'different' });
    expect((await d1.post(`/api/v1/assistance/campaign-reviews/${phoneReview.id}/decide`, { decision: 'same' })).body.code).toBe('CAMPAIGN_REVIEW_DECIDED');
    const released = await ok(d1.get(`/api/v1/assistance/campaign-nominations/${held.id}`), 'released');
    expect(released.status).toBe('pending');

    const employerReview = queue.items.find((r) => r.reasons.includes('employer_name'))!;
    await ok(d1.post(`/api/v1/assistance/campaign-reviews/${employerReview.id}/decide`, { decision: 'same', note: '同一人，两个身份证号' }), 'same');
    expect((await ok(d1.get(`/api/v1/assistance/campaign-nominations/${employerReview.nominationId}`), 'rejected')).status).toBe('rejected');

    // The decisions are kept: in the next campaign the "different" pair is not queued again, the "same" one is refused.
    const next = await openCampaign({ kind: 'summer' });
    await ok(nominate(d1, next.id, a), 'a again');
    expect((await ok(nominate(d1, next.id, samePhone), 'different pair')).status).toBe('pending');
    const refused = await nominate(d1, next.id, sameEmployer);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CAMPAIGN_SAME_PERSON_DECIDED');
    expect(refused.body.title).toContain('张建国');
  });
});

describe('possible duplicates nominated at the same instant', () => {
  it('do not both miss each other: of two same name + phone members nominated together, one is held for review', async () => {
    const c = await openCampaign({});
    for (let round = 0; round < 3; round++) {
      const phone = `1390000100${round}`;
      const [x, y] = await Promise.all([member(districtId, { name: '王同时', phone }), member(districtId, { name: '王同时', phone })]);
      const both = await Promise.all([ok(nominate(d1, c.id, x), 'x'), ok(nominate(d2, c.id, y), 'y')]);
      expect(both.map((n) => n.status).sort()).toEqual(['pending', 'review']);
    }
  });
});

describe('50 concurrent approvals against a nearly spent share', () => {
  it('never overspends the share or the budget', async () => {
    const value = 50_000;
    const c = await openCampaign({ budgetFen: 5_000_000 });
    // The street's share covers 10 approvals and a bit: 40 of the 50 must be refused.
    await ok(d1.post(`/api/v1/assistance/campaigns/${c.id}/allocations`, { orgId: streetId, amountFen: value * 10 + 30_000 }), 'street share');
    const nominations: { id: string; version: number }[] = [];
    for (let i = 0; i < 50; i++) nominations.push(await ok(nominate(street, c.id, await member(i % 2 ? union1 : union2)), `nominate ${i}`));
    const results = await Promise.all(nominations.map((n) => decide(d1, n.id, n.version)));
    const approved = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(approved).toHaveLength(10);
    expect(refused.every((r) => r.status === 409 && r.body.code === 'CAMPAIGN_ALLOCATION_SPENT')).toBe(true);
    const [a] = await t.database.query<{ amount_fen: string; spent_fen: string }>('select amount_fen, spent_fen from campaign_allocation where campaign_id = $1 and org_id = $2', [c.id, streetId]);
    expect(Number(a!.spent_fen)).toBe(value * 10);
    expect(Number(a!.spent_fen)).toBeLessThanOrEqual(Number(a!.amount_fen));
    const [sum] = await t.database.query<{ v: string }>(`select coalesce(sum(value_fen), 0) as v from campaign_nomination where campaign_id = $1 and status = 'approved'`, [c.id]);
    expect(Number(sum!.v)).toBe(value * 10);
    const [b] = await t.database.query<{ approved_fen: string }>('select approved_fen from campaign where id = $1', [c.id]);
    expect(Number(b!.approved_fen)).toBe(value * 10);
    // And a union nominates only within what its share has left (300 元 here).
    const late = await nominate(street, c.id, await member(union1));
    expect(late.status).toBe(409);
    expect(late.body.title).toBe('本单位分配额度不足（剩余 300.00 元）');
  }, 120_000);
});

describe('disbursement and acknowledgement', () => {
  it('staff record the transfer, the worker sees it on the phone and signs; a signed sheet photo also acknowledges', async () => {
    const c = await openCampaign({});
    const phone = '13700009901';
    const worker = await t.loginWorker(phone);
    const m = await member(districtId, { phone });
    const n = await ok(nominate(d1, c.id, m), 'nominate');
    const approved = await ok(decide(d1, n.id, n.version), 'approve');
    expect((await d1.post(`/api/v1/assistance/campaign-nominations/${n.id}/disburse`, { method: 'goods_handover', version: approved.version })).status).toBe(400);
    const paid = await ok(d1.post(`/api/v1/assistance/campaign-nominations/${n.id}/disburse`, { method: 'transfer', reference: '建行转账 0001', version: approved.version }), 'disburse');
    expect(paid.status).toBe('disbursed');
    const mine = await ok<{ items: { id: string; status: string; valueFen: number }[] }>(worker.get('/api/v1/assistance/campaigns/mine'), 'mine');
    expect(mine.items).toEqual([expect.objectContaining({ id: n.id, status: 'disbursed', valueFen: 50_000 })]);
    const other = await t.loginWorker('13700009902');
    expect((await other.post(`/api/v1/assistance/campaigns/mine/${n.id}/acknowledge`, { version: paid.version })).status).toBe(404);
    const acked = await ok(worker.post(`/api/v1/assistance/campaigns/mine/${n.id}/acknowledge`, { signaturePng: PNG.toString('base64'), version: paid.version }), 'ack');
    expect(acked).toMatchObject({ status: 'acknowledged', ackVia: 'phone', hasSignature: true });
    const signature = await t.app.inject({ method: 'GET', url: `/api/v1/assistance/campaign-nominations/${n.id}/signature`, headers: { cookie: d1.cookie! } });
    expect(signature.statusCode).toBe(200);
    expect(signature.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(signature.rawPayload, PNG)).toBe(0);
    expect((await grass.get(`/api/v1/assistance/campaign-nominations/${n.id}/signature`)).status).toBe(404); // not over the district's own nomination

    const g = await ok(nominate(d1, c.id, await member(districtId), { benefitKey: 'oil' }), 'goods');
    const ga = await ok(decide(d1, g.id, g.version), 'approve goods');
    const gd = await ok(d1.post(`/api/v1/assistance/campaign-nominations/${g.id}/disburse`, { method: 'goods_handover', version: ga.version }), 'hand over');
    const photoId = await d1.uploadPhoto();
    const sheet = await ok(d1.post(`/api/v1/assistance/campaign-nominations/${g.id}/sheet`, { photoId, version: gd.version }), 'sheet');
    expect(sheet).toMatchObject({ status: 'acknowledged', ackVia: 'sheet', ackPhotoId: photoId });
    const fig = await ok(d1.get(`/api/v1/assistance/campaigns/${c.id}`), 'figures');
    expect(fig).toMatchObject({ recipients: 2, disbursedFen: 66_000 });
  });
});

describe('the demo year of Jiangbei', () => {
  it('has the four seasons run by the district, within every share and budget', async () => {
    const jb = await t.orgId('JB');
    const rows = await t.database.query<{ kind: string; status: string; budget: string; approved: string; n: number; given: number; pending: number; approvedCount: number }>(
      `select c.kind, c.status, c.budget_fen as budget, c.approved_fen as approved,
         (select count(*)::int from campaign_nomination n where n.campaign_id = c.id and n.status = 'pending') as pending,
         (select count(*)::int from campaign_nomination n where n.campaign_id = c.id and n.status = 'approved') as "approvedCount",
         (select count(*)::int from campaign_nomination n where n.campaign_id = c.id) as n,
         (select count(*)::int from campaign_nomination n where n.campaign_id = c.id and n.status in ('disbursed','acknowledged')) as given
       from campaign c where c.org_id = $1 order by c.starts_on`,
      [jb],
    );
    // A year of seasons (closed) and the campaign running today (open, with work waiting at both levels);
    // the open 送健康 campaign beside it is booked on the phone (health.demo.ts), not nominated.
    expect(rows.filter((r) => r.status === 'closed').map((r) => r.kind).sort()).toEqual(['autumn', 'health', 'summer', 'winter']);
    expect(rows.filter((r) => r.status === 'open' && r.kind === 'health' && r.n === 0)).toHaveLength(1);
    const current = rows.filter((r) => r.status === 'open' && r.kind !== 'health');
    expect(current).toHaveLength(1);
    expect(current[0]!.pending).toBeGreaterThan(0);
    expect(current[0]!.approvedCount).toBeGreaterThan(0);
    const winter = rows.find((r) => r.kind === 'winter' && r.status === 'closed')!;
    expect(Number(winter.budget)).toBe(117_000_000);
    expect(winter.given).toBeGreaterThan(1500);
    for (const r of rows) expect(Number(r.approved)).toBeLessThanOrEqual(Number(r.budget));
    const [over] = await t.database.query<{ n: number }>('select count(*)::int as n from campaign_allocation where sub_allocated_fen + spent_fen > amount_fen');
    expect(over!.n).toBe(0);
    const jbStaff = await t.login('jb.staff');
    const list = await ok<{ kind: string; recipients: number; disbursedFen: number }[]>(jbStaff.get('/api/v1/assistance/campaigns'), 'jb campaigns');
    expect(list.find((c) => c.kind === 'winter' && c.recipients > 0)!.recipients).toBe(winter.given);
    // The current campaign's waiting nominations are the district staff's 待办 (approve) and a street's (hand over).
    const todos = await ok<{ groups: { kind: string; count: number }[] }>(jbStaff.get('/api/v1/me/todos?limit=5'), 'jb todos');
    expect(todos.groups.find((g) => g.kind === 'campaign_nomination')!.count).toBe(current[0]!.pending + current[0]!.approvedCount);
  });
});
