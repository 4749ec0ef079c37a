/**
 * Rubric scoring, shared by every module that has people score things on criteria (the service
 * marketplace's project competition today; skill contests next). Pure functions, no database:
 *
 * - {@link validateRubric}: a rubric's criteria are sound (unique keys, positive max, weights sum 100).
 * - {@link checkPoints}: one scorer's sheet covers every criterion within 0..max (field errors).
 * - {@link totalOf}: a sheet's weighted total on 0..100 (Σ points/max × weight).
 * - {@link trimmedMean}: drops the highest and the lowest from {@link TRIM_FROM} (5) scores up.
 * - {@link normalizeByScorer}: per-scorer z-scores mapped back onto the pool's mean and spread,
 *   so a harsh scorer does not sink whoever they happened to score.
 * - {@link scoreSubjects}: recusals excluded → optional normalisation → trimmed mean per subject,
 *   with the raw (unnormalised) figure kept beside it for display.
 * - {@link blendAndRank}: expert score and votes normalised to the leader, blended by weights
 *   (default 70/30), ranked with a stated tie rule (combined, then expert, then votes, then order).
 * - {@link prizeForRank}: prize tiers by count (default 1 / 3 / 5).
 *
 * Figures are compared at two decimals ({@link round2}), the precision they are shown at, so what
 * a results page prints is what decided the ranking.
 */
import './messages';
export { checkPoints, round2, RUBRIC_SCALE, totalOf, validateRubric, type Points, type RubricCriterion } from './rubric';
export { normalizeByScorer, scoreSubjects, trimmedMean, TRIM_FROM, type Recusal, type Sheet, type SubjectScore, type Trimmed } from './aggregate';
export { blendAndRank, compareByTieRule, DEFAULT_BLEND, DEFAULT_PRIZE_TIERS, prizeForRank, type BlendInput, type Blended, type BlendWeights } from './blend';
