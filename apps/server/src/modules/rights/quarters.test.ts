import { describe, expect, it } from 'vitest';
import { breachesOf, DEFAULT_THRESHOLDS, previousQuarter, quarterEnd, quarterOf, reportDueOn } from './quarters';

const calm = { headcount: 200, new_hires: 5, layoffs: 2, contract_signed: 200, social_insurance_covered: 198, wage_arrears_workers: 0, wage_arrears_fen: 0, avg_monthly_overtime_hours: 20, disputes: 0, collective_incidents: 0 };

describe('quarters', () => {
  it('names, ends and dues quarters', () => {
    expect(quarterOf('2026-12-05')).toBe('2026Q4');
    expect(previousQuarter('2026Q1')).toBe('2025Q4');
    expect(quarterEnd('2026Q3')).toBe('2026-09-30');
    expect(quarterEnd('2026Q4')).toBe('2026-12-31');
    expect(reportDueOn('2026Q3', 10)).toBe('2026-10-10');
  });
});

describe('thresholds', () => {
  it('a calm quarter raises nothing', () => {
    expect(breachesOf(calm, DEFAULT_THRESHOLDS)).toEqual([]);
  });
  it('wage arrears, layoffs and low insurance cross their thresholds', () => {
    const b = breachesOf({ ...calm, wage_arrears_workers: 12, layoffs: 30, social_insurance_covered: 150 }, DEFAULT_THRESHOLDS);
    expect(b.map((x) => [x.measure, x.level, x.actual])).toEqual([
      ['wage_arrears_workers', 'red', 12],
      ['layoff_rate', 'yellow', 15],
      ['insurance_rate', 'yellow', 75],
    ]);
  });
  it('shares need a headcount', () => {
    expect(breachesOf({ ...calm, headcount: 0, contract_signed: 0, social_insurance_covered: 0, layoffs: 0 }, DEFAULT_THRESHOLDS)).toEqual([]);
  });
});
