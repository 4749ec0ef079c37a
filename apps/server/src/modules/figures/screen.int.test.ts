import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openSecondInstance, type Client, type TestApp } from '../../test/harness';
import { phoneAndIdNumbersIn } from '../../test/personal-data';
import { testDbKind } from '../../test/test-db';
import { signPosRequest } from '../fund';

type PosKey = { keyId: string; secret: string };
/** One signed sale through the POS API (docs/pos-contract.md). */
async function sell(app: FastifyInstance, key: PosKey) {
  const path = '/api/v1/pos/sales';
  const payload = JSON.stringify({ saleId: `SCREEN-${Date.now()}-${Math.random()}`, amountFen: 1500, items: [{ name: '豆浆', qty: 1, priceFen: 1500 }], soldAt: new Date().toISOString() });
  const headers = { 'content-type': 'application/json', ...signPosRequest({ keyId: key.keyId, secret: key.secret, method: 'POST', path, body: payload }) };
  const res = await app.inject({ method: 'POST', url: path, headers, payload });
  return JSON.parse(res.body);
}

let t: TestApp;
let admin: Client;
let key: PosKey;
/** A second instance on the same PostgreSQL database (the stream must hear the first one's writes). */
let other: FastifyInstance;
let second: { close(): Promise<void> };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  const shops = await admin.get('/api/v1/fund-shops?pageSize=1');
  const reg = await admin.post('/api/v1/pos-terminals', { shopId: shops.body.items[0].id, name: '大屏测试' });
  key = { keyId: reg.body.keyId, secret: reg.body.secret };
  ({ app: other, ...second } = await openSecondInstance(t));
});
afterAll(async () => {
  await second.close();
  await t.close().catch(() => undefined);
});

type SseEvent = { event: string; data: any };
function openStream(app: FastifyInstance, org: string): Promise<{ events: SseEvent[]; close: () => void }> {
  const { port } = app.server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/public/screen/stream?org=${org}` }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
        if (events.length) resolve({ events, close: () => req.destroy() });
      });
    });
    req.on('error', reject);
  });
}
const waitFor = async (check: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  return check();
};
const counter = (summary: any, key: string) => summary.counters.find((c: { key: string }) => c.key === key).value;

describe('the public district screen', () => {
  it('shows the district’s figures from the catalogue, with nothing personal', async () => {
    const res = await t.anon.get('/api/v1/public/screen?org=JB');
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.org).toMatchObject({ code: 'JB', name: '江北区总工会' });
    const values = (await admin.get('/api/v1/indicators/values?org=JB&keys=members.total,fund.raised_total&period=day')).body.items;
    expect(counter(s, 'members.total')).toBe(values[0].value);
    expect(counter(s, 'fund.raised_total')).toBe(values[1].value);
    const map = (await t.anon.get('/api/v1/public/screen/map?org=JB')).body;
    expect(map.stations.length).toBeGreaterThan(50);
    expect(map.stations.some((p: { isSmart: boolean }) => p.isSmart)).toBe(true);
    expect(map.stations.filter((p: { isCommerceSustained: boolean }) => p.isCommerceSustained).length).toBeGreaterThanOrEqual(20);
    expect(map.outline).not.toBeNull();
    expect(s.rankings[0].rows[0].name).toMatch(/街道|镇|园/);
    expect(s.trends[0].points).toHaveLength(12);
    // No phone numbers, ID numbers or person names anywhere in the answer.
    const text = JSON.stringify(s);
    expect(phoneAndIdNumbersIn(s)).toEqual([]);
    const [someone] = await t.database.query<{ real_name: string }>("select real_name from person where real_name ~ '^..' order by created_at desc limit 1");
    expect(text).not.toContain(someone!.real_name);
  });

  it('maps a station created without a build mode (it is not commerce-sustained), instead of failing', async () => {
    await t.database.query("update position set build_mode = null where code = (select min(code) from position where status = 'open' and code like 'JB-%')");
    const res = await t.anon.get('/api/v1/public/screen/map?org=JB');
    expect(res.status).toBe(200);
    const [code] = (await t.database.query<{ code: string }>("select code from position where build_mode is null and status = 'open' and code like 'JB-%' limit 1")).map((r) => r.code);
    const station = res.body.stations.find((s: { code: string }) => s.code === code);
    expect(station).toMatchObject({ code, isCommerceSustained: false });
  });

  it('says clearly that an org code does not exist', async () => {
    const res = await t.anon.get('/api/v1/public/screen?org=NOPE');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('FIGURES_SCREEN_ORG_UNKNOWN');
    expect(res.body.detail).toContain('NOPE');
  });

  it(`pushes a new summary after a sale on ${testDbKind() === 'postgres' ? 'another instance' : 'the instance'}`, async () => {
    const stream = await openStream(other, 'JB');
    const first = stream.events.find((e) => e.event === 'summary')!.data;
    await new Promise((r) => setTimeout(r, 200));
    const sale = await sell(t.app, key);
    expect(sale.status).toBe('accepted');
    expect(await waitFor(() => stream.events.some((e) => e.event === 'summary' && counter(e.data, 'fund.raised_total') === counter(first, 'fund.raised_total') + 10), 60_000)).toBe(true);
    const last = stream.events.filter((e) => e.event === 'summary').at(-1)!.data;
    expect(last.activity[0].kind).toBe('sale');
    stream.close();
  });
});

describe('the system page', () => {
  it('shows health, database and every series to a platform admin only', async () => {
    const root = await t.login('admin');
    const res = await root.get('/api/v1/system/status');
    expect(res.status).toBe(200);
    expect(res.body.db).toBe(testDbKind());
    expect(res.body.series.every((s: { isSynced: boolean }) => s.isSynced)).toBe(true);
    expect((await admin.get('/api/v1/system/status')).status).toBe(403);
  });

  it('verifies every rollup against the records as a job', async () => {
    const root = await t.login('admin');
    const res = await root.post('/api/v1/system/indicator-verifications', { repair: false });
    expect(res.status).toBe(202);
    const until = Date.now() + 20_000;
    let status = '';
    while (Date.now() < until && status !== 'succeeded') {
      [{ status = '' } = {}] = await t.database.query<{ status: string }>('select status from job where id = $1', [res.body.jobId]);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe('succeeded');
    const [job] = await t.database.query<{ result: { series: { mismatches: number }[] } }>('select result from job where id = $1', [res.body.jobId]);
    expect(job!.result.series.every((s) => s.mismatches === 0)).toBe(true);
    const after = await root.get('/api/v1/system/status');
    expect(after.body.series.every((s: { verifyMismatches: number }) => s.verifyMismatches === 0)).toBe(true);
  });
});
