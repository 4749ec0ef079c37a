import { describe, expect, it } from 'vitest';
import { computeStars, DEFAULT_RUBRIC, FACILITY_STANDARD, missingFacilities, starsForScore, validateRubric, type InspectionInput } from './stars.compute';

const ALL = [...FACILITY_STANDARD, 'wifi'];
const visit = (scores: Record<string, number>, facilities: string[] = ALL, inspectedOn = '2026-05-01'): InspectionInput => ({
  inspectedOn,
  criteria: DEFAULT_RUBRIC,
  scores,
  facilities,
});
const full = { hours_kept: 10, cleanliness: 10, usage: 10 };

describe('stars computation', () => {
  it('gives 5 stars to a full-marks station with good ratings', () => {
    const r = computeStars({
      year: 2026,
      criteria: DEFAULT_RUBRIC,
      inspections: [visit(full)],
      currentFacilities: ALL,
      ratings: { average: 5, count: 10 },
    });
    expect(r).toMatchObject({
      stars: 5,
      score: 100,
      warnings: [],
      missingFacilities: [],
    });
  });

  it('averages the inspections of the year per criterion', () => {
    const r = computeStars({
      year: 2026,
      criteria: DEFAULT_RUBRIC,
      inspections: [visit({ hours_kept: 10, cleanliness: 6, usage: 10 }), visit({ hours_kept: 10, cleanliness: 8, usage: 10 }, ALL, '2026-09-01')],
      currentFacilities: ALL,
      ratings: { average: 5, count: 4 },
    });
    // cleanliness 0.7 × 20 % = 14 of 20 → 94
    expect(r.criteria.find((c) => c.key === 'cleanliness')?.fraction).toBe(0.7);
    expect(r.score).toBe(94);
    expect(r.stars).toBe(5);
  });

  it('flags missing facilities plainly and caps the stars at 4', () => {
    const lacking = FACILITY_STANDARD.filter((f) => f !== 'microwave');
    const r = computeStars({
      year: 2026,
      criteria: DEFAULT_RUBRIC,
      inspections: [visit(full, lacking)],
      currentFacilities: ALL,
      ratings: { average: 5, count: 10 },
    });
    expect(r.missingFacilities).toEqual(['microwave']);
    // 6/7 of 25 % = 21.4 → 96.4 would be 5 stars
    expect(r.score).toBe(96.4);
    expect(r.stars).toBe(4);
    expect(r.warnings).toEqual(['FACILITIES_MISSING', 'CAPPED_FOR_FACILITIES']);
  });

  it('judges facilities by the year’s latest inspection, not the current list', () => {
    const r = computeStars({
      year: 2025,
      criteria: DEFAULT_RUBRIC,
      inspections: [visit(full, ALL, '2025-03-01'), visit(full, ['table_chairs'], '2025-11-01')],
      currentFacilities: ALL,
      ratings: { average: null, count: 0 },
    });
    expect(r.missingFacilities).toHaveLength(6);
  });

  it('leaves out worker ratings when there are too few and scales the rest', () => {
    const r = computeStars({
      year: 2026,
      criteria: DEFAULT_RUBRIC,
      inspections: [visit({ hours_kept: 5, cleanliness: 5, usage: 5 })],
      currentFacilities: ALL,
      ratings: { average: 1, count: 2 },
    });
    // facilities 25 × 1 + 55 × 0.5 = 52.5 of 80 → 65.6
    expect(r.criteria.find((c) => c.key === 'worker_ratings')?.fraction).toBeNull();
    expect(r.score).toBe(65.6);
    expect(r.stars).toBe(2);
    expect(r.warnings).toContain('FEW_RATINGS');
  });

  it('takes access figures over the inspector’s score when the door module gives them', () => {
    const r = computeStars({
      year: 2026,
      criteria: DEFAULT_RUBRIC,
      inspections: [visit(full)],
      currentFacilities: ALL,
      ratings: { average: 5, count: 10 },
      access: { usage: 0 },
    });
    expect(r.criteria.find((c) => c.key === 'usage')).toMatchObject({
      fraction: 0,
      basis: 'access',
    });
    expect(r.score).toBe(85);
  });

  it('does not rate a year without inspections', () => {
    const r = computeStars({
      year: 2026,
      criteria: DEFAULT_RUBRIC,
      inspections: [],
      currentFacilities: ['kettle'],
      ratings: { average: 5, count: 10 },
    });
    expect(r.stars).toBeNull();
    expect(r.warnings).toEqual(['NO_INSPECTION', 'FACILITIES_MISSING']);
  });

  it('maps scores to stars at the thresholds', () => {
    expect([100, 90, 89.9, 80, 70, 60, 59.9, 0].map(starsForScore)).toEqual([5, 5, 4, 4, 3, 2, 1, 1]);
    expect(missingFacilities(['kettle', 'fan'])).toHaveLength(5);
  });

  it('validates a rubric: weights add to 100, unique keys, one facilities and one ratings criterion', () => {
    expect(validateRubric(DEFAULT_RUBRIC)).toEqual([]);
    const bad = [...DEFAULT_RUBRIC, { ...DEFAULT_RUBRIC[0]!, weight: 5 }];
    expect(validateRubric(bad).map((e) => e.message)).toEqual(['RUBRIC_KEY_DUPLICATE', 'RUBRIC_SOURCE_TWICE', 'RUBRIC_WEIGHTS_SUM']);
  });
});
