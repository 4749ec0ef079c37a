import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTerminalRequest } from '../../platform/terminal-signing';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

/**
 * 共享食堂 on the demo's 观音桥: the street's staff set the canteen's prices (seed 004: 20 yuan,
 * 15 for outdoor workers, over-60s and veterans, 10 for certified low-income, five-guarantee and
 * disabled residents); a worker applies for the 10-yuan tier, staff certify with an expiry; the
 * signed terminal reads the member card QR and prices the meal — at most two reduced meals a day
 * even when requests race, an expired certification falling back to the next tier; bad
 * signatures and replayed nonces are refused.
 */
let t: TestApp;
let gyq: Client;
let wld: Client;
let unionId: string;
let positionId: string;
let tier10: string;
let terminal: { keyId: string; secret: string };
const MEALS = '/api/v1/canteen-terminal/meals';
const DAY = 86_400_000;
const shDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * DAY).toISOString().slice(0, 10);

let seq = 0;
/** A worker who joins 观音桥's grassroots union and is approved. */
async function member(birth: string, employmentForm: string): Promise<Client> {
  const n = ++seq;
  const first17 = `500105${birth.replaceAll('-', '')}${String(n % 100).padStart(2, '0')}1`;
  const c = await t.loginWorker(`1356600${String(n).padStart(4, '0')}`);
  const applied = await c.post('/api/v1/members/applications', { realName: `就餐职工${n}`, idNumber: first17 + idNumberCheckChar(first17), employmentForm, orgId: unionId });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const approved = await gyq.post(`/api/v1/members/${applied.body.membership.id}/approve`, { version: applied.body.membership.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return c;
}

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function meal(key: { keyId: string; secret: string }, card: string, opts: { nonce?: string; timestamp?: number; tamper?: boolean } = {}) {
  const body = JSON.stringify({ card });
  const headers = signTerminalRequest('x-canteen', { ...key, method: 'POST', path: MEALS, body, ...(opts.nonce ? { nonce: opts.nonce } : {}), ...(opts.timestamp ? { timestamp: opts.timestamp } : {}) });
  const res = await t.app.inject({ method: 'POST', url: MEALS, headers: { ...headers, 'content-type': 'application/json' }, payload: opts.tamper ? body.replace('"card"', '"card" ') : body });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const cardOf = async (c: Client): Promise<string> => (await ok<{ token: string }>(c.get('/api/v1/members/me/card'), 'card')).token;

beforeAll(async () => {
  t = await createTestApp();
  [gyq, wld] = await Promise.all([t.login('gyq.admin'), t.login('wld.admin')]);
  unionId = await t.orgId('JB-GYQ-LH');
  const [pos] = await t.database.query<{ id: string }>("select id from position where code = 'JB-CT-001'");
  positionId = pos!.id;
});
afterAll(() => t?.close());

describe('settings', () => {
  it('sets the prices and tiers of a canteen position of the caller’s street; others do not see it', async () => {
    const listed = await ok<any[]>(gyq.get('/api/v1/assistance/canteens'), 'list');
    const current = listed.find((c) => c.positionId === positionId);
    expect(current.normalPriceFen).toBe(2000);
    const saved = await ok<any>(
      gyq.put(`/api/v1/assistance/canteens/${positionId}`, {
        normalPriceFen: 2000,
        maxReducedPerDay: 2,
        version: current.version,
        tiers: [
          { name: '15元档', priceFen: 1500, grounds: ['outdoor_worker', 'over_60', 'veteran'], needsCertification: false },
          { name: '10元档', priceFen: 1000, grounds: ['low_income', 'five_guarantees', 'disabled'], needsCertification: true },
        ],
      }),
      'save',
    );
    // The demo's two tiers were left out: kept, deactivated; the two new ones are active.
    expect(saved.tiers.filter((x: any) => x.isActive).map((x: any) => x.name)).toEqual(['15元档', '10元档']);
    tier10 = saved.tiers.find((x: any) => x.isActive && x.priceFen === 1000).id;

    const tooDear = await gyq.put(`/api/v1/assistance/canteens/${positionId}`, { normalPriceFen: 2000, version: saved.version, tiers: [{ name: 'x', priceFen: 2000, grounds: ['veteran'], needsCertification: true }] });
    expect(tooDear.status).toBe(400);
    expect(tooDear.body.errors[0].path).toBe('tiers.0.priceFen');
    const stale = await gyq.put(`/api/v1/assistance/canteens/${positionId}`, { normalPriceFen: 2000, version: current.version, tiers: [] });
    expect(stale.status).toBe(409);
    expect((await wld.put(`/api/v1/assistance/canteens/${positionId}`, { normalPriceFen: 2000, tiers: [] })).status).toBe(404);
    expect((await ok<any[]>(wld.get('/api/v1/assistance/canteens'), 'wld')).some((c) => c.positionId === positionId)).toBe(false);
    const [rest] = await t.database.query<{ id: string }>("select id from position where type = 'rest_station' and org_id = $1 limit 1", [await t.orgId('JB-GYQ')]);
    if (rest) expect((await gyq.put(`/api/v1/assistance/canteens/${rest.id}`, { normalPriceFen: 2000, tiers: [] })).body.code).toBe('CANTEEN_NOT_A_CANTEEN');
  });

  it('creates a terminal whose secret is shown once', async () => {
    const created = await ok<any>(gyq.post(`/api/v1/assistance/canteens/${positionId}/terminals`, { name: '测试收银台' }), 'terminal');
    terminal = { keyId: created.terminal.keyId, secret: created.secret };
    const list = await gyq.get(`/api/v1/assistance/canteens/${positionId}/terminals`);
    expect(list.body.some((x: any) => x.keyId === terminal.keyId)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(terminal.secret);
  });
});

describe('the terminal', () => {
  it('refuses a missing, bad, stale or replayed signature, and an unknown key', async () => {
    const worker = await member('1990-03-01', 'standard');
    const card = await cardOf(worker);
    const none = await t.app.inject({ method: 'POST', url: MEALS, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ card }) });
    expect(JSON.parse(none.body).code).toBe('CANTEEN_SIGNATURE_MISSING');
    expect((await meal(terminal, card, { tamper: true })).body.code).toBe('CANTEEN_SIGNATURE_INVALID');
    expect((await meal({ keyId: terminal.keyId, secret: 'csk_wrong' }, card)).body.code).toBe('CANTEEN_SIGNATURE_INVALID');
    expect((await meal(terminal, card, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).body.code).toBe('CANTEEN_TIMESTAMP_STALE');
    expect((await meal({ keyId: 'ck_nope', secret: 'x' }, card)).body.code).toBe('CANTEEN_KEY_UNKNOWN');
    // A POS key is not a canteen key, and the POS headers are not the canteen's.
    const nonce = `canteen${Date.now()}`;
    const first = await meal(terminal, card, { nonce });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ priceFen: 2000, isReduced: false, tierName: null, personName: expect.stringMatching(/^就\*+$/) });
    const replay = await meal(terminal, card, { nonce });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('CANTEEN_NONCE_REPLAYED');
    expect((await meal(terminal, 'M1.forged.x.y.z')).body.code).toBe('CANTEEN_CARD_INVALID');
  });

  it('prices an outdoor worker at 15 yuan from the record, twice a day at most, even when requests race', async () => {
    const rider = await member('1992-05-01', 'delivery_rider');
    const card = await cardOf(rider);
    const results = await Promise.all(Array.from({ length: 5 }, () => meal(terminal, card)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const reduced = results.filter((r) => r.body.isReduced);
    expect(reduced).toHaveLength(2);
    expect(reduced.every((r) => r.body.priceFen === 1500 && r.body.tierName === '15元档')).toBe(true);
    const normal = results.filter((r) => !r.body.isReduced);
    expect(normal.every((r) => r.body.priceFen === 2000 && r.body.isReducedLimitReached)).toBe(true);
    const [rows] = await t.database.query<{ n: number }>("select count(*)::int as n from canteen_meal m join membership s on s.person_id = m.person_id where s.member_number = (select member_number from membership where id = (select membership_id from canteen_meal where id = $1)) and m.reduced_slot is not null", [reduced[0]!.body.mealId]);
    expect(rows!.n).toBe(2);
  });

  it('reads over-60 from the birth date', async () => {
    const elder = await member('1960-01-15', 'standard');
    expect((await meal(terminal, await cardOf(elder))).body).toMatchObject({ priceFen: 1500, isReduced: true, reducedLeftToday: 1 });
  });
});

describe('certification', () => {
  it('a worker applies for the 10-yuan tier; staff certify with an expiry; the meal is priced by it, and by the next tier once expired', async () => {
    const rider = await member('1988-08-08', 'courier');
    const mine = await ok<any>(rider.get('/api/v1/assistance/canteen/mine'), 'mine');
    expect(mine.canteens.some((c: any) => c.positionId === positionId)).toBe(true);
    const wrongGround = await rider.post('/api/v1/assistance/canteen/mine', { tierId: tier10, ground: 'veteran' });
    expect(wrongGround.status).toBe(400);
    // The 低保证明 is a PDF scan: taken as a document, and marked so for the console's download link.
    const proof = JSON.parse((await rider.uploadDocument()).body).id as string;
    const applied = await ok<any>(rider.post('/api/v1/assistance/canteen/mine', { tierId: tier10, ground: 'low_income', note: '低保证明', photoIds: [proof] }), 'apply');
    expect(applied.status).toBe('pending');
    expect(applied.pdfIds).toEqual([proof]);
    expect((await rider.post('/api/v1/assistance/canteen/mine', { tierId: tier10, ground: 'low_income' })).body.code).toBe('CANTEEN_ALREADY_PENDING');

    const queue = await ok<any>(gyq.get(`/api/v1/assistance/canteen-certifications?status=pending&positionId=${positionId}&pageSize=200`), 'queue');
    expect(queue.items.some((x: any) => x.id === applied.id)).toBe(true);
    expect((await ok<any>(wld.get('/api/v1/assistance/canteen-certifications?pageSize=200'), 'wld queue')).items.some((x: any) => x.id === applied.id)).toBe(false);
    expect((await wld.post(`/api/v1/assistance/canteen-certifications/${applied.id}/approve`, { expiresOn: shDay(30), version: applied.version })).status).toBe(404);
    expect((await gyq.post(`/api/v1/assistance/canteen-certifications/${applied.id}/approve`, { expiresOn: shDay(-1), version: applied.version })).body.code).toBe('VALIDATION_FAILED');
    const approved = await ok<any>(gyq.post(`/api/v1/assistance/canteen-certifications/${applied.id}/approve`, { expiresOn: shDay(0), version: applied.version }), 'approve');
    expect(approved).toMatchObject({ status: 'approved', expiresOn: shDay(0), isExpired: false });
    expect((await gyq.post(`/api/v1/assistance/canteen-certifications/${applied.id}/refuse`, { reason: '晚了', version: approved.version })).body.code).toBe('CANTEEN_CERTIFICATION_STATE');

    const [audit] = await t.database.query<{ n: number }>("select count(*)::int as n from audit_entry where entity_id = $1 and action in ('canteen_certification.apply','canteen_certification.approve')", [applied.id]);
    expect(audit!.n).toBe(2);
    const [note] = await t.database.query<{ n: number }>("select count(*)::int as n from notification where kind = 'canteen.certification' and entity_id = $1", [applied.id]);
    expect(note!.n).toBe(1);

    const card = await cardOf(rider);
    expect((await meal(terminal, card)).body).toMatchObject({ priceFen: 1000, tierName: '10元档', isReduced: true });
    // Expired yesterday: back to the 15-yuan tier the record proves (a courier).
    await t.database.query('update canteen_certification set expires_on = $2 where id = $1', [applied.id, shDay(-1)]);
    expect((await meal(terminal, card)).body).toMatchObject({ priceFen: 1500, tierName: '15元档', isReduced: true, reducedLeftToday: 0 });
    const after = await ok<any>(rider.get('/api/v1/assistance/canteen/mine'), 'mine');
    expect(after.certifications.find((x: any) => x.id === applied.id).isExpired).toBe(true);
  });

  it('staff refuse with a reason, and apply for a worker by member number', async () => {
    const worker = await member('1975-02-02', 'standard');
    const applied = await ok<any>(worker.post('/api/v1/assistance/canteen/mine', { tierId: tier10, ground: 'disabled' }), 'apply');
    const refused = await ok<any>(gyq.post(`/api/v1/assistance/canteen-certifications/${applied.id}/refuse`, { reason: '残疾证不清晰，请重新上传', version: applied.version }), 'refuse');
    expect(refused).toMatchObject({ status: 'refused', refusalReason: '残疾证不清晰，请重新上传' });
    const card = await ok<{ memberNumber: string }>(worker.get('/api/v1/members/me/card'), 'card');
    const byStaff = await gyq.post('/api/v1/assistance/canteen-certifications', { tierId: tier10, ground: 'disabled', memberNumber: card.memberNumber });
    expect(byStaff.status, JSON.stringify(byStaff.body)).toBe(201);
    expect((await gyq.post('/api/v1/assistance/canteen-certifications', { tierId: tier10, ground: 'disabled', memberNumber: 'NOPE' })).body.errors[0].path).toBe('memberNumber');
  });
});

describe('figures', () => {
  it('counts meals per canteen and tier, and the revoked terminal is refused', async () => {
    const figures = await ok<any>(gyq.get(`/api/v1/assistance/canteen-figures?positionId=${positionId}`), 'figures');
    const today = figures.days.find((d: any) => d.day === shDay(0));
    expect(today.meals).toBe(9); // 1 + 5 racing + 1 + 2 + 0 (the refused one ate nothing)
    expect(figures.rows.some((r: any) => r.tierName === '10元档' && r.meals >= 1)).toBe(true);
    const meals = await ok<any>(gyq.get(`/api/v1/assistance/canteen-meals?positionId=${positionId}&from=${shDay(0)}&pageSize=50`), 'meals');
    expect(meals.total).toBe(today.meals);
    const list = await ok<any[]>(gyq.get(`/api/v1/assistance/canteens/${positionId}/terminals`), 'terminals');
    const mine = list.find((x) => x.keyId === terminal.keyId);
    expect((await gyq.post(`/api/v1/assistance/canteen-terminals/${mine.id}/revoke`)).body.status).toBe('revoked');
    const worker = await member('1991-01-01', 'standard');
    expect((await meal(terminal, await cardOf(worker))).body.code).toBe('CANTEEN_KEY_UNKNOWN');
  });
});
