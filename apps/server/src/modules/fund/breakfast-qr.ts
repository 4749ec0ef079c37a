import crypto from 'node:crypto';
import type { Secrets } from '../../platform/secrets';

/**
 * The QR on the worker's phone: `NJB1.<card number>.<expiry unix s>.<HMAC>`. Short-lived so a
 * screenshot cannot circulate for long; an offline terminal's redemption is checked against the
 * time of the redemption, not the time it syncs.
 */
export const QR_PREFIX = 'NJB1.';
export const QR_LIFETIME_SECONDS = 10 * 60;

function macOf(secrets: Secrets, number: string, exp: number): string {
  return crypto.createHmac('sha256', secrets.key).update(`breakfast-qr:${number}.${exp}`).digest('base64url').slice(0, 22);
}

export function makeCardQr(secrets: Secrets, number: string, now = new Date()): { qr: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + QR_LIFETIME_SECONDS;
  return { qr: `${QR_PREFIX}${number}.${exp}.${macOf(secrets, number, exp)}`, expiresAt: new Date(exp * 1000) };
}

/**
 * The check code printed on a card beside its number (like a bank card's CVV): six digits keyed by
 * the server's secret. A number alone is not enough to redeem (issue 9: typed sequential numbers
 * drew breakfasts), and the check digit inside the number only catches typos — anyone can compute it.
 */
export function cardCheckCode(secrets: Secrets, number: string): string {
  const mac = crypto.createHmac('sha256', secrets.key).update(`breakfast-card-code:${number}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export type CardTextProblem = 'FUND_QR_INVALID' | 'FUND_CARD_CODE_REQUIRED' | 'FUND_CARD_CODE_INVALID';

/**
 * The card number a terminal sent: a QR checked for signature and expiry at `at`, or a typed (or
 * swiped) number with its check code — in `code`, or after the number in the same text
 * ("ZC2412345678 123456").
 */
export function readCardText(secrets: Secrets, text: string, code: string | undefined, at: Date): { number: string } | { error: CardTextProblem } {
  if (text.startsWith(QR_PREFIX)) {
    const [number = '', expText = '', mac = ''] = text.slice(QR_PREFIX.length).split('.');
    const exp = Number(expText);
    if (!number || !Number.isInteger(exp) || !safeEqualText(mac, macOf(secrets, number, exp))) return { error: 'FUND_QR_INVALID' };
    if (at.getTime() / 1000 > exp) return { error: 'FUND_QR_INVALID' };
    return { number };
  }
  const joined = /^(\S+)[\s-]+(\d{6})$/.exec(text.trim());
  const number = (joined ? joined[1]! : text).trim().toUpperCase();
  const typed = (code ?? joined?.[2] ?? '').trim();
  if (!typed) return { error: 'FUND_CARD_CODE_REQUIRED' };
  if (!safeEqualText(typed, cardCheckCode(secrets, number))) return { error: 'FUND_CARD_CODE_INVALID' };
  return { number };
}

function safeEqualText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
