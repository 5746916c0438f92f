import { describe, expect, it } from "vitest";
import { parseKnowledge } from "../../src/knowledge/parse.js";
import { readTextDates } from "../../src/knowledge/text-dates.js";
import { translator } from "../../src/i18n/i18n.js";
import { formatProblem } from "../../src/knowledge/types.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { knowledgeWarnings } from "../../src/engine/knowledge-warnings.js";
import type { WarningKind } from "../../src/engine/knowledge-warnings.js";
import { card, partners, sourceFile } from "./fixtures.js";

// Partners whose names are also ordinary words: «Большой» of Большой Париж, "Nice".
const PARTNERS = [
  ...partners,
  { id: "grand-paris", name: "Метрополия Большого Парижа", name_en: "Métropole du Grand Paris", country: "Франция", aliases: ["Большой Париж", "Grand Paris"] },
  { id: "nice", name: "Ницца", name_en: "Nice", country: "Франция" },
];
const URL = { url: "https://example.org/news" };

/** A knowledge base of the given source files (each with a url unless it says otherwise). */
function knowledgeOf(...sources: Array<Record<string, unknown>>): KnowledgeBase {
  const texts = new Map<string, string>([["partners.json", JSON.stringify(PARTNERS)]]);
  for (const file of sources) texts.set(`sources/${(file.source as { id: string }).id}.json`, JSON.stringify(file));
  const result = parseKnowledge({ texts, problems: [] });
  if (!result.ok) throw new Error(result.problems.map((problem) => formatProblem(problem, english)).join("\n"));
  return result.knowledge;
}

const source = (id: string, facts: unknown[], extra: Record<string, unknown> = URL) => sourceFile(id, facts, extra);

const english = translator("en");

/** The warnings of one kind as `npm run validate` prints them, or in the language of `t` as /reload shows them. */
function warningsOf(kind: WarningKind, ...sources: Array<Record<string, unknown>>): string[] {
  return warningsIn(english, kind, ...sources);
}

function warningsIn(t: ReturnType<typeof translator>, kind: WarningKind, ...sources: Array<Record<string, unknown>>): string[] {
  return knowledgeWarnings(knowledgeOf(...sources))
    .filter((warning) => warning.kind === kind)
    .map((warning) => formatProblem(warning, t));
}

