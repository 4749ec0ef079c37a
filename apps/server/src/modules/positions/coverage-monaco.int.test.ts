import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAuditContext } from '../../platform/audit/audit.service';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { computeCoverage } from './coverage.compute';
import { loadMonaco, dataFile } from './geo/testing';
import { createNetworkService } from './network.service';

// A run over a real OpenStreetMap extract (Monaco, data/SOURCE.md), from the API to the stored figures.
let t: TestApp;
let gyq: Client;
let gyqId: string;
const spots: [string, number, number][] = [
  ['JB-RS-MCA', 7.4246, 43.7384],
  ['JB-RS-MCB', 7.42, 43.731],
  ['JB-RS-MCC', 7.428, 43.74],
];

beforeAll(async () => {
  t = await createTestApp();
  gyq = await t.login('gyq.admin');
  gyqId = await t.orgId('JB-GYQ');
  for (const [code, lng, lat] of spots) {
    const res = await gyq.post('/api/v1/positions', {
      code,
      name: `摩纳哥测试驿站 ${code}`,
      type: 'rest_station',
      orgId: gyqId,
      address: 'Monaco',
      location: { lng, lat, crs: 'wgs84' },
      schedule: { is24h: true, weekly: [[], [], [], [], [], [], []], exceptions: [] },
      serves: ['riders'],
      facilities: [],
      status: 'open',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  await createNetworkService({ db: t.database.db }).importFile(dataFile('monaco.osm.gz'), { orgId: gyqId }, systemAuditContext('test'));
});
afterAll(() => t.close());

describe('a coverage run on the Monaco extract', () => {
  it('stores exactly what the geo core computes for the same network and positions', async () => {
    const areas = await gyq.get('/api/v1/coverage-areas');
    expect(areas.body.items).toEqual([expect.objectContaining({ org: expect.objectContaining({ code: 'JB-GYQ' }), network: expect.objectContaining({ name: 'monaco', isSynthetic: false, edgeCount: 5050 }) })]);
    const started = await gyq.post('/api/v1/coverage-runs', { areaOrgId: gyqId, candidates: 5 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    let run = started.body;
    for (const deadline = Date.now() + 600_000; Date.now() < deadline && (run.status === 'queued' || run.status === 'running'); ) {
      await t.app.jobs.drain();
      run = (await gyq.get(`/api/v1/coverage-runs/${run.id}`)).body;
    }
    expect(run.status, JSON.stringify(run)).toBe('succeeded');
    // The street's own Chongqing stations are open too, but nowhere near Monaco's streets.
    expect(run.unsnappedCount).toBe(run.stationCount - spots.length);

    const { graph } = await loadMonaco();
    const expected = await computeCoverage(graph, { positions: spots.map(([, lng, lat]) => ({ lng, lat })), minutes: 15, speedKmh: 4.5, candidateCount: 5 });
    expect(run.totalLengthM).toBeCloseTo(expected.totalLengthM, 6);
    expect(run.coveredLengthM).toBeCloseTo(expected.coveredLengthM, 6);
    expect(run.lengthShare).toBeGreaterThan(0.2);
    expect(run.lengthShare).toBeLessThan(1);
    expect(run.candidates.map((c: { lng: number; lat: number }) => [c.lng, c.lat])).toEqual(expected.candidates.map((c) => [c.lng, c.lat]));
    expect(run.network).toMatchObject({ name: 'monaco', isSynthetic: false });
  });
});
