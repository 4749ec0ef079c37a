import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { decryptField, type DataKeys } from '../../platform/pii';
import { doorController } from './access.tables';
import { DEMO_DOORS } from './demo-doors';
import { codeStepAt, TOPIC_ROOT } from './door-crypto';
import { SECRET_PURPOSE } from './gateway';
import { startDoorSimulator } from './simulator';
import { renderTerminalQr } from './terminal-qr';

const ALARMS = ['held_open', 'forced_open', 'power_lost', 'power_restored', 'tamper'] as const;
type AlarmKind = (typeof ALARMS)[number];

/**
 * `device simulate`: a door controller in the terminal. Prints the rotating code as a QR of the
 * door URL every 30 s, prints UNLOCKED <commandId> for each valid unlock, and sends alarms
 * (--alarm KIND once, or keys: f forced open, h held open, p power lost, r power restored, t tamper, q quit).
 */
export async function simulateDevice(opts: { config: Config; deviceId: string; secret?: string | undefined; mqttUrl?: string | undefined; alarm?: string | undefined; isStatic?: boolean; baseUrl?: string | undefined; out?: (line: string) => void; signal?: AbortSignal }): Promise<string> {
  const out = opts.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const secret = opts.secret ?? DEMO_DOORS.find((d) => d.deviceId === opts.deviceId)?.secret;
  if (!secret) throw new Error('--secret is needed (it was shown once when the controller was registered)');
  if (opts.alarm && !ALARMS.includes(opts.alarm as AlarmKind)) throw new Error(`--alarm must be one of ${ALARMS.join(', ')}`);
  const mqttUrl = opts.mqttUrl ?? opts.config.mqtt.url ?? `mqtt://127.0.0.1:${opts.config.mqtt.port || 1883}`;
  const baseUrl = (opts.baseUrl ?? opts.config.publicUrl ?? `http://localhost:${opts.config.port}`).replace(/\/$/, '');
  const sim = await startDoorSimulator({ mqttUrl, deviceId: opts.deviceId, secret, onUnlock: (id) => out(`UNLOCKED ${id}`), onRefuse: (reason, id) => out(`REFUSED ${id ?? '-'} ${reason}`) });
  out(`connected to ${mqttUrl} as ${opts.deviceId}`);
  if (opts.alarm) {
    await sim.sendAlarm(opts.alarm as AlarmKind);
    out(`ALARM ${opts.alarm} sent`);
    await sim.close();
    return 'done';
  }
  let lastStep = -1;
  const showCode = () => {
    const step = codeStepAt(new Date());
    if (step === lastStep) return;
    lastStep = step;
    const code = opts.isStatic ? sim.staticCode() : sim.currentCode();
    const url = `${baseUrl}/m/door/${opts.deviceId}?c=${code}`;
    out(`\n${renderTerminalQr(url)}\nCODE ${code}  ${url}\n(keys: f forced open · h held open · p power lost · r power restored · t tamper · q quit)`);
  };
  showCode();
  const timer = setInterval(showCode, 1000);
  return new Promise<string>((resolve) => {
    const stop = () => {
      clearInterval(timer);
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      if (process.stdin.isTTY) {
        process.stdin.setRawMode(false);
        process.stdin.pause();
      }
      void sim.close().then(() => resolve('simulator stopped'));
    };
    const keys: Record<string, AlarmKind> = { f: 'forced_open', h: 'held_open', p: 'power_lost', r: 'power_restored', t: 'tamper' };
    if (process.stdin.isTTY) {
      process.stdin.setRawMode(true);
      process.stdin.resume();
      process.stdin.on('data', (data) => {
        const key = data.toString();
        if (key === 'q' || key === '\u0003') return stop();
        const kind = keys[key];
        if (kind) void sim.sendAlarm(kind).then(() => out(`ALARM ${kind} sent`));
      });
    }
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    opts.signal?.addEventListener('abort', stop, { once: true });
  });
}

/** Mosquitto's PBKDF2-SHA512 password hash ($7$, mosquitto_passwd 2.x): 101 iterations, 12-byte salt. */
export function mosquittoPasswordHash(password: string, salt = randomBytes(12)): string {
  const hash = pbkdf2Sync(password, salt, 101, 64, 'sha512');
  return `$7$101$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * `device mosquitto-files --out DIR`: a password file (every active controller: user = device id,
 * password = its secret; plus the server's user) and an ACL file that keeps each device to its own
 * topics (%u = the user name). Mosquitto re-reads both on SIGHUP; regenerate after registering,
 * rotating or revoking a controller.
 */
export async function writeMosquittoFiles(opts: { database: Database; dataKeys: DataKeys; outDir: string; serverUser: string; serverPassword: string }): Promise<string> {
  const rows = await opts.database.db.select().from(doorController).where(eq(doorController.status, 'active'));
  const lines = [`${opts.serverUser}:${mosquittoPasswordHash(opts.serverPassword)}`];
  for (const c of rows) lines.push(`${c.deviceId}:${mosquittoPasswordHash(decryptField(opts.dataKeys, SECRET_PURPOSE, c.secretEnc))}`);
  const acl = [
    '# Generated by `npm run cli -- device mosquitto-files`: door protocol v1 (docs/door-protocol.md)',
    `user ${opts.serverUser}`,
    `topic readwrite ${TOPIC_ROOT}/#`,
    `topic read $share/niangjia/${TOPIC_ROOT}/#`,
    '',
    '# every other user is a door controller whose user name is its device id',
    `pattern read ${TOPIC_ROOT}/%u/cmd`,
    `pattern write ${TOPIC_ROOT}/%u/up/+`,
    '',
  ].join('\n');
  fs.mkdirSync(opts.outDir, { recursive: true });
  fs.writeFileSync(path.join(opts.outDir, 'passwd'), `${lines.join('\n')}\n`, { mode: 0o600 });
  fs.writeFileSync(path.join(opts.outDir, 'acl'), acl);
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
  return `Wrote ${path.join(opts.outDir, 'passwd')} (${rows.length} controllers + ${opts.serverUser}, ${digest}) and ${path.join(opts.outDir, 'acl')}.\nIn mosquitto.conf: allow_anonymous false, password_file …/passwd, acl_file …/acl; then send Mosquitto SIGHUP.`;
}
