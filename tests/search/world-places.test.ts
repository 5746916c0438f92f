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
