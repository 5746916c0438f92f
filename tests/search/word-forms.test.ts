import { beforeAll, describe, expect, it } from "vitest";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import type { Snapshot } from "../../src/engine/types.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { buildAnalyzer, conceptPartners, indexStem } from "../../src/search/analyzer.js";
import { englishWordClass, isEnglishInflected, morphologyOf } from "../../src/search/morphology.js";

let snapshot: Snapshot;
beforeAll(async () => {
  const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
  if (!loaded.ok) throw new Error("the project knowledge must load");
  snapshot = buildSnapshot(loaded.knowledge);
});

describe("word forms", () => {
  it("stems every form of a word alike through its dictionary form", () => {
    expect(indexStem("вьетнаме")).toBe(indexStem("вьетнам"));
    expect(indexStem("опыт")).toBe(indexStem("опыта"));
    expect(indexStem("побратимами")).toBe(indexStem("побратимы"));
  });

  it("meets a surname in every case form, which Snowball cuts apart (Кухарев «кухар», Кухаревым «кухарев»)", () => {
    const analyzer = buildAnalyzer([], []);
    const shared = (a: string, b: string): string[] => analyzer.indexTerms(a).filter((term) => analyzer.indexTerms(b).includes(term) && !term.startsWith("^"));
    expect(shared("Кухарев", "с Кухаревым")).not.toEqual([]);
    expect(shared("Лебедев", "Лебедева")).not.toEqual([]);
  });

  it("reads pronouns that inflect as adjectives, and the side a question points at, as phrasing («с той стороны», 'for the Thai side')", () => {
    for (const word of ["той", "своих", "нашей", "стороны", "стороне"]) expect(morphologyOf(word)?.wordClass).toBe("phrasing");
    expect(morphologyOf("органом")?.wordClass).toBe("content");
    expect(englishWordClass("side")).toBe("phrasing");
  });

  it("keeps a word's class when a synonym group takes it in («подписала» is phrasing, with «sign» or without)", () => {
    const classOf = (synonyms: string[][]): string | undefined => buildAnalyzer([], synonyms).analyzeQuestion("подписала")[0]?.wordClass;
    expect(classOf([])).toBe("phrasing");
    expect(classOf([["подписать", "sign"]])).toBe("phrasing");
  });

  it("meets a short name (Рим) in its case forms where the dictionary says so, and nothing else by its letters", () => {
    const analyzer = buildAnalyzer([{ id: "rome", name: "Рим", country: "Италия" }], []);
    const terms = (word: string): string[] => analyzer.indexTerms(word);
    for (const form of ["Рима", "Римом", "Риме"]) expect(terms(form)).toContain("@rome");
    for (const other of ["Римма", "ритм", "римлянин"]) expect(terms(other)).not.toContain("@rome");
  });

  it("meets a partner by a distinctive word of its long name, never by a word saying what kind of place it is", () => {
    const analyzer = buildAnalyzer([{ id: "vientiane", name: "Вьентьян", name_en: "Vientiane", country: "Лаос", aliases: ["Vientiane Capital", "Столичная префектура Вьентьян"] }], []);
    const terms = (word: string): string[] => analyzer.indexTerms(word);
    expect(terms("Vientiane")).toContain("@vientiane");
    for (const generic of ["capital", "столичная", "префектура"]) expect(terms(generic)).not.toContain("@vientiane");
  });

  it("names a partner written as a part of a hyphenated word ('moscow-havana', «Москва-Ханой»)", () => {
    const analyzer = buildAnalyzer([{ id: "havana", name: "Гавана", name_en: "Havana", country: "Куба" }, { id: "hanoi", name: "Ханой", name_en: "Hanoi", country: "Вьетнам" }], []);
    const partners = (question: string): string[] => analyzer.analyzeQuestion(question).flatMap((concept) => conceptPartners(concept));
    expect(partners("how long is the moscow-havana memorandum valid")).toContain("havana");
    expect(partners("программа Москва-Ханой")).toContain("hanoi");
  });

  it("names a partner by a form the dictionary gives the name, though it reads the name alone as another word («Манилой», «веной»)", () => {
    const analyzer = buildAnalyzer([{ id: "manila", name: "Манила", name_en: "Manila", country: "Филиппины" }, { id: "vienna", name: "Вена", name_en: "Vienna", country: "Австрия" }], []);
    const partners = (question: string): string[] => analyzer.analyzeQuestion(question).flatMap((concept) => conceptPartners(concept));
    expect(partners("что москва подписала с манилой")).toEqual(["manila"]);
    expect(partners("какие приоритеты у москвы с веной")).toEqual(["vienna"]);
  });

  it("drops chat filler: «чё-то», «кто-нибудь», \"lately\", \"smth\"", () => {
    const analyzer = buildAnalyzer([], []);
    const words = (question: string): string[] => analyzer.analyzeQuestion(question).flatMap((concept) => concept.words);
    expect(words("москва с манилой чё-то подписывали?")).toEqual(["москва", "манилой", "подписывали"]);
    expect(words("кто-нибудь из москвы приезжал")).toEqual(["москвы", "приезжал"]);
    expect(words("did moscow sign smth with tehran lately")).toEqual(["moscow", "sign", "tehran"]);
  });

  it("answers an English question whose verb the knowledge lacks", () => {
    const answer = snapshot.answer("who inked the memorandum with havana");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.partners).toContain("havana");
  });

  it("refuses an English question naming, in lower case, someone or somewhere the knowledge lacks", () => {
    expect(snapshot.answer("did boris johnson sign anything with sobyanin").answered).toBe(false);
    expect(snapshot.answer("moscow porto alegre cooperation programme areas").answered).toBe(false);
    // "anne" is near a word the cards use; with "hidalgo", which no card has, it is still a name.
    expect(snapshot.answer("what did anne hidalgo say about moscow grand paris cooperation").answered).toBe(false);
    expect(snapshot.answer("did sobyanin sign anything in istanbul").answered).toBe(true);
  });

  it("refuses a Russian question naming, in lower case, someone the knowledge lacks by a surname's ending, and still answers a misspelt known one", () => {
    expect(snapshot.answer("встречался ли ликсутов с делегацией бангкока по транспорту").answered).toBe(false);
    expect(snapshot.answer("кличко что нибудь заявлял о разрыве побратимства киева с москвой").answered).toBe(false);
    // In any case: «с ликсутовым», «жапаровым».
    expect(snapshot.answer("что собянин подписал с садыром жапаровым у киргизов").answered).toBe(false);
    expect(snapshot.answer("где сабянин с мэром бишкека ибраимовым виделся в 2017").answered).toBe(true);
    expect(snapshot.answer("what did luzhkov say about the partnership with rome back in 1996?").answered).toBe(false);
  });

  it("refuses a near miss naming, in lower case, a place or a person by hyphenated or unknown words, and still answers a misspelt known one", () => {
    // A place the dictionary spells with its hyphen, in any case; in English by its parts.
    expect(snapshot.answer("собянин встречался с мэром нью-йорка?").answered).toBe(false);
    expect(snapshot.answer("did sobyanin meet the mayor of new-york").answered).toBe(false);
    // A hyphenated given name, two Cyrillic words the dictionary lacks, an unknown word after an office.
    expect(snapshot.answer("has oh se-hoon visited moscow as seoul mayor").answered).toBe(false);
    expect(snapshot.answer("гергей карачонь будапешт соглашение с москвой").answered).toBe(false);
    expect(snapshot.answer("встречался ли мэр вегнер с собяниным").answered).toBe(false);
    expect(snapshot.answer("gergely karacsony budapest moscow agreement what was his position").answered).toBe(false);
    // Known partners and people, hyphenated or misspelt, are answered.
    expect(snapshot.answer("москва и сан-паулу соглашение").answered).toBe(true);
    expect(snapshot.answer("пак вон-сун приезжал в москву").answered).toBe(true);
    expect(snapshot.answer("мэр собянен подписал с минском").answered).toBe(true);
  });

  it("puts the card giving a programme's span of years first when the years are asked", () => {
    expect(snapshot.answer("Moscow Bishkek 2024 agreement which years does it cover").facts[0]?.card.id).toBe("bishkek-2024-document-is-program");
  });

  it("answers a question with an adjective the cards never use", () => {
    const answer = snapshot.answer("зачем абхазам понадобилось отдельное соглашение с москвой");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.partners).toContain("sukhum");
  });

  it("tells phrasing from what a question is about", () => {
    expect(morphologyOf("перенять")?.wordClass).toBe("phrasing");
    expect(morphologyOf("прошли")?.wordClass).toBe("phrasing");
    // The common misspelling of a reflexive verb is still the verb; another unknown word is not.
    expect(morphologyOf("собираеться")?.wordClass).toBe("phrasing");
    expect(morphologyOf("хоноиться")).toBeUndefined();
    expect(morphologyOf("вьетнаме")?.wordClass).toBe("name");
    expect(morphologyOf("товарооборот")?.wordClass).toBe("content");
    expect(morphologyOf("отдельное")?.wordClass).toBe("quality");
    expect(morphologyOf("хонои")).toBeUndefined();
    // English: irregular past forms phrase a question; a regular "-ed" word may be its topic.
    expect(englishWordClass("met")).toBe("phrasing");
    expect(englishWordClass("supposed")).toBe("phrasing");
    expect(englishWordClass("signed")).toBeUndefined();
    // …unless the knowledge lacks it: then it only phrases the question ("who inked the memo").
    expect(isEnglishInflected("inked")).toBe(true);
    expect(isEnglishInflected("memo")).toBe(false);
    // Common verbs in any form; a noun is not one.
    expect(isEnglishInflected("drop")).toBe(true);
    expect(isEnglishInflected("quits")).toBe(true);
    expect(isEnglishInflected("studies")).toBe(true);
    expect(isEnglishInflected("festival")).toBe(false);
    // «лет» is «год» (на сколько лет → на три года), not the rare «лёт» the counts put a hair ahead.
    expect(morphologyOf("лет")?.lemma).toBe("год");
  });

  it.each([
    ["Когда прошли Дни Москвы во Вьетнаме?", "hanoi"],
    ["вьетнамцы и Москва", "hanoi"],
    ["Что Москва подписала с Минском?", "minsk"],
    ["минчане и Москва товарооборот", "minsk"],
    ["РБ и Москва товарооборот", "minsk"],
    // РК is Kazakhstan or Korea: the question's other words choose.
    ["РК москва программа 2016-2018 айти есть там?", "astana"],
    ["дни минска в мск когда были", "minsk"],
    ["что москва подписала с манилой", "manila"],
    ["что Москва подписала с японцами", "tokyo"],
    ["москва и бангкок пабратимы?", "bangkok"],
    ["что ханойских коллег интересует в Москве", "hanoi"],
    ["что говорил сеульский мэр о Москве", "seoul"],
    ["Moscow Hanoi programme signed Dec 2025", "hanoi"],
    ["када прошли дни москвы во вьетнаме", "hanoi"],
  ])("leads a country, its people, an abbreviation or a typo to the partner: %s", (question, partner) => {
    const answer = snapshot.answer(question);
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.partners).toContain(partner);
  });

  it("never turns a name the knowledge lacks into a known word by a typo match", () => {
    expect(snapshot.answer("Lisbon and Moscow partnership").answered).toBe(false);
    expect(snapshot.answer("Москва и Осло соглашение").answered).toBe(false);
    expect(snapshot.answer("побратимы Казани").answered).toBe(false);
  });

  it("names a partner inside a phrase of a synonym group, and keeps the phrase whole ('kiev city council', «Дни Любляны»)", () => {
    const analyzer = buildAnalyzer(
      [
        { id: "kyiv", name: "Киев", name_en: "Kyiv", country: "Украина", aliases: ["Kiev"] },
        { id: "ljubljana", name: "Любляна", name_en: "Ljubljana", country: "Словения" },
      ],
      [["Киевсовет", "Kiev City Council"], ["Дни Любляны", "Ljubljana Days"]],
    );
    const partners = (question: string): string[] => analyzer.analyzeQuestion(question).flatMap((concept) => conceptPartners(concept));
    expect(partners("why did kiev city council end the agreements")).toEqual(["kyiv"]);
    expect(partners("когда были дни любляны в москве")).toEqual(["ljubljana"]);
    // The phrase itself is still one concept that only the phrase (or its synonyms) covers.
    const phrase = analyzer.analyzeQuestion("когда были дни любляны в москве").find((concept) => concept.words.length > 1)!;
    expect(phrase.alternatives.flatMap((alternative) => alternative.terms).some((term) => term.startsWith("@"))).toBe(false);
    expect(snapshot.answer("why did kiev city council tear up all its agreements with moscow back in 2016").facts[0]?.card.partners).toContain("kyiv");
  });

  it("takes a typo to keep its first letter: 'bold' is not 'hold' or 'old', «мемарандум» is «меморандум»", () => {
    expect(snapshot.answer("bold").answered).toBe(false);
    expect(snapshot.answer("*bold*").answered).toBe(false);
    expect(snapshot.answer("москва минск мемарандум").answered).toBe(true);
  });
});
