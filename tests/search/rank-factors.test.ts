import { describe, expect, it } from "vitest";
import type { RankedHit } from "../../src/search/answered-rule.js";
import { asksElse, favourAskedByReaders, favourDistinctive, favourOwnWords, favourTypedSibling, setBackOtherYears, setBackSeen } from "../../src/search/rank-factors.js";

const hit = (card: number, score: number): RankedHit => ({ card, score, judged: score, coverage: 1, answers: 1, specific: true, matched: [], ofAnswerType: false });

describe("the factor for what a card alone of its source matches", () => {
  // One source: two cards on the signing, one on the gift made at it; a fourth card in another source.
  const terms = [["рим", "протокол", "подписа"], ["рим", "протокол", "подписа", "мэр"], ["рим", "подар"], ["рим", "подар"]];
  const siblings = [[0, 1, 2], [0, 1, 2], [0, 1, 2], [3]];
  const covers = ["рим", "подар", "протокол"].map((term) => (card: number) => terms[card]!.includes(term));
  const rank = (about: (card: number) => boolean = () => true): RankedHit[] => {
    const ranked = [hit(1, 10), hit(0, 9), hit(2, 7), hit(3, 6)];
    favourDistinctive(ranked, covers, [1, 2, 1], (card) => siblings[card]!, about);
    return ranked;
  };

  it("puts the card that matches what its siblings lack before the broader card of the same source", () => {
    expect(rank().map((ranked) => ranked.card)).toEqual([2, 1, 0, 3]);
  });

  it("leaves the score judged by the answered rule as it was, and a card alone in its source as it was", () => {
    const ranked = rank();
    expect(ranked.find((ranked) => ranked.card === 2)!.judged).toBe(7);
    expect(ranked.find((ranked) => ranked.card === 3)!.score).toBe(6);
  });

  it("favours no card about a partner other than the one the question names", () => {
    expect(rank((card) => card !== 2).map((ranked) => ranked.card)).toEqual([1, 0, 2, 3]);
  });
});

describe("the factor for a follow-up's own words", () => {
  // «а Doppelmayr там что делает?» after Austrian firms at the stadiums: card 0 shares the context,
  // card 1 names Doppelmayr, card 2 names it too but is about another partner.
  const doppelmayr = (card: number): boolean => card === 1 || card === 2;
  const rank = (): RankedHit[] => {
    const ranked = [hit(0, 10), hit(1, 6), hit(2, 5)];
    favourOwnWords(ranked, [undefined, doppelmayr], [3, 1], (card) => card !== 2);
    return ranked;
  };

  it("puts the card with the follow-up's own word before the one that only shares the context", () => {
    expect(rank().map((ranked) => ranked.card)).toEqual([1, 0, 2]);
    expect(rank().find((ranked) => ranked.card === 1)!.score).toBe(12);
  });

  it("favours no card about a partner other than the one asked, and leaves the judged score alone", () => {
    const ranked = rank();
    expect(ranked.find((ranked) => ranked.card === 2)!.score).toBe(5);
    expect(ranked.find((ranked) => ranked.card === 1)!.judged).toBe(6);
  });
});

describe("the factor for a card of another year than the one asked", () => {
  it("sets back a card dated or naming another year, and leaves a card of the year or of none", () => {
    // Card 0: the 1997 agreement; card 1: the 2017 programme; card 2: undated.
    const has2017 = (card: number): boolean => card === 1;
    const givesYear = (card: number): boolean => card !== 2;
    const ranked = [hit(0, 10), hit(1, 8), hit(2, 7.5)];
    setBackOtherYears(ranked, [has2017], givesYear);
    expect(ranked.map((ranked) => ranked.card)).toEqual([1, 2, 0]);
    expect(ranked.find((ranked) => ranked.card === 0)!.judged).toBe(10);
  });
});

