/**
 * Mainland China mobile numbers as people type them: "+86 138-0000-0001", "0086 13800000001",
 * "138 0000 0001", full-width digits from a Chinese input method. One function reads them all, on
 * the server (every schema with a phone, every import) and in the browser (every form). No zod
 * here: the web app imports this file (`@niangjia/contracts/phone`) as it is.
 */
const MOBILE = /^1[3-9]\d{9}$/;
// Spaces, dashes of every kind, brackets around the country code.
const SEPARATORS = /[\s\-‐‑‒–—−()（）]/g;

/** The 11-digit number, or null when the text is not a mainland mobile number. */
export function normalizeMobilePhone(text: string): string | null {
  // NFKC turns full-width digits and "＋" into ASCII.
  const compact = text.normalize('NFKC').replace(SEPARATORS, '');
  const match = /^(?:\+86|0086|86)?(\d{11})$/.exec(compact);
  return match && MOBILE.test(match[1]!) ? match[1]! : null;
}

export const isMobilePhone = (text: string): boolean => normalizeMobilePhone(text) !== null;
