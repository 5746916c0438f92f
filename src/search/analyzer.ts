import type { Partner, SynonymGroup } from "../knowledge/types.js";
import { isStopword, splitWords, stemWord, withFullYears, withoutCompoundPrepositions, withoutLatest, withoutPartOfPeriod, wordSpans } from "./normalize.js";
import { englishWordClass, morphologyOf } from "./morphology.js";
import type { WordClass } from "./morphology.js";
import { buildPartnerLexicon } from "./partner-lexicon.js";
import { PREFIX_LENGTH, isPartnerTerm, isPrefixTerm, partnerIdOf, partnerTerm, prefixTerm } from "./terms.js";

/** How strongly matching one alternative means the card speaks of the query's concept. */
export const STRENGTH = { exact: 1, synonym: 0.9, prefix: 0.5 } as const;

/** One way a card can cover a query concept: enough of these terms, with this strength. */
export interface Alternative {
  terms: string[];
  /** How many of `terms` a card must match (all of a short phrase, two thirds of a long one). */
  needed: number;
  strength: number;
}

/** A unit of meaning in the question: a word, a hyphenated word, or a phrase a synonym group knows. */
export interface QueryConcept {
  words: string[];
  alternatives: Alternative[];
  /** The question ends in this concept: while typing inline, it may be an unfinished word. */
  last: boolean;
  /** Capitalised: "name" inside a sentence (Токио, Paris), "initial" at a sentence start, where it may be a name or not. */
  capital: "name" | "initial" | "none";
  /** What the dictionary says the word is (Russian words it knows only): a typo of nothing, and weighed by its class. */
  wordClass?: WordClass;
  /**
   * Written right after the concept before it, with only spaces between: no dropped word, no
   * punctuation. A name of two words is typed so ("sadiq khan"); "anymore, is that correct" is not one.
   */
  follows?: true;
  /** The parts of a hyphenated word («нью-йорка», «беженцев-гугенотов», "se-hoon"), normalised; `words` has them joined. */
  parts?: string[];
}

/**
 * The partners a concept names: "any" in any form or through their country or people (Вьетнам,
 * French); "itself" by the partner's own name only.
 */
export function conceptPartners(concept: QueryConcept, how: "any" | "itself" = "any"): string[] {
  const alternatives = how === "any" ? concept.alternatives : concept.alternatives.filter((alternative) => alternative.strength === STRENGTH.exact);
  return [...new Set(alternatives.flatMap((alternative) => alternative.terms.filter(isPartnerTerm).map(partnerIdOf)))];
}

export interface Analyzer {
  /** The index terms of a field's text: stems, 4-letter prefixes and partner terms. */
  indexTerms(text: string): string[];
  /** The concepts of a question, stopwords dropped, synonym phrases and partner names merged. */
  analyzeQuestion(question: string): QueryConcept[];
}