describe("knowledgeWarnings", () => {
  it("finds nothing in a complete, consistent knowledge base", () => {
    expect(knowledgeWarnings(knowledgeOf(source("a", [card("a1"), card("a2", { date: "2025-12-03" })])))).toEqual([]);
  });

  it("keeps the shape of a problem: file, JSON path, keyed text", () => {
    const [warning] = knowledgeWarnings(knowledgeOf(source("a", [card("a1"), card("a2", { text_en: undefined })])));
    expect(warning).toEqual({ kind: "no-english", file: "sources/a.json", path: "facts[1]", text: { key: "knowledge-warning-no-english", vars: {} } });
    expect(formatProblem(warning!, english)).toContain("add an English rendering");
    expect(formatProblem(warning!, translator("ru"))).toBe("sources/a.json: facts[1]: нет text_en: на вопросы по-английски эта карточка отвечает по-русски; добавьте английский текст");
  });

  it("says each kind in Russian too, with the same file, path and values", () => {
    const ru = translator("ru");
    const unlisted = source("a", [card("a1", { text: "Ханой и Москва договорились провести форум в Минске." })]);
    expect(warningsIn(ru, "unlisted-partner", unlisted)).toEqual(['sources/a.json: facts[0].partners: текст называет Минск, но в partners нет "minsk": добавьте его или перепишите текст, если карточка не о нём']);
    const dated = source("a", [card("a1", { date: "2024", text: "В 2023 году Москва и Ханой подписали меморандум.", text_en: "Moscow and Hanoi." })]);
    expect(warningsIn(ru, "date-mismatch", dated)).toEqual(["sources/a.json: facts[0].date: дата «2024», а в text — 2023 год: исправьте то, что неверно"]);
    expect(warningsIn(ru, "no-url", source("a", [card("a1")], {}))).toEqual(["sources/a.json: source: нет url: читатель не сможет проверить источник; добавьте адрес опубликованного текста"]);
  });

  describe("a partner the text names that partners does not list", () => {
    it("is found in any case form, in text or text_en, and names what to add", () => {
      const warnings = warningsOf(
        "unlisted-partner",
        source("a", [
          card("a1", { text: "Ханой и Москва договорились провести форум в Минске." }),
          card("a2", { text: "Москва и Ханой подписали меморандум.", text_en: "Moscow, Hanoi and Minsk signed a memorandum." }),
          card("a3", { text: "Минск и Москва провели форум.", partners: ["minsk"], text_en: "Minsk and Moscow held a forum with Ha Noi." }),
        ]),
      );
      expect(warnings).toEqual([
        'sources/a.json: facts[0].partners: the text names Минск, but partners does not list "minsk": add it, or reword the text if the card is not about it',
        expect.stringMatching(/^sources\/a\.json: facts\[1\]\.partners: the text names Минск/),
        expect.stringMatching(/^sources\/a\.json: facts\[2\]\.partners: the text names Ханой, but partners does not list "hanoi"/),
      ]);
    });

    it("is not a common word that is part of a longer name, a lower-case word, or a region named after a city", () => {
      const warnings = warningsOf(
        "unlisted-partner",
        source("a", [
          card("a1", { text: "Ханой проявил большой интерес к опыту Москвы.", text_en: "Hanoi showed great interest in a nice gift from Moscow." }),
          card("a2", { text: "Ханой принял делегацию из Минской области.", text_en: "Hanoi hosted a delegation from the Minsk region." }),
          card("a3", { text: "Большой Париж и Ханой обменялись опытом.", partners: ["hanoi", "grand-paris"], text_en: "Grand Paris and Hanoi shared experience." }),
        ]),
      );
      expect(warnings).toEqual([]);
    });

    it("is a name of several words when it is written whole", () => {
      const warnings = warningsOf("unlisted-partner", source("a", [card("a1", { text_en: "Hanoi and Grand Paris shared experience." })]));
      expect(warnings).toEqual([expect.stringContaining('the text names Метрополия Большого Парижа, but partners does not list "grand-paris"')]);
    });
  });

  it("points at a card without text_en", () => {
    expect(warningsOf("no-english", source("a", [card("a1"), card("a2", { text_en: undefined })]))).toEqual([
      "sources/a.json: facts[1]: no text_en: English questions get this card in Russian; add an English rendering of the text",
    ]);
  });

  it("points at a source without url, once per source", () => {
    expect(warningsOf("no-url", source("a", [card("a1"), card("a2")], {}), source("b", [card("b1")]))).toEqual([
      "sources/a.json: source: no url: readers cannot check the source; add the address of the published text",
    ]);
  });

  describe("a date the card's own text contradicts", () => {
    const dated = (date: string, text: string, text_en = "Moscow and Hanoi.") => warningsOf("date-mismatch", source("a", [card("a1", { date, text, text_en })]));

    it("is the text's only year, when it is not the date's", () => {
      expect(dated("2024", "В 2023 году Москва и Ханой подписали меморандум.")).toEqual([
        'sources/a.json: facts[0].date: "2024" but text says 2023: correct whichever is wrong',
      ]);
      expect(dated("2023-05", "Москва и Ханой.", "In May 2022 Moscow and Hanoi signed a memorandum.")).toEqual([
        'sources/a.json: facts[0].date: "2023-05" but text_en says 2022: correct whichever is wrong',
      ]);
      expect(dated("2023", "В 2023 году Москва и Ханой подписали меморандум.")).toEqual([]);
    });

    it("is the text's only day, when the date is a different day", () => {
      expect(dated("2025-11-29", "30 ноября 2025 года Москва и Ханой открыли Дни Москвы.")).toEqual([
        'sources/a.json: facts[0].date: "2025-11-29" but text says 2025-11-30: correct whichever is wrong',
      ]);
      expect(dated("2025-12-01", "Москва и Ханой.", "On Monday, November 30, 2025, Moscow and Hanoi opened the Days of Moscow.")).toEqual([
        expect.stringContaining('"2025-12-01" but text_en says 2025-11-30'),
      ]);
    });

    it("is silent on ranges, second years, documents' years, deadlines and relative dates", () => {
      const silent: Array<[string, string]> = [
        ["2017", "Москва и Ханой подписали программу на 2018–2020 годы."],
        ["2024", "Стороны обсуждали пересмотр соглашения, заключённого в 2001 году."],
        ["2024", "Встреча, на которой обсуждали соглашение 2001 года, прошла в Ханое."],
        ["2016-10-31", "Москва и Ханой заключили соглашение, которое действует до 2019 года."],
        ["2024", "Годом ранее, в 2023 году, Москва и Ханой подписали меморандум."],
        ["2015-10-22", "Ханой и Москва дополнили соглашение от 20 июня 2000 года."],
        ["2025-11-30", "Дни Москвы в Ханое прошли с 30 ноября по 3 декабря 2025 года."],
        ["2019-12-02", "Со 2 по 5 декабря 2019 года делегация Ханоя была в Москве."],
        ["2025-11", "30 ноября 2025 года Москва и Ханой открыли Дни Москвы."],
      ];
      for (const [date, text] of silent) expect(dated(date, text), text).toEqual([]);
      expect(dated("2018-10-18", "Ханой.", "From 18 to 22 October 2018 Hanoi hosted the Days of Moscow.")).toEqual([]);
      expect(dated("2001", "Ханой.", "The sides discussed an agreement concluded in 2001.")).toEqual([]);
      expect(dated("2024", "Ханой.", "The sides discussed an agreement concluded in 2001.")).toEqual([]);
    });
  });

  describe("near-duplicate cards", () => {
    const text = "Москва и Ханой подписали программу сотрудничества в области образования, культуры и туризма на три года.";
    const nearly = "Москва и Ханой подписали программу сотрудничества в области образования, культуры и туризма на три ближайших года.";

    it("are two cards of different sources with the same partners and nearly the same words; the later one is pointed at", () => {
      const warnings = warningsOf("near-duplicate", source("a", [card("a1", { text }), card("a2")]), source("b", [card("b1"), card("b2", { text: nearly })]));
      expect(warnings).toEqual([expect.stringMatching(/^sources\/b\.json: facts\[1\]: reads like "a1" \(sources\/a\.json: facts\[0\]\), \d+% of word stems shared: if both state one fact, keep/)]);
    });

    it("are not cards of one source, cards about different partners, or cards that share fewer words", () => {
      expect(warningsOf("near-duplicate", source("a", [card("a1", { text }), card("a2", { text: nearly })]))).toEqual([]);
      expect(warningsOf("near-duplicate", source("a", [card("a1", { text })]), source("b", [card("b1", { text: nearly, partners: ["hanoi", "minsk"] })]))).toEqual([]);
      const different = "Москва и Ханой подписали меморандум о сотрудничестве в области транспорта и цифровых технологий.";
      expect(warningsOf("near-duplicate", source("a", [card("a1", { text })]), source("b", [card("b1", { text: different })]))).toEqual([]);
    });
  });
});

describe("readTextDates", () => {
  it("reads years, the fact's own years and days with their ranges", () => {
    expect(readTextDates("С 28 октября по 1 ноября 2024 года в Москве прошла программа на 2024–2027 годы.")).toEqual({
      years: [2024, 2027],
      ownYears: [2024],
      days: [["2024-10-28", "2024-11-01"]],
      relative: false,
    });
    expect(readTextDates("Between 2 and 5 December 2019 a delegation visited Moscow, a year after the 2018 forum.")).toEqual({
      years: [2019, 2018],
      ownYears: [2019],
      days: [["2019-12-02", "2019-12-05"]],
      relative: true,
    });
    expect(readTextDates("Москвичи и ханойцы поддерживают контакты с 1970-х годов.").years).toEqual([]);
  });
});
