import type { FactCard } from "../knowledge/types.js";
import { STRENGTH } from "./analyzer.js";
import type { QueryConcept } from "./analyzer.js";

/**
 * Words the knowledge lacks that stand for several words the cards have: an abbreviation of a name
 * the cards write out ("SP" for "Scottish Parliament", «ГДР» for «Германской Демократической
 * Республики») and two words written as one ("Superbowl" for "Super Bowl"). Each then has those
 * words as a synonym that a card covers only with all of them, and it is no longer a word the
 * knowledge lacks: capitalised, such a word had named someone else (rule 1 of the answered rule),
 * and the question was refused though the card says what it asks (XQuAD ru +1, en +3; every blind
 * set unchanged, none of their questions has such a word).
 */

/** The phrases an abbreviation (lower case) stands for, each as its words' index terms. */
export type Abbreviations = ReadonlyMap<string, ReadonlyArray<readonly string[]>>;

/** The longest name abbreviated, in capitalised words. */
const MAX_WORDS = 6;
/** Little words a name may have inside, without a letter in its abbreviation ("Panel on Climate Change": IPCC). */
const LINKS = new Set(["of", "on", "and", "for", "the", "de", "du", "la", "и", "по", "на"]);
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/** A word typed in capitals only: an abbreviation. */
const CAPITALS = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu;
const TEXT_WORDS = /\p{L}+(?:-\p{L}+)*|[^\s\p{L}]/gu;

/**
 * Every run of two to six capitalised words in the cards' texts, by its initials. A run of two
 * initials stands for its words only when two cards or more have it: the initials of a one-off pair
 * (a person's given name and surname: «Торстейн Веблен», ТВ) are no abbreviation anyone types, where
 * a name the cards keep using ("Scottish Parliament") is. A card's own people are never abbreviated.
 * `termOf`: a word's index term.
 */
export function buildAbbreviations(cards: readonly FactCard[], termOf: (word: string) => string | undefined): Abbreviations {
  // Abbreviation → phrase (its terms, joined) → its terms and the cards that have it.
  const found = new Map<string, Map<string, { terms: string[]; cards: Set<number> }>>();
  cards.forEach((card, index) => {
    const people = new Set((card.people ?? []).map((person) => person.toLowerCase()));
    for (const text of [card.text, card.text_en ?? ""]) {
      const words = text.match(TEXT_WORDS) ?? [];
      for (let start = 0; start < words.length; start++) {
        if (!CAPITALISED.test(words[start]!)) continue;
        const run: string[] = [];
        for (let at = start; at < words.length && run.length < MAX_WORDS; at++) {
          const word = words[at]!;
          if (LINKS.has(word)) continue;
          if (!CAPITALISED.test(word)) break;
          run.push(word);
          if (run.length < 2 || people.has(run.join(" ").toLowerCase())) continue;
          const terms = run.map(termOf);
          if (terms.some((term) => term === undefined)) continue;
          const abbreviation = normal(run.map((name) => name[0]!).join(""));
          let phrases = found.get(abbreviation);
          if (!phrases) found.set(abbreviation, (phrases = new Map()));
          const key = terms.join(" ");
          let phrase = phrases.get(key);
          if (!phrase) phrases.set(key, (phrase = { terms: terms as string[], cards: new Set() }));
          phrase.cards.add(index);
        }
      }
    }
  });
  const abbreviations = new Map<string, string[][]>();
  for (const [abbreviation, phrases] of found) {
    const kept = [...phrases.values()].filter(({ cards: having }) => abbreviation.length > 2 || having.size >= 2).map(({ terms }) => terms);
    if (kept.length > 0) abbreviations.set(abbreviation, kept);
  }
  return abbreviations;
}

/**
 * The question's concepts, each word it types in capitals only (`question`: as typed) that the
 * knowledge lacks (`known`) given the phrases it abbreviates as synonyms. `abbreviations`: built
 * when first needed.
 */
export function withAbbreviations(concepts: readonly QueryConcept[], question: string, { known, abbreviations }: { known: (concept: QueryConcept) => boolean; abbreviations: () => Abbreviations }): QueryConcept[] {
  const typed = new Set([...question.matchAll(CAPITALS)].map((match) => normal(match[0])));
  if (typed.size === 0) return [...concepts];
  return concepts.map((concept) => {
    const word = concept.words[0]!;
    if (concept.words.length > 1 || !typed.has(word) || known(concept)) return concept;
    const phrases = abbreviations().get(word) ?? [];
    if (phrases.length === 0) return concept;
    return { ...concept, alternatives: [...concept.alternatives, ...phrases.map((terms) => ({ terms: [...terms], needed: terms.length, strength: STRENGTH.synonym }))] };
  });
}

/** A compound's shortest length, and its parts'. */
const COMPOUND_LENGTH = 6;
const PART_LENGTH = 3;

/**
 * The question's concepts, each single word the knowledge lacks and the dictionary does not know
 * (`known`; a word it knows is a word, not two) that is two words of a card written together given
 * the two as a synonym. `termOf`: a word's index term, when a card has it; `sideBySide`: whether a
 * card has the two terms next to each other, in that order.
 */
export function withCompounds(
  concepts: readonly QueryConcept[],
  { known, termOf, sideBySide }: { known: (concept: QueryConcept) => boolean; termOf: (word: string) => string | undefined; sideBySide: (first: string, second: string) => boolean },
): QueryConcept[] {
  return concepts.map((concept) => {
    const word = concept.words[0]!;
    if (concept.words.length > 1 || concept.parts || concept.wordClass || word.length < COMPOUND_LENGTH || !/^\p{L}+$/u.test(word) || known(concept)) return concept;
    for (let cut = PART_LENGTH; cut <= word.length - PART_LENGTH; cut++) {
      const first = termOf(word.slice(0, cut));
      const second = first === undefined ? undefined : termOf(word.slice(cut));
      if (first === undefined || second === undefined || !sideBySide(first, second)) continue;
      return { ...concept, alternatives: [...concept.alternatives, { terms: [first, second], needed: 2, strength: STRENGTH.synonym }] };
    }
    return concept;
  });
}

function normal(word: string): string {
  return word.toLowerCase().replace(/ё/g, "е");
}
