import { idNumberCheckChar, isCardNumberValid } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { validUntilFrom } from './fund-access';

/**
 * Issue #10 point 5: a street admin below the district's fund works with their slice of it, and
 * breakfast cards are one per person per fund, valid for the fund's period, in one number format.
 */
let t: TestApp;
let district: Client;
let street: Client;
let other: Client;
let seq = 0;
const phone = () => `136${String(20_000_000 + ++seq).slice(-8)}`;
const todayInShanghai = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const range = () => {
  const to = todayInShanghai();
  const from = new Date(Date.parse(to) - 30 * 86_400_000).toISOString().slice(0, 10);
  return `from=${from}&to=${to}`;
};

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  street = await t.login('gyq.admin');
  other = await t.login('wld.admin');
});
afterAll(() => t.close());

describe('a street admin and the district fund', () => {
  it('gets the fund as a slice, its own shops’ contributions and stations’ breakfasts, and the public statement; not the custodian account', async () => {
    const funds = await street.get('/api/v1/funds');
    expect(funds.status).toBe(200);
    expect(funds.body.items).toHaveLength(1);
    expect(funds.body.items[0]).toMatchObject({ access: 'slice', orgName: '江北区总工会', cardValidMonths: 12 });
    expect((await district.get('/api/v1/funds')).body.items[0].access).toBe('manage');

    const mine = await street.get(`/api/v1/fund-reports/contributions?${range()}&groupBy=shop`);
    const all = await district.get(`/api/v1/fund-reports/contributions?${range()}&groupBy=shop`);
    expect(mine.status).toBe(200);
    const shops = await street.get('/api/v1/fund-shops?pageSize=100');
    const myCodes = new Set<string>(shops.body.items.map((s: { code: string }) => s.code));
    expect(myCodes.size).toBeGreaterThan(0);
    expect(mine.body.rows.length).toBe(myCodes.size);
    for (const row of mine.body.rows) expect(myCodes.has(row.key)).toBe(true);
    // The slice is exactly the district's rows for those shops.
    const expected = all.body.rows.filter((r: { key: string }) => myCodes.has(r.key));
    expect(mine.body.rows).toEqual(expected);
    expect(all.body.rows.length).toBeGreaterThan(mine.body.rows.length);

    const breakfasts = await street.get(`/api/v1/fund-reports/breakfasts?${range()}&groupBy=station`);
    expect(breakfasts.status).toBe(200);
    expect(breakfasts.body.totals.breakfasts).toBeGreaterThan(0);
    const allBreakfasts = await district.get(`/api/v1/fund-reports/breakfasts?${range()}&groupBy=station`);
    expect(breakfasts.body.totals.breakfasts).toBeLessThan(allBreakfasts.body.totals.breakfasts);

    const statement = await street.get(`/api/v1/fund-reports/statement?${range()}`);
    expect(statement.status).toBe(200);
    expect(statement.body).toEqual((await district.get(`/api/v1/fund-reports/statement?${range()}`)).body);

    expect((await street.get('/api/v1/fund-custodian/transfers')).status).toBe(404);
  });

  it('downloads reports under Chinese file names', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/fund-reports/breakfasts.xlsx?${range()}&groupBy=day`, headers: { cookie: street.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('爱心早餐报表_')}`);
  });

  it('issues cards in its own street, which the district sees and another street does not', async () => {
    const res = await street.post('/api/v1/breakfast-cards', { holderName: '观音桥环卫工', phone: phone() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.org.name).toBe('观音桥街道总工会');
    expect(isCardNumberValid(res.body.number)).toBe(true);
    expect((await district.get(`/api/v1/breakfast-cards/${res.body.id}`)).status).toBe(200);
    expect((await other.get(`/api/v1/breakfast-cards/${res.body.id}`)).status).toBe(404);
    const listed = await other.get(`/api/v1/breakfast-cards?q=${res.body.number}`);
    expect(listed.body.total).toBe(0);
  });

  it('lets a street admin import a card list for its street', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('卡');
    ws.addRow(['姓名', '手机号']);
    ws.addRow(['观音桥导入', phone()]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/breakfast-cards/imports?fileName=a.xlsx', headers: { cookie: street.cookie!, 'x-csrf-token': street.csrf!, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: file });
    expect(up.statusCode, up.body).toBe(202);
    const batch = JSON.parse(up.body) as { id: string; version: number };
    const done = await street.post(`/api/v1/breakfast-cards/imports/${batch.id}/commit`, { version: batch.version, mode: 'only_valid' });
    expect(done.status, JSON.stringify(done.body)).toBe(202);
    const found = await street.get(`/api/v1/breakfast-cards?q=${encodeURIComponent('观音桥导入')}`);
    expect(found.body.items[0].org.name).toBe('观音桥街道总工会');
  });
});

