import { describe, expect, it } from 'vitest';
import { isCardNumberValid, makeCardNumber, normaliseCardNumber } from './card-number';

describe('breakfast card numbers', () => {
  it('makes numbers whose check digit verifies', () => {
    for (const serial of [0, 1, 100001, 9_999_999]) expect(isCardNumberValid(makeCardNumber(2026, serial))).toBe(true);
    expect(makeCardNumber(2026, 100001)).toMatch(/^ZC260100001\d$/);
  });

  it('catches a changed digit and two swapped neighbours', () => {
    const n = makeCardNumber(2026, 1234567);
    for (let i = 2; i < n.length; i++) {
      const changed = n.slice(0, i) + String((Number(n[i]) + 1) % 10) + n.slice(i + 1);
      expect(isCardNumberValid(changed)).toBe(false);
    }
    const swapped = n.slice(0, 4) + n[5] + n[4] + n.slice(6);
    if (n[4] !== n[5] && (Number(n[4]) - Number(n[5])) % 5 !== 0) expect(isCardNumberValid(swapped)).toBe(false);
  });

  it('refuses other shapes and normalises what people type', () => {
    expect(isCardNumberValid('ZC24100001')).toBe(false);
    expect(isCardNumberValid('zc2601000011')).toBe(false);
    expect(normaliseCardNumber(' zc 2601-000011 ')).toBe('ZC2601000011');
  });
});
