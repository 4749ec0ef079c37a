import { randomUUID } from 'node:crypto';
import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

// Issue 9.6: the door-ban list turned any phone number into a real name across scopes, and a
// printed static code (checked only against the location the phone asserts) opened the door at
// night for whoever had photographed it.

let t: TestApp;
let gyq: Client;
let worker: Client;
let gyqPosition: { id: string; code: string };

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const setStaffedHours = (positionId: string, day: { start: string; end: string }[]) =>
  t.database.query(`update position set weekly_hours = $2::jsonb, exceptions = '[]'::jsonb where id = $1`, [positionId, JSON.stringify([day, day, day, day, day, day, day])]);

beforeAll(async () => {
  t = await createTestApp();
  gyq = await t.login('gyq.admin');
  worker = await t.loginWorker('13700000401');
  // A worker elsewhere in the district, with a real name, who never came near 观音桥.
  const stranger = await t.loginWorker('13700000402');
  expect((await stranger.post('/api/v1/members/me/person', { realName: '李远方', idNumber: idNumber('11010119900307001'), employmentForm: 'courier', orgId: await t.orgId('JB-WLD') })).status).toBe(200);
  const [p] = await t.database.query<{ id: string; code: string }>(
    `select p.id, p.code from position p join org o on o.id = p.org_id where o.path like (select path from org where code = 'JB-GYQ') || '%' order by p.code limit 1`,
  );
  gyqPosition = p!;
});
afterAll(() => t.close());

describe('door bans', () => {
  it('do not turn a typed phone number into a name the staff member could not already see', async () => {
    const ban = await gyq.post('/api/v1/door-bans', { positionId: gyqPosition.id, phone: '13700000402', reason: '测试：陌生号码' });
    expect(ban.status, JSON.stringify(ban.body)).toBe(201);
    const list = await gyq.get(`/api/v1/door-bans?positionId=${gyqPosition.id}`);
    const row = list.body.items.find((b: { id: string }) => b.id === ban.body.id);
    expect(row).toMatchObject({ phoneMasked: '137****0402', personName: null });
    expect(JSON.stringify(list.body)).not.toContain('李远方');
  });

  it('name someone who has entered this station (the name is in its entry log already)', async () => {
    expect((await worker.post('/api/v1/members/me/person', { realName: '王来过', idNumber: idNumber('11010119910405002'), employmentForm: 'courier', orgId: await t.orgId('JB-GYQ') })).status).toBe(200);
    const [u] = await t.database.query<{ id: string }>(`select id from app_user where phone = '13700000401'`);
    await t.database.query(
      `insert into door_entry (at, position_id, org_id, device_id, user_id, person_name, phone_masked, result, reason, is_after_hours)
       select now(), p.id, p.org_id, 'd-test', $2, '王来过', '137****0401', 'refused', 'DOOR_CODE_INVALID', false from position p where p.id = $1`,
      [gyqPosition.id, u!.id],
    );
    const ban = await gyq.post('/api/v1/door-bans', { positionId: gyqPosition.id, phone: '13700000401', reason: '测试：来过的人' });
    const list = await gyq.get(`/api/v1/door-bans?positionId=${gyqPosition.id}`);
    expect(list.body.items.find((b: { id: string }) => b.id === ban.body.id)).toMatchObject({ personName: '王来过' });
  });
});

describe('static (printed) door codes', () => {
  async function staticDoor() {
    const res = await gyq.post('/api/v1/door-controllers', { positionId: gyqPosition.id, name: `侧门${randomUUID().slice(0, 4)}`, codeMode: 'static', maxDistanceM: 100 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await gyq.request('PUT', `/api/v1/positions/${gyqPosition.id}/door-policy`, { scanHours: 'always', whoMayEnter: 'real_name', isClosed: false, rateLimitPer10Min: 100, version: (await gyq.get(`/api/v1/positions/${gyqPosition.id}/door-policy`)).body.version });
    return res.body as { deviceId: string; staticCode: string };
  }
  let scanner: Client;
  beforeAll(async () => {
    scanner = await t.loginWorker('13700000403');
    expect((await scanner.post('/api/v1/members/me/person', { realName: '夜班骑手', idNumber: idNumber('11010119920506003'), employmentForm: 'delivery_rider', orgId: await t.orgId('JB-GYQ') })).status).toBe(200);
  });
  const at = async () => (await t.database.query<{ lng: number; lat: number }>('select lng, lat from position where id = $1', [gyqPosition.id]))[0]!;

  it('do not open outside staffed hours, wherever the phone says it is: the rotating code is needed then', async () => {
    const door = await staticDoor();
    await setStaffedHours(gyqPosition.id, []);
    const p = await at();
    const res = await scanner.post(`/api/v1/doors/${door.deviceId}/open`, { code: door.staticCode, requestId: randomUUID(), location: { lng: p.lng, lat: p.lat, crs: 'wgs84' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DOOR_ROTATING_CODE_REQUIRED');
    const [entry] = await t.database.query<{ reason: string; is_after_hours: boolean }>(`select reason, is_after_hours from door_entry where device_id = $1 order by at desc limit 1`, [door.deviceId]);
    expect(entry).toEqual({ reason: 'DOOR_ROTATING_CODE_REQUIRED', is_after_hours: true });
  });

  it('still go through to the location check while staff are there', async () => {
    const door = await staticDoor();
    await setStaffedHours(gyqPosition.id, ALL_DAY);
    const res = await scanner.post(`/api/v1/doors/${door.deviceId}/open`, { code: door.staticCode, requestId: randomUUID() });
    expect(res.body.code).toBe('DOOR_LOCATION_REQUIRED');
  });
});
