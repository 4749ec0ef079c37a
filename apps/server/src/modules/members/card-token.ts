import crypto from 'node:crypto';

/**
 * The membership card's QR payload: `M1.<membership id, 22 chars>.<member number>.<issued-at, base36>.<MAC>`,
 * where MAC is HMAC-SHA256 with the server secret, cut to 128 bits. It names the membership and
 * nothing personal (no ID number, no name), so a photographed QR leaks nothing; a forged or
 * altered one fails the MAC. Whether the membership is still active is looked up on every scan.
 */
export type CardClaims = { membershipId: string; memberNumber: string; issuedAt: Date };

/**
 * How long a card's QR proves membership (issue 9: tokens never expired, so a screenshot passed
 * for the member for ever). The card page fetches a fresh one well before this.
 */
export const CARD_TOKEN_TTL_SECONDS = 600;
/** A phone clock running ahead is tolerated this much. */
const CLOCK_SKEW_SECONDS = 60;

/** Whether a genuine token is past its life (or issued in the future). */
export function isCardTokenExpired(claims: CardClaims, now: Date): boolean {
  const age = (now.getTime() - claims.issuedAt.getTime()) / 1000;
  return age > CARD_TOKEN_TTL_SECONDS || age < -CLOCK_SKEW_SECONDS;
}

const PREFIX = 'M1';

const uuidToB64 = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
const b64ToUuid = (text: string): string | null => {
  const hex = Buffer.from(text, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

function mac(key: Buffer, body: string): string {
  return crypto.createHmac('sha256', key).update(`member_card:${body}`).digest().subarray(0, 16).toString('base64url');
}

export function signCardToken(key: Buffer, claims: CardClaims): string {
  const body = [PREFIX, uuidToB64(claims.membershipId), claims.memberNumber, Math.floor(claims.issuedAt.getTime() / 1000).toString(36)].join('.');
  return `${body}.${mac(key, body)}`;
}

/** The claims of a genuine token, or null for anything forged, altered or malformed. */
export function verifyCardToken(key: Buffer, token: string): CardClaims | null {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== PREFIX) return null;
  const [, idText = '', memberNumber = '', issuedText = '', sent = ''] = parts;
  const expected = mac(key, parts.slice(0, 4).join('.'));
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return null;
  const membershipId = b64ToUuid(idText);
  const seconds = parseInt(issuedText, 36);
  if (!membershipId || !/^[0-9A-Za-z-]{1,32}$/.test(memberNumber) || !Number.isFinite(seconds)) return null;
  return { membershipId, memberNumber, issuedAt: new Date(seconds * 1000) };
}
