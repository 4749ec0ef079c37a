import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_PASSWORD } from '../db/seed/demo-orgs';
import { Client, createTestApp, type TestApp } from '../test/harness';
import { DrizzleQueryError } from 'drizzle-orm';
import { errorForLog } from './logger';

let t: TestApp;
const lines: string[] = [];
let logged: Client;
let second: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  t = await createTestApp();
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  // A second app on the same database that logs at debug level into memory.
  second = await buildApp({ config: { ...t.config, logLevel: 'debug', sms: { sender: 'log' } }, database: t.database, logStream: stream });
  logged = new Client(second);
});
afterAll(async () => {
  await second.close();
  await t.close();
});

describe('logs carry no secrets or personal data', () => {
  it('redacts passwords, phones, codes, cookies and query strings', async () => {
    await t.database.query("update app_user set phone = '13722223333' where username = 'jb.staff'");
    const login = await logged.post('/api/v1/auth/login', { login: '13722223333', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const signed = new Client(second, cookie, login.body.csrfToken);
    await signed.get('/api/v1/users?q=13722223333');
    await logged.post('/api/v1/auth/login', { login: '13722223333', password: 'Wrong-password-99' });
    await logged.post('/api/v1/auth/sms-code', { phone: '13944445555' });
    const all = lines.join('\n');
    expect(all).toContain('/api/v1/users?…');
    expect(all).not.toContain('13722223333');
    expect(all).not.toContain('13944445555');
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain('Wrong-password-99');
    expect(all).not.toContain(cookie.split('=')[1]);
    expect(all).not.toContain(login.body.csrfToken);
    // Every request line carries its request id.
    expect(lines.filter((l) => l.includes('incoming request')).every((l) => /"reqId":"[\w-]+"/.test(l))).toBe(true);
  });

  it('prints the demo SMS as one plain line, the phone masked, and keeps its text out of the JSON log', async () => {
    // Someone trying the demo finds their code by eye among the JSON lines (issue 10 point 9).
    const sms = lines.find((l) => l.includes('短信验证码'));
    expect(sms).toBeDefined();
    expect(sms!.trim()).toMatch(/^演示短信 demo SMS → 139\*{4}5555：【娘家】短信验证码 \d{6}，/);
    expect(sms!.trim().startsWith('{')).toBe(false);
    const logged = lines.filter((l) => l.trim().startsWith('{') && l.includes('139****5555'));
    expect(logged.length).toBeGreaterThan(0);
    for (const l of logged) expect(l).not.toMatch(/短信验证码|\d{6}，/);
  });

  it('keeps query parameters out of the log when a query fails', () => {
    const failure = new DrizzleQueryError('select * from app_user where phone = $1', ['13766667777'], new Error('relation does not exist'));
    const logged = JSON.stringify(errorForLog(failure));
    expect(logged).toContain('select * from app_user');
    expect(logged).toContain('relation does not exist');
    expect(logged).not.toContain('13766667777');
  });
});
