/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V); the last is a check character over the
 * first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'CREDIT_CODE_LENGTH' | 'CREDIT_CODE_CHARACTERS' | 'CREDIT_CODE_CHECK';

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check] ?? '';
}

export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'CREDIT_CODE_LENGTH';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'CREDIT_CODE_CHARACTERS';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'CREDIT_CODE_CHECK';
}
