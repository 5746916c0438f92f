import { setImmediate as nextTurn } from "node:timers/promises";
import MiniSearch from "minisearch";
import type { SearchOptions, SearchResult } from "minisearch";
import type { KnowledgeBase, SourcedCard } from "../knowledge/types.js";
import { STRENGTH, buildAnalyzer } from "./analyzer.js";
import type { Analyzer, QueryConcept } from "./analyzer.js";
import { answerTypeOf, cardAnswers } from "./answer-type.js";
import { recordCardAnalyses } from "./card-analyses.js";
import type { CardAnalyses } from "./card-analyses.js";
import type { AnswerType } from "./answer-type.js";
import { damerauLevenshtein, partnerTerm } from "./partner-lexicon.js";

/** Field boosts: the words an editor chose (keywords, names, people) say more than body text. */
const FIELD_BOOSTS = { text: 1, text_en: 1, keywords: 1.6, names: 1.6, people: 1.8, topics: 1.1, partner_ids: 1.4 };
type Field = keyof typeof FIELD_BOOSTS;
const FIELDS = Object.keys(FIELD_BOOSTS) as Field[];
/** Telegram's own message limit; a longer "question" is cut rather than analysed whole. */
const MAX_QUESTION_CHARS = 4096;

/**
 * "Answered or not". Each query concept weighs its inverse document frequency: a word in nearly
 * every card (Москва) weighs almost nothing, a rare one a lot. A word the knowledge has never seen
 * (not even as a likely typo) is what the knowledge lacks: it weighs as much as the rarest possible
 * word in a short question ("погода в Ханое") or when capitalised (Recipe…), and a fraction of that
 * in a long one, which is full of verbs and phrasing we cannot list. A card matched only through a typo or a prefix
 * covers a concept partly. The question is answered when
 *  1. it names nobody and nothing unknown: a capitalised word inside the sentence that the
 *     knowledge does not know (Токио, Paris, Екатеринбурга) means it is about someone else;
 *  2. the best card covers enough of the question's weight: half for a short question, down to
 *     LONG_QUESTION_COVERAGE for a long one, whose extra words are mostly phrasing ("готовлю
 *     доклад", "какую должность занимает") that no single card can be expected to share;
 *  3. that card matches a concept that is not common to most cards (Москва alone answers nothing);
 *  4. when the question asks about something besides partner names, that card matches one of
 *     those things: "population of Mexico City" names a partner but asks about what we lack.
 * So "Ханой" alone is answered with every Hanoi card, and "Москва и Токио" is refused. The
 * thresholds are global constants, set on the project's question set (out-of-scope questions
 * refused) and the XQuAD dev split (answerable questions answered), never per question.
 */
export const ANSWERED_COVERAGE = 0.5;
const LONG_QUESTION_COVERAGE = 0.25;
/** Coverage needed drops by this much per concept beyond the third. */
const COVERAGE_STEP = 0.1;
/** A concept in more than this share of cards (Москва) cannot answer alone. */
const COMMON_SHARE = 0.6;
/** Questions with more distinctive concepts than this count as long. */
const SHORT_QUESTION = 3;
/** Weight of an unknown lower-case word in a long question, relative to the rarest possible word. */
const UNKNOWN_WORD_SHARE = 0.45;
/** How much a typo (fuzzy) or prefix match covers, relative to an exact one. */
const INEXACT_STRENGTH = 0.6;
/** Cards shown besides the best: nearly as complete, and not far behind in score. */
const KEEP_COVERAGE_RATIO = 0.75;
const KEEP_SCORE_RATIO = 0.2;
/** Score factor for a card of the kind the question word asks for (a person for "кто", a date for "когда"). */
const ANSWER_TYPE_BOOST = 1.5;

export interface SearchHit {
  /** Index into knowledge.cards. */
  card: number;
  score: number;
  /** Share of the question's weight this card covers, 0..1. */
  coverage: number;
  /** Index terms of the card that matched. */
  matched: string[];
}

export interface SearchOutcome {
  answered: boolean;
  hits: SearchHit[];
  /** Partner ids the question names (for suggestions). */
  partners: string[];
  /** The ranking before the answered rule and the cut-offs, best first, at most `limit`: for benchmarks that measure the rule's cost. */
  ranked: SearchHit[];
}

