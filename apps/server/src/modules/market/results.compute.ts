import { blendAndRank, prizeForRank, round2, scoreSubjects, type Recusal, type Sheet } from '../../platform/rubric';

/**
 * A season's result from its stored inputs only: the finalists, the judges' sealed sheets, the
 * recusals, the online votes and the paper ballots, and the season's rules. Nothing else goes in,
 * so the confirmed result can be recomputed and compared at any time.
 */
export type ResultInputs = {
  entries: { id: string; number: number; title: string; provider: string }[];
  sheets: Sheet[];
  recusals: Recusal[];
  onlineVotes: Record<string, number>;
  paperVotes: Record<string, number>;
  normalize: boolean;
  expertWeight: number;
  prizeTiers: readonly number[];
};

export type ComputedRow = {
  entryId: string;
  number: number;
  title: string;
  provider: string;
  expert: number | null;
  expertRaw: number | null;
  judgesCounted: number;
  recused: number;
  droppedTotals: number[];
  onlineVotes: number;
  paperVotes: number;
  votes: number;
  votesScore: number;
  combined: number;
  rank: number;
  isTieBroken: boolean;
  computedPrize: number | null;
};

export const TIE_RULE_ZH = '综合得分（保留两位小数）相同时，专家得分高者在前；仍相同时，得票多者在前；仍相同时，报名在先者（参赛编号小）在前。';
export const TIE_RULE_EN = 'Equal combined scores (at two decimals): the higher expert score first; then more votes; then the earlier entry (lower entry number).';

export function computeResults(input: ResultInputs): ComputedRow[] {
  const scores = scoreSubjects(
    input.entries.map((e) => e.id),
    input.sheets,
    { recusals: input.recusals, normalize: input.normalize },
  );
  const byId = new Map(scores.map((s) => [s.subjectId, s]));
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  const ranked = blendAndRank(
    input.entries.map((e) => ({ subjectId: e.id, expert: byId.get(e.id)!.score, votes: (input.onlineVotes[e.id] ?? 0) + (input.paperVotes[e.id] ?? 0), order: e.number })),
    { expert: input.expertWeight, votes: 100 - input.expertWeight },
  );
  return ranked.map((r) => {
    const e = entries.get(r.subjectId)!;
    const s = byId.get(r.subjectId)!;
    return {
      entryId: e.id,
      number: e.number,
      title: e.title,
      provider: e.provider,
      expert: s.score === null ? null : round2(s.score),
      expertRaw: s.rawScore === null ? null : round2(s.rawScore),
      judgesCounted: s.counted,
      recused: s.recused.length,
      droppedTotals: s.dropped.map(round2),
      onlineVotes: input.onlineVotes[e.id] ?? 0,
      paperVotes: input.paperVotes[e.id] ?? 0,
      votes: r.votes,
      votesScore: round2(r.votesScore),
      combined: round2(r.combined),
      rank: r.rank,
      isTieBroken: r.isTieBroken,
      computedPrize: prizeForRank(r.rank, input.prizeTiers),
    };
  });
}

/** What is kept when staff confirm: the ranking with prizes, the overrides with reasons, and a fingerprint of the inputs. */
export type ConfirmedResult = {
  rows: { entryId: string; rank: number; combined: number; expert: number | null; votes: number; computedPrize: number | null; prize: number | null; overrideReason: string | null }[];
  inputsFingerprint: string;
};

/** A stable text of the computed ranking: equal fingerprints mean the same result from the inputs. */
export function fingerprintOf(rows: readonly ComputedRow[]): string {
  return rows.map((r) => `${r.entryId}:${r.rank}:${r.combined.toFixed(2)}:${r.expert === null ? '-' : r.expert.toFixed(2)}:${r.votes}`).join('|');
}
