import { beforeAll, describe, expect, it } from "vitest";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import type { Snapshot } from "../../src/engine/types.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

let snapshot: Snapshot;
beforeAll(async () => {
  const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
  if (!loaded.ok) throw new Error("the project knowledge must load");
  snapshot = buildSnapshot(loaded.knowledge);
});

const partnersOfTop = (question: string): string[] => snapshot.answer(question).facts[0]?.card.partners ?? [];

describe("the answer engine", () => {
  it.each(["Ханой", "Ханоя", "Ханою", "Ханоем", "Ханое", "хонои", "Hanoi", "Ha Noi"])("finds Hanoi cards for %s", (form) => {
    const answer = snapshot.answer(form);
    expect(answer.answered).toBe(true);
    expect(answer.facts.length).toBeGreaterThan(3);
    expect(answer.facts.every((fact) => fact.card.partners?.includes("hanoi"))).toBe(true);
  });

  it.each(["Минск", "Минска", "Минском", "минкс", "Minsk"])("finds Minsk cards for %s", (form) => {
    expect(partnersOfTop(form)).toContain("minsk");
  });

  it.each(["Москва и Минск", "Москвы и Минска", "Москве с Минском", "Москвой и Минском"])("is not thrown off by Moscow's case forms: %s", (question) => {
    expect(partnersOfTop(question)).toContain("minsk");
  });

  it.each(["черемин", "Черёмин", "Cheremin"])("finds the head of the department for %s", (name) => {
    const answer = snapshot.answer(name);
    expect(answer.facts[0]?.card.people).toContain("Сергей Черёмин");
  });

  it("asks the kind of fact of the subject answered when the question names no partner: another partner's card of that kind does not do", () => {
    // Only the month of the Astana signing is known; the Tokyo memorandum of the same year has its day.
    expect(snapshot.answer("в какой день собянин и джаксыбеков подписали программу").answered).toBe(false);
    expect(snapshot.answer("когда собянин и джаксыбеков подписали программу").facts[0]?.card.id).toBe("astana-cooperation-program-2016-2018");
    // No card gives the Abu Dhabi programme's term; other programmes' years do not answer it.
    const first = snapshot.answer("uae capital and moscow signed something in dec 2021, what's it for");
    expect(snapshot.answer("how long does it run?", { previous: first.understood! }).answered).toBe(false);
  });

  it("covers «документ» by the card of a signed document, which names the programme instead", () => {
    const answer = snapshot.answer("вроде москва подписала документ с ханоем в начале декабря?");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.id).toBe("hanoi-cooperation-program-2026-2028");
  });

  it("takes the day asked only from the report of the occasion answered: the Days of Minsk a year later do not date the joint statement", () => {
    expect(snapshot.answer("on what exact date did Sobyanin sign the joint statement in Minsk?").answered).toBe(false);
    expect(snapshot.answer("when did the Days of Minsk in Moscow start, on what exact date?").facts[0]?.card.id).toBe("days-of-minsk-moscow-2025-dates");
  });

  it("refuses who else was there when no card says who was present, and answers it with one that does", () => {
    expect(snapshot.answer("кто ещё был с Собяниным в Минске в декабре 2024").answered).toBe(false);
    expect(snapshot.answer("who else was there when Sobyanin signed the joint statement in Minsk?").answered).toBe(false);
    expect(snapshot.answer("кто ещё был на встрече Собянина с мэром Шанхая").facts[0]?.card.id).toBe("shanghai-meeting-moscow-ministers");
    expect(snapshot.answer("who else was at the signing of the moscow istanbul protocol").facts[0]?.card.id).toBe("istanbul-protocol-attendees-imamoglu-buravov");
  });

  it("refuses where a document was signed when no card on the signing says where", () => {
    expect(snapshot.answer("где подписали меморандум москвы и берлина").answered).toBe(false);
    expect(snapshot.answer("where was the moscow abu dhabi programme signed, in moscow or in the emirates?").answered).toBe(false);
    expect(snapshot.answer("где подписали совместное заявление москвы и минска").facts[0]?.card.id).toBe("minsk-joint-statement-city-hall");
    // The programme «завершила встреча», which its report places at the Moscow Urban Forum.
    expect(snapshot.answer("где подписывали программу москвы и бишкека на 2018-2020 годы").answered).toBe(true);
  });

  it("refuses an event the cards never name: the Days of Hanoi in Moscow, the Days of Moscow in Manila", () => {
    expect(snapshot.answer("когда проходили дни ханоя в москве").answered).toBe(false);
    expect(snapshot.answer("when were the days of moscow in manila").answered).toBe(false);
    expect(snapshot.answer("когда проходили дни минска в москве").answered).toBe(true);
    expect(snapshot.answer("when were the days of moscow in vietnam").facts[0]?.card.id).toBe("days-of-moscow-vietnam-2025");
  });

  it("reads «в начале декабря» as December: the part of the month is no word the card must have", () => {
    const answer = snapshot.answer("что москва подписала с ханоем в начале декабря");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.id).toBe("hanoi-cooperation-program-2026-2028");
  });

  it("answers «во время Дней Минска» as «на Днях Минска»: «время» is part of the preposition", () => {
    const answer = snapshot.answer("что подписали с минском во время дней минска");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.partners).toContain("minsk");
  });

  it("answers a count, the holder of an office now and the latest signing where a card states them in another form", () => {
    // The span of dates counts the days; the list under «сферы» counts the areas.
    expect(snapshot.answer("сколько дней шли дни москвы во вьетнаме").facts[0]?.card.id).toBe("days-of-moscow-vietnam-2025");
    expect(snapshot.answer("сколько всего сфер в программе москвы и мехико").facts[0]?.card.id).toBe("mexico-city-program-areas");
    // Moscow's own office, given as of December 2025 by a Hanoi card; Kraków's mayor of years ago is not who holds it now.
    expect(snapshot.answer("кто сейчас глава ДВМС москвы").facts[0]?.card.id).toBe("cheremin-moscow-minister-head-dvms");
    expect(snapshot.answer("кто сейчас мэр кракова").answered).toBe(false);
    expect(snapshot.answer("москва минск что подписали в последний раз").facts[0]?.card.id).toBe("minsk-memorandum-sobyanin-kukharev-2025");
  });

  it("takes a year as the report's when the card does not repeat it", () => {
    // The Seoul mayor's interview is of 2017; its cards say «на момент интервью», not the year.
    const answer = snapshot.answer("how many years have seoul and moscow been sister cities? the korean mayor said something in 2017");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.id).toBe("seoul-twin-cities-26-years");
    expect(snapshot.answer("how many years have seoul and moscow been sister cities according to the mayor in 2009").answered).toBe(false);
  });

  it("asks an attribute of the subject answered: another partner's card naming a party does not say Ibraimov's", () => {
    expect(snapshot.answer("ибраимов от какой партии был").answered).toBe(false);
    expect(snapshot.answer("что сказал ибраимов про москву").answered).toBe(true);
    // A card naming someone else's party or presidency does not say Sobyanin's or Sheinbaum's.
    expect(snapshot.answer("в какой партии состоит собянин").answered).toBe(false);
    expect(snapshot.answer("Did Claudia Sheinbaum become president of Mexico after the talks with Moscow?").answered).toBe(false);
  });

  it("does not answer where an event was held with a plan for it, and answers it with the event", () => {
    expect(snapshot.answer("Где проходили Дни Любляны в Москве в 2020 году?").answered).toBe(false);
    expect(snapshot.answer("когда прошли Дни Москвы во Вьетнаме").facts.map((fact) => fact.card.id)).toContain("days-of-moscow-vietnam-2025");
  });

  it("puts the card of the year asked before one of another year that shares the other words", () => {
    expect(snapshot.answer("what did sobianin and the bishkek mayor sign at MUF 2017?").facts[0]?.card.id).toBe("bishkek-cooperation-program-2018-2020");
  });

  it("answers who was at a signing with the card whose readers ask who was there", () => {
    expect(snapshot.answer("who was at the signing of the moscow istanbul protocol").facts[0]?.card.id).toBe("istanbul-protocol-attendees-imamoglu-buravov");
  });

  it("answers what was agreed with the card that says what was agreed, not the one on the talks", () => {
    expect(snapshot.answer("собянин с мэром шанхая о чем договорились").facts[0]?.card.id).toBe("shanghai-cooperation-areas");
    // …asked with a typo in the question word, or with other words between.
    expect(snapshot.answer("о чём дговорились сабянин и мэр шанхая").facts[0]?.card.id).toBe("shanghai-cooperation-areas");
    expect(snapshot.answer("в чём москва и шанхай решили вместе работать").facts[0]?.card.id).toBe("shanghai-cooperation-areas");
  });

  it("answers which agreement a programme carries out with the card that says it, not the programme's", () => {
    expect(snapshot.answer("какое соглашение должна была выполнять программа Москвы и Астаны?").facts[0]?.card.id).toBe("astana-program-implements-2000-agreement");
  });

  it("answers who told of a signing with the press service that did, not the signatories", () => {
    const first = snapshot.answer("в каком году Москва и Бавария подписали заявление о сотрудничестве?");
    expect(snapshot.answer("а кто об этом сообщил?", { previous: first.understood! }).facts[0]?.card.id).toBe("bavaria-statement-press-service");
    expect(snapshot.answer("who told interfax about the nice memorandum").facts[0]?.card.id).toBe("nice-memorandum-of-understanding-2016");
  });

  it("ranks the cards of the one partner a question names through its people before other partners'", () => {
    expect(snapshot.answer("moscow and the greeks signed some cooperation thing in 2021 — for which years?").facts[0]?.card.partners).toContain("athens");
  });

  it("expands synonyms: МЭШ finds the card about the Moscow Electronic School", () => {
    expect(snapshot.answer("МЭШ").facts[0]?.card.id).toBe("moscow-mesh-minsk-education");
  });

  it("finds a hyphenated word by its part", () => {
    expect(snapshot.answer("расчетная платформа").facts[0]?.card.text).toMatch(/торгово-расч[её]тн/);
  });

  it("matches the unfinished last word of an inline query as a prefix", () => {
    expect(snapshot.answer("меморандум Минск Москва цифров").facts[0]?.card.partners).toContain("minsk");
    expect(snapshot.answer("Ташк").facts[0]?.card.partners).toContain("tashkent");
  });

  it("answers an English question in English with the same citations", () => {
    const answer = snapshot.answer("Who signed the memorandum with Minsk?");
    expect(answer.lang).toBe("en");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.source.publisher).toBeTruthy();
  });

  it("answers a Russian question in Russian", () => {
    expect(snapshot.answer("Что подписали Москва и Ханой?").lang).toBe("ru");
  });

  it.each([
    "Какая погода в Минске?",
    "Кто выиграл Евровидение?",
    "Сколько стоит проезд в метро?",
    "Москва и Осло: соглашение",
    "Соглашение Санкт-Петербурга и Шанхая",
    "Paris Berlin partnership",
    "рецепт борща",
    "",
    "???",
    "и или но",
  ])("does not answer what the knowledge does not cover: %s", (question) => {
    const answer = snapshot.answer(question);
    expect(answer.answered).toBe(false);
    expect(answer.facts).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it("suggests only questions the knowledge answers, the named partner first", () => {
    const answer = snapshot.answer("погода в Минске");
    expect(answer.suggestions[0]).toMatch(/Минск/);
    for (const suggestion of answer.suggestions) expect(snapshot.answer(suggestion).answered).toBe(true);
    for (const lang of ["ru", "en"] as const) for (const example of snapshot.examples(lang)) expect(snapshot.answer(example).answered).toBe(true);
  });

  it("marks what answers the question for bold: the topic words matched, never the partner or Moscow", () => {
    const bold = (question: string, index = 0) => {
      const fact = snapshot.answer(question).facts[index]!;
      return fact.emphasis.map(({ start, end }) => fact.card.text.slice(start, end));
    };
    const topic = bold("меморандум Москвы и Минска");
    expect(topic.some((word) => /меморандум/i.test(word))).toBe(true);
    expect(topic.filter((word) => /минск|москв/i.test(word))).toEqual([]);
    expect(bold("Кто подписал меморандум с Минском?").join(" ")).toMatch(/Собянин|Кухарев/);
    expect(bold("Москва и Минск")).toEqual([]);
  });

  it("respects the fact limit", () => {
    expect(snapshot.answer("Ханой", { limit: 2 }).facts).toHaveLength(2);
  });
});
