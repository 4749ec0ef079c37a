import { orderPrice, subsidyShare, type PriceUnit } from '@niangjia/contracts/market-domain';

export type RuleFigures = { year: number; percentBps: number; budgetFen: number; committedFen: number; capPerUnionFen: number };

export type QuoteFigures = {
  sessions: number;
  totalFen: number;
  subsidyFen: number;
  payableFen: number;
  budgetRemainingFen: number;
  capRemainingFen: number;
  /** Why placing it now would be refused, with the figures for the message. */
  refusal: { code: 'MARKET_SUBSIDY_CAP_EXCEEDED' | 'MARKET_SUBSIDY_BUDGET_EXCEEDED'; remaining: number; needed: number } | null;
};

/**
 * What an order costs and who pays: total = price × sessions (or × headcount per person); the
 * subsidy = total × the rule's share, rounded down to the fen; the union pays the rest. An order
 * whose subsidy does not fit the union's remaining cap or the district's remaining budget is
 * refused rather than silently subsidised less, so nobody is surprised by the bill. No rule for
 * the year (or no union, e.g. a non-member ordering for themself) → no subsidy.
 */
export function quoteOrder(version: { priceFen: number; priceUnit: PriceUnit; capacity: number }, headcount: number, rule: RuleFigures | null, unionCommittedFen: number | null): QuoteFigures {
  const { sessions, totalFen } = orderPrice({ priceFen: version.priceFen, unit: version.priceUnit, capacity: version.capacity }, headcount);
  if (!rule || unionCommittedFen === null) {
    return { sessions, totalFen, subsidyFen: 0, payableFen: totalFen, budgetRemainingFen: rule ? rule.budgetFen - rule.committedFen : 0, capRemainingFen: 0, refusal: null };
  }
  const subsidyFen = subsidyShare(totalFen, rule.percentBps);
  const budgetRemainingFen = rule.budgetFen - rule.committedFen;
  const capRemainingFen = rule.capPerUnionFen - unionCommittedFen;
  let refusal: QuoteFigures['refusal'] = null;
  if (subsidyFen > capRemainingFen) refusal = { code: 'MARKET_SUBSIDY_CAP_EXCEEDED', remaining: Math.max(0, capRemainingFen), needed: subsidyFen };
  else if (subsidyFen > budgetRemainingFen) refusal = { code: 'MARKET_SUBSIDY_BUDGET_EXCEEDED', remaining: Math.max(0, budgetRemainingFen), needed: subsidyFen };
  return { sessions, totalFen, subsidyFen, payableFen: totalFen - subsidyFen, budgetRemainingFen, capRemainingFen, refusal };
}

/** `¥1,234.50` for messages (the console formats its own). */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}
