import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { testDbKind } from '../../test/test-db';
import { findBalanceMismatches, getTotals } from './ledger';
import { posInject, type PosKey } from './fund.test-support';

let t: TestApp;
let admin: Client;
let keys: PosKey[];
let fundId: string;
const REDEEM = '/api/v1/pos/breakfast-redemptions';
let seq = 0;
const redemption = (card: string, at = new Date()) => ({ redemptionId: `B-${Date.now()}-${++seq}`, card, redeemedAt: at.toISOString() });
const issue = async (over: Record<string, unknown> = {}) => {
  const res = await admin.post('/api/v1/breakfast-cards', { holderName: '测试环卫工', phone: `139${String(10_000_000 + ++seq).slice(-8)}`, employer: '江北区城市管理局', ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: string; version: number };
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
    const first = await posInject(t.app, keys[0]!, REDEEM, redemption(card.number));
    expect(first.body).toMatchObject({ status: 'approved', isDuplicate: false, cardNumber: card.number, priceFen: 800, remainingToday: 0 });
    const second = await posInject(t.app, keys[1]!, REDEEM, redemption(card.number));
    expect(second.body).toMatchObject({ status: 'refused', code: 'FUND_CARD_ALREADY_REDEEMED_TODAY', message: '该卡今日早餐已领取' });
    // An offline terminal syncing yesterday's breakfast: "today" is the day of the redemption's own time.
    const yesterday = await posInject(t.app, keys[1]!, REDEEM, redemption(card.number, new Date(Date.now() - 86_400_000)));
    expect(yesterday.body.status).toBe('approved');
    const after = await getTotals(t.database.db, fundId);
    expect(after.breakfasts - before.breakfasts).toBe(2);
    expect(after.breakfastFen - before.breakfastFen).toBe(1600);
  });

  it('answers a repeated redemption id with the first answer and adds nothing', async () => {
    const card = await issue();
    const r = redemption(card.number);
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
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(card.number))).body.code).toBe('FUND_CARD_SUSPENDED');
    const reissued = await admin.post(`/api/v1/breakfast-cards/${card.id}/reissue`, { version: suspended.body.version, reason: '卡片遗失' });
    expect(reissued.status, JSON.stringify(reissued.body)).toBe(201);
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(card.number))).body.code).toBe('FUND_CARD_REPLACED');
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(reissued.body.number))).body.status).toBe('approved');

    const expired = await issue({ validUntil: '2020-01-01' });
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(expired.number))).body.code).toBe('FUND_CARD_EXPIRED');
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption('ZC000000000'))).body.code).toBe('FUND_CARD_NOT_FOUND');

    const funds = await admin.get('/api/v1/funds');
    const fund = funds.body.items[0];
    const raised = await admin.patch(`/api/v1/funds/${fund.id}`, { version: fund.version, minBalanceFen: fund.balanceFen + 1 });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    const low = await issue();
    expect((await posInject(t.app, keys[0]!, REDEEM, redemption(low.number))).body.code).toBe('FUND_BALANCE_TOO_LOW');
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
      const answers = await Promise.all(keys.map((k) => posInject(t.app, k, REDEEM, redemption(card.number))));
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
    const answers = await Promise.all(cards.flatMap((c) => keys.map((k) => posInject(t.app, k, REDEEM, redemption(c.number)))));
    const approvedByCard = new Map<string, number>();
    for (const a of answers) if (a.body.status === 'approved') approvedByCard.set(a.body.cardNumber, (approvedByCard.get(a.body.cardNumber) ?? 0) + 1);
    expect(approvedByCard.size).toBe(40);
    expect([...approvedByCard.values()].every((n) => n === 1)).toBe(true);
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
});
