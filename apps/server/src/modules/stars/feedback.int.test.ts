import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { makeStation, PNG, today, uploadPhoto } from './testing';

let t: TestApp;
let gyq: Client;
let wld: Client;
let station: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  [gyq, wld] = await Promise.all([t.login('gyq.admin'), t.login('wld.admin')]);
  station = await makeStation(t, gyq, { code: 'JB-T-FB1', org: 'JB-GYQ' });
});
afterAll(() => t.close());

describe('public position page', () => {
  it('answers without an account, with hours, facilities and rating, and nothing personal', async () => {
    const worker = await t.loginWorker('13800000061');
    await worker.post(`/api/v1/feedback/positions/${station.code}/ratings`, {
      stars: 4,
    });
    await gyq.post('/api/v1/stars/inspections', {
      positionId: station.id,
      inspectedOn: today(),
      scores: { hours_kept: 9, cleanliness: 9, usage: 9 },
      notes: '检查人 李四 13911112222',
    });
    const res = await t.anon.get(`/api/v1/public/positions/${station.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: station.code,
      serves: ['riders', 'sanitation_workers'],
      contactPhone: '023-67851234',
      status: 'open',
      orgName: '观音桥街道总工会',
    });
    expect(res.body.weekly).toHaveLength(7);
    expect(res.body.rating).toMatchObject({ average: 4, count: 1 });
    expect(res.body.rating.stars).toBeGreaterThanOrEqual(1);
    expect(Object.keys(res.body).sort()).toEqual([
      'address',
      'code',
      'contactPhone',
      'facilities',
      'is24h',
      'isOpenNow',
      'location',
      'locationGcj02',
      'name',
      'orgName',
      'rating',
      'serves',
      'status',
      'todayHours',
      'type',
      'weekly',
    ]);
    const text = JSON.stringify(res.body);
    // The operator's name and phone, inspectors, notes and raters stay out.
    for (const secret of ['13912345678', '张经理', '13911112222', '观音桥街道工会管理员', '13800000061', station.id]) expect(text).not.toContain(secret);
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await t.anon.get('/api/v1/public/positions/JB-NOPE-0')).status).toBe(404);
    expect((await t.anon.get('/api/v1/public/positions/bad%20code')).status).toBe(400);
  });
});

describe('worker feedback', () => {
  it('keeps one rating per worker, position and month', async () => {
    const worker = await t.loginWorker('13800000062');
    expect((await t.anon.post(`/api/v1/feedback/positions/${station.code}/ratings`, { stars: 5 })).status).toBe(401);
    expect((await worker.post(`/api/v1/feedback/positions/${station.code}/ratings`, { stars: 6 })).status).toBe(400);
    expect((await worker.post(`/api/v1/feedback/positions/${station.code}/ratings`, { stars: 2 })).body).toMatchObject({ stars: 2, month: today().slice(0, 7) });
    expect((await worker.post(`/api/v1/feedback/positions/${station.code}/ratings`, { stars: 5, comment: '热水很方便' })).status).toBe(200);
    expect((await worker.get(`/api/v1/feedback/positions/${station.code}/my-rating`)).body).toMatchObject({ stars: 5, comment: '热水很方便' });
    const rows = await t.database.query<{ stars: number }>('select stars from position_rating r join app_user u on u.id = r.user_id where u.phone = $1', ['13800000062']);
    expect(rows).toEqual([{ stars: 5 }]);
  });

  it('goes from report to assignment to resolution, with the note back to the worker', async () => {
    const worker = await t.loginWorker('13800000063');
    const photo = await uploadPhoto(t, worker, PNG);
    expect(photo.status).toBe(201);
    const badCategory = await worker.post(`/api/v1/feedback/positions/${station.code}/issues`, { category: 'aliens', text: '微波炉坏了' });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.errors[0].path).toBe('category');
    const reported = await worker.post(`/api/v1/feedback/positions/${station.code}/issues`, {
      category: 'facility_broken',
      text: '微波炉坏了，加热不了饭',
      photoId: photo.body.id,
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    expect(reported.body).toMatchObject({
      status: 'open',
      category: 'facility_broken',
      photoId: photo.body.id,
      assignee: null,
    });
    expect(reported.body.reporter).toBeUndefined();
    const id = reported.body.id;

    // The worker cannot see the staff queue.
    expect((await worker.get('/api/v1/feedback/issues')).status).toBe(403);

    const queue = await gyq.get('/api/v1/feedback/issues?status=open&category=facility_broken');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { id: string }) => i.id === id);
    expect(item.reporter).toEqual({
      name: expect.any(String),
      phoneMasked: '138****0063',
    });
    expect((await gyq.get(`/api/v1/photos/${photo.body.id}`)).status).toBe(200);

    const assignees = await gyq.get(`/api/v1/feedback/issues/${id}/assignees`);
    const names = assignees.body.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(['观音桥街道工会管理员', '江北区总工会干事']));
    expect(names).not.toContain('五里店街道工会管理员');
    const wldUser = (await t.database.query<{ id: string }>("select id from app_user where username = 'wld.admin'"))[0]!.id;
    const wrong = await gyq.post(`/api/v1/feedback/issues/${id}/assign`, {
      userId: wldUser,
      version: 1,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('userId');
    const staffId = assignees.body.find((u: { name: string }) => u.name === '江北区总工会干事').id;
    const assigned = await gyq.post(`/api/v1/feedback/issues/${id}/assign`, {
      userId: staffId,
      version: 1,
    });
    expect(assigned.body).toMatchObject({
      status: 'assigned',
      assignee: { id: staffId, name: '江北区总工会干事' },
      version: 2,
    });
    expect(
      (
        await gyq.post(`/api/v1/feedback/issues/${id}/resolve`, {
          note: '已更换',
          version: 1,
        })
      ).status,
    ).toBe(409);
    const resolved = await gyq.post(`/api/v1/feedback/issues/${id}/resolve`, {
      note: '已更换新微波炉，欢迎使用',
      version: 2,
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolutionNote: '已更换新微波炉，欢迎使用',
    });
    expect(
      (
        await gyq.post(`/api/v1/feedback/issues/${id}/resolve`, {
          note: '再次',
          version: 3,
        })
      ).status,
    ).toBe(409);

    const mine = await worker.get('/api/v1/feedback/mine');
    expect(mine.body.issues[0]).toMatchObject({
      id,
      status: 'resolved',
      resolutionNote: '已更换新微波炉，欢迎使用',
    });
    expect(mine.body.issues[0].reporter).toBeUndefined();

    const audit = await t.database.query<{ action: string }>('select action from audit_entry where entity_id = $1 order by at', [id]);
    expect(audit.map((a) => a.action)).toEqual(['issue.report', 'issue.assign', 'issue.resolve']);
  });

  it('hides a report from staff of another street: 404, not in their queue, no photo', async () => {
    const worker = await t.loginWorker('13800000064');
    const photo = await uploadPhoto(t, worker, PNG);
    const reported = await worker.post(`/api/v1/feedback/positions/${station.code}/issues`, { category: 'hygiene', text: '垃圾没有清理', photoId: photo.body.id });
    const id = reported.body.id;
    expect((await wld.get(`/api/v1/feedback/issues/${id}`)).status).toBe(404);
    expect(
      (
        await wld.post(`/api/v1/feedback/issues/${id}/resolve`, {
          note: '越权处理',
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect((await wld.get(`/api/v1/feedback/issues/${id}/assignees`)).status).toBe(404);
    const theirs = await wld.get('/api/v1/feedback/issues?pageSize=200');
    expect(theirs.body.items.some((i: { id: string }) => i.id === id)).toBe(false);
    expect((await wld.get(`/api/v1/photos/${photo.body.id}`)).status).toBe(404);
    // Another worker cannot see it either, nor attach the photo.
    const other = await t.loginWorker('13800000065');
    expect((await other.get(`/api/v1/photos/${photo.body.id}`)).status).toBe(404);
    const stolen = await other.post(`/api/v1/feedback/positions/${station.code}/issues`, { category: 'other', text: '借用照片', photoId: photo.body.id });
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors[0].path).toBe('photoId');
  });
});
