import { describe, expect, it } from "vitest";
import { withSourceSiblings, type SearchHit } from "../../src/search/answered-rule.js";

const hit = (card: number, score: number): SearchHit => ({ card, score, coverage: 0.5, matched: [] });
// Cards 0–2 are one report (the visit, the gift made on it, the talks); card 3 another report.
const sourceOf = (card: number): number => (card < 3 ? 0 : 1);
const ranked = [hit(0, 10), hit(3, 8), hit(2, 4), hit(1, 2)];

describe("the leading card's siblings from its report", () => {
  it("follow the cards shown, in ranked order, up to the number a reader takes in", () => {
    expect(withSourceSiblings([hit(0, 10)], ranked, sourceOf, 3).map((shown) => shown.card)).toEqual([0, 2, 1]);
    expect(withSourceSiblings([hit(0, 10), hit(3, 8)], ranked, sourceOf, 3).map((shown) => shown.card)).toEqual([0, 3, 2]);
  });

  it("leave an answer with enough cards, and a refusal, as they were", () => {
    const full = [hit(0, 10), hit(3, 8), hit(1, 2)];
    expect(withSourceSiblings(full, ranked, sourceOf, 3)).toEqual(full);
    expect(withSourceSiblings([], ranked, sourceOf, 3)).toEqual([]);
  });

  it("add nothing when the report has no other card that matched", () => {
    expect(withSourceSiblings([hit(3, 8)], ranked, sourceOf, 3).map((shown) => shown.card)).toEqual([3]);
  });
});
