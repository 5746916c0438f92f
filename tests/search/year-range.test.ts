import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { namesYearLacked, statesYearRange, yearRangeAsked } from "../../src/search/year-range.js";

describe("a span of years a question names", () => {
  it("is read with any dash, and a two-digit end", () => {
    expect(yearRangeAsked("программа на 2021–2023 годы")).toEqual({ from: "2021", to: "2023" });
    expect(yearRangeAsked("the 2024-2027 programme")).toEqual({ from: "2024", to: "2027" });
    expect(yearRangeAsked("ABC's 2001-02 identity")).toEqual({ from: "2001", to: "2002", toShort: "02" });
    expect(yearRangeAsked("программа 2018 года")).toBeUndefined();
  });

  it("is stated by a card that gives both years, or the span as short as asked", () => {
    const range = yearRangeAsked("the 2018-2022 programme")!;
    expect(statesYearRange({ id: "c", text: "Программа на 2018–2022 годы." }, range)).toBe(true);
    expect(statesYearRange({ id: "c", text: "X", text_en: "A programme for 2018 to 2022." }, range)).toBe(true);
    expect(statesYearRange({ id: "c", text: "Программа на 2018–2020 годы." }, range)).toBe(false);
    expect(statesYearRange({ id: "c", text: "The 2001–02 identity was designed by a studio." }, yearRangeAsked("2001-02")!)).toBe(true);
  });
});

describe("the answered rule with a span of years", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2017-11-03", language: "ru" as const };
  const knowledge: KnowledgeBase = {
    partners: [{ id: "beijing", name: "Пекин", country: "Китай" }],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "programme", text: "Москва и Пекин подписали программу сотрудничества на 2018–2022 годы.", partners: ["beijing"] }, source },
      { card: { id: "days", text: "В Пекине прошли Дни Москвы.", partners: ["beijing"] }, source },
    ],
  };
  const index = buildSearchIndex(knowledge);

  it("refuses a year no card about the partner named has, and answers one it has", () => {
    expect(index.search("что Москва подписала с Пекином в 2018").answered).toBe(true);
    expect(index.search("что Москва подписала с Пекином в 2024").answered).toBe(false);
    // Without a partner named, a year alone refuses nothing here.
    expect(namesYearLacked([], () => () => false, () => undefined)).toBe(false);
  });

  it("answers the span the knowledge has and refuses one it lacks", () => {
    expect(index.search("программа Москвы и Пекина на 2018-2022").answered).toBe(true);
    expect(index.search("программа Москвы и Пекина на 2021-2023").answered).toBe(false);
  });
});
