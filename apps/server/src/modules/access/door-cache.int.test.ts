import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, openSecondInstance, type TestApp } from '../../test/harness';

/**
 * Each instance keeps a copy of the doors it has scanned (controller, station, policy: door-cache.ts).
 * A change made on instance A must be honoured by scans on instance B (on PGlite both are one app,
 * which still proves the trigger → NOTIFY → drop path). Waits for the state, never for a time.
 */
let t: TestApp;
let second: Awaited<ReturnType<typeof openSecondInstance>>;
let admin: Client;
let onA: Client;
let onB: Client;
let positionId: string;

const until = async (check: () => Promise<boolean>, ms = 120_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('condition not met in time');
};

/** A scan with a made-up code: which refusal it gets shows which door config the instance used. */
const scanRefusal = async (who: Client, deviceId: string) => (await who.post(`/api/v1/doors/${deviceId}/open`, { code: '000000', requestId: randomUUID() })).body.code as string;

async function savePolicy(values: Record<string, unknown>) {
  const current = await admin.get(`/api/v1/positions/${positionId}/door-policy`);
  const res = await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { scanHours: 'always', whoMayEnter: 'real_name', isClosed: false, rateLimitPer10Min: 100, ...values, version: current.body.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  second = await openSecondInstance(t);
  admin = await t.login('jb.admin');
  positionId = (await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`))[0]!.id;
  await savePolicy({});
  onA = await t.loginWorker('13800000002');
  // The session lives in the database: the same cookie works on B.
  onB = new Client(second.app, onA.cookie, onA.csrf);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

describe('door copies on two instances', () => {
  it('a policy closed and reopened on A is honoured by scans on B', async () => {
    const reg = await admin.post('/api/v1/door-controllers', { positionId, name: '缓存测试门1' });
    expect(reg.status).toBe(201);
    const deviceId = reg.body.deviceId as string;
    // B scans first, so it holds a copy of the door while it is open.
    expect(await scanRefusal(onB, deviceId)).toBe('DOOR_CODE_INVALID');
    await savePolicy({ isClosed: true, closedNote: '装修' });
    await until(async () => (await scanRefusal(onB, deviceId)) === 'DOOR_STATION_CLOSED');
    await savePolicy({ isClosed: false });
    await until(async () => (await scanRefusal(onB, deviceId)) === 'DOOR_CODE_INVALID');
    // Every refused scan is in the entry log, with its reason.
    const reasons = await t.database.query<{ reason: string }>(`select distinct reason from door_entry where device_id = $1`, [deviceId]);
    expect(reasons.map((r) => r.reason).sort()).toEqual(['DOOR_CODE_INVALID', 'DOOR_STATION_CLOSED']);
  }, 240_000);

  it('a controller revoked on A is refused by B, and so is a station closed in the positions module', async () => {
    const reg = await admin.post('/api/v1/door-controllers', { positionId, name: '缓存测试门2' });
    const deviceId = reg.body.deviceId as string;
    expect(await scanRefusal(onB, deviceId)).toBe('DOOR_CODE_INVALID');
    const revoked = await admin.post(`/api/v1/door-controllers/${reg.body.controller.id}/revoke`, { version: reg.body.controller.version });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    await until(async () => (await scanRefusal(onB, deviceId)) === 'DOOR_CONTROLLER_REVOKED');

    const other = await admin.post('/api/v1/door-controllers', { positionId, name: '缓存测试门3' });
    expect(await scanRefusal(onB, other.body.deviceId)).toBe('DOOR_CODE_INVALID');
    // The station itself changes (any write to it): its doors' copies are dropped too.
    await t.database.query(`update position set status = 'suspended', version = version + 1 where id = $1`, [positionId]);
    try {
      await until(async () => (await scanRefusal(onB, other.body.deviceId)) === 'DOOR_STATION_CLOSED');
    } finally {
      await t.database.query(`update position set status = 'open', version = version + 1 where id = $1`, [positionId]);
    }
    await until(async () => (await scanRefusal(onB, other.body.deviceId)) === 'DOOR_CODE_INVALID');
  }, 240_000);

  it('a copy that missed its notification still never opens a revoked door: the write re-checks the version', async () => {
    const reg = await admin.post('/api/v1/door-controllers', { positionId, name: '缓存测试门4' });
    const deviceId = reg.body.deviceId as string;
    const { codeStepAt, deriveRotatingCode } = await import('./door-crypto');
    // A's copy of the door, taken while it is active.
    expect(await scanRefusal(onA, deviceId)).toBe('DOOR_CODE_INVALID');
    // Revoked behind every instance's back: no trigger, so no NOTIFY.
    await t.database.exec(`begin; set local session_replication_role = replica; update door_controller set status = 'revoked', version = version + 1 where device_id = '${deviceId}'; commit;`);
    const res = await onA.post(`/api/v1/doors/${deviceId}/open`, { code: deriveRotatingCode(reg.body.secret, deviceId, codeStepAt(new Date())), requestId: randomUUID() });
    expect(res.body.code).toBe('DOOR_CONTROLLER_REVOKED');
    const entries = await t.database.query<{ result: string; reason: string }>(`select result, reason from door_entry where device_id = $1 order by at`, [deviceId]);
    expect(entries.at(-1)).toEqual({ result: 'refused', reason: 'DOOR_CONTROLLER_REVOKED' });
    expect(await t.database.query(`select 1 from door_command c join door_controller d on d.id = c.controller_id where d.device_id = $1`, [deviceId])).toHaveLength(0);
  }, 240_000);
});
