/**
 * Contribution rules (PRODUCT.md part 4): each sale puts a fixed amount (default 10 fen) or a
 * share of the amount in basis points (rounded down, at most a cap) into the fund. A shop keeps
 * its rules as history; the rule whose effective-from day is the latest on or before the sale's
 * Asia/Shanghai day applies.
 */
export type RuleLike = {
  kind: 'fixed' | 'bps';
  fixedFen: number | null;
  bps: number | null;
  capFen: number | null;
  effectiveFrom: string;
};

export const DEFAULT_FIXED_FEN = 10;

export function contributionFor(rule: Pick<RuleLike, 'kind' | 'fixedFen' | 'bps' | 'capFen'>, amountFen: number): number {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError('amountFen must be a non-negative integer');
  if (rule.kind === 'fixed') return rule.fixedFen ?? DEFAULT_FIXED_FEN;
  // Integer arithmetic: amount × bps / 10,000, rounded down (the fund never takes a fraction of a fen).
  const share = Math.floor((amountFen * (rule.bps ?? 0)) / 10_000);
  return rule.capFen != null ? Math.min(share, rule.capFen) : share;
}

/** The rule in force on a day (YYYY-MM-DD), or null when the first rule starts later. */
export function ruleOn<T extends RuleLike>(rules: readonly T[], day: string): T | null {
  let best: T | null = null;
  for (const r of rules) if (r.effectiveFrom <= day && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The Asia/Shanghai calendar day of an instant (China has no daylight saving since 1991). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai day starts. */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}
