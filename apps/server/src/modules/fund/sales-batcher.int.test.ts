import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { AppError } from '../../platform/errors';
import { posInject, saleOf, type PosKey } from './fund.test-support';
import { findBalanceMismatches, getTotals, rowsOf } from './ledger';
import { posCallerOf, type PosCaller } from './pos-auth';
import { createSalesBatcher, writeRequests } from './sales-batcher';

/**
 * Group commit of POS sales (issue 11 point 3): requests from any terminals written in one
 * transaction keep their own answers, nonces and refusals, and the ledger stays exact to the fen.
 */
let t: TestApp;
let admin: Client;
let fundId: string;
const keys: PosKey[] = [];
const callers: PosCaller[] = [];

const countSales = async () => Number(rowsOf<{ n: string }>(await t.database.db.execute(sql`select count(*) as n from fund_sale`))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  const shops = await admin.get('/api/v1/fund-shops?pageSize=3');
  expect(shops.status).toBe(200);
  fundId = shops.body.items[0].fundId;
  // Two terminals on the first shop, one on each of the next two.
  for (const [i, shop] of [shops.body.items[0], shops.body.items[0], shops.body.items[1], shops.body.items[2]].entries()) {
    const reg = await admin.post('/api/v1/pos-terminals', { shopId: shop.id, name: `组提交测试 ${i + 1}` });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    keys.push({ keyId: reg.body.keyId, secret: reg.body.secret });
    callers.push((await posCallerOf(t.database.db, reg.body.keyId))!);
  }
});
afterAll(() => t.close());

