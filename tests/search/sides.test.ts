import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { namesSide, partnersByPerson, sideAsked } from "../../src/search/sides.js";

describe("the side a question asks about", () => {
  const partnersOf = (word: string): string[] => (/^(сухум|vietnam)/iu.test(word) ? ["sukhum"] : []);

  it.each([
    ["кто подписал соглашение с Сухумом от Москвы", "moscow"],
    ["кто подписал соглашение со стороны Сухума", { partners: ["sukhum"] }],
    ["who signed it for the vietnamese side", { partners: ["sukhum"] }],
    ["who signed it on moscow's side", "moscow"],
    ["кто подписал соглашение с Сухумом", undefined],
  ])("%s → %j", (question, side) => {
    expect(sideAsked(question, partnersOf)).toEqual(side);
  });

  it("puts someone named with two partners or more on Moscow's side, someone named with one on that partner's", () => {
    const source = { id: "s", title: "T", publisher: "ТАСС", published: "2023-07-08", language: "ru" as const };
    const knowledge: KnowledgeBase = {
      partners: [],
      synonyms: [],
      sources: [source],
      cards: [
        { card: { id: "a", text: "x", partners: ["sukhum"] }, source },
        { card: { id: "b", text: "x", partners: ["hanoi"] }, source },
        { card: { id: "c", text: "x", partners: ["sukhum"] }, source },
      ],
    };
    const byPerson = partnersByPerson(knowledge, [["черем", "эшба"], ["черем"], ["эшба"]]);
    expect(namesSide(["черем"], "moscow", byPerson)).toBe(true);
    expect(namesSide(["эшба"], "moscow", byPerson)).toBe(false);
    expect(namesSide(["эшба"], { partners: ["sukhum"] }, byPerson)).toBe(true);
  });
});

describe("who signed for one side", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2023-07-08", language: "ru" as const };
  const knowledge: KnowledgeBase = {
    partners: [
      { id: "sukhum", name: "Сухум", country: "Абхазия" },
      { id: "hanoi", name: "Ханой", country: "Вьетнам" },
    ],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "eshba", text: "Соглашение Москвы с Сухумом подписал глава администрации Сухума Беслан Эшба.", partners: ["sukhum"], people: ["Беслан Эшба"] }, source },
      // «стороны» in a card, as in the shipped knowledge: the side's words are not what the question lacks.
      { card: { id: "eshba-house", text: "Беслан Эшба рассказал о Доме Москвы в Сухуме; стороны обсудили его работу.", partners: ["sukhum"], people: ["Беслан Эшба"] }, source },
      { card: { id: "hanoi", text: "Программу с Ханоем подписал Сергей Черёмин.", partners: ["hanoi"], people: ["Сергей Черёмин"] }, source },
      { card: { id: "hanoi-forum", text: "Сергей Черёмин выступил на форуме в Ханое.", partners: ["hanoi", "sukhum"], people: ["Сергей Черёмин"] }, source },
    ],
  };
  const index = buildSearchIndex(knowledge);

  it("is refused when the cards name only the other side's signatory", () => {
    expect(index.search("кто подписал соглашение с Сухумом со стороны Москвы").answered).toBe(false);
    expect(index.search("кто подписал соглашение с Сухумом со стороны Сухума").answered).toBe(true);
    expect(index.search("кто подписал соглашение с Сухумом").answered).toBe(true);
  });
});
