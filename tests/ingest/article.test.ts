import { describe, expect, it } from "vitest";
import { cleanText, dateFromUrl, knownPublisher, parseArticle, publisherFromUrl, readDateline } from "../../src/ingest/article.js";

describe("parseArticle", () => {
  it("reads the seeds' layout: a date line with the headline, then the body", () => {
    const article = parseArticle(" date 2025-12-03 Москва и Ханой будут сотрудничать\n\nХАНОЙ, 3 декабря. /ТАСС/. Москва и Ханой договорились.\n");
    expect(article).toMatchObject({
      published: "2025-12-03",
      title: "Москва и Ханой будут сотрудничать",
      body: "Москва и Ханой договорились.",
      dateline: { place: "ХАНОЙ", agency: "ТАСС" },
      notes: [],
    });
    expect(article.publisher).toBeUndefined();
  });

  it("reads a seed whose first line runs on into the dateline: no headline then", () => {
    const article = parseArticle(" date 2025-10-30 МИНСК, 30 окт – РИА Новости. Минску интересен опыт Москвы.\n\nВторой абзац.");
    expect(article.title).toBeUndefined();
    expect(article.dateline?.agency).toBe("РИА Новости");
    expect(article.body).toBe("Минску интересен опыт Москвы.\n\nВторой абзац.");
  });

  it("reads front matter: title, publisher, published, url, a blank line, the body", () => {
    const article = parseArticle("title: Заголовок\npublisher: ТАСС\npublished: 2024-05-16\nurl: https://tass.ru/x/1\n\nТекст статьи.\n\nЕщё абзац.");
    expect(article).toEqual({
      title: "Заголовок",
      publisher: "ТАСС",
      published: "2024-05-16",
      url: "https://tass.ru/x/1",
      body: "Текст статьи.\n\nЕщё абзац.",
      notes: [],
    });
  });

  it("accepts DD.MM.YYYY, notes a date that is not one and header lines it does not know", () => {
    expect(parseArticle("title: T\npublished: 18.09.2025\n\nТекст.").published).toBe("2025-09-18");
    const wrong = parseArticle("title: T\npublished: 2025-02-30\nauthor: Иван\n\nТекст.");
    expect(wrong.published).toBeUndefined();
    expect(wrong.notes).toHaveLength(2);
    expect(wrong.notes).toContainEqual({ key: "ingest-note-not-a-date", vars: { value: "2025-02-30" } });
    expect(wrong.notes).toContainEqual({ key: "ingest-note-header-ignored", vars: { line: 3, text: "author: Иван", fields: "title, publisher, published, url" } });
  });

  it("takes a text with no header as all body", () => {
    expect(parseArticle("Москва и Минск подписали меморандум.")).toEqual({ body: "Москва и Минск подписали меморандум.", notes: [] });
  });
});

describe("readDateline", () => {
  it("recognises the publisher in an RIA Novosti dateline", () => {
    expect(readDateline("МИНСК, 30 окт – РИА Новости. Минску интересен опыт.")).toEqual({ place: "МИНСК", agency: "РИА Новости", text: "МИНСК, 30 окт – РИА Новости. " });
  });

  it("recognises the publisher in a TASS dateline", () => {
    expect(readDateline("ХАНОЙ, 3 декабря. /ТАСС/. Москва и Ханой.")?.agency).toBe("ТАСС");
    expect(readDateline("НЬЮ-ЙОРК, 1 января 2025 /ТАСС/. Текст.")?.place).toBe("НЬЮ-ЙОРК");
  });

  it("recognises other agencies' datelines, and drops an author after the agency", () => {
    expect(readDateline("Москва. 5 марта. INTERFAX.RU - Мэр Москвы заявил.")?.agency).toBe("INTERFAX.RU");
    expect(readDateline("МОСКВА, 5 мар - РИА Новости, Иван Петров. Текст.")?.agency).toBe("РИА Новости");
    expect(readDateline("МИНСК – Sputnik. Текст.")?.agency).toBe("Sputnik");
  });

  it("does not take an ordinary first sentence for a dateline", () => {
    expect(readDateline("Москва и Минск подписали меморандум. Это важно.")).toBeUndefined();
    expect(readDateline("МЭШ внедрят в Минске. Это хорошо.")).toBeUndefined();
  });
});

describe("readDateline on hostile text", () => {
  it("answers at once for a chain of hyphenated capital groups (it used to backtrack exponentially: 25 groups took over 100 s)", () => {
    const chain = Array.from({ length: 60 }, (_, index) => `${"АБВГДЕЖЗ"[index % 8]}${"ИКЛМНОПР"[(index * 3) % 8]}`).join("-");
    // The old pattern would not return from this within the test run's lifetime.
    expect(readDateline(`${chain} ${"а".repeat(70)}.`)).toBeUndefined();
    expect(parseArticle(`${chain} ${"а".repeat(70)}.`).body).toContain(chain);
  });

  it("still finds a dateline with a hyphenated place, and one whose agency ends in a full stop at the window's edge", () => {
    expect(readDateline("АБУ-ДАБИ, 3 декабря. /ТАСС/. Текст.")?.place).toBe("АБУ-ДАБИ");
    expect(readDateline(`МИНСК – Sputnik. ${"слово ".repeat(60)}`)?.agency).toBe("Sputnik");
  });
});

describe("publishers", () => {
  it("knows publishers by any of their names and hosts", () => {
    expect(knownPublisher("РИА")?.slug).toBe("ria");
    expect(knownPublisher("ИТАР-ТАСС")?.name).toBe("ТАСС");
    expect(knownPublisher("INTERFAX.RU")?.name).toBe("Интерфакс");
    expect(knownPublisher("Москва 24")?.slug).toBe("m24");
    expect(knownPublisher("Sputnik")?.slug).toBe("sputnik");
    expect(knownPublisher("ria")?.name).toBe("РИА Новости");
    expect(knownPublisher("Вестник Урюпинска")).toBeUndefined();
  });

  it("reads the publisher and the date from an article's address", () => {
    expect(publisherFromUrl("https://ria.ru/20250918/memorandum-2042812690.html")?.name).toBe("РИА Новости");
    expect(publisherFromUrl("https://www.m24.ru/news/1")?.name).toBe("Москва 24");
    expect(dateFromUrl("https://ria.ru/20250918/memorandum-2042812690.html")).toBe("2025-09-18");
    expect(dateFromUrl("https://mockva.ru/2020/01/29/92646.html")).toBe("2020-01-29");
    expect(dateFromUrl("https://example.org/news/12345")).toBeUndefined();
  });
});

describe("cleanText", () => {
  it("folds a Latin look-alike letter typed into Russian, and leaves English alone", () => {
    expect(cleanText("C 2020 года объем растет, Ханоe и Siemens.")).toBe("С 2020 года объем растет, Ханое и Siemens.");
  });

  it("normalises line ends, no-break spaces and soft hyphens", () => {
    expect(cleanText("\uFEFFМос\u00ADква\u00A0и Минск\r\n")).toBe("Москва и Минск\n");
  });
});
