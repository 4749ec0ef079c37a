import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { signTicket } from './events.ticket';
import { iso, publishedEvent, workers, type Worker } from './testing';

/**
 * Check-in (issue 13 point 6) on a controllable clock: signed tickets (genuine, forged, of another
 * event), an offline batch uploaded twice counting once, entry and exit minutes of a training,
 * walk-ins within the capacity, the rotating code, attendance and the certificate.
 */
const clock = createFakeClock(new Date());
const HOUR = 3600_000;
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({}, { clock, jobRunner: false });
  admin = await t.login('jb.admin');
});
afterAll(async () => t?.close());

type Mine = { id: string; eventId: string; ticket: string | null; hasCertificate: boolean; attendedAt: string | null; attendedMinutes: number };
const ticketOf = async (w: Worker, eventId: string) => ((await w.client.get('/api/v1/events/my/registrations')).body.items as Mine[]).find((r) => r.eventId === eventId)!;
let n = 0;
const cid = () => `test-scan-${++n}-${Math.random().toString(36).slice(2, 10)}`;

describe('events: check-in', () => {
  let base: number;
  let event: { id: string };
  let other: { id: string };
  let ws: Worker[];
  const tickets: Record<string, Mine> = {};

  beforeAll(async () => {
    base = clock().getTime();
    // A training 1 h from now, 4 h long, 2 h minimum for the certificate; five places.
    event = await publishedEvent(
      t,
      admin,
      { title: '职工安全生产培训', capacity: 5, startsAt: iso(base, 1), endsAt: iso(base, 5), signupClosesAt: iso(base, 0.5), minAttendanceMinutes: 120 },
      base,
    );
    other = await publishedEvent(t, admin, { title: '另一场活动', capacity: 5, startsAt: iso(base, 1), endsAt: iso(base, 3), signupClosesAt: iso(base, 0.5) }, base);
    ws = await workers(t, 'JB', 6);
    for (const w of ws.slice(0, 4)) {
      const res = await w.client.post(`/api/v1/events/open/${event.id}/sign-up`, {});
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      tickets[w.userId] = await ticketOf(w, event.id);
      expect(tickets[w.userId]!.ticket).toMatch(/^E1\./);
    }
    expect((await ws[5]!.client.post(`/api/v1/events/open/${other.id}/sign-up`, {})).status).toBe(201);
  });

  it('records a genuine ticket, refuses a forged one and one of another event', async () => {
    const a = tickets[ws[0]!.userId]!;
    const forged = `${a.ticket!.slice(0, -3)}${a.ticket!.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const otherTicket = (await ticketOf(ws[5]!, other.id)).ticket!;
    const made = signTicket(Buffer.alloc(32, 7), a.id); // right shape, wrong key
    const res = await admin.post(`/api/v1/events/${event.id}/checkins`, {
      items: [
        { clientId: cid(), code: a.ticket!, at: iso(base, 0) },
        { clientId: cid(), code: forged },
        { clientId: cid(), code: made },
        { clientId: cid(), code: otherTicket },
        { clientId: cid(), code: 'not a ticket at all' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['recorded', 'invalid', 'invalid', 'other_event', 'invalid']);
    expect(res.body.items[0].name).toBeTruthy();
    expect((await ticketOf(ws[0]!, event.id)).attendedAt).not.toBeNull();
    // The other event's registration was not touched.
    expect((await ticketOf(ws[5]!, other.id)).attendedAt).toBeNull();
  });

  it('counts an offline batch uploaded twice once, and gives entry–exit minutes inside the event’s hours', async () => {
    const a = tickets[ws[0]!.userId]!;
    const b = tickets[ws[1]!.userId]!;
    // Scans made offline during the training (the device kept them), uploaded after it.
    clock.advance(4.5 * HOUR);
    const batch = {
      items: [
        { clientId: cid(), code: a.ticket!, kind: 'entry', at: iso(base, 1) }, // a second entry while inside: counted once
        { clientId: cid(), code: a.ticket!, kind: 'exit', at: iso(base, 3.5) },
        { clientId: cid(), code: b.ticket!, kind: 'entry', at: iso(base, 0.75) }, // early: counted from the start
        { clientId: cid(), code: b.ticket!, kind: 'exit', at: iso(base, 2) },
      ],
    };
    const first = await admin.post(`/api/v1/events/${event.id}/checkins`, batch);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['already_in', 'recorded', 'recorded', 'recorded']);
    const before = (await admin.get(`/api/v1/events/${event.id}/attendance`)).body;
    const again = await admin.post(`/api/v1/events/${event.id}/checkins`, batch);
    expect(again.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const after = (await admin.get(`/api/v1/events/${event.id}/attendance`)).body;
    expect(after).toEqual(before);
    expect(after.attended).toBe(2);
    const [rows] = [await t.database.query<{ n: number }>(`select count(*)::int as n from event_checkin where event_id = $1`, [event.id])];
    expect(rows[0]!.n).toBe(5);
    // a: 0:00 (counted from 1:00) to 3:30 = 150 min; b: 1:00 to 2:00 = 60 min.
    expect((await ticketOf(ws[0]!, event.id)).attendedMinutes).toBe(150);
    expect((await ticketOf(ws[1]!, event.id)).attendedMinutes).toBe(60);
    clock.advance(-4.5 * HOUR);
  });

  it('checks an attendee in by the rotating code, which soon expires', async () => {
    const info = await admin.get(`/api/v1/events/${event.id}/checkin`);
    expect(info.status).toBe(200);
    expect(info.body.code).toMatch(/^C1\./);
    const d = ws[3]!;
    const ok = await d.client.post('/api/v1/events/my/checkin', { clientId: cid(), code: info.body.code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.outcome).toBe('recorded');
    // The attendee's own exit by the code marks nothing toward the training's hours: a photo of the
    // code passed on from the room would otherwise earn the certificate.
    clock.advance(2 * HOUR);
    const later = (await admin.get(`/api/v1/events/${event.id}/checkin`)).body.code as string;
    const out = await d.client.post('/api/v1/events/my/checkin', { clientId: cid(), code: later, kind: 'exit' });
    expect(out.body.outcome).toBe('recorded');
    const [row] = await t.database.query<{ attended_minutes: number; attended_at: unknown }>('select attended_minutes, attended_at from event_registration where id = $1', [ok.body.registrationId]);
    expect(row).toMatchObject({ attended_minutes: 0 });
    expect(row!.attended_at).not.toBeNull();
    clock.advance(-2 * HOUR);
    // Someone with no place at the event is told so.
    const stranger = await ws[4]!.client.post('/api/v1/events/my/checkin', { clientId: cid(), code: info.body.code });
    expect(stranger.status).toBe(409);
    expect(stranger.body.code).toBe('EVENT_CHECKIN_NOT_REGISTERED');
    clock.advance(3 * 60_000);
    const stale = await d.client.post('/api/v1/events/my/checkin', { clientId: cid(), code: info.body.code });
    expect(stale.status).toBe(400);
    expect(stale.body.code).toBe('EVENT_CHECKIN_CODE_INVALID');
    const forged = await d.client.post('/api/v1/events/my/checkin', { clientId: cid(), code: `${info.body.code.slice(0, -2)}xx` });
    expect(forged.body.code).toBe('EVENT_CHECKIN_CODE_INVALID');
  });

  it('registers walk-ins at the door while places remain, through the quota-safe path', async () => {
    const e = ws[4]!;
    const clientId = cid();
    const walk = await admin.post(`/api/v1/events/${event.id}/walk-ins`, { clientId, membershipId: e.membershipId });
    expect(walk.status, JSON.stringify(walk.body)).toBe(200);
    expect(walk.body.outcome).toBe('recorded');
    // The same walk-in uploaded again (a retry): nothing more taken.
    const retry = await admin.post(`/api/v1/events/${event.id}/walk-ins`, { clientId, membershipId: e.membershipId });
    expect(retry.body.outcome).toBe('duplicate');
    const ev = (await admin.get(`/api/v1/events/${event.id}`)).body;
    expect(ev.taken).toBe(5);
    // The event is full now: the next walk-in is refused and takes nothing.
    const [spare] = await t.database.query<{ id: string }>(
      `select m.id from membership m join org o on o.id = m.org_id where m.status = 'active' and o.path like (select path from org where code = 'JB') || '%'
         and m.person_id not in (select person_id from event_registration where person_id is not null) limit 1`,
    );
    const full = await admin.post(`/api/v1/events/${event.id}/walk-ins`, { clientId: cid(), membershipId: spare!.id });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('EVENT_FULL');
    expect((await admin.get(`/api/v1/events/${event.id}`)).body.taken).toBe(5);
    const regs = (await admin.get(`/api/v1/events/${event.id}/registrations?pageSize=50`)).body.items as { source: string; attendedAt: string | null }[];
    expect(regs.filter((r) => r.source === 'door')).toHaveLength(1);
  });

  it('records attendance and no-shows, and gives the certificate only to those who attended enough', async () => {
    const during = (await admin.get(`/api/v1/events/${event.id}/attendance`)).body;
    expect(during).toMatchObject({ registered: 5, attended: 4, walkIns: 1, noShows: null });
    clock.advance(8 * HOUR);
    const ended = (await admin.get(`/api/v1/events/${event.id}/attendance`)).body;
    // c never came; a stayed 150 min (certified), b 60 min, d and the walk-in never scanned out.
    expect(ended).toMatchObject({ registered: 5, attended: 4, walkIns: 1, noShows: 1, certified: 1 });
    const a = await ticketOf(ws[0]!, event.id);
    expect(a.hasCertificate).toBe(true);
    const pdf = await ws[0]!.client.get(`/api/v1/events/my/registrations/${a.id}/certificate`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    const b = await ticketOf(ws[1]!, event.id);
    expect(b.hasCertificate).toBe(false);
    const refused = await ws[1]!.client.get(`/api/v1/events/my/registrations/${b.id}/certificate`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('EVENT_CERTIFICATE_NONE');
    // Nobody else's certificate.
    expect((await ws[1]!.client.get(`/api/v1/events/my/registrations/${a.id}/certificate`)).status).toBe(404);
    expect((await admin.get(`/api/v1/events/${event.id}/registrations/${a.id}/certificate`)).status).toBe(200);
    // Scans after the check-in hours are refused.
    const late = await admin.post(`/api/v1/events/${event.id}/checkins`, { items: [{ clientId: cid(), code: tickets[ws[2]!.userId]!.ticket! }] });
    expect(late.body.items[0].outcome).toBe('event_closed');
    // The send log counts what was sent (the confirmations).
    const log = (await admin.get(`/api/v1/events/${event.id}/send-log`)).body.items as { kind: string; recipients: number }[];
    expect(log.filter((l) => l.kind === 'event.confirmed').reduce((s, l) => s + l.recipients, 0)).toBe(5);
    clock.advance(-8 * HOUR);
  });
});

describe('events: review fixes', () => {
  it('refuses a place at a service position outside the staff member’s scope', async () => {
    const base = clock().getTime();
    const street = await t.login('gyq.admin');
    // 华新街's station is another street's; 观音桥's own (or one of the district above) is fine.
    const [outside] = await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`);
    const [inside] = await t.database.query<{ id: string }>(
      `select p.id from position p join org o on o.id = p.org_id where o.path like (select path from org where code = 'JB-GYQ') || '%' limit 1`,
    );
    const body = { orgId: await t.orgId('JB-GYQ'), type: 'culture', title: '阵地范围测试', startsAt: iso(base, 48), endsAt: iso(base, 50), signupOpensAt: iso(base, -1), signupClosesAt: iso(base, 24), capacity: 5 };
    const refused = await street.post('/api/v1/events', { ...body, positionId: outside!.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('positionId');
    const ok = await street.post('/api/v1/events', { ...body, positionId: inside!.id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // Nor moved there by an edit.
    const { orgId: _org, ...rest } = body;
    const moved = await street.put(`/api/v1/events/${ok.body.id}`, { ...rest, positionId: outside!.id, version: ok.body.version });
    expect(moved.status).toBe(400);
    // The district's staff may use it.
    expect((await admin.post('/api/v1/events', { ...body, positionId: outside!.id })).status).toBe(201);
  });

  it('does not give a lapsed member a second place in the same event', async () => {
    const base = clock().getTime();
    const e = await publishedEvent(t, admin, { title: '会籍失效测试', capacity: 5, visibility: 'public', eligibility: { membersOnly: false } }, base);
    const [w] = await workers(t, 'JB', 1);
    expect((await w!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {})).status).toBe(201);
    await t.database.query(`update membership set status = 'left' where id = $1`, [w!.membershipId]);
    const again = await w!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVENT_ALREADY_REGISTERED');
    expect((await admin.get(`/api/v1/events/${e.id}`)).body.taken).toBe(1);
  });
});

describe('events: figures', () => {
  it('counts events, registrations, attendance 人次 and no-shows by type for the registrant’s union', async () => {
    const base = clock().getTime();
    const e = await publishedEvent(t, admin, { title: '数据统计活动', type: 'health', capacity: 5, startsAt: iso(base, 1), endsAt: iso(base, 3), signupClosesAt: iso(base, 0.5) }, base);
    const ws = await workers(t, 'JB', 2);
    for (const w of ws) expect((await w.client.post(`/api/v1/events/open/${e.id}/sign-up`, {})).status).toBe(201);
    const ticket = (await ticketOf(ws[0]!, e.id)).ticket!;
    expect((await admin.post(`/api/v1/events/${e.id}/checkins`, { items: [{ clientId: cid(), code: ticket }] })).body.items[0].outcome).toBe('recorded');
    // The event's own day in Shanghai (at 23:30 there, an hour later is the next day).
    const day = new Date(base + HOUR + 8 * HOUR).toISOString().slice(0, 10);
    const res = await admin.get(`/api/v1/indicators/values?org=JB&period=range&from=${day}&to=${day}&keys=events.events,events.registrations,events.attendance,events.no_shows&filter=eventType:health`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const values = Object.fromEntries((res.body.items as { key: string; value: number }[]).map((i) => [i.key, i.value]));
    expect(values).toEqual({ 'events.events': 1, 'events.registrations': 2, 'events.attendance': 1, 'events.no_shows': 1 });
    const rate = await admin.get(`/api/v1/indicators/values?org=JB&period=range&from=${day}&to=${day}&keys=events.no_show_rate`);
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
    expect(rate.body.items[0].value).toBeGreaterThan(0);
  });
});
