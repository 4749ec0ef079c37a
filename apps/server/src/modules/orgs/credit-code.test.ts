import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from './credit-code';

describe('unified social credit code (GB 32100)', () => {
  it('accepts published codes whose check character holds', () => {
    // Published codes of well-known organisations.
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91110000802100433B')).toBeNull();
  });

  it('computes the check character over the first 17', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('names what is wrong', () => {
    expect(checkCreditCode('91350100M000100Y44')).toBe('CREDIT_CODE_CHECK');
    expect(checkCreditCode('91350100M000100Y4')).toBe('CREDIT_CODE_LENGTH');
    expect(checkCreditCode('91350100M000100YO3')).toBe('CREDIT_CODE_CHARACTERS');
    expect(checkCreditCode('91350100I000100Y43')).toBe('CREDIT_CODE_CHARACTERS');
  });

  it('maps a check value of 0 to 0 and 30 to Y', () => {
    // Brute-force a body for each end of the alphabet to be sure the wrap-around is right.
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const seen = new Set<string>();
    for (let i = 0; i < 2000 && seen.size < 31; i++) {
      const body = `9150010${String(i).padStart(10, '0')}`;
      const check = creditCodeCheckChar(body);
      expect(alphabet).toContain(check);
      expect(checkCreditCode(body + check)).toBeNull();
      seen.add(check);
    }
    expect(seen.has('0')).toBe(true);
    expect(seen.has('Y')).toBe(true);
  });
});
