import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, randomDbName, testDbKind, withDatabaseName } from './test/test-db';

const run = promisify(execFile);
const CLI = new URL('./cli.ts', import.meta.url).pathname;
const MAIN = new URL('./main.ts', import.meta.url).pathname;
const MONACO = new URL('./modules/positions/data/monaco.osm.gz', import.meta.url).pathname;
const TSX = path.resolve(new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname);

let dataDir: string;
let dbName: string | undefined;
let env: NodeJS.ProcessEnv;

/** The CLI runs against the same kind of database as the rest of the suite. */
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-cli-'));
  env = { PATH: process.env.PATH, HOME: process.env.HOME, NIANGJIA_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  if (testDbKind() === 'postgres') {
    dbName = randomDbName('niangjia_cli');
    await adminQuery(`create database ${dbName}`);
    env.DATABASE_URL = withDatabaseName(process.env.TEST_DATABASE_URL!, dbName);
  }
});
afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (dbName) await adminQuery(`drop database if exists ${dbName} with (force)`);
});

async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { env: { ...env, ...extraEnv }, timeout: 600_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('niangjia CLI', () => {
  it('prints help for the tool and each command', async () => {
    const main = await cli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('user create');
    // Which commands can run while `npm start` holds the embedded database (issue 10 point 9).
    const beside = main.stdout.slice(main.stdout.indexOf('beside a running server'), main.stdout.indexOf('help <command>'));
    expect(beside).toContain('device simulate');
    expect(beside).toContain('pos simulate');
    expect(beside).not.toMatch(/migrate|seed|backup|restore|mosquitto-files/);
    expect(main.stdout).toContain('To reset the demo');
    const user = await cli(['user', 'create', '--help']);
    expect(user.stdout).toContain('--role');
    expect((await cli(['help', 'seed'])).stdout).toContain('seed --demo');
  });

  it('migrates, seeds the demo once, and creates a user on an org', async () => {
    const migrate = await cli(['migrate']);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/Applied \d+ migration|up to date/);
    expect((await cli(['migrate'])).stdout).toContain('up to date');
    const seed = await cli(['seed', '--demo']);
    expect(seed.stdout).toMatch(/Demo data loaded: \d+ org nodes/);
    expect((await cli(['seed', '--demo'])).stdout).toContain('already loaded');
    const created = await cli(['user', 'create', '--username', 'cli.admin', '--password', 'Cli-admin-2026', '--role', 'union_admin', '--org', 'JB-GYQ']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('on JB-GYQ 观音桥街道总工会');
    const again = await cli(['user', 'create', '--username', 'cli.admin', '--password', 'Cli-admin-2026', '--role', 'union_admin', '--org', 'JB-GYQ']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  }, 1_200_000);

  it('imports a street network for an area', async () => {
    const res = await cli(['network', 'import', MONACO, '--area', 'JB-GYQ']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^Imported 4,717 nodes, 5,050 edges, 81\.2 km of walkable streets for JB-GYQ .* from monaco\.osm\.gz in \d+\.\d s/);
  }, 1_200_000);

  it('gives clear errors for bad arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['user', 'create', '--username', 'x.y'], /Missing --password, --role/],
      [['user', 'create', '--username', 'bad.role', '--password', 'Long-enough-1', '--role', 'king'], /"king" is not a role/],
      [['user', 'create', '--username', 'no.org', '--password', 'Long-enough-1', '--role', 'union_admin'], /--org is required/],
      [['user', 'create', '--username', 'bad.org', '--password', 'Long-enough-1', '--role', 'union_staff', '--org', 'NOPE'], /no org with code "NOPE"/],
      [['user', 'create', '--username', 'short', '--password', 'short', '--role', 'platform_admin'], /at least 10 characters/],
      [['seed'], /needs --demo/],
      [['migrate', '--force'], /Unknown option '--force'/],
      [['network', 'import', '/no/such/file.osm.pbf', '--area', 'JB-GYQ'], /no such file/],
      [['network', 'import', MONACO, '--area', 'NOPE'], /no org with code "NOPE"/],
    ];
    for (const [args, message] of cases) {
      const res = await cli(args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toMatch(message);
    }
  }, 1_200_000);

  it('names a bad setting and stops', async () => {
    const res = await cli(['migrate'], { PORT: 'eighty' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('PORT');
  });
});

describe('production mode', () => {
  it('refuses demo settings, and a database that holds demo data', async () => {
    const demoOn = await run(TSX, [MAIN], { env: { ...env, NODE_ENV: 'production', NIANGJIA_DEMO: 'true', PORT: '0' }, timeout: 600_000 }).catch((e: { code: number; stderr: string }) => e);
    expect((demoOn as { code: number }).code).toBe(1);
    expect((demoOn as { stderr: string }).stderr).toMatch(/NIANGJIA_DEMO must not be true in production/);
    expect((demoOn as { stderr: string }).stderr).toMatch(/SMS_SENDER=log|NIANGJIA_SECRET is required/);

    const seeded = await run(TSX, [MAIN], {
      env: { ...env, NODE_ENV: 'production', PORT: '0', NIANGJIA_SECRET: 'x'.repeat(40), NIANGJIA_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), SMS_SENDER: 'webhook', SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms' },
      timeout: 600_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((seeded as { code: number }).code).toBe(1);
    expect((seeded as { stderr: string }).stderr).toMatch(/holds demo data/);

    const seedInProd = await cli(['seed', '--demo'], { NODE_ENV: 'production', NIANGJIA_SECRET: 'x'.repeat(40), NIANGJIA_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), SMS_SENDER: 'webhook', SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms' });
    expect(seedInProd.code).toBe(2);
    expect(seedInProd.stderr).toContain('Refusing to load demo data');
  }, 1_200_000);
});
