import { displayText } from "../answer/display.js";
import type { Answer, AnswerFact } from "../answer/types.js";
import type { KnowledgeBase } from "../knowledge/types.js";
import { wordSpans } from "../search/normalize.js";
import { isPrefixTerm } from "../search/terms.js";
import { buildSearchIndex, buildSearchIndexInSteps } from "../search/search-index.js";
import type { SearchIndex } from "../search/search-index.js";
import { detectLanguage } from "./language.js";
import { buildSuggestions } from "./suggestions.js";
import type { AnswerOptions, Snapshot } from "./types.js";

export const DEFAULT_FACT_LIMIT = 50;

/** Builds the index for a validated knowledge base: the immutable unit a reload swaps in. */
export function buildSnapshot(knowledge: KnowledgeBase, version = 1, loadedAt = new Date()): Snapshot {
  return snapshotOf(knowledge, buildSearchIndex(knowledge), version, loadedAt);
}

/**
 * The same, built in steps that leave the event loop free to answer from the current snapshot.
 * `previous`: the snapshot this one replaces; its analysis of cards that did not change is reused.
 */
export async function buildSnapshotInSteps(knowledge: KnowledgeBase, version = 1, loadedAt = new Date(), previous?: Snapshot): Promise<Snapshot> {
  return snapshotOf(knowledge, await buildSearchIndexInSteps(knowledge, previous && indexes.get(previous)), version, loadedAt);
}

// A snapshot's index stays out of its public shape: surfaces know nothing of the search.
const indexes = new WeakMap<Snapshot, SearchIndex>();

function snapshotOf(knowledge: KnowledgeBase, index: SearchIndex, version: number, loadedAt: Date): Snapshot {
  const examples = buildSuggestions(knowledge, index);
  const termsOfWord = wordTermsMemo(index);

  const answer = (question: string, options: AnswerOptions = {}): Answer => {
    const lang = options.lang ?? detectLanguage(question);
    const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_FACT_LIMIT, 500));
    const outcome = index.search(question, limit);
    const facts: AnswerFact[] = outcome.hits.map((hit) => {
      const { card, source } = knowledge.cards[hit.card]!;
      let matched: string[] | undefined;
      return {
        card,
        source,
        score: hit.score,
        // Worked out when a surface shows the fact: a page holds three of up to fifty.
        get matched() {
          return (matched ??= matchedWords(displayText(card, lang), hit.matched, termsOfWord));
        },
      };
    });
    return {
      question,
      lang,
      answered: outcome.answered,
      facts,
      suggestions: outcome.answered ? [] : examples.forPartners(lang, outcome.partners),
    };
  };

  const snapshot: Snapshot = { knowledge, loadedAt, version, answer, examples: (lang) => examples.all(lang) };
  indexes.set(snapshot, index);
  return snapshot;
}

/** The words of `text` whose index terms matched; `termsOf` gives a word's index terms. */
function matchedWords(text: string, matchedTerms: string[], termsOf: (word: string) => string[]): string[] {
  const wanted = new Set(matchedTerms.filter((term) => !isPrefixTerm(term)));
  const words = new Set<string>();
  for (const { word } of wordSpans(text)) {
    if (termsOf(word).some((term) => wanted.has(term))) words.add(word);
  }
  return [...words];
}

/**
 * A word's index terms, remembered: every answer highlights up to 50 cards, and their words come
 * from the knowledge, so the memo is bounded by the knowledge's vocabulary.
 */
function wordTermsMemo(index: SearchIndex): (word: string) => string[] {
  const memo = new Map<string, string[]>();
  return (word) => {
    let terms = memo.get(word);
    if (!terms) {
      terms = index.analyzer.indexTerms(word);
      memo.set(word, terms);
    }
    return terms;
  };
}
