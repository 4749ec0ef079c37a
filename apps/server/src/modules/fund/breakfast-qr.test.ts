import { describe, expect, it } from 'vitest';
import { cardCheckCode, makeCardQr, readCardText } from './breakfast-qr';

const secrets = { key: Buffer.alloc(32, 7), source: 'test' as const };

describe('breakfast card QR', () => {
  it('reads back the card number until it expires', () => {
    const now = new Date('2024-08-01T00:00:00Z');
    const { qr } = makeCardQr(secrets, 'ZC24000123', now);
    expect(readCardText(secrets, qr, undefined, new Date(now.getTime() + 60_000))).toEqual({ number: 'ZC24000123' });
    expect(readCardText(secrets, qr, undefined, new Date(now.getTime() + 11 * 60_000))).toEqual({ error: 'FUND_QR_INVALID' });
  });

  it('refuses an altered QR', () => {
    const { qr } = makeCardQr(secrets, 'ZC24000123');
    expect(readCardText(secrets, qr.replace('ZC24000123', 'ZC24000124'), undefined, new Date())).toEqual({ error: 'FUND_QR_INVALID' });
  });

  it('takes a typed number only with its check code, given apart or after the number', () => {
    const code = cardCheckCode(secrets, 'ZC24000123');
    expect(code).toMatch(/^\d{6}$/);
    expect(cardCheckCode(secrets, 'ZC24000124')).not.toBe(code);
    expect(readCardText(secrets, ' zc24000123 ', code, new Date())).toEqual({ number: 'ZC24000123' });
    expect(readCardText(secrets, `ZC24000123 ${code}`, undefined, new Date())).toEqual({ number: 'ZC24000123' });
    expect(readCardText(secrets, `ZC24000123-${code}`, undefined, new Date())).toEqual({ number: 'ZC24000123' });
    // A number alone, or with a guessed code, draws nothing (issue 9: sequential typed numbers).
    expect(readCardText(secrets, 'ZC24000123', undefined, new Date())).toEqual({ error: 'FUND_CARD_CODE_REQUIRED' });
    expect(readCardText(secrets, 'ZC24000123', code === '000000' ? '000001' : '000000', new Date())).toEqual({ error: 'FUND_CARD_CODE_INVALID' });
    expect(readCardText(secrets, 'ZC24000124', code, new Date())).toEqual({ error: 'FUND_CARD_CODE_INVALID' });
  });
});
