import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { DEMO_HEALTH_PLACES } from './health.demo';

/**
 * 送健康 on the demo's Jiangbei: the district's staff set up a health campaign's hospitals and
 * slots; members book on the phone (eligible by the campaign's rules, 两癌 slots for women of
 * 35–64 only, once per campaign, never past a slot's capacity even when twenty race for five
 * places), cancel to free a place; staff mark 到场 and the figures count it.
 */
let t: TestApp;
let jb: Client;
let wld: Client;
let admin: Client;
let unionId: string;
let campaignId: string;
let hospitalId: string;
const DAY = 86_400_000;
const shDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * DAY).toISOString().slice(0, 10);
const at = (offset: number, hour: number) => new Date(`${shDay(offset)}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

let seq = 0;
/** A worker who joins the district's grassroots union and is approved: sex and birth date come from the ID number (GB 11643). */
async function member(sex: 'male' | 'female', birth: string, employmentForm = 'courier'): Promise<Client> {
  const n = ++seq;
  const first17 = `500105${birth.replaceAll('-', '')}${String(n % 100).padStart(2, '0')}${sex === 'male' ? 1 : 2}`;
  const c = await t.loginWorker(`1355500${String(n).padStart(4, '0')}`);
  const applied = await c.post('/api/v1/members/applications', { realName: `体检职工${n}`, idNumber: first17 + idNumberCheckChar(first17), employmentForm, orgId: unionId });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const approved = await jb.post(`/api/v1/members/${applied.body.membership.id}/approve`, { version: applied.body.membership.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return c;
}

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function healthCampaign(eligibility: Record<string, unknown> = {}): Promise<string> {
  const c = await ok<{ id: string; version: number }>(
    jb.post('/api/v1/assistance/campaigns', {
      orgId: await t.orgId('JB'),
      kind: 'health',
      name: '送健康测试活动',
      startsOn: shDay(0),
      endsOn: shDay(60),
      budgetFen: 1_000_000,
      fundingSources: [{ source: '区总工会经费', amountFen: 1_000_000 }],
      benefits: [{ key: 'check', kind: 'service', name: '免费体检', unitValueFen: 20_000 }],
      eligibility,
      secondApprovalFen: 500_000,
    }),
    'campaign',
  );
  await ok(jb.post(`/api/v1/assistance/campaigns/${c.id}/status`, { status: 'open', version: c.version }), 'open');
  return c.id;
}

async function slot(hospital: string, extra: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  return ok(jb.post(`/api/v1/assistance/health/hospitals/${hospital}/slots`, { startsAt: at(3, 8), endsAt: at(3, 11), capacity: 5, ...extra }), 'slot');
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, jb, wld] = await Promise.all([t.login('admin'), t.login('jb.admin'), t.login('wld.admin')]);
  unionId = await t.orgId('JB-GYQ-LH');
  campaignId = await healthCampaign();
  const h = await ok<{ id: string }>(jb.post(`/api/v1/assistance/health/campaigns/${campaignId}/hospitals`, { name: '<b>江北区人民医院</b>', address: '大石坝东路111号', location: { lng: 106.52, lat: 29.59 }, phone: '023-67853100' }), 'hospital');
  hospitalId = h.id;
}, 180_000);
afterAll(() => t.close());

describe('hospitals and slots', () => {
  it('keeps typed text as text, slots within the campaign, and another street’s staff out', async () => {
    const list = await ok<{ name: string }[]>(jb.get(`/api/v1/assistance/health/campaigns/${campaignId}/hospitals`), 'hospitals');
    expect(list[0]!.name).toBe('<b>江北区人民医院</b>');
    const late = await jb.post(`/api/v1/assistance/health/hospitals/${hospitalId}/slots`, { startsAt: at(90, 8), endsAt: at(90, 11), capacity: 5 });
    expect(late.status).toBe(400);
    const backwards = await jb.post(`/api/v1/assistance/health/hospitals/${hospitalId}/slots`, { startsAt: at(3, 11), endsAt: at(3, 8), capacity: 5 });
    expect(backwards.status).toBe(400);
    expect((await wld.post(`/api/v1/assistance/health/hospitals/${hospitalId}/slots`, { startsAt: at(3, 8), endsAt: at(3, 11), capacity: 5 })).status).toBe(404);
    expect((await wld.post(`/api/v1/assistance/health/campaigns/${campaignId}/hospitals`, { name: 'x', address: 'y' })).status).toBe(404);
  });
});

describe('booking on the phone', () => {
  it('books once per campaign, cancels to free the place, and refuses a non-member', async () => {
    const s = await slot(hospitalId);
    const w = await member('male', '1985-03-12');
    const open = await ok<{ items: { id: string; hospitals: { slots: { id: string }[] }[] }[] }>(w.get('/api/v1/assistance/health/open'), 'open');
    expect(open.items.find((c) => c.id === campaignId)?.hospitals[0]?.slots.some((x) => x.id === s.id)).toBe(true);
    const booked = await ok<{ id: string; status: string }>(w.post(`/api/v1/assistance/health/slots/${s.id}/book`), 'book');
    expect(booked.status).toBe('booked');
    const other = await slot(hospitalId);
    const twice = await w.post(`/api/v1/assistance/health/slots/${other.id}/book`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('HEALTH_ALREADY_BOOKED');
    const [row] = await t.database.query<{ booked: number }>('select booked from health_slot where id = $1', [s.id]);
    expect(row!.booked).toBe(1);

    const mine = await ok<{ items: { id: string }[] }>(w.get('/api/v1/assistance/health/mine'), 'mine');
    expect(mine.items.map((b) => b.id)).toContain(booked.id);
    const cancelled = await ok<{ status: string }>(w.delete(`/api/v1/assistance/health/mine/${booked.id}`), 'cancel');
    expect(cancelled.status).toBe('cancelled');
    const [after] = await t.database.query<{ booked: number }>('select booked from health_slot where id = $1', [s.id]);
    expect(after!.booked).toBe(0);
    // Cancelled, the member may book again.
    await ok(w.post(`/api/v1/assistance/health/slots/${other.id}/book`), 'book again');

    const stranger = await t.loginWorker('13555009999');
    expect((await stranger.post(`/api/v1/assistance/health/slots/${s.id}/book`)).status).toBe(403);
    expect((await stranger.delete(`/api/v1/assistance/health/mine/${booked.id}`)).status).toBe(404);
  });

  it('refuses a member the campaign’s rules leave out', async () => {
    const onlyDomestic = await healthCampaign({ employmentForms: ['domestic'] });
    const h = await ok<{ id: string }>(jb.post(`/api/v1/assistance/health/campaigns/${onlyDomestic}/hospitals`, { name: '江北区中医院', address: '嘉陵一村4号' }), 'hospital');
    const s = await slot(h.id);
    const w = await member('female', '1980-05-01', 'courier');
    const res = await w.post(`/api/v1/assistance/health/slots/${s.id}/book`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('HEALTH_NOT_ELIGIBLE');
    expect(res.body.errors[0].path).toBe('eligibility.employmentForms');
    const open = await ok<{ items: { id: string }[] }>(w.get('/api/v1/assistance/health/open'), 'open');
    expect(open.items.map((c) => c.id)).not.toContain(onlyDomestic);
  });

  it('keeps a 两癌 screening slot for women of 35–64 on the slot’s day', async () => {
    const s = await slot(hospitalId, { isTwoCancer: true });
    const man = await member('male', '1980-01-01');
    const manRes = await man.post(`/api/v1/assistance/health/slots/${s.id}/book`);
    expect(manRes.status).toBe(422);
    expect(manRes.body.code).toBe('HEALTH_TWO_CANCER_ONLY');
    const young = await member('female', '2000-01-01');
    expect((await young.post(`/api/v1/assistance/health/slots/${s.id}/book`)).body.code).toBe('HEALTH_TWO_CANCER_ONLY');
    const older = await member('female', '1950-01-01');
    expect((await older.post(`/api/v1/assistance/health/slots/${s.id}/book`)).body.code).toBe('HEALTH_TWO_CANCER_ONLY');
    const woman = await member('female', '1975-06-15');
    expect((await woman.post(`/api/v1/assistance/health/slots/${s.id}/book`)).status).toBe(201);
    // The slot is not offered to the man at all.
    const open = await ok<{ items: { id: string; hospitals: { slots: { id: string }[] }[] }[] }>(man.get('/api/v1/assistance/health/open'), 'open');
    expect(open.items.find((c) => c.id === campaignId)!.hospitals.flatMap((h) => h.slots).map((x) => x.id)).not.toContain(s.id);
  });

  it('gives exactly five of a slot of five to twenty members booking at once', async () => {
    const s = await slot(hospitalId, { capacity: 5 });
    const workers: Client[] = [];
    for (let i = 0; i < 20; i++) workers.push(await member(i % 2 ? 'male' : 'female', '1982-02-02'));
    const results = await Promise.all(workers.map((w) => w.post(`/api/v1/assistance/health/slots/${s.id}/book`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'HEALTH_SLOT_FULL')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(15);
    const [row] = await t.database.query<{ booked: number; n: number }>("select s.booked, (select count(*)::int from health_booking b where b.slot_id = s.id and b.status = 'booked') as n from health_slot s where s.id = $1", [s.id]);
    expect(row).toEqual({ booked: 5, n: 5 });
  }, 180_000);
});

describe('attendance and figures', () => {
  it('lets staff mark 到场 once the slot has started, and counts it as 人次', async () => {
    const s = await slot(hospitalId);
    const w = await member('female', '1979-09-09');
    const b = await ok<{ id: string; version: number }>(w.post(`/api/v1/assistance/health/slots/${s.id}/book`), 'book');
    const early = await jb.post(`/api/v1/assistance/health/bookings/${b.id}/mark`, { status: 'attended', version: b.version });
    expect(early.body.code).toBe('HEALTH_MARK_TOO_EARLY');
    await t.database.query("update health_slot set starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' where id = $1", [s.id]);
    expect((await w.delete(`/api/v1/assistance/health/mine/${b.id}`)).body.code).toBe('HEALTH_CANCEL_TOO_LATE');
    expect((await wld.post(`/api/v1/assistance/health/bookings/${b.id}/mark`, { status: 'attended', version: b.version })).status).toBe(404);

    const read = async () => {
      const res = await ok<{ items: { key: string; value: number | null }[] }>(admin.get(`/api/v1/indicators/values?org=${unionId}&date=${shDay(0)}&keys=assistance.health_attended,assistance.health_booked`), 'indicators');
      return Object.fromEntries(res.items.map((i) => [i.key, i.value]));
    };
    const before = await read();
    const marked = await ok<{ status: string }>(jb.post(`/api/v1/assistance/health/bookings/${b.id}/mark`, { status: 'attended', version: b.version }), 'mark');
    expect(marked.status).toBe('attended');
    const after = await read();
    expect(Number(after['assistance.health_attended'])).toBe(Number(before['assistance.health_attended'] ?? 0) + 1);
    const list = await ok<{ items: { id: string; status: string }[] }>(jb.get(`/api/v1/assistance/health/campaigns/${campaignId}/bookings?slotId=${s.id}`), 'bookings');
    expect(list.items).toMatchObject([{ id: b.id, status: 'attended' }]);
    // 五里店's staff read the district's campaign but see only their own street's members.
    const wldList = await ok<{ items: unknown[]; total: number }>(wld.get(`/api/v1/assistance/health/campaigns/${campaignId}/bookings?slotId=${s.id}`), 'wld bookings');
    expect(wldList).toMatchObject({ items: [], total: 0 });
    // No medical result anywhere: the booking's columns are who, where, when and whether they came.
    const cols = await t.database.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'health_booking'");
    expect(cols.map((c) => c.column_name).filter((c) => /result|diagnos|report|finding/.test(c))).toEqual([]);
  });

  it('reminds each member booked for tomorrow once, by message and SMS, and puts slots that are over with members unmarked in the staff’s 待办', async () => {
    const s = await slot(hospitalId, { startsAt: at(1, 9), endsAt: at(1, 11) });
    const w = await member('male', '1980-05-05');
    const b = await ok<{ id: string; version: number }>(w.post(`/api/v1/assistance/health/slots/${s.id}/book`), 'book');
    const [user] = await t.database.query<{ user_id: string }>('select user_id from health_booking where id = $1', [b.id]);
    const told = async () => t.database.query<{ title_zh: string; body_zh: string; sms_status: string | null }>("select title_zh, body_zh, sms_status from notification where recipient_id = $1 and kind = 'health.reminder'", [user!.user_id]);
    expect(await told()).toEqual([]);
    await t.app.services.health.remindTomorrow();
    await t.app.services.health.remindTomorrow();
    const sent = await told();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.title_zh).toBe('明天体检提醒');
    expect(sent[0]!.body_zh).toContain('09:00');
    expect(sent[0]!.body_zh).toContain('<b>江北区人民医院</b>');
    expect(sent[0]!.sms_status).not.toBeNull();

    // The slot is over and the member is still 已预约: the district's staff have it to mark; 五里店's do not (not their member).
    const todo = async (c: Client) => ((await c.get('/api/v1/me/todos?limit=50')).body.groups.find((g: { kind: string }) => g.kind === 'health_attendance')?.items ?? []) as { id: string; link: string; title: string }[];
    expect((await todo(jb)).map((i) => i.id)).not.toContain(s.id);
    await t.database.query("update health_slot set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = $1", [s.id]);
    const item = (await todo(jb)).find((i) => i.id === s.id);
    expect(item?.link).toBe(`/admin/assistance/health?campaign=${campaignId}&tab=bookings&slot=${s.id}`);
    expect(JSON.stringify(item)).toContain('1 人待登记到场');
    expect((await todo(wld)).map((i) => i.id)).not.toContain(s.id);
    await ok(jb.post(`/api/v1/assistance/health/bookings/${b.id}/mark`, { status: 'no_show', version: b.version }), 'mark');
    expect((await todo(jb)).map((i) => i.id)).not.toContain(s.id);
  });

  it('seeds an open 送健康 campaign with hospitals, slots and attended bookings', async () => {
    const [demo] = await t.database.query<{ budget: number; hospitals: number; attended: number; overbooked: number }>(
      `select c.budget_fen::bigint / 30000 as budget, (select count(*)::int from health_hospital h where h.campaign_id = c.id) as hospitals,
        (select count(*)::int from health_booking b where b.campaign_id = c.id and b.status = 'attended') as attended,
        (select count(*)::int from health_slot s where s.campaign_id = c.id and s.booked > s.capacity) as overbooked
       from campaign c where c.kind = 'health' and c.status = 'open' and c.name like '%环卫工人%'`,
    );
    expect(Number(demo!.budget)).toBe(DEMO_HEALTH_PLACES);
    expect(demo!.hospitals).toBe(3);
    expect(demo!.attended).toBeGreaterThan(0);
    expect(demo!.overbooked).toBe(0);
  });
});
