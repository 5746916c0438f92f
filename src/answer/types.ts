import type { FactCard, Source } from "../knowledge/types.js";

export type Lang = "ru" | "en";

/** One fact of an answer, in rank order, always with the source it came from. */
export interface AnswerFact {
  card: FactCard;
  source: Source;
  score: number;
  /** The words of the card's shown text that matched the question, as written there; renderers bold them. */
  readonly matched: string[];
}

/**
 * What every surface receives for a question. `answered: false` means the knowledge does not cover
 * the question: `facts` is then empty and `suggestions` says what can be asked instead.
 */
export interface Answer {
  question: string;
  lang: Lang;
  answered: boolean;
  facts: AnswerFact[];
  suggestions: string[];
}
