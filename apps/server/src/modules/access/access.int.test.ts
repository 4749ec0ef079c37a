import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { loadSecrets } from '../../platform/secrets';
import { codeStepAt, createMessage, deriveRotatingCode } from './door-crypto';
import { serverMqttPassword } from './gateway';
import { startDoorSimulator, type DoorSimulator } from './simulator';

// Against the embedded broker by default; against Mosquitto (or any broker) when TEST_MQTT_URL is set.
const externalUrl = process.env.TEST_MQTT_URL;
if (process.env.CI === 'true' && !externalUrl) throw new Error('CI=true needs TEST_MQTT_URL (a Mosquitto broker; .ci/run starts one)');

let t: TestApp;
let admin: Client;
let member: Client;
let positionId: string;
const sims: DoorSimulator[] = [];

const until = async (check: () => Promise<boolean> | boolean, ms = 120_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
};

async function register(over: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/door-controllers', { positionId, name: `测试门${sims.length}`, ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { deviceId: string; secret: string; staticCode: string | null; controller: { id: string; version: number } };
}

async function online(creds: { deviceId: string; secret: string }, opts: Partial<Parameters<typeof startDoorSimulator>[0]> = {}) {
  const sim = await startDoorSimulator({ mqttUrl: t.app.doorGateway.mqttUrl, deviceId: creds.deviceId, secret: creds.secret, ...opts });
  sims.push(sim);
  await until(async () => (await t.database.query(`select 1 from door_controller where device_id = $1 and last_seen_at is not null`, [creds.deviceId])).length > 0);
  return sim;
}

const open = (who: Client, deviceId: string, code: string, extra: Record<string, unknown> = {}) => who.post(`/api/v1/doors/${deviceId}/open`, { code, requestId: randomUUID(), ...extra });

