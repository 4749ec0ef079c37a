import { expect } from 'vitest';
import type { FakeClock } from '../../platform/clock';
import { PNG } from '../../test/files';
import type { Client, TestApp } from '../../test/harness';
import { iso, publishedEvent, workers, type Worker } from './testing';

export const HOUR = 3600_000;

/** Uploads a 1×1 PNG as the worker (the stars photo store) and returns its id. */
export async function uploadPhoto(t: TestApp, c: Client): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/photos', headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': 'image/png' }, payload: PNG });
  expect(res.statusCode, res.body).toBe(201);
  return (JSON.parse(res.body) as { id: string }).id;
}

export type Party = Worker & { profileId: string };

/**
 * A matchmaking event starting an hour from the clock's now, three hours long, with `n` registered
 * workers; the first `checkedIn` of them are checked in by staff scanning their tickets, and every
 * one has opted in with a profile (the first with a photo). The clock ends half an hour into the event.
 */
export async function matchmakingWorld(t: TestApp, clock: FakeClock, admin: Client, n: number, checkedIn: number, title = '沙磁良缘·测试交友会') {
  const base = clock().getTime();
  const event = await publishedEvent(
    t,
    admin,
    { type: 'matchmaking', title, capacity: 20, startsAt: iso(base, 1), endsAt: iso(base, 4), signupClosesAt: iso(base, 0.5), eligibility: { membersOnly: true, orgIds: [], employmentForms: [], minAge: null, maxAge: null } },
    base,
  );
  const ws = await workers(t, 'JB', n);
  for (const w of ws) {
    const res = await w.client.post(`/api/v1/events/open/${event.id}/sign-up`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  clock.advance(1.5 * HOUR);
  const parties: Party[] = [];
  let i = 0;
  for (const w of ws) {
    const mine = ((await w.client.get('/api/v1/events/my/registrations')).body.items as { eventId: string; ticket: string }[]).find((r) => r.eventId === event.id)!;
    if (i < checkedIn) {
      const scan = await admin.post(`/api/v1/events/${event.id}/checkins`, { items: [{ clientId: `mm-${event.id.slice(0, 8)}-${i}`, code: mine.ticket }] });
      expect(scan.body.items[0].outcome, JSON.stringify(scan.body)).toBe('recorded');
    }
    const photoId = i === 0 ? await uploadPhoto(t, w.client) : null;
    const saved = await w.client.put(`/api/v1/events/matchmaking/${event.id}/profile`, { nickname: `嘉宾${i + 1}`, ageBand: '25-29', intro: `我是第${i + 1}位嘉宾`, photoId });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    parties.push({ ...w, profileId: saved.body.profile.id });
    i++;
  }
  return { event, parties, base };
}
