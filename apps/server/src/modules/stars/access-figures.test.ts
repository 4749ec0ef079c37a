import { describe, expect, it } from 'vitest';
import { accessFractions, daysSoFar, FULL_HOURS_KEPT_PER_DAY, FULL_USAGE_VISITS_PER_DAY } from './access-figures';

describe('door figures for the star rubric', () => {
  it('counts the days of the year so far in Shanghai time, at least one', () => {
    expect(daysSoFar(2026, new Date('2025-12-31T16:00:00Z'))).toBe(1); // 00:00 on 1 Jan in Shanghai
    expect(daysSoFar(2026, new Date('2026-01-10T15:59:00Z'))).toBe(10);
    expect(daysSoFar(2025, new Date('2026-11-24T00:00:00Z'))).toBe(365);
  });

  it('gives full marks at the target rates and scales below them, never above 1', () => {
    expect(accessFractions({ visits: 10 * FULL_USAGE_VISITS_PER_DAY, hoursKept: 10 * FULL_HOURS_KEPT_PER_DAY }, 10)).toEqual({ usage: 1, hours_kept: 1 });
    expect(accessFractions({ visits: 5 * FULL_USAGE_VISITS_PER_DAY, hoursKept: 0 }, 10)).toEqual({ usage: 0.5, hours_kept: 0 });
    expect(accessFractions({ visits: 1e9, hoursKept: 1e9 }, 1)).toEqual({ usage: 1, hours_kept: 1 });
  });
});
