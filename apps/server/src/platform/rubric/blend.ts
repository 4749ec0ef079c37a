import { round2, RUBRIC_SCALE } from './rubric';

/** How much the jury and the audience count, in percent (sum 100). Default 70/30. */
export type BlendWeights = { expert: number; votes: number };
export const DEFAULT_BLEND: BlendWeights = { expert: 70, votes: 30 };

export type BlendInput = {
  subjectId: string;
  /** The expert score (0..100) or null when nobody scored the subject. */
  expert: number | null;
  votes: number;
  /** Last resort of the tie rule: lower first (e.g. the entry number = order of submission). */
  order: number;
};

export type Blended = BlendInput & {
  /** Votes on the 0..100 scale, relative to the leader (the most-voted subject = 100). */
  votesScore: number;
  combined: number;
  rank: number;
  /** True when the combined score (at two decimals) equals a neighbour's and the tie rule decided. */
  isTieBroken: boolean;
};

/**
 * Combined score = expert × w_e + votes-normalised-to-the-leader × w_v (each 0..100). The tie
 * rule, applied on two-decimal figures as shown: higher combined score; then higher expert score;
 * then more votes; then the lower `order` (earlier submission). Every subject gets a distinct rank.
 */
export function blendAndRank(inputs: readonly BlendInput[], weights: BlendWeights = DEFAULT_BLEND): Blended[] {
  const leader = Math.max(0, ...inputs.map((i) => i.votes));
  const scored = inputs.map((i) => {
    const votesScore = leader > 0 ? (i.votes / leader) * RUBRIC_SCALE : 0;
    const combined = ((i.expert ?? 0) * weights.expert + votesScore * weights.votes) / 100;
    return { ...i, votesScore, combined };
  });
  scored.sort((a, b) => compareByTieRule(a, b));
  return scored.map((s, i) => {
    const prev = scored[i - 1];
    const next = scored[i + 1];
    const tie = (o: typeof s | undefined) => o !== undefined && round2(o.combined) === round2(s.combined);
    return { ...s, rank: i + 1, isTieBroken: tie(prev) || tie(next) };
  });
}

export function compareByTieRule(a: { combined: number; expert: number | null; votes: number; order: number }, b: typeof a): number {
  return round2(b.combined) - round2(a.combined) || round2(b.expert ?? 0) - round2(a.expert ?? 0) || b.votes - a.votes || a.order - b.order;
}

/** Prize tiers by count from the top, e.g. [1, 3, 5]: 1 first prize, 3 second, 5 third. */
export const DEFAULT_PRIZE_TIERS = [1, 3, 5] as const;

/** The prize level (1 = first) of each rank, or null past the last tier. */
export function prizeForRank(rank: number, tiers: readonly number[] = DEFAULT_PRIZE_TIERS): number | null {
  let upTo = 0;
  for (let level = 0; level < tiers.length; level++) {
    upTo += tiers[level]!;
    if (rank <= upTo) return level + 1;
  }
  return null;
}
