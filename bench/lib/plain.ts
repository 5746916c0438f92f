import MiniSearch from "minisearch";
import type { KnowledgeBase } from "../../src/knowledge/types.js";

/**
 * What a newcomer gets: MiniSearch with its default options (its own tokenizer, lower-casing, no
 * stemming, no stopwords, OR, no fuzzy, no prefix) over the card text and its English text.
 * There is no answered/not rule: any result counts as an answer.
 */
export interface PlainSearch {
  /** Indexes into knowledge.cards, best first. */
  search(question: string, limit?: number): number[];
}

export function buildPlainSearch(knowledge: KnowledgeBase): PlainSearch {
  const miniSearch = new MiniSearch<{ id: number; text: string; text_en: string }>({ fields: ["text", "text_en"] });
  miniSearch.addAll(knowledge.cards.map(({ card }, id) => ({ id, text: card.text, text_en: card.text_en ?? "" })));
  return {
    search: (question, limit = 10) =>
      miniSearch
        .search(question)
        .slice(0, limit)
        .map((result) => result.id as number),
  };
}
