/**
 * Ranking metrics over a list of questions. A question's rank is the 0-based position of the first
 * returned card that counts as right (any of its expected cards), or -1 when none is returned.
 */
export interface RankingScores {
  questions: number;
  /** Right card first. */
  hit1: number;
  /** Right card in the first three. */
  hit3: number;
  /** Mean of 1/rank when the rank is at most 10, else 0. */
  mrr10: number;
  /** Share of questions the engine says it answers (plain MiniSearch: any result). */
  answered: number;
  /** Share of questions with no result at all. */
  empty: number;
}

export interface Outcome {
  /** 0-based rank of the first right card, -1 if absent. */
  rank: number;
  answered: boolean;
  returned: number;
}

export function score(outcomes: readonly Outcome[]): RankingScores {
  const n = outcomes.length;
  const share = (predicate: (outcome: Outcome) => boolean): number => (n === 0 ? Number.NaN : outcomes.filter(predicate).length / n);
  return {
    questions: n,
    hit1: share((outcome) => outcome.rank === 0),
    hit3: share((outcome) => outcome.rank >= 0 && outcome.rank < 3),
    mrr10: n === 0 ? Number.NaN : outcomes.reduce((sum, outcome) => sum + (outcome.rank >= 0 && outcome.rank < 10 ? 1 / (outcome.rank + 1) : 0), 0) / n,
    answered: share((outcome) => outcome.answered),
    empty: share((outcome) => outcome.returned === 0),
  };
}
