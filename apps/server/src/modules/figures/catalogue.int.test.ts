import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../catalogue';
import { dimKeysOf, sumDirect } from '../../platform/indicators';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { FIXTURE_2025, seedFixture, type Fixture } from './fixture.test-support';

let t: TestApp;
let admin: Client;
let fixture: Fixture;
const ALL = [...catalogue.indicators.keys()];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  fixture = await seedFixture(t.database);
});
afterAll(() => t.close());

const near = (actual: number | null, expected: number | null, what = '') => {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(actual, what).toBeCloseTo(expected, 6);
};

describe('every indicator against a hand-counted fixture (测试区, 2025)', () => {
  it('has a hand count for every indicator in the catalogue', () => {
    expect(ALL.filter((k) => !(k in FIXTURE_2025))).toEqual([]);
  });

  it('answers each value and its 同比 as counted by hand', async () => {
    const res = await admin.get(`/api/v1/indicators/values?org=FX&period=year&date=2025-06-01&keys=${ALL.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.body.period).toMatchObject({ kind: 'year', from: '2025-01-01', to: '2025-12-31', label: '2025年', isToDate: false });
    for (const item of res.body.items) {
      const expected = FIXTURE_2025[item.key]!;
      near(item.value, expected.value, item.key);
      near(item.lastYear?.value ?? null, expected.lastYear, `${item.key} last year`);
      expect(Date.parse(item.asOf)).toBeGreaterThan(0);
    }
  });

  it('gives the same sums straight from the records (no rollup) for every series-based indicator', async () => {
    const fx = { path: (await t.database.query<{ path: string }>("select path from org where code = 'FX'"))[0]!.path };
    for (const ind of catalogue.indicators.values()) {
      const c = ind.compute;
      if (c.kind !== 'flow' && c.kind !== 'stock') continue;
      const def = catalogue.series.get(c.series)!;
      const dims = dimKeysOf(def);
      const filter = Object.entries(c.filter ?? {}).map(([k, v]) => [dims.indexOf(k) + 1, v] as [number, string[]]);
      const direct = await sumDirect(t.database.db, def, fx.path, c.kind === 'flow' ? { from: '2025-01-01', to: '2025-12-31' } : { to: '2025-12-31' }, filter);
      expect(direct, ind.key).toBe(FIXTURE_2025[ind.key]!.value);
    }
  });

  it('files every rollup row under its org’s district (the shard key the triggers look up once per org)', async () => {
    for (const table of ['indicator_rollup', 'indicator_rollup_month', 'indicator_total']) {
      const [row] = await t.database.query<{ rows: number; wrong: number }>(
        `select count(*)::int as rows, count(*) filter (where district_id is distinct from niangjia_district_of(org_id))::int as wrong from ${table}`,
      );
      expect(row!.rows, table).toBeGreaterThan(0);
      expect(row!.wrong, table).toBe(0);
    }
  });

  it('drills down by child org: rows (with 本级) add up to the parent for every additive indicator', async () => {
    for (const key of ALL) {
      const res = await admin.get(`/api/v1/indicators/${key}/breakdown?org=FX&period=year&date=2025-06-01&by=child`);
      expect(res.status, key).toBe(200);
      const b = res.body;
      near(b.total, FIXTURE_2025[key]!.value, key);
      if (!b.isAdditive) continue;
      const sum = b.rows.reduce((s: number, r: { value: number | null }) => s + (r.value ?? 0), 0);
      expect(sum, key).toBe(b.total);
      const lastYear = b.rows.reduce((s: number, r: { lastYear: number | null }) => s + (r.lastYear ?? 0), 0);
      expect(lastYear, key).toBe(b.lastYearTotal ?? 0);
    }
    const members = (await admin.get('/api/v1/indicators/members.total/breakdown?org=FX&period=year&date=2025-06-01')).body;
    expect(members.rows.map((r: { org: { code: string }; value: number; isOwn: boolean }) => [r.org.code, r.isOwn, r.value])).toEqual([
      ['FX-S1', false, 4],
      ['FX-S2', false, 0],
      ['FX', true, 0],
    ]);
    const positions = (await admin.get('/api/v1/indicators/positions.total/breakdown?org=FX&period=year&date=2025-06-01')).body;
    expect(positions.rows.map((r: { value: number }) => r.value)).toEqual([2, 1, 0]); // S1: P1, P3 (under G1) | S2: P2 | own: P5 is only planned
  });

  it('breaks down by a dimension', async () => {
    const res = await admin.get('/api/v1/indicators/members.total/breakdown?org=FX&period=year&date=2025-06-01&by=employmentForm');
    const byForm = Object.fromEntries(res.body.rows.map((r: { key: string; value: number }) => [r.key, r.value]));
    expect(byForm).toMatchObject({ standard: 2, delivery_rider: 1, ride_hailing: 1, courier: 0 });
    expect(res.body.byName).toBe('用工形式');
    const refused = await admin.get('/api/v1/indicators/access.entries/breakdown?org=FX&by=employmentForm');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('FIGURES_DIMENSION_UNSUPPORTED');
  });

  it('answers every kind of period in Asia/Shanghai days', async () => {
    const value = async (key: string, query: string) => (await admin.get(`/api/v1/indicators/values?org=FX&keys=${key}&${query}`)).body.items[0].value;
    expect(await value('members.new', 'period=month&date=2025-12-15')).toBe(1); // M4 at 23:30 on 31 Dec
    expect(await value('members.new', 'period=month&date=2026-01-15')).toBe(1); // M6 at 00:10 on 1 Jan
    expect(await value('members.new', 'period=quarter&date=2025-08-01')).toBe(1); // M3
    expect(await value('members.new', 'period=day&date=2025-03-15')).toBe(1); // M2
    expect(await value('access.entries', 'period=week&date=2025-01-08')).toBe(2); // E1, E2 in the week of Mon 6 Jan
    expect(await value('access.entries', 'period=range&from=2025-01-01&to=2025-01-01')).toBe(1); // E4
    expect(await value('members.total', 'period=range&from=2025-09-01&to=2025-09-30')).toBe(4); // M1, M2, M3 (left 1 Oct), M7
    const bad = await admin.get('/api/v1/indicators/values?org=FX&period=range&from=2025-02-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('to');
  });

  it('compares a month with the month before and a year earlier', async () => {
    const res = await admin.get('/api/v1/indicators/values?org=FX&keys=fund.raised&period=month&date=2025-08-10');
    const item = res.body.items[0];
    expect(item.value).toBe(490);
    expect(item.previous).toMatchObject({ from: '2025-07-01', to: '2025-07-31', value: 0, change: 490, rate: null });
    expect(item.lastYear).toMatchObject({ from: '2024-08-01', to: '2024-08-31', value: 0 });
  });

  it('carries a yearly target and the progress towards it', async () => {
    const put = await admin.request('PUT', '/api/v1/indicators/members.new/targets', { org: 'FX', year: 2025, value: 6, note: '全年发展会员 6 人' });
    expect(put.status).toBe(200);
    const res = await admin.get('/api/v1/indicators/values?org=FX&keys=members.new&period=quarter&date=2025-08-01');
    expect(res.body.items[0].target).toEqual({ year: 2025, value: 6, yearToDate: 2, progress: 2 / 6 });
    const stale = await admin.request('PUT', '/api/v1/indicators/members.new/targets', { org: 'FX', year: 2025, value: 7, version: 5 });
    expect(stale.status).toBe(409);
    const none = await admin.request('PUT', '/api/v1/indicators/members.verified_rate/targets', { org: 'FX', year: 2025, value: 90 });
    expect(none.body.code).toBe('FIGURES_NO_TARGET');
    const audit = await t.database.query("select action from audit_entry where entity_type = 'indicator_target'");
    expect(audit).toHaveLength(1);
  });

  it('keeps figures to the caller’s subtree: another district’s org is not found', async () => {
    const jb = await t.login('jb.admin');
    expect((await jb.get('/api/v1/indicators/values?org=FX')).status).toBe(404);
    expect((await jb.get(`/api/v1/indicators/members.total/breakdown?org=${fixture.ids.FX}`)).status).toBe(404);
    const own = await jb.get('/api/v1/indicators/values?keys=members.total');
    expect(own.body.org.code).toBe('JB');
    expect((await t.anon.get('/api/v1/indicators/values?org=FX')).status).toBe(401);
  });

  it('exports values and breakdowns to Excel with Chinese headers and numbers as numbers', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/indicators/values.xlsx?org=FX&period=year&date=2025-06-01&keys=members.total,fund.raised,members.verified_rate`, headers: { cookie: admin.cookie! } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('指标')!;
    expect(ws.getRow(1).values).toContain('去年同期');
    expect(ws.getRow(2).getCell(4).value).toBe(4);
    expect(ws.getRow(3).getCell(4).value).toBe(5); // 500 fen = ¥5.00, in yuan
    expect(ws.getRow(4).getCell(4).value).toBe(75);
    const drill = await t.app.inject({ method: 'GET', url: `/api/v1/indicators/members.total/breakdown.xlsx?org=FX&period=year&date=2025-06-01`, headers: { cookie: admin.cookie! } });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(drill.rawPayload as unknown as ArrayBuffer);
    const sheet = wb2.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('下级组织');
    expect(sheet.getRow(5).values).toEqual([undefined, '合计', 4, 2, 1]);
  });
});
