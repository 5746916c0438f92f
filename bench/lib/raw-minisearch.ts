import MiniSearch from "minisearch";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { buildAnalyzer } from "../../src/search/analyzer.js";

/**
 * The baseline for "our overhead": MiniSearch over the same cards and the card's own fields (text,
 * text_en, keywords, topics, people), with the project's normalisation as its tokenizer (tokens,
 * ё, stopwords, Snowball stems, 4-letter prefixes, partner terms: analyzer.indexTerms), queried
 * with the question's index terms, OR, fuzzy matching for terms the index does not know (1 edit,
 * 2 from 8 letters) and prefix matching for a last word — what a MiniSearch user with our
 * normalisation would write, and nothing more: no concepts, word pairs, coverage, answered/not
 * rule, re-ranking or highlighting. Deliberately independent of the engine's internals.
 */
export interface RawSearch {
  /** Returns the number of results (so the work cannot be optimised away). */
  search(question: string): number;
}

const FIELDS = ["text", "text_en", "keywords", "topics", "people"] as const;
type Field = (typeof FIELDS)[number];

export function buildRawSearch(knowledge: KnowledgeBase): RawSearch {
  const analyzer = buildAnalyzer(knowledge.partners, knowledge.synonyms);
  const known = new Set<string>();
  const docs = knowledge.cards.map(({ card }, id) => {
    const fields: Record<Field, string[]> = {
      text: analyzer.indexTerms(card.text),
      text_en: card.text_en ? analyzer.indexTerms(card.text_en) : [],
      keywords: analyzer.indexTerms(card.keywords?.join(" ; ") ?? ""),
      topics: analyzer.indexTerms(card.topics?.join(" ; ") ?? ""),
      people: analyzer.indexTerms(card.people?.join(" ; ") ?? ""),
    };
    for (const field of FIELDS) for (const term of fields[field]) known.add(term);
    return { id, fields };
  });
  const miniSearch = new MiniSearch<(typeof docs)[number]>({
    fields: [...FIELDS],
    extractField: (doc, field) => (field === "id" ? doc.id : doc.fields[field as Field].join(" ")) as unknown as string,
    tokenize: (text) => text.split(" ").filter(Boolean),
    processTerm: (term) => term,
  });
  miniSearch.addAll(docs);

  return {
    search(question) {
      const text = question.slice(0, 4096);
      const terms = [...new Set(analyzer.indexTerms(text))];
      if (terms.length === 0) return 0;
      // A question that ends in a word may end in an unfinished one.
      const lastWord = /[\p{L}\p{N}]+$/u.exec(text)?.[0];
      const last = lastWord ? analyzer.indexTerms(lastWord)[0] : undefined;
      const synthetic = (term: string): boolean => term.startsWith("@") || term.startsWith("^");
      return miniSearch.search(terms.join(" "), {
        tokenize: (query) => query.split(" "),
        processTerm: (term) => term,
        combineWith: "OR",
        fuzzy: (term) => (synthetic(term) || known.has(term) || term.length < 4 ? false : term.length >= 8 ? 2 : 1),
        prefix: (term) => term === last && !synthetic(term) && term.length >= 3,
      }).length;
    },
  };
}
