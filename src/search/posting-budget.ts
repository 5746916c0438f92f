import MiniSearch from "minisearch";
import type { SearchOptions, SearchResult } from "minisearch";
import { FIELD_BOOSTS } from "./card-fields.js";
import type { TermSpec } from "./query-terms.js";

/** A card MiniSearch matched: the sum of its BM25 term scores, its own terms that matched, and the query terms they match. */
export interface CardMatch {
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
export function matchCards<Doc>(miniSearch: MiniSearch<Doc>, specs: Map<string, TermSpec>, documentFrequency: Map<string, number>, postingBudget: number): CardMatch[] {
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

