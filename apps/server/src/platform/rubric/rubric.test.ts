import { describe, expect, it } from 'vitest';
import { blendAndRank, checkPoints, normalizeByScorer, prizeForRank, scoreSubjects, totalOf, trimmedMean, validateRubric, type RubricCriterion, type Sheet } from './index';

const FOUR: RubricCriterion[] = [
  { key: 'purpose', name: '目的明确', weight: 25, max: 25 },
  { key: 'plan', name: '方案合理', weight: 25, max: 25 },
  { key: 'replicable', name: '可复制性高', weight: 25, max: 25 },
  { key: 'innovative', name: '创新性强', weight: 25, max: 25 },
];

describe('rubric definition and sheets', () => {
  it('accepts the four-criteria default and refuses weights that do not sum to 100, duplicates and a zero max', () => {
    expect(validateRubric(FOUR)).toEqual([]);
    expect(validateRubric([{ ...FOUR[0]!, weight: 30 }, ...FOUR.slice(1)]).map((e) => e.message)).toEqual(['RUBRIC_WEIGHTS_SUM']);
    expect(validateRubric([FOUR[0]!, { ...FOUR[0]!, max: 0 }, FOUR[2]!, FOUR[3]!]).map((e) => e.message)).toEqual(['RUBRIC_KEY_DUPLICATE', 'RUBRIC_MAX_POSITIVE']);
    expect(validateRubric([]).map((e) => e.message)).toContain('RUBRIC_EMPTY');
  });

  it('checks every criterion is scored within 0..max and nothing else is', () => {
    expect(checkPoints(FOUR, { purpose: 25, plan: 0, replicable: 12.5, innovative: 20 })).toEqual([]);
    const errors = checkPoints(FOUR, { purpose: 26, plan: -1, replicable: Number.NaN, extra: 3 });
    expect(errors.map((e) => `${e.path}:${e.message}`).sort()).toEqual([
      'points.extra:RUBRIC_UNKNOWN_CRITERION',
      'points.innovative:RUBRIC_POINTS_MISSING',
      'points.plan:RUBRIC_POINTS_RANGE',
      'points.purpose:RUBRIC_POINTS_RANGE',
      'points.replicable:RUBRIC_POINTS_RANGE',
    ]);
  });

  it('totals a sheet as Σ points/max × weight: the sum of points with the default, weighted otherwise', () => {
    expect(totalOf(FOUR, { purpose: 20, plan: 21, replicable: 22, innovative: 23 })).toBe(86);
    const uneven: RubricCriterion[] = [
      { key: 'a', name: 'a', weight: 60, max: 10 },
      { key: 'b', name: 'b', weight: 40, max: 5 },
    ];
    expect(totalOf(uneven, { a: 5, b: 5 })).toBe(70);
  });
});

describe('trimmed mean', () => {
  it('keeps every score below five and drops one highest and one lowest from five up', () => {
    expect(trimmedMean([80, 90, 70, 60])).toEqual({ mean: 75, count: 4, dropped: [] });
    expect(trimmedMean([80, 90, 70, 60, 100])).toEqual({ mean: 80, count: 5, dropped: [60, 100] });
    // Only one copy of a repeated extreme is dropped.
    expect(trimmedMean([90, 90, 90, 50, 50, 70]).mean).toBe(75);
    expect(trimmedMean([])).toEqual({ mean: null, count: 0, dropped: [] });
  });
});

describe('per-judge normalisation', () => {
  // Judge H is harsh (scores 20 lower), judge L lenient; they saw different subjects.
  const sheets: Sheet[] = [
    { scorerId: 'H', subjectId: 'x', total: 60 },
    { scorerId: 'H', subjectId: 'y', total: 50 },
    { scorerId: 'L', subjectId: 'z', total: 80 },
    { scorerId: 'L', subjectId: 'w', total: 70 },
  ];

  it('maps each judge onto the pool: the harsh judge’s best equals the lenient judge’s best', () => {
    const out = normalizeByScorer(sheets);
    const by = Object.fromEntries(out.map((s) => [s.subjectId, s.total]));
    expect(by.x).toBeCloseTo(by.z!, 9);
    expect(by.y).toBeCloseTo(by.w!, 9);
    // The pool mean (65) is kept.
    expect(out.reduce((s, v) => s + v.total, 0) / out.length).toBeCloseTo(65, 9);
  });

  it('keeps a single sheet as given and maps a judge who gave everyone the same to the pool mean', () => {
    const out = normalizeByScorer([...sheets, { scorerId: 'S', subjectId: 'x', total: 99 }, { scorerId: 'E', subjectId: 'x', total: 70 }, { scorerId: 'E', subjectId: 'y', total: 70 }]);
    expect(out.find((s) => s.scorerId === 'S')!.total).toBe(99);
    const pool = [60, 50, 80, 70, 99, 70, 70].reduce((a, b) => a + b) / 7;
    expect(out.filter((s) => s.scorerId === 'E').map((s) => s.total)).toEqual([pool, pool]);
  });

  it('clamps to the scale', () => {
    const out = normalizeByScorer([
      { scorerId: 'A', subjectId: 'x', total: 0 },
      { scorerId: 'A', subjectId: 'y', total: 100 },
      { scorerId: 'B', subjectId: 'x', total: 99 },
      { scorerId: 'B', subjectId: 'y', total: 100 },
      { scorerId: 'B', subjectId: 'z', total: 100 },
    ]);
    for (const s of out) {
      expect(s.total).toBeGreaterThanOrEqual(0);
      expect(s.total).toBeLessThanOrEqual(100);
    }
  });
});

