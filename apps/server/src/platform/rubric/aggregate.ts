import { RUBRIC_SCALE } from './rubric';

/** One scorer's total (0..100) for one subject, e.g. a judge's sealed sheet for a competition entry. */
export type Sheet = { scorerId: string; subjectId: string; total: number };
/** A scorer who must not count for a subject (conflict of interest). */
export type Recusal = { scorerId: string; subjectId: string };

/** At least this many scores before the highest and the lowest are dropped. */
export const TRIM_FROM = 5;

export type Trimmed = { mean: number | null; count: number; dropped: number[] };

/**
 * Mean of the values, dropping one highest and one lowest when there are at least `trimFrom`
 * (a common jury rule: one extreme judge cannot swing the result). Empty → null.
 */
export function trimmedMean(values: readonly number[], trimFrom = TRIM_FROM): Trimmed {
  if (values.length === 0) return { mean: null, count: 0, dropped: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const kept = values.length >= trimFrom ? sorted.slice(1, -1) : sorted;
  const dropped = values.length >= trimFrom ? [sorted[0]!, sorted[sorted.length - 1]!] : [];
  return { mean: kept.reduce((s, v) => s + v, 0) / kept.length, count: values.length, dropped };
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const sd = (xs: readonly number[], m = mean(xs)) => Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / xs.length);

/**
 * Per-scorer z-scores mapped back to the rubric scale: each scorer's totals are standardised by
 * their own mean and spread, then placed on the pool's (all sheets together) mean and spread, so
 * a harsh or a lenient scorer moves nobody up or down by temperament alone. A scorer with a single
 * sheet cannot be standardised and keeps it as given; one who gave everyone the same total
 * expressed no preference, and every sheet of theirs maps to the pool mean. Results are clamped
 * to 0..scale.
 */
export function normalizeByScorer(sheets: readonly Sheet[], scale = RUBRIC_SCALE): Sheet[] {
  if (sheets.length < 2) return sheets.map((s) => ({ ...s }));
  const all = sheets.map((s) => s.total);
  const poolMean = mean(all);
  const poolSd = sd(all, poolMean);
  const byScorer = new Map<string, number[]>();
  for (const s of sheets) byScorer.set(s.scorerId, [...(byScorer.get(s.scorerId) ?? []), s.total]);
  const stats = new Map([...byScorer].map(([id, xs]) => [id, { n: xs.length, m: mean(xs), s: sd(xs) }]));
  return sheets.map((sheet) => {
    const st = stats.get(sheet.scorerId)!;
    if (st.n < 2) return { ...sheet };
    const z = st.s > 0 ? (sheet.total - st.m) / st.s : 0;
    return { ...sheet, total: Math.min(scale, Math.max(0, poolMean + z * poolSd)) };
  });
}

export type SubjectScore = {
  subjectId: string;
  /** Trimmed mean of the counted sheets (normalised ones when asked), null with no sheet. */
  score: number | null;
  /** Trimmed mean of the raw totals, shown beside the normalised one. */
  rawScore: number | null;
  counted: number;
  /** Scorers recused from the subject (their sheet, if any, left out). */
  recused: string[];
  /** The totals dropped by the trim (normalised when normalising). */
  dropped: number[];
};

/**
 * The expert score of every subject: recused scorers' sheets are excluded first (their score for
 * that subject counts nowhere, not even in their own normalisation), then optionally normalised
 * per scorer, then the trimmed mean per subject.
 */
export function scoreSubjects(subjectIds: readonly string[], sheets: readonly Sheet[], opts: { recusals?: readonly Recusal[]; normalize?: boolean; trimFrom?: number } = {}): SubjectScore[] {
  const recused = new Set((opts.recusals ?? []).map((r) => `${r.scorerId}|${r.subjectId}`));
  const counted = sheets.filter((s) => !recused.has(`${s.scorerId}|${s.subjectId}`));
  const used = opts.normalize ? normalizeByScorer(counted) : counted;
  return subjectIds.map((subjectId) => {
    const mine = used.filter((s) => s.subjectId === subjectId).map((s) => s.total);
    const raw = counted.filter((s) => s.subjectId === subjectId).map((s) => s.total);
    const t = trimmedMean(mine, opts.trimFrom);
    return {
      subjectId,
      score: t.mean,
      rawScore: trimmedMean(raw, opts.trimFrom).mean,
      counted: t.count,
      recused: [...new Set((opts.recusals ?? []).filter((r) => r.subjectId === subjectId).map((r) => r.scorerId))],
      dropped: t.dropped,
    };
  });
}
