import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { startDoorSimulator, type DoorSimulator } from './simulator';

/** The embedded broker's own checks (always embedded, also when TEST_MQTT_URL points elsewhere). */
let t: TestApp;
let admin: Client;
let worker: Client;
let positionId: string;
const sims: DoorSimulator[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  worker = await t.loginWorker('13800000002');
  positionId = (await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`))[0]!.id;
});
afterAll(async () => {
  for (const s of sims) await s.close().catch(() => undefined);
  await t.close();
});

async function register() {
  const res = await admin.post('/api/v1/door-controllers', { positionId, name: `门${sims.length}` });
  expect(res.status).toBe(201);
  return res.body as { deviceId: string; secret: string; controller: { id: string; version: number } };
}

async function online(creds: { deviceId: string; secret: string }) {
  const sim = await startDoorSimulator({ mqttUrl: t.app.doorGateway.mqttUrl, deviceId: creds.deviceId, secret: creds.secret });
  sims.push(sim);
  return sim;
}

describe('embedded broker', () => {
  it('the embedded broker refuses wrong credentials and another device’s topics', async () => {
    const a = await register();
    const b = await register();
    await expect(mqtt.connectAsync(t.app.doorGateway.mqttUrl, { clientId: a.deviceId, username: a.deviceId, password: 'wrong', reconnectPeriod: 0 })).rejects.toThrow();
    const simA = await online(a);
    await expect(simA.client.subscribeAsync(`niangjia/v1/doors/${b.deviceId}/cmd`)).rejects.toThrow(/Subscribe error/);
    await expect(simA.client.subscribeAsync('niangjia/v1/doors/+/cmd')).rejects.toThrow(/Subscribe error/);
    // A rotated secret stops the old one.
    const rotated = await admin.post(`/api/v1/door-controllers/${a.controller.id}/rotate-secret`, { version: a.controller.version });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(a.secret);
    await expect(mqtt.connectAsync(t.app.doorGateway.mqttUrl, { clientId: a.deviceId, username: a.deviceId, password: a.secret, reconnectPeriod: 0 })).rejects.toThrow();
    // A device cannot pose as another (client id must be its user name).
    await expect(mqtt.connectAsync(t.app.doorGateway.mqttUrl, { clientId: a.deviceId, username: b.deviceId, password: b.secret, reconnectPeriod: 0 })).rejects.toThrow();
  });

  it('a revoked controller is refused everywhere; edits need the current version', async () => {
    const c = await register();
    await online(c);
    const renamed = await admin.patch(`/api/v1/door-controllers/${c.controller.id}`, { name: '后门', maxDistanceM: 80, version: c.controller.version });
    expect(renamed.body).toMatchObject({ name: '后门', maxDistanceM: 80 });
    expect((await admin.patch(`/api/v1/door-controllers/${c.controller.id}`, { name: '旧版本', version: c.controller.version })).status).toBe(409);
    const revoked = await admin.post(`/api/v1/door-controllers/${c.controller.id}/revoke`, { version: renamed.body.version });
    expect(revoked.body.status).toBe('revoked');
    expect((await t.anon.get(`/api/v1/doors/${c.deviceId}`)).status).toBe(404);
    const scan = await worker.post(`/api/v1/doors/${c.deviceId}/open`, { code: '12345678', requestId: crypto.randomUUID() });
    expect(scan.body.code).toBe('DOOR_CONTROLLER_REVOKED');
    await expect(mqtt.connectAsync(t.app.doorGateway.mqttUrl, { clientId: c.deviceId, username: c.deviceId, password: c.secret, reconnectPeriod: 0 })).rejects.toThrow();
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at`, [c.controller.id]);
    expect(audit.map((a) => a.action)).toEqual(['door_controller.create', 'door_controller.update', 'door_controller.revoke']);
  });

  it('`device simulate` prints the door QR and code, UNLOCKED on a scan, and sends alarms', async () => {
    const c = await register();
    const lines: string[] = [];
    const controller = new AbortController();
    const { simulateDevice } = await import('./device-cli');
    const running = simulateDevice({ config: t.config, deviceId: c.deviceId, secret: c.secret, mqttUrl: t.app.doorGateway.mqttUrl, baseUrl: 'http://door.test', out: (l) => lines.push(l), signal: controller.signal });
    const until = async (check: () => boolean | Promise<boolean>) => {
      for (const deadline = Date.now() + 120_000; Date.now() < deadline && !(await check()); ) await new Promise((r) => setTimeout(r, 50));
    };
    const seen = async () => (await t.database.query(`select 1 from door_controller where device_id = $1 and last_seen_at is not null`, [c.deviceId])).length > 0;
    await until(() => lines.some((l) => l.includes('CODE ')));
    const shown = lines.find((l) => l.includes('CODE '))!;
    expect(shown).toMatch(/[█▀▄]{20,}/);
    const code = /CODE (\d{8})  http:\/\/door\.test\/m\/door\/[\w-]+\?c=\d{8}/.exec(shown)![1]!;
    await until(seen);
    const scan = await worker.post(`/api/v1/doors/${c.deviceId}/open`, { code, requestId: crypto.randomUUID() });
    expect(scan.status, JSON.stringify(scan.body)).toBe(200);
    await until(() => lines.some((l) => l.startsWith('UNLOCKED')));
    expect(lines).toContain(`UNLOCKED ${scan.body.commandId}`);
    controller.abort();
    expect(await running).toBe('simulator stopped');
    expect(await simulateDevice({ config: t.config, deviceId: c.deviceId, secret: c.secret, mqttUrl: t.app.doorGateway.mqttUrl, alarm: 'tamper', out: () => undefined })).toBe('done');
    const alarmsOf = () => t.database.query<{ kind: string }>(`select a.kind from door_alarm a join door_controller d on d.id = a.controller_id where d.device_id = $1`, [c.deviceId]);
    await until(async () => (await alarmsOf()).length > 0);
    const alarms = await t.database.query<{ kind: string }>(`select a.kind from door_alarm a join door_controller d on d.id = a.controller_id where d.device_id = $1`, [c.deviceId]);
    expect(alarms).toEqual([{ kind: 'tamper' }]);
  });
});
