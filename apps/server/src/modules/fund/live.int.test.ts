import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openSecondInstance, type Client, type TestApp } from '../../test/harness';
import { testDbKind } from '../../test/test-db';
import { posInject, registerTestTerminal, saleOf, type PosKey } from './fund.test-support';

let t: TestApp;
let admin: Client;
let key: PosKey;
/** A second app instance on the same database (PostgreSQL); on PGlite the one instance. */
let other: FastifyInstance;
let second: { close(): Promise<void> };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  key = await registerTestTerminal(admin, '直播测试');
  ({ app: other, ...second } = await openSecondInstance(t));
});
afterAll(async () => {
  await second.close();
  await t.close().catch(() => undefined);
});

type SseEvent = { event: string; data: any; receivedAt: number };

/** Opens the stream on the other instance and collects events. */
function openStream(app: FastifyInstance): Promise<{ events: SseEvent[]; close: () => void }> {
  const { port } = app.server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/public/fund/stream' }, (res) => {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
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
          if (event && data) events.push({ event, data: JSON.parse(data), receivedAt: Date.now() });
        }
        if (buffer.includes('connected') || events.length || chunk.includes('connected')) resolve({ events, close: () => req.destroy() });
      });
    });
    req.on('error', reject);
  });
}

const waitFor = async (check: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('live fund stream', () => {
  // How fast is measured in bench/ (sale-to-screen latency); here: that it arrives, and what it carries.
  it(`delivers a committed sale to a screen on ${testDbKind() === 'postgres' ? 'another app instance' : 'the instance'}`, async () => {
    // The other instance LISTENs from its start (onReady, awaited by listen()); the stream is open.
    const stream = await openStream(other);
    const sentAt = Date.now();
    const sale = await posInject(t.app, key, '/api/v1/pos/sales', saleOf(1500));
    expect(sale.body.status).toBe('accepted');
    expect(await waitFor(() => stream.events.some((e) => e.data.id === sale.body.entryId), 120_000)).toBe(true);
    const event = stream.events.find((e) => e.data.id === sale.body.entryId)!;
    expect(event.event).toBe('contribution');
    expect(event.data.amountFen).toBe(10);
    expect(event.receivedAt).toBeGreaterThanOrEqual(sentAt);
    // No personal data in the public stream.
    expect(Object.keys(event.data).sort()).toEqual(['amountFen', 'at', 'balanceFen', 'committedAt', 'fundId', 'id', 'kind', 'positionId', 'shopName', 'stationName', 'totalBreakfasts', 'totalFen'].sort());
    const summary = await t.anon.get('/api/v1/public/fund/summary');
    expect(summary.body.totalFen).toBe(event.data.totalFen);
    stream.close();
  });

  it('sends nothing for a rolled-back transaction (notify fires on commit only)', async () => {
    const stream = await openStream(other);
    // Both of the screen's fund (the stream passes only its own fund's events).
    const fundId = (await t.anon.get('/api/v1/public/fund/summary')).body.fund.id as string;
    const event = (id: string) => JSON.stringify({ kind: 'contribution', id, fundId });
    await t.database.exec(`begin; select pg_notify('fund_live', '${event('rolled-back')}'); rollback;`);
    // A committed one after it: notifications arrive in commit order, so once this one is here,
    // the rolled-back one would have been too.
    await t.database.exec(`select pg_notify('fund_live', '${event('committed-marker')}')`);
    expect(await waitFor(() => stream.events.some((e) => e.data.id === 'committed-marker'), 120_000)).toBe(true);
    expect(stream.events.some((e) => e.data.id === 'rolled-back')).toBe(false);
    stream.close();
  });
});

describe('public summary', () => {
  it('shows the total near the real 240,000 yuan, 20 stations with WGS-84 points, recent contributions, and no personal data', async () => {
    const res = await t.anon.get('/api/v1/public/fund/summary?org=JB');
    expect(res.status).toBe(200);
    expect(res.body.totalFen).toBeGreaterThan(22_000_000);
    expect(res.body.totalFen).toBeLessThan(27_000_000);
    expect(res.body.totalBreakfasts).toBeGreaterThan(18_000);
    expect(res.body.stations).toHaveLength(20);
    for (const s of res.body.stations) {
      expect(s.lng).toBeGreaterThan(106.3);
      expect(s.lat).toBeGreaterThan(29.4);
    }
    const totals = res.body.stations.map((s: { totalFen: number }) => s.totalFen);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/13800000001|1390000\d{4}|holder|phone|cardNumber/);
    expect(res.body.recent.length).toBeGreaterThan(0);
  });
});
