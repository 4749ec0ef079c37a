import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { iso, publishedEvent, workers, type Worker } from './testing';

/**
 * The waiting list on a controllable clock with no background runner: the test drains the job
 * queue itself, so an offer's expiry happens exactly when the clock and the drain say.
 */
const clock = createFakeClock(new Date());
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({}, { clock, jobRunner: false });
  admin = await t.login('jb.admin');
});
afterAll(async () => t?.close());

const HOUR = 3600_000;
const kindsOf = async (w: Worker) => ((await w.client.get('/api/v1/me/notifications')).body.items as { kind: string }[]).map((m) => m.kind);
const signUp = (w: Worker, eventId: string, waitlist = true) => w.client.post(`/api/v1/events/open/${eventId}/sign-up`, { waitlist });
const mineAt = async (w: Worker, eventId: string) =>
  (
    (await w.client.get('/api/v1/events/my/registrations')).body.items as {
      eventId: string;
      id: string;
      status: string;
      waitingPosition: number | null;
      offerExpiresAt: string | null;
      version: number;
      ticket: string | null;
    }[]
  ).find((r) => r.eventId === eventId)!;

describe('the waiting list', { timeout: 120_000 }, () => {
  it('offers a freed place to the next person, who accepts in time; an unanswered offer moves on by the job; staff priority needs a reason', async () => {
    const e = await publishedEvent(t, admin, { capacity: 1, offerHoldMinutes: 60, title: '书法培训' }, clock().getTime());
    const ws = await workers(t, 'JB-GYQ', 5);
    const [w1, w2, w3, w4, w5] = ws as [Worker, Worker, Worker, Worker, Worker];
    expect((await signUp(w1, e.id, false)).body.status).toBe('confirmed');
    expect((await signUp(w2, e.id, false)).body).toMatchObject({ status: 409, code: 'EVENT_FULL' });
    expect((await signUp(w2, e.id)).body).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect((await signUp(w3, e.id)).body).toMatchObject({ status: 'waiting', waitingPosition: 2 });
    expect((await signUp(w4, e.id)).body).toMatchObject({ status: 'waiting', waitingPosition: 3 });
    expect(await kindsOf(w2)).toContain('event.waiting');
    expect((await mineAt(w2, e.id)).ticket).toBeNull();

    // w1 gives the place back: it is offered to w2 and held for an hour.
    const r1 = await mineAt(w1, e.id);
    expect((await w1.client.post(`/api/v1/events/my/registrations/${r1.id}/cancel`)).body.status).toBe('cancelled');
    const offer = await mineAt(w2, e.id);
    expect(offer.status).toBe('offered');
    expect(new Date(offer.offerExpiresAt!).getTime()).toBe(clock().getTime() + HOUR);
    expect(await kindsOf(w2)).toContain('event.offer');
    expect((await mineAt(w3, e.id)).waitingPosition).toBe(1);
    // Held means held: a newcomer finds no place.
    expect((await signUp(w5, e.id, false)).body.code).toBe('EVENT_FULL');

    // Nobody answers for an hour: the job moves the offer on to w3.
    clock.advance(HOUR - 60_000);
    await t.app.jobs.drain();
    expect((await mineAt(w2, e.id)).status).toBe('offered');
    clock.advance(2 * 60_000);
    expect(await t.app.jobs.drain()).toBeGreaterThan(0);
    expect((await mineAt(w2, e.id)).status).toBe('expired');
    expect(await kindsOf(w2)).toContain('event.offer_expired');
    expect((await mineAt(w3, e.id)).status).toBe('offered');
    expect(await kindsOf(w3)).toContain('event.offer');
    const late = await w2.client.post(`/api/v1/events/my/registrations/${offer.id}/accept`);
    expect(late.body.code).toBe('EVENT_REGISTRATION_STATE');

    // w3 accepts in time and holds a ticket.
    const r3 = await mineAt(w3, e.id);
    const accepted = await w3.client.post(`/api/v1/events/my/registrations/${r3.id}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe('confirmed');
    expect((await mineAt(w3, e.id)).ticket).toMatch(/^E1\./);
    // Its expiry job, when it comes, finds nothing to do.
    clock.advance(2 * HOUR);
    await t.app.jobs.drain();
    expect((await mineAt(w3, e.id)).status).toBe('confirmed');

    // Staff move w5 ahead of w4, with a reason (refused without one).
    expect((await signUp(w5, e.id)).body.waitingPosition).toBe(2);
    const r5 = await mineAt(w5, e.id);
    const noReason = await admin.post(`/api/v1/events/${e.id}/registrations/${r5.id}/priority`, { version: r5.version, priority: 5 });
    expect(noReason.status).toBe(400);
    const moved = await admin.post(`/api/v1/events/${e.id}/registrations/${r5.id}/priority`, { version: r5.version, priority: 5, reason: '困难职工优先' });
    expect(moved.body).toMatchObject({ priority: 5, waitingPosition: 1 });
    expect((await mineAt(w4, e.id)).waitingPosition).toBe(2);
    const [audit] = await t.database.query<{ after: { reason: string } }>(`select after from audit_entry where action = 'event.registration_priority' and entity_id = $1`, [r5.id]);
    expect(audit!.after.reason).toBe('困难职工优先');

    // Staff cancel w3's place (the person is told): w5 is offered, then answers too late without
    // any job having run: the late answer itself moves the place on to w4.
    const w3reg = await mineAt(w3, e.id);
    const staffCancel = await admin.post(`/api/v1/events/${e.id}/registrations/${w3reg.id}/cancel`, { version: w3reg.version, reason: '单位临时任务' });
    expect(staffCancel.body.status).toBe('cancelled');
    expect(await kindsOf(w3)).toContain('event.registration_cancelled');
    const r5offer = await mineAt(w5, e.id);
    expect(r5offer.status).toBe('offered');
    clock.advance(HOUR + 1000);
    const tooLate = await w5.client.post(`/api/v1/events/my/registrations/${r5offer.id}/accept`);
    expect(tooLate.body).toMatchObject({ status: 409, code: 'EVENT_OFFER_EXPIRED' });
    expect((await mineAt(w5, e.id)).status).toBe('expired');
    expect((await mineAt(w4, e.id)).status).toBe('offered');
    const view = (await admin.get(`/api/v1/events/${e.id}`)).body;
    expect(view).toMatchObject({ taken: 1, waiting: 0 });

    // Cancelling the event tells everyone still registered.
    const cancelled = await admin.post(`/api/v1/events/${e.id}/cancel`, { version: view.version, reason: '场地维修' });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await kindsOf(w4)).toContain('event.cancelled');
    expect(await kindsOf(w1)).not.toContain('event.cancelled');
    expect((await mineAt(w4, e.id)).status).toBe('cancelled');
  });

  it('reminds those holding a place the day before, once, from the scheduled sweep', async () => {
    const now = clock().getTime();
    const e = await publishedEvent(t, admin, { title: '职工健步走', startsAt: iso(now, 20), endsAt: iso(now, 22), signupClosesAt: iso(now, 19) }, now);
    const [w] = await workers(t, 'JB-GYQ', 1);
    expect((await signUp(w!, e.id, false)).body.status).toBe('confirmed');
    await t.app.jobs.syncSchedules();
    clock.advance(11 * 60_000);
    await t.app.jobs.drain();
    expect((await kindsOf(w!)).filter((k) => k === 'event.reminder')).toHaveLength(1);
    clock.advance(11 * 60_000);
    await t.app.jobs.drain();
    expect((await kindsOf(w!)).filter((k) => k === 'event.reminder')).toHaveLength(1);
  });

  it('tells those registered when the time or place changes, and offers new places to the waiting list', async () => {
    const now = clock().getTime();
    const e = await publishedEvent(t, admin, { capacity: 1, title: '插花培训' }, now);
    const [a, b] = await workers(t, 'JB-GYQ', 2);
    await signUp(a!, e.id, false);
    expect((await signUp(b!, e.id)).body.status).toBe('waiting');
    const {
      id: _id,
      org,
      version,
      position: _p,
      taken: _t,
      waiting: _w,
      quotas: _q,
      attended: _a,
      seriesId: _s,
      status: _st,
      cancelledReason: _c,
      createdAt: _ca,
      updatedAt: _u,
      ...fields
    } = (await admin.get(`/api/v1/events/${e.id}`)).body;
    void org;
    const moved = await admin.put(`/api/v1/events/${e.id}`, { ...fields, version, capacity: 2, startsAt: iso(now, 80), endsAt: iso(now, 82), address: '江北区职工服务中心三楼', quotas: [] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await kindsOf(a!)).toContain('event.changed');
    expect((await mineAt(b!, e.id)).status).toBe('offered');
  });
  it('offers a place nobody was offered (a sign-up that joined the list while the place was being freed) from the sweep', async () => {
    const e = await publishedEvent(t, admin, { capacity: 1, title: '剪纸培训' }, clock().getTime());
    const [a, b] = await workers(t, 'JB-GYQ', 2);
    expect((await signUp(a!, e.id, false)).body.status).toBe('confirmed');
    expect((await signUp(b!, e.id)).body.status).toBe('waiting');
    // The race, by hand: a's place freed without an offer seeing b.
    await t.database.query(`update event_registration set status = 'cancelled' where event_id = $1 and status = 'confirmed'`, [e.id]);
    await t.database.query('update event set taken = 0 where id = $1', [e.id]);
    await t.app.jobs.syncSchedules();
    clock.advance(11 * 60_000);
    await t.app.jobs.drain();
    expect((await mineAt(b!, e.id)).status).toBe('offered');
  });

  it('holds an offer no later than the start, and offers nothing once the event has begun', async () => {
    const now = clock().getTime();
    const e = await publishedEvent(t, admin, { capacity: 1, offerHoldMinutes: 720, title: '茶艺体验', startsAt: iso(now, 2), endsAt: iso(now, 4), signupClosesAt: iso(now, 1) }, now);
    const [a, b, c] = await workers(t, 'JB-GYQ', 3);
    expect((await signUp(a!, e.id, false)).body.status).toBe('confirmed');
    expect((await signUp(b!, e.id)).body.status).toBe('waiting');
    expect((await signUp(c!, e.id)).body.status).toBe('waiting');
    // A 12-hour hold would end 10 hours after the start: it ends at the start.
    expect((await a!.client.post(`/api/v1/events/my/registrations/${(await mineAt(a!, e.id)).id}/cancel`)).body.status).toBe('cancelled');
    const offer = await mineAt(b!, e.id);
    expect(offer.status).toBe('offered');
    expect(new Date(offer.offerExpiresAt!).toISOString()).toBe(iso(now, 2));
    // The event begins with b silent: the offer lapses and the place goes to nobody (c is not offered, not texted).
    clock.advance(2 * HOUR + 60_000);
    await t.app.jobs.syncSchedules();
    await t.app.jobs.drain();
    expect((await mineAt(b!, e.id)).status).toBe('expired');
    expect((await mineAt(c!, e.id)).status).toBe('waiting');
    expect(await kindsOf(c!)).not.toContain('event.offer');
  });

  it('refuses a sign-up date outside 2000–2100 with a field error on each, not a 500 (year 0 is refused as no real date before it gets here)', async () => {
    const res = await admin.post('/api/v1/events', {
      orgId: await t.orgId('JB'),
      type: 'training',
      title: '年份测试',
      address: '江北区',
      startsAt: '2101-01-01T00:00:00Z',
      endsAt: '9999-12-31T23:00:00-05:00',
      signupOpensAt: iso(clock().getTime(), -1),
      signupClosesAt: iso(clock().getTime(), 1),
      capacity: 5,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort(), JSON.stringify(res.body)).toEqual(['endsAt', 'startsAt']);
    expect(res.body.errors[0].message).toBe('日期应在 2000 年至 2100 年之间');
  });
});
