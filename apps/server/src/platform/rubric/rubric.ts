import type { FieldError } from '../errors';

/**
 * A weighted rubric: criteria with a weight (percent of the total, summing to 100) and a range of
 * points 0..max. A sheet of points per criterion becomes a total on a 0..100 scale:
 * Σ points/max × weight. With the competition's default (four criteria, each 0–25, weight 25)
 * the total is simply the sum of the points.
 */
export type RubricCriterion = {
  key: string;
  name: string;
  nameEn?: string | undefined;
  /** Percent of the total; the criteria's weights sum to 100. */
  weight: number;
  /** Highest points a scorer may give (the lowest is 0). */
  max: number;
};

export type Points = Readonly<Record<string, number>>;

/** The full scale of a rubric's totals. */
export const RUBRIC_SCALE = 100;

/** Problems of a rubric as field errors under `criteria`; empty when it is sound. */
export function validateRubric(criteria: readonly RubricCriterion[], path = 'criteria'): FieldError[] {
  const errors: FieldError[] = [];
  if (criteria.length === 0) errors.push({ path, message: 'RUBRIC_EMPTY' });
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (seen.has(c.key)) errors.push({ path: `${path}.${i}.key`, message: 'RUBRIC_KEY_DUPLICATE' });
    seen.add(c.key);
    if (!(c.weight > 0)) errors.push({ path: `${path}.${i}.weight`, message: 'RUBRIC_WEIGHT_POSITIVE' });
    if (!(c.max > 0)) errors.push({ path: `${path}.${i}.max`, message: 'RUBRIC_MAX_POSITIVE' });
  });
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (criteria.length && Math.abs(sum - 100) > 1e-9) errors.push({ path, message: 'RUBRIC_WEIGHTS_SUM' });
  return errors;
}

/**
 * Problems of one scorer's sheet: every criterion scored, each a finite number within 0..max,
 * nothing else. Paths are `points.<key>` so a form can place them on the field.
 */
export function checkPoints(criteria: readonly RubricCriterion[], points: Points, path = 'points'): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set(criteria.map((c) => c.key));
  for (const key of Object.keys(points)) if (!keys.has(key)) errors.push({ path: `${path}.${key}`, message: 'RUBRIC_UNKNOWN_CRITERION' });
  for (const c of criteria) {
    const v = points[c.key];
    if (v === undefined) errors.push({ path: `${path}.${c.key}`, message: 'RUBRIC_POINTS_MISSING' });
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > c.max) errors.push({ path: `${path}.${c.key}`, message: 'RUBRIC_POINTS_RANGE' });
  }
  return errors;
}

/** A sheet's total on the 0..100 scale (call checkPoints first; missing points count as 0). */
export function totalOf(criteria: readonly RubricCriterion[], points: Points): number {
  return criteria.reduce((s, c) => s + ((points[c.key] ?? 0) / c.max) * c.weight, 0);
}

/** Two decimals, the precision results are shown and compared at. */
export const round2 = (v: number) => Math.round(v * 100) / 100;
