import { describe, expect, it } from 'vitest';
import { mobilePhoneSchema } from './common';
import { normalizeMobilePhone } from './phone';

describe('mainland mobile numbers as people type them', () => {
  it.each([
    ['13800000001', '13800000001'],
    ['+86 138 0000 0001', '13800000001'],
    ['+86-138-0000-0001', '13800000001'],
    ['0086 13800000001', '13800000001'],
    ['(+86) 19912345678', '19912345678'],
    ['8616612345678', '16612345678'],
    ['１３８ ００００ ０００１', '13800000001'],
    [' 138－0000－0001 ', '13800000001'],
    ['138—0000—0001', '13800000001'],
  ])('reads %s', (text, expected) => {
    expect(normalizeMobilePhone(text)).toBe(expected);
  });

  it.each(['12800000001', '1380000000', '138000000012', '+85213800000001', '+1 13800000001', '1380000000a', '', '023-67001234'])('refuses %s', (text) => {
    expect(normalizeMobilePhone(text)).toBeNull();
    expect(mobilePhoneSchema.safeParse(text).success).toBe(false);
  });

  it('gives every schema with a phone the 11 digits', () => {
    expect(mobilePhoneSchema.parse('+86 139-1234-5678')).toBe('13912345678');
  });
});