export interface SearchIndex {
  /**
   * `postingBudget`: how many postings the first pass may score (see matchCards); Infinity scores
   * every card that shares a term with the question, for benchmarks that measure what the budget costs.
   */
  search(question: string, limit?: number, postingBudget?: number): SearchOutcome;
  analyzer: Analyzer;
  /** This build's analysis of every card, for the next build of changed knowledge to reuse. */
  analyses: CardAnalyses<Field>;
}

interface IndexedDoc {
  id: number;
  /** Each field's index terms, analysed already. */
  fields: Record<Field, string[]>;
}

/** Cards analysed or indexed between two pauses of a stepwise build. */
const BUILD_STEP_CARDS = 250;

/** `previous`: an index of an earlier version of this knowledge, whose analysis of unchanged cards is reused. */
export function buildSearchIndex(knowledge: KnowledgeBase, previous?: SearchIndex): SearchIndex {
  const steps = indexBuilder(knowledge, previous);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same build, giving the event loop a turn every few hundred cards: during a reload the bot
 * keeps answering from the snapshot it has instead of freezing until the new index is ready.
 */
export async function buildSearchIndexInSteps(knowledge: KnowledgeBase, previous?: SearchIndex): Promise<SearchIndex> {
  const steps = indexBuilder(knowledge, previous);
  let step = steps.next();
  while (!step.done) {
    await nextTurn();
    step = steps.next();
  }
  return step.value;
}

function* indexBuilder(knowledge: KnowledgeBase, previous: SearchIndex | undefined): Generator<void, SearchIndex, void> {
  const analyzer = buildAnalyzer(knowledge.partners, knowledge.synonyms);
  // Everything a card's terms depend on besides the card itself.
  const analyzerKey = JSON.stringify([knowledge.partners, knowledge.synonyms]);
  const analyses = recordCardAnalyses(FIELDS, analyzerKey);
  const partnerNames = new Map(knowledge.partners.map((partner) => [partner.id, [partner.name, partner.name_en, partner.country, partner.country_en, ...(partner.aliases ?? [])].filter(Boolean).join(" ")]));
  // Many cards name the same partners: their names are analysed once per set of partners.
  const namesTerms = new Map<string, string[]>();
  const namesOf = (ids: readonly string[]): string[] => {
    const key = ids.join(" ");
    let terms = namesTerms.get(key);
    if (terms === undefined) {
      terms = analyzer.indexTerms(ids.map((id) => partnerNames.get(id) ?? "").join(" ; "));
      namesTerms.set(key, terms);
    }
    return terms;
  };
  const docs: IndexedDoc[] = [];
  for (const [id, sourced] of knowledge.cards.entries()) {
    const known = previous?.analyses.termsOf(sourced.card, analyzerKey);
    const terms = known ?? analyzeCard(sourced, analyzer, namesOf);
    analyses.add(sourced.card, terms, known !== undefined);
    docs.push({ id, fields: terms });
    if (id % BUILD_STEP_CARDS === BUILD_STEP_CARDS - 1) yield;
  }

  const documentFrequency = analyses.documentFrequency();
  // Fields arrive as lists of analysed terms, passed through as they are (MiniSearch's types say
  // string; it only hands the value from extractField to tokenize): MiniSearch indexes and scores.
  const miniSearch = new MiniSearch<IndexedDoc>({
    fields: FIELDS,
    extractField: (doc, field) => (field === "id" ? doc.id : doc.fields[field as Field]) as unknown as string,
    stringifyField: (terms) => terms as string,
    tokenize: (terms) => terms as unknown as string[],
    processTerm: (term) => term,
  });
  for (const doc of docs) {
    miniSearch.add(doc);
    if (doc.id % BUILD_STEP_CARDS === BUILD_STEP_CARDS - 1) yield;
  }

  const answers: Record<AnswerType, boolean[]> = {
    person: knowledge.cards.map(({ card }) => cardAnswers(card, "person")),
    date: knowledge.cards.map(({ card }) => cardAnswers(card, "date")),
  };
  const total = docs.length;
  const idf = (df: number): number => Math.log(1 + (total - df + 0.5) / (df + 0.5));

  const search = (question: string, limit = 50, postingBudget = FIRST_PASS_POSTINGS): SearchOutcome => {
    const text = question.slice(0, MAX_QUESTION_CHARS);
    const concepts = analyzer.analyzeQuestion(text);
    const partners = partnersNamed(concepts);
    if (concepts.length === 0 || total === 0) return { answered: false, hits: [], partners, ranked: [] };
    const rarest = concepts.map((concept) => rarestFrequency(concept, documentFrequency));
    // Rule 3 refuses such a question whatever the cards: no need to score most of them to learn it.
    if (rarest.every((frequency) => isCommon(frequency, total))) return { answered: false, hits: [], partners, ranked: [] };

    const specs = querySpecs(concepts, documentFrequency);
    const results = matchCards(miniSearch, specs, documentFrequency, postingBudget);

    const likelyTypo = typoChecker(results, specs);
    const weighed = weighQuestion(concepts, (concept, index) => conceptWeight(concept, rarest[index], documentFrequency, likelyTypo, idf, total));
    const answerType = answerTypeOf(text);
    const ranked = results
      .slice(0, Math.max(limit, 50) * 2)
      .map((result) => rankResult(result, concepts, weighed, answerType ? answers[answerType] : undefined))
      .sort((a, b) => b.score - a.score || b.coverage - a.coverage);

    const best = ranked[0];
    const answered = !!best && !weighed.namesUnknown && best.specific && best.coverage >= weighed.needed;
    const candidates = ranked.slice(0, limit).map(toHit);
    if (!answered) return { answered: false, hits: [], partners, ranked: candidates };
    const hits = ranked
      .filter((hit) => hit.specific && hit.coverage >= Math.max(weighed.needed, best.coverage * KEEP_COVERAGE_RATIO) && hit.score >= best.score * KEEP_SCORE_RATIO)
      .slice(0, limit)
      .map(toHit);
    return { answered: true, hits, partners, ranked: candidates };
  };

  return { search, analyzer, analyses: analyses.done() };
}

interface WeighedQuestion {
  weights: ConceptWeight[];
  total: number;
  /** Coverage the best card needs: half for a short question, less for a long one. */
  needed: number;
  /** A capitalised word inside the sentence that the knowledge does not know (rule 1). */
  namesUnknown: boolean;
  /** Whether the question asks about more than partner names (rule 4). */
  asksBeyondPartners: boolean;
}

function weighQuestion(concepts: QueryConcept[], weigh: (concept: QueryConcept, index: number) => ConceptWeight): WeighedQuestion {
  const raw = concepts.map(weigh);
  const distinctive = raw.filter((weight) => !weight.common).length;
  const weights =
    distinctive <= SHORT_QUESTION
      ? raw
      : raw.map((weight, index) => (weight.unknown && concepts[index]!.capital === "none" ? { ...weight, value: weight.value * UNKNOWN_WORD_SHARE } : weight));
  return {
    weights,
    total: weights.reduce((sum, weight) => sum + weight.value, 0),
    needed: Math.max(LONG_QUESTION_COVERAGE, ANSWERED_COVERAGE - COVERAGE_STEP * Math.max(0, distinctive - SHORT_QUESTION)),
    namesUnknown: concepts.some((concept, index) => concept.capital === "name" && weights[index]!.unknown),
    asksBeyondPartners: concepts.some((concept, index) => !weights[index]!.common && !isPartnerConcept(concept)),
  };
}

interface RankedHit extends SearchHit {
  /** Matches something not common to most cards, and what is asked beyond partner names (rules 3 and 4). */
  specific: boolean;
}

function rankResult(
  result: CardMatch,
  concepts: QueryConcept[],
  weighed: WeighedQuestion,
  ofAnswerType: boolean[] | undefined,
): RankedHit {
  const matched = new Set(result.queryTerms);
  const exact = new Set(result.terms);
  let covered = 0;
  let specific = false;
  let focused = !weighed.asksBeyondPartners;
  concepts.forEach((concept, index) => {
    const strength = coverStrength(concept, matched, exact);
    const weight = weighed.weights[index]!;
    covered += strength * weight.value;
    if (strength > 0 && !weight.common) {
      specific = true;
      if (!isPartnerConcept(concept)) focused = true;
    }
  });
  const coverage = weighed.total > 0 ? covered / weighed.total : 0;
  const typeBoost = ofAnswerType?.[result.card] ? ANSWER_TYPE_BOOST : 1;
  // The term scores' sum, not MiniSearch's score, which multiplies it by the number of query terms
  // matched. Ours has several per word (stem, prefix, partner), so that count rewards redundancy;
  // coverage measures how much of the question the card answers instead.
  const score = result.termScore * (0.25 + coverage) * typeBoost;
  return { card: result.card, score, coverage, specific: specific && focused, matched: result.terms };
}

function toHit({ card, score, coverage, matched }: RankedHit): SearchHit {
  return { card, score, coverage, matched };
}

function partnersNamed(concepts: QueryConcept[]): string[] {
  const terms = concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => alternative.terms));
  return [...new Set(terms.filter((term) => term.startsWith("@")).map((term) => term.slice(1)))];
}

