import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { extractPdfText } from '../../platform/pdf/testing';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

/**
 * 志愿服务 on the demo's Jiangbei: teams of a union with a leader; a worker applies on the phone and
 * 观音桥's staff approve; members sign up for an activity up to its headcount (held under
 * concurrent sign-ups), cancel before the start; after the end the organiser confirms hours (at
 * most the activity's length, absent = 0); the certificate is a PDF with the hours; 五里店's staff
 * (a sibling street) see none of it; the figures count it.
 */
let t: TestApp;
let jb: Client;
let gyq: Client;
let wld: Client;
let admin: Client;
let unionId: string;
const HOUR = 3_600_000;
const shToday = () => new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);

let seq = 0;
/** A worker who joins 观音桥's joint union on the phone and is approved (on the given app, by default the file's). */
async function worker(on: { app: TestApp; jb: Client } = { app: t, jb }): Promise<{ c: Client; name: string; personId: string; membershipId: string }> {
  const n = ++seq;
  const name = `志愿职工${n}`;
  const first17 = `50010519850101${String(n % 100).padStart(2, '0')}${n % 2 ? 1 : 2}`;
  const c = await on.app.loginWorker(`1356600${String(n).padStart(4, '0')}`);
  const applied = await c.post('/api/v1/members/applications', { realName: name, idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'courier', orgId: unionId });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const approved = await on.jb.post(`/api/v1/members/${applied.body.membership.id}/approve`, { version: applied.body.membership.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  const [p] = await on.app.database.query<{ person_id: string }>('select person_id from membership where id = $1', [applied.body.membership.id]);
  return { c, name, personId: p!.person_id, membershipId: applied.body.membership.id as string };
}

/** The kinds of the messages a worker's account has received. */
async function kindsOf(on: TestApp, personId: string): Promise<string[]> {
  const rows = await on.database.query<{ kind: string }>('select n.kind from notification n join person p on p.user_id = n.recipient_id where p.id = $1 order by n.created_at', [personId]);
  return rows.map((r) => r.kind);
}

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function leaderMembership(): Promise<string> {
  const [m] = await t.database.query<{ id: string }>(`select m.id from membership m join person p on p.id = m.person_id where m.org_id = $1 and m.status = 'active' and p.user_id is null order by m.id limit 1`, [unionId]);
  return m!.id;
}

/** The activity took place: its window moved into the past (the clock cannot run three hours in a test). */
async function makePast(activityId: string, hours = 3): Promise<void> {
  await t.database.query(`update volunteer_activity set starts_at = now() - make_interval(hours => $2::int + 1), ends_at = now() - interval '1 hour' where id = $1`, [activityId, hours]);
}

const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  [admin, jb, gyq, wld] = await Promise.all([t.login('admin'), t.login('jb.staff'), t.login('gyq.admin'), t.login('wld.admin')]);
  unionId = await t.orgId('JB-GYQ-LH');
}, 180_000);
afterAll(() => t.close());

