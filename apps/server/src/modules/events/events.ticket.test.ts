import { describe, expect, it } from 'vitest';
import { signTicket, verifyTicket } from './events.ticket';

const key = Buffer.alloc(32, 7);
const id = '0b6a3c1e-8f1d-4e2a-9c3b-5d6e7f8a9b0c';

describe('event tickets', () => {
  it('names the registration it was signed for', () => {
    const token = signTicket(key, id);
    expect(token).toMatch(/^E1\.[\w-]{22}\.[\w-]{22}$/);
    expect(verifyTicket(key, token)).toBe(id);
  });
  it('refuses a forged, altered or foreign ticket', () => {
    const token = signTicket(key, id);
    expect(verifyTicket(Buffer.alloc(32, 8), token)).toBeNull();
    expect(verifyTicket(key, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(verifyTicket(key, `E1.${signTicket(key, '1b6a3c1e-8f1d-4e2a-9c3b-5d6e7f8a9b0c').split('.')[1]}.${token.split('.')[2]}`)).toBeNull();
    expect(verifyTicket(key, 'M1.x.y')).toBeNull();
    expect(verifyTicket(key, 'garbage')).toBeNull();
  });
});
