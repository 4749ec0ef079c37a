import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let jb: Client;
let gyq: Client;
let jbId: string;
let gyqId: string;

beforeAll(async () => {
  t = await createTestApp();
  jb = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
  jbId = await t.orgId('JB');
  gyqId = await t.orgId('JB-GYQ');
});
afterAll(() => t.close());

const SEVEN = ['table_chairs', 'microwave', 'rice_cooker', 'kettle', 'fan', 'phone_charger', 'first_aid_kit'];

/** A Guanyinqiao rest station with exactly these facilities. */
async function stationWith(facilities: string[]): Promise<{ id: string; code: string }> {
  const [row] = await t.database.query<{ id: string; code: string }>(
    "update position set facilities = $1 where id = (select p.id from position p join org o on o.id = p.org_id where o.code = 'JB-GYQ' and p.type = 'rest_station' and p.status = 'open' order by p.code limit 1) returning id, code",
    [facilities],
  );
  return row!;
}

describe('facility standards', () => {
  it('falls back to the built-in 七个一 where no federation or district set one', async () => {
    const res = await gyq.get(`/api/v1/facility-standards/${gyqId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      isDefault: true,
      isOwn: false,
      org: null,
      version: null,
    });
    expect(res.body.items.map((i: { key: string }) => i.key)).toEqual(SEVEN);
  });

  it('lists a station lacking an item, with what it lacks, filtered by street, type and item', async () => {
    const station = await stationWith(SEVEN.filter((k) => k !== 'kettle' && k !== 'fan'));
    const res = await gyq.get(`/api/v1/facility-standards/shortfalls?orgId=${gyqId}&type=rest_station&item=kettle&pageSize=200`);
    expect(res.status).toBe(200);
    const row = res.body.items.find((r: { position: { id: string } }) => r.position.id === station.id);
    expect(row).toMatchObject({
      missing: ['kettle', 'fan'],
      standardName: '七个一',
      org: { code: 'JB-GYQ' },
    });
    expect(res.body.items.every((r: { missing: string[]; org: { code: string } }) => r.missing.includes('kettle') && r.org.code === 'JB-GYQ')).toBe(true);
    expect(res.body.byItem.kettle).toBeGreaterThanOrEqual(1);
    expect(res.body.checked).toBeGreaterThanOrEqual(res.body.total);
    // Give it everything: it leaves the list.
    await stationWith(SEVEN);
    const after = await gyq.get(`/api/v1/facility-standards/shortfalls?orgId=${gyqId}&pageSize=200`);
    expect(after.body.items.some((r: { position: { id: string } }) => r.position.id === station.id)).toBe(false);
    const checklist = await gyq.get(`/api/v1/positions/${station.id}/checklist`);
    expect(checklist.body.missing).toEqual([]);
  });

  it("sets a district's own standard with a version, and positions below are checked against it", async () => {
    const station = await stationWith([...SEVEN]);
    const put = await jb.request('PUT', `/api/v1/facility-standards/${jbId}`, {
      name: '江北标准',
      items: [...SEVEN.map((key) => ({ key })), { key: 'air_conditioner', label: '空调（夏季）' }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({
      isOwn: true,
      isDefault: false,
      name: '江北标准',
      version: 1,
      org: { code: 'JB' },
    });
    const inherited = await gyq.get(`/api/v1/facility-standards/${gyqId}`);
    expect(inherited.body).toMatchObject({
      isOwn: false,
      name: '江北标准',
      org: { code: 'JB' },
    });
    const checklist = await gyq.get(`/api/v1/positions/${station.id}/checklist`);
    expect(checklist.body.missing).toEqual(['air_conditioner']);
    expect(checklist.body.items.at(-1)).toEqual({
      key: 'air_conditioner',
      label: '空调（夏季）',
      has: false,
    });
    const shortfalls = await gyq.get(`/api/v1/facility-standards/shortfalls?orgId=${gyqId}&item=air_conditioner&pageSize=200`);
    expect(shortfalls.body.items.some((r: { position: { id: string }; standardName: string }) => r.position.id === station.id && r.standardName === '江北标准')).toBe(true);

    const stale = await jb.request('PUT', `/api/v1/facility-standards/${jbId}`, { name: '江北标准2', items: [{ key: 'kettle' }] });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const next = await jb.request('PUT', `/api/v1/facility-standards/${jbId}`, {
      name: '江北标准2',
      items: [{ key: 'kettle' }],
      version: 1,
    });
    expect(next.body).toMatchObject({ version: 2, name: '江北标准2' });
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_type = 'facility_standard' order by at");
    expect(audit.map((a) => a.action)).toEqual(['facility_standard.create', 'facility_standard.update']);

    const removed = await jb.delete(`/api/v1/facility-standards/${jbId}`);
    expect(removed.body).toMatchObject({ isDefault: true });
  });

  it('refuses a street standard, a duplicate or unknown item and an out-of-scope org', async () => {
    const street = await gyq.request('PUT', `/api/v1/facility-standards/${gyqId}`, { name: '街道标准', items: [{ key: 'kettle' }] });
    expect(street.status).toBe(400);
    expect(street.body.code).toBe('STANDARD_ORG_TYPE');
    const dup = await jb.request('PUT', `/api/v1/facility-standards/${jbId}`, {
      name: '重复',
      items: [{ key: 'kettle' }, { key: 'kettle' }],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toEqual([{ path: 'items.1.key', message: '标准中同一设施出现了两次' }]);
    const unknown = await jb.request('PUT', `/api/v1/facility-standards/${jbId}`, { name: '未知', items: [{ key: 'sauna' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('items.0.key');
    expect((await gyq.get(`/api/v1/facility-standards/${jbId}`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/facility-standards/shortfalls?orgId=${jbId}`)).status).toBe(404);
    const wldStation = (await t.database.query<{ id: string }>("select p.id from position p join org o on o.id = p.org_id where o.code = 'JB-WLD' limit 1"))[0]!;
    expect((await gyq.get(`/api/v1/positions/${wldStation.id}/checklist`)).status).toBe(404);
    // Without an org filter a street admin sees only their street.
    const own = await gyq.get('/api/v1/facility-standards/shortfalls?pageSize=200');
    expect(own.body.items.every((r: { org: { code: string } }) => r.org.code.startsWith('JB-GYQ'))).toBe(true);
  });
});
