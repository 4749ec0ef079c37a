import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAuditContext } from '../../platform/audit/audit.service';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { haversineMetres } from './geo';
import { dataFile } from './geo/testing';
import { loadNetworkGraph } from './network.repository';
import { createNetworkService, serializeWalkGraph } from './network.service';

let t: TestApp;
let jb: Client;
const origin = { lng: 7.423, lat: 43.737 };
const spots: [string, number, number][] = [
  ['JB-RS-MC1', 7.4246, 43.7384],
  ['JB-RS-MC2', 7.42, 43.731],
  ['JB-RS-MC3', 7.428, 43.74],
];

beforeAll(async () => {
  t = await createTestApp();
  jb = await t.login('jb.admin');
  const orgId = await t.orgId('JB-GYQ');
  for (const [code, lng, lat] of spots) {
    const res = await jb.post('/api/v1/positions', {
      code,
      name: `摩纳哥测试驿站 ${code}`,
      type: 'rest_station',
      orgId,
      address: 'Monaco',
      location: { lng, lat, crs: 'wgs84' },
      schedule: { is24h: true, weekly: [[], [], [], [], [], [], []], exceptions: [] },
      serves: ['riders'],
      facilities: [],
      status: 'open',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(() => t.close());

const nearestUrl = `/api/v1/positions/nearest?lat=${origin.lat}&lng=${origin.lng}&crs=wgs84&limit=3`;

describe('street networks', () => {
  it('without a network, nearest is the straight line × 1.3', async () => {
    const res = await t.anon.get(nearestUrl);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items.every((i: { estimated: boolean }) => i.estimated)).toBe(true);
  });

  it('imports an extract for an area, replacing the earlier one, with an audit entry', async () => {
    const networks = createNetworkService({ db: t.database.db });
    const orgId = await t.orgId('JB-GYQ');
    const first = await networks.importFile(dataFile('monaco.osm.gz'), { orgId }, systemAuditContext('test'));
    expect(first).toMatchObject({ nodeCount: 4717, edgeCount: 5050, format: 'xml.gz', name: 'monaco', sourceFile: 'monaco.osm.gz' });
    expect(first.lengthM / 1000).toBeCloseTo(81.2, 0);
    expect(first.minLng).toBeLessThan(origin.lng);
    expect(first.maxLat).toBeGreaterThan(origin.lat);
    // Let the app load and cache the first network, then replace it.
    expect((await t.anon.get(nearestUrl)).body.items[0].estimated).toBe(false);
    const second = await networks.importFile(dataFile('monaco.osm.gz'), { orgId, name: 'Monaco again' }, systemAuditContext('test'));
    const rows = await t.database.query<{ id: string; name: string }>('select id, name from street_network where org_id = $1', [orgId]);
    expect(rows).toEqual([{ id: second.id, name: 'Monaco again' }]);
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where action = 'network.import' and org_id = $1", [orgId]);
    expect(audit).toHaveLength(2);
  });

  it('reads a stored graph piece by piece into shared memory, byte for byte the stored one', async () => {
    const [row] = await t.database.query<{ id: string }>('select id from street_network where org_id = $1', [await t.orgId('JB-GYQ')]);
    const stored = (await loadNetworkGraph(t.database.db, row!.id))!;
    const graph = (await createNetworkService({ db: t.database.db, graphPieceBytes: 10_000 }).loadGraph(row!.id))!;
    expect(stored.graph.length).toBeGreaterThan(20 * 10_000);
    expect(graph.lng.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.compare(serializeWalkGraph(graph), stored.graph)).toBe(0);
  });

  it('measures nearest along the streets, sorted, never shorter than the straight line', async () => {
    const res = await t.anon.get(nearestUrl);
    expect(res.status).toBe(200);
    const items = res.body.items as { position: { code: string; location: { lng: number; lat: number } }; distanceMeters: number; walkMinutes: number; estimated: boolean }[];
    expect(items.map((i) => i.position.code).sort()).toEqual(spots.map((s) => s[0]).sort());
    for (const item of items) {
      expect(item.estimated).toBe(false);
      const straight = haversineMetres(origin.lng, origin.lat, item.position.location.lng, item.position.location.lat);
      expect(item.distanceMeters).toBeGreaterThanOrEqual(Math.floor(straight));
      expect(item.walkMinutes).toBe(Math.max(1, Math.round(item.distanceMeters / 75)));
    }
    const distances = items.map((i) => i.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('leaves points outside every network estimated', async () => {
    const res = await t.anon.get('/api/v1/positions/nearest?lat=29.58&lng=106.53&crs=wgs84&limit=3');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: { estimated: boolean }) => i.estimated)).toBe(true);
  });
});
