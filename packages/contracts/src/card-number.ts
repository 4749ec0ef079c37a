/**
 * The breakfast card number (爱心早餐卡号), one format everywhere — issued, imported, seeded,
 * printed and typed at a till: `ZC` + 2-digit issue year + 7 digits + a check digit over those 9
 * digits (weights 1, 3, 1, 3, … mod 10, as in EAN), so a mistyped digit or two swapped neighbours
 * are caught before anything is looked up. Plain functions (no zod): the phone and the till use them too.
 */
export const CARD_NUMBER_PATTERN = /^ZC\d{10}$/;

/** The check digit of the 9 digits after `ZC`. */
export function cardNumberCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i % 2 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

/** A card number from its issue year and a 7-digit serial (0 ≤ serial < 10⁷). */
export function makeCardNumber(year: number, serial: number): string {
  const body = `${String(year % 100).padStart(2, '0')}${String(serial).padStart(7, '0')}`;
  return `ZC${body}${cardNumberCheckDigit(body)}`;
}

/** Upper-cases and drops spaces and dashes (as typed or read aloud); the format is not checked. */
export const normaliseCardNumber = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

/** Whether a (normalised) card number has the format and a matching check digit. */
export function isCardNumberValid(number: string): boolean {
  return CARD_NUMBER_PATTERN.test(number) && cardNumberCheckDigit(number.slice(2, 11)) === number.slice(11);
}
