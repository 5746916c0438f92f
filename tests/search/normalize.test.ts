import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indexStem } from "../../src/search/analyzer.js";
import { americanSpelling, isStopword, normalizeWord, stemWord, tokenize, withFullYears, withoutCompoundPrepositions, withoutLatest, withoutPartOfPeriod } from "../../src/search/normalize.js";

describe("normalisation", () => {
  it("stems British and American spellings alike", () => {
    const pairs = [["centres", "centers"], ["programme", "program"], ["organisation", "organization"], ["colour", "color"], ["defence", "defense"], ["travelled", "traveled"], ["catalogue", "catalog"], ["theatre", "theater"], ["centred", "centered"], ["analysed", "analyzed"]];
    for (const [british, american] of pairs) expect(stemWord(british!), british).toBe(stemWord(american!));
    // Words with one spelling keep it: "four" and "contour" are not "-our" words like "colour".
    for (const word of ["four", "tour", "contour", "science", "experience", "raise", "genre", "massacre"]) expect(americanSpelling(word)).toBe(word);
  });

  it("lower-cases and folds ё into е", () => {
    expect(tokenize("ЧЕРЁМИН Черёмин")).toEqual(["черемин", "черемин"]);
  });

  it("keeps й while dropping stress marks and Latin accents", () => {
    expect(normalizeWord("Ха́ной")).toBe("ханой");
    expect(tokenize("Hà Nội")).toEqual(["ha", "noi"]);
  });

  it("folds a Latin look-alike letter inside a Cyrillic word", () => {
    expect(normalizeWord("Ханoй")).toBe("ханой");
    expect(normalizeWord("Мoсквa")).toBe("москва");
  });

  it("finds a hyphenated word whole and by its parts", () => {
    expect(tokenize("торгово-расчетная платформа")).toEqual(["торгово", "расчетная", "торговорасчетная", "платформа"]);
  });

  it("treats a dash between words as a separator, not a hyphen", () => {
    expect(tokenize("Москва–Минск")).toEqual(["москва", "минск"]);
  });

  it("removes zero-width characters that would split a word", () => {
    expect(tokenize("Мин\u200Bск")).toEqual(["минск"]);
  });

  it("keeps digits as tokens", () => {
    expect(tokenize("в 2025 году")).toEqual(["в", "2025", "году"]);
  });

  it("drops Russian and English question words and filler", () => {
    for (const word of ["что", "какой", "кто", "когда", "где", "ли", "расскажите", "what", "who", "when", "the"]) expect(isStopword(word)).toBe(true);
    for (const word of ["москва", "меморандум", "три", "minsk", "memorandum"]) expect(isStopword(word)).toBe(false);
    // Snowball's whole English list, and the halves of contractions split at the apostrophe.
    for (const word of ["too", "only", "here", "other", "very", "doesn", "didn", "kind"]) expect(isStopword(word)).toBe(true);
  });

  it.each([
    ["сотрудничество", "сотрудничества", "сотрудничеству", "сотрудничеством", "сотрудничестве"],
    ["меморандум", "меморандума", "меморандуму", "меморандумом", "меморандуме"],
    ["программа", "программы", "программе", "программу", "программой"],
    ["платформа", "платформы", "платформе", "платформу", "платформой"],
    ["москва", "москвы", "москве", "москву", "москвой"],
    ["минск", "минска", "минску", "минском", "минске"],
    ["ханой", "ханоя", "ханою", "ханоем", "ханое"],
    ["ташкент", "ташкента", "ташкенте", "ташкентом"],
    ["cooperation", "cooperations"],
    ["memorandum", "memorandums"],
    ["signed", "signing", "signs"],
  ])("brings the case forms of %s to one index term", (...forms) => {
    expect(new Set(forms.map(indexStem)).size).toBe(1);
  });

  // Snowball English turns a final y into i (days → dai), so Latin words are checked on their first letters.
  it("stems every word of the knowledge cards to a non-empty prefix of the word", () => {
    const dir = new URL("../../knowledge/sources/", import.meta.url);
    const words = new Set<string>();
    for (const file of readdirSync(dir)) {
      const { facts } = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as { facts: Array<{ text: string; text_en?: string }> };
      for (const fact of facts) for (const token of tokenize(`${fact.text} ${fact.text_en ?? ""}`)) if (/^\p{L}+$/u.test(token)) words.add(token);
    }
    expect(words.size).toBeGreaterThan(500);
    const bad = [...words].filter((word) => {
      const stem = stemWord(word);
      const checked = /\p{Script=Cyrillic}/u.test(word) ? stem : stem.slice(0, 2);
      return stem.length === 0 || !word.startsWith(checked);
    });
    expect(bad).toEqual([]);
  });
});

describe("a year written with two digits", () => {
  it.each([
    ["с никарагуанцами москва что подписала в 22 году", "с никарагуанцами москва что подписала в 2022 году"],
    ["на урбанфоруме в 17м", "на урбанфоруме в 2017"],
    ["в 18-м", "в 2018"],
    ["с 97 года дружат", "с 1997 года дружат"],
    ["back in '97", "back in 1997"],
  ])("is read with its century: %s", (question, read) => {
    expect(withFullYears(question)).toBe(read);
  });

  it.each(["уже 22 года", "на 22 года", "12 городов", "за 5 лет", "в 2022 году"])("is not any other number: %s", (question) => {
    expect(withFullYears(question)).toBe(question);
  });
});

describe("a part of a month or a year", () => {
  it.each([
    ["чё мск подписала с ханоем в начале декабря", "чё мск подписала с ханоем декабря"],
    ["в самом конце 2024 года", "2024 года"],
    ["signed in early 2020", "signed 2020"],
    ["at the end of March", "at March"],
    ["mid-2019", "2019"],
  ])("is read as the month or the year: %s", (question, read) => {
    expect(withoutPartOfPeriod(question)).toBe(read);
  });

  it.each(["в начале пути", "в конце концов", "the end of the partnership", "early days"])("stays when no month or year follows: %s", (question) => {
    expect(withoutPartOfPeriod(question)).toBe(question);
  });
});

describe("a preposition written with a noun", () => {
  it("is no word of the question: «во время», «в течение», «в ходе»", () => {
    expect(withoutCompoundPrepositions("что подписали с минском во время дней минска").split(/\s+/)).toEqual(["что", "подписали", "с", "минском", "дней", "минска"]);
    expect(withoutCompoundPrepositions("В ходе визита")).toBe("  визита");
    expect(withoutCompoundPrepositions("какое время работы")).toBe("какое время работы");
  });
});

describe("asking for the latest", () => {
  it("is no word of the question: «в последний раз», 'last time', 'most recently'", () => {
    expect(withoutLatest("москва минск что подписали в последний раз").trim()).toBe("москва минск что подписали");
    expect(withoutLatest("when was the last time Moscow signed with Minsk").split(/\s+/)).toEqual(["when", "was", "Moscow", "signed", "with", "Minsk"]);
    // A period stays: the year list reads it.
    expect(withoutLatest("что подписали за последние пару лет")).toBe("что подписали за последние пару лет");
    expect(withoutLatest("what was signed last year")).toBe("what was signed last year");
  });
});
