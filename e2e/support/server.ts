import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { adminQuery, randomDbName, withDatabaseName } from '../../apps/server/src/test/test-db';

/** A server's data directory (keys; the embedded database on PGlite) and its PostgreSQL database, seeded once. */
export type ServerTemplate = { dataDir: string; dbName?: string };

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    /** The demo-seeded server the e2e global setup prepared once; every journey server starts from a copy. */
    e2eServerTemplate: ServerTemplate | null;
  }
}

export type RunningServer = {
  baseURL: string;
  /** The server's embedded MQTT broker (door controllers and the device simulator connect here). */
  mqttUrl: string;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  /** Waits for the next "短信验证码" line for this phone printed after `since` (an output length) and returns the code. */
  waitForSmsCode: (options?: { since?: number; timeoutMs?: number }) => Promise<string>;
  stop: () => Promise<void>;
};

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const STARTUP_TIMEOUT_MS = 600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The template the e2e global setup provided, or null (a server seeds its own demo data). */
function providedTemplate(): ServerTemplate | null {
  try {
    return inject('e2eServerTemplate') ?? null;
  } catch {
    return null;
  }
}

/**
 * Starts the real server (`tsx apps/server/src/main.ts`) on a free port with its own data
 * directory and demo data, serving the built web app from apps/web/dist. With TEST_DATABASE_URL
 * set it runs on that PostgreSQL instead of PGlite (demo data loaded there too).
 *
 * The demo seed is the slow part of a start (tens of seconds, minutes on a busy machine), so the e2e
 * global setup seeds one server once and every journey starts from a copy of its data directory
 * and (on PostgreSQL) `CREATE DATABASE … TEMPLATE` of its database: the server finds the demo
 * already there and skips the seed. `template: null` seeds afresh; `keep` leaves the data behind
 * on stop (for the template itself).
 */
export async function startServer(options: { template?: ServerTemplate | null; keep?: boolean } = {}): Promise<RunningServer & ServerTemplate> {
  const template = options.template === undefined ? providedTemplate() : options.template;
  const port = await findFreePort();
  const mqttPort = await findFreePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'niangjia-e2e-'));
  if (template) await cp(template.dataDir, dataDir, { recursive: true, filter: (source) => !source.endsWith('.pid') });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    NIANGJIA_DATA_DIR: dataDir,
    NIANGJIA_DEMO: 'true',
    SMS_SENDER: 'log',
    LOG_LEVEL: 'info',
    // Each journey server gets its own embedded broker on a free port (never the shared 1883).
    NIANGJIA_MQTT_PORT: String(mqttPort),
    NIANGJIA_MQTT_HOST: '127.0.0.1',
  };
  delete env.NIANGJIA_MQTT_URL;
  // On PostgreSQL each server gets a database of its own, dropped when it stops.
  let dbName: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    dbName = randomDbName('niangjia_e2e');
    if (template && !template.dbName) throw new Error('the e2e server template has no PostgreSQL database (it was seeded on PGlite)');
    await adminQuery(template?.dbName ? `create database ${dbName} template ${template.dbName}` : `create database ${dbName}`);
    env.DATABASE_URL = withDatabaseName(process.env.TEST_DATABASE_URL, dbName);
  } else delete env.DATABASE_URL;

  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const child: ChildProcess = spawn(tsx, ['apps/server/src/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));

  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited === null && child.pid) {
      child.kill('SIGTERM');
      // A template's embedded database must close cleanly: give it longer before the kill.
      for (let i = 0; i < (options.keep ? 600 : 50) && exited === null; i++) await sleep(100);
      if (exited === null) child.kill('SIGKILL');
    }
    if (options.keep) return;
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    if (dbName) await adminQuery(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
  };

  // Start-up (tsx, migrations, the demo seed) takes ~35 s on a quiet 2-core machine and minutes
  // when it is shared by many test runs.
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`server exited with code ${String(exited)} before it was healthy:\n${log.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy after ${STARTUP_TIMEOUT_MS / 1000} s:\n${log.slice(-4000)}`);
    }
    await sleep(250);
  }

  return {
    dataDir,
    ...(dbName ? { dbName } : {}),
    baseURL,
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    output: () => log,
    waitForSmsCode: async ({ since = 0, timeoutMs = 10_000 } = {}) => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const lines = log.slice(since).split('\n').reverse();
        for (const line of lines) {
          const code = line.match(/短信验证码\D{0,10}(\d{6})/)?.[1];
          if (code) return code;
        }
        if (Date.now() > end) throw new Error(`no 短信验证码 line in the server log within ${timeoutMs} ms`);
        await sleep(100);
      }
    },
    stop,
  };
}
