import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecrets } from '../../platform/secrets';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { phoneAndIdNumbersIn } from '../../test/personal-data';
import { checkinCode, windowOf } from './checkin-code';
import { computeResults, fingerprintOf, loadResultInputs } from './index';
import { approvedProject, approvedProvider } from './market.test-support';
import { findSeason } from './seasons.repository';

/**
 * One season from call to publication through the API, with every refusal the issue names for
 * it: late submissions, out-of-range, unassigned and recused scores, sealed sheets, duplicate,
 * closed and out-of-session votes, forged and replayed check-in codes; and the published result
 * recomputed from the stored inputs.
 */
let t: TestApp;
let admin: Client;
let seasonId: string;
const entries: { id: string; version: number }[] = [];
let judges: Client[] = [];
let reps: Client[] = [];
let sessionId: string;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
});
afterAll(async () => t?.close());

async function season() {
  return (await admin.get(`/api/v1/market/seasons/${seasonId}`)).body;
}
async function advance(to: string) {
  const s = await season();
  return admin.post(`/api/v1/market/seasons/${seasonId}/stage`, { version: s.version, to });
}

// Each step drives many requests; on a saturated 2-core machine one can take over 30 s.
describe('a season from the call to publication', { timeout: 180_000 }, () => {
  it('takes entries only while the call is open', async () => {
    const created = await admin.post('/api/v1/market/seasons', { orgId: await t.orgId('JB'), year: 2026, title: '第二届提升职工生活品质项目竞赛', callOpensAt: iso(-2 * 86_400_000), callClosesAt: iso(86_400_000), normalizeScores: false, votesPerRep: 2 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    seasonId = created.body.id;
    expect(created.body).toMatchObject({ stage: 'draft', expertWeight: 70, prizeTiers: [1, 3, 5], rubric: [{ key: 'purpose', max: 25 }, {}, {}, {}] });

    const providers = [];
    for (let i = 0; i < 6; i++) providers.push(await approvedProvider(t, admin, `竞赛服务商${i + 1}`));
    const projects = [];
    for (const [i, p] of providers.entries()) projects.push(await approvedProject(p.client, admin, { title: `参赛项目${i + 1}` }, false));

    // Draft: not open yet.
    const early = await providers[0]!.client.post(`/api/v1/market/seasons/${seasonId}/entries`, { projectId: projects[0]!.id });
    expect(early.status).toBe(404);
    expect((await advance('call')).status).toBe(200);
    // Another provider's project cannot be entered.
    expect((await providers[0]!.client.post(`/api/v1/market/seasons/${seasonId}/entries`, { projectId: projects[1]!.id })).status).toBe(400);
    for (const [i, p] of providers.entries()) {
      const e = await p.client.post(`/api/v1/market/seasons/${seasonId}/entries`, { projectId: projects[i]!.id });
      expect(e.status, JSON.stringify(e.body)).toBe(201);
      entries.push({ id: e.body.id, version: e.body.version });
    }
    expect((await providers[0]!.client.post(`/api/v1/market/seasons/${seasonId}/entries`, { projectId: projects[0]!.id })).body.code).toBe('MARKET_ENTRY_EXISTS');
    // The review cannot start before the call closes.
    const tooSoon = await advance('review');
    expect(tooSoon.body.code).toBe('MARKET_STAGE_BLOCKED');

    // Staff close the call; a late submission and a late change are refused.
    const s = await season();
    expect((await admin.patch(`/api/v1/market/seasons/${seasonId}`, { version: s.version, callClosesAt: iso(-60_000) })).status).toBe(200);
    const late = await approvedProvider(t, admin, '迟到的服务商');
    const lateProject = await approvedProject(late.client, admin, {}, false);
    const refused = await late.client.post(`/api/v1/market/seasons/${seasonId}/entries`, { projectId: lateProject.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('MARKET_CALL_CLOSED');
    expect(refused.body.detail).toMatch(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 截止/);
    const withdraw = await providers[5]!.client.post(`/api/v1/market/my-entries/${entries[5]!.id}/change`, { version: entries[5]!.version, action: 'withdraw' });
    expect(withdraw.body.code).toBe('MARKET_CALL_CLOSED');
    expect((await advance('review')).status).toBe(200);

    // 初审: a fail needs a reason the provider sees; the roadshow waits until every entry is reviewed.
    expect((await admin.post(`/api/v1/market/entries/${entries[5]!.id}/review`, { version: 1, decision: 'fail' })).body.errors[0].path).toBe('reason');
    const failed = await admin.post(`/api/v1/market/entries/${entries[5]!.id}/review`, { version: 1, decision: 'fail', reason: '方案缺少预算明细' });
    expect(failed.body.status).toBe('failed');
    expect((await advance('roadshow')).body.detail).toContain('5 个项目没有初审');
    for (const e of entries.slice(0, 5)) expect((await admin.post(`/api/v1/market/entries/${e.id}/review`, { version: 1, decision: 'pass' })).status).toBe(200);
    const mine = await providers[5]!.client.get('/api/v1/market/my-entries');
    expect(mine.body.items[0]).toMatchObject({ status: 'failed', reviewReason: '方案缺少预算明细' });
    // Finalists are picked at the roadshow, not before.
    expect((await admin.post(`/api/v1/market/entries/${entries[0]!.id}/finalist`, { version: 2, isFinalist: true })).body.code).toBe('MARKET_WRONG_STAGE');
    expect((await advance('roadshow')).status).toBe(200);
    expect((await advance('final')).body.code).toBe('MARKET_STAGE_BLOCKED');
    for (const [i, e] of entries.slice(0, 5).entries()) {
      const f = await admin.post(`/api/v1/market/entries/${e.id}/finalist`, { version: 2, isFinalist: true, pitchOrder: 5 - i });
      expect(f.status, JSON.stringify(f.body)).toBe(200);
    }
  });

  it('scores on the rubric: invited judges, assignments, recusals, sealing and reopening', async () => {
    const phones = ['13700001001', '13700001002', '13700001003', '13700001004', '13700001005'];
    for (const [i, phone] of phones.entries()) {
      const j = await admin.post(`/api/v1/market/seasons/${seasonId}/judges`, { phone, name: `评委${i + 1}`, affiliation: '重庆工商大学' });
      expect(j.status, JSON.stringify(j.body)).toBe(201);
    }
    expect((await admin.post(`/api/v1/market/seasons/${seasonId}/judges`, { phone: phones[0], name: '评委1' })).status).toBe(409);
    // Not yet the final: nothing to score.
    const j1 = await t.loginWorker(phones[0]!);
    expect((await j1.get('/api/v1/market/judging')).body.seasons[0].entries).toEqual([]);
    expect((await advance('final')).status).toBe(200);
    judges = [j1];
    for (const phone of phones.slice(1)) judges.push(await t.loginWorker(phone));
    const overview = (await judges[0]!.get('/api/v1/market/judging')).body.seasons[0];
    expect(overview.isScoringOpen).toBe(true);
    // The pitching order.
    expect(overview.entries.map((e: { id: string }) => e.id)).toEqual(entries.slice(0, 5).map((e) => e.id).reverse());

    const [e1, e2] = entries;
    const points = (a: number, b: number, c: number, d: number) => ({ points: { purpose: a, plan: b, replicable: c, innovative: d }, seal: true });
    // Outside the rubric's range, and a criterion it does not have.
    const range = await judges[0]!.request('PUT', `/api/v1/market/judging/entries/${e1!.id}/score`, points(26, 20, 20, 20));
    expect(range.status).toBe(400);
    expect(range.body).toMatchObject({ code: 'MARKET_SCORE_INVALID', errors: [{ path: 'points.purpose', message: '分值应在 0 到该项满分之间' }] });
    expect((await judges[0]!.request('PUT', `/api/v1/market/judging/entries/${e1!.id}/score`, { ...points(20, 20, 20, 20), points: { purpose: 20, plan: 20, replicable: 20 } })).body.errors[0].path).toBe('points.innovative');
    // A draft may be partial; sealing needs all four.
    const draft = await judges[0]!.request('PUT', `/api/v1/market/judging/entries/${e1!.id}/score`, { points: { purpose: 20 }, seal: false });
    expect(draft.body).toMatchObject({ status: 'draft', total: 20 });

    // Staff unassign judge 5 from entry 2: their score is refused.
    const jList = (await admin.get(`/api/v1/market/seasons/${seasonId}/judges`)).body.items;
    const judgeId = (name: string) => jList.find((j: { name: string }) => j.name === name).id;
    expect((await admin.post(`/api/v1/market/seasons/${seasonId}/assignments`, { judgeId: judgeId('评委5'), entryId: e2!.id, isAssigned: false })).status).toBe(204);
    const unassigned = await judges[4]!.request('PUT', `/api/v1/market/judging/entries/${e2!.id}/score`, points(20, 20, 20, 20));
    expect(unassigned.status).toBe(403);
    expect(unassigned.body.code).toBe('MARKET_JUDGE_NOT_ASSIGNED');
    // Judge 4 declares a conflict on entry 1; staff recuse judge 3 from entry 2.
    expect((await judges[3]!.post(`/api/v1/market/judging/entries/${e1!.id}/recuse`, { reason: '曾为该机构提供咨询服务' })).status).toBe(204);
    expect((await admin.post(`/api/v1/market/seasons/${seasonId}/recusals`, { judgeId: judgeId('评委3'), entryId: e2!.id, reason: '与申报单位负责人系亲属' })).status).toBe(204);
    const recused = await judges[3]!.request('PUT', `/api/v1/market/judging/entries/${e1!.id}/score`, points(25, 25, 25, 25));
    expect(recused.status).toBe(409);
    expect(recused.body.detail).toBe('回避原因：曾为该机构提供咨询服务');

    // Every remaining sheet, sealed. Entry totals per judge: entry k gets 90 - 5k ± a little.
    const sheet = (k: number, j: number) => {
      const base = 22 - k;
      return points(base, base, base - (j % 2), base - 1);
    };
    for (const [k, e] of entries.slice(0, 5).entries()) {
      for (const [j, judge] of judges.entries()) {
        if ((k === 0 && j === 3) || (k === 1 && (j === 2 || j === 4))) continue;
        const r = await judge.request('PUT', `/api/v1/market/judging/entries/${e.id}/score`, sheet(k, j));
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
    }
    // Sealed: the judge cannot change it; staff reopen only with a reason.
    const sealedAgain = await judges[0]!.request('PUT', `/api/v1/market/judging/entries/${e1!.id}/score`, points(1, 1, 1, 1));
    expect(sealedAgain.body.code).toBe('MARKET_SCORE_SEALED');
    const matrix = (await admin.get(`/api/v1/market/seasons/${seasonId}/scores`)).body;
    const cell = matrix.cells.find((c: { judgeId: string; entryId: string }) => c.judgeId === judgeId('评委1') && c.entryId === e1!.id);
    expect(cell).toMatchObject({ state: 'sealed', total: 87 });
    expect(matrix.cells.find((c: { judgeId: string; entryId: string }) => c.judgeId === judgeId('评委4') && c.entryId === e1!.id)).toMatchObject({ state: 'recused', recusal: { by: 'judge' } });
    expect((await admin.post(`/api/v1/market/scores/${cell.scoreId}/reopen`, { reason: '' })).status).toBe(400);
    expect((await admin.post(`/api/v1/market/scores/${cell.scoreId}/reopen`, { reason: '评委误将第二项分数录错' })).status).toBe(204);
    expect((await judges[0]!.request('PUT', `/api/v1/market/judging/entries/${e1!.id}/score`, sheet(0, 0))).body.status).toBe('sealed');
    const log = await t.database.query<{ action: string }>(`select action from audit_entry where action like 'market.score.%' or action like 'market.recusal.%'`);
    expect(log.filter((l) => l.action === 'market.score.reopen')).toHaveLength(1);
    expect(log.filter((l) => l.action.startsWith('market.recusal'))).toHaveLength(2);
  });

  it('takes representatives’ votes: check-in with the rotating code, one vote per project, N per representative', async () => {
    const members = await t.database.query<{ id: string; phone: string }>(
      `select m.id, p.phone from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
       where m.status = 'active' and o.path like (select path from org where code = 'JB-GYQ') || '%' and p.user_id is null order by m.member_number limit 3`,
    );
    // A street admin lists members of their own unions; a member elsewhere is skipped.
    const street = await t.login('gyq.admin');
    const outside = (await t.database.query<{ id: string }>(`select m.id from membership m join org o on o.id = m.org_id where m.status = 'active' and o.code = 'JB-HLL' limit 1`))[0]!.id;
    const added = await street.post(`/api/v1/market/seasons/${seasonId}/reps`, { membershipIds: [...members.map((m) => m.id), outside] });
    expect(added.body).toMatchObject({ added: 3, skipped: [{ membershipId: outside, reason: 'NOT_FOUND' }] });
    reps = [];
    for (const m of members) reps.push(await t.loginWorker(m.phone));
    const stranger = await t.loginWorker('13700009999');

    const session = await admin.post(`/api/v1/market/seasons/${seasonId}/sessions`, { venue: '主会场' });
    sessionId = session.body.id;
    const code = (await admin.get(`/api/v1/market/sessions/${sessionId}/code`)).body;
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.url).toContain(`/m/vote/${sessionId}?c=${code.code}`);
    // Not a representative; a forged code; a replayed (old) one.
    expect((await stranger.post('/api/v1/market/voting/checkin', { sessionId, code: code.code })).body.code).toBe('MARKET_REP_NOT_LISTED');
    const forged = await reps[0]!.post('/api/v1/market/voting/checkin', { sessionId, code: code.code === '000000' ? '000001' : '000000' });
    expect(forged.body.code).toBe('MARKET_CHECKIN_CODE_INVALID');
    const secret = (await t.database.query<{ secret: string }>('select secret from market_vote_session where id = $1', [sessionId]))[0]!.secret;
    const key = loadSecrets({ secret: t.config.secret, dataDir: t.config.dataDir, allowGenerate: false }).key;
    const old = checkinCode(key, secret, windowOf(new Date()) - 4);
    const replayed = await reps[0]!.post('/api/v1/market/voting/checkin', { sessionId, code: old });
    expect(replayed.status).toBe(400);
    expect(replayed.body).toMatchObject({ code: 'MARKET_CHECKIN_CODE_EXPIRED', detail: '签到码每 30 秒更新一次，请扫描大屏上当前的二维码' });
    for (const r of reps.slice(0, 2)) expect((await r.post('/api/v1/market/voting/checkin', { sessionId, code: code.code })).status).toBe(204);

    const [e1, e2, e3] = entries;
    const vote = (r: Client, entryId: string) => r.post(`/api/v1/market/voting/sessions/${sessionId}/votes`, { entryId });
    // The moderator has not opened voting.
    expect((await vote(reps[0]!, e1!.id)).body.code).toBe('MARKET_VOTING_CLOSED');
    expect((await admin.post(`/api/v1/market/sessions/${sessionId}/open`)).status).toBe(204);
    expect((await vote(reps[0]!, e1!.id)).body).toEqual({ votesLeft: 1 });
    expect((await vote(reps[0]!, e1!.id)).body.code).toBe('MARKET_VOTE_DUPLICATE');
    expect((await vote(reps[0]!, e2!.id)).body).toEqual({ votesLeft: 0 });
    const usedUp = await vote(reps[0]!, e3!.id);
    expect(usedUp.body).toMatchObject({ code: 'MARKET_VOTES_USED_UP', detail: '每位代表共 2 票，已全部投出' });
    // Not checked in (the third representative); not a finalist (the failed entry).
    expect((await vote(reps[2]!, e1!.id)).body.code).toBe('MARKET_NOT_CHECKED_IN');
    expect((await vote(reps[1]!, entries[5]!.id)).body.code).toBe('MARKET_VOTE_NOT_FINALIST');
    expect((await vote(reps[1]!, e1!.id)).status).toBe(200);
    // Closed again: refused.
    expect((await admin.post(`/api/v1/market/sessions/${sessionId}/close`)).status).toBe(204);
    expect((await vote(reps[1]!, e3!.id)).body.code).toBe('MARKET_VOTING_CLOSED');

    // Paper ballots of a second venue.
    expect((await admin.request('PUT', `/api/v1/market/seasons/${seasonId}/paper-tallies`, { venue: '鱼复分会场', counts: [{ entryId: e3!.id, votes: 4 }, { entryId: e2!.id, votes: 1 }] })).status).toBe(204);
    const view = await reps[1]!.get(`/api/v1/market/voting/sessions/${sessionId}`);
    expect(view.body).toMatchObject({ isCheckedIn: true, votesLeft: 1, session: { status: 'closed' } });
    expect(await t.database.query('select count(*)::int as n from audit_entry where action = $1', ['market.vote'])).toEqual([{ n: 3 }]);
  });

  it('combines 70/30, confirms with a reason for an override, reveals, publishes, and recomputes from the inputs', async () => {
    const screen = await t.anon.get(`/api/v1/public/market/roadshow/${seasonId}`);
    expect(screen.status).toBe(200);
    expect(screen.body.ranking).toBeNull();
    expect(screen.body.checkin).toBeNull();
    expect(phoneAndIdNumbersIn(screen.body)).toEqual([]);
    expect(screen.body.finalists.find((f: { entryId: string }) => f.entryId === entries[2]!.id).votes).toBe(4);

    const results = (await admin.get(`/api/v1/market/seasons/${seasonId}/results`)).body;
    expect(results.missingSheets).toBe(0);
    expect(results.venues).toEqual([
      { venue: '主会场', kind: 'online', votes: 3 },
      { venue: '鱼复分会场', kind: 'paper', votes: 5 },
    ]);
    expect(results.rows).toHaveLength(5);
    const e1 = results.rows.find((r: { entryId: string }) => r.entryId === entries[0]!.id);
    // Entry 1: four judges counted (one recused), below five so no trimming.
    expect(e1).toMatchObject({ judgesCounted: 4, recused: 1, droppedTotals: [], onlineVotes: 2, paperVotes: 0 });
    expect(results.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5]);

    const s = await season();
    expect((await admin.post(`/api/v1/market/seasons/${seasonId}/results/reveal`, { version: s.version })).body.code).toBe('MARKET_RESULTS_NOT_CONFIRMED');
    const last = results.rows[4];
    const confirmed = await admin.post(`/api/v1/market/seasons/${seasonId}/results/confirm`, { version: s.version, overrides: [{ entryId: last.entryId, prize: 3, reason: '评审委员会复议：该项目覆盖新就业形态劳动者最广' }] });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.confirmed.matchesInputs).toBe(true);
    expect(confirmed.body.rows[4]).toMatchObject({ computedPrize: 3, prize: 3, overrideReason: null });
    // Tiers 1/3/5 with five finalists: all win; an override to no prize is recorded with its reason.
    const s2 = await season();
    const again = await admin.post(`/api/v1/market/seasons/${seasonId}/results/confirm`, { version: s2.version, overrides: [{ entryId: last.entryId, prize: null, reason: '评审委员会复议：材料不实' }] });
    expect(again.body.rows[4]).toMatchObject({ computedPrize: 3, prize: null, overrideReason: '评审委员会复议：材料不实' });
    const s3 = await season();
    expect((await admin.post(`/api/v1/market/seasons/${seasonId}/results/publish`, { version: s3.version })).body.code).toBe('MARKET_RESULTS_NOT_REVEALED');
    const revealed = await admin.post(`/api/v1/market/seasons/${seasonId}/results/reveal`, { version: s3.version });
    expect(revealed.status).toBe(200);
    const shown = (await t.anon.get(`/api/v1/public/market/roadshow/${seasonId}`)).body;
    expect(shown.ranking.map((r: { prize: number | null }) => r.prize)).toEqual([1, 2, 2, 2, null]);
    const s4 = await season();
    const published = await admin.post(`/api/v1/market/seasons/${seasonId}/results/publish`, { version: s4.version });
    expect(published.status).toBe(200);
    expect((await season()).stage).toBe('published');
    // Winners are in the library with their award; the overridden one is not.
    const library = (await t.anon.get('/api/v1/market/library?q=参赛项目&pageSize=50')).body.items;
    expect(library.map((i: { award: { prize: number } | null }) => i.award?.prize).sort()).toEqual([1, 2, 2, 2]);

    // The result recomputed from the stored inputs equals the confirmed one.
    const row = (await findSeason(t.database.db, seasonId))!;
    const recomputed = computeResults(await loadResultInputs(t.database.db, row));
    expect(fingerprintOf(recomputed)).toBe((row.confirmedResult as { inputsFingerprint: string }).inputsFingerprint);
    expect(recomputed.map((r) => r.entryId)).toEqual((row.confirmedResult as { rows: { entryId: string }[] }).rows.map((r) => r.entryId));
    // And scoring is closed for good.
    expect((await judges[0]!.request('PUT', `/api/v1/market/judging/entries/${entries[0]!.id}/score`, { points: {}, seal: false })).body.code).toBe('MARKET_SCORING_CLOSED');
  });
});