describe('breakfast cards: one per person per fund, the fund’s period, one number format', () => {
  it('refuses a second card for the same phone or ID number, naming the card held; a reissue keeps the one card', async () => {
    const p = phone();
    const first17 = '50010519800101001';
    const id = first17 + idNumberCheckChar(first17);
    const first = await district.post('/api/v1/breakfast-cards', { holderName: '李秀英', phone: p, idNumber: id });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const samePhone = await street.post('/api/v1/breakfast-cards', { holderName: '李秀英', phone: p });
    expect(samePhone.status).toBe(409);
    expect(samePhone.body.code).toBe('FUND_CARD_HOLDER_HAS_CARD');
    expect(samePhone.body.detail).toContain(first.body.number);
    expect(samePhone.body.detail).toContain('李秀英');
    expect(samePhone.body.errors[0].path).toBe('phone');
    const sameId = await district.post('/api/v1/breakfast-cards', { holderName: '李秀英', phone: phone(), idNumber: id.toLowerCase() });
    expect(sameId.status).toBe(409);
    expect(sameId.body.errors[0].path).toBe('idNumber');
    const badId = await district.post('/api/v1/breakfast-cards', { holderName: '王五', phone: phone(), idNumber: first17 + (idNumberCheckChar(first17) === '0' ? '1' : '0') });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].path).toBe('idNumber');

    const reissued = await district.post(`/api/v1/breakfast-cards/${first.body.id}/reissue`, { version: first.body.version, reason: '卡片遗失' });
    expect(reissued.status, JSON.stringify(reissued.body)).toBe(201);
    expect(reissued.body.holderPhoneMasked).toBe(first.body.holderPhoneMasked);
    const again = await district.post('/api/v1/breakfast-cards', { holderName: '李秀英', phone: p });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(reissued.body.number);
  });

  it('gives a new card the fund’s period, and a changed period to the next card', async () => {
    const card = await district.post('/api/v1/breakfast-cards', { holderName: '有效期', phone: phone() });
    expect(card.body.validUntil).toBe(validUntilFrom(todayInShanghai(), 12));
    const fund = (await district.get('/api/v1/funds')).body.items[0];
    const changed = await district.patch(`/api/v1/funds/${fund.id}`, { version: fund.version, cardValidMonths: 6 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.nextCardValidUntil).toBe(validUntilFrom(todayInShanghai(), 6));
    const next = await district.post('/api/v1/breakfast-cards', { holderName: '有效期二', phone: phone() });
    expect(next.body.validUntil).toBe(validUntilFrom(todayInShanghai(), 6));
    expect((await street.patch(`/api/v1/funds/${fund.id}`, { version: changed.body.version, cardValidMonths: 3 })).status).toBe(404);
  });

  it('counts months as a calendar does', () => {
    expect(validUntilFrom('2026-03-15', 12)).toBe('2027-03-14');
    expect(validUntilFrom('2026-01-31', 1)).toBe('2026-02-28');
    expect(validUntilFrom('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('seeds demo cards in the one format, with their redemptions, held by street unions', async () => {
    const cards = await district.get('/api/v1/breakfast-cards?pageSize=100');
    const demo = cards.body.items.filter((c: { holderPhoneMasked: string | null }) => c.holderPhoneMasked?.startsWith('139****') || c.holderPhoneMasked === '138****0001');
    expect(demo.length).toBeGreaterThan(30);
    for (const c of demo) expect(isCardNumberValid(c.number), c.number).toBe(true);
    expect(demo.filter((c: { totalRedemptions: number }) => c.totalRedemptions > 0).length).toBeGreaterThan(30);
    expect(new Set(demo.map((c: { org: { name: string } }) => c.org.name)).size).toBeGreaterThan(3);
    // A card's redemptions are breakfasts in the ledger: the same count.
    const [row] = await t.database.query<{ r: number; e: number }>(
      "select (select count(*)::int from breakfast_redemption where status = 'approved') as r, (select count(*)::int from fund_entry e join breakfast_redemption b on b.entry_id = e.id where e.kind = 'breakfast') as e",
    );
    expect(row!.r).toBe(row!.e);
    const worker = await t.loginWorker('13800000001');
    const mine = await worker.get('/api/v1/me/breakfast-cards');
    expect(mine.body.items[0].holderName).toBeTruthy();
  });
});
