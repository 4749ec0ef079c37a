import { describe, expect, it } from 'vitest';
import { orderPrice, subsidyShare } from '@niangjia/contracts/market-domain';
import { attendToken, isAttendToken } from './attend-token';
import { checkCheckinCode, checkinCode, currentCode, windowOf } from './checkin-code';
import { computeResults, fingerprintOf, type ResultInputs } from './results.compute';
import { quoteOrder, yuan } from './subsidy';

const KEY = Buffer.alloc(32, 7);

describe('subsidy arithmetic', () => {
  const session = { priceFen: 150_000, priceUnit: 'session' as const, capacity: 20 };
  const rule = { year: 2026, percentBps: 5000, budgetFen: 1_000_000, committedFen: 0, capPerUnionFen: 200_000 };

  it('prices per session (sessions for the headcount) or per person', () => {
    expect(orderPrice({ priceFen: 150_000, unit: 'session', capacity: 20 }, 20)).toEqual({ sessions: 1, totalFen: 150_000 });
    expect(orderPrice({ priceFen: 150_000, unit: 'session', capacity: 20 }, 21)).toEqual({ sessions: 2, totalFen: 300_000 });
    expect(orderPrice({ priceFen: 8_000, unit: 'person', capacity: 30 }, 31)).toEqual({ sessions: 2, totalFen: 248_000 });
  });

  it('rounds the subsidy down to the fen', () => {
    expect(subsidyShare(99_999, 3333)).toBe(33_329);
    expect(subsidyShare(1, 5000)).toBe(0);
  });

  it('splits what the union pays and what the subsidy covers', () => {
    expect(quoteOrder(session, 30, rule, 0)).toMatchObject({ sessions: 2, totalFen: 300_000, subsidyFen: 150_000, payableFen: 150_000, capRemainingFen: 200_000, budgetRemainingFen: 1_000_000, refusal: null });
  });

  it('refuses beyond the cap (first) or the budget, with what remains and what is needed', () => {
    expect(quoteOrder(session, 20, rule, 150_000).refusal).toEqual({ code: 'MARKET_SUBSIDY_CAP_EXCEEDED', remaining: 50_000, needed: 75_000 });
    expect(quoteOrder(session, 20, { ...rule, committedFen: 990_000 }, 0).refusal).toEqual({ code: 'MARKET_SUBSIDY_BUDGET_EXCEEDED', remaining: 10_000, needed: 75_000 });
    // Exactly what is left fits.
    expect(quoteOrder(session, 20, { ...rule, committedFen: 925_000 }, 125_000).refusal).toBeNull();
  });

  it('gives no subsidy without a rule or without a union', () => {
    expect(quoteOrder(session, 20, null, 0)).toMatchObject({ subsidyFen: 0, payableFen: 150_000, refusal: null });
    expect(quoteOrder(session, 20, rule, null)).toMatchObject({ subsidyFen: 0, payableFen: 150_000, refusal: null });
  });

  it('prints yuan for messages', () => {
    expect(yuan(123_456)).toBe('¥1,234.56');
    expect(yuan(5)).toBe('¥0.05');
  });
});

describe('rotating check-in codes', () => {
  const now = new Date('2026-03-09T02:00:10Z');
  it('accepts the current and the previous code, tells a replay from a forgery', () => {
    const w = windowOf(now);
    expect(currentCode(KEY, 's1', now)).toEqual({ code: checkinCode(KEY, 's1', w), expiresInSeconds: 20 });
    expect(checkCheckinCode(KEY, 's1', checkinCode(KEY, 's1', w), now)).toBe('ok');
    expect(checkCheckinCode(KEY, 's1', checkinCode(KEY, 's1', w - 1), now)).toBe('ok');
    expect(checkCheckinCode(KEY, 's1', checkinCode(KEY, 's1', w - 2), now)).toBe('expired');
    expect(checkCheckinCode(KEY, 's1', checkinCode(KEY, 's1', w - 20), now)).toBe('expired');
    // Another session's code, a made-up one, junk.
    const other = checkinCode(KEY, 's2', w);
    if (other !== checkinCode(KEY, 's1', w) && other !== checkinCode(KEY, 's1', w - 1)) expect(checkCheckinCode(KEY, 's1', other, now)).not.toBe('ok');
    expect(checkCheckinCode(KEY, 's1', 'abcdef', now)).toBe('invalid');
    expect(checkCheckinCode(Buffer.alloc(32, 8), 's1', checkinCode(KEY, 's1', w), now)).not.toBe('ok');
  });
});

describe('attendance sign-in tokens', () => {
  it('holds for its order and day only', () => {
    const token = attendToken(KEY, 'order-1', '2026-03-09');
    expect(isAttendToken(KEY, 'order-1', '2026-03-09', token)).toBe(true);
    expect(isAttendToken(KEY, 'order-2', '2026-03-09', token)).toBe(false);
    expect(isAttendToken(KEY, 'order-1', '2026-03-10', token)).toBe(false);
    expect(isAttendToken(KEY, 'order-1', '2026-03-09', `${token}x`)).toBe(false);
  });
});

describe('season results from their inputs', () => {
  const entries = ['a', 'b', 'c'].map((id, i) => ({ id, number: i + 1, title: id, provider: id }));
  const input: ResultInputs = {
    entries,
    sheets: [
      { scorerId: 'j1', subjectId: 'a', total: 90 },
      { scorerId: 'j1', subjectId: 'b', total: 80 },
      { scorerId: 'j1', subjectId: 'c', total: 70 },
      { scorerId: 'j2', subjectId: 'a', total: 86 },
      { scorerId: 'j2', subjectId: 'b', total: 84 },
      { scorerId: 'j2', subjectId: 'c', total: 100 },
    ],
    recusals: [{ scorerId: 'j2', subjectId: 'c' }],
    onlineVotes: { a: 10, b: 40 },
    paperVotes: { b: 10, c: 25 },
    normalize: false,
    expertWeight: 70,
    prizeTiers: [1, 1, 1],
  };

  it('excludes the recused sheet, adds paper votes, blends 70/30 and gives prizes by rank', () => {
    const rows = computeResults(input);
    const by = Object.fromEntries(rows.map((r) => [r.entryId, r]));
    expect(by.c).toMatchObject({ expert: 70, judgesCounted: 1, recused: 1, votes: 25, votesScore: 50, combined: 64 });
    expect(by.b).toMatchObject({ expert: 82, votes: 50, votesScore: 100, combined: 87.4 });
    expect(by.a).toMatchObject({ expert: 88, votes: 10, votesScore: 20, combined: 67.6 });
    expect(rows.map((r) => [r.entryId, r.rank, r.computedPrize])).toEqual([
      ['b', 1, 1],
      ['a', 2, 2],
      ['c', 3, 3],
    ]);
  });

  it('changes the fingerprint when any input changes and keeps it for the same inputs', () => {
    const f = fingerprintOf(computeResults(input));
    expect(fingerprintOf(computeResults({ ...input }))).toBe(f);
    expect(fingerprintOf(computeResults({ ...input, paperVotes: { ...input.paperVotes, c: 26 } }))).not.toBe(f);
    expect(fingerprintOf(computeResults({ ...input, normalize: true }))).not.toBe(f);
  });
});