describe("the factor for the card a follow-up's previous answer led with", () => {
  it("puts it after a card not far behind, leaves it first when far ahead, and leaves the judged score alone", () => {
    const close = [hit(0, 10), hit(1, 8), hit(2, 3)];
    setBackSeen(close, 0);
    expect(close.map((ranked) => ranked.card)).toEqual([1, 0, 2]);
    expect(close.find((ranked) => ranked.card === 0)!.judged).toBe(10);
    const far = [hit(0, 10), hit(1, 4)];
    setBackSeen(far, 0);
    expect(far.map((ranked) => ranked.card)).toEqual([0, 1]);
  });

  it("goes behind the others when the follow-up asks for something else", () => {
    const ranked = [hit(0, 10), hit(1, 6), hit(2, 5)];
    setBackSeen(ranked, 0, asksElse("what else were the vietnamese interested in?"));
    expect(ranked.map((ranked) => ranked.card)).toEqual([1, 2, 0]);
    expect(asksElse("а что ещё обсуждали?")).toBeLessThan(asksElse("а когда?"));
  });

  it("changes nothing when that card is not among the ranked", () => {
    const ranked = [hit(0, 10), hit(1, 8)];
    setBackSeen(ranked, 7);
    expect(ranked.map((ranked) => ranked.score)).toEqual([10, 8]);
  });
});

describe("the card of the kind asked among the first card's siblings", () => {
  const typed = (card: number, score: number, coverage: number, ofAnswerType: boolean): RankedHit => ({ ...hit(card, score), coverage, ofAnswerType });
  // Cards 0–2 come from one source, card 3 from another.
  const sourceOf = (card: number): number => (card < 3 ? 0 : 1);

  it("goes first when it covers nearly as much of the question, and the order stays the order of the scores", () => {
    // The city hall card covers 0.78 of what the card naming both mayors and the month covers.
    const ranked = [typed(0, 10, 1, false), typed(1, 6, 0.78, true), typed(2, 5, 1, false)];
    favourTypedSibling(ranked, sourceOf);
    expect(ranked.map((ranked) => ranked.card)).toEqual([1, 0, 2]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it("is looked for among the next three cards, no further", () => {
    const fourth = [typed(0, 10, 1, false), typed(3, 9, 1, false), typed(4, 8, 1, false), typed(1, 6, 0.9, true)];
    favourTypedSibling(fourth, sourceOf);
    expect(fourth.map((ranked) => ranked.card)).toEqual([1, 0, 3, 4]);
    const fifth = [typed(0, 10, 1, false), typed(3, 9, 1, false), typed(4, 8, 1, false), typed(5, 7, 1, false), typed(1, 6, 0.9, true)];
    favourTypedSibling(fifth, sourceOf);
    expect(fifth.map((ranked) => ranked.card)).toEqual([0, 3, 4, 5, 1]);
  });

  it("stays where it is when it covers much less, comes from another source, or the first is of the kind already", () => {
    for (const ranked of [
      [typed(0, 10, 1, false), typed(1, 6, 0.5, true)],
      [typed(0, 10, 1, false), typed(3, 6, 1, true)],
      [typed(0, 10, 1, true), typed(1, 6, 1, true)],
    ]) {
      const before = ranked.map((ranked) => ranked.card);
      favourTypedSibling(ranked, sourceOf);
      expect(ranked.map((ranked) => ranked.card)).toEqual(before);
    }
  });
});

describe("the factor for a card whose reader questions ask the kind asked", () => {
  // "why did Kyiv end the agreements": card 1's reader questions ask why, card 2's too but it is another partner's.
  const rank = (): RankedHit[] => {
    const ranked = [hit(0, 10), hit(1, 8), hit(2, 9)];
    favourAskedByReaders(ranked, (card) => card !== 0, (card) => card !== 2);
    return ranked;
  };

  it("puts that card first, about the partner asked only, leaving the score judged as it was", () => {
    const ranked = rank();
    expect(ranked.map((ranked) => ranked.card)).toEqual([1, 0, 2]);
    expect(ranked[0]!.judged).toBe(8);
  });
});
