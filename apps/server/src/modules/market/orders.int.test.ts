import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecrets } from '../../platform/secrets';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { signCardToken } from '../members';
import { approvedProject, approvedProvider, dayFromNow, freshSubsidyRule, memberAccounts, PNG, sessionsFor, upload } from './market.test-support';

/** Ordering with subsidies, the provider's confirm/decline, attendance, delivery, rating, settlement; every refusal. */
let t: TestApp;
let admin: Client;
let provider: Client;
let projectId: string;
let ruleId: string;
const year = Number(dayFromNow(3).slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  provider = (await approvedProvider(t, admin, '江北乐活体育')).client;
  // ¥1,500 a session of 20; on site or at a station.
  projectId = (await approvedProject(provider, admin, { title: '工间操与健身指导', category: 'sports', formats: ['on_site', 'station'] })).id;
  // Half the price subsidised, ¥2,000 a union per year, ¥10,000 in all.
  ruleId = (await freshSubsidyRule(t, admin, year, { budgetFen: 1_000_000, percentBps: 5000, capPerUnionFen: 200_000 })).id;
});
afterAll(async () => t?.close());

const order = async (client: Client, over: Record<string, unknown> = {}) =>
  client.post('/api/v1/market/orders', { projectId, orderingOrgId: await t.orgId('JB-SF'), serviceDate: dayFromNow(3), headcount: 20, placeKind: 'address', address: '顺丰观音桥营业部三楼', ...over });