describe('the demo', () => {
  it('has the district’s and the streets’ teams, 40 confirmed activities, two waiting for hours (a 待办) and six ahead; the figures count them', async () => {
    const teams = await ok<{ total: number; items: { name: string; members: number; pending: number }[] }>(jb.get('/api/v1/honours/volunteer/teams?pageSize=50'), 'teams');
    expect(teams.items.map((x) => x.name)).toEqual(expect.arrayContaining(['江北区职工志愿服务总队', '观音桥街道职工志愿服务队', '五里店街道职工志愿服务队']));
    expect(teams.items.every((x) => x.members >= 2 && x.pending === 2)).toBe(true);
    const confirmed = await ok<{ total: number }>(jb.get('/api/v1/honours/volunteer/activities?state=confirmed&pageSize=1'), 'confirmed');
    expect(confirmed.total).toBeGreaterThanOrEqual(40);
    expect((await ok<{ total: number }>(jb.get('/api/v1/honours/volunteer/activities?state=ended&pageSize=1'), 'ended')).total).toBe(2);
    expect((await ok<{ total: number }>(jb.get('/api/v1/honours/volunteer/activities?state=upcoming&pageSize=1'), 'upcoming')).total).toBe(6);
    const todos = await ok<{ groups: { kind: string; items: { link: string }[] }[] }>(jb.get('/api/v1/me/todos?limit=50'), 'todos');
    expect(todos.groups.find((g) => g.kind === 'volunteer_hours')?.items.length).toBe(2);
    // 观音桥's staff see their street's team, not 五里店's or the district's.
    const mine = await ok<{ items: { name: string }[] }>(gyq.get('/api/v1/honours/volunteer/teams?pageSize=50'), 'gyq teams');
    expect(mine.items.map((x) => x.name)).toEqual(['观音桥街道职工志愿服务队']);
    const year = shToday().slice(0, 4);
    const figures = await ok<{ items: { key: string; value: number | null }[] }>(
      admin.get(`/api/v1/indicators/values?org=${await t.orgId('JB')}&date=${shToday()}&period=year&keys=volunteer.activities,volunteer.volunteers,volunteer.hours`),
      'indicators',
    );
    const v = Object.fromEntries(figures.items.map((i) => [i.key, i.value]));
    expect(v['volunteer.activities']).toBeGreaterThan(0);
    expect(v['volunteer.volunteers']).toBeGreaterThan(0);
    expect(v['volunteer.hours']).toBeGreaterThan(v['volunteer.volunteers']!);
    expect(year).toMatch(/^\d{4}$/);
    // The story holds together: each counter is its live sign-ups, hours within the activity's length,
    // confirmed activities have every participant's hours, the others none, and only team members took part.
    const [broken] = await t.database.query<{ counters: number; over: number; unconfirmed: number; early: number; outsiders: number }>(
      `select
        (select count(*)::int from volunteer_activity a where a.signed_up <> (select count(*) from volunteer_signup s where s.activity_id = a.id and s.status = 'signed_up')) as counters,
        (select count(*)::int from volunteer_signup s join volunteer_activity a on a.id = s.activity_id where s.minutes * 60000 > extract(epoch from a.ends_at - a.starts_at) * 1000) as over,
        (select count(*)::int from volunteer_signup s join volunteer_activity a on a.id = s.activity_id where a.status = 'confirmed' and s.status = 'signed_up' and s.minutes is null) as unconfirmed,
        (select count(*)::int from volunteer_signup s join volunteer_activity a on a.id = s.activity_id where a.status = 'open' and s.minutes is not null) as early,
        (select count(*)::int from volunteer_signup s join volunteer_activity a on a.id = s.activity_id where not exists (select 1 from volunteer_member m where m.team_id = a.team_id and m.person_id = s.person_id and m.status = 'active')) as outsiders`,
    );
    expect(broken).toEqual({ counters: 0, over: 0, unconfirmed: 0, early: 0, outsiders: 0 });
  });
});

