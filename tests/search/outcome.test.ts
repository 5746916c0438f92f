import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { asksOutcome, statesPlan } from "../../src/search/outcome.js";
import { buildSearchIndex } from "../../src/search/search-index.js";

describe("a question whether something came about", () => {
  it.each(["передала ли Москва в итоге технику Кишинёву", "прошли ли Дни Любляны в Москве в 2020", "did the Days of Vienna actually take place in 2020?", "was the programme really signed in the end", "сколько лаосских студентов уже учатся по стипендиям", "how many lao students actually got the scholarships", "когда в итоге прошли дни москвы в афинах", "when did the prague city assembly finally approve resuming the partnership", "и как, провели их в итоге в июне?", "Где проходили Дни Любляны в Москве в 2020 году?", "in which hall the days of rome took place", "so did they actually sign the revised agreement in the end?", "did the prague city assembly end up approving it", "какие выставки уже провели по соглашению"])("is one: %s", (question) => {
    expect(asksOutcome(question)).toBe(true);
  });

  it.each(["What town was actually granted to the Huguenots?", "Как в итоге назвали форт?", "what did Moscow give Chisinau", "сколько лет Москва и Сеул побратимы", "how many scholarships were offered", "что в итоге подписали с Вьентьяном", "прага до сих пор партнёр москвы?"])("is not: %s", (question) => {
    expect(asksOutcome(question)).toBe(false);
  });

  it("is not answered by a plan: a Russian verb in the future tense or a plan's words", () => {
    expect(statesPlan({ id: "c", text: "Москва в скором времени подарит Кишинёву технику." })).toBe(true);
    expect(statesPlan({ id: "c", text: "Подписать программу намечалось весной 2020 года." })).toBe(true);
    expect(statesPlan({ id: "c", text: "X", text_en: "Moscow would host the Days of Rome in 2015." })).toBe(true);
    expect(statesPlan({ id: "c", text: "Москва передала Кишинёву технику для уборки улиц." })).toBe(false);
  });

  it("is not answered by talks or a proposal about it, and is by an agreement", () => {
    expect(statesPlan({ id: "c", text: "Стороны обсудили, как в 2022 году провести Дни Москвы в Афинах." })).toBe(true);
    expect(statesPlan({ id: "c", text: "X", text_en: "It was suggested to grant Lao students five scholarships a year." })).toBe(true);
    expect(statesPlan({ id: "c", text: "Москва и Джакарта договорились о сотрудничестве на 2020–2022 годы." })).toBe(false);
    expect(statesPlan({ id: "c", text: "Москва и Кишинёв договорились активнее сотрудничать." })).toBe(false);
  });

  it("is not answered by an agreement to do it", () => {
    expect(statesPlan({ id: "c", text: "Москва и Кишинёв условились обновить соглашение о побратимстве." })).toBe(true);
  });
});

describe("the answered rule for whether something came about", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2020-01-16", language: "ru" as const };
  const knowledge = (gift: string): KnowledgeBase => ({
    partners: [
      { id: "chisinau", name: "Кишинёв", country: "Молдавия" },
      { id: "hanoi", name: "Ханой", country: "Вьетнам" },
    ],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "gift", text: gift, partners: ["chisinau"] }, source },
      { card: { id: "visit", text: "Мэр Кишинёва приезжал в Москву с рабочим визитом.", partners: ["chisinau"] }, source },
      { card: { id: "hanoi", text: "Москва и Ханой подписали программу сотрудничества.", partners: ["hanoi"] }, source },
      { card: { id: "forum", text: "В Ханое прошёл деловой форум.", partners: ["hanoi"] }, source },
    ],
  });

  it("refuses when the best card only says what was to happen, and answers when it says what did", () => {
    const question = "передала ли Москва в итоге Кишинёву уборочную технику";
    expect(buildSearchIndex(knowledge("Москва подарит Кишинёву уборочную технику.")).search(question).answered).toBe(false);
    expect(buildSearchIndex(knowledge("Москва передала Кишинёву уборочную технику.")).search(question).answered).toBe(true);
    expect(buildSearchIndex(knowledge("Москва подарит Кишинёву уборочную технику.")).search("что Москва подарит Кишинёву").answered).toBe(true);
  });
});
