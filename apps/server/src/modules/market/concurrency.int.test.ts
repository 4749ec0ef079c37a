import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { approvedProject, approvedProvider, dayFromNow, freshSubsidyRule, memberAccounts, seasonAtFinal, sessionsFor } from './market.test-support';

/**
 * Bursts against the database's guards (on PostgreSQL the requests really run at once over a pool;
 * PGlite serialises them): a nearly spent budget is never overspent, a union's cap never passed,
 * and every concurrent vote is counted exactly once.
 */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
});
afterAll(async () => t?.close());

// Each step drives many requests; on a saturated 2-core machine one can take over 30 s.
describe('concurrent orders against a nearly spent budget', { timeout: 180_000 }, () => {
  it('takes exactly the orders the budget holds out of 50 at once; the rest are refused and nothing is half-written', async () => {
    const provider = (await approvedProvider(t, admin)).client;
    // ¥100 a session, all of it subsidised (¥100 per order).
    const { id: projectId } = await approvedProject(provider, admin, { priceFen: 10_000, capacity: 50, formats: ['on_site'] });
    const year = Number(dayFromNow(4).slice(0, 4));
    const rule = await freshSubsidyRule(t, admin, year, { budgetFen: 10_000 * 200 + 7_300, percentBps: 10_000, capPerUnionFen: 10_000_000 });
    // Spend all but ¥173 (room for one ¥100 order, not two) the way orders would: held by a union.
    await t.database.query(
      `insert into market_subsidy_usage (rule_id, union_org_id, committed_fen, cap_fen) values ($1, (select id from org where code = 'JB-CGJ'), $2, $3)`,
      [rule.id, 10_000 * 199, 10_000_000],
    );
    await t.database.query('update market_subsidy_rule set committed_fen = $2 where id = $1', [rule.id, 10_000 * 199]);

    const unions = ['JB-SF', 'JB-HLL', 'JB-ELM', 'JB-JLDT', 'JB-CCB'];
    const ids = await Promise.all(unions.map((c) => t.orgId(c)));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => admin.post('/api/v1/market/orders', { projectId, orderingOrgId: ids[i % ids.length], serviceDate: dayFromNow(4), headcount: 10, placeKind: 'address', address: `地址${i}` })),
    );
    const placed = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(placed).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.body.code).toBe('MARKET_SUBSIDY_BUDGET_EXCEEDED');
    const [after] = await t.database.query<{ committed_fen: number; budget_fen: number; orders: number; held: number }>(
      `select r.committed_fen, r.budget_fen, (select count(*)::int from market_order where rule_id = r.id and project_id = $2) as orders,
         (select coalesce(sum(committed_fen), 0)::bigint from market_subsidy_usage where rule_id = r.id) as held
       from market_subsidy_rule r where r.id = $1`,
      [rule.id, projectId],
    );
    expect(Number(after!.committed_fen)).toBe(10_000 * 200);
    expect(Number(after!.committed_fen)).toBeLessThanOrEqual(Number(after!.budget_fen));
    expect(after!.orders).toBe(1);
    expect(Number(after!.held)).toBe(Number(after!.committed_fen));
  });

  it('never passes a union’s cap under 20 concurrent orders', async () => {
    const provider = (await approvedProvider(t, admin)).client;
    const { id: projectId } = await approvedProject(provider, admin, { priceFen: 10_000, capacity: 50, formats: ['on_site'] });
    // Next year's rule, fresh: room for exactly 3 orders of ¥50 (half of ¥100) per union.
    const year = Number(dayFromNow(4).slice(0, 4)) + 1;
    const serviceDate = `${year}-03-16`;
    const rule = await admin.post('/api/v1/market/subsidy-rules', { orgId: await t.orgId('JB'), year, budgetFen: 1_000_000, percentBps: 5000, capPerUnionFen: 15_000 });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const union = await t.orgId('JB-HE01');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => admin.post('/api/v1/market/orders', { projectId, orderingOrgId: union, serviceDate, headcount: 10, placeKind: 'address', address: `车间${i}` })));
    const placed = results.filter((r) => r.status === 201);
    expect(placed).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('MARKET_SUBSIDY_CAP_EXCEEDED');
    const [usage] = await t.database.query<{ committed_fen: number }>('select committed_fen from market_subsidy_usage where rule_id = $1 and union_org_id = $2', [rule.body.id, union]);
    expect(Number(usage!.committed_fen)).toBe(15_000);
  });

  it('never lets one worker’s 12 own orders at once pass the cap per person', async () => {
    const provider = (await approvedProvider(t, admin)).client;
    // ¥80 a person, half subsidised: ¥40 each; room for exactly 3 in ¥120.
    const { id: projectId } = await approvedProject(provider, admin, { priceFen: 8_000, priceUnit: 'person', capacity: 1, formats: ['station'], allowsSelfOrder: true });
    const year = Number(dayFromNow(4).slice(0, 4)) + 3;
    const rule = await admin.post('/api/v1/market/subsidy-rules', { orgId: await t.orgId('JB'), year, budgetFen: 1_000_000, percentBps: 5000, capPerUnionFen: 1_000_000, capPerPersonFen: 12_000 });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const position = (await t.database.query<{ id: string }>(`select id from position where code = 'JB-RS-HQHG'`))[0]!.id;
    const [member] = await memberAccounts(t, 'JB-GYQ-LH', 1);
    const [worker] = await sessionsFor(t, [member!.userId]);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => worker!.post('/api/v1/market/me/orders', { projectId, serviceDate: `${year}-04-20`, placeKind: 'position', positionId: position })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code, JSON.stringify(r.body)).toBe('MARKET_SUBSIDY_PERSON_CAP_EXCEEDED');
    const [held] = await t.database.query<{ n: number }>(`select coalesce(sum(subsidy_fen), 0)::bigint as n from market_order where rule_id = $1 and ordered_by = $2 and status <> 'cancelled'`, [rule.body.id, member!.userId]);
    expect(Number(held!.n)).toBe(12_000);
  });
});

