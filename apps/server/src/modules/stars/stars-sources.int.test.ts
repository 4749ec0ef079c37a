import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { makeStation, SEVEN, today } from './testing';

// Where the stars get figures from outside the module: the district's configured facility
// standard (positions) and the smart doors' usage (access).
let t: TestApp;
let jb: Client;
let gyq: Client;
const year = Number(today().slice(0, 4));
const scores = { hours_kept: 10, cleanliness: 10, usage: 10 };
type Criterion = { key: string; basis: string; fraction: number | null };

beforeAll(async () => {
  t = await createTestApp();
  [jb, gyq] = await Promise.all([t.login('jb.admin'), t.login('gyq.admin')]);
});
afterAll(() => t.close());

const resultOf = async (id: string) => {
  const list = await jb.get(`/api/v1/stars?year=${year}&pageSize=200`);
  expect(list.status).toBe(200);
  return list.body.items.find((r: { position: { id: string } }) => r.position.id === id).result;
};

describe('stars from other modules', () => {
  it("rates facilities against the district's own standard, not only the built-in 七个一", async () => {
    const station = await makeStation(t, gyq, { code: 'JB-T-STD1', org: 'JB-GYQ', facilities: [...SEVEN] });
    expect((await gyq.post('/api/v1/stars/inspections', { positionId: station.id, inspectedOn: today(), scores })).status).toBe(201);
    expect((await resultOf(station.id)).missingFacilities).toEqual([]);

    const put = await jb.request('PUT', `/api/v1/facility-standards/${await t.orgId('JB')}`, {
      name: '江北标准',
      items: [...SEVEN.map((key) => ({ key })), { key: 'air_conditioner', label: '空调' }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const rated = await resultOf(station.id);
    expect(rated.missingFacilities).toEqual(['air_conditioner']);
    expect(rated.warnings).toContain('FACILITIES_MISSING');
    expect(rated.criteria.find((c: Criterion) => c.key === 'facilities').fraction).toBeCloseTo(7 / 8, 3);
  });

  it('takes usage and hours kept from the smart doors of a station that has them; others keep the inspector’s points', async () => {
    const smart = (await jb.get('/api/v1/positions?q=JB-RS-HQHG')).body.items[0];
    const plain = await makeStation(t, gyq, { code: 'JB-T-NODOOR', org: 'JB-GYQ', facilities: [...SEVEN] });
    // An opened entry today, so the year has door usage whatever the date.
    await t.database.query(
      `insert into door_entry (position_id, org_id, controller_id, device_id, at, result)
       select c.position_id, c.org_id, c.id, c.device_id, now(), 'opened' from door_controller c where c.position_id = $1 limit 1`,
      [smart.id],
    );
    for (const p of [smart, plain]) expect((await jb.post('/api/v1/stars/inspections', { positionId: p.id, inspectedOn: today(), scores })).status).toBe(201);

    const smartCriteria: Criterion[] = (await resultOf(smart.id)).criteria;
    for (const key of ['usage', 'hours_kept']) {
      const c = smartCriteria.find((x) => x.key === key)!;
      expect(c.basis).toBe('access');
      expect(c.fraction).toBeGreaterThan(0);
      expect(c.fraction).toBeLessThanOrEqual(1);
    }
    const plainCriteria: Criterion[] = (await resultOf(plain.id)).criteria;
    expect(plainCriteria.find((x) => x.key === 'usage')).toMatchObject({ basis: 'inspections', fraction: 1 });
  });
});
