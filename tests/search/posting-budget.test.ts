import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import type { SearchHit } from "../../src/search/search-index.js";

// Words from very common to rare: word k is in about 1/(k+1) of the cards, as in real text.
const WORDS = ["проект", "сотрудничество", "метро", "театр", "парк", "школа", "больница", "мост", "выставка", "форум", "фестиваль", "транспорт", "музей", "стадион", "библиотека", "зоопарк"];
const CARDS = 1500;

function knowledgeOfSkewedWords(): KnowledgeBase {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "ru" as const };
  let state = 7;
  const next = (): number => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const cards = Array.from({ length: CARDS }, (_, i) => {
    const words = WORDS.filter((_, k) => next() < 1 / (k + 1.2));
    return { card: { id: `c${i}`, text: `Москва и Ханой: ${words.join(", ")}, карточка ${i}.`, partners: ["hanoi"] }, source };
  });
  return { partners: [{ id: "hanoi", name: "Ханой", country: "Вьетнам" }], synonyms: [], sources: [source], cards };
}

const index = buildSearchIndex(knowledgeOfSkewedWords());
const ALL = CARDS;
const byCard = (hits: SearchHit[]): Map<number, SearchHit> => new Map(hits.map((hit) => [hit.card, hit]));

describe("the posting budget of a search", () => {
  it("scores every card it keeps exactly as the exhaustive search does", () => {
    fc.assert(
      fc.property(fc.subarray(WORDS, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 3000 }), (words, budget) => {
        const question = words.join(" ");
        const exhaustive = byCard(index.search(question, ALL, Infinity).ranked);
        for (const hit of index.search(question, ALL, budget).ranked) {
          const same = exhaustive.get(hit.card);
          expect(same).toBeDefined();
          expect(hit.score).toBeCloseTo(same!.score, 9);
          expect(hit.coverage).toBeCloseTo(same!.coverage, 9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("finds the exhaustive search's best card when that card holds the question's rarest word", () => {
    fc.assert(
      fc.property(fc.subarray(WORDS, { minLength: 2, maxLength: 5 }), fc.integer({ min: 1, max: 500 }), (words, budget) => {
        const question = words.join(" ");
        const rarest = words.reduce((a, b) => (WORDS.indexOf(a) > WORDS.indexOf(b) ? a : b));
        const best = index.search(question, ALL, Infinity).ranked[0];
        fc.pre(best !== undefined && index.search(rarest, ALL, Infinity).ranked.some((hit) => hit.card === best.card));
        expect(index.search(question, ALL, budget).ranked[0]?.card).toBe(best!.card);
      }),
      { numRuns: 60 },
    );
  });

  it("never throws on any text, with any budget", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), fc.constantFrom(0, 1, 50, 2000, Infinity), (text, budget) => {
        const outcome = index.search(`${text} ${WORDS[text.length % WORDS.length]}`, 10, budget);
        expect(outcome.hits.length).toBeLessThanOrEqual(10);
        expect(outcome.answered || outcome.hits.length === 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("is exhaustive when the question's postings fit the default budget", () => {
    for (const question of ["зоопарк", "библиотека стадион", "карточка 17", "музей 1200"]) {
      expect(index.search(question, ALL).ranked).toEqual(index.search(question, ALL, Infinity).ranked);
    }
  });

  it("leaves out cards that share only common words with the question once the budget is spent", () => {
    const pruned = index.search("проект зоопарк", ALL, 100).ranked;
    const exhaustive = index.search("проект зоопарк", ALL, Infinity).ranked;
    expect(pruned.length).toBeLessThan(exhaustive.length);
    expect(pruned.every((hit) => hit.matched.includes("зоопарк"))).toBe(true);
  });

  it("refuses a question made only of words in most cards without ranking any", () => {
    const outcome = index.search("Москва Ханой", ALL);
    expect(outcome.answered).toBe(false);
    expect(outcome.ranked).toEqual([]);
    expect(outcome.partners).toEqual(["hanoi"]);
  });
});