export function buildAnalyzer(partners: readonly Partner[], synonyms: readonly SynonymGroup[]): Analyzer {
  const lexicon = buildPartnerLexicon(partners, (partner) => [partner.name, partner.name_en, ...(partner.aliases ?? [])]);
  // A question about a country or its people (Вьетнам, во Вьетнаме, вьетнамцы, Belarusian) is
  // about the partners there; cards are not indexed with these, since a Shanghai card that says
  // «Китай» is not about Beijing.
  // The country's other names come from synonyms.json (ФРГ, РБ, КНР).
  const countryNames = (country: string | undefined): string[] => (country ? (synonyms.find((group) => group.some((term) => term.toLowerCase() === country.toLowerCase())) ?? [country]) : []);
  const countries = buildPartnerLexicon(partners, (partner) => [...countryNames(partner.country), ...countryNames(partner.country_en), ...(partner.demonyms ?? [])]);
  const groups = synonyms.map((group) => group.map(phraseStems).filter((stems) => stems.length > 0));
  const memo = new Map<string, string[]>();

  /** Terms of one token; stopwords and single letters have none. Memoised: vocabularies are Zipfian. */
  const tokenTerms = (token: string): string[] => {
    let terms = memo.get(token);
    if (terms) return terms;
    terms = [];
    if (!isStopword(token) && (token.length > 1 || /\p{N}/u.test(token))) {
      const stem = indexStem(token);
      terms.push(stem);
      // The word's own stem too where the dictionary form's differs (побратимы: "побрат" by the lemma,
      // "побратим" by the word): a typo («пабратимы») is unknown to the dictionary, and only the
      // word's own stem is within a typo of it.
      const own = ownStem(token);
      if (own !== stem) terms.push(own);
      const surname = surnameOf(token);
      if (surname && surname !== stem && surname !== own) terms.push(surname);
      // Russian only: derived forms the stemmer keeps apart (сотрудничество, сотрудники) meet in
      // their first letters. English questions did as well without, and each prefix is one more posting.
      if (token.length > PREFIX_LENGTH && /^\p{Script=Cyrillic}+$/u.test(token)) terms.push(prefixTerm(token));
      for (const id of lexicon.match(token)) terms.push(partnerTerm(id));
    }
    if (memo.size >= 200_000) memo.clear();
    memo.set(token, terms);
    return terms;
  };

  const indexTerms = (text: string): string[] => {
    const terms: string[] = [];
    const words = splitWords(text);
    words.forEach((parts, index) => {
      for (const part of parts) terms.push(...tokenTerms(part));
      if (parts.length > 1) terms.push(...tokenTerms(parts.join("")));
      const next = words[index + 1];
      if (parts.length === 1 && next?.length === 1) {
        for (const id of lexicon.matchPair(parts[0]!, next[0]!)) terms.push(partnerTerm(id));
      }
    });
    return terms;
  };

  const analyzeQuestion = (asked: string): QueryConcept[] => {
    const question = withoutLatest(withoutCompoundPrepositions(withoutPartOfPeriod(withFullYears(asked))));
    const spans = wordSpans(question);
    const endsInWord = /[\p{L}\p{N}]$/u.test(question);
    let concepts: QueryConcept[] = [];
    // The span of the word the last concept came from.
    let previous = -1;
    spans.forEach((span, index) => {
      const parts = splitWords(span.word)[0];
      const concept = parts ? wordConcept(parts, tokenTerms, lexicon.matchWithTypos, countries.match) : undefined;
      if (!concept) return;
      const sentenceStart = startsSentence(question, span.start);
      // A word the dictionary knows as other than a name, capitalised at the start of a quotation.
      const quoted = concept.wordClass !== undefined && concept.wordClass !== "name" && opensQuote(question, span.start);
      const capital = !/^\p{Lu}/u.test(span.word) || ROMAN_NUMERAL.test(span.word) ? "none" : sentenceStart || quoted ? "initial" : "name";
      const follows = previous >= 0 && previous === index - 1 && /^\s+$/u.test(question.slice(spans[previous]!.end, span.start));
      previous = index;
      concepts.push({ ...concept, last: endsInWord && index === spans.length - 1, capital, ...(follows ? { follows: true as const } : {}) });
    });
    concepts = mergePartnerPairs(concepts, lexicon.matchPair);
    return mergeSynonymPhrases(concepts, groups);
  };

  return { indexTerms, analyzeQuestion };
}

/**
 * A Roman numeral of two letters or more (XV, XIX, III): a number («XV века», «Людовик XIV»), not
 * a name, though capitals: «Кто из французских католиков XV века…» was refused as naming someone
 * the knowledge lacks (XQuAD ru +1; every blind set unchanged). One letter (I, V) is a word as often.
 */
