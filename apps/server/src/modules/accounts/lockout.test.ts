import { describe, expect, it } from 'vitest';
import { lockoutSeconds } from './auth.service';
import { isWeakPassword } from './passwords';

describe('sign-in lockout backoff', () => {
  it('starts at the fifth failure, doubles, and stops at an hour', () => {
    expect([1, 2, 3, 4].map(lockoutSeconds)).toEqual([0, 0, 0, 0]);
    expect(lockoutSeconds(5)).toBe(60);
    expect(lockoutSeconds(6)).toBe(120);
    expect(lockoutSeconds(7)).toBe(240);
    expect(lockoutSeconds(20)).toBe(3600);
  });
});

describe('weak passwords', () => {
  it('refuses digits only, one repeated character and common ones', () => {
    expect(isWeakPassword('1234567890')).toBe(true);
    expect(isWeakPassword('aaaaaaaaaaaa')).toBe(true);
    expect(isWeakPassword('Password123')).toBe(true);
    expect(isWeakPassword('Niangjia@2026')).toBe(false);
  });
});
