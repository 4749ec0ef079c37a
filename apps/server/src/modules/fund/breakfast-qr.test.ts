import { describe, expect, it } from 'vitest';
import { makeCardQr, readCardText } from './breakfast-qr';

const secrets = { key: Buffer.alloc(32, 7), source: 'test' as const };

describe('breakfast card QR', () => {
  it('reads back the card number until it expires', () => {
    const now = new Date('2024-08-01T00:00:00Z');
    const { qr } = makeCardQr(secrets, 'ZC24000123', now);
    expect(readCardText(secrets, qr, new Date(now.getTime() + 60_000))).toEqual({ number: 'ZC24000123' });
    expect(readCardText(secrets, qr, new Date(now.getTime() + 11 * 60_000))).toEqual({ error: 'FUND_QR_INVALID' });
  });

  it('refuses an altered QR and passes a printed number through', () => {
    const { qr } = makeCardQr(secrets, 'ZC24000123');
    expect(readCardText(secrets, qr.replace('ZC24000123', 'ZC24000124'), new Date())).toEqual({ error: 'FUND_QR_INVALID' });
    expect(readCardText(secrets, ' zc24000123 ', new Date())).toEqual({ number: 'ZC24000123' });
  });
});
