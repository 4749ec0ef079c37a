import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { loadOperations, type Operation } from '../../test/security/openapi-operations';
import { HOUR, matchmakingWorld, type Party } from './matchmaking.testing';

/**
 * The matchmaking no-leak test (issue 13 point 9): every documented route whose path contains
 * `matchmaking` (taken from the app's OpenAPI document, which every registered /api/v1 route is in:
 * a route added later is walked without anyone listing it; one with no recipe here fails the test)
 * is called as a third participant (D: checked in, opted in, picks nobody, picked by nobody), as the
 * organising district's staff and as the platform admin, in three moments: before any pick, after
 * the picks (window open) and after the matches are out. It proves:
 *  1. non-interference: what D and staff get back is byte-for-byte the same before and after the
 *     picks (staff: except the total of picks), so no answer depends on who picked whom;
 *  2. after the reveal, nothing D or staff get names the match, and staff answers name no
 *     participant at all (no profile, account, registration or person id, no nickname): counts only;
 *  3. no answer to D carries a per-person pick figure (profiles have exactly their five fields).
 * D does see the other participants' profiles (that is the point of the event), so the ids of A, B
 * and C appear in D's answers; what must not appear is any relation between them, which (1) proves.
 */
const clock = createFakeClock(new Date());
let t: TestApp;
let admin: Client;
let platform: Client;
beforeAll(async () => {
  t = await createTestApp({}, { clock, jobRunner: false });
  admin = await t.login('jb.admin');
  platform = await t.login('admin');
});
afterAll(async () => t?.close());

type Observer = { name: string; client: Client; isStaff: boolean };
type Ctx = { eventId: string; profiles: string[]; matchId: string; d: Party };

/** How to call each matchmaking route: the variants of path parameters and a body. Missing = the test fails. */
const recipes: Record<string, (c: Ctx, o: Observer) => { params: Record<string, string>; body?: unknown }[]> = {
  'GET /api/v1/events/{id}/matchmaking': (c) => [{ params: { id: c.eventId } }],
  'PUT /api/v1/events/{id}/matchmaking/settings': (c) => [{ params: { id: c.eventId }, body: { version: 999, maxPicks: 3, picksOpenAt: new Date(0).toISOString(), picksCloseAt: new Date(1).toISOString() } }],
  'GET /api/v1/events/matchmaking/{id}/me': (c) => [{ params: { id: c.eventId } }],
  'PUT /api/v1/events/matchmaking/{id}/profile': (c) => [{ params: { id: c.eventId }, body: { nickname: '嘉宾4', ageBand: '25-29', intro: '我是第4位嘉宾', photoId: null } }],
  // Withdrawing is walked for staff here and for D at the end (it erases D).
  'DELETE /api/v1/events/matchmaking/{id}/profile': (c, o) => (o.isStaff ? [{ params: { id: c.eventId } }] : []),
  'GET /api/v1/events/matchmaking/{id}/profiles': (c) => [{ params: { id: c.eventId } }],
  'GET /api/v1/events/matchmaking/{id}/profiles/{profileId}/photo': (c) => c.profiles.map((profileId) => ({ params: { id: c.eventId, profileId } })),
  'PUT /api/v1/events/matchmaking/{id}/picks': (c) => [{ params: { id: c.eventId }, body: { profileIds: [] } }],
  'GET /api/v1/events/matchmaking/{id}/matches': (c) => [{ params: { id: c.eventId } }],
  'POST /api/v1/events/matchmaking/{id}/matches/{matchId}/confirm': (c) => [{ params: { id: c.eventId, matchId: c.matchId } }],
  'POST /api/v1/events/matchmaking/{id}/matches/{matchId}/decline': (c) => [{ params: { id: c.eventId, matchId: c.matchId } }],
  'GET /api/v1/events/matchmaking/{id}/matches/{matchId}/contact': (c) => [{ params: { id: c.eventId, matchId: c.matchId } }],
};

