import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { addDays, shanghaiDateOf } from '../../platform/holidays/dates';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { DEMO_ASSOCIATIONS, DEMO_PARTNERS } from './partner.demo';

/**
 * 1+N 合作联盟 on the demo's Jiangbei: its partners (the seed's 7 industry associations among
 * them); staff of 观音桥 register partners of their unions (typed text stays text, phones are
 * masked), record agreements whose status follows the clock, link their stations and refer needs
 * between partners step by step; 五里店's staff see none of it; the figures count it.
 */
const clock = createFakeClock(new Date());
let t: TestApp;
let jb: Client;
let gyq: Client;
let wld: Client;
let admin: Client;
let gyqId: string;
let unionId: string;

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

const today = () => shanghaiDateOf(clock());

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  [admin, jb, gyq, wld] = await Promise.all([t.login('admin'), t.login('jb.staff'), t.login('gyq.admin'), t.login('wld.admin')]);
  gyqId = await t.orgId('JB-GYQ');
  unionId = await t.orgId('JB-GYQ-LH');
}, 180_000);
afterAll(() => t.close());

async function figures(org: string, keys: string[]): Promise<Record<string, number>> {
  const res = await ok<{ items: { key: string; value: number | null }[] }>(admin.get(`/api/v1/indicators/values?org=${org}&date=${today()}&keys=${keys.join(',')}`), 'indicators');
  return Object.fromEntries(res.items.map((i) => [i.key, Number(i.value ?? 0)]));
}

describe('the demo', () => {
  it('has Jiangbei’s alliance with the seed’s 7 industry associations, agreements about to end and co-built stations', async () => {
    const all = await ok<{ total: number; items: { contactPhoneMasked: string | null }[] }>(jb.get('/api/v1/honours/partners?pageSize=100'), 'partners');
    expect(all.total).toBe(DEMO_PARTNERS);
    expect(all.items.every((p) => p.contactPhoneMasked === null || /^1\d{2}\*{4}\d{4}$/.test(p.contactPhoneMasked))).toBe(true);
    expect((await ok<{ total: number }>(jb.get('/api/v1/honours/partners?kind=association'), 'associations')).total).toBe(DEMO_ASSOCIATIONS);
    const expiring = await ok<{ status: string }[]>(jb.get('/api/v1/honours/partners/expiring'), 'expiring');
    expect(expiring.length).toBeGreaterThanOrEqual(2);
    expect(expiring.every((a) => a.status === 'expiring')).toBe(true);
    const f = await figures(await t.orgId('JB'), ['honours.partners', 'honours.partner_stations', 'honours.partner_agreements']);
    expect(f['honours.partners']).toBe(DEMO_PARTNERS);
    expect(f['honours.partner_stations']).toBeGreaterThan(0);
    expect(f['honours.partner_agreements']).toBe(DEMO_PARTNERS);
  });

  it('shows a Jiangbei member the alliance’s partners on the phone without contacts, and a stranger none', async () => {
    const member = await t.loginWorker('13800000002');
    const mine = await ok<{ name: string; stations: string[] }[]>(member.get('/api/v1/honours/partners/mine'), 'mine');
    expect(mine).toHaveLength(DEMO_PARTNERS);
    expect(JSON.stringify(mine)).not.toMatch(/1390823|contact/i);
    expect(mine.find((p) => p.name === '饿了么（重庆）')?.stations).toContain('红旗河沟骑手之家工会驿站');
    const stranger = await t.loginWorker('13912340077');
    expect(await ok(stranger.get('/api/v1/honours/partners/mine'), 'stranger')).toEqual([]);
  });
});