beforeAll(async () => {
  t = await createTestApp(externalUrl ? { mqtt: { ...testConfig().mqtt, url: externalUrl } } : {});
  admin = await t.login('jb.admin');
  member = await t.loginWorker('13800000002');
  positionId = (await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`))[0]!.id;
  await t.database.query(`update position set contact_phone = '023-67001234' where id = $1`, [positionId]);
  // Many scans by one worker here: lift the rate limit except in its own test.
  await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { scanHours: 'always', whoMayEnter: 'real_name', isClosed: false, rateLimitPer10Min: 100, version: 0 });
});
afterAll(async () => {
  for (const s of sims) await s.close().catch(() => undefined);
  await t.close();
});

describe('scan to open', () => {
  it('opens the door once: signed command reaches the controller, ack answers the worker, the entry is logged', async () => {
    const creds = await register();
    const sim = await online(creds);
    const res = await open(member, creds.deviceId, sim.currentCode());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ result: 'opened', contactPhone: '023-67001234' });
    expect(sim.unlocks).toEqual([res.body.commandId]);
    const entries = await admin.get(`/api/v1/door-entries?controllerId=${creds.controller.id}`);
    expect(entries.body.items).toHaveLength(1);
    expect(entries.body.items[0]).toMatchObject({ result: 'opened', reason: null, commandId: res.body.commandId, personName: expect.any(String), phoneMasked: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/) });
    // The controller list shows it online.
    const list = await admin.get(`/api/v1/door-controllers?positionId=${positionId}`);
    expect(list.body.items.find((c: { id: string }) => c.id === creds.controller.id)).toMatchObject({ isOnline: true });
  });

  it('refuses a used, an expired, another door’s and a made-up code, each logged with its reason', async () => {
    const a = await register();
    const b = await register();
    const simA = await online(a);
    const simB = await online(b);
    const code = simA.currentCode();
    expect((await open(member, a.deviceId, code)).status).toBe(200);
    const used = await open(member, a.deviceId, code);
    expect(used.status).toBe(409);
    expect(used.body).toMatchObject({ code: 'DOOR_CODE_USED', contactPhone: '023-67001234', stationName: expect.any(String) });
    const old = deriveRotatingCode(a.secret, a.deviceId, codeStepAt(new Date()) - 10);
    expect((await open(member, a.deviceId, old)).body.code).toBe('DOOR_CODE_EXPIRED');
    expect((await open(member, a.deviceId, simB.currentCode())).body.code).toBe('DOOR_CODE_WRONG_DOOR');
    expect((await open(member, a.deviceId, '12345678')).body.code).toBe('DOOR_CODE_INVALID');
    expect(simA.unlocks).toHaveLength(1);
    const refused = await admin.get(`/api/v1/door-entries?controllerId=${a.controller.id}&result=refused`);
    expect(refused.body.items.map((e: { reason: string }) => e.reason).sort()).toEqual(['DOOR_CODE_EXPIRED', 'DOOR_CODE_INVALID', 'DOOR_CODE_USED', 'DOOR_CODE_WRONG_DOOR']);
  });

  it('asks for a real name first (not for membership), then opens; members-only policy refuses non-members', async () => {
    const creds = await register();
    const sim = await online(creds);
    const newcomer = await t.loginWorker('13912345678');
    const s0 = codeStepAt(new Date());
    const tap = { code: deriveRotatingCode(creds.secret, creds.deviceId, s0), requestId: randomUUID() };
    const first = await newcomer.post(`/api/v1/doors/${creds.deviceId}/open`, tap);
    expect(first.status).toBe(403);
    expect(first.body.code).toBe('DOOR_NEEDS_REAL_NAME');
    const door = await t.anon.get(`/api/v1/doors/${creds.deviceId}`);
    const bad = await newcomer.post('/api/v1/members/me/person', { realName: '陈新来', idNumber: '110105194912310021', employmentForm: 'delivery_rider', orgId: door.body.station.orgId });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('idNumber');
    expect((await newcomer.get('/api/v1/members/me')).body.person).toBeNull();
    const saved = await newcomer.post('/api/v1/members/me/person', { realName: '陈新来', idNumber: '11010519491231002X', employmentForm: 'delivery_rider', orgId: door.body.station.orgId });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.membership).toBeNull();
    // The same tap (same requestId) is checked afresh after the form: a refusal is not replayed.
    expect((await newcomer.post(`/api/v1/doors/${creds.deviceId}/open`, tap)).status).toBe(200);

    const policy = await admin.get(`/api/v1/positions/${positionId}/door-policy`);
    const put = await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { ...policy.body, positionId: undefined, whoMayEnter: 'members' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const members = await open(newcomer, creds.deviceId, deriveRotatingCode(creds.secret, creds.deviceId, s0 - 1));
    expect(members.body.code).toBe('DOOR_MEMBERS_ONLY');
    const closed = await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { ...put.body, positionId: undefined, whoMayEnter: 'real_name', isClosed: true, closedNote: '维修' });
    expect(closed.status).toBe(200);
    const refusal = await open(member, creds.deviceId, sim.currentCode());
    expect(refusal.body.code).toBe('DOOR_STATION_CLOSED');
    expect(refusal.body.detail).toContain('维修');
    // Scans only in a custom range that does not hold the current Shanghai time.
    const hh = (h: number) => `${String(((h % 24) + 24) % 24).padStart(2, '0')}:00`;
    const nowHour = (new Date().getUTCHours() + 8) % 24;
    const custom = await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { ...closed.body, positionId: undefined, isClosed: false, scanHours: 'custom', customRanges: [{ start: hh(nowHour + 2), end: hh(nowHour + 3) === '00:00' ? '24:00' : hh(nowHour + 3) }] });
    expect(custom.status, JSON.stringify(custom.body)).toBe(200);
    expect((await open(member, creds.deviceId, sim.currentCode())).body.code).toBe('DOOR_OUTSIDE_SCAN_HOURS');
    await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { ...custom.body, positionId: undefined, scanHours: 'always', customRanges: [] });
    // A stale version is refused.
    expect((await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { ...closed.body, positionId: undefined })).status).toBe(409);
  });

  it('refuses a banned worker and a worker over the rate limit', async () => {
    const creds = await register();
    const sim = await online(creds);
    const ban = await admin.post('/api/v1/door-bans', { positionId, phone: '13800000002', reason: '多次损坏设施' });
    expect(ban.status, JSON.stringify(ban.body)).toBe(201);
    expect((await open(member, creds.deviceId, sim.currentCode())).body.code).toBe('DOOR_USER_BANNED');
    expect((await admin.delete(`/api/v1/door-bans/${ban.body.id}`)).status).toBe(204);
    // By the account of an entry-log row; phone and account together are refused.
    const userId = (await t.database.query<{ id: string }>(`select id from app_user where phone = '13800000002'`))[0]!.id;
    const byUser = await admin.post('/api/v1/door-bans', { positionId, userId, reason: '测试按账号禁止' });
    expect(byUser.status, JSON.stringify(byUser.body)).toBe(201);
    expect(byUser.body.phoneMasked).toBe('138****0002');
    expect((await open(member, creds.deviceId, sim.currentCode())).body.code).toBe('DOOR_USER_BANNED');
    expect((await admin.delete(`/api/v1/door-bans/${byUser.body.id}`)).status).toBe(204);
    const both = await admin.post('/api/v1/door-bans', { positionId, userId, phone: '13800000002', reason: '两个都填' });
    expect(both.status).toBe(400);

    const policy = (await admin.get(`/api/v1/positions/${positionId}/door-policy`)).body;
    await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { ...policy, positionId: undefined, rateLimitPer10Min: 2 });
    const spammer = await t.loginWorker('13912340000');
    await spammer.post('/api/v1/members/me/person', { realName: '赵多次', idNumber: '110105199003071239', employmentForm: 'courier', orgId: (await t.anon.get(`/api/v1/doors/${creds.deviceId}`)).body.station.orgId });
    const codes = ['11111111', '22222222', '33333333'];
    const answers = [];
    for (const c of codes) answers.push((await open(spammer, creds.deviceId, c)).body.code);
    expect(answers).toEqual(['DOOR_CODE_INVALID', 'DOOR_CODE_INVALID', 'DOOR_RATE_LIMITED']);
    const latest = (await admin.get(`/api/v1/positions/${positionId}/door-policy`)).body;
    await admin.request('PUT', `/api/v1/positions/${positionId}/door-policy`, { ...latest, positionId: undefined, rateLimitPer10Min: 100 });
  });

  it('answers DOOR_CONTROLLER_OFFLINE, DOOR_NO_ACK after 3 s and DOOR_DEVICE_REFUSED, with the station phone', async () => {
    const silent = await register();
    const never = await open(member, silent.deviceId, deriveRotatingCode(silent.secret, silent.deviceId, codeStepAt(new Date())));
    expect(never.status).toBe(503);
    expect(never.body).toMatchObject({ code: 'DOOR_CONTROLLER_OFFLINE', contactPhone: '023-67001234' });

    const stuck = await register();
    const sim = await online(stuck, { ackMode: 'none' });
    const s0 = codeStepAt(new Date());
    const started = Date.now();
    const noAck = await open(member, stuck.deviceId, deriveRotatingCode(stuck.secret, stuck.deviceId, s0));
    expect(noAck.status).toBe(504);
    expect(noAck.body.code).toBe('DOOR_NO_ACK');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    sim.setAckMode('refuse');
    const refused = await open(member, stuck.deviceId, deriveRotatingCode(stuck.secret, stuck.deviceId, s0 - 1));
    expect(refused.body.code).toBe('DOOR_DEVICE_REFUSED');
    const entries = (await admin.get(`/api/v1/door-entries?controllerId=${stuck.controller.id}`)).body.items;
    expect(entries.map((e: { result: string; reason: string }) => `${e.result}:${e.reason}`).sort()).toEqual(['failed:DOOR_DEVICE_REFUSED', 'failed:DOOR_NO_ACK']);
  }, 240_000);

  it('a retried tap (same requestId) gets the first answer and never a second unlock', async () => {
    const creds = await register();
    const sim = await online(creds);
    const body = { code: sim.currentCode(), requestId: randomUUID() };
    const first = await member.post(`/api/v1/doors/${creds.deviceId}/open`, body);
    const again = await member.post(`/api/v1/doors/${creds.deviceId}/open`, body);
    expect(first.status).toBe(200);
    expect(again.body.commandId).toBe(first.body.commandId);
    expect(sim.unlocks).toHaveLength(1);
  });

  it('a static printed code needs the phone within the distance (GCJ-02 converted)', async () => {
    const creds = await register({ codeMode: 'static', maxDistanceM: 100 });
    expect(creds.staticCode).toMatch(/^\d{8}$/);
    // Staffed all day: outside staffed hours a printed code never opens (access-security.int.test.ts).
    const allDay = [{ start: '00:00', end: '24:00' }];
    await t.database.query(`update position set weekly_hours = $2::jsonb, exceptions = '[]'::jsonb where id = $1`, [positionId, JSON.stringify(Array(7).fill(allDay))]);
    await online(creds);
    const p = (await t.database.query<{ lng: number; lat: number }>(`select lng, lat from position where id = $1`, [positionId]))[0]!;
    expect((await open(member, creds.deviceId, creds.staticCode!)).body.code).toBe('DOOR_LOCATION_REQUIRED');
    const far = await open(member, creds.deviceId, creds.staticCode!, { location: { lng: p.lng + 0.01, lat: p.lat, crs: 'wgs84' } });
    expect(far.body.code).toBe('DOOR_TOO_FAR');
    // The raw WGS-84 point read as GCJ-02 is ~500 m off in Chongqing: converted, it is far.
    expect((await open(member, creds.deviceId, creds.staticCode!, { location: { lng: p.lng, lat: p.lat, crs: 'gcj02' } })).body.code).toBe('DOOR_TOO_FAR');
    const { wgs84ToGcj02 } = await import('../positions/geo/coords');
    const [glng, glat] = wgs84ToGcj02(p.lng, p.lat);
    const ok = await open(member, creds.deviceId, creds.staticCode!, { location: { lng: glng, lat: glat, crs: 'gcj02' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});

describe('device messages', () => {
  it('refuses and logs forged and replayed device messages; raises alarms; staff acknowledge and resolve', async () => {
    const creds = await register();
    const sim = await online(creds);
    const sent = await sim.sendAlarm('forced_open');
    await until(async () => (await admin.get(`/api/v1/door-alarms?status=open&positionId=${positionId}`)).body.items.some((a: { deviceId: string }) => a.deviceId === creds.deviceId));
    // Replay the very same signed message, and send a forged one (wrong key).
    await sim.publishRaw('event', JSON.stringify(sent));
    const forged = createMessage('not-the-secret', { type: 'event', deviceId: creds.deviceId, id: randomUUID(), body: { kind: 'held_open' } });
    await sim.publishRaw('event', JSON.stringify(forged));
    const stale = createMessage(creds.secret, { type: 'heartbeat', deviceId: creds.deviceId, id: randomUUID(), ts: Date.now() - 5 * 60_000, body: {} });
    await sim.publishRaw('heartbeat', JSON.stringify(stale));
    await until(async () => (await t.database.query(`select 1 from door_rejected_message where device_id = $1`, [creds.deviceId])).length >= 3);
    const reasons = (await t.database.query<{ reason: string }>(`select reason from door_rejected_message where device_id = $1 order by reason`, [creds.deviceId])).map((r) => r.reason);
    expect(reasons).toEqual(['bad_signature', 'replay', 'stale']);
    const alarms = (await admin.get(`/api/v1/door-alarms?positionId=${positionId}`)).body.items.filter((a: { deviceId: string }) => a.deviceId === creds.deviceId);
    expect(alarms.map((a: { kind: string }) => a.kind)).toEqual(['forced_open']);

    const summary = await admin.get('/api/v1/door-alarms/summary');
    expect(summary.body.open).toBeGreaterThanOrEqual(1);
    const ack = await admin.post(`/api/v1/door-alarms/${alarms[0].id}/acknowledge`, { version: alarms[0].version });
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedByName: expect.any(String) });
    const resolved = await admin.post(`/api/v1/door-alarms/${alarms[0].id}/resolve`, { version: ack.body.version, note: '已检查门锁' });
    expect(resolved.body).toMatchObject({ status: 'resolved', note: '已检查门锁' });
    expect((await admin.post(`/api/v1/door-alarms/${alarms[0].id}/acknowledge`, { version: resolved.body.version })).status).toBe(409);
  });

  it('measures a message before parsing or checking its signature: too large or too deep is refused, and the gateway goes on', async () => {
    const creds = await register();
    const sim = await online(creds);
    const deep = `{"v":1,"type":"event","deviceId":"${creds.deviceId}","id":"${randomUUID()}","ts":${Date.now()},"nonce":"00000000000000000000","sig":"x","body":{"kind":"tamper","detail":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    await sim.publishRaw('event', deep.slice(0, 8000).replace(/\[+$/, '') + '['.repeat(50) + ']'.repeat(50) + '}}');
    await sim.publishRaw('event', deep);
    await until(async () => (await t.database.query(`select 1 from door_rejected_message where device_id = $1`, [creds.deviceId])).length >= 2, 5000);
    const reasons = (await t.database.query<{ reason: string }>(`select reason from door_rejected_message where device_id = $1 order by reason`, [creds.deviceId])).map((r) => r.reason);
    expect(reasons).toEqual(['too_deep', 'too_large']);
    // Still listening: a genuine alarm after them is handled.
    await sim.sendAlarm('tamper');
    await until(async () => (await admin.get(`/api/v1/door-alarms?status=open&positionId=${positionId}`)).body.items.some((a: { deviceId: string; kind: string }) => a.deviceId === creds.deviceId && a.kind === 'tamper'));
  });

  it('a forged unlock published by someone else is not executed by the controller', async () => {
    const creds = await register();
    const refusals: string[] = [];
    const sim = await online(creds, { onRefuse: (r) => refusals.push(r) });
    // The server's own client can publish anywhere: use it as the "attacker on the broker".
    const forged = createMessage('wrong-secret', { type: 'unlock', deviceId: creds.deviceId, id: randomUUID(), body: { expiresAt: Date.now() + 10_000 } });
    const evil = await mqtt.connectAsync(t.app.doorGateway.mqttUrl, externalUrl ? {} : { username: 'niangjia-server', password: serverMqttPassword(loadSecrets({ secret: t.config.secret, dataDir: '/nonexistent', allowGenerate: false })) });
    await evil.publishAsync(`niangjia/v1/doors/${creds.deviceId}/cmd`, JSON.stringify(forged), { qos: 1 });
    await until(() => refusals.length > 0);
    expect(refusals).toEqual(['bad_signature']);
    expect(sim.unlocks).toEqual([]);
    await evil.endAsync();
  });

  it('marks a silent controller offline with one offline alarm', async () => {
    const creds = await register();
    await online(creds);
    await t.database.query(`update door_controller set last_seen_at = now() - interval '10 minutes' where device_id = $1`, [creds.deviceId]);
    await t.app.doorGateway.sweepOffline();
    await t.app.doorGateway.sweepOffline();
    const rows = await t.database.query(`select a.kind from door_alarm a join door_controller c on c.id = a.controller_id where c.device_id = $1`, [creds.deviceId]);
    expect(rows).toEqual([{ kind: 'offline' }]);
    const c = await admin.get(`/api/v1/door-controllers/${(await t.database.query<{ id: string }>(`select id from door_controller where device_id = $1`, [creds.deviceId]))[0]!.id}`);
    expect(c.body.isOnline).toBe(false);
  });
});

describe('console', () => {
  it('gives usage per day with unique visitors and the after-hours share; scope hides other districts', async () => {
    const usage = await admin.get(`/api/v1/positions/${positionId}/usage?granularity=day`);
    expect(usage.status, JSON.stringify(usage.body)).toBe(200);
    expect(usage.body.totals.visits).toBeGreaterThan(10);
    expect(usage.body.totals.afterHoursShare).toBeGreaterThan(0);
    expect(usage.body.buckets[0].bucket).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    const { getPositionUsage } = await import('./index');
    const year = await getPositionUsage(t.database.db, positionId, new Date().getUTCFullYear());
    expect(year.visits).toBeGreaterThan(0);
    expect(year.hoursKept).toBeGreaterThan(0);
    const outsider = await t.login('wld.admin');
    expect((await outsider.get(`/api/v1/positions/${positionId}/door-policy`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/positions/${positionId}/usage`)).status).toBe(404);
    expect((await outsider.post('/api/v1/door-controllers', { positionId, name: '越权' })).status).toBe(404);
    const theirs = await outsider.get(`/api/v1/door-entries?positionId=${positionId}`);
    expect(theirs.body.total).toBe(0);
  });

  it('refuses bad input with 400 and shows the secret only at registration', async () => {
    const bad = await admin.post('/api/v1/door-controllers', { positionId, name: '', codeMode: 'laser' });
    expect(bad.status).toBe(400);
    const creds = await register();
    const fetched = await admin.get(`/api/v1/door-controllers/${creds.controller.id}`);
    expect(JSON.stringify(fetched.body)).not.toContain(creds.secret);
    const row = (await t.database.query<{ secret_enc: string }>(`select secret_enc from door_controller where id = $1`, [creds.controller.id]))[0]!;
    expect(row.secret_enc).not.toContain(creds.secret);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1`, [creds.controller.id]);
    expect(audit.map((a) => a.action)).toEqual(['door_controller.create']);
  });
});