/** Answers compared across moments: the request id differs on every call. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'requestId').map(([k, x]) => [k, normalize(x)]));
  return v;
}

async function walk(ops: Operation[], c: Ctx, observers: Observer[]): Promise<Map<string, { status: number; body: unknown; text: string }>> {
  const out = new Map<string, { status: number; body: unknown; text: string }>();
  for (const op of ops) {
    for (const o of observers) {
      for (const [i, r] of recipes[op.key]!(c, o).entries()) {
        const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => r.params[name]!);
        const res = await o.client.request(op.method, url, r.body ?? (op.method === 'POST' ? {} : undefined));
        const body = normalize(res.body);
        out.set(`${o.name} ${op.key} #${i}`, { status: res.status, body, text: typeof body === 'string' ? body : JSON.stringify(body) });
      }
    }
  }
  return out;
}

describe('events: matchmaking leaks nothing', () => {
  let ops: Operation[];
  let p: Party[];
  let eventId: string;
  let observers: Observer[];

  beforeAll(async () => {
    ops = (await loadOperations(admin)).filter((op) => op.path.includes('matchmaking'));
    // A, B, C pick; D is the third participant.
    const w = await matchmakingWorld(t, clock, admin, 4, 4, '沙磁良缘·隐私测试');
    p = w.parties;
    eventId = w.event.id;
    observers = [
      { name: 'third', client: p[3]!.client, isStaff: false },
      { name: 'staff', client: admin, isStaff: true },
      { name: 'platform', client: platform, isStaff: true },
    ];
  });

  it('has a recipe for every matchmaking route the app serves', () => {
    expect(ops.length).toBeGreaterThanOrEqual(12);
    expect(ops.filter((op) => !recipes[op.key]).map((op) => op.key)).toEqual([]);
  });

  it('answers the third participant and staff the same whoever picked whom, and names no match or person to staff', async () => {
    const [a, b, c, d] = p as [Party, Party, Party, Party];
    const ctx: Ctx = { eventId, profiles: [a.profileId, b.profileId, c.profileId], matchId: randomUUID(), d };
    const before = await walk(ops, ctx, observers);

    // A↔B mutual; A→C and C→B one-sided.
    expect((await a.client.put(`/api/v1/events/matchmaking/${eventId}/picks`, { profileIds: [b.profileId, c.profileId] })).status).toBe(200);
    expect((await b.client.put(`/api/v1/events/matchmaking/${eventId}/picks`, { profileIds: [a.profileId] })).status).toBe(200);
    expect((await c.client.put(`/api/v1/events/matchmaking/${eventId}/picks`, { profileIds: [b.profileId] })).status).toBe(200);
    const after = await walk(ops, ctx, observers);

    // Every answer, staff's included, is the same as before anyone picked.
    for (const [key, was] of before) {
      const now = after.get(key)!;
      expect(now.status, key).toBe(was.status);
      expect(now.body, key).toEqual(was.body);
    }
    // Not even the total of picks while they are open: in a small event it says who picked whom.
    expect((after.get('staff GET /api/v1/events/{id}/matchmaking #0')!.body as { picks: number | null }).picks).toBeNull();

    // After the deadline: the match exists (A and B see it) and nobody else is told of it.
    clock.advance(60 * HOUR);
    const am = await a.client.get(`/api/v1/events/matchmaking/${eventId}/matches`);
    expect(am.body.items).toHaveLength(1);
    const matchId = am.body.items[0].id as string;
    expect((await c.client.get(`/api/v1/events/matchmaking/${eventId}/matches`)).body.items).toEqual([]);
    const revealed = await walk(ops, { ...ctx, matchId }, observers);
    const revealedStranger = await walk(ops, ctx, observers);

    const participantIds = p.flatMap((x) => [x.userId, x.personId, x.membershipId]);
    const profileIds = p.map((x) => x.profileId);
    const registrationIds = (await t.database.query<{ registration_id: string }>('select registration_id from matchmaking_profile where event_id = $1', [eventId])).map((r) => r.registration_id);
    const nicknames = ['嘉宾1', '嘉宾2', '嘉宾3', '嘉宾4'];
    for (const [key, r] of [...before, ...after, ...revealed]) {
      expect(r.text, key).not.toContain(matchId);
      // No pick of anybody's but the caller's own (D picks nobody).
      expect(r.text, key).not.toMatch(/"myPicks":\[[^\]]/);
      if (key.startsWith('staff') || key.startsWith('platform')) {
        for (const id of [...participantIds, ...profileIds, ...registrationIds, ...nicknames]) expect(r.text, `${key} names ${id}`).not.toContain(id);
      } else {
        // Nobody else's account, person or registration; profiles exactly as listed, no figures.
        for (const id of [...p.slice(0, 3).flatMap((x) => [x.userId, x.personId, x.membershipId]), ...registrationIds.filter((id) => id !== undefined)]) {
          expect(r.text, `${key} names ${id}`).not.toContain(id);
        }
        const items = (r.body as { items?: Record<string, unknown>[] } | null)?.items;
        if (key.includes('/profiles #') && items) for (const item of items) expect(Object.keys(item).sort(), key).toEqual(['ageBand', 'hasPhoto', 'id', 'intro', 'nickname']);
      }
    }
    // A real match id and a made-up one are answered alike to everybody but its members.
    for (const [key, r] of revealed) {
      if (!key.includes('{matchId}')) continue;
      const other = revealedStranger.get(key)!;
      expect(r.status, key).toBe(other.status);
      expect(r.body, key).toEqual(other.body);
    }
    const staff = revealed.get('staff GET /api/v1/events/{id}/matchmaking #0')!.body as Record<string, unknown>;
    expect(Object.keys(staff).sort()).toEqual(['confirmedMatches', 'eventId', 'matches', 'maxPicks', 'participants', 'phase', 'picks', 'picksCloseAt', 'picksOpenAt', 'profiles', 'version']);
    expect(staff).toMatchObject({ matches: 1, picks: 4, participants: 4 });

    // D withdraws last: the answer is D's own, empty state.
    const gone = await d.client.delete(`/api/v1/events/matchmaking/${eventId}/profile`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ profile: null, myPicks: [] });
    for (const id of [...profileIds, matchId]) expect(JSON.stringify(gone.body)).not.toContain(id);

    // Nor does anything else staff read: the audit log names no participant of matchmaking steps.
    const audit = await t.database.query<{ actor_id: string | null }>("select actor_id from audit_entry where action like 'event.matchmaking_%' or entity_type = 'matchmaking_match'");
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((r) => r.actor_id === null)).toBe(true);
  });
});
