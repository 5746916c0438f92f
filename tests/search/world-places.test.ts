import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { inPlaceNames } from "../../src/search/world-places.js";

describe("place names the list has", () => {
  it("marks every word of a name of one word or several, and no other word", () => {
    expect(inPlaceNames(["moscow", "osaka", "sister", "cities"])).toEqual([false, true, false, false]);
    expect(inPlaceNames(["deal", "with", "buenos", "aires"])).toEqual([false, false, true, true]);
    expect(inPlaceNames(["ho", "chi", "minh", "city", "agreement"])).toEqual([true, true, true, true, false]);
  });

  it("leaves out a place whose name is a common word or a first name", () => {
    expect(inPlaceNames(["nice", "split", "reading", "victoria", "sydney"])).toEqual([false, false, false, false, false]);
  });
});

describe("a lower-case place the knowledge lacks", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "en" as const };
  const knowledge: KnowledgeBase = {
    partners: [
      { id: "seoul", name: "Сеул", name_en: "Seoul", country: "Южная Корея" },
      { id: "hanoi", name: "Ханой", name_en: "Hanoi", country: "Вьетнам" },
    ],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "seoul", text: "Moscow and Seoul signed a twinning deal and became sister cities.", partners: ["seoul"] }, source },
      { card: { id: "hanoi", text: "Moscow and Hanoi signed a new cooperation programme on transport and culture.", partners: ["hanoi"] }, source },
      { card: { id: "forum", text: "A business forum was held in Hanoi.", partners: ["hanoi"] }, source },
    ],
  };
  const index = buildSearchIndex(knowledge);

  it("is somewhere else: the question is refused, not answered with another partner's twinning", () => {
    expect(index.search("does moscow have a twinning deal with lisbon").answered).toBe(false);
    expect(index.search("moscow osaka sister cities since when").answered).toBe(false);
    expect(index.search("does moscow have a twinning deal with seoul").answered).toBe(true);
  });

  it("is a place by its whole name, though one of its words is in the cards ('new' of 'new york')", () => {
    expect(index.search("moscow new york cooperation programme on transport").answered).toBe(false);
    expect(index.search("moscow hanoi new cooperation programme on transport").answered).toBe(true);
  });
});

describe("a lower-case Russian place the knowledge lacks, whose likeliest reading is a common word", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "ru" as const };
  const knowledge: KnowledgeBase = {
    partners: [{ id: "hanoi", name: "Ханой", name_en: "Hanoi", country: "Вьетнам" }],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "hanoi", text: "Москва и Ханой подписали соглашение о сотрудничестве на 2026–2028 годы.", partners: ["hanoi"] }, source },
      { card: { id: "forum", text: "В Ханое прошёл деловой форум.", partners: ["hanoi"] }, source },
    ],
  };
  const index = buildSearchIndex(knowledge);

  it("is somewhere else: «баку» is Baku, not a form of «бак»; «рига» is Riga, not a barn", () => {
    expect(index.search("баку москва соглашение о сотрудничестве какие годы").answered).toBe(false);
    expect(index.search("рига москва соглашение о сотрудничестве").answered).toBe(false);
    expect(index.search("ханой москва соглашение о сотрудничестве какие годы").answered).toBe(true);
  });

  it("is only a noun: «короче» (in short) names no place, though «Короче» is Korocha's", () => {
    expect(index.search("ханой москва соглашение о сотрудничестве короче").answered).toBe(true);
  });
});