describe('a team, sign-up, hours and the certificate', () => {
  let teamId: string;
  let w1: Awaited<ReturnType<typeof worker>>;
  let w2: Awaited<ReturnType<typeof worker>>;

  it('观音桥 sets up a team; a worker applies on the phone and is approved; 五里店 cannot see it', async () => {
    const team = await ok<{ id: string; members: number }>(
      gyq.post('/api/v1/honours/volunteer/teams', { orgId: unionId, name: '<b>观音桥片区骑手志愿服务队</b>', leaderMembershipId: await leaderMembership(), description: '骑手互助' }),
      'team',
    );
    teamId = team.id;
    expect(team.members).toBe(1);
    expect((await gyq.post('/api/v1/honours/volunteer/teams', { orgId: unionId, name: '<b>观音桥片区骑手志愿服务队</b>', leaderMembershipId: await leaderMembership() })).status).toBe(400);
    // Another street's union is out of 观音桥's scope.
    expect((await gyq.post('/api/v1/honours/volunteer/teams', { orgId: await t.orgId('JB-WLD'), name: '越权队', leaderMembershipId: await leaderMembership() })).status).toBe(400);

    [w1, w2] = [await worker(), await worker()];
    const my = await ok<{ isMember: boolean; teams: { id: string; name: string; myStatus: string | null }[] }>(w1.c.get('/api/v1/honours/volunteer/my'), 'my');
    expect(my.isMember).toBe(true);
    // Teams of the worker's union and above: the new team, 观音桥's street team and the district's.
    expect(my.teams.map((x) => x.name)).toEqual(expect.arrayContaining(['<b>观音桥片区骑手志愿服务队</b>', '观音桥街道职工志愿服务队', '江北区职工志愿服务总队']));
    expect(my.teams.some((x) => x.name === '五里店街道职工志愿服务队')).toBe(false);
    const wldTeam = (await ok<{ items: { id: string; name: string }[] }>(jb.get('/api/v1/honours/volunteer/teams?pageSize=50'), 'jb')).items.find((x) => x.name === '五里店街道职工志愿服务队')!;
    expect((await w1.c.post(`/api/v1/honours/volunteer/teams/${wldTeam.id}/join`)).body.code).toBe('VOLUNTEER_TEAM_NOT_OPEN');

    expect((await w1.c.post(`/api/v1/honours/volunteer/teams/${teamId}/join`)).status).toBe(204);
    expect((await w1.c.post(`/api/v1/honours/volunteer/teams/${teamId}/join`)).body.code).toBe('VOLUNTEER_ALREADY_APPLIED');
    expect((await w2.c.post(`/api/v1/honours/volunteer/teams/${teamId}/join`)).status).toBe(204);
    const detail = await ok<{ pending: number; memberList: { personName: string; status: string }[] }>(gyq.get(`/api/v1/honours/volunteer/teams/${teamId}`), 'detail');
    expect(detail.pending).toBe(2);
    expect((await wld.get(`/api/v1/honours/volunteer/teams/${teamId}`)).status).toBe(404);
    expect((await wld.post(`/api/v1/honours/volunteer/teams/${teamId}/members/${w1.personId}/approve`)).status).toBe(404);
    expect((await gyq.post(`/api/v1/honours/volunteer/teams/${teamId}/members/${w1.personId}/approve`)).status).toBe(204);
    expect((await gyq.post(`/api/v1/honours/volunteer/teams/${teamId}/members/${w1.personId}/approve`)).body.code).toBe('VOLUNTEER_NOT_PENDING');
    expect((await gyq.post(`/api/v1/honours/volunteer/teams/${teamId}/members/${w2.personId}/approve`)).status).toBe(204);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at, id`, [teamId]);
    expect(audit.map((a) => a.action)).toEqual(['volunteer.team_created', 'volunteer.member_applied', 'volunteer.member_applied', 'volunteer.member_approved', 'volunteer.member_approved']);
  });

  it('members sign up once, cancel before the start; a non-member of the team cannot sign up', async () => {
    const a = await ok<{ id: string; state: string; signedUp: number }>(
      gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '<script>x</script>送清凉', place: '观音桥爱心驿站', startsAt: inHours(24), endsAt: inHours(27), capacity: 5 }),
      'activity',
    );
    expect(a.state).toBe('upcoming');
    expect((await gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '过去', place: '某处', startsAt: inHours(-2), endsAt: inHours(1), capacity: 5 })).status).toBe(400);
    expect((await gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '倒置', place: '某处', startsAt: inHours(5), endsAt: inHours(4), capacity: 5 })).status).toBe(400);
    expect((await w1.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    expect((await w1.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).body.code).toBe('VOLUNTEER_ALREADY_SIGNED_UP');
    const outsider = await worker();
    expect((await outsider.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).body.code).toBe('VOLUNTEER_NOT_IN_TEAM');
    expect((await w1.c.delete(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    expect((await w1.c.delete(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).body.code).toBe('VOLUNTEER_NOT_SIGNED_UP');
    expect((await w1.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    const my = await ok<{ activities: { id: string; title: string; isSignedUp: boolean; signedUp: number }[] }>(w1.c.get('/api/v1/honours/volunteer/my'), 'my');
    expect(my.activities.find((x) => x.id === a.id)).toMatchObject({ title: '<script>x</script>送清凉', isSignedUp: true, signedUp: 1 });
    // Once started, cancelling is closed.
    await makePast(a.id);
    expect((await w1.c.delete(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).body.code).toBe('VOLUNTEER_STARTED');
    expect((await w2.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).body.code).toBe('VOLUNTEER_STARTED');
  });

  it('holds the headcount when eight members sign up at once for three places', async () => {
    const a = await ok<{ id: string }>(gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '三个名额', place: '建东社区', startsAt: inHours(48), endsAt: inHours(50), capacity: 3 }), 'activity');
    const crowd = [w1, w2, ...(await Promise.all(Array.from({ length: 6 }, () => worker())))];
    for (const w of crowd.slice(2)) expect((await gyq.post(`/api/v1/honours/volunteer/teams/${teamId}/members`, { membershipId: (await t.database.query<{ id: string }>(`select id from membership where person_id = $1`, [w.personId]))[0]!.id })).status).toBe(204);
    const results = await Promise.all(crowd.map((w) => w.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)));
    expect(results.filter((r) => r.status === 204)).toHaveLength(3);
    expect(results.filter((r) => r.status !== 204).map((r) => r.body.code)).toEqual(Array(5).fill('VOLUNTEER_FULL'));
    const [row] = await t.database.query<{ signed_up: number; n: number }>(
      `select a.signed_up, (select count(*)::int from volunteer_signup s where s.activity_id = a.id and s.status = 'signed_up') as n from volunteer_activity a where a.id = $1`,
      [a.id],
    );
    expect(row).toEqual({ signed_up: 3, n: 3 });
  });

  it('confirms hours after the end, capped at the activity’s length, absent = 0; the certificate is a PDF with the hours', async () => {
    const a = await ok<{ id: string }>(gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '滨江步道清洁', place: '北滨路', startsAt: inHours(30), endsAt: inHours(33), capacity: 10 }), 'activity');
    for (const w of [w1, w2]) expect((await w.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    const before = await ok<{ items: { signupId: string; personId: string }[] }>(gyq.get(`/api/v1/honours/volunteer/activities/${a.id}/participants`), 'participants');
    const s1 = before.items.find((p) => p.personId === w1.personId)!.signupId;
    expect((await gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/hours`, { hours: [{ signupId: s1, hours: 2.5 }] })).body.code).toBe('VOLUNTEER_NOT_ENDED');
    await makePast(a.id, 3);
    const over = await gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/hours`, { hours: [{ signupId: s1, hours: 3.5 }] });
    expect(over.status).toBe(400);
    expect(over.body.errors[0].path).toBe('hours.0.hours');
    expect((await gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/hours`, { hours: [{ signupId: s1, hours: 1.25 }] })).status).toBe(400);
    expect((await wld.post(`/api/v1/honours/volunteer/activities/${a.id}/hours`, { hours: [] })).status).toBe(404);
    const done = await ok<{ activity: { state: string; hours: number }; items: { personId: string; hours: number | null }[] }>(
      gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/hours`, { hours: [{ signupId: s1, hours: 2.5 }] }),
      'confirm',
    );
    expect(done.activity).toMatchObject({ state: 'confirmed', hours: 2.5 });
    expect(Object.fromEntries(done.items.map((p) => [p.personId, p.hours]))).toEqual({ [w1.personId]: 2.5, [w2.personId]: 0 });
    // Adjusting: confirming again replaces them.
    await ok(gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/hours`, { hours: [{ signupId: s1, hours: 3 }, { signupId: before.items.find((p) => p.personId === w2.personId)!.signupId, hours: 1 }] }), 'adjust');
    const my = await ok<{ hours: { total: number; thisYear: number; activities: number } }>(w1.c.get('/api/v1/honours/volunteer/my'), 'my');
    expect(my.hours).toMatchObject({ total: 3, activities: 1 });

    const pdf = await t.app.inject({ method: 'GET', url: '/api/v1/honours/volunteer/my/certificate', headers: { cookie: w1.c.cookie! } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await extractPdfText(bytes)).join('\n').replace(/\n/g, '');
    expect(text).toContain(w1.name);
    expect(text).toContain('志愿服务时长共计 3 小时');
    expect(text).toContain('滨江步道清洁');
    // Staff of the activity's scope print it too; the sibling street's staff do not know the volunteer.
    expect((await gyq.request('GET', `/api/v1/honours/volunteer/persons/${w1.personId}/certificate?year=${shToday().slice(0, 4)}`)).status).toBe(200);
    expect((await wld.request('GET', `/api/v1/honours/volunteer/persons/${w1.personId}/certificate`)).status).toBe(404);
    // Someone with no confirmed hours has no certificate.
    const fresh = await worker();
    expect((await fresh.c.request('GET', '/api/v1/honours/volunteer/my/certificate')).body.code).toBe('VOLUNTEER_NO_HOURS');
  });

  it('adds a walk-in team member once the activity has started (补录), and leader and sibling rules hold', async () => {
    const a = await ok<{ id: string }>(gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '补录活动', place: '观音桥', startsAt: inHours(40), endsAt: inHours(42), capacity: 1 }), 'activity');
    expect((await gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/participants`, { personId: w2.personId })).body.code).toBe('VOLUNTEER_NOT_STARTED');
    await makePast(a.id, 2);
    const added = await ok<{ items: { personId: string }[] }>(gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/participants`, { personId: w2.personId }), 'walk-in');
    expect(added.items.map((p) => p.personId)).toEqual([w2.personId]);
    expect((await gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/participants`, { personId: w1.personId })).body.code).toBe('VOLUNTEER_FULL');
    const team = await ok<{ leaderPersonId: string }>(gyq.get(`/api/v1/honours/volunteer/teams/${teamId}`), 'team');
    expect((await gyq.delete(`/api/v1/honours/volunteer/teams/${teamId}/members/${team.leaderPersonId}`)).body.code).toBe('VOLUNTEER_LEADER_STAYS');
    expect((await wld.get(`/api/v1/honours/volunteer/activities/${a.id}/participants`)).status).toBe(404);
    const list = await ok<{ items: { teamId: string }[] }>(wld.get('/api/v1/honours/volunteer/activities?pageSize=200'), 'wld activities');
    expect(list.items.some((x) => x.teamId === teamId)).toBe(false);
  });
});

describe('editing, dissolving and cancelling', () => {
  let teamId: string;
  let w1: Awaited<ReturnType<typeof worker>>;
  let w2: Awaited<ReturnType<typeof worker>>;

  beforeAll(async () => {
    teamId = (await ok<{ id: string }>(gyq.post('/api/v1/honours/volunteer/teams', { orgId: unionId, name: '建东社区志愿服务队', leaderMembershipId: await leaderMembership() }), 'team')).id;
    [w1, w2] = [await worker(), await worker()];
    for (const w of [w1, w2]) expect((await gyq.post(`/api/v1/honours/volunteer/teams/${teamId}/members`, { membershipId: w.membershipId })).status).toBe(204);
  });

  it('edits a team’s name and description, moves it only to a union in the staff’s scope; 五里店 cannot touch it', async () => {
    const edited = await ok<{ name: string; description: string | null; orgId: string }>(gyq.put(`/api/v1/honours/volunteer/teams/${teamId}`, { orgId: unionId, name: '<i>建东社区</i>志愿服务队', description: '送清凉' }), 'edit');
    expect(edited).toMatchObject({ name: '<i>建东社区</i>志愿服务队', description: '送清凉', orgId: unionId });
    const out = await gyq.put(`/api/v1/honours/volunteer/teams/${teamId}`, { orgId: await t.orgId('JB-WLD'), name: '越权', description: null });
    expect(out.status).toBe(400);
    expect(out.body.errors[0]).toMatchObject({ path: 'orgId' });
    // The street itself is in 观音桥's scope: the team moves there, with its activities.
    const moved = await ok<{ orgId: string }>(gyq.put(`/api/v1/honours/volunteer/teams/${teamId}`, { orgId: await t.orgId('JB-GYQ'), name: '建东社区志愿服务队', description: null }), 'move');
    expect(moved.orgId).toBe(await t.orgId('JB-GYQ'));
    expect((await wld.put(`/api/v1/honours/volunteer/teams/${teamId}`, { orgId: unionId, name: '抢', description: null })).status).toBe(404);
    const bad = await gyq.put(`/api/v1/honours/volunteer/teams/${teamId}`, { orgId: 'not-a-uuid', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 and action = 'volunteer.team_updated'`, [teamId]);
    expect(audit).toHaveLength(2);
  });

  it('edits an activity: the headcount never below those signed up, the times not once it has started', async () => {
    const a = await ok<{ id: string; startsAt: string; endsAt: string }>(gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '社区义诊', place: '建东社区', startsAt: inHours(50), endsAt: inHours(52), capacity: 3 }), 'activity');
    for (const w of [w1, w2]) expect((await w.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    const body = { title: '社区义诊（改）', place: '建东社区活动室', startsAt: inHours(54), endsAt: inHours(56), capacity: 2, description: null };
    const below = await gyq.put(`/api/v1/honours/volunteer/activities/${a.id}`, { ...body, capacity: 1 });
    expect(below.status).toBe(400);
    expect(below.body.errors[0]).toMatchObject({ path: 'capacity' });
    expect(below.body.errors[0].message).toContain('2');
    const edited = await ok<{ title: string; place: string; capacity: number; startsAt: string; state: string }>(gyq.put(`/api/v1/honours/volunteer/activities/${a.id}`, body), 'edit');
    expect(edited).toMatchObject({ title: '社区义诊（改）', place: '建东社区活动室', capacity: 2, state: 'upcoming' });
    expect(new Date(edited.startsAt).getTime()).toBe(new Date(body.startsAt).getTime());
    expect((await gyq.put(`/api/v1/honours/volunteer/activities/${a.id}`, { ...body, endsAt: inHours(53) })).status).toBe(400);
    expect((await wld.put(`/api/v1/honours/volunteer/activities/${a.id}`, body)).status).toBe(404);
    // Started: the times are fixed, the rest may still be corrected.
    await makePast(a.id, 3);
    const started = (await ok<{ activity: { startsAt: string; endsAt: string } }>(gyq.get(`/api/v1/honours/volunteer/activities/${a.id}/participants`), 'p')).activity;
    const locked = await gyq.put(`/api/v1/honours/volunteer/activities/${a.id}`, { ...body, startsAt: inHours(60), endsAt: inHours(62) });
    expect(locked.status).toBe(400);
    expect(locked.body.errors[0]).toMatchObject({ path: 'startsAt' });
    expect((await gyq.put(`/api/v1/honours/volunteer/activities/${a.id}`, { ...body, startsAt: started.startsAt, endsAt: started.endsAt, place: '建东社区卫生站' })).status).toBe(200);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 and action = 'volunteer.activity_updated'`, [a.id]);
    expect(audit).toHaveLength(2);
  });

  it('cancels an activity with a reason: every volunteer signed up is told, the phone shows it 已取消, sign-up closes', async () => {
    const a = await ok<{ id: string }>(gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '嘉陵江边捡垃圾', place: '北滨路', startsAt: inHours(70), endsAt: inHours(72), capacity: 5 }), 'activity');
    expect((await w1.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    expect((await w2.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    expect((await w2.c.delete(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    const empty = await gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/cancel`, { reason: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect((await wld.post(`/api/v1/honours/volunteer/activities/${a.id}/cancel`, { reason: '越权' })).status).toBe(404);
    const cancelled = await ok<{ state: string; cancelReason: string }>(gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/cancel`, { reason: '暴雨预警<b>停止户外活动</b>' }), 'cancel');
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: '暴雨预警<b>停止户外活动</b>' });
    expect(await kindsOf(t, w1.personId)).toContain('volunteer.cancelled');
    // w2 cancelled their sign-up before: not told.
    expect(await kindsOf(t, w2.personId)).not.toContain('volunteer.cancelled');
    const [told] = await t.database.query<{ body_zh: string; link: string }>(
      `select n.body_zh, n.link from notification n join person p on p.user_id = n.recipient_id where p.id = $1 and n.kind = 'volunteer.cancelled'`,
      [w1.personId],
    );
    expect(told!.body_zh).toContain('暴雨预警');
    expect(told!.link).toBe('/m/volunteer');
    const my = await ok<{ activities: { id: string; state: string; cancelReason: string | null; isSignedUp: boolean }[] }>(w1.c.get('/api/v1/honours/volunteer/my'), 'my');
    expect(my.activities.find((x) => x.id === a.id)).toMatchObject({ state: 'cancelled', cancelReason: '暴雨预警<b>停止户外活动</b>', isSignedUp: true });
    expect((await w2.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).body.code).toBe('VOLUNTEER_ACTIVITY_CANCELLED');
    expect((await gyq.post(`/api/v1/honours/volunteer/activities/${a.id}/cancel`, { reason: '再取消' })).body.code).toBe('VOLUNTEER_ACTIVITY_CANCELLED');
    expect((await gyq.put(`/api/v1/honours/volunteer/activities/${a.id}`, { title: 'x', place: 'y', startsAt: inHours(70), endsAt: inHours(72), capacity: 5 })).body.code).toBe('VOLUNTEER_NOT_OPEN');
    const listed = await ok<{ items: { id: string }[] }>(gyq.get('/api/v1/honours/volunteer/activities?state=cancelled&pageSize=200'), 'cancelled list');
    expect(listed.items.map((x) => x.id)).toContain(a.id);
    const [audit] = await t.database.query<{ after: { reason: string; notified: number } }>(`select after from audit_entry where entity_id = $1 and action = 'volunteer.activity_cancelled'`, [a.id]);
    expect(audit!.after).toMatchObject({ reason: '暴雨预警<b>停止户外活动</b>', notified: 1 });
    // Started activities cannot be cancelled.
    const b = await ok<{ id: string }>(gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '已开始', place: '北滨路', startsAt: inHours(70), endsAt: inHours(72), capacity: 5 }), 'b');
    await makePast(b.id);
    expect((await gyq.post(`/api/v1/honours/volunteer/activities/${b.id}/cancel`, { reason: '晚了' })).body.code).toBe('VOLUNTEER_CANCEL_STARTED');
  });

  it('dissolves a team once nothing is ahead; it then takes no members or activities and leaves the phone', async () => {
    const ahead = await ok<{ id: string }>(gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '未开始', place: '建东社区', startsAt: inHours(80), endsAt: inHours(82), capacity: 5 }), 'ahead');
    expect((await wld.post(`/api/v1/honours/volunteer/teams/${teamId}/dissolve`)).status).toBe(404);
    expect((await gyq.post(`/api/v1/honours/volunteer/teams/${teamId}/dissolve`)).body.code).toBe('VOLUNTEER_TEAM_HAS_UPCOMING');
    await ok(gyq.post(`/api/v1/honours/volunteer/activities/${ahead.id}/cancel`, { reason: '队伍调整' }), 'cancel ahead');
    const gone = await ok<{ dissolvedAt: string | null }>(gyq.post(`/api/v1/honours/volunteer/teams/${teamId}/dissolve`), 'dissolve');
    expect(gone.dissolvedAt).not.toBeNull();
    expect((await gyq.post(`/api/v1/honours/volunteer/teams/${teamId}/dissolve`)).body.code).toBe('VOLUNTEER_TEAM_DISSOLVED');
    expect((await gyq.post('/api/v1/honours/volunteer/activities', { teamId, title: '解散后', place: '某处', startsAt: inHours(90), endsAt: inHours(91), capacity: 2 })).status).toBe(400);
    const fresh = await worker();
    expect((await fresh.c.post(`/api/v1/honours/volunteer/teams/${teamId}/join`)).body.code).toBe('VOLUNTEER_TEAM_DISSOLVED');
    const my = await ok<{ teams: { id: string }[] }>(fresh.c.get('/api/v1/honours/volunteer/my'), 'my');
    expect(my.teams.map((x) => x.id)).not.toContain(teamId);
    const [audit] = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_entry where entity_id = $1 and action = 'volunteer.team_dissolved'`, [teamId]);
    expect(audit!.n).toBe(1);
  });
});

