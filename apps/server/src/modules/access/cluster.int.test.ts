import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../db/client';
import { loadSecrets } from '../../platform/secrets';
import { testConfig } from '../../config';
import { createTestApp, Client, type TestApp } from '../../test/harness';
import { testDbKind } from '../../test/test-db';
import { serverMqttPassword } from './gateway';
import { startDoorSimulator, type DoorSimulator } from './simulator';

/**
 * Two app instances on one PostgreSQL database and one broker (Mosquitto when TEST_MQTT_URL is
 * set; otherwise instance A's embedded broker, which B joins as an external broker). Scans go to
 * either instance; each must open the door exactly once and the entry log must hold every scan.
 */
const externalUrl = process.env.TEST_MQTT_URL;

describe.skipIf(testDbKind() !== 'postgres')('two app instances', () => {
  let t: TestApp;
  let secondDb: Database;
  let b: FastifyInstance;
  let sim: DoorSimulator;

  beforeAll(async () => {
    t = await createTestApp(externalUrl ? { mqtt: { ...testConfig().mqtt, url: externalUrl } } : {});
    const url = (t.database.pool!.options as { connectionString: string }).connectionString;
    secondDb = await openDatabase({ databaseUrl: url, poolSize: 5 });
    const brokerUrl = externalUrl ?? t.app.doorGateway.mqttUrl;
    const password = externalUrl ? undefined : serverMqttPassword(loadSecrets({ secret: t.config.secret, dataDir: '/nonexistent', allowGenerate: false }));
    b = await buildApp({ config: { ...t.config, mqtt: { ...t.config.mqtt, url: brokerUrl, username: externalUrl ? undefined : 'niangjia-server', password } }, database: secondDb, logger: false, jobRunner: false });
    await b.ready();
  });
  afterAll(async () => {
    await sim?.close();
    await b?.close();
    await secondDb?.close();
    await t?.close();
  });

  it('opens exactly once per scan whichever instance handles it, with a complete entry log', async () => {
    const admin = await t.login('jb.admin');
    const positionId = (await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`))[0]!.id;
    await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { scanHours: 'always', whoMayEnter: 'real_name', isClosed: false, rateLimitPer10Min: 100, version: 0 });
    const reg = await admin.post('/api/v1/door-controllers', { positionId, name: '双实例测试门' });
    expect(reg.status).toBe(201);
    sim = await startDoorSimulator({ mqttUrl: externalUrl ?? t.app.doorGateway.mqttUrl, deviceId: reg.body.deviceId, secret: reg.body.secret });
    const worker = await t.loginWorker('13800000002');
    // The session cookie is valid on B too: sessions live in the database.
    const onB = new Client(b, worker.cookie, worker.csrf);
    const results = [];
    // One code per 30-s step, all from one reading of the clock: 5 scans use steps base-3..base+1
    // (the door accepts now-4..now+1), so the test may cross a step boundary on a slow machine.
    const { codeStepAt, deriveRotatingCode } = await import('./door-crypto');
    const base = codeStepAt(new Date());
    for (let i = 0; i < 5; i++) {
      const code = deriveRotatingCode(reg.body.secret, reg.body.deviceId, base + 1 - i);
      const via = i % 2 === 0 ? worker : onB;
      results.push(via.post(`/api/v1/doors/${reg.body.deviceId}/open`, { code, requestId: randomUUID() }));
    }
    const answers = await Promise.all(results);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const commandIds = answers.map((a) => a.body.commandId as string);
    expect(new Set(commandIds).size).toBe(5);
    expect([...sim.unlocks].sort()).toEqual([...commandIds].sort());
    // The same code on both instances at once: one opens, the other is refused as used.
    // A step none of the scans used, inside the window as it is now.
    const code = deriveRotatingCode(reg.body.secret, reg.body.deviceId, codeStepAt(new Date()) > base ? base + 2 : base - 4);
    const race = await Promise.all([worker.post(`/api/v1/doors/${reg.body.deviceId}/open`, { code, requestId: randomUUID() }), onB.post(`/api/v1/doors/${reg.body.deviceId}/open`, { code, requestId: randomUUID() })]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(sim.unlocks).toHaveLength(6);
    const entries = await t.database.query<{ result: string; n: number }>(`select result, count(*)::int as n from door_entry where device_id = $1 group by result order by result`, [reg.body.deviceId]);
    expect(entries).toEqual([
      { result: 'opened', n: 6 },
      { result: 'refused', n: 1 },
    ]);
  }, 240_000);
});
