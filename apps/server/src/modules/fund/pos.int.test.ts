import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { balanceAt, findBalanceMismatches, getTotals, openPeriodStart } from './ledger';
import { posInject, saleOf, type PosKey } from './fund.test-support';

let t: TestApp;
let admin: Client;
let key: PosKey;
let fundId: string;
let shopId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  const shops = await admin.get('/api/v1/fund-shops?pageSize=50');
  expect(shops.status, JSON.stringify(shops.body)).toBe(200);
  expect(shops.body.total).toBe(20);
  shopId = shops.body.items[0].id;
  fundId = shops.body.items[0].fundId;
  const reg = await admin.post('/api/v1/pos-terminals', { shopId, name: '测试收银机' });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  key = { keyId: reg.body.keyId, secret: reg.body.secret };
});
afterAll(() => t.close());

const SALES = '/api/v1/pos/sales';

describe('POS signing', () => {
  it('refuses unsigned, badly signed, stale and replayed requests with 401 problem+json', async () => {
    const unsigned = await posInject(t.app, key, SALES, saleOf(), { unsigned: true });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.code).toBe('POS_SIGNATURE_MISSING');
    expect(unsigned.body.title).toBe('缺少终端签名');

    const bad = await posInject(t.app, key, SALES, saleOf(), { secret: 'psk_wrong' });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('POS_SIGNATURE_INVALID');

    const stale = await posInject(t.app, key, SALES, saleOf(), { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.body.code).toBe('POS_TIMESTAMP_STALE');

    const nonce = `n${Date.now()}abc`;
    const first = await posInject(t.app, key, SALES, saleOf(), { nonce });
    expect(first.status).toBe(200);
    const replay = await posInject(t.app, key, SALES, saleOf(), { nonce });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('POS_NONCE_REPLAYED');

    const unknown = await posInject(t.app, { keyId: 'pk_nope', secret: 'x' }, SALES, saleOf());
    expect(unknown.body.code).toBe('POS_KEY_UNKNOWN');
  });

  it('refuses a body changed after signing', async () => {
    const { signPosRequest } = await import('./pos-signing');
    const body = JSON.stringify(saleOf(1000));
    const headers = signPosRequest({ ...key, method: 'POST', path: SALES, body });
    const res = await t.app.inject({ method: 'POST', url: SALES, headers: { ...headers, 'content-type': 'application/json' }, payload: body.replace('1000', '9000') });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).code).toBe('POS_SIGNATURE_INVALID');
  });

  it('stops the old key at once on rotation, and every key on revocation', async () => {
    const reg = await admin.post('/api/v1/pos-terminals', { shopId, name: '轮换测试' });
    const old = { keyId: reg.body.keyId, secret: reg.body.secret };
    expect((await posInject(t.app, old, SALES, saleOf())).status).toBe(200);
    const list = await admin.get(`/api/v1/pos-terminals?shopId=${shopId}`);
    expect(JSON.stringify(list.body)).not.toContain(old.secret);
    const rotated = await admin.post(`/api/v1/pos-terminals/${reg.body.terminal.id}/rotate`);
    expect(rotated.status).toBe(200);
    expect((await posInject(t.app, old, SALES, saleOf())).body.code).toBe('POS_KEY_UNKNOWN');
    const fresh = { keyId: rotated.body.keyId, secret: rotated.body.secret };
    expect((await posInject(t.app, fresh, SALES, saleOf())).status).toBe(200);
    expect((await admin.post(`/api/v1/pos-terminals/${reg.body.terminal.id}/revoke`)).body.status).toBe('revoked');
    expect((await posInject(t.app, fresh, SALES, saleOf())).body.code).toBe('POS_KEY_UNKNOWN');
  });
});

