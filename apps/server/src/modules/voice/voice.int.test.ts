import { wgs84ToGcj02 } from '@niangjia/contracts/coords';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

// 随手拍 (issue 16, point 3): routing by place, 我也遇到了, the time limit's escalation on a
// controlled clock, the reporter's "not fixed", street scope, and a public map without people.
const clock = createFakeClock(new Date());
let t: TestApp;
let worker: Client;
let neighbour: Client;
let gyq: Client;
let wld: Client;
let jb: Client;
const centre: Record<string, { lng: number; lat: number }> = {};
const HOUR = 3_600_000;

/** The mean place of a street's positions: always inside the street's own (Voronoi) area. */
async function streetCentre(code: string) {
  const [row] = await t.database.query<{ lng: number; lat: number }>(
    `select avg(p.lng)::float8 as lng, avg(p.lat)::float8 as lat from position p join org o on o.id = p.org_id
      where o.path like (select path from org where code = $1) || '%'`,
    [code],
  );
  return { lng: Number(row!.lng), lat: Number(row!.lat) };
}

const file = async (c: Client, body: Record<string, unknown>) => {
  const res = await c.post('/api/v1/voice/reports', { categoryKey: 'public_facility', description: '路灯坏了，晚上很黑', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: string; orgName: string; status: string };
};
const staffView = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/voice/reports/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string; orgId: string; orgName: string; status: string; version: number; meTooCount: number; escalations: number; history: { kind: string; note: string | null }[] };
};

beforeAll(async () => {
  t = await createTestApp({}, { clock, jobRunner: false });
  await t.app.jobs.syncSchedules();
  worker = await t.loginWorker('13800000001');
  neighbour = await t.loginWorker('13900001234');
  [gyq, wld, jb] = [await t.login('gyq.admin'), await t.login('wld.admin'), await t.login('jb.admin')];
  centre.gyq = await streetCentre('JB-GYQ');
  centre.wld = await streetCentre('JB-WLD');
});
afterAll(() => t.close());

