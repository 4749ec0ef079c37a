import type { Eligibility } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { ageOn, checkEligibility, type Applicant } from './events.eligibility';

const rule = (over: Partial<Eligibility> = {}): Eligibility => ({ membersOnly: true, orgIds: [], employmentForms: [], minAge: null, maxAge: null, ...over });
const member: Applicant = { isMember: true, unionName: '顺丰工会', unionPath: '/a/b/c/', sex: 'female', birthDate: '1995-06-15', employmentForm: 'courier' };
const start = new Date('2026-06-14T02:00:00Z');
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('event eligibility', () => {
  it('counts full years on the day of the event', () => {
    expect(ageOn('1995-06-15', '2026-06-14')).toBe(30);
    expect(ageOn('1995-06-15', '2026-06-15')).toBe(31);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
  it('refuses with the first reason a worker would need', () => {
    expect(codeOf(() => checkEligibility(rule(), [], { ...member, isMember: false }, start, []))).toBe('EVENT_MEMBERS_ONLY');
    expect(codeOf(() => checkEligibility(rule({ membersOnly: false, minAge: 18 }), [], { ...member, isMember: false }, start, []))).toBe('EVENT_NEEDS_MEMBER_FACTS');
    expect(codeOf(() => checkEligibility(rule({ membersOnly: false }), [], { ...member, isMember: false }, start, []))).toBeNull();
    expect(codeOf(() => checkEligibility(rule(), ['/a/x/'], member, start, []))).toBe('EVENT_NOT_IN_ORG');
    expect(codeOf(() => checkEligibility(rule(), ['/a/'], member, start, []))).toBeNull();
    expect(codeOf(() => checkEligibility(rule({ employmentForms: ['delivery_rider'] }), [], member, start, []))).toBe('EVENT_EMPLOYMENT_FORM');
    expect(codeOf(() => checkEligibility(rule({ minAge: 31 }), [], member, start, []))).toBe('EVENT_AGE');
    expect(codeOf(() => checkEligibility(rule({ maxAge: 29 }), [], member, start, []))).toBe('EVENT_AGE');
    expect(codeOf(() => checkEligibility(rule({ minAge: 30, maxAge: 30 }), [], member, start, []))).toBeNull();
  });
  it('returns every quota the member falls in, and refuses one who falls in none', () => {
    const quotas = [
      { id: 'u1', kind: 'union' as const, unionPath: '/a/b/', unionName: 'B', groupKey: null },
      { id: 'u2', kind: 'union' as const, unionPath: '/a/x/', unionName: 'X', groupKey: null },
      { id: 'g1', kind: 'group' as const, unionPath: null, unionName: null, groupKey: 'female' },
      { id: 'g2', kind: 'group' as const, unionPath: null, unionName: null, groupKey: 'male' },
    ];
    expect(checkEligibility(rule(), [], member, start, quotas)).toEqual(['u1', 'g1']);
    expect(codeOf(() => checkEligibility(rule(), [], { ...member, unionPath: '/a/z/' }, start, quotas))).toBe('EVENT_NO_QUOTA');
    expect(
      codeOf(() =>
        checkEligibility(
          rule(),
          [],
          member,
          start,
          quotas.filter((q) => q.id !== 'g1'),
        ),
      ),
    ).toBe('EVENT_NO_QUOTA');
  });
});
