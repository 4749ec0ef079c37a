import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, randomDbName, testDbKind, withDatabaseName } from './test/test-db';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
// Node itself with tsx's loader, as a process manager runs it: the `tsx` command in between relays a
// signal only if the child answers within a few milliseconds and otherwise exits 143 on its own while
// the server is still draining (seen on a busy machine), which is tsx's behaviour, not the server's.
const TSX_LOADER = path.resolve(new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).pathname);

let dataDir: string;
let dbName: string | undefined;
let child: ChildProcess;
let output = '';
let url = '';

/** The real server process, as `npm start` runs it (demo mode, so it seeds itself). */
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-main-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NIANGJIA_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info', WEB_DIST_DIR: dataDir };
  if (testDbKind() === 'postgres') {
    dbName = randomDbName('niangjia_main');
    await adminQuery(`create database ${dbName}`);
    env.DATABASE_URL = withDatabaseName(process.env.TEST_DATABASE_URL!, dbName);
    env.NIANGJIA_DEMO = 'true';
  }
  child = spawn(process.execPath, ['--import', pathToFileURL(TSX_LOADER).href, MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const started = Date.now();
  while (!/running at (http:\/\/\S+)/.test(output)) {
    if (Date.now() - started > 600_000 || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  url = /running at (http:\/\/\S+)/.exec(output)![1]!;
}, 700_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (dbName) await adminQuery(`drop database if exists ${dbName} with (force)`);
});

describe('the server process', () => {
  it('prints the URL and the demo sign-ins at startup', async () => {
    expect(output).toContain('演示模式 Demo mode');
    expect(output).toMatch(/jb\.admin\s+\/ Niangjia@2026/);
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', db: testDbKind() });
  });

  it('on SIGTERM finishes the requests in flight, then closes the database and exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const body = JSON.stringify({ login: 'jb.admin', password: 'Niangjia@2026' });
    const signIn = () => fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (testDbKind() === 'postgres') {
      // Hold a lock on the user's row so a sign-in is provably in flight when SIGTERM arrives.
      const pg = (await import('pg')).default;
      const blocker = new pg.Client({ connectionString: withDatabaseName(process.env.TEST_DATABASE_URL!, dbName!) });
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query("select 1 from app_user where username = 'jb.admin' for update");
      const inFlight = signIn();
      // Wait until the sign-in is provably in flight: it waits for the row lock held above.
      for (let waiting = 0; waiting === 0; ) {
        await new Promise((r) => setTimeout(r, 100));
        waiting = Number((await blocker.query('select count(*)::int as n from pg_locks where not granted')).rows[0].n);
      }
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      expect(child.exitCode).toBeNull(); // still draining
      await blocker.query('commit');
      await blocker.end();
      expect((await inFlight).status).toBe(200);
    } else {
      // PGlite is in the server process, so nothing outside can hold a lock: check a request
      // answered right before SIGTERM, then a clean close.
      expect((await signIn()).status).toBe(200);
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
    // The embedded database was closed (its lock file removed).
    if (testDbKind() === 'pglite') expect(fs.existsSync(path.join(dataDir, 'pglite.pid'))).toBe(false);
  }, 600_000);
});
