import type { FundLiveEvent, PublicFundSummary } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { applyFundEvent, formatYuan, parseFundEvent } from './fund-live';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const F = '00000000-0000-4000-8000-0000000000ff';

function summary(): PublicFundSummary {
  return {
    fund: { id: F, name: '江北区爱心基金' },
    totalFen: 24_000_000,
    balanceFen: 20_000_000,
    totalBreakfasts: 20_000,
    today: { contributionFen: 500, sales: 50, breakfasts: 3 },
    stations: [
      {
        positionId: A,
        name: '观音桥驿站',
        lng: 106.53,
        lat: 29.57,
        totalFen: 1_000_000,
        todayFen: 300,
        breakfasts: 10,
      },
      {
        positionId: B,
        name: '五里店驿站',
        lng: 106.58,
        lat: 29.59,
        totalFen: 999_995,
        todayFen: 200,
        breakfasts: 5,
      },
    ],
    recent: [
      {
        id: 'old',
        at: '2026-11-24T01:00:00Z',
        stationName: '观音桥驿站',
        shopName: '观音桥小卖部',
        amountFen: 10,
      },
    ],
    generatedAt: '2026-11-24T01:00:00Z',
  };
}

const event = (over: Partial<FundLiveEvent>): FundLiveEvent => ({
  kind: 'contribution',
  id: 'e1',
  at: '2026-11-24T02:00:00Z',
  fundId: F,
  positionId: B,
  stationName: '五里店驿站',
  shopName: '五里店小卖部',
  amountFen: 10,
  totalFen: 24_000_010,
  balanceFen: 20_000_010,
  totalBreakfasts: 20_000,
  committedAt: '2026-11-24T02:00:00.100Z',
  ...over,
});

describe('the live fund screen', () => {
  it('takes the totals from a sale and adds it to today, the station (re-ranked) and the recent list', () => {
    const next = applyFundEvent(summary(), event({}));
    expect(next.totalFen).toBe(24_000_010);
    expect(next.balanceFen).toBe(20_000_010);
    expect(next.today).toEqual({
      contributionFen: 510,
      sales: 51,
      breakfasts: 3,
    });
    expect(next.stations.map((s) => [s.name, s.totalFen])).toEqual([
      ['五里店驿站', 1_000_005],
      ['观音桥驿站', 1_000_000],
    ]);
    expect(next.recent.map((r) => r.id)).toEqual(['e1', 'old']);
  });

  it('counts a refund (negative contribution) against today but not as a sale, and lists it nowhere', () => {
    const next = applyFundEvent(summary(), event({ amountFen: -10, totalFen: 23_999_990 }));
    expect(next.today).toEqual({
      contributionFen: 490,
      sales: 50,
      breakfasts: 3,
    });
    expect(next.recent).toHaveLength(1);
  });

  it('counts a breakfast without touching the contributions', () => {
    const next = applyFundEvent(
      summary(),
      event({
        kind: 'breakfast',
        amountFen: 500,
        positionId: A,
        totalFen: 24_000_000,
        balanceFen: 19_999_500,
        totalBreakfasts: 20_001,
      }),
    );
    expect(next.today).toEqual({
      contributionFen: 500,
      sales: 50,
      breakfasts: 4,
    });
    expect(next.totalBreakfasts).toBe(20_001);
    expect(next.balanceFen).toBe(19_999_500);
    expect(next.stations[0]?.breakfasts).toBe(11);
  });

  it('drops messages that are not fund events', () => {
    expect(parseFundEvent('not json')).toBeNull();
    expect(parseFundEvent(JSON.stringify({ kind: 'contribution', id: 'x' }))).toBeNull();
    expect(parseFundEvent(JSON.stringify({ ...event({}), kind: 'other' }))).toBeNull();
    expect(parseFundEvent(JSON.stringify(event({})))?.id).toBe('e1');
  });

  it('prints yuan from fen exactly', () => {
    expect(formatYuan(24_012_345)).toBe('240,123.45');
    expect(formatYuan(10)).toBe('0.10');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(0)).toBe('0.00');
  });
});