describe('the reminder before an activity, on a controllable clock', () => {
  const clock = createFakeClock(new Date());
  let tc: TestApp;

  beforeAll(async () => {
    tc = await createTestApp({}, { clock, jobRunner: false });
  }, 180_000);
  afterAll(() => tc.close());

  it('reminds each volunteer signed up once, within 24 hours of the start, however often the sweep runs', async () => {
    const [gyqc, jbc] = await Promise.all([tc.login('gyq.admin'), tc.login('jb.staff')]);
    const team = (await ok<{ items: { id: string; name: string }[] }>(gyqc.get('/api/v1/honours/volunteer/teams?pageSize=50'), 'teams')).items.find((x) => x.name === '观音桥街道职工志愿服务队')!;
    const w = await worker({ app: tc, jb: jbc });
    expect((await gyqc.post(`/api/v1/honours/volunteer/teams/${team.id}/members`, { membershipId: w.membershipId })).status).toBe(204);
    const at = (h: number) => new Date(clock().getTime() + h * HOUR).toISOString();
    const a = await ok<{ id: string }>(gyqc.post('/api/v1/honours/volunteer/activities', { teamId: team.id, title: '敬老院陪伴', place: '观音桥敬老院', startsAt: at(30), endsAt: at(33), capacity: 5 }), 'activity');
    expect((await w.c.post(`/api/v1/honours/volunteer/activities/${a.id}/signup`)).status).toBe(204);
    const reminders = async () => (await kindsOf(tc, w.personId)).filter((k) => k === 'volunteer.reminder').length;

    await tc.app.jobs.syncSchedules();
    clock.advance(16 * 60_000);
    await tc.app.jobs.drain();
    expect(await reminders()).toBe(0);
    // Six hours later the start is within a day: one reminder, and no second on later sweeps.
    clock.advance(6 * HOUR);
    await tc.app.jobs.drain();
    expect(await reminders()).toBe(1);
    clock.advance(16 * 60_000);
    await tc.app.jobs.drain();
    // A second instance's run at the same moment finds the row claimed.
    await Promise.all([tc.app.services.volunteers.remindUpcoming(), tc.app.services.volunteers.remindUpcoming()]);
    expect(await reminders()).toBe(1);
    const [told] = await tc.database.query<{ body_zh: string }>(
      `select n.body_zh from notification n join person p on p.user_id = n.recipient_id where p.id = $1 and n.kind = 'volunteer.reminder'`,
      [w.personId],
    );
    expect(told!.body_zh).toContain('观音桥敬老院');
  });
});
