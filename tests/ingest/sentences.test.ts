import { describe, expect, it } from "vitest";
import { splitParagraphs, splitSentences } from "../../src/ingest/sentences.js";

describe("splitSentences", () => {
  it("splits plain sentences at full stops, exclamation and question marks", () => {
    expect(splitSentences("Москва подписала меморандум. Минск тоже! Что дальше? Посмотрим…")).toEqual([
      "Москва подписала меморандум.",
      "Минск тоже!",
      "Что дальше?",
      "Посмотрим…",
    ]);
  });

  it("keeps abbreviations inside their sentence: т.е., т.д., г., им., ул.", () => {
    const text = "Он приехал в г. Минск, т.е. в столицу Беларуси, и т.д. и т.п. Встреча прошла на ул. Тверской у музея им. Пушкина. Всё.";
    expect(splitSentences(text)).toEqual([
      "Он приехал в г. Минск, т.е. в столицу Беларуси, и т.д. и т.п.",
      "Встреча прошла на ул. Тверской у музея им. Пушкина.",
      "Всё.",
    ]);
  });

  it("ends a sentence after т.д. or a year with г. when a capital letter follows", () => {
    expect(splitSentences("Обсудили транспорт, школы и т.д. Москва предложила форум. Это было в 2020 г. Минск согласился.")).toEqual([
      "Обсудили транспорт, школы и т.д.",
      "Москва предложила форум.",
      "Это было в 2020 г.",
      "Минск согласился.",
    ]);
  });

  it("does not split after initials: А. Комендант, А.Г. Лукашенко", () => {
    expect(splitSentences("По словам А. Комендант, всё готово. Об этом сказал А.Г. Лукашенко. Конец.")).toEqual([
      "По словам А. Комендант, всё готово.",
      "Об этом сказал А.Г. Лукашенко.",
      "Конец.",
    ]);
  });

  it("keeps «quotes with. dots» whole, with what follows them", () => {
    expect(splitSentences("Он назвал платформу «Московская. Электронная. Школа» лучшей. Минск согласился.")).toEqual([
      "Он назвал платформу «Московская. Электронная. Школа» лучшей.",
      "Минск согласился.",
    ]);
  });

  it("keeps a quote and its attribution together: \"…\", - сказал он.", () => {
    const text = '"Мы готовы. Это важно", - сказал он. «Подписали меморандум. Всё с точками.» — заявил мэр. Дальше.';
    expect(splitSentences(text)).toEqual(['"Мы готовы. Это важно", - сказал он.', "«Подписали меморандум. Всё с точками.» — заявил мэр.", "Дальше."]);
  });

  it("handles straight quotes nested in straight quotes", () => {
    const text = '"Работает платформа "Московская электронная школа". Минск её изучает", - сказал собеседник. Итог.';
    expect(splitSentences(text)).toEqual(['"Работает платформа "Московская электронная школа". Минск её изучает", - сказал собеседник.', "Итог."]);
  });

  it("keeps dashes inside sentences and splits before a dash that opens a new line of speech", () => {
    expect(splitSentences("Москва для Минска – стратегический партнер. – Мы рады, – сказал он. – Да.")).toEqual([
      "Москва для Минска – стратегический партнер.",
      "– Мы рады, – сказал он.",
      "– Да.",
    ]);
  });

  it("does not split numbers, month abbreviations before a day or year, or dots without a space", () => {
    expect(splitSentences("Было 3.5 млн. рублей. Дни прошли 30 окт. 2025 года в Минске! Сайт mos.ru работает.")).toEqual([
      "Было 3.5 млн. рублей.",
      "Дни прошли 30 окт. 2025 года в Минске!",
      "Сайт mos.ru работает.",
    ]);
  });

  it("treats a blank line as the end of a sentence and a single line break as a space", () => {
    expect(splitSentences("Заголовок без точки\n\nПервая строка\nпродолжается. Вторая.")).toEqual(["Заголовок без точки", "Первая строка продолжается.", "Вторая."]);
    expect(splitParagraphs("Один.\r\n\r\nДва.\n \nТри.")).toEqual(["Один.", "Два.", "Три."]);
  });

  it("ignores quotes that never close instead of swallowing the paragraph", () => {
    expect(splitSentences('Он сказал "мы готовы. Минск согласился. Конец.')).toEqual(['Он сказал "мы готовы.', "Минск согласился.", "Конец."]);
  });
});