// Each step drives many requests; on a saturated 2-core machine one can take over 30 s.
describe('ordering with subsidies', { timeout: 180_000 }, () => {
  it('quotes, places and holds the subsidy; refuses beyond the union’s cap with what is left', async () => {
    const quote = await admin.get(`/api/v1/market/quote?projectId=${projectId}&orderingOrgId=${await t.orgId('JB-SF')}&headcount=30&serviceDate=${dayFromNow(3)}`);
    expect(quote.body).toMatchObject({ sessions: 2, totalFen: 300_000, subsidyFen: 150_000, payableFen: 150_000, rule: { percentBps: 5000, capRemainingFen: 200_000 }, refusal: null });
    const first = await order(admin, { headcount: 30 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ status: 'placed', totalFen: 300_000, subsidyFen: 150_000, payableFen: 150_000, sessions: 2, orderingOrg: { name: '顺丰速运重庆有限公司工会' } });
    expect(first.body.number).toMatch(/^DD\d{6}\d{5}$/);
    // ¥500 left of the cap; the next needs ¥750.
    const capped = await order(admin);
    expect(capped.status).toBe(409);
    expect(capped.body).toMatchObject({ code: 'MARKET_SUBSIDY_CAP_EXCEEDED', detail: `本单位 ${year} 年补贴上限剩余 ¥500.00，本单需补贴 ¥750.00` });
    const quoted = await admin.get(`/api/v1/market/quote?projectId=${projectId}&orderingOrgId=${await t.orgId('JB-SF')}&headcount=20&serviceDate=${dayFromNow(3)}`);
    expect(quoted.body.refusal).toBe('MARKET_SUBSIDY_CAP_EXCEEDED');
    const rules = (await admin.get('/api/v1/market/subsidy-rules')).body.items;
    expect(rules.find((r: { id: string }) => r.id === ruleId)).toMatchObject({ committedFen: 150_000, remainingFen: 850_000, unions: 1 });
    // Declined by the provider: the subsidy returns and the union can order again.
    const declined = await provider.post(`/api/v1/market/my-orders/${first.body.id}/decline`, { version: first.body.version, reason: '当天教练已有安排，请改期' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '当天教练已有安排，请改期' });
    expect((await admin.get('/api/v1/market/subsidy-rules')).body.items.find((r: { id: string }) => r.id === ruleId).committedFen).toBe(0);
    expect((await order(admin)).status).toBe(201);
  });

  it('refuses beyond the remaining budget, a past date, a format the project lacks, a changed version, a union outside scope', async () => {
    const rule = (await admin.get('/api/v1/market/subsidy-rules')).body.items.find((r: { id: string }) => r.id === ruleId);
    // Lower the budget to what is held plus ¥100.
    const lowered = await admin.request('PUT', `/api/v1/market/subsidy-rules/${ruleId}`, { version: rule.version, budgetFen: rule.committedFen + 10_000, percentBps: 5000, capPerUnionFen: 200_000 });
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
    const budget = await order(admin, { orderingOrgId: await t.orgId('JB-HLL') });
    expect(budget.body).toMatchObject({ code: 'MARKET_SUBSIDY_BUDGET_EXCEEDED', detail: `${year} 年补贴预算剩余 ¥100.00，本单需补贴 ¥750.00` });
    // Below what orders hold: refused.
    expect((await admin.request('PUT', `/api/v1/market/subsidy-rules/${ruleId}`, { version: lowered.body.version, budgetFen: 1, percentBps: 5000, capPerUnionFen: 200_000 })).body.code).toBe('MARKET_RULE_BELOW_COMMITTED');
    expect((await admin.request('PUT', `/api/v1/market/subsidy-rules/${ruleId}`, { version: lowered.body.version, budgetFen: 1_000_000, percentBps: 5000, capPerUnionFen: 200_000 })).status).toBe(200);

    expect((await order(admin, { serviceDate: dayFromNow(-1) })).body.errors[0]).toMatchObject({ path: 'serviceDate', message: '服务日期不能早于今天' });
    expect((await order(admin, { placeKind: 'online', address: null })).body.errors[0].path).toBe('placeKind');
    expect((await order(admin, { placeKind: 'position', address: null })).body.errors[0].path).toBe('positionId');
    const street = await t.login('gyq.admin');
    expect((await order(street, { orderingOrgId: await t.orgId('JB-HLL') })).status).toBe(404);
    expect((await order(street, { orderingOrgId: await t.orgId('JB-GYQ') })).body.errors[0].path).toBe('orderingOrgId');
    // The provider edits and staff approve a new version: an order made on the old one is refused.
    const before = (await t.anon.get(`/api/v1/market/library/${projectId}`)).body.versionId;
    const detail = (await provider.get(`/api/v1/market/my-projects/${projectId}`)).body;
    const latest = detail.latest;
    const saved = await provider.request('PUT', `/api/v1/market/my-projects/${projectId}/draft`, { ...latest, id: undefined, number: undefined, status: undefined, reviewReason: undefined, reviewedAt: undefined, submittedAt: undefined, createdAt: undefined, description: `${latest.description}（新增拉伸环节）`, version: detail.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sent = await provider.post(`/api/v1/market/my-projects/${projectId}/submit`, { version: saved.body.version });
    await admin.post(`/api/v1/market/projects/${projectId}/review`, { versionId: sent.body.latest.id, decision: 'approve' });
    expect((await order(admin, { versionId: before })).body.code).toBe('MARKET_PROJECT_CHANGED');
  });

  it('delivers: confirm, scan members’ cards, workers sign in by QR, photos, rating, settlement', async () => {
    const placed = await order(admin, { serviceDate: dayFromNow(0), orderingOrgId: await t.orgId('JB-ELM'), headcount: 10 });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const scanBefore = await provider.post(`/api/v1/market/my-orders/${placed.body.id}/attendance`, { token: 'M1.xxxxxxxxxxxx' });
    expect(scanBefore.body).toMatchObject({ code: 'MARKET_ORDER_STATUS', detail: '订单当前为“待确认”' });
    const confirmed = await provider.post(`/api/v1/market/my-orders/${placed.body.id}/confirm`, { version: placed.body.version });
    expect(confirmed.body.status).toBe('confirmed');
    // Two members' cards; one forged; one scanned twice.
    const key = loadSecrets({ secret: t.config.secret, dataDir: t.config.dataDir, allowGenerate: false }).key;
    const members = await t.database.query<{ id: string; member_number: string }>(`select m.id, m.member_number from membership m join org o on o.id = m.org_id where o.code = 'JB-GYQ-LH' and m.status = 'active' limit 2`);
    const tokens = members.map((m) => signCardToken(key, { membershipId: m.id, memberNumber: m.member_number, issuedAt: new Date() }));
    const scan = (token: string) => provider.post(`/api/v1/market/my-orders/${placed.body.id}/attendance`, { token });
    expect((await scan(tokens[0]!)).body).toMatchObject({ count: 1, added: true, union: '观音桥街道片区联合工会' });
    expect((await scan(tokens[0]!)).body).toMatchObject({ count: 1, added: false });
    const forged = await scan(tokens[1]!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(forged.body.code).toBe('MARKET_CARD_INVALID');
    expect((await scan(tokens[1]!)).body.count).toBe(2);
    // A worker signs in with the service's QR; a forged token is refused.
    const qr = (await provider.get(`/api/v1/market/my-orders/${placed.body.id}/attendance-qr`)).body;
    expect(qr.url).toContain(`/m/market/attend/${placed.body.id}?t=`);
    const [worker] = await memberAccounts(t, 'JB-WLD', 1);
    const [workerClient] = await sessionsFor(t, [worker!.userId]);
    expect((await workerClient!.post('/api/v1/market/attend', { orderId: placed.body.id, token: 'x'.repeat(22) })).body.code).toBe('MARKET_ATTEND_TOKEN_INVALID');
    expect((await workerClient!.post('/api/v1/market/attend', { orderId: placed.body.id, token: qr.token })).body).toMatchObject({ isNew: true, project: '工间操与健身指导' });
    expect((await workerClient!.post('/api/v1/market/attend', { orderId: placed.body.id, token: qr.token })).body.isNew).toBe(false);

    // Delivery needs the provider's own photos.
    const other = (await approvedProvider(t, admin)).client;
    const strangerPhoto = await upload(t, other, PNG, 'image/png');
    const current = (await provider.get(`/api/v1/market/my-orders?status=confirmed`)).body.items.find((o: { id: string }) => o.id === placed.body.id);
    expect((await provider.post(`/api/v1/market/my-orders/${placed.body.id}/deliver`, { version: current.version, photoIds: [strangerPhoto] })).body.errors[0].message).toBe('只能使用自己上传的文件');
    const photo = await upload(t, provider, PNG, 'image/png');
    const delivered = await provider.post(`/api/v1/market/my-orders/${placed.body.id}/deliver`, { version: current.version, photoIds: [photo], note: '共 3 人次参加' });
    expect(delivered.body).toMatchObject({ status: 'delivered', attendanceCount: 3, deliveryPhotoIds: [photo] });
    // The ordering union sees the photo; the union rates once.
    expect((await admin.get(`/api/v1/market/files/${photo}`)).status).toBe(200);
    expect((await t.anon.get(`/api/v1/market/files/${photo}`)).status).toBe(404);
    const rated = await admin.post(`/api/v1/market/orders/${placed.body.id}/rate`, { version: delivered.body.version, rating: 5, comment: '教练专业，骑手们很喜欢' });
    expect(rated.body).toMatchObject({ rating: 5 });
    expect((await admin.post(`/api/v1/market/orders/${placed.body.id}/rate`, { version: rated.body.version, rating: 1 })).body.code).toBe('MARKET_ALREADY_RATED');
    // Each step told the other side: the provider of the order and its rating, the union of the confirmation and delivery.
    const told = await t.database.query<{ kind: string; to_provider: boolean }>(
      `select n.kind, exists (select 1 from market_provider_user u where u.user_id = n.recipient_id) as to_provider from notification n where n.entity_id = $1 order by n.created_at, n.kind`,
      [placed.body.id],
    );
    expect(told.map((n) => `${n.kind}:${n.to_provider ? 'provider' : 'union'}`)).toEqual(expect.arrayContaining(['market.order_placed:provider', 'market.order_confirmed:union', 'market.order_delivered:union', 'market.order_rated:provider']));
    expect((await t.anon.get(`/api/v1/market/library/${projectId}`)).body).toMatchObject({ ratingAverage: 5, ratingCount: 1, deliveredOrders: 1, comments: [{ comment: '教练专业，骑手们很喜欢', union: '饿了么重庆江北站点工会' }] });

    // A future order cannot be delivered yet.
    const future = await order(admin, { orderingOrgId: await t.orgId('JB-HLL'), serviceDate: dayFromNow(5), headcount: 5 });
    const futureOk = await provider.post(`/api/v1/market/my-orders/${future.body.id}/confirm`, { version: future.body.version });
    expect((await provider.post(`/api/v1/market/my-orders/${future.body.id}/deliver`, { version: futureOk.body.version, photoIds: [photo] })).body.code).toBe('MARKET_DELIVERY_TOO_EARLY');

    // Settlement of this month: the delivered order, in a sheet named after the provider.
    const month = dayFromNow(0).slice(0, 7);
    const summary = await admin.get(`/api/v1/market/settlements?month=${month}`);
    const mine = summary.body.rows.find((r: { provider: { name: string } }) => r.provider.name === '江北乐活体育');
    expect(mine).toMatchObject({ orders: 1, attendance: 3, totalFen: 150_000, subsidyFen: 75_000, payableFen: 75_000 });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/market/my-settlements.xlsx?month=${month}`, headers: { cookie: provider.cookie! } });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`服务结算_${month}.xlsx`)}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('江北乐活体育')!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain(placed.body.number);
    expect(values).toContain('合计 Total');
  });

  it('lets a member order for themself where the project allows it, within the union’s subsidy', async () => {
    const { id: selfProject } = await approvedProject(provider, admin, { title: '个人形象设计体验课', category: 'skills', priceFen: 8_000, priceUnit: 'person', capacity: 1, durationMinutes: 90, formats: ['station'], allowsSelfOrder: true });
    const position = (await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`))[0]!.id;
    const [member] = await memberAccounts(t, 'JB-GYQ-LH', 1);
    const [worker] = await sessionsFor(t, [member!.userId]);
    const placed = await worker!.post('/api/v1/market/me/orders', { projectId: selfProject, serviceDate: dayFromNow(2), placeKind: 'position', positionId: position });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ isSelf: true, headcount: 1, totalFen: 8_000, subsidyFen: 4_000, payableFen: 4_000, position: { id: position } });
    expect(placed.body.orderingOrg).not.toBeNull();
    expect((await worker!.get('/api/v1/market/me/orders')).body.items).toHaveLength(1);
    const notAllowed = await worker!.post('/api/v1/market/me/orders', { projectId, serviceDate: dayFromNow(2), placeKind: 'address', address: '家里' });
    expect(notAllowed.body.code).toBe('MARKET_SELF_ORDER_NOT_ALLOWED');
    // Only the worker (and the provider, and staff in scope) see it.
    const [stranger] = await sessionsFor(t, [(await memberAccounts(t, 'JB-WLD', 1))[0]!.userId]);
    expect((await stranger!.get(`/api/v1/market/orders/${placed.body.id}`)).status).toBe(404);
    expect((await worker!.post(`/api/v1/market/orders/${placed.body.id}/cancel`, { version: placed.body.version, reason: '临时加班' })).body.status).toBe('cancelled');
  });

  it('holds a worker’s own orders to the rule’s cap per person, and lets the union cancel one with a reason the worker sees', async () => {
    const { id: selfProject } = await approvedProject(provider, admin, { title: '职工心理减压体验', category: 'skills', priceFen: 8_000, priceUnit: 'person', capacity: 1, durationMinutes: 60, formats: ['station'], allowsSelfOrder: true });
    const position = (await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`))[0]!.id;
    const rule = (await admin.get('/api/v1/market/subsidy-rules')).body.items.find((r: { id: string }) => r.id === ruleId);
    expect(rule.capPerPersonFen).toBe(20_000); // ¥200 unless set
    const lowered = await admin.request('PUT', `/api/v1/market/subsidy-rules/${ruleId}`, { version: rule.version, budgetFen: rule.budgetFen, percentBps: rule.percentBps, capPerUnionFen: rule.capPerUnionFen, capPerPersonFen: 10_000 });
    expect(lowered.body.capPerPersonFen, JSON.stringify(lowered.body)).toBe(10_000);
    const [member] = await memberAccounts(t, 'JB-GYQ-LH', 1);
    const [worker] = await sessionsFor(t, [member!.userId]);
    const own = () => worker!.post('/api/v1/market/me/orders', { projectId: selfProject, serviceDate: dayFromNow(2), placeKind: 'position', positionId: position });
    // ¥40 of subsidy each: two fit in ¥100, a third does not (its ¥40 against ¥20 left).
    const first = await own();
    expect(first.body.subsidyFen, JSON.stringify(first.body)).toBe(4_000);
    expect((await own()).status).toBe(201);
    const third = await worker!.request('POST', '/api/v1/market/me/orders', { projectId: selfProject, serviceDate: dayFromNow(2), placeKind: 'position', positionId: position }, { 'accept-language': 'zh-CN' });
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ code: 'MARKET_SUBSIDY_PERSON_CAP_EXCEEDED', detail: expect.stringContaining('¥20.00') });
    // Another worker of the same union still has their own allowance.
    const [other] = await sessionsFor(t, [(await memberAccounts(t, 'JB-GYQ-LH', 2))[1]!.userId]);
    expect((await other!.post('/api/v1/market/me/orders', { projectId: selfProject, serviceDate: dayFromNow(2), placeKind: 'position', positionId: position })).status).toBe(201);
    // The union's money: staff who may order for the union cancel the worker's own order; a street
    // admin elsewhere cannot even see it.
    const wld = await t.login('wld.admin');
    expect((await wld.post(`/api/v1/market/orders/${first.body.id}/cancel`, { version: first.body.version, reason: '重复预约' })).status).toBe(404);
    const byUnion = await admin.post(`/api/v1/market/orders/${first.body.id}/cancel`, { version: first.body.version, reason: '本月名额已满，工会统一安排' });
    expect(byUnion.body.status, JSON.stringify(byUnion.body)).toBe('cancelled');
    const mine = (await worker!.get('/api/v1/market/me/orders')).body.items.find((o: { id: string }) => o.id === first.body.id);
    expect(mine).toMatchObject({ status: 'cancelled', cancelReason: '本月名额已满，工会统一安排' });
    const told = (await worker!.get('/api/v1/me/notifications')).body.items.map((n: { body: string | null; link: string }) => `${n.link}|${n.body ?? ''}`);
    expect(told).toContain('/m/me/orders|本月名额已满，工会统一安排');
    // The cancelled order gave its ¥40 back: the worker may order once more, and no more.
    expect((await own()).status).toBe(201);
    expect((await own()).body.code).toBe('MARKET_SUBSIDY_PERSON_CAP_EXCEEDED');
  });
});
