import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { MOSCOW_DAYS, eventOwners, knownEvents, namesEventLacked } from "../../src/search/events.js";
import { buildSearchIndex } from "../../src/search/search-index.js";

const partnerOf = (word: string): string | undefined =>
  ({ минска: "minsk", minsk: "minsk", ханоя: "hanoi", hanoi: "hanoi", пекина: "beijing", beijing: "beijing", manila: "manila" })[word.toLowerCase()];

describe("an event named with its direction", () => {
  it("is read by whose days it is: the word after «Дни», 'Days of', or before 'Days'", () => {
    expect(eventOwners("когда прошли Дни Минска в Москве", partnerOf)).toEqual(["minsk"]);
    expect(eventOwners("дни культуры москвы в ереване", partnerOf)).toEqual([MOSCOW_DAYS]);
    expect(eventOwners("when are the days of hanoi in moscow", partnerOf)).toEqual(["hanoi"]);
    expect(eventOwners("and the beijing days in moscow when", partnerOf)).toEqual(["beijing"]);
    expect(eventOwners("moscow culture days yerevan", partnerOf)).toEqual([MOSCOW_DAYS]);
    // "days" without "of" before a name does not say whose: "culture days yerevan" are Moscow's.
    expect(eventOwners("culture days hanoi", partnerOf)).toEqual([]);
    // «в те дни Москва подписала» is no event: Moscow's days are «Дни Москвы».
    expect(eventOwners("в те дни москва подписала программу", partnerOf)).toEqual([]);
    expect(eventOwners("сколько дней делегация была в Ханое", partnerOf)).toEqual([]);
  });

  it("is lacked when no card names a partner's days, or Moscow's with the partner asked", () => {
    const known = knownEvents(
      [
        { texts: ["Дни Москвы во Вьетнаме шли с 30 ноября по 3 декабря 2025 года."], partners: ["hanoi"] },
        { texts: ["Дни Минска в Москве прошли в сентябре 2025 года."], partners: ["minsk"] },
      ],
      partnerOf,
    );
    expect(namesEventLacked(["hanoi"], ["hanoi"], known)).toBe(true);
    expect(namesEventLacked(["minsk"], ["minsk"], known)).toBe(false);
    expect(namesEventLacked([MOSCOW_DAYS], ["manila"], known)).toBe(true);
    expect(namesEventLacked([MOSCOW_DAYS], ["hanoi"], known)).toBe(false);
    // Where Moscow's days were held, asked of no partner, is a list, not something lacked.
    expect(namesEventLacked([MOSCOW_DAYS], [], known)).toBe(false);
  });
});

describe("the answered rule with an event the knowledge lacks", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "ru" as const };
  const knowledge: KnowledgeBase = {
    partners: [
      { id: "hanoi", name: "Ханой", name_en: "Hanoi", country: "Вьетнам", country_en: "Vietnam" },
      { id: "minsk", name: "Минск", name_en: "Minsk", country: "Беларусь", country_en: "Belarus" },
      { id: "manila", name: "Манила", name_en: "Manila", country: "Филиппины", country_en: "Philippines" },
    ],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "days-vietnam", text: "Дни Москвы во Вьетнаме шли с 30 ноября по 3 декабря 2025 года.", text_en: "The Days of Moscow in Vietnam ran from 30 November to 3 December 2025.", partners: ["hanoi"] }, source },
      { card: { id: "days-minsk", text: "Дни Минска в Москве прошли в сентябре 2025 года.", text_en: "The Days of Minsk in Moscow took place in September 2025.", partners: ["minsk"] }, source },
      { card: { id: "manila", text: "Москва и Манила подписали программу сотрудничества в 2023 году.", text_en: "Moscow and Manila signed a cooperation programme in 2023.", partners: ["manila"] }, source },
    ],
  };
  const index = buildSearchIndex(knowledge);

  it("refuses the days of a partner no card names, and the days of Moscow where none were held", () => {
    expect(index.search("когда проходили дни Ханоя в Москве").answered).toBe(false);
    expect(index.search("when were the days of moscow in manila").answered).toBe(false);
  });

  it("answers the events the cards name", () => {
    expect(index.search("когда проходили дни Минска в Москве").answered).toBe(true);
    expect(index.search("when were the days of moscow in vietnam").answered).toBe(true);
  });
});
