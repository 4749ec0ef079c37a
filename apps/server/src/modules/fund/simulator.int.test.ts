import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTerminalKey } from '../../db/seed/demo-fund';
import { createTestApp, type TestApp } from '../../test/harness';
import { simulateSales } from './pos-simulator';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(() => t.close());

describe('pos simulate', () => {
  it('signs and sends sales with a demo terminal key, and the public total rises by 10 fen each', async () => {
    const before = (await t.anon.get('/api/v1/public/fund/summary')).body;
    const result = await simulateSales({ url, ...demoTerminalKey('SHOP-02'), rate: 100, count: 25 });
    expect(result).toEqual({ sent: 25, accepted: 25, contributionFen: 250 });
    const after = (await t.anon.get('/api/v1/public/fund/summary')).body;
    expect(after.totalFen - before.totalFen).toBe(250);
    expect(after.today.sales - before.today.sales).toBe(25);
  });

  it('stops with the server’s answer when the key is wrong', async () => {
    await expect(simulateSales({ url, keyId: 'pk_demo_SHOP-02', secret: 'wrong', rate: 5, count: 1 })).rejects.toThrow(/401/);
  });
});
