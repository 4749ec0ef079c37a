import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { loadDataKeys } from '../../platform/pii';
import { writeMosquittoFiles } from './device-cli';

/**
 * Per-device credentials on Mosquitto: the files `device mosquitto-files` writes let each controller
 * in with its own secret and keep it to its own topics. Needs the mosquitto binary (CI installs it).
 */
const MOSQUITTO = '/usr/sbin/mosquitto';
const hasMosquitto = fs.existsSync(MOSQUITTO);
if (process.env.CI === 'true' && !hasMosquitto) throw new Error('CI=true needs Mosquitto (/usr/sbin/mosquitto)');

describe.skipIf(!hasMosquitto)('Mosquitto with generated password and ACL files', () => {
  let t: TestApp;
  let broker: ChildProcess;
  let url: string;
  let dir: string;
  let a: { deviceId: string; secret: string };
  let b: { deviceId: string; secret: string };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('jb.admin');
    const positionId = (await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`))[0]!.id;
    a = (await admin.post('/api/v1/door-controllers', { positionId, name: 'A' })).body;
    b = (await admin.post('/api/v1/door-controllers', { positionId, name: 'B' })).body;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-mosq-'));
    const dataKeys = loadDataKeys({ dataKey: t.config.dataKey, dataDir: dir, allowGenerate: false });
    await writeMosquittoFiles({ database: t.database, dataKeys, outDir: dir, serverUser: 'niangjia-server', serverPassword: 'server-pass-0123456789' });
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'm.conf'), `listener ${port} 127.0.0.1\nallow_anonymous false\npassword_file ${dir}/passwd\nacl_file ${dir}/acl\npersistence false\n`);
    fs.chmodSync(path.join(dir, 'passwd'), 0o644);
    broker = spawn(MOSQUITTO, ['-c', path.join(dir, 'm.conf')], { stdio: 'ignore' });
    url = `mqtt://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const ok = await new Promise<boolean>((r) => {
        const sock = net.connect(port, '127.0.0.1');
        sock.once('connect', () => (sock.destroy(), r(true)));
        sock.once('error', () => r(false));
      });
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    broker?.kill();
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets a controller in with its own secret only, and only to its own topics', async () => {
    await expect(mqtt.connectAsync(url, { clientId: a.deviceId, username: a.deviceId, password: 'wrong', reconnectPeriod: 0 })).rejects.toThrow();
    await expect(mqtt.connectAsync(url, { clientId: 'anon', reconnectPeriod: 0 })).rejects.toThrow();
    const devA = await mqtt.connectAsync(url, { clientId: a.deviceId, username: a.deviceId, password: a.secret, reconnectPeriod: 0 });
    const server = await mqtt.connectAsync(url, { clientId: 'srv', username: 'niangjia-server', password: 'server-pass-0123456789', reconnectPeriod: 0 });
    const devB = await mqtt.connectAsync(url, { clientId: b.deviceId, username: b.deviceId, password: b.secret, reconnectPeriod: 0 });
    const seenByB: string[] = [];
    devB.on('message', (topic) => seenByB.push(topic));
    await devB.subscribeAsync(`niangjia/v1/doors/${b.deviceId}/cmd`, { qos: 1 });
    // A tries to reach B's command topic (publish is silently dropped by Mosquitto's ACL) and to read it.
    await devA.publishAsync(`niangjia/v1/doors/${b.deviceId}/cmd`, 'x', { qos: 1 });
    // Mosquitto 2 may grant the subscription but never delivers what the ACL does not let A read.
    const seenByA: string[] = [];
    devA.on('message', (topic) => seenByA.push(topic));
    await devA.subscribeAsync(`niangjia/v1/doors/${b.deviceId}/cmd`, { qos: 1 }).catch(() => undefined);
    // The server can reach B.
    await server.publishAsync(`niangjia/v1/doors/${b.deviceId}/cmd`, 'y', { qos: 1 });
    // B gets the server's message; A's publish went first and the broker keeps the order, so by
    // then A's would have arrived too had the ACL let it through.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && seenByB.length === 0; ) await new Promise((r) => setTimeout(r, 50));
    expect(seenByB).toEqual([`niangjia/v1/doors/${b.deviceId}/cmd`]);
    expect(seenByA).toEqual([]);
    await Promise.all([devA.endAsync(), devB.endAsync(), server.endAsync()]);
  });
});
