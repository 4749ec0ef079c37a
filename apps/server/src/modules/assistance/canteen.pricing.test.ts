import { describe, expect, it } from 'vitest';
import { applicableTier, isGroundOnRecord, maskName } from './canteen.pricing';

const t15 = { id: 't15', name: '15元档', priceFen: 1500, grounds: ['outdoor_worker', 'over_60', 'veteran'], needsCertification: false, isActive: true };
const t10 = { id: 't10', name: '10元档', priceFen: 1000, grounds: ['low_income', 'five_guarantees', 'disabled'], needsCertification: true, isActive: true };
const rider = { birthDate: '1990-05-01', employmentForm: 'delivery_rider' };
const clerk = { birthDate: '1990-05-01', employmentForm: 'standard' };

describe('canteen pricing', () => {
  it('reads over-60 and outdoor work from the record', () => {
    expect(isGroundOnRecord('over_60', { birthDate: '1966-12-08', employmentForm: 'standard' }, '2026-12-07')).toBe(false);
    expect(isGroundOnRecord('over_60', { birthDate: '1966-12-07', employmentForm: 'standard' }, '2026-12-07')).toBe(true);
    expect(isGroundOnRecord('outdoor_worker', rider, '2026-12-07')).toBe(true);
    expect(isGroundOnRecord('veteran', rider, '2026-12-07')).toBe(false);
  });

  it('takes the cheapest tier held, and falls back when a certification expires', () => {
    expect(applicableTier(2000, [t15, t10], clerk, [], '2026-12-07')).toBeNull();
    expect(applicableTier(2000, [t15, t10], rider, [], '2026-12-07')?.tier.id).toBe('t15');
    expect(applicableTier(2000, [t15, t10], rider, [{ tierId: 't10', expiresOn: '2026-12-07' }], '2026-12-07')).toEqual({ tier: t10, via: 'certification' });
    expect(applicableTier(2000, [t15, t10], rider, [{ tierId: 't10', expiresOn: '2026-12-06' }], '2026-12-07')?.tier.id).toBe('t15');
    expect(applicableTier(2000, [t15, t10], clerk, [{ tierId: 't10', expiresOn: '2026-12-06' }], '2026-12-07')).toBeNull();
  });

  it('ignores inactive tiers and tiers not below the normal price', () => {
    expect(applicableTier(2000, [{ ...t15, isActive: false }], rider, [], '2026-12-07')).toBeNull();
    expect(applicableTier(1500, [t15], rider, [], '2026-12-07')).toBeNull();
  });

  it('masks names for the queue', () => {
    expect(maskName('王芳')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
