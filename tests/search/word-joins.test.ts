import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { buildAbbreviations } from "../../src/search/word-joins.js";
import { buildSearchIndex } from "../../src/search/search-index.js";

const source = { id: "s", title: "T", publisher: "XQuAD", published: "2019-10-31", language: "ru" as const };
const knowledge = (cards: Array<{ id: string; text: string; text_en?: string; people?: string[] }>): KnowledgeBase => ({
  partners: [],
  synonyms: [],
  sources: [source],
  cards: cards.map((card) => ({ card, source })),
});

describe("an abbreviation of a name the cards write out", () => {
  const cards = [
    { id: "a", text: "Депутаты заседают в Парламенте Шотландии.", text_en: "Members sit in the Scottish Parliament, elected every four years." },
    { id: "b", text: "Парламент Шотландии принимает законы.", text_en: "The Scottish Parliament passes laws on health." },
    { id: "c", text: "Последний премьер-министр Германской Демократической Республики происходил из рода гугенотов.", text_en: "The last Prime Minister of the German Democratic Republic was of Huguenot descent." },
    { id: "d", text: "Экономист Торстейн Веблен писал о праздном классе.", text_en: "Thorstein Veblen wrote about the leisure class." },
    { id: "e", text: "Москву посетил Сергей Собянин.", text_en: "Sergey Sobyanin visited.", people: ["Сергей Собянин"] },
  ];
  const abbreviations = buildAbbreviations(cards, (word) => word.toLowerCase());

  it("is the initials of a run of capitalised words, little words inside left out", () => {
    expect(abbreviations.get("гдр")).toEqual([["германской", "демократической", "республики"]]);
    expect(abbreviations.get("sp")).toContainEqual(["scottish", "parliament"]);
  });

  it("of two letters only for a name the cards keep using, and never a card's own person", () => {
    expect(abbreviations.get("тв")).toBeUndefined();
    expect(abbreviations.get("tv")).toBeUndefined();
    expect(abbreviations.get("сс")).toBeUndefined();
  });

  it("answers a question that types the abbreviation, which had named someone the knowledge lacks", () => {
    const index = buildSearchIndex(knowledge(cards));
    const gdr = index.search("Кто был последним премьер-министром ГДР?");
    expect(gdr.answered).toBe(true);
    expect(gdr.hits[0]?.card).toBe(2);
    expect(index.search("Who was the last prime minister of the GDR?").hits[0]?.card).toBe(2);
    expect(index.search("What laws does the SP pass on health?").answered).toBe(true);
    // An abbreviation no name of the cards spells still names something else.
    expect(index.search("Кто был последним премьер-министром ФРГ?").answered).toBe(false);
    expect(index.search("Что писал экономист ТВ?").answered).toBe(false);
  });
});

describe("two words written as one", () => {
  const index = buildSearchIndex(
    knowledge([
      { id: "a", text: "Гимн на Супер Боуле исполнила Леди Гага.", text_en: "Lady Gaga sang the national anthem at the Super Bowl." },
      { id: "b", text: "Стадион вмещает семьдесят тысяч зрителей.", text_en: "The stadium seats seventy thousand; a super bowl of concrete." },
      { id: "c", text: "Чаша стадиона построена из бетона.", text_en: "The stadium bowl is concrete, and the roof is super light." },
    ]),
  );

  it("stands for them when a card has them side by side", () => {
    const answer = index.search("Who sang the anthem at the Superbowl?");
    expect(answer.answered).toBe(true);
    expect(answer.hits[0]?.card).toBe(0);
  });

  it("stays a word the knowledge lacks when no card has them side by side", () => {
    expect(index.search("Who sang the anthem at the Bowlsuper?").answered).toBe(false);
  });
});
