import crypto from 'node:crypto';
import { b64ToUuid, uuidToB64 } from './events.ticket';

/**
 * The event's rotating check-in code (签到码), shown on the staff's phone for attendees to scan:
 * `C1.<event id, 22 chars>.<minute window, base 36>.<MAC>`, the MAC an HMAC-SHA256 with the server
 * key cut to 128 bits. A code is good for its minute and the next (about two minutes), so a photo
 * of it sent to someone at home is soon useless.
 */
const PREFIX = 'C1';
export const CODE_WINDOW_MS = 60_000;

const mac = (key: Buffer, body: string) => crypto.createHmac('sha256', key).update(`event_checkin_code:${body}`).digest().subarray(0, 16).toString('base64url');

export function signCheckinCode(key: Buffer, eventId: string, now: Date): { code: string; refreshAt: Date } {
  const w = Math.floor(now.getTime() / CODE_WINDOW_MS);
  const body = `${PREFIX}.${uuidToB64(eventId)}.${w.toString(36)}`;
  return { code: `${body}.${mac(key, body)}`, refreshAt: new Date((w + 1) * CODE_WINDOW_MS) };
}

/** The event a code names, when its MAC is genuine and it is of this minute or the one before; else null. */
export function verifyCheckinCode(key: Buffer, token: string, now: Date): string | null {
  const parts = token.trim().split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX || !/^[0-9a-z]{1,12}$/.test(parts[2]!)) return null;
  const body = parts.slice(0, 3).join('.');
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(parts[3]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const age = Math.floor(now.getTime() / CODE_WINDOW_MS) - parseInt(parts[2]!, 36);
  if (age < 0 || age > 1) return null;
  return b64ToUuid(parts[1]!);
}
