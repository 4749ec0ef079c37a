import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CARD_TOKEN_TTL_SECONDS, isCardTokenExpired, signCardToken, verifyCardToken } from './card-token';

const key = crypto.randomBytes(32);
const claims = { membershipId: '0b6f3c1e-9a55-4c1e-8f00-1234567890ab', memberNumber: '50010500000042', issuedAt: new Date('2026-05-20T08:00:00Z') };

describe('membership card tokens', () => {
  it('round-trips and carries nothing personal', () => {
    const token = signCardToken(key, claims);
    expect(token.length).toBeLessThan(90);
    expect(token).not.toMatch(/500105\d{8}[\dX]{4}/);
    expect(verifyCardToken(key, token)).toEqual(claims);
  });

  it('refuses forged, altered and malformed tokens', () => {
    const token = signCardToken(key, claims);
    expect(verifyCardToken(crypto.randomBytes(32), token)).toBeNull();
    expect(verifyCardToken(key, token.replace('50010500000042', '50010500000043'))).toBeNull();
    const parts = token.split('.');
    parts[4] = parts[4]!.slice(0, -1) + (parts[4]!.endsWith('A') ? 'B' : 'A');
    expect(verifyCardToken(key, parts.join('.'))).toBeNull();
    for (const bad of ['', 'M1', 'M1.a.b.c', 'M2.a.b.c.d', `${token}.x`]) expect(verifyCardToken(key, bad)).toBeNull();
  });

  it('expires ten minutes after it was issued, and is never valid from the future', () => {
    const at = (seconds: number) => new Date(claims.issuedAt.getTime() + seconds * 1000);
    expect(isCardTokenExpired(claims, at(0))).toBe(false);
    expect(isCardTokenExpired(claims, at(CARD_TOKEN_TTL_SECONDS))).toBe(false);
    expect(isCardTokenExpired(claims, at(CARD_TOKEN_TTL_SECONDS + 1))).toBe(true);
    expect(isCardTokenExpired(claims, at(-30))).toBe(false);
    expect(isCardTokenExpired(claims, at(-120))).toBe(true);
  });
});
