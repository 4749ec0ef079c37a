import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { publishedEvent, workers, type Worker } from './testing';

/**
 * 技能竞赛 (issue 13 point 8): a rubric, five judges with sealed sheets, a recusal, the trimmed mean
 * and the tie rule of platform/rubric (the marketplace competition's code), prizes and a certificate.
 */
let t: TestApp;
let admin: Client;
const JUDGES = ['admin', 'jb.admin', 'jb.staff', 'gyq.admin', 'wld.admin'];
let judges: Client[];
let judgeIds: string[];
beforeAll(async () => {
  t = await createTestApp({}, { jobRunner: false });
  admin = await t.login('jb.admin');
  judges = [];
  for (const u of JUDGES) judges.push(await t.login(u));
  judgeIds = [];
  for (const u of JUDGES) judgeIds.push((await t.database.query<{ id: string }>('select id from app_user where username = $1', [u]))[0]!.id);
});
afterAll(async () => t?.close());

describe('events: skill contests', () => {
  let event: { id: string; version: number };
  let ws: Worker[];
  let regs: string[];
  const url = (rest = '') => `/api/v1/events/${event.id}/contest${rest}`;

  beforeAll(async () => {
    // Not the demo's title: the demo test below finds its contest by title.
    event = await publishedEvent(t, admin, { type: 'skill_competition', title: '测试：职工焊工技能竞赛', capacity: 10 });
    ws = await workers(t, 'JB', 4);
    regs = [];
    for (const w of ws) {
      const res = await w.client.post(`/api/v1/events/open/${event.id}/sign-up`, {});
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      regs.push(res.body.id);
    }
  });

  it('takes a sound rubric and staff judges, and refuses an unsound one on its field', async () => {
    const bad = await admin.put(url(), { version: 0, criteria: [{ key: 'speed', name: '速度', weight: 50, max: 10 }], prizeTiers: [1, 1, 1], judgeIds });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'criteria' });
    const worker = await admin.put(url(), { version: 0, criteria: [{ key: 'speed', name: '速度', weight: 100, max: 10 }], prizeTiers: [1], judgeIds: [ws[0]!.userId] });
    expect(worker.body.errors[0].path).toBe('judgeIds');
    const ok = await admin.put(url(), {
      version: 0,
      criteria: [
        { key: 'skill', name: '操作技能', weight: 50, max: 10 },
        { key: 'safety', name: '安全规范', weight: 50, max: 10 },
      ],
      prizeMode: 'count',
      prizeTiers: [1, 1, 1],
      judgeIds,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'setup', entrants: 4, results: null });
    expect(ok.body.judges).toHaveLength(5);
    expect(ok.body.tieRule).toContain('报名在先');
  });

  it('lets judges score sealed sheets once, recuse, and see only their own', async () => {
    const sheet = (j: number, reg: number, v: number) => judges[j]!.post(`/api/v1/events/contests/${event.id}/sheets`, { registrationId: regs[reg], points: { skill: v, safety: v } });
    expect((await sheet(0, 0, 10)).body.code).toBe('CONTEST_NOT_SCORING');
    expect((await admin.post(url('/open'))).body.status).toBe('scoring');
    expect((await admin.put(url(), { version: 1, criteria: [{ key: 'x', name: 'x', weight: 100, max: 1 }], prizeTiers: [1], judgeIds })).body.code).toBe('CONTEST_LOCKED');
    // E1: all 100; E2: 80 ×4 and 0 (dropped); E3: 90, 70 (both dropped) and 80 ×3; E4: judge 1 recused, 60 ×4 (too few to trim).
    const plan: number[][] = [
      [10, 10, 10, 10, 10],
      [8, 8, 8, 8, 0],
      [9, 7, 8, 8, 8],
      [-1, 6, 6, 6, 6],
    ];
    for (const [reg, row] of plan.entries()) {
      for (const [j, v] of row.entries()) {
        if (v < 0) {
          const r = await judges[j]!.post(`/api/v1/events/contests/${event.id}/recusals`, { registrationId: regs[reg], reason: '选手是本人同事' });
          expect(r.status, JSON.stringify(r.body)).toBe(200);
        } else {
          const r = await sheet(j, reg, v);
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          expect(r.body.total).toBe(v * 10);
        }
      }
    }
    expect((await sheet(1, 0, 5)).body.code).toBe('CONTEST_SHEET_SEALED');
    const outOfRange = await judges[0]!.post(`/api/v1/events/contests/${event.id}/sheets`, { registrationId: regs[0], points: { skill: 11 } });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['points.safety', 'points.skill']);
    const notEntrant = await judges[1]!.post(`/api/v1/events/contests/${event.id}/sheets`, { registrationId: ws[0]!.userId, points: { skill: 1, safety: 1 } });
    expect(notEntrant.body.errors[0].path).toBe('registrationId');
    // A judge sees their own sheets only; staff see progress, no scores.
    const mine = await judges[1]!.get('/api/v1/events/contests/judging');
    const c = mine.body.items.find((x: { eventId: string }) => x.eventId === event.id);
    expect(c.entrants.map((e: { mine: { total: number } }) => e.mine.total)).toEqual([100, 80, 70, 60]);
    const staff = await admin.get(url());
    expect(staff.body.results).toBeNull();
    expect(staff.body.judges.find((j: { userId: string }) => j.userId === judgeIds[0]).recusals).toBe(1);
    expect(JSON.stringify(staff.body)).not.toMatch(/"total"/);
    // Someone who is no judge of it.
    const other = await t.login('gyq.staff').catch(() => null);
    if (other) expect((await other.post(`/api/v1/events/contests/${event.id}/sheets`, { registrationId: regs[0], points: { skill: 1, safety: 1 } })).status).toBe(404);
    expect((await ws[0]!.client.post(`/api/v1/events/contests/${event.id}/sheets`, { registrationId: regs[0], points: { skill: 1, safety: 1 } })).status).toBe(404);
  });

  it('ranks by the trimmed mean with the tie rule, gives prizes and certificates', async () => {
    const closed = await admin.post(url('/close'));
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const results = closed.body.results as { registrationId: string; score: number; rank: number; prize: number | null; isTieBroken: boolean; recused: number; counted: number }[];
    expect(results.map((r) => [regs.indexOf(r.registrationId) + 1, r.score, r.rank, r.prize])).toEqual([
      [1, 100, 1, 1],
      [2, 80, 2, 2], // ties with E3 at 80: the earlier entry first
      [3, 80, 3, 3],
      [4, 60, 4, null],
    ]);
    expect(results[1]!.isTieBroken).toBe(true);
    expect(results[3]).toMatchObject({ recused: 1, counted: 4 });
    const pdf = await t.app.inject({ method: 'GET', url: url(`/certificates/${regs[0]}`), headers: { cookie: admin.cookie! } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await admin.get(url(`/certificates/${regs[3]}`))).body.code).toBe('CONTEST_CERTIFICATE_NONE');
    // Judges may not score a closed contest; a street admin elsewhere cannot see it.
    expect((await judges[0]!.post(`/api/v1/events/contests/${event.id}/sheets`, { registrationId: regs[1], points: { skill: 1, safety: 1 } })).status).toBe(409);
    expect((await (await t.login('wld.admin')).post(url('/close'))).status).toBe(404);
  });

  it('seeds a closed demo contest with judges’ sheets and results', async () => {
    const demo = (await t.database.query<{ id: string }>("select id from event where title = '江北区职工叉车技能竞赛' and id <> $1", [event.id]))[0];
    const res = await admin.get(`/api/v1/events/${demo!.id}/contest`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', entrants: 8 });
    expect(res.body.results).toHaveLength(8);
    expect(res.body.results.filter((r: { prize: number | null }) => r.prize !== null)).toHaveLength(6);
    expect(res.body.results[2].recused + res.body.results.reduce((n: number, r: { recused: number }) => n + r.recused, 0)).toBeGreaterThan(0);
  });
});
