import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { demoTerminalKey } from '../../db/seed/demo-fund';
import { adminQuery, randomDbName, testDbKind, withDatabaseName } from '../../test/test-db';
import { findBalanceMismatches, getTotals } from './ledger';
import { signPosRequest } from './pos-signing';
import { loadSecrets } from '../../platform/secrets';
import { cardCheckCode } from './breakfast-qr';

/**
 * Nothing lost (issue #6, point 8): the real server process is killed with SIGKILL while
 * terminals send sales and redemptions; after a restart the clients retry everything, and every
 * sale counts once, every breakfast once, and the ledger balances to the fen.
 */
const MAIN = new URL('../../main.ts', import.meta.url).pathname;

let dataDir: string;
let dbName: string | undefined;
let env: NodeJS.ProcessEnv;
let child: ChildProcess;
let url = '';

async function startServer(): Promise<void> {
  let output = '';
  // One process (node with the tsx loader), so SIGKILL hits the server itself and not a wrapper.
  child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const started = Date.now();
  while (!/running at (http:\/\/\S+)/.test(output)) {
    if (Date.now() - started > 900_000 || child.exitCode !== null) throw new Error(`server did not start (exit ${String(child.exitCode)}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  url = /running at (http:\/\/\S+)/.exec(output)![1]!;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-crash-'));
  // A fixed port, so clients find the restarted server where the first one was: one the system
  // just handed out as free (a random pick could be another test run's server).
  const port = await new Promise<string>((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(String(free)));
    });
    probe.on('error', reject);
  });
  env = { PATH: process.env.PATH, HOME: process.env.HOME, NIANGJIA_DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'warn', WEB_DIST_DIR: dataDir };
  if (testDbKind() === 'postgres') {
    dbName = randomDbName('niangjia_crash');
    await adminQuery(`create database ${dbName}`);
    env.DATABASE_URL = withDatabaseName(process.env.TEST_DATABASE_URL!, dbName);
    env.NIANGJIA_DEMO = 'true';
  }
  await startServer();
}, 1_000_000);

afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (dbName) await adminQuery(`drop database if exists ${dbName} with (force)`);
});

/** Issues `n` new breakfast cards as the demo platform admin; their numbers. */
async function issueCards(n: number, run: string): Promise<string[]> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'Niangjia@2026' }) });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const numbers: string[] = [];
  const base = Number.parseInt(run.slice(-4), 36) % 10_000;
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/api/v1/breakfast-cards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ holderName: `测试环卫工${i}`, phone: `137${String(base).padStart(4, '0')}${String(i).padStart(4, '0')}` }),
    });
    expect(res.status).toBe(201);
    numbers.push(((await res.json()) as { number: string }).number);
  }
  return numbers;
}

/** A terminal's retry loop: the same body until an HTTP answer, a new nonce and timestamp each time. */
async function send(path: string, key: { keyId: string; secret: string }, body: unknown): Promise<any> {
  const text = JSON.stringify(body);
  // Retries until the restarted server answers: on a busy machine a restart takes minutes.
  const deadline = Date.now() + 900_000;
  for (;;) {
    try {
      const res = await fetch(url + path, { method: 'POST', headers: { ...signPosRequest({ ...key, method: 'POST', path, body: text }), 'content-type': 'application/json' }, body: text, signal: AbortSignal.timeout(120_000) });
      if (res.status >= 500) throw new Error(String(res.status));
      expect(res.status).toBe(200);
      return await res.json();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('SIGKILL while terminals send', () => {
  it('counts every sale and every breakfast exactly once after restart and retries; the ledger balances to the fen', async () => {
    const before = await (await fetch(`${url}/api/v1/public/fund/summary`)).json();
    // The server's key file (written at its first start): the check codes printed on the demo cards.
    const secrets = loadSecrets({ secret: undefined, dataDir, allowGenerate: false });
    const keys = ['SHOP-01', 'SHOP-02', 'SHOP-03'].map(demoTerminalKey);
    const run = `K${Date.now().toString(36)}`;
    const cards = await issueCards(30, run);
    // Per terminal: 30 batches of 20 sales, and 10 breakfasts (each on its own new card, so none is refused).
    type Job = { path: string; key: { keyId: string; secret: string }; body: unknown };
    const jobs: Job[][] = keys.map((key, k) => {
      const list: Job[] = [];
      for (let b = 0; b < 30; b++) {
        const sales = Array.from({ length: 20 }, (_, i) => ({ saleId: `${run}-${k}-${b}-${i}`, amountFen: 1000 + i, items: [], soldAt: new Date().toISOString() }));
        list.push({ path: '/api/v1/pos/sales', key, body: { sales } });
        if (b % 3 === 0) {
          const card = cards[k * 10 + b / 3]!;
          // Typed at the till with the card's check code (the QR could not be scanned).
          list.push({ path: '/api/v1/pos/breakfast-redemptions', key, body: { redemptionId: `${run}-${k}-r${b}`, card, cardCode: cardCheckCode(secrets, card), redeemedAt: new Date().toISOString() } });
        }
      }
      return list;
    });
    let answered = 0;
    let killed = false;
    const restarting = (async () => {
      while (answered < 25) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGKILL');
      killed = true;
      await new Promise((r) => child.once('exit', r));
      await startServer();
    })();
    const first = await Promise.all(
      jobs.map(async (list) => {
        const answers = [];
        for (const job of list) {
          answers.push(await send(job.path, job.key, job.body));
          answered++;
        }
        return answers;
      }),
    );
    await restarting;
    expect(killed).toBe(true);
    // Every client retries everything once more after the crash: nothing may count twice.
    const again = await Promise.all(jobs.map(async (list) => Promise.all(list.map((job) => send(job.path, job.key, job.body)))));
    for (const answers of again) {
      for (const a of answers) {
        if (a.results) expect(a.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
        else expect(a.isDuplicate).toBe(true);
      }
    }
    const approved = first.flat().filter((a) => a.status === 'approved').length;
    expect(approved).toBe(30);

    const after = await (await fetch(`${url}/api/v1/public/fund/summary`)).json();
    expect(after.totalFen - before.totalFen).toBe(3 * 30 * 20 * 10);
    expect(after.totalBreakfasts - before.totalBreakfasts).toBe(30);

    // Stop the server and read the database itself.
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir });
    try {
      const [sales] = await database.query<{ n: number }>('select count(*)::int as n from fund_sale where sale_id like $1', [`${run}-%`]);
      expect(sales!.n).toBe(1800);
      const [reds] = await database.query<{ n: number }>("select count(*)::int as n from breakfast_redemption where redemption_id like $1 and status = 'approved'", [`${run}-%`]);
      expect(reds!.n).toBe(30);
      const [fund] = await database.query<{ id: string }>('select id from fund limit 1');
      expect(await findBalanceMismatches(database.db, fund!.id)).toEqual([]);
      const [bad] = await database.query<{ n: number }>('select count(*)::int as n from (select entry_id from fund_posting group by entry_id having sum(amount_fen) <> 0) x');
      expect(bad!.n).toBe(0);
      const [sum] = await database.query<{ s: number }>('select coalesce(sum(amount_fen), 0)::bigint as s from fund_posting');
      expect(Number(sum!.s)).toBe(0);
      const totals = await getTotals(database.db, fund!.id);
      const [money] = await database.query<{ s: number }>("select sum(balance_fen)::bigint as s from fund_account where kind in ('collected','custodian')");
      expect(Number(money!.s)).toBe(totals.balanceFen);
      const [entries] = await database.query<{ c: number; b: number }>("select sum(amount_fen) filter (where kind in ('sale','refund','history'))::bigint as c, sum(breakfast_count)::bigint as b from fund_entry");
      expect(Number(entries!.c)).toBe(totals.contributedFen);
      expect(Number(entries!.b)).toBe(totals.breakfasts);
    } finally {
      await database.close();
    }
  }, 2_400_000);
});
