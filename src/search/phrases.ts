import type { QueryConcept } from "./analyzer.js";
import { STRENGTH } from "./analyzer.js";
import { splitWords } from "./normalize.js";


/**
 * Phrases. Words match one by one, so «Дни Минска в Москве» shares every word of «Дни Москвы»
 * and can outrank the card about the Days of Moscow. A card that has two words of the question
 * next to each other, in the question's order, says what was asked rather than merely sharing
 * its words; stopwords between them do not count as a gap on either side.
 */

/** Adjacent concepts of the question, each as the set of terms that stand for it. */
export type QuestionPair = [ReadonlySet<string>, ReadonlySet<string>];

export function questionPairs(concepts: readonly QueryConcept[]): QuestionPair[] {
  const termsOf = (concept: QueryConcept): Set<string> =>
    new Set(concept.alternatives.filter((alternative) => alternative.strength >= STRENGTH.synonym && alternative.terms.length === 1).map((alternative) => alternative.terms[0]!));
  const pairs: QuestionPair[] = [];
  for (let i = 0; i + 1 < concepts.length; i++) pairs.push([termsOf(concepts[i]!), termsOf(concepts[i + 1]!)]);
  return pairs;
}

/**
 * A text as the index terms of its words, in order, stopwords left out. `termsOfWord` gives one
 * word's terms (the caller remembers them: cards share most of their words).
 */
export function wordTermsOf(text: string, termsOfWord: (word: string) => string[]): string[][] {
  return splitWords(text)
    .map((parts) => termsOfWord(parts.join("-")))
    .filter((terms) => terms.length > 0);
}

/** Share of the question's pairs that stand next to each other, in order, in any of the texts. */
export function phraseShare(pairs: readonly QuestionPair[], texts: ReadonlyArray<string[][]>): number {
  if (pairs.length === 0) return 0;
  let found = 0;
  for (const [first, second] of pairs) {
    if (texts.some((words) => words.some((terms, index) => index + 1 < words.length && terms.some((term) => first.has(term)) && words[index + 1]!.some((term) => second.has(term))))) found++;
  }
  return found / pairs.length;
}
