import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config';
import { loadSecrets } from '../../platform/secrets';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { cardCheckCode } from './breakfast-qr';
import { testDbKind } from '../../test/test-db';
import { findBalanceMismatches, getTotals } from './ledger';
import { posInject, saleOf, type PosKey } from './fund.test-support';

let t: TestApp;
let admin: Client;
let keys: PosKey[];
let fundId: string;
const REDEEM = '/api/v1/pos/breakfast-redemptions';
let seq = 0;
type Card = { id: string; number: string; checkCode: string; version: number };
/** A redemption of a QR text, or of a card typed at the till (number and its check code). */
const redemption = (card: string | Pick<Card, 'number' | 'checkCode'>, at = new Date()) => ({
  redemptionId: `B-${Date.now()}-${++seq}`,
  ...(typeof card === 'string' ? { card } : { card: card.number, cardCode: card.checkCode }),
  redeemedAt: at.toISOString(),
});
const config = testConfig();
const secrets = loadSecrets({ secret: config.secret, dataDir: config.dataDir, allowGenerate: false });
/** A card issued `days` ago (so offline redemptions of the past days are after its issue). */
const backdate = async (card: Card, days: number) => t.database.query(`update breakfast_card set issued_at = now() - make_interval(days => $2) where id = $1`, [card.id, days]);
const issue = async (over: Record<string, unknown> = {}) => {
  const res = await admin.post('/api/v1/breakfast-cards', { holderName: '测试环卫工', phone: `139${String(10_000_000 + ++seq).slice(-8)}`, employer: '江北区城市管理局', ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Card;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  const shops = await admin.get('/api/v1/fund-shops?pageSize=50');
  fundId = shops.body.items[0].fundId;
  keys = [];
  for (const shop of shops.body.items.slice(0, 4)) {
    const reg = await admin.post('/api/v1/pos-terminals', { shopId: shop.id, name: '早餐测试' });
    keys.push({ keyId: reg.body.keyId, secret: reg.body.secret });
  }
});
afterAll(() => t.close());

describe('breakfast redemptions', () => {
  it('approves one breakfast a day per card, refuses the second with the reason, and counts the next day again', async () => {
    const card = await issue();
    const before = await getTotals(t.database.db, fundId);
    const first = await posInject(t.app, keys[0]!, REDEEM, redemption(card));
    expect(first.body).toMatchObject({ status: 'approved', isDuplicate: false, cardNumber: card.number, priceFen: 800, remainingToday: 0 });
    const second = await posInject(t.app, keys[1]!, REDEEM, redemption(card));
    expect(second.body).toMatchObject({ status: 'refused', code: 'FUND_CARD_ALREADY_REDEEMED_TODAY', message: '该卡今日早餐已领取' });
    // An offline terminal syncing yesterday's breakfast: "today" is the day of the redemption's own time.
    await backdate(card, 3);
    const yesterday = await posInject(t.app, keys[1]!, REDEEM, redemption(card, new Date(Date.now() - 86_400_000)));
    expect(yesterday.body.status).toBe('approved');
    const after = await getTotals(t.database.db, fundId);
    expect(after.breakfasts - before.breakfasts).toBe(2);
    expect(after.breakfastFen - before.breakfastFen).toBe(1600);
  });

  it('answers a repeated redemption id with the first answer and adds nothing', async () => {
    const card = await issue();
    const r = redemption(card);
    const first = await posInject(t.app, keys[0]!, REDEEM, r);
    const again = await posInject(t.app, keys[0]!, REDEEM, r);
    expect(again.body).toMatchObject({ status: 'approved', isDuplicate: true, cardNumber: card.number });
    expect(first.body.isDuplicate).toBe(false);
    const rows = await t.database.query('select 1 from breakfast_redemption where card_id = $1', [card.id]);
    expect(rows).toHaveLength(1);
  });

  it('refuses suspended, replaced, expired and unknown cards, and when the fund is too low', async () => {
    const card = await issue();
    const suspended = await admin.post(`/api/v1/breakfast-cards/${card.id}/suspend`, { version: card.version, reason: '工作调动' });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(card))).body.code).toBe('FUND_CARD_SUSPENDED');
    const reissued = await admin.post(`/api/v1/breakfast-cards/${card.id}/reissue`, { version: suspended.body.version, reason: '卡片遗失' });
    expect(reissued.status, JSON.stringify(reissued.body)).toBe(201);
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(card))).body.code).toBe('FUND_CARD_REPLACED');
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(reissued.body))).body.status).toBe('approved');

    const expired = await issue({ validUntil: '2020-01-01' });
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(expired))).body.code).toBe('FUND_CARD_EXPIRED');
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption({ number: 'ZC000000000', checkCode: cardCheckCode(secrets, 'ZC000000000') }))).body.code).toBe('FUND_CARD_NOT_FOUND');

    const funds = await admin.get('/api/v1/funds');
    const fund = funds.body.items[0];
    const raised = await admin.patch(`/api/v1/funds/${fund.id}`, { version: fund.version, minBalanceFen: fund.balanceFen + 1 });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    const low = await issue();
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(low))).body.code).toBe('FUND_BALANCE_TOO_LOW');
    await admin.patch(`/api/v1/funds/${fund.id}`, { version: raised.body.version, minBalanceFen: 0 });
  });

  it('takes the QR from the worker’s phone page, and refuses an altered one', async () => {
    const worker = await t.loginWorker('13800000001');
    const mine = await worker.get('/api/v1/me/breakfast-cards');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    const { qr, number } = mine.body.items[0];
    const ok = await posInject(t.app, keys[2]!, REDEEM, redemption(qr));
    expect(ok.body).toMatchObject({ status: 'approved', cardNumber: number });
    expect((await worker.get('/api/v1/me/breakfast-cards')).body.items[0].today).toEqual({ used: 1, allowed: 1 });
    expect((await posInject(t.app, keys[2]!, REDEEM, redemption(`${qr.slice(0, -2)}xx`))).body.code).toBe('FUND_QR_INVALID');
  });

  it('lets exactly one of several terminals redeem one card at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const card = await issue();
      const answers = await Promise.all(keys.map((k) => posInject(t.app, k, REDEEM, redemption(card))));
      const approved = answers.filter((a) => a.body.status === 'approved');
      expect(approved, JSON.stringify(answers.map((a) => a.body))).toHaveLength(1);
      expect(answers.filter((a) => a.body.code === 'FUND_CARD_ALREADY_REDEEMED_TODAY')).toHaveLength(keys.length - 1);
      const rows = await t.database.query("select 1 from breakfast_redemption where card_id = $1 and status = 'approved'", [card.id]);
      expect(rows).toHaveLength(1);
    }
    expect(await findBalanceMismatches(t.database.db, fundId)).toEqual([]);
  });

  it.runIf(testDbKind() === 'postgres')('holds under real concurrency on PostgreSQL: 40 cards × 4 terminals at once', async () => {
    const cards = await Promise.all(Array.from({ length: 40 }, () => issue()));
    const answers = await Promise.all(cards.flatMap((c) => keys.map((k) => posInject(t.app, k, REDEEM, redemption(c)))));
    const approvedByCard = new Map<string, number>();
    for (const a of answers) if (a.body.status === 'approved') approvedByCard.set(a.body.cardNumber, (approvedByCard.get(a.body.cardNumber) ?? 0) + 1);
    expect(approvedByCard.size).toBe(40);
    expect([...approvedByCard.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('the rules that stop made-up breakfasts (issue 9)', () => {
  it('refuses a breakfast older than the offline window, dated before the card was issued, or before the shop opened', async () => {
    const card = await issue();
    const hour = 3_600_000;
    // Years back, or just past the 72-hour window: refused before the card is even read.
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(card, new Date('2021-03-01T07:30:00+08:00')))).body.code).toBe('FUND_REDEMPTION_TOO_OLD');
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(card, new Date(Date.now() - 73 * hour)))).body.code).toBe('FUND_REDEMPTION_TOO_OLD');
    // Within the window but before the card existed.
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(card, new Date(Date.now() - 2 * hour)))).body.code).toBe('FUND_REDEMPTION_BEFORE_CARD');
    await backdate(card, 10);
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(card, new Date(Date.now() - 71 * hour)))).body.status).toBe('approved');
    // A shop registered just now: nothing of its till can be older.
    const [pos] = await t.database.query<{ id: string }>(
      "select p.id from position p join org o on o.id = p.org_id where o.code like 'JB-GYQ%' and p.id not in (select position_id from fund_shop) limit 1",
    );
    const shop = await admin.post('/api/v1/fund-shops', { code: 'SHOP-NEW', name: '新开小卖部', positionId: pos!.id, operatorName: '重庆测试商贸有限公司' });
    expect(shop.status, JSON.stringify(shop.body)).toBe(201);
    const reg = await admin.post('/api/v1/pos-terminals', { shopId: shop.body.id, name: '新店收银机' });
    const fresh = { keyId: reg.body.keyId, secret: reg.body.secret };
    const other = await issue();
    await backdate(other, 10);
    expect((await posInject(t.app, fresh, REDEEM, redemption(other, new Date(Date.now() - 2 * hour)))).body.code).toBe('FUND_REDEMPTION_BEFORE_SHOP');
    expect((await posInject(t.app, fresh, REDEEM, redemption(other))).body.status).toBe('approved');
  });

  it('takes a typed card number only with its check code, and stops a terminal that guesses', async () => {
    const card = await issue();
    const reg = await admin.post('/api/v1/pos-terminals', { shopId: (await admin.get('/api/v1/fund-shops?pageSize=1')).body.items[0].id, name: '猜号终端' });
    const guesser = { keyId: reg.body.keyId, secret: reg.body.secret };
    expect((await posInject(t.app, guesser, REDEEM, { ...redemption(card), cardCode: undefined })).body.code).toBe('FUND_CARD_CODE_REQUIRED');
    // Sequential numbers with made-up codes draw nothing, then typed numbers are refused for an hour.
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await posInject(t.app, guesser, REDEEM, redemption({ number: `ZC24${String(100001 + i).padStart(7, '0')}`, checkCode: '123456' }))).body.code);
    expect(new Set(answers)).toEqual(new Set(['FUND_CARD_CODE_INVALID']));
    expect((await posInject(t.app, guesser, REDEEM, redemption(card))).body.code).toBe('FUND_CARD_CODE_LOCKED');
    // The number and code typed in one field, on another terminal; the QR always works.
    expect((await posInject(t.app, keys[3]!, REDEEM, redemption(`${card.number} ${card.checkCode}`))).body.status).toBe('approved');
    const refused = await t.database.query<{ n: number }>(
      "select count(*)::int as n from breakfast_redemption where terminal_id = (select id from pos_terminal where key_id = $1) and status = 'approved'",
      [guesser.keyId],
    );
    expect(refused[0]!.n).toBe(0);
  });

  it('suspends the terminals of a closed shop, and resumes them when it reopens', async () => {
    const shops = await admin.get('/api/v1/fund-shops?pageSize=50');
    const shop = shops.body.items[10];
    const reg = await admin.post('/api/v1/pos-terminals', { shopId: shop.id, name: '停业测试' });
    const key = { keyId: reg.body.keyId, secret: reg.body.secret };
    const card = await issue();
    const detail = await admin.get(`/api/v1/fund-shops/${shop.id}`);
    const closed = await admin.patch(`/api/v1/fund-shops/${shop.id}`, { version: detail.body.version, status: 'closed' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const terminals = await admin.get(`/api/v1/pos-terminals?shopId=${shop.id}`);
    expect(terminals.body.items.map((x: { status: string }) => x.status)).toEqual(terminals.body.items.map(() => 'suspended'));
    const refused = await posInject(t.app, key, REDEEM, redemption(card));
    expect(refused).toMatchObject({ status: 403, body: { code: 'POS_TERMINAL_SUSPENDED' } });
    expect((await posInject(t.app, key, '/api/v1/pos/sales', saleOf())).body.code).toBe('POS_TERMINAL_SUSPENDED');
    expect(await t.database.query("select 1 from audit_entry where action = 'pos_terminal.suspend' and entity_id = $1", [reg.body.terminal.id])).toHaveLength(1);
    const reopened = await admin.patch(`/api/v1/fund-shops/${shop.id}`, { version: closed.body.version, status: 'active' });
    expect(reopened.status).toBe(200);
    expect((await posInject(t.app, key, REDEEM, redemption(card))).body.status).toBe('approved');
  });

  it('books a late sale, refund or breakfast in the open month with its own time kept; published months stay as published', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const statement = async () => (await t.anon.get(`/api/v1/public/fund/statement?from=${day(old)}&to=${day(old)}`)).body;
    const before = await statement();
    const sale = await posInject(t.app, keys[0]!, '/api/v1/pos/sales', saleOf(1500, { soldAt: old.toISOString() }));
    expect(sale.body.status).toBe('accepted');
    const refund = await posInject(t.app, keys[0]!, '/api/v1/pos/refunds', { refundId: `R-${Date.now()}`, saleId: sale.body.saleId, refundedAt: old.toISOString() });
    expect(refund.body.status).toBe('accepted');
    const entries = await t.database.query<{ occurred_at: Date; original_occurred_at: Date | null }>('select occurred_at, original_occurred_at from fund_entry where id = any($1)', [
      [sale.body.entryId, refund.body.entryId],
    ]);
    for (const e of entries) {
      expect(new Date(e.original_occurred_at!).toISOString()).toBe(old.toISOString());
      expect(Date.now() - new Date(e.occurred_at).getTime()).toBeLessThan(3_600_000);
    }
    expect(await statement()).toEqual(before);
    // The sale itself keeps its time (the till's record); only its booking moved.
    const [row] = await t.database.query<{ sold_at: Date }>('select sold_at from fund_sale where entry_id = $1', [sale.body.entryId]);
    expect(new Date(row!.sold_at).toISOString()).toBe(old.toISOString());
    expect(await findBalanceMismatches(t.database.db, fundId)).toEqual([]);
  });

  it('refuses a sale of more than 10,000 yuan', async () => {
    const res = await posInject(t.app, keys[0]!, '/api/v1/pos/sales', saleOf(100_000_000));
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ path: 'amountFen' }] } });
    const batch = await posInject(t.app, keys[0]!, '/api/v1/pos/sales', { sales: [saleOf(1_000_001), saleOf(1_000_000)] });
    expect(batch.body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'accepted']);
  });
});

describe('breakfast cards in the console', () => {
  it('lists cards with masked phones only, and audits issuing', async () => {
    const card = await issue({ phone: '13912345678' });
    const list = await admin.get(`/api/v1/breakfast-cards?q=${card.number}`);
    expect(list.body.items[0]).toMatchObject({ number: card.number, holderPhoneMasked: '139****5678', status: 'active' });
    expect(JSON.stringify(list.body)).not.toContain('13912345678');
    const audit = await t.database.query<{ action: string }>('select action from audit_entry where entity_id = $1', [card.id]);
    expect(audit.map((a) => a.action)).toEqual(['breakfast_card.issue']);
  });

  it('gives a card inserted without its issuing union (the previous release, mid-upgrade) its fund’s union', async () => {
    const [fund] = await t.database.query<{ org_id: string }>('select org_id from fund where id = $1', [fundId]);
    const [row] = await t.database.query<{ org_id: string | null }>(
      "insert into breakfast_card (fund_id, number, holder_name, valid_until) values ($1, $2, '旧版发卡', current_date + 30) returning org_id",
      [fundId, `OLD${Date.now().toString().slice(-9)}`],
    );
    expect(row!.org_id).toBe(fund!.org_id);
  });
});
