import { describe, expect, it } from 'vitest';
import { contributionFor, ruleOn, shanghaiDay, type RuleLike } from './contribution';

describe('contribution rules', () => {
  it('takes the fixed amount per sale whatever the amount', () => {
    expect(contributionFor({ kind: 'fixed', fixedFen: 10, bps: null, capFen: null }, 1)).toBe(10);
    expect(contributionFor({ kind: 'fixed', fixedFen: 10, bps: null, capFen: null }, 99_999)).toBe(10);
    expect(contributionFor({ kind: 'fixed', fixedFen: 25, bps: null, capFen: null }, 500)).toBe(25);
  });

  it('takes basis points rounded down, never a fraction of a fen', () => {
    const rule = {
      kind: 'bps' as const,
      fixedFen: null,
      bps: 50,
      capFen: null,
    };
    expect(contributionFor(rule, 1000)).toBe(5);
    expect(contributionFor(rule, 1999)).toBe(9);
    expect(contributionFor(rule, 199)).toBe(0);
  });

  it('caps the basis-point share when a cap is set', () => {
    const rule = { kind: 'bps' as const, fixedFen: null, bps: 100, capFen: 30 };
    expect(contributionFor(rule, 2000)).toBe(20);
    expect(contributionFor(rule, 3000)).toBe(30);
    expect(contributionFor(rule, 1_000_000)).toBe(30);
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => contributionFor({ kind: 'fixed', fixedFen: 10, bps: null, capFen: null }, -1)).toThrow(RangeError);
    expect(() => contributionFor({ kind: 'bps', fixedFen: null, bps: 10, capFen: null }, 1.5)).toThrow(RangeError);
  });

  it('applies the latest rule effective on or before the day', () => {
    const rules: RuleLike[] = [
      {
        kind: 'fixed',
        fixedFen: 10,
        bps: null,
        capFen: null,
        effectiveFrom: '2024-01-01',
      },
      {
        kind: 'bps',
        fixedFen: null,
        bps: 100,
        capFen: 50,
        effectiveFrom: '2024-07-01',
      },
      {
        kind: 'fixed',
        fixedFen: 20,
        bps: null,
        capFen: null,
        effectiveFrom: '2024-03-01',
      },
    ];
    expect(ruleOn(rules, '2023-12-31')).toBeNull();
    expect(ruleOn(rules, '2024-01-01')?.fixedFen).toBe(10);
    expect(ruleOn(rules, '2024-06-30')?.fixedFen).toBe(20);
    expect(ruleOn(rules, '2024-07-01')?.kind).toBe('bps');
  });

  it('counts the day in Asia/Shanghai', () => {
    expect(shanghaiDay(new Date('2024-08-01T15:59:59Z'))).toBe('2024-08-01');
    expect(shanghaiDay(new Date('2024-08-01T16:00:00Z'))).toBe('2024-08-02');
  });
});
