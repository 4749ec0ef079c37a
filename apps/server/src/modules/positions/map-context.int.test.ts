import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { isInRing, loadJiangbeiOutline } from './geo';
import { boundsOfPolygons } from './geo';

let t: TestApp;
let jb: Client;
let gyq: Client;

type Context = {
  boundary: { name: string; kind: string; approximate: boolean; geometry: { coordinates: [number, number][][][] } };
  network: { name: string; isSynthetic: boolean; segments: [number, number, number, number][] } | null;
};

beforeAll(async () => {
  t = await createTestApp();
  jb = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
});
afterAll(() => t.close());

const inside = (ctx: Context, lng: number, lat: number) => ctx.boundary.geometry.coordinates.some((poly) => isInRing(lng, lat, poly[0]!));

describe('map context (issue 10.4)', () => {
  it('draws the district for a district admin and the street for a street admin, each with the network inside', async () => {
    const district = (await jb.get('/api/v1/positions/map-context')).body as Context;
    expect(district.boundary).toMatchObject({ name: '江北区', kind: 'district', approximate: false });
    const street = await gyq.get('/api/v1/positions/map-context');
    expect(street.status, JSON.stringify(street.body)).toBe(200);
    const ctx = street.body as Context;
    expect(ctx.boundary).toMatchObject({ name: '观音桥街道', kind: 'street', approximate: true });
    // The street's area is a small part of the district and holds its own stations, not 五里店's.
    const [w, s, e, n] = boundsOfPolygons(ctx.boundary.geometry.coordinates);
    const [dw, ds, de, dn] = boundsOfPolygons(loadJiangbeiOutline().geometry.coordinates);
    expect((e - w) * (n - s)).toBeLessThan(((de - dw) * (dn - ds)) / 8);
    const stations = await t.database.query<{ code: string; lng: number; lat: number; street: string }>(
      "select p.code, p.lng, p.lat, s.code as street from position p join org o on o.id = p.org_id join org s on o.path like s.path || '%' where s.code in ('JB-GYQ', 'JB-WLD') and s.type = 'street'",
    );
    const mine = stations.filter((r) => r.street === 'JB-GYQ');
    const theirs = stations.filter((r) => r.street === 'JB-WLD');
    expect(mine.filter((r) => inside(ctx, r.lng, r.lat)).length).toBeGreaterThan(mine.length * 0.6);
    expect(theirs.filter((r) => inside(ctx, r.lng, r.lat)).length).toBeLessThan(theirs.length * 0.3);
    // The demo's synthetic network, cut to the street's box (plus a margin): fewer segments than the district's.
    expect(ctx.network).toMatchObject({ isSynthetic: true });
    expect(ctx.network!.segments.length).toBeGreaterThan(50);
    expect(ctx.network!.segments.length).toBeLessThan(district.network!.segments.length / 3);
    for (const [x1, y1] of ctx.network!.segments) {
      expect(x1).toBeGreaterThan(w - 0.01);
      expect(x1).toBeLessThan(e + 0.01);
      expect(y1).toBeGreaterThan(s - 0.01);
      expect(y1).toBeLessThan(n + 0.01);
    }
  });

  it('answers 404 for an org outside the scope and 401 without an account', async () => {
    const wld = await t.orgId('JB-WLD');
    expect((await gyq.get(`/api/v1/positions/map-context?orgId=${wld}`)).status).toBe(404);
    expect((await jb.get(`/api/v1/positions/map-context?orgId=${wld}`)).body.boundary.name).toBe('五里店街道');
    expect((await t.anon.get('/api/v1/positions/map-context')).status).toBe(401);
    expect((await t.anon.get('/api/v1/positions/places?q=观音桥')).status).toBe(401);
  });

  it('finds a street by its division name and a road by the addresses on it, within the scope', async () => {
    const res = await gyq.get(`/api/v1/positions/places?q=${encodeURIComponent('观音桥')}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items[0]).toMatchObject({ kind: 'division', name: '观音桥街道', detail: '江北区' });
    expect(res.body.items.length).toBeGreaterThan(1);
    const road = (await jb.get(`/api/v1/positions/places?q=${encodeURIComponent('五红路')}`)).body.items;
    expect(road[0]).toMatchObject({ kind: 'position', name: '五红路工会户外劳动者服务站', detail: '重庆市江北区五红路' });
    // 五红路 is in 五里店: not in the 观音桥 admin's scope.
    expect((await gyq.get(`/api/v1/positions/places?q=${encodeURIComponent('五红路')}`)).body.items).toEqual([]);
    const blank = await gyq.get('/api/v1/positions/places?q=%20');
    expect(blank.status).toBe(400);
  });

  it('lists every open position publicly for the worker map', async () => {
    const res = await t.anon.get('/api/v1/positions/map-points');
    expect(res.status).toBe(200);
    const n = (await t.database.query<{ n: number }>("select count(*)::int as n from position where status = 'open'"))[0]!.n;
    expect(res.body.items).toHaveLength(n);
    expect(res.body.items[0]).toHaveProperty('locationGcj02');
    expect(Object.keys(res.body.items[0])).not.toContain('operator');
  });
});
