import { describe, expect, it } from 'vitest';
import { ageOn, approvalSteps, failedRules, type MemberFacts } from './campaign.eligibility';

const facts: MemberFacts = { birthDate: '1966-03-10', sex: 'female', employmentForm: 'delivery_rider', industry: '环卫', orgPath: '/c/d/s/g/', hardshipTier: 'deep', isModelWorker: false };
const ctx = { onDay: '2026-01-05', orgSubtreePaths: [] as string[] };

describe('campaign eligibility rules', () => {
  it('counts full years on the campaign’s first day', () => {
    expect(ageOn('1966-03-10', '2026-01-05')).toBe(59);
    expect(ageOn('1966-01-05', '2026-01-05')).toBe(60);
  });

  it('holds when every given rule holds, and names each one that fails', () => {
    expect(failedRules({}, facts, ctx)).toEqual([]);
    expect(failedRules({ hardshipTiers: ['deep', 'relative'], employmentForms: ['delivery_rider'], industries: ['环卫'], ageMin: 18, ageMax: 60, sex: 'female' }, facts, ctx)).toEqual([]);
    expect(failedRules({ hardshipTiers: ['relative'] }, facts, ctx)).toEqual(['hardshipTiers']);
    expect(failedRules({ hardshipTiers: ['deep'] }, { ...facts, hardshipTier: null }, ctx)).toEqual(['hardshipTiers']);
    expect(failedRules({ employmentForms: ['courier'], ageMax: 55, sex: 'male' }, facts, ctx)).toEqual(['employmentForms', 'age', 'sex']);
    expect(failedRules({ industries: ['建筑'] }, { ...facts, industry: null }, ctx)).toEqual(['industries']);
    expect(failedRules({ modelWorker: true }, facts, ctx)).toEqual(['modelWorker']);
    expect(failedRules({ modelWorker: true }, { ...facts, isModelWorker: true }, ctx)).toEqual([]);
  });

  it('an org subtree rule holds for members of a union under one of the named unions', () => {
    expect(failedRules({ orgSubtreeIds: ['00000000-0000-4000-8000-000000000000'] }, facts, { ...ctx, orgSubtreePaths: ['/c/d/s/'] })).toEqual([]);
    expect(failedRules({ orgSubtreeIds: ['00000000-0000-4000-8000-000000000000'] }, facts, { ...ctx, orgSubtreePaths: ['/c/d/x/'] })).toEqual(['orgSubtree']);
  });
});

describe('approval steps follow the tree', () => {
  const path = [
    { id: 'city', type: 'federation' },
    { id: 'district', type: 'district' },
    { id: 'street', type: 'street' },
    { id: 'joint', type: 'joint' },
    { id: 'grassroots', type: 'grassroots' },
  ];
  it('goes from the street-level union above the nominating one up to the owner, skipping joint and community unions', () => {
    expect(approvalSteps(path, 'district')).toEqual(['street', 'district']);
    expect(approvalSteps(path.slice(0, 3), 'district')).toEqual(['district']);
    expect(approvalSteps(path.slice(0, 2), 'district')).toEqual(['district']);
    expect(approvalSteps(path, 'street')).toEqual(['street']);
    expect(approvalSteps(path, 'elsewhere')).toEqual([]);
  });
});