describe('sales written in groups', () => {
  it('answers each request of a group on its own: accepted, a sale id sent twice, a replayed nonce, a bad sale', async () => {
    const before = await getTotals(t.database.db, fundId);
    const rowsBefore = await countSales();
    const [a, b, c, d] = callers as [PosCaller, PosCaller, PosCaller, PosCaller];
    const twice = saleOf(2000);
    const requests = [
      { caller: a, nonce: 'nonce-group-a1', sales: [saleOf(1500)], lang: 'zh-CN' as const },
      { caller: b, nonce: 'nonce-group-b1', sales: [twice], lang: 'zh-CN' as const },
      // The same terminal sends the same sale id again with a new nonce before its first answer.
      { caller: b, nonce: 'nonce-group-b2', sales: [twice], lang: 'zh-CN' as const },
      // The same terminal and nonce twice in one group: the second is a replay.
      { caller: c, nonce: 'nonce-group-c1', sales: [saleOf(900)], lang: 'zh-CN' as const },
      { caller: c, nonce: 'nonce-group-c1', sales: [saleOf(900)], lang: 'zh-CN' as const },
      // A batch with a bad sale beside a good one, in English.
      { caller: d, nonce: 'nonce-group-d1', sales: [saleOf(-5), saleOf(1200)], lang: 'en' as const },
    ];
    const answers = await writeRequests(t.database.db, requests);
    const results = answers.map((x) => (x instanceof AppError ? x.code : x.map((r) => r.status)));
    expect(results).toEqual([['accepted'], ['accepted'], ['duplicate'], ['accepted'], 'POS_NONCE_REPLAYED', ['rejected', 'accepted']]);
    const [, first, again] = answers as [unknown, { entryId: string; contributionFen: number }[], { entryId: string; contributionFen: number }[]];
    expect(again[0]!.entryId).toBe(first[0]!.entryId);
    expect(again[0]!.contributionFen).toBe(first[0]!.contributionFen);
    const bad = (answers[5] as { code: string | null; message: string | null }[])[0]!;
    expect(bad.code).toBe('VALIDATION_FAILED');
    // Four sales written (a1, b1, c1, d1's second), each of 10 fen under the demo shops' rules.
    const after = await getTotals(t.database.db, fundId);
    const accepted = answers.flatMap((x) => (x instanceof AppError ? [] : x.filter((r) => r.status === 'accepted')));
    expect(accepted).toHaveLength(4);
    expect(after.sales - before.sales).toBe(4);
    expect(after.contributedFen - before.contributedFen).toBe(accepted.reduce((s, r) => s + (r.contributionFen ?? 0), 0));
    expect((await countSales()) - rowsBefore).toBe(4);
    expect(await findBalanceMismatches(t.database.db, fundId)).toEqual([]);
    // The replayed nonce stays refused in a later group too.
    const later = await writeRequests(t.database.db, [{ caller: a, nonce: 'nonce-group-a1', sales: [saleOf(100)], lang: 'zh-CN' }]);
    expect(later[0]).toBeInstanceOf(AppError);
  });

  it('refuses a closed shop’s sales in a group and writes the others', async () => {
    const [, , c, d] = callers as [PosCaller, PosCaller, PosCaller, PosCaller];
    // The shop closes after its terminal's request was authenticated (the caller still says active).
    await t.database.db.execute(sql`update fund_shop set status = 'closed' where id = ${c.shopId}`);
    try {
      const answers = await writeRequests(t.database.db, [
        { caller: c, nonce: 'nonce-closed-c', sales: [saleOf(800)], lang: 'zh-CN' },
        { caller: d, nonce: 'nonce-closed-d', sales: [saleOf(800)], lang: 'zh-CN' },
      ]);
      expect(answers.map((x) => (x instanceof AppError ? x.code : x.map((r) => r.code ?? r.status)))).toEqual([['FUND_SHOP_CLOSED'], ['accepted']]);
    } finally {
      await t.database.db.execute(sql`update fund_shop set status = 'active' where id = ${c.shopId}`);
    }
  });

  it('groups requests that arrive while a write is under way, and one failing request does not fail its group', async () => {
    const sizes: number[] = [];
    const batcher = createSalesBatcher(t.database.db, { inFlight: 1, onGroup: (n) => sizes.push(n) });
    const [a, b] = callers as [PosCaller, PosCaller];
    // A caller whose ledger accounts do not exist: its write throws, inside whatever group it is in.
    const broken: PosCaller = { ...b, accounts: undefined, fundId: '00000000-0000-4000-8000-000000000000' };
    const before = await getTotals(t.database.db, fundId);
    const submitted = Array.from({ length: 12 }, (_, i) => batcher.submit({ caller: i === 7 ? broken : a, nonce: `nonce-burst-${i}-${Date.now()}`, sales: [saleOf(1000)], lang: 'zh-CN' }));
    const settled = await Promise.allSettled(submitted);
    expect(settled.map((s) => s.status)).toEqual(settled.map((_, i) => (i === 7 ? 'rejected' : 'fulfilled')));
    // The first request is written at once; the eleven that came meanwhile share the next group.
    expect(sizes[0]).toBe(1);
    expect(sizes[1]).toBe(11);
    const after = await getTotals(t.database.db, fundId);
    expect(after.sales - before.sales).toBe(11);
    expect(await findBalanceMismatches(t.database.db, fundId)).toEqual([]);
  });

  it('answers concurrent single sales over HTTP from four terminals exactly, each once', async () => {
    const before = await getTotals(t.database.db, fundId);
    const sales = Array.from({ length: 48 }, (_, i) => ({ key: keys[i % 4]!, sale: saleOf(1000 + i) }));
    const answers = await Promise.all(sales.map(({ key, sale }) => posInject(t.app, key, '/api/v1/pos/sales', sale)));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    expect(answers.map((r) => r.body.status)).toEqual(answers.map(() => 'accepted'));
    // Each sent again (a till that lost the answer): duplicates with the first entry, nothing added.
    const again = await Promise.all(sales.map(({ key, sale }) => posInject(t.app, key, '/api/v1/pos/sales', sale)));
    expect(again.map((r) => r.body.status)).toEqual(again.map(() => 'duplicate'));
    expect(again.map((r) => r.body.entryId)).toEqual(answers.map((r) => r.body.entryId));
    const after = await getTotals(t.database.db, fundId);
    expect(after.sales - before.sales).toBe(48);
    expect(after.contributedFen - before.contributedFen).toBe(answers.reduce((s, r) => s + Number(r.body.contributionFen), 0));
    expect(await findBalanceMismatches(t.database.db, fundId)).toEqual([]);
  });
});
