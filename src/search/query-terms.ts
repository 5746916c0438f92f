import type { QueryConcept } from "./analyzer.js";
import { isPrefixTerm, isSyntheticTerm } from "./terms.js";

const LATIN = /\p{Script=Latin}/u;

/** How MiniSearch is to look one query term up. */
export interface TermSpec {
  boost: number;
  /** Edit distance allowed, or false for an exact match. */
  fuzzy: number | false;
  /** Whether the term may match as the start of a longer index term. */
  prefix: boolean;
}

/**
 * Fuzziness only where it pays: words the index does not know, scaled to their length, and only
 * where the word may be a typo at all. A word the dictionary knows is spelt right (основали is not
 * a typo of основные, возит not of визит), and a name the knowledge lacks (Paris, Осло) must
 * stay unknown, or the answered rule would take it for a word the cards have.
 */
export function querySpecs(concepts: QueryConcept[], documentFrequency: Map<string, number>): Map<string, TermSpec> {
  const specs = new Map<string, TermSpec>();
  for (const concept of concepts) {
    const mayBeTypo = concept.wordClass === undefined && concept.capital !== "name" && !(concept.capital === "initial" && LATIN.test(concept.words[0] ?? ""));
    concept.alternatives.forEach((alternative, index) => {
      for (const term of alternative.terms) {
        const synthetic = isSyntheticTerm(term);
        const known = documentFrequency.has(term);
        const fuzzy = !mayBeTypo || synthetic || known || term.length < 4 ? false : term.length >= 8 ? 2 : 1;
        // The last word of an inline query may be unfinished ("сотрудн"): let it match as a prefix.
        const prefix = concept.last && index === 0 && !synthetic && term.length >= 3;
        const boost = alternative.strength * (isPrefixTerm(term) ? 0.6 : 1);
        const previous = specs.get(term);
        specs.set(term, {
          boost: Math.max(previous?.boost ?? 0, boost),
          fuzzy: previous?.fuzzy || fuzzy,
          prefix: (previous?.prefix ?? false) || prefix,
        });
      }
    });
  }
  return specs;
}

