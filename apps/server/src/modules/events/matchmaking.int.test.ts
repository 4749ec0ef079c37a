import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { PNG } from '../../test/files';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { HOUR, matchmakingWorld, type Party } from './matchmaking.testing';

/**
 * 婚恋交友 (issue 13 point 9) on a controllable clock: opt-in, profiles shown only to checked-in
 * participants, picks up to N within the window, matches only after it closes and only mutual,
 * contact only after both confirm (audited without naming anyone), withdrawal erasing everything.
 */
const clock = createFakeClock(new Date());
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({}, { clock, jobRunner: false });
  admin = await t.login('jb.admin');
});
afterAll(async () => t?.close());

describe('events: matchmaking', () => {
  let event: { id: string };
  let p: Party[];
  const url = (rest: string) => `/api/v1/events/matchmaking/${event.id}/${rest}`;

  beforeAll(async () => {
    // A, B, C, D checked in; E registered and opted in but never came.
    const w = await matchmakingWorld(t, clock, admin, 5, 4);
    event = w.event;
    p = w.parties;
  });

  it('shows profiles only to checked-in participants with a profile, and only the checked-in ones', async () => {
    const [a, , , , e] = p;
    const seen = await a!.client.get(url('profiles'));
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body.items.map((x: { id: string }) => x.id).sort()).toEqual([p[1]!.profileId, p[2]!.profileId, p[3]!.profileId].sort());
    expect(seen.body.items.find((x: { id: string }) => x.id === p[1]!.profileId)).toEqual({ id: p[1]!.profileId, nickname: '嘉宾2', ageBand: '25-29', intro: '我是第2位嘉宾', hasPhoto: false });
    // Not checked in: no profiles, said plainly.
    const refused = await e!.client.get(url('profiles'));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('MATCHMAKING_NOT_CHECKED_IN');
    // Someone with no registration at the event.
    const stranger = await admin.get(url('profiles'));
    expect(stranger.status).toBe(409);
  });

  it('serves a profile photo to checked-in participants only', async () => {
    const [a, b, , , e] = p;
    const own = await a!.client.get(url(`profiles/${a!.profileId}/photo`));
    expect(own.status).toBe(200);
    const other = await t.app.inject({ method: 'GET', url: url(`profiles/${a!.profileId}/photo`), headers: { cookie: b!.client.cookie! } });
    expect(other.statusCode).toBe(200);
    expect(Buffer.compare(other.rawPayload, PNG)).toBe(0);
    expect((await e!.client.get(url(`profiles/${a!.profileId}/photo`))).status).toBe(404);
    expect((await admin.get(url(`profiles/${a!.profileId}/photo`))).status).toBe(404);
    // The stars photo route does not give it to staff either (no owner names it).
    const photoId = (await t.database.query<{ photo_id: string }>('select photo_id from matchmaking_profile where id = $1', [a!.profileId]))[0]!.photo_id;
    expect((await admin.get(`/api/v1/photos/${photoId}`)).status).toBe(404);
  });

  it('takes up to N picks of shown profiles inside the window, and keeps them the picker’s own', async () => {
    const [a, b, c, d, e] = p;
    expect((await a!.client.put(url('picks'), { profileIds: [b!.profileId, c!.profileId, d!.profileId, e!.profileId] })).status).toBe(400);
    const notShown = await a!.client.put(url('picks'), { profileIds: [e!.profileId] });
    expect(notShown.status).toBe(400);
    expect(notShown.body.errors[0].path).toBe('profileIds');
    expect((await a!.client.put(url('picks'), { profileIds: [a!.profileId] })).status).toBe(400);
    const ok = await a!.client.put(url('picks'), { profileIds: [b!.profileId, c!.profileId] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.myPicks.sort()).toEqual([b!.profileId, c!.profileId].sort());
    expect((await b!.client.put(url('picks'), { profileIds: [a!.profileId] })).status).toBe(200);
    expect((await c!.client.put(url('picks'), { profileIds: [d!.profileId] })).status).toBe(200);
    // Someone who never checked in cannot pick.
    expect((await e!.client.put(url('picks'), { profileIds: [a!.profileId] })).status).toBe(409);
    // Nothing is revealed while the window is open, not even a mutual pick.
    for (const x of p) expect((await x.client.get(url('matches'))).body.items).toEqual([]);
    const counts = await admin.get(`/api/v1/events/${event.id}/matchmaking`);
    expect(counts.body).toMatchObject({ phase: 'picking', profiles: 5, participants: 4, picks: null, matches: null, confirmedMatches: null, maxPicks: 3 });
  });

  it('reveals only mutual picks after the deadline, to their two members', async () => {
    const [a, b, c, d] = p;
    clock.advance(60 * HOUR);
    const am = await a!.client.get(url('matches'));
    expect(am.body.items).toHaveLength(1);
    expect(am.body.items[0]).toMatchObject({ status: 'pending', partner: { id: b!.profileId, nickname: '嘉宾2' } });
    const bm = await b!.client.get(url('matches'));
    expect(bm.body.items[0].id).toBe(am.body.items[0].id);
    expect(bm.body.items[0].partner.id).toBe(a!.profileId);
    expect((await c!.client.get(url('matches'))).body.items).toEqual([]);
    expect((await d!.client.get(url('matches'))).body.items).toEqual([]);
    expect((await a!.client.put(url('picks'), { profileIds: [d!.profileId] })).body.code).toBe('MATCHMAKING_CLOSED');
    const counts = await admin.get(`/api/v1/events/${event.id}/matchmaking`);
    expect(counts.body).toMatchObject({ phase: 'revealed', picks: 4, matches: 1, confirmedMatches: 0 });
  });

  it('gives the contact only once both confirm, and records the read without naming anyone', async () => {
    const [a, b, c] = p;
    const matchId = (await a!.client.get(url('matches'))).body.items[0].id as string;
    // A third participant cannot touch the match.
    expect((await c!.client.post(url(`matches/${matchId}/confirm`))).status).toBe(404);
    expect((await c!.client.get(url(`matches/${matchId}/contact`))).status).toBe(404);
    const first = await a!.client.post(url(`matches/${matchId}/confirm`));
    expect(first.body.status).toBe('waiting');
    expect((await a!.client.get(url(`matches/${matchId}/contact`))).body.code).toBe('MATCHMAKING_CONTACT_NOT_YET');
    // B has not answered: B still sees it pending (not whether A said yes).
    expect((await b!.client.get(url('matches'))).body.items[0].status).toBe('pending');
    expect((await b!.client.post(url(`matches/${matchId}/confirm`))).body.status).toBe('confirmed');
    const contact = await a!.client.get(url(`matches/${matchId}/contact`));
    expect(contact.status, JSON.stringify(contact.body)).toBe(200);
    const [phone] = await t.database.query<{ phone: string }>('select phone from person where id = $1', [b!.personId]);
    expect(contact.body).toEqual({ nickname: '嘉宾2', phone: phone!.phone });
    const audit = await t.database.query<{ actor_id: string | null; entity_type: string; after: unknown }>(
      "select actor_id, entity_type, after from audit_entry where action = 'personal_data.read' and entity_id = $1",
      [matchId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBeNull();
    expect(JSON.stringify(audit[0])).not.toContain(a!.userId);
    expect(JSON.stringify(audit[0])).not.toContain(b!.userId);
    expect((await admin.get(`/api/v1/events/${event.id}/matchmaking`)).body.confirmedMatches).toBe(1);
  });

  it('erases a withdrawn participant’s profile, photo link and picks; a confirmed match loses that side', async () => {
    const [a, b, c] = p;
    const before = await t.database.query<{ n: number }>('select count(*)::int as n from matchmaking_pick where picker_id = $1 or picked_id = $1', [c!.profileId]);
    expect(before[0]!.n).toBe(2); // A→C and C→D
    const out = await c!.client.delete(url('profile'));
    expect(out.status).toBe(200);
    expect(out.body.profile).toBeNull();
    expect(out.body.myPicks).toEqual([]);
    expect((await t.database.query('select 1 from matchmaking_profile where id = $1', [c!.profileId])).length).toBe(0);
    expect((await t.database.query<{ n: number }>('select count(*)::int as n from matchmaking_pick where picker_id = $1 or picked_id = $1', [c!.profileId]))[0]!.n).toBe(0);
    // A withdraws after both confirmed: B keeps the match (it counts) without A's profile.
    const matchId = (await b!.client.get(url('matches'))).body.items[0].id as string;
    expect((await a!.client.delete(url('profile'))).status).toBe(200);
    const bm = (await b!.client.get(url('matches'))).body.items;
    expect(bm).toEqual([{ id: matchId, status: 'confirmed', partner: null }]);
    expect((await b!.client.get(url(`matches/${matchId}/contact`))).status).toBe(409);
    expect((await t.database.query('select 1 from matchmaking_profile where user_id = $1', [a!.userId])).length).toBe(0);
    const counts = (await admin.get(`/api/v1/events/${event.id}/matchmaking`)).body;
    expect(counts).toMatchObject({ profiles: 3, matches: 1, confirmedMatches: 1 });
  });

  it('lets staff set N and the window until the matches are out', async () => {
    const base = clock().getTime();
    const w = await matchmakingWorld(t, clock, admin, 2, 2, '沙磁良缘·设置测试');
    const counts = (await admin.get(`/api/v1/events/${w.event.id}/matchmaking`)).body;
    const startsAt = new Date(base + HOUR);
    const bad = await admin.put(`/api/v1/events/${w.event.id}/matchmaking/settings`, { version: counts.version, maxPicks: 1, picksOpenAt: new Date(startsAt.getTime() - HOUR).toISOString(), picksCloseAt: counts.picksCloseAt });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('picksOpenAt');
    const ok = await admin.put(`/api/v1/events/${w.event.id}/matchmaking/settings`, { version: counts.version, maxPicks: 1, picksOpenAt: startsAt.toISOString(), picksCloseAt: counts.picksCloseAt });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.maxPicks).toBe(1);
    const [x, y] = w.parties;
    expect((await x!.client.put(`/api/v1/events/matchmaking/${w.event.id}/picks`, { profileIds: [y!.profileId, y!.profileId] })).status).toBe(200);
    // A street admin outside the organiser's scope cannot change it.
    const wld = await t.login('wld.admin');
    expect((await wld.put(`/api/v1/events/${w.event.id}/matchmaking/settings`, { version: ok.body.version, maxPicks: 2, picksOpenAt: startsAt.toISOString(), picksCloseAt: counts.picksCloseAt })).status).toBe(404);
  });

  it('seeds a past 江北良缘 event whose staff view is counts only', async () => {
    const [demo] = await t.database.query<{ id: string }>("select id from event where title like '“桃花朵朵开”%'");
    const res = await admin.get(`/api/v1/events/${demo!.id}/matchmaking`);
    expect(res.body).toMatchObject({ phase: 'revealed', profiles: 10, participants: 10, matches: 2, confirmedMatches: 1 });
  });
});

describe('a participant who leaves the event', () => {
  it('is erased with the place: profile and picks go, and nothing of them is matched at the close', async () => {
    const w = await matchmakingWorld(t, clock, admin, 3, 3, '沙磁良缘·退出测试');
    const [a, b, c] = w.parties;
    const url = (rest: string) => `/api/v1/events/matchmaking/${w.event.id}/${rest}`;
    expect((await a!.client.put(url('picks'), { profileIds: [b!.profileId] })).status).toBe(200);
    expect((await b!.client.put(url('picks'), { profileIds: [a!.profileId] })).status).toBe(200);
    expect((await c!.client.put(url('picks'), { profileIds: [a!.profileId] })).status).toBe(200);
    const reg = ((await a!.client.get('/api/v1/events/my/registrations')).body.items as { id: string; eventId: string }[]).find((r) => r.eventId === w.event.id)!;
    expect((await a!.client.post(`/api/v1/events/my/registrations/${reg.id}/cancel`)).status).toBe(200);
    expect((await t.database.query('select 1 from matchmaking_profile where id = $1', [a!.profileId])).length).toBe(0);
    expect((await t.database.query<{ n: number }>('select count(*)::int as n from matchmaking_pick where picker_id = $1 or picked_id = $1', [a!.profileId]))[0]!.n).toBe(0);
    // B and C no longer see A; at the close nobody is matched with A.
    expect(((await b!.client.get(url('profiles'))).body.items as { id: string }[]).map((x) => x.id)).toEqual([c!.profileId]);
    clock.advance(60 * HOUR);
    expect((await b!.client.get(url('matches'))).body.items).toEqual([]);
    expect((await c!.client.get(url('matches'))).body.items).toEqual([]);
    expect((await admin.get(`/api/v1/events/${w.event.id}/matchmaking`)).body).toMatchObject({ profiles: 2, matches: 0 });
  });
});
