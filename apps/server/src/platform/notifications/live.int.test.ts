import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../db/client';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { notify } from './notify';

/** An open SSE stream read in the background: the events seen so far, and a way to wait for one. */
async function openStream(baseUrl: string, client: Client) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/me/notifications/stream`, { headers: { cookie: client.cookie! }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const events: string[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          if (name) events.push(name);
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (name: string, count = 1, ms = 20_000) => {
    const end = Date.now() + ms;
    while (events.filter((e) => e === name).length < count) {
      if (Date.now() > end) throw new Error(`no ${count}× ${name} event within ${ms} ms; saw ${events.join(',')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  await waitFor('ready');
  return { events, waitFor, close: () => controller.abort() };
}

const listen = async (app: FastifyInstance) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await listen(t.app);
});
afterAll(() => t.close());

describe('live delivery over Server-Sent Events', () => {
  it('signals a committed message to its recipient’s open stream, never a rolled-back one', async () => {
    const worker = await t.loginWorker('13900000411');
    const me = (await worker.get('/api/v1/auth/me')).body.user.id;
    const stream = await openStream(baseUrl, worker);
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, { to: { userIds: [me] }, kind: 'test.rollback', title: { 'zh-CN': '撤回', en: 'Rolled back' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    await t.database.db.transaction((tx) => notify(tx, { to: { userIds: [me] }, kind: 'test.live', title: { 'zh-CN': '到了', en: 'Arrived' } }));
    await stream.waitFor('notifications');
    // Signals arrive in commit order, so a signal from the rolled-back one would have come first.
    expect(stream.events.filter((e) => e === 'notifications')).toHaveLength(1);
    // Reading it on another device updates this one's badge too.
    const id = (await worker.get('/api/v1/me/notifications')).body.items[0].id;
    await worker.post(`/api/v1/me/notifications/${id}/read`);
    await stream.waitFor('notifications', 2);
    stream.close();
  });

  it('tells a street admin’s open bell that a 待办 arrived in their street, not another street’s', async () => {
    const gyq = await t.login('gyq.admin');
    const wld = await t.login('wld.admin');
    const [gyqStream, wldStream] = await Promise.all([openStream(baseUrl, gyq), openStream(baseUrl, wld)]);
    const gyqOrg = await t.orgId('JB-GYQ');
    await t.database.db.transaction((tx) => notify(tx, { to: { staffWith: 'member.write', inScopeOf: gyqOrg }, kind: 'test.todo', title: { 'zh-CN': '待办', en: 'To do' } }));
    await gyqStream.waitFor('todos');
    await gyqStream.waitFor('notifications');
    // Then one for the other street: wld sees only that one.
    const wldOrg = await t.orgId('JB-WLD');
    await t.database.db.transaction((tx) => notify(tx, { to: { staffWith: 'member.write', inScopeOf: wldOrg }, kind: 'test.todo', title: { 'zh-CN': '待办', en: 'To do' } }));
    await wldStream.waitFor('todos');
    expect(wldStream.events.filter((e) => e === 'todos')).toHaveLength(1);
    gyqStream.close();
    wldStream.close();
  });

  it('refuses a stream without a session', async () => {
    const res = await fetch(`${baseUrl}/api/v1/me/notifications/stream`);
    expect(res.status).toBe(401);
  });
});

describe.runIf(process.env.NIANGJIA_TEST_DB === 'postgres')('two app instances on one PostgreSQL', () => {
  let other: FastifyInstance;
  let otherDb: Database;
  let otherUrl: string;
  beforeAll(async () => {
    const url = (t.database.pool!.options as { connectionString: string }).connectionString;
    otherDb = await openDatabase({ databaseUrl: url, poolSize: 3 });
    other = await buildApp({ config: t.config, database: otherDb, sms: t.sms, logger: false, doors: false });
    otherUrl = await listen(other);
  });
  afterAll(async () => {
    await other.close();
    await otherDb.close();
  });

  it('delivers a message written on instance A to a stream open on instance B, and catches up after B loses its LISTEN connection', async () => {
    const worker = await t.loginWorker('13900000412');
    const me = (await worker.get('/api/v1/auth/me')).body.user.id;
    // The session lives in the database: the same cookie works on B.
    const stream = await openStream(otherUrl, worker);
    await t.database.db.transaction((tx) => notify(tx, { to: { userIds: [me] }, kind: 'test.cross', title: { 'zh-CN': '跨实例', en: 'Across' } }));
    await stream.waitFor('notifications');
    const read = await fetch(`${otherUrl}/api/v1/me/notifications`, { headers: { cookie: worker.cookie! } });
    expect((await read.json()).items[0].title).toBe('跨实例');

    // Cut B's LISTEN connection: B reconnects and tells its streams to fetch again (catch-up), then keeps delivering.
    const killed = await t.database.query<{ ok: boolean }>("select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and query like 'LISTEN niangjia_notify%' and pid <> pg_backend_pid()");
    expect(killed.length).toBeGreaterThanOrEqual(2);
    await stream.waitFor('notifications', 2);
    await stream.waitFor('todos');
    await t.database.db.transaction((tx) => notify(tx, { to: { userIds: [me] }, kind: 'test.cross', title: { 'zh-CN': '重连后', en: 'After reconnect' } }));
    await stream.waitFor('notifications', 3);
    stream.close();
  });
});