describe('随手拍 reports', () => {
  it('routes a report to the street whose area holds its point (a GCJ-02 point converted first), else to the root', async () => {
    const a = await file(worker, { location: { ...centre.gyq, crs: 'wgs84' } });
    expect(a.orgName).toBe('观音桥街道总工会');
    expect(a.number).toMatch(/^SP\d{6}$/);
    const [gLng, gLat] = wgs84ToGcj02(centre.wld!.lng, centre.wld!.lat);
    const b = await file(worker, { location: { lng: gLng, lat: gLat, crs: 'gcj02' } });
    expect(b.orgName).toBe('五里店街道总工会');
    const [stored] = await t.database.query<{ lng: number; lat: number }>('select lng, lat from voice_report where id = $1', [b.id]);
    expect(Math.abs(stored!.lng - centre.wld!.lng)).toBeLessThan(1e-6);
    expect(Math.abs(stored!.lat - centre.wld!.lat)).toBeLessThan(1e-6);
    // Beijing: no district outline holds it; the root of the tree answers.
    const c = await file(worker, { location: { lng: 116.4, lat: 39.9, crs: 'wgs84' } });
    expect(c.orgName).toBe('重庆市总工会');
  });

  it('a street admin sees only the reports of their street; the district sees both', async () => {
    const a = await file(worker, { categoryKey: 'neighbourhood', location: { ...centre.gyq, crs: 'wgs84' } });
    const b = await file(worker, { categoryKey: 'neighbourhood', location: { ...centre.wld, crs: 'wgs84' } });
    const ids = async (c: Client) => ((await c.get('/api/v1/voice/reports?pageSize=200')).body.items as { id: string; orgName: string }[]).map((r) => r.id);
    expect(await ids(gyq)).toContain(a.id);
    expect(await ids(gyq)).not.toContain(b.id);
    expect(await ids(wld)).toContain(b.id);
    expect(await ids(wld)).not.toContain(a.id);
    expect(await ids(jb)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await gyq.get(`/api/v1/voice/reports/${b.id}`)).status).toBe(404);
    // A new report waits in the street's 待办, not in the other street's.
    const todoIds = async (c: Client) =>
      ((await c.get('/api/v1/me/todos?limit=50')).body.groups.find((g: { kind: string }) => g.kind === 'voice_report')?.items.map((i: { id: string }) => i.id) ?? []) as string[];
    expect(await todoIds(gyq)).toContain(a.id);
    expect(await todoIds(gyq)).not.toContain(b.id);
    expect(await todoIds(wld)).toContain(b.id);
    const { items } = (await gyq.get('/api/v1/voice/reports?pageSize=200')).body as { items: { orgId: string }[] };
    const [gyqPath] = await t.database.query<{ path: string }>("select path from org where code = 'JB-GYQ'");
    const paths = await t.database.query<{ id: string; path: string }>('select id, path from org');
    for (const r of items) expect(paths.find((p) => p.id === r.orgId)!.path.startsWith(gyqPath!.path)).toBe(true);
  });

  it('offers a nearby open report of the same category as 我也遇到了; the joiner is counted and hears of replies', async () => {
    const point = { lng: centre.gyq!.lng + 0.0004, lat: centre.gyq!.lat + 0.0003 };
    const a = await file(worker, { categoryKey: 'work_safety', description: '工地围挡倒在人行道上', location: { ...point, crs: 'wgs84' } });
    const near = await neighbour.get(`/api/v1/voice/reports/nearby?categoryKey=work_safety&lng=${point.lng + 0.0005}&lat=${point.lat}`);
    expect(near.status).toBe(200);
    const offered = (near.body.items as { id: string; distanceMetres: number }[]).find((r) => r.id === a.id);
    expect(offered?.distanceMetres).toBeLessThanOrEqual(200);
    expect(JSON.stringify(near.body)).not.toContain('骑手小王');
    // Another category, or 1 km away: not offered.
    expect(((await neighbour.get(`/api/v1/voice/reports/nearby?categoryKey=neighbourhood&lng=${point.lng}&lat=${point.lat}`)).body.items as { id: string }[]).map((r) => r.id)).not.toContain(a.id);
    expect(((await neighbour.get(`/api/v1/voice/reports/nearby?categoryKey=work_safety&lng=${point.lng + 0.01}&lat=${point.lat}`)).body.items as { id: string }[]).map((r) => r.id)).not.toContain(
      a.id,
    );

    const joined = await neighbour.post(`/api/v1/voice/reports/${a.id}/me-too`);
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body).toMatchObject({ isMine: false, meTooCount: 1, description: '' });
    expect((await neighbour.post(`/api/v1/voice/reports/${a.id}/me-too`)).body.meTooCount).toBe(1);
    expect((await worker.post(`/api/v1/voice/reports/${a.id}/me-too`)).body.code).toBe('VOICE_ME_TOO_OWN');
    const view = await staffView(gyq, a.id);
    expect(view.meTooCount).toBe(1);

    const replied = await gyq.post(`/api/v1/voice/reports/${a.id}/reply`, { version: view.version, note: '已通知施工单位今天扶正围挡' });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    for (const c of [worker, neighbour]) {
      const messages = ((await c.get('/api/v1/me/notifications')).body.items as { kind: string; body: string }[]).filter((m) => m.kind === 'voice.reply');
      expect(messages.some((m) => m.body.includes('已通知施工单位今天扶正围挡'))).toBe(true);
    }
    const mine = (await neighbour.get('/api/v1/voice/reports/mine')).body.items as { id: string; history: { kind: string; note: string | null }[] }[];
    expect(mine.find((r) => r.id === a.id)!.history.map((h) => h.kind)).toEqual(['created', 'me_too', 'reply']);
  });

  it('staff merge a duplicate: its reporter follows the other report', async () => {
    const a = await file(worker, { categoryKey: 'occupational_health', location: { ...centre.gyq, crs: 'wgs84' } });
    const b = await file(neighbour, { categoryKey: 'occupational_health', location: { ...centre.gyq, crs: 'wgs84' } });
    const vb = await staffView(gyq, b.id);
    const res = await gyq.post(`/api/v1/voice/reports/${b.id}/merge`, { version: vb.version, intoId: a.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('merged');
    expect((await staffView(gyq, a.id)).meTooCount).toBe(1);
    const mine = (await neighbour.get('/api/v1/voice/reports/mine')).body.items as { id: string; isMine: boolean }[];
    expect(mine.find((r) => r.id === a.id)?.isMine).toBe(false);
  });

  it('resolved asks the reporter: "not fixed" reopens it, confirmed closes it', async () => {
    const a = await file(worker, { location: { ...centre.gyq, crs: 'wgs84' } });
    let v = await staffView(gyq, a.id);
    expect((await neighbour.post(`/api/v1/voice/reports/${a.id}/confirm`)).status).toBe(403);
    expect((await worker.post(`/api/v1/voice/reports/${a.id}/confirm`)).status).toBe(409);
    v = (await gyq.post(`/api/v1/voice/reports/${a.id}/accept`, { version: v.version })).body;
    expect(v.status).toBe('accepted');
    v = (await gyq.post(`/api/v1/voice/reports/${a.id}/resolve`, { version: v.version, note: '路灯已更换' })).body;
    expect(v.status).toBe('resolved');
    const asked = ((await worker.get('/api/v1/me/notifications')).body.items as { kind: string }[]).filter((m) => m.kind === 'voice.resolved');
    expect(asked.length).toBeGreaterThan(0);

    const reopened = await worker.post(`/api/v1/voice/reports/${a.id}/reopen`, { note: '还是不亮' });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(reopened.body.status).toBe('in_progress');
    v = await staffView(gyq, a.id);
    expect(v.status).toBe('in_progress');
    expect(v.history.find((h) => h.kind === 'reopened')?.note).toBe('还是不亮');

    v = (await gyq.post(`/api/v1/voice/reports/${a.id}/resolve`, { version: v.version, note: '换了整套灯具' })).body;
    const closed = await worker.post(`/api/v1/voice/reports/${a.id}/confirm`);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'accepted', 'resolved', 'reopened', 'resolved', 'confirmed']);
  });

  it('staff reassign down into their subtree or up; not sideways', async () => {
    const a = await file(worker, { categoryKey: 'neighbourhood', location: { ...centre.gyq, crs: 'wgs84' } });
    let v = await staffView(gyq, a.id);
    const sideways = await gyq.post(`/api/v1/voice/reports/${a.id}/reassign`, { version: v.version, orgId: await t.orgId('JB-WLD'), reason: '不是我们的' });
    expect(sideways.status).toBe(400);
    const down = await gyq.post(`/api/v1/voice/reports/${a.id}/reassign`, { version: v.version, orgId: await t.orgId('JB-GYQ-TY'), reason: '在桃源社区' });
    expect(down.status, JSON.stringify(down.body)).toBe(200);
    expect(down.body.orgName).toBe('桃源社区工会');
    v = down.body;
    const up = await gyq.post(`/api/v1/voice/reports/${a.id}/reassign`, { version: v.version, orgId: await t.orgId('JB'), reason: '需要区里协调' });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect((await gyq.get(`/api/v1/voice/reports/${a.id}`)).status).toBe(404);
    expect((await staffView(jb, a.id)).history.filter((h) => h.kind === 'reassigned').map((h) => h.note)).toEqual(['在桃源社区', '需要区里协调']);
  });

  it('an overdue report escalates one level up when the sweep runs on the moved clock', async () => {
    const a = await file(worker, { categoryKey: 'work_safety', location: { ...centre.wld, crs: 'wgs84' } });
    expect(a.orgName).toBe('五里店街道总工会');
    clock.advance(23 * HOUR);
    await t.app.jobs.drain();
    expect((await staffView(wld, a.id)).escalations).toBe(0);
    expect((await wld.get(`/api/v1/voice/reports?isOverdue=true&pageSize=200`)).body.items.map((r: { id: string }) => r.id)).not.toContain(a.id);
    clock.advance(2 * HOUR);
    expect((await wld.get(`/api/v1/voice/reports?isOverdue=true&pageSize=200`)).body.items.map((r: { id: string }) => r.id)).toContain(a.id);
    await t.app.jobs.drain();
    const v = await staffView(jb, a.id);
    expect(v.orgName).toBe('江北区总工会');
    expect(v.escalations).toBe(1);
    expect(v.history.at(-1)).toMatchObject({ kind: 'escalated', fromOrgName: '五里店街道总工会', toOrgName: '江北区总工会' });
    expect((await wld.get(`/api/v1/voice/reports/${a.id}`)).status).toBe(404);
    const mine = (await worker.get('/api/v1/voice/reports/mine')).body.items as { id: string; history: { kind: string }[] }[];
    expect(mine.find((r) => r.id === a.id)!.history.at(-1)!.kind).toBe('escalated');
    // At the district it stays: a report belongs to its district (its shard), it is not the federation's.
    clock.advance(200 * HOUR);
    await t.app.jobs.drain();
    const top = await staffView(jb, a.id);
    expect(top).toMatchObject({ orgName: '江北区总工会', escalations: 1 });
    const [row] = await t.database.query<{ n: number }>('select count(*)::int as n from voice_report where district_id <> niangjia_district_of(org_id)');
    expect(row!.n).toBe(0);
  });

  it('photos: the uploader attaches them; staff in scope see them, others do not', async () => {
    const photoId = await worker.uploadPhoto();
    expect((await neighbour.post('/api/v1/voice/reports', { categoryKey: 'other', description: '别人的照片', location: { ...centre.gyq, crs: 'wgs84' }, photoIds: [photoId] })).status).toBe(400);
    const a = await file(worker, { location: { ...centre.gyq, crs: 'wgs84' }, photoIds: [photoId] });
    expect((await gyq.get(`/api/v1/photos/${photoId}`)).status).toBe(200);
    expect((await wld.get(`/api/v1/photos/${photoId}`)).status).toBe(404);
    expect((await neighbour.get(`/api/v1/photos/${photoId}`)).status).toBe(404);
    expect((await staffView(gyq, a.id)).history[0]!.kind).toBe('created');
  });

  it('the public map carries no personal data: no reporter, no text, no ids, a rounded point', async () => {
    const a = await file(worker, { description: '我是王建华，电话13800000001，这里的灯坏了', location: { lng: centre.gyq!.lng + 0.00123, lat: centre.gyq!.lat, crs: 'wgs84' } });
    const res = await t.anon.get('/api/v1/public/voice/reports');
    expect(res.status).toBe(200);
    const [user] = await t.database.query<{ id: string; display_name: string; phone: string }>("select id, display_name, phone from app_user where phone = '13800000001'");
    const reportIds = (await t.database.query<{ id: string }>('select id from voice_report')).map((r) => r.id);
    const forbidden = [user!.id, user!.display_name, user!.phone, '王建华', a.id, ...reportIds];
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') for (const f of forbidden) expect(v.includes(f), `public map leaks ${f}`).toBe(false);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
    };
    walk(res.body);
    expect([...keys].sort()).toEqual(['categories', 'categoryKey', 'createdOn', 'items', 'key', 'lat', 'limitHours', 'lng', 'nameEn', 'nameZh', 'resolvedOn', 'status'].sort());
    for (const item of res.body.items as { lng: number; lat: number }[]) {
      expect(Math.round(item.lng * 1000) / 1000).toBe(item.lng);
      expect(Math.round(item.lat * 1000) / 1000).toBe(item.lat);
    }
    expect((res.body.items as unknown[]).length).toBeGreaterThan(30);
  });

  it('a grid member’s reports are flagged and counted', async () => {
    const res = await gyq.post('/api/v1/voice/grid-members', { phone: '13900001234', orgId: await t.orgId('JB-GYQ') });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = await file(neighbour, { categoryKey: 'other', location: { ...centre.gyq, crs: 'wgs84' } });
    expect(((await gyq.get('/api/v1/voice/reports?isGridMember=true&pageSize=200')).body.items as { id: string }[]).map((r) => r.id)).toContain(a.id);
    const members = (await gyq.get('/api/v1/voice/grid-members')).body.items as { name: string; reports: number }[];
    expect(members.find((m) => m.reports >= 1)).toBeTruthy();
    expect((await wld.post('/api/v1/voice/grid-members', { phone: '13900001234', orgId: await t.orgId('JB-GYQ') })).status).toBe(400);
  });
});
