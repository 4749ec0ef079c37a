import type { RubricCriterion, StarResult } from '@niangjia/contracts';
import type { FieldError } from '../../platform/errors';

/**
 * The facility standard a station is measured against: Wushan's "七个一" (table and chairs,
 * microwave, rice cooker, kettle, fan, phone charger, first-aid kit). One place to point at the
 * configurable standard once it exists.
 */
export const FACILITY_STANDARD: readonly string[] = ['table_chairs', 'microwave', 'rice_cooker', 'kettle', 'fan', 'phone_charger', 'first_aid_kit'];

/** The standard's items a position lacks, in the standard's order. */
export function missingFacilities(facilities: readonly string[], standard: readonly string[] = FACILITY_STANDARD): string[] {
  return standard.filter((f) => !facilities.includes(f));
}

/** The rubric a district gets until its staff store their own. Weights are percent of the total. */
export const DEFAULT_RUBRIC: RubricCriterion[] = [
  {
    key: 'facilities',
    name: '设施达标（七个一）',
    nameEn: 'Facilities against the standard',
    weight: 25,
    maxPoints: 7,
    source: 'facilities',
  },
  {
    key: 'hours_kept',
    name: '按时开放',
    nameEn: 'Hours kept',
    weight: 20,
    maxPoints: 10,
    source: 'access',
  },
  {
    key: 'cleanliness',
    name: '环境卫生',
    nameEn: 'Cleanliness',
    weight: 20,
    maxPoints: 10,
    source: 'inspector',
  },
  {
    key: 'usage',
    name: '使用情况',
    nameEn: 'Usage',
    weight: 15,
    maxPoints: 10,
    source: 'access',
  },
  {
    key: 'worker_ratings',
    name: '职工评价',
    nameEn: 'Worker ratings',
    weight: 20,
    maxPoints: 5,
    source: 'worker_ratings',
  },
];

/** Fewer worker ratings than this in a year say too little: the criterion is left out. */
export const MIN_RATINGS = 3;
/** Score thresholds (of 100) for 5, 4, 3 and 2 stars; below the last, 1 star. */
export const STAR_THRESHOLDS = [90, 80, 70, 60] as const;
/** A station that lacks standard facilities cannot be rated above this. */
export const MAX_STARS_WHEN_MISSING = 4;

export type Warning = 'NO_INSPECTION' | 'FACILITIES_MISSING' | 'CAPPED_FOR_FACILITIES' | 'FEW_RATINGS';

/** Problems of a rubric as field errors (paths under `criteria`); empty when it is sound. */
export function validateRubric(criteria: readonly RubricCriterion[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (seen.has(c.key))
      errors.push({
        path: `criteria.${i}.key`,
        message: 'RUBRIC_KEY_DUPLICATE',
      });
    seen.add(c.key);
  });
  for (const source of ['facilities', 'worker_ratings'] as const) {
    const at = criteria.map((c, i) => (c.source === source ? i : -1)).filter((i) => i >= 0);
    if (at.length > 1)
      errors.push({
        path: `criteria.${at[1]}.source`,
        message: 'RUBRIC_SOURCE_TWICE',
      });
  }
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (sum !== 100) errors.push({ path: 'criteria', message: 'RUBRIC_WEIGHTS_SUM' });
  return errors;
}

/** Criteria the inspector scores on the visit (access ones too, until the door module reports them). */
export const isInspectorScored = (c: RubricCriterion) => c.source === 'inspector' || c.source === 'access';

export type InspectionInput = {
  inspectedOn: string;
  criteria: RubricCriterion[];
  scores: Record<string, number>;
  facilities: string[];
};

export type StarsInput = {
  year: number;
  criteria: readonly RubricCriterion[];
  /** The year's inspections of the position. */
  inspections: readonly InspectionInput[];
  /** The position's facilities now; used only when there is no inspection to say what was there. */
  currentFacilities: readonly string[];
  ratings: { average: number | null; count: number };
  /** Figures (0..1) per `access` criterion key from the smart-door module; missing → inspector's score. */
  access?: Readonly<Record<string, number | undefined>>;
  /** The facility standard's item keys for the position (its district's configured one); default 七个一. */
  standard?: readonly string[];
};

export function starsForScore(score: number): number {
  const index = STAR_THRESHOLDS.findIndex((t) => score >= t);
  return index === -1 ? 1 : 5 - index;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A position's stars for a year. Each criterion becomes a fraction 0..1: facilities = standard
 * items present / standard size (as the year's latest inspection found them); worker ratings =
 * (average − 1) / 4 with at least MIN_RATINGS ratings; inspector and access criteria = the mean
 * of the inspections' points / max points (access figures replace them when given). Criteria
 * without a figure are left out and the others' weights scaled up. No inspection → not rated.
 * Missing standard facilities are flagged and cap the stars at MAX_STARS_WHEN_MISSING.
 */
export function computeStars(input: StarsInput): StarResult {
  const latest = [...input.inspections].sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn))[0];
  const facilities = latest ? latest.facilities : input.currentFacilities;
  const standard = input.standard ?? FACILITY_STANDARD;
  const missing = missingFacilities(facilities, standard);
  const warnings: Warning[] = [];
  if (missing.length) warnings.push('FACILITIES_MISSING');

  const criteria = input.criteria.map((c) => {
    let fraction: number | null = null;
    let basis: StarResult['criteria'][number]['basis'] = 'none';
    if (c.source === 'facilities') {
      fraction = standard.length ? (standard.length - missing.length) / standard.length : 1;
      basis = 'facilities';
    } else if (c.source === 'worker_ratings') {
      if (input.ratings.count >= MIN_RATINGS && input.ratings.average !== null) {
        fraction = (input.ratings.average - 1) / 4;
        basis = 'worker_ratings';
      } else warnings.push('FEW_RATINGS');
    } else {
      const automatic = c.source === 'access' ? input.access?.[c.key] : undefined;
      if (automatic !== undefined) {
        fraction = Math.min(1, Math.max(0, automatic));
        basis = 'access';
      } else {
        const parts = input.inspections.flatMap((i) => {
          const asScored = i.criteria.find((x) => x.key === c.key);
          const points = i.scores[c.key];
          return asScored && points !== undefined ? [Math.min(1, points / asScored.maxPoints)] : [];
        });
        if (parts.length) {
          fraction = parts.reduce((s, v) => s + v, 0) / parts.length;
          basis = 'inspections';
        }
      }
    }
    return {
      key: c.key,
      name: c.name,
      weight: c.weight,
      fraction: fraction === null ? null : Math.round(fraction * 1000) / 1000,
      basis,
    };
  });

  const base = {
    year: input.year,
    criteria,
    inspections: input.inspections.length,
    ratingAverage: input.ratings.average === null ? null : round1(input.ratings.average),
    ratingCount: input.ratings.count,
    missingFacilities: missing,
  };
  if (!input.inspections.length)
    return {
      ...base,
      stars: null,
      score: null,
      warnings: ['NO_INSPECTION', ...warnings],
    };
  const counted = criteria.filter((c) => c.fraction !== null);
  const weights = counted.reduce((s, c) => s + c.weight, 0);
  const score = weights ? round1((counted.reduce((s, c) => s + c.weight * c.fraction!, 0) / weights) * 100) : 0;
  let stars = starsForScore(score);
  if (missing.length && stars > MAX_STARS_WHEN_MISSING) {
    stars = MAX_STARS_WHEN_MISSING;
    warnings.push('CAPPED_FOR_FACILITIES');
  }
  return { ...base, stars, score, warnings };
}
