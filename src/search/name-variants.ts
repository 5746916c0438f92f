import type { FactCard } from "../knowledge/types.js";
import { STRENGTH } from "./analyzer.js";
import type { QueryConcept } from "./analyzer.js";
import { damerauLevenshtein } from "./partner-lexicon.js";

/**
 * Names as people spell them: "Sobianin" for Sobyanin, "Soeder" for Söder, «Черемин» for Черёмин.
 * A capitalised word the knowledge lacks is someone or somewhere else (rule 1 of the answered
 * rule), and typo matching must never turn it into a known word ("Paris" is not "part"). But a
 * spelling of a name the cards do use is that name: it may be read as that name only, never as any
 * other word. The names are the capitalised words of the cards' texts and their people; a variant
 * keeps the first letter and is within one edit (two from seven letters on), umlauts read either
 * way (ö as o or oe).
 */
export interface NameVariants {
  /** The card name a capitalised word the knowledge lacks is a spelling of, or undefined. */
  match(word: string): string | undefined;
}

const MIN_LENGTH = 5;

export function buildNameVariants(cards: readonly FactCard[]): NameVariants {
  const byFirst = new Map<string, Set<string>>();
  const add = (name: string): void => {
    for (const form of forms(name.toLowerCase())) {
      if (form.length < MIN_LENGTH) continue;
      let names = byFirst.get(form[0]!);
      if (!names) byFirst.set(form[0]!, (names = new Set()));
      names.add(form);
    }
  };
  for (const card of cards) {
    for (const text of [card.text, card.text_en ?? "", ...(card.people ?? [])]) for (const match of text.matchAll(NAME)) add(match[0]);
  }
  return {
    match(word) {
      const asked = word.toLowerCase();
      if (asked.length < MIN_LENGTH) return undefined;
      const budget = asked.length >= 7 ? 2 : 1;
      let best: string | undefined;
      let bestDistance = budget + 1;
      for (const form of forms(asked)) {
        for (const name of byFirst.get(form[0]!) ?? []) {
          const distance = damerauLevenshtein(form, name, budget);
          if (distance < bestDistance) {
            best = name;
            bestDistance = distance;
          }
        }
      }
      return best;
    },
  };
}

const NAME = /(?<![\p{L}])\p{Lu}\p{Ll}{3,}(?![\p{L}])/gu;

/** The word, and its umlauts read as the plain vowel and as the vowel with e. */
function forms(word: string): string[] {
  const plain = word.replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u").replace(/ё/g, "е");
  const withE = word.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ё/g, "е");
  return [...new Set([word.replace(/ё/g, "е"), plain, withE])];
}

/**
 * The question's concepts, each capitalised word (or lower-case Latin one of five letters or more)
 * the knowledge lacks that spells a card's name given that name's index term as a synonym.
 * `known`: whether the knowledge has a concept's words; `variants`: the names (built when first
 * needed); `termOf`: a name's index term.
 */
export function withNameSpellings(
  concepts: readonly QueryConcept[],
  { known, variants, termOf }: { known: (concept: QueryConcept) => boolean; variants: () => NameVariants; termOf: (name: string) => string | undefined },
): QueryConcept[] {
  return concepts.map((concept) => {
    const word = concept.words[0]!;
    // Names typed in lower case too ("sobianin and zeder"), from five letters: shorter English words
    // lie within an edit of too many names (blind dev4 +1, dev12 +1; XQuAD unchanged).
    const capitalised = concept.capital === "name" || (concept.capital === "initial" && /^\p{Script=Latin}/u.test(word)) || (concept.capital === "none" && /^[a-z]{5,}$/u.test(word));
    if (!capitalised || concept.words.length > 1 || known(concept)) return concept;
    const name = variants().match(word);
    const term = name === undefined ? undefined : termOf(name);
    return term === undefined ? concept : { ...concept, alternatives: [...concept.alternatives, { terms: [term], needed: 1, strength: STRENGTH.synonym }] };
  });
}