describe('partners', () => {
  it('keeps typed text as text, masks the phone, refuses bad input and keeps another street out', async () => {
    const body = { name: '<img src=x onerror=alert(1)>银行', kind: 'bank', orgId: unionId, contactName: '钱经理', contactPhone: '139 0823 0199', services: '<b>普惠贷款</b>' };
    const created = await ok<{ id: string; name: string; contactPhoneMasked: string; version: number; services: string }>(gyq.post('/api/v1/honours/partners', body), 'create');
    expect(created).toMatchObject({ name: body.name, contactPhoneMasked: '139****0199', services: '<b>普惠贷款</b>' });
    expect((await gyq.post('/api/v1/honours/partners', body)).body.errors[0].code).toBe('PARTNER_NAME_TAKEN');
    expect((await gyq.post('/api/v1/honours/partners', { ...body, name: '' })).status).toBe(400);
    expect((await gyq.post('/api/v1/honours/partners', { ...body, name: '别的', kind: 'pawnshop' })).status).toBe(400);
    expect((await gyq.post('/api/v1/honours/partners', { ...body, name: '别的', contactPhone: '12345' })).body.errors[0].path).toBe('contactPhone');
    const foreign = await wld.post('/api/v1/honours/partners', { ...body, name: '五里店伙伴' });
    expect([foreign.status, foreign.body.errors?.[0]?.path]).toEqual([400, 'orgId']);
    expect((await wld.get(`/api/v1/honours/partners/${created.id}`)).status).toBe(404);
    expect((await ok<{ items: unknown[] }>(wld.get('/api/v1/honours/partners?q=onerror'), 'wld list')).items).toEqual([]);

    // Leaving the phone out keeps it; a stale version is refused; ending it stops changes.
    const updated = await ok<{ contactPhoneMasked: string; version: number; kind: string }>(
      gyq.put(`/api/v1/honours/partners/${created.id}`, { name: body.name, kind: 'other', contactName: '钱经理', services: null, status: 'active', version: created.version }),
      'update',
    );
    expect(updated).toMatchObject({ contactPhoneMasked: '139****0199', kind: 'other', version: 2 });
    expect((await gyq.put(`/api/v1/honours/partners/${created.id}`, { name: body.name, kind: 'bank', status: 'active', version: 1 })).status).toBe(409);
    await ok(gyq.put(`/api/v1/honours/partners/${created.id}`, { name: body.name, kind: 'bank', status: 'ended', version: 2 }), 'end');
    expect((await gyq.post(`/api/v1/honours/partners/${created.id}/activities`, { title: '结束后', heldOn: today() })).body.code).toBe('PARTNER_ENDED');
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at, id`, [created.id]);
    expect(audit.map((a) => a.action)).toEqual(['partner.created', 'partner.updated', 'partner.ended']);
    const stored = await t.database.query<{ contact_phone: string }>(`select contact_phone from partner where id = $1`, [created.id]);
    expect(stored[0]!.contact_phone).toBe('13908230199');
  });

  it('derives an agreement’s status from the clock’s day: pending, in force, ending soon, ended', async () => {
    const p = await ok<{ id: string }>(gyq.post('/api/v1/honours/partners', { name: '协议测试协会', kind: 'association', orgId: gyqId }), 'partner');
    const start = addDays(today(), 10);
    const end = addDays(today(), 100);
    const bad = await gyq.post(`/api/v1/honours/partners/${p.id}/agreements`, { title: '倒置', signedOn: today(), startsOn: end, endsOn: start });
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'endsOn']);
    expect((await gyq.post(`/api/v1/honours/partners/${p.id}/agreements`, { title: '未来签', signedOn: addDays(today(), 1), startsOn: start, endsOn: end })).body.errors[0].code).toBe('PARTNER_SIGNED_FUTURE');
    const a = await ok<{ id: string; status: string; daysLeft: number }>(gyq.post(`/api/v1/honours/partners/${p.id}/agreements`, { title: '战略合作协议', signedOn: today(), startsOn: start, endsOn: end, scope: '建会入会' }), 'agreement');
    expect(a).toMatchObject({ status: 'pending', daysLeft: 100 });
    const statusNow = async () => (await ok<{ agreementList: { status: string }[]; activeAgreements: number }>(gyq.get(`/api/v1/honours/partners/${p.id}`), 'detail'));
    const realNow = clock();
    try {
      clock.set(new Date(realNow.getTime() + 20 * 86_400_000));
      expect((await statusNow()).agreementList[0]!.status).toBe('active');
      expect((await statusNow()).activeAgreements).toBe(1);
      clock.set(new Date(realNow.getTime() + 80 * 86_400_000));
      expect((await statusNow()).agreementList[0]!.status).toBe('expiring');
      expect((await ok<{ id: string }[]>(gyq.get('/api/v1/honours/partners/expiring'), 'expiring')).map((x) => x.id)).toContain(a.id);
      expect((await ok<{ id: string }[]>(wld.get('/api/v1/honours/partners/expiring'), 'wld expiring')).map((x) => x.id)).not.toContain(a.id);
      clock.set(new Date(realNow.getTime() + 101 * 86_400_000));
      expect((await statusNow()).agreementList[0]!.status).toBe('expired');
    } finally {
      clock.set(realNow);
    }
  });

  it('links a station of the partner’s part of the tree once, and shows the partner on the station', async () => {
    const p = await ok<{ id: string }>(gyq.post('/api/v1/honours/partners', { name: '驿站共建银行', kind: 'bank', orgId: gyqId }), 'partner');
    const [own] = await t.database.query<{ id: string }>(`select p.id from position p join org o on o.id = p.org_id where o.path like (select path || '%' from org where id = $1) order by p.code limit 1`, [gyqId]);
    const [other] = await t.database.query<{ id: string }>(`select p.id from position p join org o on o.id = p.org_id where o.code like 'JB-WLD%' order by p.code limit 1`);
    const link = await ok<{ positionName: string; contributionFen: number }>(gyq.post(`/api/v1/honours/partners/${p.id}/stations`, { positionId: own!.id, contributionFen: 5_000_000, goods: '空调、饮水机' }), 'link');
    expect(link.contributionFen).toBe(5_000_000);
    expect((await gyq.post(`/api/v1/honours/partners/${p.id}/stations`, { positionId: own!.id })).body.code).toBe('PARTNER_STATION_LINKED');
    expect((await gyq.post(`/api/v1/honours/partners/${p.id}/stations`, { positionId: other!.id })).body.errors[0].code).toBe('PARTNER_POSITION_UNKNOWN');
    expect((await gyq.post(`/api/v1/honours/partners/${p.id}/stations`, { positionId: own!.id, contributionFen: -1 })).status).toBe(400);
    const on = await ok<{ partnerName: string }[]>(gyq.get(`/api/v1/honours/partner-stations?positionId=${own!.id}`), 'station partners');
    expect(on.map((s) => s.partnerName)).toContain('驿站共建银行');
    expect(await ok(wld.get(`/api/v1/honours/partner-stations?positionId=${own!.id}`), 'wld station')).toEqual([]);
    const detail = await ok<{ stations: number; stationList: { positionId: string }[] }>(gyq.get(`/api/v1/honours/partners/${p.id}`), 'detail');
    expect(detail.stations).toBe(1);

    const act = await ok<{ heldOn: string; eventId: string | null }>(gyq.post(`/api/v1/honours/partners/${p.id}/activities`, { title: '金融知识进驿站', heldOn: today(), place: '驿站', participants: 30 }), 'activity');
    expect(act).toMatchObject({ heldOn: today(), eventId: null });
    expect((await gyq.post(`/api/v1/honours/partners/${p.id}/activities`, { title: '假活动', heldOn: today(), eventId: '00000000-0000-4000-8000-000000000000' })).body.errors[0].path).toBe('eventId');
  });

  it('refers a need between partners step by step, keeps only the masked name, and counts it', async () => {
    const before = await figures(unionId, ['honours.partners', 'honours.partner_referrals', 'honours.partner_activities', 'honours.partner_stations', 'honours.partner_agreements']);
    const a = await ok<{ id: string }>(gyq.post('/api/v1/honours/partners', { name: '转介甲协会', kind: 'association', orgId: unionId }), 'a');
    const b = await ok<{ id: string }>(gyq.post('/api/v1/honours/partners', { name: '转介乙银行', kind: 'bank', orgId: unionId }), 'b');
    expect((await gyq.post('/api/v1/honours/partner-referrals', { fromPartnerId: a.id, toPartnerId: a.id, subject: '自己' })).body.errors[0].path).toBe('toPartnerId');
    const [wldPartner] = await t.database.query<{ id: string }>(`insert into partner (org_id, name, kind) values ((select id from org where code = 'JB-WLD'), '五里店伙伴', 'other') returning id`);
    expect((await gyq.post('/api/v1/honours/partner-referrals', { fromPartnerId: a.id, toPartnerId: wldPartner!.id, subject: '越界' })).body.errors[0].path).toBe('toPartnerId');
    // Even the platform admin refers only within one district (the referral's rows live on that district's shard).
    const [yb] = await t.database.query<{ id: string }>(
      `with n as (select gen_random_uuid() as id), p as (select o.parent_id, par.path as ppath, o.depth from org o join org par on par.id = o.parent_id where o.code = 'JB')
       insert into org (id, code, name, type, parent_id, path, depth, status) select n.id, 'PT-YB', '测试渝北区', 'district', p.parent_id, p.ppath || n.id || '/', p.depth, 'active' from n, p returning id`,
    );
    const [ybPartner] = await t.database.query<{ id: string }>(`insert into partner (org_id, name, kind) values ($1, '渝北伙伴', 'other') returning id`, [yb!.id]);
    expect((await admin.post('/api/v1/honours/partner-referrals', { fromPartnerId: a.id, toPartnerId: ybPartner!.id, subject: '跨区' })).body.errors[0].path).toBe('toPartnerId');
    const r = await ok<{ id: string; status: string; workerNameMasked: string; version: number }>(
      gyq.post('/api/v1/honours/partner-referrals', { fromPartnerId: a.id, toPartnerId: b.id, subject: '骑手购车贷款咨询', workerName: '张三丰' }),
      'refer',
    );
    expect(r).toMatchObject({ status: 'referred', workerNameMasked: '张**' });
    const stored = JSON.stringify(await t.database.query(`select * from partner_referral where id = $1`, [r.id]));
    expect(stored).not.toContain('三丰');
    expect((await wld.post(`/api/v1/honours/partner-referrals/${r.id}/advance`, { status: 'accepted', version: 1 })).status).toBe(404);
    const accepted = await ok<{ status: string; acceptedAt: string; version: number }>(gyq.post(`/api/v1/honours/partner-referrals/${r.id}/advance`, { status: 'accepted', version: 1 }), 'accept');
    expect(accepted.status).toBe('accepted');
    expect((await gyq.post(`/api/v1/honours/partner-referrals/${r.id}/advance`, { status: 'accepted', version: 2 })).body.code).toBe('PARTNER_REFERRAL_STEP');
    expect((await gyq.post(`/api/v1/honours/partner-referrals/${r.id}/advance`, { status: 'closed', version: 1 })).status).toBe(409);
    const closed = await ok<{ status: string; closedAt: string }>(gyq.post(`/api/v1/honours/partner-referrals/${r.id}/advance`, { status: 'closed', note: '已放款', version: 2 }), 'close');
    expect(closed.status).toBe('closed');
    expect((await gyq.post(`/api/v1/honours/partner-referrals/${r.id}/advance`, { status: 'closed', version: 3 })).body.code).toBe('PARTNER_REFERRAL_STEP');
    const listed = await ok<{ items: { id: string }[] }>(gyq.get(`/api/v1/honours/partner-referrals?partnerId=${b.id}`), 'referrals');
    expect(listed.items.map((i) => i.id)).toEqual([r.id]);
    expect((await ok<{ items: { id: string }[] }>(wld.get(`/api/v1/honours/partner-referrals?partnerId=${b.id}`), 'wld referrals')).items).toEqual([]);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at, id`, [r.id]);
    expect(audit.map((x) => x.action)).toEqual(['partner.referred', 'partner.referral_accepted', 'partner.referral_closed']);

    await ok(gyq.post(`/api/v1/honours/partners/${a.id}/agreements`, { title: '协议', signedOn: today(), startsOn: today(), endsOn: addDays(today(), 365) }), 'agreement');
    await ok(gyq.post(`/api/v1/honours/partners/${a.id}/activities`, { title: '联合培训', heldOn: today(), participants: 20 }), 'activity');
    const after = await figures(unionId, Object.keys(before));
    expect(after).toEqual({
      'honours.partners': before['honours.partners']! + 2,
      'honours.partner_referrals': before['honours.partner_referrals']! + 1,
      'honours.partner_activities': before['honours.partner_activities']! + 1,
      'honours.partner_stations': before['honours.partner_stations']!,
      'honours.partner_agreements': before['honours.partner_agreements']! + 1,
    });
  });
});

