import { describe, expect, it } from 'vitest';
import { rangeOf } from './accounts-range';

describe('the periods of the published accounts', () => {
  it('covers this month, last month (across a year end), this year, and at most three years for 全部', () => {
    expect(rangeOf('month', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(rangeOf('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(rangeOf('lastMonth', '2024-03-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(rangeOf('year', '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-25' });
    expect(rangeOf('all', '2026-11-25')).toEqual({ from: '2023-11-26', to: '2026-11-25' });
    expect(rangeOf('all', '2024-06-01')).toEqual({ from: '2023-01-01', to: '2024-06-01' });
  });
});
