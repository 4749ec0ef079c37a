import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { gcj02ToWgs84, wgs84ToGcj02 } from './geo';

let t: TestApp;
let gyq: Client;
let wld: Client;
const day = (start: string, end: string) => [0, 1, 2, 3, 4, 5, 6].map(() => [{ start, end }]);
const body = (over: Record<string, unknown> = {}) => ({
  code: 'JB-RS-T001',
  name: '测试工会驿站',
  type: 'rest_station',
  address: '重庆市江北区观音桥建新北路',
  location: { lng: 106.531, lat: 29.579, crs: 'gcj02' },
  schedule: { is24h: false, weekly: day('08:00', '18:00'), exceptions: [] },
  serves: ['riders'],
  facilities: ['table_chairs', 'kettle'],
  status: 'open',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  gyq = await t.login('gyq.admin');
  wld = await t.login('wld.admin');
});
afterAll(() => t.close());

describe('positions', () => {
  it('stores a GCJ-02 point as WGS-84 and gives both back', async () => {
    const res = await gyq.post('/api/v1/positions', body({ orgId: await t.orgId('JB-GYQ') }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [lng, lat] = gcj02ToWgs84(106.531, 29.579);
    expect(res.body.location.lng).toBeCloseTo(lng, 5);
    expect(res.body.location.lat).toBeCloseTo(lat, 5);
    // The offset in Chongqing is a few hundred metres, so the two must differ.
    expect(Math.abs(res.body.location.lng - 106.531)).toBeGreaterThan(0.002);
    expect(res.body.locationGcj02.lng).toBeCloseTo(106.531, 5);
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_id = $1", [res.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['position.create']);
  });

  it('is scoped to the owning org and edits with the version', async () => {
    const created = (await gyq.post('/api/v1/positions', body({ code: 'JB-RS-T002', orgId: await t.orgId('JB-GYQ-LH') }))).body;
    expect((await wld.get(`/api/v1/positions/${created.id}`)).status).toBe(404);
    const foreign = await wld.post('/api/v1/positions', body({ code: 'JB-RS-T003', orgId: await t.orgId('JB-GYQ') }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('orgId');
    const edited = await gyq.patch(`/api/v1/positions/${created.id}`, { version: created.version, name: '测试工会驿站（改）' });
    expect(edited.status).toBe(200);
    const stale = await gyq.patch(`/api/v1/positions/${created.id}`, { version: created.version, name: '过期' });
    expect(stale.status).toBe(409);
  });

  it('refuses overlapping hours and an unlabelled point', async () => {
    const weekly = day('08:00', '18:00');
    weekly[2] = [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }];
    const overlap = await gyq.post('/api/v1/positions', body({ code: 'JB-RS-T004', orgId: await t.orgId('JB-GYQ'), schedule: { is24h: false, weekly, exceptions: [] } }));
    expect(overlap.status).toBe(400);
    expect(overlap.body.errors[0]).toMatchObject({ path: 'schedule.weekly.2', message: '同一天的开放时段有重叠' });
    const noCrs = await gyq.post('/api/v1/positions', body({ code: 'JB-RS-T005', orgId: await t.orgId('JB-GYQ'), location: { lng: 106.5, lat: 29.5 } }));
    expect(noCrs.body.errors[0].path).toBe('location.crs');
  });

  it('finds the nearest open stations without an account, estimated along a straight line', async () => {
    // A point by the 红旗河沟 station, as a phone (GCJ-02) reports it.
    const hq = (await t.database.query<{ lng: number; lat: number }>("select lng, lat from position where code = 'JB-RS-HQHG'"))[0]!;
    const [gLng, gLat] = wgs84ToGcj02(hq.lng, hq.lat);
    const res = await t.anon.get(`/api/v1/positions/nearest?lat=${gLat}&lng=${gLng}&crs=gcj02&openNow=false&limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.items[0].position.code).toBe('JB-RS-HQHG');
    expect(res.body.items[0].distanceMeters).toBeLessThan(5);
    expect(res.body.items.every((i: { estimated: boolean }) => i.estimated)).toBe(true);
    const distances = res.body.items.map((i: { distanceMeters: number }) => i.distanceMeters);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const far = res.body.items[4];
    expect(far.walkMinutes).toBe(Math.max(1, Math.round(far.distanceMeters / 75)));
    const bad = await t.anon.get('/api/v1/positions/nearest?lat=999&lng=106.5');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.lat');
  });

  it('gives the district outline in WGS-84 and no tiles by default, without an account', async () => {
    const res = await t.anon.get('/api/v1/positions/map-layers');
    expect(res.status).toBe(200);
    expect(res.body.tiles).toEqual({ url: null, crs: 'gcj02' });
    expect(res.body.outline.properties.adcode).toBe(500105);
    const [lng, lat] = res.body.outline.geometry.coordinates[0][0][0];
    expect(lng).toBeGreaterThan(106.4);
    expect(lng).toBeLessThan(106.9);
    expect(lat).toBeGreaterThan(29.4);
    expect(lat).toBeLessThan(29.8);
  });

  it('lists the demo network: about 107 rest stations and the other kinds', async () => {
    const district = await t.login('jb.admin');
    const stations = await district.get('/api/v1/positions?type=rest_station&pageSize=1');
    expect(stations.body.total).toBeGreaterThanOrEqual(100);
    for (const type of ['service_center', 'workers_home', 'mothers_room', 'driver_home', 'canteen']) {
      expect((await district.get(`/api/v1/positions?type=${type}&pageSize=1`)).body.total, type).toBeGreaterThan(0);
    }
    const always = await district.get('/api/v1/positions?openNow=true&pageSize=200');
    expect(always.body.items.every((p: { isOpenNow: boolean }) => p.isOpenNow)).toBe(true);
    expect(always.body.items.some((p: { code: string }) => p.code === 'JB-RS-HQHG')).toBe(true); // 24 h
  });

  it('finds the true nearest even with thousands of positions crowded just beside the point', async () => {
    // 6,000 open stations in a 300 m disc 1 km east; the real nearest lies 500 m west of the point.
    // A search that reads a capped, unordered box of rows misses some of them.
    const [lng, lat] = [106.55, 29.6];
    const orgId = await t.orgId('JB-GYQ');
    await t.database.query(
      `insert into position (code, name, type, org_id, address, lng, lat, is_24h, weekly_hours, status)
       select 'CROWD-' || g, '拥挤驿站' || g, 'rest_station', $1, '测试', $2 + 0.0103 + 0.003 * sqrt(random()) * cos(g), $3 + 0.0027 * sqrt(random()) * sin(g), true, '[[],[],[],[],[],[],[]]'::jsonb, 'open'
       from generate_series(1, 6000) g`,
      [orgId, lng, lat],
    );
    await t.database.query(
      `insert into position (code, name, type, org_id, address, lng, lat, is_24h, weekly_hours, status)
       values ('NEAR-WEST', '西边最近驿站', 'rest_station', $1, '测试', $2 - 0.0052, $3, true, '[[],[],[],[],[],[],[]]'::jsonb, 'open')`,
      [orgId, lng, lat],
    );
    const all = await t.database.query<{ code: string; lng: number; lat: number }>("select code, lng, lat from position where status = 'open'");
    const metres = (p: { lng: number; lat: number }) => Math.hypot((p.lng - lng) * Math.cos((lat * Math.PI) / 180), p.lat - lat) * 111_195;
    const expected = all.sort((a, b) => metres(a) - metres(b)).slice(0, 8).map((p) => p.code);
    const res = await t.anon.get(`/api/v1/positions/nearest?lat=${lat + 0.001}&lng=${lng + 0.006}&crs=wgs84&openNow=false&limit=8`);
    expect(res.status).toBe(200);
    const near = await t.anon.get(`/api/v1/positions/nearest?lat=${lat}&lng=${lng}&crs=wgs84&openNow=false&limit=8`);
    expect(near.body.items.map((i: { position: { code: string } }) => i.position.code)).toEqual(expected);
    expect(expected[0]).toBe('NEAR-WEST');
  });
});
