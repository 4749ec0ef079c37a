import crypto from 'node:crypto';
import { CHECKIN_CODE_SECONDS } from '@niangjia/contracts/market-domain';

/**
 * The rotating check-in code of a voting session, shown on the hall screen as six digits and a QR
 * code: HMAC(server key, session secret + 30-second window) cut to six digits. Every instance
 * derives the same code from the database row, so nothing is kept in memory. The current and the
 * previous window are accepted (a code read just before it changed still works); a genuine code
 * from an older window is a replay (a photo of the screen sent to someone outside the hall) and is
 * told apart from a forged one.
 */
export const ACCEPTED_WINDOWS = 2;
/** How far back a code is recognised as a replay rather than a forgery (10 minutes). */
const REPLAY_LOOKBACK_WINDOWS = 20;

export const windowOf = (at: Date, seconds = CHECKIN_CODE_SECONDS) => Math.floor(at.getTime() / 1000 / seconds);

export function checkinCode(key: Buffer, sessionSecret: string, window: number): string {
  const mac = crypto.createHmac('sha256', key).update(`market_checkin:${sessionSecret}:${window}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function currentCode(key: Buffer, sessionSecret: string, now: Date, seconds = CHECKIN_CODE_SECONDS): { code: string; expiresInSeconds: number } {
  const window = windowOf(now, seconds);
  const ends = (window + 1) * seconds * 1000;
  return { code: checkinCode(key, sessionSecret, window), expiresInSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}

export type CodeCheck = 'ok' | 'expired' | 'invalid';

/** Whether a typed or scanned code is current, a replay of an older one, or not one of ours. */
export function checkCheckinCode(key: Buffer, sessionSecret: string, code: string, now: Date, seconds = CHECKIN_CODE_SECONDS): CodeCheck {
  const typed = code.trim();
  if (!/^\d{6}$/.test(typed)) return 'invalid';
  const window = windowOf(now, seconds);
  const same = (w: number) => crypto.timingSafeEqual(Buffer.from(checkinCode(key, sessionSecret, w)), Buffer.from(typed));
  for (let i = 0; i < ACCEPTED_WINDOWS; i++) if (same(window - i)) return 'ok';
  for (let i = ACCEPTED_WINDOWS; i <= REPLAY_LOOKBACK_WINDOWS; i++) if (same(window - i)) return 'expired';
  return 'invalid';
}