describe('scoring subjects with recusals', () => {
  it('leaves a recused judge’s sheet out of the subject and out of their normalisation', () => {
    const sheets: Sheet[] = ['j1', 'j2', 'j3', 'j4', 'j5'].flatMap((j, i) => [
      { scorerId: j, subjectId: 'a', total: 80 + i },
      { scorerId: j, subjectId: 'b', total: 70 + i },
    ]);
    sheets.push({ scorerId: 'j6', subjectId: 'a', total: 100 });
    const [a, b] = scoreSubjects(['a', 'b'], sheets, { recusals: [{ scorerId: 'j6', subjectId: 'a' }] });
    // a: 80..84, five sheets → trimmed to 81..83.
    expect(a).toMatchObject({ score: 82, counted: 5, recused: ['j6'], dropped: [80, 84] });
    expect(b).toMatchObject({ score: 72, counted: 5, recused: [] });
    const none = scoreSubjects(['c'], sheets);
    expect(none[0]).toMatchObject({ score: null, counted: 0 });
  });

  it('reports the raw trimmed mean beside the normalised one', () => {
    const sheets: Sheet[] = [
      { scorerId: 'H', subjectId: 'x', total: 60 },
      { scorerId: 'H', subjectId: 'y', total: 50 },
      { scorerId: 'L', subjectId: 'x', total: 90 },
      { scorerId: 'L', subjectId: 'y', total: 70 },
    ];
    const [x] = scoreSubjects(['x', 'y'], sheets, { normalize: true });
    expect(x!.rawScore).toBe(75);
    expect(x!.score).not.toBe(75);
  });
});

describe('blending, ties and prizes', () => {
  it('blends 70/30 with votes normalised to the leader', () => {
    const out = blendAndRank([
      { subjectId: 'a', expert: 90, votes: 50, order: 1 },
      { subjectId: 'b', expert: 80, votes: 100, order: 2 },
    ]);
    const by = Object.fromEntries(out.map((r) => [r.subjectId, r]));
    expect(by.a!.votesScore).toBe(50);
    expect(by.a!.combined).toBeCloseTo(78, 9);
    expect(by.b!.combined).toBeCloseTo(86, 9);
    expect(out.map((r) => r.subjectId)).toEqual(['b', 'a']);
  });

  it('breaks ties on the combined score by expert score, then votes, then the earlier entry', () => {
    // Equal combined 70.1 (two decimals): a has the higher expert score, b more votes; c leads the votes.
    const byExpert = blendAndRank([
      { subjectId: 'b', expert: 80, votes: 47, order: 1 },
      { subjectId: 'a', expert: 83, votes: 40, order: 2 },
      { subjectId: 'c', expert: 0, votes: 100, order: 3 },
    ]);
    expect(byExpert.map((r) => r.subjectId)).toEqual(['a', 'b', 'c']);
    expect(byExpert.map((r) => r.isTieBroken)).toEqual([true, true, false]);
    // Equal in everything: the earlier entry first.
    const byOrder = blendAndRank([
      { subjectId: 'late', expert: 85, votes: 10, order: 9 },
      { subjectId: 'early', expert: 85, votes: 10, order: 3 },
      { subjectId: 'other', expert: 20, votes: 0, order: 1 },
    ]);
    expect(byOrder.map((r) => [r.subjectId, r.rank, r.isTieBroken])).toEqual([
      ['early', 1, true],
      ['late', 2, true],
      ['other', 3, false],
    ]);
  });

  it('gives no vote score when nobody voted and treats an unscored subject as 0', () => {
    const out = blendAndRank([{ subjectId: 'a', expert: null, votes: 0, order: 1 }], { expert: 50, votes: 50 });
    expect(out[0]).toMatchObject({ votesScore: 0, combined: 0, rank: 1 });
  });

  it('hands out prize tiers by count: 1 / 3 / 5 by default', () => {
    expect([1, 2, 4, 5, 9, 10].map((r) => prizeForRank(r))).toEqual([1, 2, 2, 3, 3, null]);
    expect([1, 2, 3].map((r) => prizeForRank(r, [2, 0, 1]))).toEqual([1, 1, 3]);
  });
});
