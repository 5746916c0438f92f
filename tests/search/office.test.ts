import { beforeAll, describe, expect, it } from "vitest";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import type { Snapshot } from "../../src/engine/types.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { FactCard } from "../../src/knowledge/types.js";
import { answerTypeOf, namedPeople } from "../../src/search/answer-type.js";
import { officeAsked, statesOffice } from "../../src/search/office.js";

describe("a question for the holder of an office", () => {
  it.each([
    ["кто мэр Ханоя?", ["head"], false],
    ["как зовут губернатора Джакарты", ["head"], false],
    ["кто сейчас мэр Москвы", ["head"], true],
    ["кто московский мэр", ["head"], true],
    ["Who is the mayor of Manila?", ["head"], false],
    ["what's the name of the Jordanian ambassador", ["envoy"], false],
    ["кто глава ДВМС", ["head"], false],
    ["кто председатель комитета", ["chair"], false],
    ["кто во главе Минска", ["head"], false],
  ])("%s", (question, offices, ofMoscow) => {
    expect(officeAsked(question)).toMatchObject({ offices, ofMoscow });
    expect(answerTypeOf(question)).toBe("office");
  });

  it.each(["кто подписал программу с Ханоем", "who headed the Moscow delegation", "кто был в мэрии Манилы", "мэр Манилы подписал программу", "кто был во главе делегации в Ташкенте"])("is not: %s", (question) => {
    expect(officeAsked(question)).toBeUndefined();
    expect(answerTypeOf(question)).not.toBe("office");
  });
});

describe("a card that names an office's holder", () => {
  const card = (text: string, people?: string[]): FactCard => ({ id: "c", text, ...(people ? { people } : {}) });
  const states = (question: string, fact: FactCard): boolean => statesOffice(fact, officeAsked(question)!, namedPeople(fact));

  it("names the holder after the office, a few words on, or before it", () => {
    expect(states("кто мэр Любляны", card("Мэр Любляны Зоран Янкович подписал программу.", ["Зоран Янкович"]))).toBe(true);
    expect(states("кто мэр Манилы", card("Программу подписал мэр Манилы Франсиско «Иско Морено» Домагосо.", ["Франсиско Домагосо"]))).toBe(true);
    expect(states("кто президент Метрополии", card("Патрик Олье, президент Метрополии Большого Парижа, подписал программу.", ["Патрик Олье"]))).toBe(true);
    expect(states("who was the russian ambassador", card("Черёмин встретился с Людмилой Воробьёвой, которая была российским послом.", ["Людмила Воробьёва"]))).toBe(true);
    expect(states("кто мэр Ханоя", card("Сергей Собянин и мэр Ханоя подписали программу.", ["Сергей Собянин"]))).toBe(false);
  });

  it("is not a card that names Moscow's office-holder, unless Moscow's is asked", () => {
    const moscow = card("Мэр Москвы Сергей Собянин провёл переговоры в Ханое.", ["Сергей Собянин"]);
    expect(states("кто мэр Ханоя", moscow)).toBe(false);
    expect(states("кто мэр Москвы", moscow)).toBe(true);
  });

  it("is not a card that names someone, but not in that office", () => {
    expect(states("кто мэр Ханоя", card("Сергей Черёмин рассказал о переговорах в Ханое.", ["Сергей Черёмин"]))).toBe(false);
    expect(states("кто посол Иордании", card("Мэр Аммана Юсеф аш-Шавареб принял делегацию.", ["Юсеф аш-Шавареб"]))).toBe(false);
    expect(states("кто председатель палаты", card("Черёмин встретился с Татьяной Сутарой, заместителем председателя палаты.", ["Татьяна Сутара"]))).toBe(false);
  });

  it("reads a card whose editor listed nobody by its capitalised words", () => {
    expect(states("who was the mayor of the city", card("The mayor, John Smith, opened the bridge."))).toBe(true);
    expect(states("who was the mayor of the city", card("The mayor opened the bridge."))).toBe(false);
  });
});

describe("office questions on the shipped knowledge", () => {
  let snapshot: Snapshot;
  beforeAll(async () => {
    const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
    if (!loaded.ok) throw new Error("the project knowledge must load");
    snapshot = buildSnapshot(loaded.knowledge);
  });

  it("answers with the card that names the holder", () => {
    const answer = snapshot.answer("кто мэр Любляны?");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.text).toMatch(/мэр Любляны Зоран Янкович/u);
  });

  it("refuses when no card names that partner's holder of the office, though cards name others", () => {
    const answer = snapshot.answer("как зовут мэра Кракова?");
    expect(answer.answered).toBe(false);
    expect(snapshot.answer("Краков и Москва партнёрство").answered).toBe(true);
  });

  it("refuses who held the office after the holder the question names, when the cards name only that one", () => {
    expect(snapshot.answer("Кто стал губернатором Токио после Юрико Коикэ?").answered).toBe(false);
    expect(snapshot.answer("кто губернатор Токио?").answered).toBe(true);
  });
});
