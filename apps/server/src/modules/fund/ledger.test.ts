import { describe, expect, it } from 'vitest';
import { assertBalanced, balanceChanges, reversePostings, UnbalancedEntryError } from './ledger';

describe('ledger balancing', () => {
  it('accepts postings that sum to zero', () => {
    expect(() =>
      assertBalanced([
        { accountId: 'collected', amountFen: 10 },
        { accountId: 'shop', amountFen: -10 },
      ]),
    ).not.toThrow();
    expect(() =>
      assertBalanced([
        { accountId: 'a', amountFen: 30 },
        { accountId: 'b', amountFen: -10 },
        { accountId: 'c', amountFen: -20 },
      ]),
    ).not.toThrow();
  });

  it('refuses an unbalanced entry, a single posting and fractions of a fen', () => {
    expect(() =>
      assertBalanced([
        { accountId: 'a', amountFen: 10 },
        { accountId: 'b', amountFen: -9 },
      ]),
    ).toThrow(UnbalancedEntryError);
    expect(() => assertBalanced([{ accountId: 'a', amountFen: 0 }])).toThrow(/two postings/);
    expect(() =>
      assertBalanced([
        { accountId: 'a', amountFen: 0.5 },
        { accountId: 'b', amountFen: -0.5 },
      ]),
    ).toThrow(/integer/);
  });

  it('nets balance changes per account and a reversal undoes them', () => {
    const sale = [
      { accountId: 'collected', amountFen: 10 },
      { accountId: 'shop', amountFen: -10 },
    ];
    const changes = balanceChanges([{ postings: sale }, { postings: sale }, { postings: reversePostings(sale) }]);
    expect(changes.get('collected')).toBe(10);
    expect(changes.get('shop')).toBe(-10);
    expect([...balanceChanges([{ postings: sale }, { postings: reversePostings(sale) }]).values()]).toEqual([0, 0]);
  });
});
