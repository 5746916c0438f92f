import { describe, expect, it } from "vitest";
import { buildPartnerMatcher, suggestPartners } from "../../src/ingest/partners.js";
import { MOSCOW, PARTNERS } from "./fixtures/partners.js";

const matcher = buildPartnerMatcher([...PARTNERS, MOSCOW]);

/** Every form must be found, whole, as the given partner. */
function expectAllForms(forms: string[], id: string): void {
  for (const form of forms) {
    const text = `Делегация обсудила это: ${form} готов.`;
    const mentions = matcher.find(text);
    expect(mentions.map((mention) => [text.slice(mention.start, mention.end), mention.id]), form).toEqual([[form, id]]);
  }
}

describe("partner detection in every case form", () => {
  it("finds Ханой, though Snowball stems it two ways (хан / хано)", () => {
    expectAllForms(["Ханой", "Ханоя", "Ханою", "Ханоем", "Ханое", "ханойские"], "hanoi");
  });

  it("finds Минск and its adjective", () => {
    expectAllForms(["Минск", "Минска", "Минску", "Минском", "Минске", "Минского"], "minsk");
  });

  it("finds Москва when it is a partner", () => {
    expectAllForms(["Москва", "Москвы", "Москве", "Москву", "Москвой"], "moscow");
  });

  it("finds Ташкент", () => {
    expectAllForms(["Ташкент", "Ташкента", "Ташкенту", "Ташкентом", "Ташкенте"], "tashkent");
  });

  it("finds the indeclinable Абу-Даби, with or without its hyphen", () => {
    expectAllForms(["Абу-Даби", "Абу Даби"], "abu-dhabi");
  });

  it("finds Бавария", () => {
    expectAllForms(["Бавария", "Баварии", "Баварию", "Баварией"], "bavaria");
  });

  it("finds aliases and English names, accents and look-alike letters folded", () => {
    expect(matcher.ids("Ha Noi, Hà Nội, Hanoi, Bayern")).toEqual(["hanoi", "bavaria"]);
    expect(matcher.ids("Ханоe (с латинской e)")).toEqual(["hanoi"]);
  });

  it("does not take a word that merely shares a short stem for a partner", () => {
    expect(matcher.ids("Великий хан и минус, абак, москит")).toEqual([]);
  });

  it("lists ids in order of first mention, once each", () => {
    expect(matcher.ids("Минск и Ханой; Ханой и Минск")).toEqual(["minsk", "hanoi"]);
  });
});

describe("suggestPartners", () => {
  const known = buildPartnerMatcher(PARTNERS);

  it("suggests unknown capitalised places near cooperation words, shortest form first", () => {
    const sentences = ["Москва подписала меморандум о сотрудничестве с Шанхаем и Казанью.", "Сотрудничество с Шанхай расширится."];
    expect(suggestPartners(sentences, known)).toEqual(["Шанхай", "Казанью"]);
  });

  it("does not suggest known partners, Moscow, Russia, countries given, adjectives or official names", () => {
    const sentences = [
      "Москва и Ханой договорились о сотрудничестве с Народным комитетом, сообщило правительство России.",
      "Меморандум подписан на Днях Москвы во Вьетнаме.",
    ];
    expect(suggestPartners(sentences, known, { ignore: ["Вьетнам"] })).toEqual([]);
  });

  it("does not suggest names far from a cooperation word, or a sentence's first word alone", () => {
    expect(suggestPartners(["Казань — красивый город на Волге, где мы были летом много раз и где очень много интересного и сотрудничество."], known)).toEqual([]);
    expect(suggestPartners(["Стороны обсудили сотрудничество."], known)).toEqual([]);
  });

  it("leaves out the names it is told to ignore, such as people", () => {
    expect(suggestPartners(["Сотрудничество отметил Комендант."], known, { ignore: ["Александр", "Комендант"] })).toEqual([]);
  });
});