describe('sales', () => {
  it('counts a sale once: the same sale id returns the first answer and adds nothing', async () => {
    const before = await getTotals(t.database.db, fundId);
    const sale = saleOf(1800);
    const first = await posInject(t.app, key, SALES, sale);
    expect(first.body).toMatchObject({ saleId: sale.saleId, status: 'accepted', contributionFen: 10 });
    const again = await posInject(t.app, key, SALES, sale);
    expect(again.body).toMatchObject({ saleId: sale.saleId, status: 'duplicate', contributionFen: 10, entryId: first.body.entryId });
    const after = await getTotals(t.database.db, fundId);
    expect(after.contributedFen - before.contributedFen).toBe(10);
    expect(after.sales - before.sales).toBe(1);
    const rows = await t.database.query('select * from fund_sale where sale_id = $1', [sale.saleId]);
    expect(rows).toHaveLength(1);
  });

  it('judges each sale of a batch on its own, up to 1,000', async () => {
    const before = await getTotals(t.database.db, fundId);
    const sales: unknown[] = Array.from({ length: 1000 }, () => saleOf(1200));
    sales[3] = { ...saleOf(), amountFen: -5 };
    sales[7] = { ...saleOf(), soldAt: new Date(Date.now() + 3600_000).toISOString() };
    sales[9] = sales[8];
    const res = await posInject(t.app, key, SALES, { sales });
    expect(res.status).toBe(200);
    const results = res.body.results as { status: string; code: string | null }[];
    expect(results).toHaveLength(1000);
    expect(results[3]).toMatchObject({ status: 'rejected', code: 'VALIDATION_FAILED' });
    expect(results[7]).toMatchObject({ status: 'rejected', code: 'FUND_SALE_IN_FUTURE' });
    expect(results[9]!.status).toBe('duplicate');
    const accepted = results.filter((r) => r.status === 'accepted').length;
    expect(accepted).toBe(997);
    const after = await getTotals(t.database.db, fundId);
    expect(after.contributedFen - before.contributedFen).toBe(997 * 10);
    // Resending the whole batch adds nothing.
    const again = await posInject(t.app, key, SALES, { sales });
    expect((again.body.results as { status: string }[]).filter((r) => r.status === 'accepted')).toHaveLength(0);
    expect((await getTotals(t.database.db, fundId)).contributedFen).toBe(after.contributedFen);

    const tooMany = await posInject(t.app, key, SALES, { sales: Array.from({ length: 1001 }, () => saleOf()) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a malformed single sale with 400 naming the field', async () => {
    const res = await posInject(t.app, key, SALES, { saleId: 'x1', amountFen: 'ten', soldAt: new Date().toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('amountFen');
  });

  it('uses the rule in force on the sale’s day (basis points with a cap from a date)', async () => {
    const res = await admin.post(`/api/v1/fund-shops/${shopId}/rules`, { kind: 'bps', bps: 100, capFen: 30, effectiveFrom: '2099-01-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rules[0]).toMatchObject({ kind: 'bps', bps: 100, capFen: 30, effectiveFrom: '2099-01-01' });
    // Today the fixed 10 fen still applies; the new rule is history-kept and future.
    expect((await posInject(t.app, key, SALES, saleOf(5000))).body.contributionFen).toBe(10);
    expect(res.body.currentRule).toMatchObject({ kind: 'fixed', fixedFen: 10 });
  });

  it('reverses a named sale once with a reversing entry', async () => {
    const before = await getTotals(t.database.db, fundId);
    const sale = saleOf(2000);
    const sold = await posInject(t.app, key, SALES, sale);
    const refund = { refundId: `R-${sale.saleId}`, saleId: sale.saleId, refundedAt: new Date().toISOString(), reason: '顾客退货' };
    const res = await posInject(t.app, key, '/api/v1/pos/refunds', refund);
    expect(res.body).toMatchObject({ status: 'accepted', reversedFen: 10 });
    const entry = await t.database.query<{ reverses_entry_id: string; amount_fen: number }>('select reverses_entry_id, amount_fen from fund_entry where id = $1', [res.body.entryId]);
    expect(entry[0]).toEqual({ reverses_entry_id: sold.body.entryId, amount_fen: -10 });
    expect((await posInject(t.app, key, '/api/v1/pos/refunds', refund)).body.status).toBe('duplicate');
    const second = await posInject(t.app, key, '/api/v1/pos/refunds', { ...refund, refundId: 'R-other' });
    expect(second.body).toMatchObject({ status: 'rejected', code: 'FUND_SALE_ALREADY_REFUNDED' });
    expect((await posInject(t.app, key, '/api/v1/pos/refunds', { ...refund, refundId: 'R-x', saleId: 'nope' })).body.code).toBe('FUND_SALE_NOT_FOUND');
    expect((await getTotals(t.database.db, fundId)).contributedFen).toBe(before.contributedFen);
  });
});

describe('ledger', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of postings and entries, and unbalanced entries', async () => {
    await expect(t.database.query('update fund_posting set amount_fen = amount_fen + 1 where id = (select id from fund_posting limit 1)')).rejects.toThrow(/append-only/);
    await expect(t.database.query('delete from fund_posting where id = (select id from fund_posting limit 1)')).rejects.toThrow(/append-only/);
    await expect(t.database.query('delete from fund_entry where id = (select id from fund_entry limit 1)')).rejects.toThrow(/append-only/);
    await expect(t.database.query('truncate fund_posting cascade')).rejects.toThrow(/append-only/);
    const [acc] = await t.database.query<{ id: string }>("select id from fund_account where kind = 'collected' limit 1");
    await expect(
      t.database.exec(`begin; insert into fund_entry (id, fund_id, kind, occurred_at, memo, amount_fen) values ('00000000-0000-4000-8000-000000000001', '${fundId}', 'adjustment', now(), 'bad', 5);
        insert into fund_posting (entry_id, account_id, amount_fen, occurred_at) values ('00000000-0000-4000-8000-000000000001', '${acc!.id}', 5, now()); commit;`),
    ).rejects.toThrow(/not balanced/);
    expect(await t.database.query("select 1 from fund_entry where id = '00000000-0000-4000-8000-000000000001'")).toHaveLength(0);
  });

  it('keeps running balances equal to the postings, and the fund balance equal to contributed − breakfasts', async () => {
    expect(await findBalanceMismatches(t.database.db, fundId)).toEqual([]);
    const totals = await getTotals(t.database.db, fundId);
    const [money] = await t.database.query<{ s: number }>("select sum(balance_fen)::bigint as s from fund_account where fund_id = $1 and kind in ('collected','custodian')", [fundId]);
    expect(Number(money!.s)).toBe(totals.balanceFen);
    // The balance at any instant is derived from the postings: now it is the running balance; just
    // before a sale it is that much less.
    const [collected] = await t.database.query<{ id: string; balance_fen: number }>("select id, balance_fen from fund_account where fund_id = $1 and kind = 'collected'", [fundId]);
    expect(await balanceAt(t.database.db, collected!.id, new Date(Date.now() + 60_000))).toBe(Number(collected!.balance_fen));
    // Earlier today or this month: a sale of a closed month would be booked now (see the fund rules test).
    const soldAt = new Date(Math.max(openPeriodStart(new Date()).getTime() + 1000, Date.now() - 86_400_000));
    const old = await posInject(t.app, key, SALES, saleOf(1000, { soldAt: soldAt.toISOString() }));
    expect(old.body.status).toBe('accepted');
    const justBefore = await balanceAt(t.database.db, collected!.id, new Date(soldAt.getTime() - 1));
    const atSale = await balanceAt(t.database.db, collected!.id, soldAt);
    expect(atSale - justBefore).toBe(10);
    const [unbalanced] = await t.database.query<{ n: number }>('select count(*)::int as n from (select entry_id from fund_posting group by entry_id having sum(amount_fen) <> 0) x');
    expect(unbalanced!.n).toBe(0);
  });
});
