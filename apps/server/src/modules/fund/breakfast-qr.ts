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

/** The card number a scanned text names: a printed number as is, or a QR checked for signature and expiry at `at`. */
export function readCardText(secrets: Secrets, text: string, at: Date): { number: string } | { error: 'FUND_QR_INVALID' } {
  if (!text.startsWith(QR_PREFIX)) return { number: text.trim().toUpperCase() };
  const [number = '', expText = '', mac = ''] = text.slice(QR_PREFIX.length).split('.');
  const exp = Number(expText);
  if (!number || !Number.isInteger(exp) || mac !== macOf(secrets, number, exp)) return { error: 'FUND_QR_INVALID' };
  if (at.getTime() / 1000 > exp) return { error: 'FUND_QR_INVALID' };
  return { number };
}
