import crypto from 'node:crypto';

/**
 * The QR ticket of a registration: `E1.<registration id, 22 chars>.<MAC>`, the MAC an HMAC-SHA256
 * of the rest with the server key, cut to 128 bits (as the membership card's token). It names the
 * registration and nothing personal; whether the place is still held is looked up at the scan, so
 * a cancelled registration's ticket opens nothing even though its MAC is genuine.
 */
const PREFIX = 'E1';

export const uuidToB64 = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
export function b64ToUuid(text: string): string | null {
  if (!/^[A-Za-z0-9_-]{22}$/.test(text)) return null;
  const hex = Buffer.from(text, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const mac = (key: Buffer, body: string) => crypto.createHmac('sha256', key).update(`event_ticket:${body}`).digest().subarray(0, 16).toString('base64url');

export function signTicket(key: Buffer, registrationId: string): string {
  const body = `${PREFIX}.${uuidToB64(registrationId)}`;
  return `${body}.${mac(key, body)}`;
}

/** The registration a ticket names, when its MAC is genuine; else null. */
export function verifyTicket(key: Buffer, token: string): string | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const body = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return b64ToUuid(parts[1]!);
}
