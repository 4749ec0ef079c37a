import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { addDays, shanghaiDateOf } from '../../platform/holidays/dates';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

// 对口联系 (issue 16, point 4): a cadre assigned to a union below, a visit with notes, photos and
// problems, each problem owned and due until resolved; overdue lists per cadre and per union on a
// controlled clock; the 待办; figures per cadre; scope.
const clock = createFakeClock(new Date());
let t: TestApp;
let jb: Client;
let jbStaff: Client;
let gyq: Client;
let wld: Client;
const ids: Record<string, string> = {};
const DAY = 86_400_000;
const today = () => shanghaiDateOf(clock());

async function ok<T>(p: Promise<{ status: number; body: unknown }>, expected = 200): Promise<T> {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(expected);
  return res.body as T;
}
type Problem = { id: string; number: string; status: string; isOverdue: boolean; version: number; ownerName: string; dueOn: string; latestNote: string | null };
type Figures = { cadres: { cadreId: string; visits: number; problemsFound: number; problemsResolved: number; problemsOpen: number; problemsOverdue: number }[]; orgs: { orgId: string; problemsOverdue: number }[] };
const todoIds = async (c: Client) =>
  ((await c.get('/api/v1/me/todos?limit=50')).body.groups.find((g: { kind: string }) => g.kind === 'liaison_problem')?.items.map((i: { id: string }) => i.id) ?? []) as string[];

beforeAll(async () => {
  t = await createTestApp({}, { clock, jobRunner: false });
  [jb, jbStaff, gyq, wld] = [await t.login('jb.admin'), await t.login('jb.staff'), await t.login('gyq.admin'), await t.login('wld.admin')];
  const rows = await t.database.query<{ key: string; id: string }>(
    `select code as key, id from org where code in ('JB-GYQ', 'JB-WLD', 'JB-ELM', 'JB-YZ')
     union all select username, id from app_user where username in ('jb.admin', 'jb.staff', 'gyq.admin', 'wld.admin')
     union all select 'worker', id from app_user where phone = '13800000001'`,
  );
  for (const r of rows) ids[r.key] = r.id;
});
afterAll(() => t.close());

