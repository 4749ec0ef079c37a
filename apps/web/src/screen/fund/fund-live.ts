// Pure pieces of the live fund screen: how one stream event updates the summary. Money stays
// integer fen until it is printed.
import type { FundLiveEvent, PublicFundSummary } from '@niangjia/contracts';

export type { FundLiveEvent, PublicFundSummary as FundSummary };
export type FundRecent = PublicFundSummary['recent'][number];

export const RECENT_KEPT = 20;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Reads one SSE message (`data:` of a FundLiveEvent); anything unreadable is dropped, the next re-read corrects the figures. */
export function parseFundEvent(data: string): FundLiveEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (o.kind !== 'contribution' && o.kind !== 'breakfast') return null;
  if (!isStr(o.id) || !isStr(o.at) || !isNum(o.amountFen) || !isNum(o.totalFen) || !isNum(o.balanceFen) || !isNum(o.totalBreakfasts)) return null;
  return raw as FundLiveEvent;
}

/** The summary after one event: totals as of the event's commit, today's figures, the station and the recent list. */
export function applyFundEvent(summary: PublicFundSummary, event: FundLiveEvent): PublicFundSummary {
  const totals = {
    totalFen: event.totalFen,
    balanceFen: event.balanceFen,
    totalBreakfasts: event.totalBreakfasts,
  };
  if (event.kind === 'breakfast') {
    return {
      ...summary,
      ...totals,
      today: { ...summary.today, breakfasts: summary.today.breakfasts + 1 },
      stations: summary.stations.map((s) => (s.positionId === event.positionId ? { ...s, breakfasts: s.breakfasts + 1 } : s)),
    };
  }
  // A refund comes as a negative contribution: it lowers the figures but is no sale.
  const isRefund = event.amountFen < 0;
  const stations = summary.stations
    .map((s) =>
      s.positionId === event.positionId
        ? {
            ...s,
            totalFen: s.totalFen + event.amountFen,
            todayFen: s.todayFen + event.amountFen,
          }
        : s,
    )
    .sort((a, b) => b.totalFen - a.totalFen);
  return {
    ...summary,
    ...totals,
    today: {
      ...summary.today,
      contributionFen: summary.today.contributionFen + event.amountFen,
      sales: summary.today.sales + (isRefund ? 0 : 1),
    },
    stations,
    recent: isRefund
      ? summary.recent
      : [
          {
            id: event.id,
            at: event.at,
            stationName: event.stationName,
            shopName: event.shopName,
            amountFen: event.amountFen,
          },
          ...summary.recent,
        ].slice(0, RECENT_KEPT),
  };
}

/** Yuan from fen for the big numerals: `240,123.45` (no currency sign; the screen draws its own). */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${yuan}.${(abs % 100).toString().padStart(2, '0')}`;
}