function analyzeCard({ card }: SourcedCard, analyzer: Analyzer, namesOf: (ids: readonly string[]) => string[]): Record<Field, string[]> {
  const termsOf = (text: string | undefined): string[] => (text ? analyzer.indexTerms(text) : []);
  const ids = card.partners ?? [];
  return {
    text: termsOf(card.text),
    text_en: termsOf(card.text_en),
    keywords: termsOf(card.keywords?.join(" ; ")),
    names: namesOf(ids),
    people: termsOf(card.people?.join(" ; ")),
    topics: termsOf(card.topics?.join(" ; ")),
    partner_ids: ids.map(partnerTerm),
  };
}

/** A card MiniSearch matched: the sum of its BM25 term scores, its own terms that matched, and the query terms they match. */
interface CardMatch {
  card: number;
  termScore: number;
  terms: string[];
  queryTerms: string[];
}

/**
 * Postings (cards per query term, summed) the first pass of a search may score. Scoring is most of
 * a query's time, and at 10,000 cards a question of common words (Москва, Минск, сотрудничество)
 * touches tens of thousands of postings. Knowledge the size of ours never reaches the budget, so
 * there every search is exhaustive.
 */
export const FIRST_PASS_POSTINGS = 2000;

/**
 * The cards that share terms with the question, with MiniSearch's BM25 scores, best first by
 * MiniSearch's own order (score times query terms matched). Rarest terms first: the terms that fit
 * the posting budget in order of document frequency (and every typo or prefix term, whose
 * expansions have no known frequency) find the candidate cards; the remaining, common terms are
 * then scored on those candidates only (MiniSearch skips a card for which boostDocument returns 0,
 * before any scoring). A card that shares only common words with the question is left out: it
 * would rank below any card with a rarer word of the question. Without a budget (Infinity) or when
 * every term fits, this is exactly MiniSearch's OR search.
 */
