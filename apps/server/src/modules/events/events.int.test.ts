import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { verifyTicket } from './events.ticket';
import { iso, publishedEvent, workers } from './testing';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
});
afterAll(async () => t?.close());

const messagesOf = async (c: Client, kind: string) => ((await c.get('/api/v1/me/notifications')).body.items as { kind: string; title: string; link: string }[]).filter((m) => m.kind === kind);

describe('events: create, publish, edit', () => {
  it('creates a draft with quotas and eligibility, refuses bad fields on the right path, and publishes', async () => {
    const base = Date.now();
    const bad = await admin.post('/api/v1/events', {
      orgId: await t.orgId('JB'),
      type: 'sport',
      title: '三人篮球赛',
      address: '江北体育馆',
      startsAt: iso(base, 50),
      endsAt: iso(base, 49),
      signupOpensAt: iso(base, 0),
      signupClosesAt: iso(base, 24),
      capacity: 10,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('endsAt');
    const noPlace = await admin.post('/api/v1/events', {
      orgId: await t.orgId('JB'),
      type: 'sport',
      title: '三人篮球赛',
      startsAt: iso(base, 50),
      endsAt: iso(base, 52),
      signupOpensAt: iso(base, 0),
      signupClosesAt: iso(base, 24),
      capacity: 10,
    });
    expect(noPlace.body.errors[0].path).toBe('address');
    const position = (await t.database.query<{ id: string; name: string }>(`select id, name from position where code = 'JB-RS-HQHG'`))[0]!;
    const created = await admin.post('/api/v1/events', {
      orgId: await t.orgId('JB'),
      type: 'matchmaking',
      title: '江北区单身职工联谊会',
      positionId: position.id,
      startsAt: iso(base, 50),
      endsAt: iso(base, 53),
      signupOpensAt: iso(base, -1),
      signupClosesAt: iso(base, 24),
      capacity: 60,
      quotas: [
        { kind: 'group', group: 'male', capacity: 30 },
        { kind: 'group', group: 'female', capacity: 30 },
        { kind: 'union', orgId: await t.orgId('JB-GYQ'), capacity: 20 },
        { kind: 'union', orgId: await t.orgId('JB-WLD'), capacity: 20 },
      ],
      eligibility: { minAge: 22, maxAge: 40 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', position: { id: position.id, name: position.name }, capacity: 60, taken: 0, eligibility: { membersOnly: true, minAge: 22, maxAge: 40 } });
    expect(created.body.lng).not.toBeNull();
    expect(created.body.quotas).toHaveLength(4);
    // A street admin sees the district's event but cannot run it.
    const street = await t.login('gyq.admin');
    const seen = await street.get(`/api/v1/events/${created.body.id}`);
    expect(seen.status).toBe(200);
    // …with its own street's quota and not its sibling's (nothing of another subtree is named).
    expect(seen.body.quotas.map((q: { org: { name: string } | null; group: string | null }) => q.org?.name ?? q.group).sort()).toEqual(['female', 'male', '观音桥街道总工会']);
    expect((await street.post(`/api/v1/events/${created.body.id}/publish`, { version: created.body.version })).status).toBe(404);
    const published = await admin.post(`/api/v1/events/${created.body.id}/publish`, { version: created.body.version });
    expect(published.body.status).toBe('published');
    const [audit] = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_entry where entity_id = $1 and action in ('event.create', 'event.publish')`, [created.body.id]);
    expect(audit!.n).toBe(2);
  });

  it('creates a monthly series from one template', async () => {
    const base = Date.UTC(2027, 0, 10, 6);
    const res = await admin.post('/api/v1/events/series', {
      template: {
        orgId: await t.orgId('JB'),
        type: 'matchmaking',
        title: '“江北良缘”单身职工交友会',
        address: '江北区职工服务中心',
        startsAt: iso(base, 0),
        endsAt: iso(base, 3),
        signupOpensAt: iso(base, -240),
        signupClosesAt: iso(base, -24),
        capacity: 60,
      },
      count: 6,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items.map((e: { startsAt: string }) => e.startsAt.slice(0, 10))).toEqual(['2027-01-10', '2027-02-10', '2027-03-10', '2027-04-10', '2027-05-10', '2027-06-10']);
    expect(new Set(res.body.items.map((e: { seriesId: string }) => e.seriesId)).size).toBe(1);
  });
});

describe('an event that happened', () => {
  it('cannot be cancelled: its attendance stays on record', async () => {
    const now = Date.now();
    const e = await publishedEvent(t, admin, { title: '已结束的活动', startsAt: iso(now, -3), endsAt: iso(now, -1), signupOpensAt: iso(now, -30), signupClosesAt: iso(now, -4) });
    const res = await admin.post(`/api/v1/events/${e.id}/cancel`, { version: e.version, reason: '补录取消' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'EVENT_ENDED', title: '活动已经结束，不能取消' });
    expect((await admin.get(`/api/v1/events/${e.id}`)).body.status).toBe('published');
  });
});

describe('the cover image', () => {
  it('is the editor’s own upload, shown to staff who see the event and to workers it is open to', async () => {
    const photoId = await admin.uploadPhoto();
    const e = await publishedEvent(t, admin, { orgId: await t.orgId('JB-GYQ'), title: '有封面的活动', coverPhotoId: photoId });
    expect(e.coverPhotoId).toBe(photoId);
    const [w] = await workers(t, 'JB-GYQ', 1);
    expect((await w!.client.get(`/api/v1/events/open/${e.id}`)).body.coverPhotoId).toBe(photoId);
    const seen = await w!.client.get(`/api/v1/events/${e.id}/cover`);
    expect(seen.status).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect((await admin.get(`/api/v1/events/${e.id}/cover`)).status).toBe(200);
    // A member of another street does not see the street's event, nor its cover.
    const [elsewhere] = await workers(t, 'JB-WLD', 1);
    expect((await elsewhere!.client.get(`/api/v1/events/${e.id}/cover`)).status).toBe(404);
    // Someone else's photo cannot become a cover (a guessed id would publish it).
    const theirs = await w!.client.uploadPhoto();
    const refused = await admin.post('/api/v1/events', { ...(await eventBodyOf(e.id)), orgId: await t.orgId('JB-GYQ'), coverPhotoId: theirs });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ path: 'coverPhotoId', code: 'PHOTO_NOT_YOURS' });
    // Another editor keeps the cover as it is, and can remove it.
    const gyqStaff = await t.login('gyq.admin');
    const kept = await gyqStaff.put(`/api/v1/events/${e.id}`, { ...(await eventBodyOf(e.id)), version: e.version });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.coverPhotoId).toBe(photoId);
    const removed = await gyqStaff.put(`/api/v1/events/${e.id}`, { ...(await eventBodyOf(e.id)), version: kept.body.version, coverPhotoId: null });
    expect(removed.body.coverPhotoId).toBeNull();
    expect((await admin.get(`/api/v1/events/${e.id}/cover`)).status).toBe(404);
  });
});

/** An event's editable fields as the console sends them back (without its org, which does not change). */
async function eventBodyOf(id: string) {
  const e = (await admin.get(`/api/v1/events/${id}`)).body;
  return {
    type: e.type,
    title: e.title,
    description: e.description,
    visibility: e.visibility,
    address: e.address,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    signupOpensAt: e.signupOpensAt,
    signupClosesAt: e.signupClosesAt,
    capacity: e.capacity,
    coverPhotoId: e.coverPhotoId,
  };
}

describe('sign-up on the phone', () => {
  it('refuses the ineligible with the reason in Chinese and English', async () => {
    const e = await publishedEvent(t, admin, { visibility: 'public', eligibility: { employmentForms: ['delivery_rider'] } });
    const [w] = await workers(t, 'JB-CCB', 1, { employmentForm: 'standard' });
    const zh = await w!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {});
    expect(zh.status).toBe(403);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.body).toMatchObject({ code: 'EVENT_EMPLOYMENT_FORM', title: '此活动仅限特定用工形式的职工报名', detail: '本次活动面向：外卖骑手' });
    const en = await w!.client.withLang('en').post(`/api/v1/events/open/${e.id}/sign-up`, {});
    expect(en.body).toMatchObject({ title: 'This event is for certain forms of employment only', detail: 'This event is for: delivery riders' });

    const age = await publishedEvent(t, admin, { eligibility: { minAge: 100 } });
    expect((await w!.client.post(`/api/v1/events/open/${age.id}/sign-up`, {})).body.code).toBe('EVENT_AGE');
    const otherStreet = await publishedEvent(t, admin, { eligibility: { orgIds: [await t.orgId('JB-WLD')] } });
    const notIn = await w!.client.post(`/api/v1/events/open/${otherStreet.id}/sign-up`, {});
    expect(notIn.body).toMatchObject({ code: 'EVENT_NOT_IN_ORG' });
    expect(notIn.body.detail).toContain('中国建设银行重庆江北支行工会');
    // A signed-in non-member: members-only events refuse them.
    const stranger = await t.loginWorker('13700000131');
    expect((await stranger.post(`/api/v1/events/open/${e.id}/sign-up`, {})).body.code).toBe('EVENT_MEMBERS_ONLY');
    // Sign-up windows.
    const later = await publishedEvent(t, admin, { signupOpensAt: iso(Date.now(), 5) });
    expect((await w!.client.post(`/api/v1/events/open/${later.id}/sign-up`, {})).body.code).toBe('EVENT_SIGNUP_NOT_STARTED');
    // A street's subtree-only event is invisible to a member elsewhere.
    const wld = await publishedEvent(t, admin, { orgId: await t.orgId('JB-WLD') });
    expect((await w!.client.post(`/api/v1/events/open/${wld.id}/sign-up`, {})).status).toBe(404);
    expect((await w!.client.get('/api/v1/events/open?pageSize=200')).body.items.some((x: { id: string }) => x.id === wld.id)).toBe(false);
  });

  it('signs up, confirms with a message, shows the QR ticket, refuses a second sign-up and an overlap, cancels', async () => {
    const e = await publishedEvent(t, admin, { isOverlapForbidden: true, title: '烘焙培训' });
    const [w] = await workers(t, 'JB-GYQ', 1);
    const res = await w!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', source: 'self', waitingPosition: null });
    expect((await w!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {})).body.code).toBe('EVENT_ALREADY_REGISTERED');
    const clash = await publishedEvent(t, admin, { title: '同时段活动', isOverlapForbidden: true, startsAt: e.startsAt, endsAt: e.endsAt });
    const refused = await w!.client.post(`/api/v1/events/open/${clash.id}/sign-up`, {});
    expect(refused.body).toMatchObject({ code: 'EVENT_OVERLAP' });
    expect(refused.body.detail).toContain('烘焙培训');
    const mine = (await w!.client.get('/api/v1/events/my/registrations')).body.items;
    const reg = mine.find((r: { eventId: string }) => r.eventId === e.id);
    expect(reg).toMatchObject({ status: 'confirmed', event: { title: '烘焙培训', placeText: '江北区观音桥步行街' } });
    expect(verifyTicket(createHash('sha256').update(t.config.secret!).digest(), reg.ticket)).toBe(reg.id);
    expect((await messagesOf(w!.client, 'event.confirmed')).length).toBe(1);
    const detail = await w!.client.get(`/api/v1/events/open/${e.id}`);
    expect(detail.body).toMatchObject({ placesLeft: 9, mine: { id: reg.id, status: 'confirmed' } });
    // Someone else cannot cancel it.
    const [other] = await workers(t, 'JB-GYQ', 1);
    expect((await other!.client.post(`/api/v1/events/my/registrations/${reg.id}/cancel`)).status).toBe(404);
    const cancelled = await w!.client.post(`/api/v1/events/my/registrations/${reg.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await admin.get(`/api/v1/events/${e.id}`)).body.taken).toBe(0);
  });
});

describe('quotas', () => {
  it('counts a registration against its union quota and its group quota, and refuses when either is full', async () => {
    const e = await publishedEvent(t, admin, {
      type: 'matchmaking',
      capacity: 10,
      quotas: [
        { kind: 'union', orgId: await t.orgId('JB-GYQ'), capacity: 2 },
        { kind: 'union', orgId: await t.orgId('JB-KDWL'), capacity: 8 },
        { kind: 'group', group: 'male', capacity: 1 },
        { kind: 'group', group: 'female', capacity: 9 },
      ],
    });
    const men = await workers(t, 'JB-KDWL', 2, { sex: 'male' });
    const gyq = await workers(t, 'JB-GYQ', 3, { sex: 'female' });
    expect((await men[0]!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {})).status).toBe(201);
    const man2 = await men[1]!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {});
    expect(man2.body).toMatchObject({ code: 'EVENT_QUOTA_FULL', detail: '“男”的名额已满，可以加入候补名单' });
    expect((await gyq[0]!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {})).status).toBe(201);
    expect((await gyq[1]!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {})).status).toBe(201);
    const third = await gyq[2]!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {});
    expect(third.body.code).toBe('EVENT_QUOTA_FULL');
    expect(third.body.detail).toContain('观音桥街道总工会');
    // Nothing half-taken: the event counts 3, the quotas 1 + 2 and 1 + 2.
    const view = (await admin.get(`/api/v1/events/${e.id}`)).body;
    expect(view.taken).toBe(3);
    const taken = Object.fromEntries(view.quotas.map((q: { org: { name: string } | null; group: string | null; taken: number }) => [q.org?.name ?? q.group, q.taken]));
    expect(taken).toMatchObject({ 观音桥街道总工会: 2, male: 1, female: 2 });
    // A member outside every union quota has no place kept for them.
    const [wld] = await workers(t, 'JB-WLD', 1);
    expect((await wld!.client.post(`/api/v1/events/open/${e.id}/sign-up`, {})).body.code).toBe('EVENT_NO_QUOTA');
  });

  it('staff register a roster of their union; each member answered on its own; they see their subtree only', async () => {
    const e = await publishedEvent(t, admin, { capacity: 3 });
    const gyqStaff = await t.login('gyq.admin');
    const own = await workers(t, 'JB-GYQ', 4);
    const [wld] = await workers(t, 'JB-WLD', 1);
    const res = await gyqStaff.post(`/api/v1/events/${e.id}/registrations`, { membershipIds: [...own.map((w) => w.membershipId), wld!.membershipId] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const codes = res.body.items.map((i: { registration: { status: string } | null; error: { code: string } | null }) => i.registration?.status ?? i.error!.code);
    expect(codes).toEqual(['confirmed', 'confirmed', 'confirmed', 'EVENT_FULL', 'EVENT_MEMBER_OUT_OF_SCOPE']);
    expect(res.body.items[3].error.message).toContain('名额已满');
    // The district registers one of 五里店's members onto the waiting list.
    const more = await admin.post(`/api/v1/events/${e.id}/registrations`, { membershipIds: [wld!.membershipId], waitlist: true });
    expect(more.body.items[0].registration).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    const seenByStreet = (await gyqStaff.get(`/api/v1/events/${e.id}/registrations`)).body;
    expect(seenByStreet.total).toBe(3);
    const seenByDistrict = (await admin.get(`/api/v1/events/${e.id}/registrations`)).body;
    expect(seenByDistrict.total).toBe(4);
    expect((await admin.get(`/api/v1/events/${e.id}/registrations?orgId=${await t.orgId('JB-WLD')}`)).body.total).toBe(1);
    // The worker sees a registration made for them by staff.
    expect((await own[0]!.client.get('/api/v1/events/my/registrations')).body.items.some((r: { eventId: string; source: string }) => r.eventId === e.id && r.source === 'staff')).toBe(true);
  });
});