describe('changing the alliance', () => {
  const problem = (res: { status: number; headers: Record<string, unknown> }) => [res.status, String(res.headers['content-type'])];

  it('edits an agreement, terminates it early with a reason (已终止), and keeps another street and bad input out', async () => {
    const p = await ok<{ id: string }>(gyq.post('/api/v1/honours/partners', { name: '终止测试银行', kind: 'bank', orgId: gyqId }), 'partner');
    const a = await ok<{ id: string }>(gyq.post(`/api/v1/honours/partners/${p.id}/agreements`, { title: '原协议', signedOn: today(), startsOn: today(), endsOn: addDays(today(), 20) }), 'agreement');
    expect((await ok<{ id: string }[]>(gyq.get('/api/v1/honours/partners/expiring'), 'expiring')).map((x) => x.id)).toContain(a.id);
    const todos = await ok<{ groups: { kind: string; items: { id: string; title: string; link: string }[] }[] }>(gyq.get('/api/v1/me/todos?limit=50'), 'todos');
    const todo = todos.groups.find((g) => g.kind === 'partner_agreement_expiring')?.items.find((i) => i.id === a.id);
    expect(todo?.title).toContain('终止测试银行');
    expect(todo?.link).toBe(`/admin/honours/partners?partner=${p.id}`);
    expect((await ok<{ groups: { kind: string; items: { id: string }[] }[] }>(wld.get('/api/v1/me/todos?limit=50'), 'wld todos')).groups.find((g) => g.kind === 'partner_agreement_expiring')?.items.map((i) => i.id) ?? []).not.toContain(a.id);

    const body = { title: '战略合作协议（修订）', signedOn: today(), startsOn: today(), endsOn: addDays(today(), 365), scope: '建会入会' };
    expect((await wld.put(`/api/v1/honours/partner-agreements/${a.id}`, body)).status).toBe(404);
    expect((await wld.post(`/api/v1/honours/partner-agreements/${a.id}/terminate`, { reason: '越界' })).status).toBe(404);
    const inverted = await gyq.put(`/api/v1/honours/partner-agreements/${a.id}`, { ...body, startsOn: body.endsOn, endsOn: body.startsOn });
    expect(problem(inverted)).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect(inverted.body.errors[0].path).toBe('endsOn');
    expect((await gyq.put(`/api/v1/honours/partner-agreements/${a.id}`, { ...body, signedOn: 'yesterday' })).status).toBe(400);
    const edited = await ok<{ title: string; status: string; endsOn: string }>(gyq.put(`/api/v1/honours/partner-agreements/${a.id}`, body), 'edit');
    expect(edited).toMatchObject({ title: '战略合作协议（修订）', status: 'active', endsOn: body.endsOn });

    expect(problem(await gyq.post(`/api/v1/honours/partner-agreements/${a.id}/terminate`, { reason: '  ' }))).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect((await gyq.post(`/api/v1/honours/partner-agreements/${a.id}/terminate`, { reason: '合作方撤场', terminatedOn: addDays(today(), 3) })).body.errors[0].code).toBe('PARTNER_TERMINATED_ON');
    const ended = await ok<{ status: string; terminatedOn: string; terminationReason: string }>(gyq.post(`/api/v1/honours/partner-agreements/${a.id}/terminate`, { reason: '合作方撤场' }), 'terminate');
    expect(ended).toMatchObject({ status: 'terminated', terminatedOn: today(), terminationReason: '合作方撤场' });
    expect((await gyq.post(`/api/v1/honours/partner-agreements/${a.id}/terminate`, { reason: '再次' })).body.code).toBe('PARTNER_AGREEMENT_TERMINATED');
    expect((await gyq.put(`/api/v1/honours/partner-agreements/${a.id}`, body)).status).toBe(409);
    expect((await ok<{ activeAgreements: number }>(gyq.get(`/api/v1/honours/partners/${p.id}`), 'detail')).activeAgreements).toBe(0);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at, id`, [a.id]);
    expect(audit.map((x) => x.action)).toEqual(['partner.agreement_added', 'partner.agreement_updated', 'partner.agreement_terminated']);
  });

  it('edits and removes joint activities, linking an event only through the events module and in scope', async () => {
    const p = await ok<{ id: string }>(jb.post('/api/v1/honours/partners', { name: '活动测试协会', kind: 'association', orgId: gyqId }), 'partner');
    const act = await ok<{ id: string }>(jb.post(`/api/v1/honours/partners/${p.id}/activities`, { title: '联合培训', heldOn: today(), participants: 10 }), 'activity');
    const [own] = await t.database.query<{ id: string; title: string }>(`select e.id, e.title from event e join org o on o.id = e.org_id where o.code = 'JB' or o.code like 'JB-GYQ%' order by e.starts_at limit 1`);
    const [other] = await t.database.query<{ id: string }>(`select e.id from event e join org o on o.id = e.org_id where o.code like 'JB-WLD%' limit 1`);
    // The picker's source: the events list the staff member sees.
    const visible = await ok<{ items: { id: string }[] }>(jb.get(`/api/v1/events?q=${encodeURIComponent(own!.title.slice(0, 4))}&pageSize=50`), 'events');
    expect(visible.items.map((e) => e.id)).toContain(own!.id);

    const body = { title: '联合培训（第二期）', heldOn: today(), place: '观音桥', participants: 25, eventId: own!.id };
    expect((await wld.put(`/api/v1/honours/partner-activities/${act.id}`, body)).status).toBe(404);
    expect((await wld.delete(`/api/v1/honours/partner-activities/${act.id}`)).status).toBe(404);
    expect(problem(await jb.put(`/api/v1/honours/partner-activities/${act.id}`, { ...body, participants: -3 }))).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect((await jb.put(`/api/v1/honours/partner-activities/${act.id}`, { ...body, eventId: 'abc' })).status).toBe(400);
    expect((await jb.put(`/api/v1/honours/partner-activities/${act.id}`, { ...body, eventId: '00000000-0000-4000-8000-000000000000' })).body.errors[0].code).toBe('PARTNER_EVENT_UNKNOWN');
    if (other) expect((await jb.put(`/api/v1/honours/partner-activities/${act.id}`, { ...body, eventId: other.id })).body.errors[0].path).toBe('eventId');
    const edited = await ok<{ title: string; participants: number; eventId: string; eventTitle: string }>(jb.put(`/api/v1/honours/partner-activities/${act.id}`, body), 'edit');
    expect(edited).toMatchObject({ title: '联合培训（第二期）', participants: 25, eventId: own!.id, eventTitle: own!.title });
    expect((await jb.delete(`/api/v1/honours/partner-activities/${act.id}`)).status).toBe(204);
    expect((await jb.delete(`/api/v1/honours/partner-activities/${act.id}`)).status).toBe(404);
    expect((await ok<{ activities: number }>(jb.get(`/api/v1/honours/partners/${p.id}`), 'detail')).activities).toBe(0);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at, id`, [act.id]);
    expect(audit.map((x) => x.action)).toEqual(['partner.activity_added', 'partner.activity_updated', 'partner.activity_removed']);
  });

  it('changes what a partner gave a co-built station and unlinks it, in scope only', async () => {
    const p = await ok<{ id: string }>(gyq.post('/api/v1/honours/partners', { name: '共建修改银行', kind: 'bank', orgId: gyqId }), 'partner');
    const [own] = await t.database.query<{ id: string }>(`select p.id from position p join org o on o.id = p.org_id where o.path like (select path || '%' from org where id = $1) order by p.code limit 1`, [gyqId]);
    await ok(gyq.post(`/api/v1/honours/partners/${p.id}/stations`, { positionId: own!.id, contributionFen: 100 }), 'link');
    const url = `/api/v1/honours/partners/${p.id}/stations/${own!.id}`;
    expect((await wld.put(url, { contributionFen: 1 })).status).toBe(404);
    expect((await wld.delete(url)).status).toBe(404);
    expect(problem(await gyq.put(url, { contributionFen: -1 }))).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect((await gyq.put(`/api/v1/honours/partners/${p.id}/stations/00000000-0000-4000-8000-000000000000`, { contributionFen: 1 })).status).toBe(404);
    expect(await ok(gyq.put(url, { contributionFen: 8_000_000, goods: '冰柜' }), 'edit')).toMatchObject({ contributionFen: 8_000_000, goods: '冰柜' });
    expect((await gyq.delete(url)).status).toBe(204);
    expect((await gyq.delete(url)).status).toBe(404);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at, id`, [p.id]);
    expect(audit.map((x) => x.action)).toEqual(['partner.created', 'partner.station_linked', 'partner.station_updated', 'partner.station_unlinked']);
  });

  it('keeps a note, reveals the contact’s full phone to staff in scope only (audited) and masks it everywhere else', async () => {
    const p = await ok<{ id: string; version: number; note: string | null }>(
      gyq.post('/api/v1/honours/partners', { name: '查看号码协会', kind: 'association', orgId: gyqId, contactName: '李秘书长', contactPhone: '13908231234', note: '<i>年底续签</i>' }),
      'partner',
    );
    expect(p.note).toBe('<i>年底续签</i>');
    expect((await wld.post(`/api/v1/honours/partners/${p.id}/reveal-phone`)).status).toBe(404);
    expect((await gyq.post(`/api/v1/honours/partners/not-a-uuid/reveal-phone`)).status).toBe(400);
    expect(await ok(gyq.post(`/api/v1/honours/partners/${p.id}/reveal-phone`), 'reveal')).toEqual({ contactPhone: '13908231234' });
    const audit = await t.database.query<{ action: string; after: { field: string } }>(`select action, after from audit_entry where entity_id = $1 and action = 'personal_data.read'`, [p.id]);
    expect(audit.map((a) => [a.action, a.after.field])).toEqual([['personal_data.read', 'contactPhone']]);
    const everywhere = JSON.stringify([
      await ok(gyq.get(`/api/v1/honours/partners/${p.id}`), 'detail'),
      await ok(gyq.get('/api/v1/honours/partners?pageSize=200'), 'list'),
      await ok(gyq.put(`/api/v1/honours/partners/${p.id}`, { name: '查看号码协会', kind: 'association', contactName: '李秘书长', note: '已续签', status: 'active', version: p.version }), 'edit'),
    ]);
    expect(everywhere).not.toContain('13908231234');
    expect(everywhere).toContain('139****1234');
    expect(everywhere).toContain('已续签');
  });
});
