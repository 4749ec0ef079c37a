import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { computeResults, findSeasonRow, fingerprintOf, loadResultInputs } from './index';

/** The demo tells the 2023 Jiangbei story: 104 entries, 9 finalists, the published 1/3/5 prizes, a library with months of orders. */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
});
afterAll(async () => t?.close());

describe('the demo marketplace', () => {
  it('has the 2023 season whose stored scores and votes reproduce the published prizes', async () => {
    const seasons = (await admin.get('/api/v1/market/seasons?pageSize=50')).body.items;
    const s2023 = seasons.find((s: { year: number }) => s.year === 2023);
    expect(s2023).toMatchObject({ stage: 'published', counts: { entries: 104, finalists: 9, judges: 7 } });
    expect(s2023.counts.passed).toBe(38);
    const results = (await admin.get(`/api/v1/market/seasons/${s2023.id}/results`)).body;
    expect(results.confirmed.matchesInputs).toBe(true);
    expect(results.rows.map((r: { provider: string; prize: number }) => [r.provider, r.prize])).toEqual([
      ['江北区宗君职业技能培训学校', 1],
      ['爱尔眼科医院（总院）', 2],
      ['江北幸福加社会工作服务中心', 2],
      ['爱芙悦教育科技有限公司', 2],
      ['衫芊苑工艺品厂', 3],
      ['重庆江北区悦动体育文化发展中心', 3],
      ['江北区心桥心理咨询工作室', 3],
      ['重庆巧匠职业培训学校', 3],
      ['江北区乐龄社会工作服务中心', 3],
    ]);
    expect(results.rows[0]).toMatchObject({ title: '个人整体形象设计', judgesCounted: 7 });
    // Seven judges: the highest and lowest dropped.
    expect(results.rows[0].droppedTotals).toHaveLength(2);
    const row = (await findSeasonRow(t.database.db, s2023.id))!;
    expect(fingerprintOf(computeResults(await loadResultInputs(t.database.db, row)))).toBe((row.confirmedResult as { inputsFingerprint: string }).inputsFingerprint);
    // The screen shows the ranking, without personal data.
    const screen = (await t.anon.get(`/api/v1/public/market/roadshow/${s2023.id}`)).body;
    expect(screen.ranking[0]).toMatchObject({ rank: 1, prize: 1, provider: '江北区宗君职业技能培训学校' });
    expect(screen.totalVotes).toBe(480 + 100);
    // This year's season takes entries.
    expect(seasons.find((s: { year: number; stage: string }) => s.stage === 'call').isCallOpen).toBe(true);
  });

  it('has a library with months of orders, attendance and ratings, and subsidies that add up', async () => {
    const library = (await t.anon.get('/api/v1/market/library?org=JB&pageSize=50')).body;
    expect(library.total).toBe(15);
    expect(library.items[0]).toMatchObject({ title: '个人整体形象设计', award: { prize: 1, year: 2023 } });
    expect(library.items.filter((i: { ratingCount: number }) => i.ratingCount > 0).length).toBeGreaterThan(10);
    const orders = (await admin.get('/api/v1/market/orders?pageSize=200')).body;
    expect(orders.total).toBe(170);
    const delivered = orders.items.filter((o: { status: string }) => o.status === 'delivered');
    expect(delivered.length).toBeGreaterThan(100);
    expect(delivered.every((o: { attendanceCount: number }) => o.attendanceCount > 0)).toBe(true);
    const [check] = await t.database.query<{ bad: number }>(
      `select count(*)::int as bad from market_subsidy_rule r where r.committed_fen <> (select coalesce(sum(subsidy_fen), 0) from market_order o where o.rule_id = r.id and o.status in ('placed','confirmed','delivered'))
         or r.committed_fen <> (select coalesce(sum(committed_fen), 0) from market_subsidy_usage u where u.rule_id = r.id)`,
    );
    expect(check!.bad).toBe(0);
    // The grassroots union's admin sees its own orders; the demo provider its portal.
    const sf = await t.login('sf.admin');
    const own = (await sf.get('/api/v1/market/orders?pageSize=200')).body;
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((o: { orderingOrg: { name: string } }) => o.orderingOrg.name === '顺丰速运重庆有限公司工会')).toBe(true);
    const provider = await t.loginWorker('13900000001');
    const mine = (await provider.get('/api/v1/market/my-provider')).body.provider;
    expect(mine).toMatchObject({ name: '江北区宗君职业技能培训学校', status: 'approved' });
    expect((await provider.get('/api/v1/market/my-entries')).body.items[0]).toMatchObject({ prize: 1 });
  });
});
