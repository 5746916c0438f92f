import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { buildSearchIndex } from "../../src/search/search-index.js";

/** Capitalised words that name nobody the knowledge lacks: a Roman numeral, a quotation's first word, a given name before a known surname. */
const source = { id: "s", title: "T", publisher: "XQuAD", published: "2019-10-31", language: "ru" as const };
const index = buildSearchIndex({
  partners: [],
  synonyms: [],
  sources: [source],
  cards: [
    { card: { id: "reform", text: "Французские католики в пятнадцатом веке выступали в поддержку реформы церкви.", text_en: "French Catholics of the fifteenth century supported the reform of the church." }, source },
    { card: { id: "award", text: "Университет выиграл награду «Организация с наибольшим количеством ИТ-ресурсов» от журнала.", text_en: "The university won the award for the most IT resources." }, source },
    { card: { id: "twigg", text: "Твигг предположил, что причиной эпидемии была сибирская язва.", text_en: "Twigg suggested that the cause of the epidemic was anthrax." }, source },
    { card: { id: "other", text: "Город построил новый мост через реку.", text_en: "The city built a new bridge over the river." }, source },
  ],
} satisfies KnowledgeBase);

describe("capitalised words that name nobody", () => {
  it("reads a Roman numeral as a number", () => {
    expect(index.search("Кто из французских католиков XV века выступал в поддержку реформы церкви?").answered).toBe(true);
    // A capitalised name the knowledge lacks still names someone else.
    expect(index.search("Кто из французских католиков Бордо выступал в поддержку реформы церкви?").answered).toBe(false);
  });

  it("reads the capital of a quotation's first word as the quotation's, for a word the dictionary knows", () => {
    expect(index.search('Какой университет выиграл награду за "Оснащенность ИТ-ресурсами"?').answered).toBe(true);
    expect(index.search("Какой университет выиграл награду за «Оснащенность ИТ-ресурсами»?").answered).toBe(true);
    expect(index.search("Какой университет выиграл награду за Оснащенность ИТ-ресурсами?").answered).toBe(false);
  });

  it("reads a word right before a surname the cards have as that person's given name", () => {
    const russian = index.search("Что предполагал Грэхэм Твигг о причине эпидемии?");
    expect(russian.answered).toBe(true);
    expect(russian.hits[0]?.card).toBe(2);
    expect(index.search("What did Graham Twigg suggest about the cause of the epidemic?").answered).toBe(true);
    // Not when the name does not follow it: «Грэхэм» alone is someone else.
    expect(index.search("Что предполагал Грэхэм о причине эпидемии?").answered).toBe(false);
    expect(index.search("What did Graham and Twigg suggest about the cause of the epidemic?").answered).toBe(false);
  });
});
