import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { buildNameVariants } from "../../src/search/name-variants.js";
import { buildSearchIndex } from "../../src/search/search-index.js";

describe("a name as people spell it", () => {
  const variants = buildNameVariants([
    { id: "a", text: "Программу подписали Сергей Собянин и Маркус Зёдер.", text_en: "Sergey Sobyanin and Markus Söder signed the programme.", people: ["Сергей Собянин", "Маркус Зёдер"] },
  ]);

  it("is the card's name within an edit or two, the first letter kept, umlauts either way", () => {
    expect(variants.match("Sobianin")).toBe("sobyanin");
    expect(variants.match("Soeder")).toBe("soeder");
    expect(variants.match("Soder")).toBe("soder");
    expect(variants.match("Собянина")).toBe("собянин");
  });

  it("is nothing for a name the cards do not have, or a short word", () => {
    expect(variants.match("Paris")).toBeUndefined();
    expect(variants.match("Robyanin")).toBeUndefined();
    expect(variants.match("Sob")).toBeUndefined();
  });
});

describe("a name in another transliteration or the other alphabet", () => {
  const variants = buildNameVariants([
    { id: "a", text: "Об этом рассказал Александр Комендант.", text_en: "Alexander Komendant said so.", people: ["Александр Комендант"] },
    { id: "b", text: "Мэр Сеула Пак Вон Сун посетил Москву.", text_en: "Seoul's mayor Park Won Soon visited Moscow.", people: ["Пак Вон Сун"] },
  ]);

  it("is the card's name when the transliterations differ by ks/x, kh/h, y/i, oo/u or the alphabet", () => {
    expect(variants.match("aleksandr")).toBe("александр");
    expect(variants.match("Aleksander")).toBeDefined();
    expect(variants.match("Pak")).toBe("пак");
    expect(variants.match("Sun")).toBeDefined();
  });

  it("is nothing for a short word that only comes near a name, or a name the cards lack", () => {
    expect(variants.match("Pek")).toBeUndefined();
    expect(variants.match("Kim")).toBeUndefined();
    expect(variants.match("aleksei")).toBeUndefined();
  });
});

describe("the answered rule with a name spelt otherwise", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2017-07-06", language: "ru" as const };
  const knowledge: KnowledgeBase = {
    partners: [{ id: "bishkek", name: "Бишкек", name_en: "Bishkek", country: "Киргизия" }],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "signed", text: "Собянин и мэр Бишкека подписали программу.", text_en: "Sobyanin and the mayor of Bishkek signed a programme.", partners: ["bishkek"], people: ["Сергей Собянин"] }, source },
      { card: { id: "forum", text: "В Бишкеке прошёл деловой форум.", text_en: "A business forum was held in Bishkek.", partners: ["bishkek"] }, source },
      { card: { id: "other", text: "Москва открыла новую школу.", text_en: "Moscow opened a new school." }, source },
    ],
  };
  const index = buildSearchIndex(knowledge);

  it("answers a known name spelt otherwise and refuses a name the knowledge lacks", () => {
    expect(index.search("What did Sobianin sign in Bishkek?").answered).toBe(true);
    expect(index.search("What did Sobyanin sign in Bishkek?").answered).toBe(true);
    expect(index.search("What did Johnson sign in Bishkek?").answered).toBe(false);
  });

  it("reads a lower-case name of five letters or more as the card's name it spells: two such names are no unknown pair", () => {
    const withSoder = buildSearchIndex({
      ...knowledge,
      cards: [...knowledge.cards, { card: { id: "statement", text: "Собянин и Зёдер подписали заявление.", text_en: "Sobyanin and Söder signed a statement." }, source }],
    });
    expect(withSoder.search("sobianin and zoder statement which areas").answered).toBe(true);
    expect(withSoder.search("sobianin and zoder statement which areas").hits[0]?.card).toBe(3);
  });

  it("answers a person's name typed in another transliteration and refuses one the cards lack", () => {
    const withKomendant = buildSearchIndex({
      ...knowledge,
      cards: [...knowledge.cards, { card: { id: "komendant", text: "Александр Комендант — первый заместитель председателя Мингорисполкома.", text_en: "Alexander Komendant is First Deputy Chairman of the Minsk City Executive Committee.", people: ["Александр Комендант"] }, source }],
    });
    expect(withKomendant.search("who is aleksandr komendant").answered).toBe(true);
    expect(withKomendant.search("who is aleksandr komendant").hits[0]?.card).toBe(3);
    expect(withKomendant.search("who is dmitry komendant").answered).toBe(false);
  });
});