const ROMAN_NUMERAL = /^(?=[MDCLXVI]{2,}$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/u;

/**
 * Whether the word at `at` opens a quotation («…», “…”, or a straight quote after a space): a
 * quoted title starts with a capital whatever its first word is, as a sentence does. «награду за
 * "Оснащенность с наибольшим количеством…"» was refused for naming someone the knowledge lacks
 * (XQuAD ru +1; every blind set unchanged). Only for a word the dictionary knows as other than a
 * name: «"Москвариум"», which it lacks, still names something.
 */
function opensQuote(text: string, at: number): boolean {
  const before = text[at - 1];
  if (before === "«" || before === "“" || before === "„") return true;
  return (before === '"' || before === "'") && (at === 1 || /[\s(]/u.test(text[at - 2]!));
}

/** Nothing but spaces before `at`, or a sentence's last mark; reads back from `at`, not the whole question again. */
function startsSentence(text: string, at: number): boolean {
  let before = at;
  while (before > 0 && /\s/.test(text[before - 1]!)) before--;
  return before === 0 || ".!?…".includes(text[before - 1]!);
}

function phraseStems(phrase: string): string[] {
  return splitWords(phrase)
    .flat()
    .filter((token) => !isStopword(token))
    .map(indexStem);
}

/**
 * The Snowball stem of the word's dictionary form where the dictionary knows the word (во
 * Вьетнаме and Вьетнам both stem from "вьетнам"; Snowball alone gives "вьетнам" and "вьетн"),
 * of the word itself otherwise (names, typos, English). A stem cut down to under four letters
 * (Ханой → "хан", the khan; опыт → "оп"; стоит → "сто") matches unrelated words, so the first four
 * letters stand in for it.
 */
export function indexStem(token: string): string {
  return ownStem(morphologyOf(token)?.lemma ?? token);
}

/**
 * A Russian surname's nominative, from any of its case forms (Кухарев, Кухарева, Кухаревым →
 * "кухарев"): Snowball cuts «-ев» from the nominative but keeps it before a case ending, so the
 * card's «Кухарев» and the question's «с Кухаревым» never met. Only for words the dictionary does
 * not know as anything else: «готовы» is not a surname.
 */
const SURNAME = /^(\p{L}{3,}(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ых|ыми|ы)?$/u;

function surnameOf(token: string): string | undefined {
  const base = SURNAME.exec(token)?.[1];
  if (!base) return undefined;
  const morphology = morphologyOf(token);
  return !morphology || morphology.wordClass === "name" ? base.replace(/ё/g, "е") : undefined;
}

function ownStem(word: string): string {
  const stem = stemWord(word);
  return stem.length < PREFIX_LENGTH && word.length >= PREFIX_LENGTH ? word.slice(0, PREFIX_LENGTH) : stem;
}

function strongestCapital(concepts: QueryConcept[]): QueryConcept["capital"] {
  return concepts.some((concept) => concept.capital === "name") ? "name" : concepts.some((concept) => concept.capital === "initial") ? "initial" : "none";
}

/** The particles of Russian indefinite pronouns («-то», «-нибудь», «-либо», «кое-»). */
const PARTICLES = new Set(["то", "нибудь", "либо", "кое"]);

function wordConcept(
  parts: string[],
  tokenTerms: (token: string) => string[],
  namedPartners: (token: string) => string[],
  countryPartners: (token: string) => string[],
): Omit<QueryConcept, "last" | "capital"> | undefined {
  const whole = parts.join("");
  // «чё-то», «кто-нибудь», «что-либо»: filler made of filler.
  if (parts.length > 1 && parts.every((part) => isStopword(part) || PARTICLES.has(part))) return undefined;
  const alternatives: Alternative[] = [];
  const wholeTerms = tokenTerms(whole);
  if (wholeTerms.length === 0) return undefined;
  // The dictionary spells a hyphenated word with its hyphen: «нью-йорка» is a place, «ньюйорка» nothing.
  const wordClass = (morphologyOf(whole) ?? (parts.length > 1 ? morphologyOf(parts.join("-")) : undefined))?.wordClass ?? englishWordClass(whole);
  const [stem, ...rest] = wholeTerms;
  alternatives.push({ terms: [stem!], needed: 1, strength: STRENGTH.exact });
  for (const term of rest) {
    alternatives.push({ terms: [term], needed: 1, strength: isPrefixTerm(term) ? STRENGTH.prefix : STRENGTH.exact });
  }
  if (parts.length > 1) {
    const partStems = parts.filter((part) => tokenTerms(part).length > 0).map(indexStem);
    if (partStems.length > 0) alternatives.push({ terms: partStems, needed: neededOf(partStems.length), strength: STRENGTH.exact });
  }
  // A question may misspell a partner's name (минкс); the index terms know its exact forms only.
  const named = new Set(rest.filter(isPartnerTerm));
  // "moscow-havana", «Москва-Ханой»: a partner named by a part of a hyphenated word is named too.
  const wholeNamed = namedPartners(whole);
  const partsNamed = parts.length > 1 && wholeNamed.length === 0 ? parts.flatMap((part) => namedPartners(part)) : [];
  for (const id of [...wholeNamed, ...partsNamed]) {
    if (!named.has(partnerTerm(id))) alternatives.push({ terms: [partnerTerm(id)], needed: 1, strength: STRENGTH.exact });
    named.add(partnerTerm(id));
  }
  for (const id of countryPartners(whole)) {
    if (!named.has(partnerTerm(id))) alternatives.push({ terms: [partnerTerm(id)], needed: 1, strength: STRENGTH.synonym });
  }
  return { words: [whole], alternatives, ...(wordClass ? { wordClass } : {}), ...(parts.length > 1 ? { parts } : {}) };
}

function mergePartnerPairs(concepts: QueryConcept[], matchPair: (a: string, b: string) => string[]): QueryConcept[] {
  const merged: QueryConcept[] = [];
  for (let i = 0; i < concepts.length; i++) {
    const current = concepts[i]!;
    const next = concepts[i + 1];
    const ids = next && current.words.length === 1 && next.words.length === 1 ? matchPair(current.words[0]!, next.words[0]!) : [];
    if (next && ids.length > 0) {
      merged.push({
        words: [...current.words, ...next.words],
        alternatives: [...ids.map((id) => ({ terms: [partnerTerm(id)], needed: 1, strength: STRENGTH.exact })), ...current.alternatives, ...next.alternatives],
        last: next.last,
        capital: strongestCapital([current, next]),
        ...(current.follows ? { follows: true as const } : {}),
      });
      i++;
    } else merged.push(current);
  }
  return merged;
}

/** A run of concepts that spells one member of a synonym group becomes one concept that any member covers. */
function mergeSynonymPhrases(concepts: QueryConcept[], groups: string[][][]): QueryConcept[] {
  const stems = concepts.map((concept) => concept.alternatives[0]!.terms[0]!);
  const out: QueryConcept[] = [];
  for (let i = 0; i < concepts.length; ) {
    const found = findPhrase(stems, i, groups);
    if (!found) {
      out.push(concepts[i]!);
      i++;
      continue;
    }
    const span = concepts.slice(i, i + found.length);
    const own: Alternative = { terms: stems.slice(i, i + found.length), needed: neededOf(found.length), strength: STRENGTH.exact };
    const others = found.group
      .filter((member) => member.join(" ") !== own.terms.join(" "))
      .map((member) => ({ terms: member, needed: neededOf(member.length), strength: STRENGTH.synonym }));
    const singleWord = span.length === 1 ? span[0]!.alternatives.slice(1) : [];
    // One word keeps what the dictionary says it is: «подписала» is phrasing with its synonyms too.
    const wordClass = span.length === 1 ? span[0]!.wordClass : undefined;
    out.push({
      words: span.flatMap((concept) => concept.words),
      alternatives: [own, ...singleWord, ...others],
      last: span[span.length - 1]!.last,
      capital: strongestCapital(span),
      ...(wordClass ? { wordClass } : {}),
      ...(span[0]!.follows ? { follows: true as const } : {}),
    });
    // A phrase that names a partner ("Kiev City Council", «Дни Любляны») still names it, as a
    // concept of its own: the question is about that partner, and only a card with the whole phrase
    // covers the phrase (the Ljubljana programme is not the Days of Ljubljana).
    if (span.length > 1) {
      for (const concept of span) {
        const partnerAlternatives = concept.alternatives.filter((alternative) => alternative.terms.some(isPartnerTerm));
        if (partnerAlternatives.length > 0) out.push({ words: concept.words, alternatives: partnerAlternatives, last: false, capital: concept.capital });
      }
    }
    i += found.length;
  }
  return out;
}

function findPhrase(stems: string[], start: number, groups: string[][][]): { length: number; group: string[][] } | undefined {
  let best: { length: number; group: string[][] } | undefined;
  for (const group of groups) {
    for (const member of group) {
      if (member.length === 0 || (best && member.length <= best.length)) continue;
      if (member.every((stem, offset) => stems[start + offset] === stem)) best = { length: member.length, group };
    }
  }
  return best;
}

function neededOf(size: number): number {
  return size <= 2 ? size : Math.ceil((size * 2) / 3);
}
