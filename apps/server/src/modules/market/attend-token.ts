import crypto from 'node:crypto';

/**
 * The sign-in QR of one delivered service: `/m/market/attend/<order id>?t=<token>`, the token an
 * HMAC of the order and its service day. It cannot be made for another order or day, and it is
 * accepted only on that day (Asia/Shanghai), so a photo of it is useless afterwards.
 */
export function attendToken(key: Buffer, orderId: string, serviceDate: string): string {
  return crypto.createHmac('sha256', key).update(`market_attend:${orderId}:${serviceDate}`).digest().subarray(0, 16).toString('base64url');
}

export function isAttendToken(key: Buffer, orderId: string, serviceDate: string, token: string): boolean {
  const expected = Buffer.from(attendToken(key, orderId, serviceDate));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
