/**
 * Citizen identity numbers (公民身份号码), GB 11643-1999: 6 characters of region, 8 of birth date
 * (YYYYMMDD), 3 of sequence (odd = male) and one ISO 7064 MOD 11-2 check character (0–9 or X).
 * The same layout is used by residence permits for Hong Kong, Macao and Taiwan residents
 * (810000 / 820000 / 830000) and by foreigners' permanent residence ID cards of the 2023 format,
 * which start with 9 followed by the two-digit code of the issuing province.
 *
 * Pure and without zod: the server checks with it, and the web app can check as people type.
 */
export type IdNumberProblem =
  | 'ID_NUMBER_LENGTH'
  | 'ID_NUMBER_CHARACTERS'
  | 'ID_NUMBER_CHECK'
  | 'ID_NUMBER_REGION'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_BIRTH_FUTURE'
  | 'ID_NUMBER_UNDER_16';

export type IdNumberInfo = {
  /** Normalised: trimmed, upper-case X. */
  value: string;
  sex: 'male' | 'female';
  /** YYYY-MM-DD */
  birthDate: string;
  kind: 'resident' | 'hk_macao_taiwan' | 'foreigner';
};

export type IdNumberResult = { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Two-digit province codes of GB/T 2260 (11 Beijing … 65 Xinjiang, 71 Taiwan). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71,
]);

/** Minimum age for joining a union (Trade Union Law art. 3 and the Labour Law's minimum working age of 16). */
export const MIN_MEMBER_AGE = 16;

export function normaliseIdNumber(input: string): string {
  return input.trim().replace(/\s+/g, '').toUpperCase();
}

/** The ISO 7064 MOD 11-2 check character over the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function regionKind(value: string): IdNumberInfo['kind'] | null {
  const two = Number(value.slice(0, 2));
  if (value[0] === '9') return PROVINCES.has(Number(value.slice(1, 3))) ? 'foreigner' : null;
  if (two === 81 || two === 82 || two === 83) return 'hk_macao_taiwan';
  return PROVINCES.has(two) ? 'resident' : null;
}

const isValidDate = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1 || y < 1900) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * Checks an ID number against GB 11643. `today` is the caller's date (YYYY-MM-DD, Asia/Shanghai)
 * for the birth-date rules, so tests and the server's clock agree.
 */
export function checkIdNumber(input: string, today: string): IdNumberResult {
  const value = normaliseIdNumber(input);
  if (value.length !== 18) return { ok: false, problem: 'ID_NUMBER_LENGTH' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'ID_NUMBER_CHARACTERS' };
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'ID_NUMBER_CHECK' };
  const kind = regionKind(value);
  if (!kind) return { ok: false, problem: 'ID_NUMBER_REGION' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (!isValidDate(y, m, d)) return { ok: false, problem: 'ID_NUMBER_BIRTH_DATE' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'ID_NUMBER_BIRTH_FUTURE' };
  if (ageOn(birthDate, today) < MIN_MEMBER_AGE) return { ok: false, problem: 'ID_NUMBER_UNDER_16' };
  return { ok: true, info: { value, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female', birthDate, kind } };
}

/** Whole years between two YYYY-MM-DD dates (a birthday on 29 February counts from 1 March). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** 500105********1234: region and last four kept, birth date and sequence hidden. */
export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