describe('a subsidy rule edited during a burst of orders', { timeout: 180_000 }, () => {
  it('waits for the orders instead of deadlocking: every request is placed, refused or a version conflict, none a 500', async () => {
    const provider = (await approvedProvider(t, admin)).client;
    const { id: projectId } = await approvedProject(provider, admin, { priceFen: 10_000, capacity: 50, formats: ['on_site'] });
    const year = Number(dayFromNow(4).slice(0, 4)) + 2;
    const rule = await admin.post('/api/v1/market/subsidy-rules', { orgId: await t.orgId('JB'), year, budgetFen: 5_000_000, percentBps: 5000, capPerUnionFen: 1_000_000 });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const unions = await Promise.all(['JB-SF', 'JB-HLL', 'JB-ELM', 'JB-JLDT', 'JB-CCB'].map((c) => t.orgId(c)));
    // Union rows exist first, so the edits have usage rows to set caps on while orders update them.
    for (const u of unions) await admin.post('/api/v1/market/orders', { projectId, orderingOrgId: u, serviceDate: `${year}-03-16`, headcount: 10, placeKind: 'address', address: '首单' });
    const orders = Array.from({ length: 20 }, (_, i) =>
      admin.post('/api/v1/market/orders', { projectId, orderingOrgId: unions[i % unions.length], serviceDate: `${year}-03-16`, headcount: 10, placeKind: 'address', address: `车间${i}` }),
    );
    const edits = Array.from({ length: 5 }, (_, i) =>
      admin.put(`/api/v1/market/subsidy-rules/${rule.body.id}`, { version: rule.body.version, budgetFen: 5_000_000 + i, percentBps: 5000, capPerUnionFen: 1_000_000 - i }),
    );
    const results = await Promise.all([...orders, ...edits]);
    const unexpected = results.filter((r) => ![200, 201, 409].includes(r.status)).map((r) => `${r.status} ${JSON.stringify(r.body)}`);
    expect(unexpected).toEqual([]);
    expect(results.slice(20).filter((r) => r.status === 200)).toHaveLength(1);
  });
});

// Each step drives many requests; on a saturated 2-core machine one can take over 30 s.
describe('200 concurrent votes', { timeout: 180_000 }, () => {
  it('counts every vote exactly once: rows, running counts and the screen agree', async () => {
    const { seasonId, entryIds } = await seasonAtFinal(t, admin, 5, { votesPerRep: 1 });
    const accounts = await memberAccounts(t, 'JB', 200);
    expect(accounts).toHaveLength(200);
    const added = await admin.post(`/api/v1/market/seasons/${seasonId}/reps`, { membershipIds: accounts.map((a) => a.membershipId) });
    expect(added.body.added).toBe(200);
    const reps = await sessionsFor(t, accounts.map((a) => a.userId));
    const session = (await admin.post(`/api/v1/market/seasons/${seasonId}/sessions`, { venue: '主会场' })).body;
    // The hall's code rotates; checking 200 people in one by one on a busy machine outlasts one code,
    // so each reads the code on the screen as it is now.
    for (const r of reps) {
      const { code } = (await admin.get(`/api/v1/market/sessions/${session.id}/code`)).body;
      expect((await r.post('/api/v1/market/voting/checkin', { sessionId: session.id, code })).status).toBe(204);
    }
    expect((await admin.post(`/api/v1/market/sessions/${session.id}/open`)).status).toBe(204);

    // Each representative votes for entry i mod 5, all at once; and each tries a second vote at once.
    const results = await Promise.all(reps.flatMap((r, i) => [r.post(`/api/v1/market/voting/sessions/${session.id}/votes`, { entryId: entryIds[i % 5] }), r.post(`/api/v1/market/voting/sessions/${session.id}/votes`, { entryId: entryIds[(i + 1) % 5] })]));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(200);
    for (const r of results.filter((x) => x.status !== 200)) expect(['MARKET_VOTES_USED_UP', 'MARKET_VOTE_DUPLICATE']).toContain(r.body.code);

    const rows = await t.database.query<{ entry_id: string; n: number }>('select entry_id, count(*)::int as n from market_vote where season_id = $1 group by entry_id', [seasonId]);
    const counts = await t.database.query<{ entry_id: string; votes: number }>('select entry_id, votes from market_vote_count where season_id = $1', [seasonId]);
    expect(rows.reduce((n, r) => n + r.n, 0)).toBe(200);
    for (const r of rows) expect(counts.find((c) => c.entry_id === r.entry_id)!.votes).toBe(r.n);
    const screen = (await t.anon.get(`/api/v1/public/market/roadshow/${seasonId}`)).body;
    expect(screen.totalVotes).toBe(200);
    const used = await t.database.query<{ n: number }>('select count(*)::int as n from market_rep where season_id = $1 and votes_used = 1', [seasonId]);
    expect(used[0]!.n).toBe(200);
  });
});