function matchCards(miniSearch: MiniSearch<IndexedDoc>, specs: Map<string, TermSpec>, documentFrequency: Map<string, number>, postingBudget: number): CardMatch[] {
  const options: SearchOptions = {
    tokenize: (terms: string) => terms.split(" "),
    processTerm: (term: string) => term,
    combineWith: "OR",
    boost: FIELD_BOOSTS,
    boostTerm: (term: string) => specs.get(term)?.boost ?? 1,
    fuzzy: (term: string) => specs.get(term)?.fuzzy ?? false,
    prefix: (term: string) => specs.get(term)?.prefix ?? false,
  };
  const toMatch = (result: SearchResult): CardMatch => ({ card: result.id as number, termScore: result.score / Math.max(1, result.queryTerms.length), terms: result.terms, queryTerms: result.queryTerms });
  const everything = (): CardMatch[] => miniSearch.search([...specs.keys()].join(" "), options).map(toMatch);

  const { rare, common } = splitByPostings(specs, documentFrequency, postingBudget);
  if (common.length === 0) return everything();
  const candidates = new Map(miniSearch.search(rare.join(" "), options).map((result) => [result.id as number, toMatch(result)]));
  if (candidates.size === 0) return everything();
  const rest = miniSearch.search(common.join(" "), { ...options, boostDocument: (id) => (candidates.has(id as number) ? 1 : 0) });
  for (const result of rest) {
    const match = candidates.get(result.id as number)!;
    match.termScore += result.score / Math.max(1, result.queryTerms.length);
    // Disjoint query terms; a card term matched by both passes is listed twice, which nothing minds.
    match.terms = match.terms.concat(result.terms);
    match.queryTerms = match.queryTerms.concat(result.queryTerms);
  }
  const order = (match: CardMatch): number => match.termScore * match.queryTerms.length;
  return [...candidates.values()].sort((a, b) => order(b) - order(a));
}

/** Query terms split into those the first pass scores (rarest first, within the budget; at least one) and the common rest. */
function splitByPostings(specs: Map<string, TermSpec>, documentFrequency: Map<string, number>, postingBudget: number): { rare: string[]; common: string[] } {
  const rare: string[] = [];
  const exact: Array<[string, number]> = [];
  for (const [term, spec] of specs) {
    if (spec.fuzzy || spec.prefix) rare.push(term);
    else exact.push([term, documentFrequency.get(term) ?? 0]);
  }
  exact.sort((a, b) => a[1] - b[1]);
  const common: string[] = [];
  let postings = 0;
  for (const [term, df] of exact) {
    postings += df;
    if (postings <= postingBudget || rare.length === 0) rare.push(term);
    else common.push(term);
  }
  return { rare, common };
}