describe('对口联系 liaison', () => {
  let assignmentId = '';
  let problems: string[] = [];
  let visitDay = '';
  const staffFigures = async () =>
    (await ok<Figures>(jb.get(`/api/v1/voice/liaison/figures?from=${visitDay}&to=${visitDay}`))).cadres.find((c) => c.cadreId === ids['jb.staff']) ?? { visits: 0, problemsFound: 0, problemsResolved: 0 };
  let before = { visits: 0, problemsFound: 0, problemsResolved: 0 };

  it('assigns a cadre to a union below their own, once; refuses a union outside scope, the cadre’s own union and a non-staff cadre', async () => {
    const cadres = await ok<{ items: { id: string }[] }>(jb.get('/api/v1/voice/liaison/cadres'));
    expect(cadres.items.map((c) => c.id)).toEqual(expect.arrayContaining([ids['jb.staff'], ids['gyq.admin']]));
    // 鱼嘴镇 has no demo assignment for jb.staff.
    const made = await ok<{ id: string }>(jb.post('/api/v1/voice/liaison/assignments', { cadreId: ids['jb.staff'], orgId: ids['JB-YZ'], kind: 'area', note: '包片鱼嘴镇' }), 201);
    assignmentId = made.id;
    const again = await jb.post('/api/v1/voice/liaison/assignments', { cadreId: ids['jb.staff'], orgId: ids['JB-YZ'], kind: 'pair' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LIAISON_ALREADY_ASSIGNED');
    // A street admin cannot assign to a sibling street, nor be assigned to their own union.
    expect((await gyq.post('/api/v1/voice/liaison/assignments', { cadreId: ids['gyq.admin'], orgId: ids['JB-WLD'], kind: 'pair' })).status).toBe(400);
    const own = await jb.post('/api/v1/voice/liaison/assignments', { cadreId: ids['gyq.admin'], orgId: ids['JB-GYQ'], kind: 'pair' });
    expect(own.status).toBe(400);
    expect(own.body.errors[0].path).toBe('orgId');
    const notStaff = await jb.post('/api/v1/voice/liaison/assignments', { cadreId: ids.worker, orgId: ids['JB-YZ'], kind: 'pair' });
    expect(notStaff.body.errors?.[0]?.path).toBe('cadreId');
    // The cadre heard of it.
    const [n] = await t.database.query<{ n: number }>("select count(*)::int as n from notification where recipient_id = $1 and kind = 'liaison.assigned'", [ids['jb.staff']]);
    expect(n!.n).toBeGreaterThan(0);
  });

  it('logs a visit with a photo and two problems (one owned by the street admin), who hears of it; dates are checked', async () => {
    visitDay = today();
    before = await staffFigures();
    const photoId = await jbStaff.uploadPhoto();
    const bad = await jbStaff.post('/api/v1/voice/liaison/visits', { assignmentId, visitedOn: addDays(today(), 1), summary: '明天的走访' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('visitedOn');
    const badDue = await jbStaff.post('/api/v1/voice/liaison/visits', { assignmentId, visitedOn: today(), summary: '走访', problems: [{ description: '问题', dueOn: addDays(today(), -1) }] });
    expect(badDue.body.errors[0].path).toBe('problems.0.dueOn');
    // Another street's cadre cannot log under this assignment.
    expect((await wld.post('/api/v1/voice/liaison/visits', { assignmentId, visitedOn: today(), summary: '走访' })).status).toBe(404);
    const visit = await ok<{ id: string; problems: number; problemIds: string[]; cadreName: string }>(
      jbStaff.post('/api/v1/voice/liaison/visits', {
        assignmentId,
        visitedOn: today(),
        summary: '<b>走访</b>鱼嘴镇总工会，查看职工之家',
        photoIds: [photoId],
        problems: [
          { description: '职工之家饮水机损坏', dueOn: addDays(today(), 7) },
          { description: '会员信息未核对', dueOn: addDays(today(), 3) },
        ],
      }),
      201,
    );
    expect(visit).toMatchObject({ problems: 2, cadreName: '江北区总工会干事' });
    problems = visit.problemIds;
    expect((await jb.get(`/api/v1/photos/${photoId}`)).status).toBe(200);
    expect((await gyq.get(`/api/v1/photos/${photoId}`)).status).toBe(404);
    const listed = await ok<{ items: { id: string; summary: string }[] }>(jb.get(`/api/v1/voice/liaison/visits?assignmentId=${assignmentId}`));
    expect(listed.items[0]).toMatchObject({ id: visit.id, summary: '<b>走访</b>鱼嘴镇总工会，查看职工之家' });
    // Street staff do not see a visit to another street's union.
    expect((await gyq.get(`/api/v1/voice/liaison/visits?assignmentId=${assignmentId}`)).body.items).toEqual([]);
  });

  it('a problem goes from open to in progress to resolved; a stale version is refused; reopening brings it back', async () => {
    const [first] = problems;
    const p0 = await ok<Problem>(jbStaff.get(`/api/v1/voice/liaison/problems/${first}`));
    expect(p0).toMatchObject({ status: 'open', isOverdue: false, ownerName: '江北区总工会干事' });
    expect(p0.number).toMatch(/^DK\d{6}$/);
    const p1 = await ok<Problem>(jbStaff.post(`/api/v1/voice/liaison/problems/${first}/progress`, { version: p0.version, note: '已联系镇工会' }));
    expect(p1.status).toBe('in_progress');
    expect((await jbStaff.post(`/api/v1/voice/liaison/problems/${first}/resolve`, { version: p0.version, note: '旧版本' })).status).toBe(409);
    // A street admin outside the union's subtree cannot touch it.
    expect((await gyq.post(`/api/v1/voice/liaison/problems/${first}/resolve`, { version: p1.version, note: '越权' })).status).toBe(404);
    const p2 = await ok<Problem>(jbStaff.post(`/api/v1/voice/liaison/problems/${first}/resolve`, { version: p1.version, note: '已更换饮水机' }));
    expect(p2).toMatchObject({ status: 'resolved', latestNote: '已更换饮水机', isOverdue: false });
    expect((await jbStaff.post(`/api/v1/voice/liaison/problems/${first}/resolve`, { version: p2.version, note: '再次' })).status).toBe(409);
    const p3 = await ok<Problem>(jb.post(`/api/v1/voice/liaison/problems/${first}/reopen`, { version: p2.version, note: '复查发现仍漏水' }));
    expect(p3.status).toBe('open');
    await ok<Problem>(jbStaff.post(`/api/v1/voice/liaison/problems/${first}/resolve`, { version: p3.version, note: '已彻底修好' }));
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_id = $1 order by at", [first]);
    expect(audit.map((a) => a.action)).toEqual(['liaison.problem_progress', 'liaison.problem_resolved', 'liaison.problem_reopened', 'liaison.problem_resolved']);
  });

  it('past its due date a problem is overdue: in the overdue lists per cadre and per union, the 待办 and the figures', async () => {
    const second = problems[1]!;
    expect(await todoIds(jb)).not.toContain(second);
    clock.advance(5 * DAY);
    const overdue = await ok<{ items: Problem[] }>(jb.get(`/api/v1/voice/liaison/problems?status=overdue&cadreId=${ids['jb.staff']}&pageSize=200`));
    expect(overdue.items.map((p) => p.id)).toContain(second);
    expect(overdue.items.find((p) => p.id === second)!.isOverdue).toBe(true);
    expect(overdue.items.map((p) => p.id)).not.toContain(problems[0]);
    const byOrg = await ok<{ items: Problem[] }>(jb.get(`/api/v1/voice/liaison/problems?status=overdue&orgId=${ids['JB-YZ']}`));
    expect(byOrg.items.map((p) => p.id)).toEqual([second]);
    expect(await todoIds(jb)).toContain(second);
    expect(await todoIds(gyq)).not.toContain(second);
    // Demo visits may fall on the same day: the figures grow by this visit's.
    expect(await staffFigures()).toMatchObject({ visits: before.visits + 1, problemsFound: before.problemsFound + 2, problemsResolved: before.problemsResolved + 1 });
    const figures = await ok<Figures>(jb.get(`/api/v1/voice/liaison/figures?from=${addDays(today(), -10)}&to=${today()}`));
    expect(figures.orgs.find((o) => o.orgId === ids['JB-YZ'])).toMatchObject({ problemsOverdue: 1 });
    // Handing it to another owner with a new due date takes it off the overdue list.
    const p = await ok<Problem>(jb.get(`/api/v1/voice/liaison/problems/${second}`));
    const moved = await ok<Problem>(jb.put(`/api/v1/voice/liaison/problems/${second}`, { version: p.version, ownerId: ids['jb.admin'], dueOn: addDays(today(), 10) }));
    expect(moved).toMatchObject({ ownerName: '江北区总工会管理员', isOverdue: false });
    expect(await todoIds(jb)).not.toContain(second);
    // An owner must be staff who can act there: a sibling street's admin cannot.
    expect((await jb.put(`/api/v1/voice/liaison/problems/${second}`, { version: moved.version, ownerId: ids['wld.admin'] })).body.errors?.[0]?.path).toBe('ownerId');
    // Nor staff of a union below the one visited: they would not see a problem filed at the street above them.
    const [below] = await t.database.query<{ id: string }>(`insert into app_user (username, display_name) values ('liaison.below', '建行工会干事') returning id`);
    await t.database.query(`insert into role_grant (user_id, role, org_id) select $1, 'union_staff', id from org where code = 'JB-CCB'`, [below!.id]);
    const gyqAssignment = (await ok<{ items: { id: string }[] }>(jb.get(`/api/v1/voice/liaison/assignments?cadreId=${ids['jb.staff']}&orgId=${ids['JB-GYQ']}&isActive=true`))).items.find(Boolean)!;
    const refused = await jbStaff.post('/api/v1/voice/liaison/visits', { assignmentId: gyqAssignment.id, visitedOn: today(), summary: '走访', problems: [{ description: '问题', ownerId: below!.id, dueOn: addDays(today(), 7) }] });
    expect(refused.body.errors?.[0]?.path).toBe('problems.0.ownerId');
  });

  it('ending an assignment keeps its visits and refuses new ones; rows stay in their district', async () => {
    const list = await ok<{ items: { id: string; version: number; visits: number; openProblems: number }[] }>(jb.get(`/api/v1/voice/liaison/assignments?orgId=${ids['JB-YZ']}`));
    const a = list.items.find((i) => i.id === assignmentId)!;
    expect(a).toMatchObject({ visits: 1, openProblems: 1 });
    expect((await jb.post(`/api/v1/voice/liaison/assignments/${assignmentId}/end`, { version: a.version })).status).toBe(204);
    const ended = await jbStaff.post('/api/v1/voice/liaison/visits', { assignmentId, visitedOn: today(), summary: '结束后' });
    expect(ended.status).toBe(409);
    expect((await jb.get(`/api/v1/voice/liaison/visits?assignmentId=${assignmentId}`)).body.total).toBe(1);
    const [row] = await t.database.query<{ n: number }>(
      `select (select count(*) from liaison_visit where district_id <> niangjia_district_of(org_id)) + (select count(*) from liaison_problem where district_id <> niangjia_district_of(org_id))::int as n`,
    );
    expect(Number(row!.n)).toBe(0);
  });

  it('the demo tells the story: Jiangbei’s cadres 包片 the streets, with visits, resolved and overdue problems', async () => {
    const figures = await ok<Figures>(jb.get(`/api/v1/voice/liaison/figures?from=${addDays(today(), -400)}&to=${today()}`));
    const admin = figures.cadres.find((c) => c.cadreId === ids['jb.admin'])!;
    expect(admin.visits).toBeGreaterThan(20);
    expect(admin.problemsResolved).toBeGreaterThan(5);
    expect(figures.cadres.some((c) => c.problemsOverdue > 0)).toBe(true);
    // The street admin sees only what concerns their street.
    const street = await ok<Figures>(gyq.get(`/api/v1/voice/liaison/figures?from=${addDays(today(), -400)}&to=${today()}`));
    expect(street.cadres.map((c) => c.cadreId).sort()).toEqual([ids['gyq.admin'], ids['jb.staff']].sort());
    expect((await gyq.get(`/api/v1/voice/liaison/figures?from=${today()}&to=${addDays(today(), -1)}`)).status).toBe(400);
  });
});
