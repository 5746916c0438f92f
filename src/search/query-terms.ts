import type { QueryConcept } from "./analyzer.js";
import { isPrefixTerm, isSyntheticTerm } from "./terms.js";

/** How MiniSearch is to look one query term up. */
export interface TermSpec {
  boost: number;
  /** Edit distance allowed, or false for an exact match. */
  fuzzy: number | false;
  /** Whether the term may match as the start of a longer index term. */
  prefix: boolean;
}
/** Fuzziness only where it pays: words the index does not know, scaled to their length. */
export function querySpecs(concepts: QueryConcept[], documentFrequency: Map<string, number>): Map<string, TermSpec> {
  const specs = new Map<string, TermSpec>();
  for (const concept of concepts) {
    concept.alternatives.forEach((alternative, index) => {
      for (const term of alternative.terms) {
        const synthetic = isSyntheticTerm(term);
        const known = documentFrequency.has(term);
        const fuzzy = synthetic || known || term.length < 4 ? false : term.length >= 8 ? 2 : 1;
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