interface TermSpec {
  boost: number;
  fuzzy: number | false;
  prefix: boolean;
}

/** Fuzziness only where it pays: words the index does not know, scaled to their length. */
function querySpecs(concepts: QueryConcept[], documentFrequency: Map<string, number>): Map<string, TermSpec> {
  const specs = new Map<string, TermSpec>();
  for (const concept of concepts) {
    concept.alternatives.forEach((alternative, index) => {
      for (const term of alternative.terms) {
        const synthetic = term.startsWith("@") || term.startsWith("^");
        const known = documentFrequency.has(term);
        const fuzzy = synthetic || known || term.length < 4 ? false : term.length >= 8 ? 2 : 1;
        // The last word of an inline query may be unfinished ("сотрудн"): let it match as a prefix.
        const prefix = concept.last && index === 0 && !synthetic && term.length >= 3;
        const boost = alternative.strength * (term.startsWith("^") ? 0.6 : 1);
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

interface ConceptWeight {
  value: number;
  /** In most cards: cannot answer alone. */
  common: boolean;
  /** Neither the word nor a likely typo of it is in the knowledge. */
  unknown: boolean;
}

/** `rarest`: rarestFrequency of the concept. */
function conceptWeight(
  concept: QueryConcept,
  rarest: number | undefined,
  documentFrequency: Map<string, number>,
  likelyTypo: (term: string) => boolean,
  idf: (df: number) => number,
  total: number,
): ConceptWeight {
  if (rarest !== undefined) return { value: idf(rarest), common: isCommon(rarest, total), unknown: false };
  // Unknown exactly, but a typo or an unfinished word found something: weigh it like a rare word.
  const typoOfKnown = concept.alternatives.some(
    (alt) => alt.strength >= STRENGTH.synonym && alt.terms.filter((term) => documentFrequency.has(term) || likelyTypo(term)).length >= alt.needed,
  );
  return { value: idf(0), common: false, unknown: !typoOfKnown };
}

/** Cards with the concept's rarest word or synonym (undefined: the knowledge has none of them). */
function rarestFrequency(concept: QueryConcept, documentFrequency: Map<string, number>): number | undefined {
  const terms = concept.alternatives.filter((alt) => alt.strength >= STRENGTH.synonym).flatMap((alt) => alt.terms);
  const frequencies = terms.map((term) => documentFrequency.get(term) ?? 0).filter((df) => df > 0);
  return frequencies.length > 0 ? Math.min(...frequencies) : undefined;
}

function isCommon(frequency: number | undefined, total: number): boolean {
  return frequency !== undefined && frequency / total > COMMON_SHARE;
}

/**
 * Whether an unknown query term is a typo of a word the cards use: a fuzzy match that keeps the
 * first letter (people rarely mistype it). "York" matching "work" is not a typo of anything.
 */
function typoChecker(results: ReadonlyArray<{ terms: string[]; queryTerms: string[] }>, specs: Map<string, TermSpec>): (term: string) => boolean {
  let cardTerms: Set<string> | undefined;
  return (term) => {
    const budget = specs.get(term)?.fuzzy;
    if (!budget) return false;
    cardTerms ??= new Set(results.slice(0, 50).flatMap((result) => result.terms));
    for (const candidate of cardTerms) {
      if (candidate[0] === term[0] && candidate !== term && damerauLevenshtein(candidate, term, budget) <= budget) return true;
    }
    return false;
  };
}

function isPartnerConcept(concept: QueryConcept): boolean {
  return concept.alternatives.some((alternative) => alternative.terms.some((term) => term.startsWith("@")));
}

/** `matched`: query terms the card matched in any way; `exact`: its own terms, so a query term missing there matched by typo or prefix. */
function coverStrength(concept: QueryConcept, matched: Set<string>, exact: Set<string>): number {
  let strength = 0;
  for (const alternative of concept.alternatives) {
    const hits = alternative.terms.filter((term) => matched.has(term));
    if (hits.length < alternative.needed) continue;
    const inexact = hits.some((term) => !exact.has(term));
    strength = Math.max(strength, alternative.strength * (inexact ? INEXACT_STRENGTH : 1));
  }
  return strength;
}
