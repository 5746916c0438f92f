import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { MAX_QUESTIONS } from "../../src/knowledge/schema.js";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { card, knowledgeFolder, sourceFile, validFolder } from "./fixtures.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const SOURCE = "sources/tass-2025-12-03-moscow-hanoi.json";

async function load(facts: unknown[]) {
  const folder = await knowledgeFolder(validFolder({ [SOURCE]: sourceFile("tass-2025-12-03-moscow-hanoi", facts) }));
  cleanups.push(folder.cleanup);
  return loadKnowledge(folder.dir);
}

describe("a card's questions (version 2)", () => {
  it("are loaded, and refused when there are too many or one is too long", async () => {
    expect((await load([card("a", { questions: ["что подарили мэру ханоя"] })])).ok).toBe(true);
    const tooMany = await load([card("a", { questions: Array.from({ length: MAX_QUESTIONS + 1 }, (_, i) => `вопрос ${i}`) })]);
    expect(tooMany.ok ? [] : tooMany.problems.map((problem) => problem.path)).toEqual(["facts[0].questions"]);
    const tooLong = await load([card("a", { questions: ["в".repeat(201)] })]);
    expect(tooLong.ok ? [] : tooLong.problems.map((problem) => problem.path)).toEqual(["facts[0].questions[0]"]);
    expect(tooMany.ok ? [] : tooMany.problems.map((problem) => problem.text)).toEqual([{ key: "knowledge-too-many-questions", vars: { max: MAX_QUESTIONS } }]);
    expect(tooLong.ok ? [] : tooLong.problems.map((problem) => problem.text)).toEqual([{ key: "knowledge-too-long", vars: { max: 200 } }]);
  });

  it("find the card by the reader's words, which its text does not use, and are never shown", () => {
    const source = { id: "s", title: "Заголовок", publisher: "ТАСС", published: "2025-12-03", language: "ru" };
    const gift = "В завершение визита Собянин преподнёс мэру Ханоя старинную карту города, напечатанную в Москве в девятнадцатом веке.";
    const knowledge = (questions?: string[]): KnowledgeBase => ({
      partners: [{ id: "hanoi", name: "Ханой", name_en: "Hanoi", country: "Вьетнам" }],
      synonyms: [],
      sources: [source],
      cards: [
        { card: { id: "visit", text: "Собянин встретился с мэром Ханоя.", text_en: "Sobyanin met the mayor of Hanoi.", partners: ["hanoi"] }, source },
        { card: { id: "gift", text: gift, partners: ["hanoi"], ...(questions ? { questions } : {}) }, source },
      ],
    });
    const question = "что собянин подарил мэру ханоя";
    expect(buildSnapshot(knowledge()).answer(question).facts[0]?.card.id).toBe("visit");
    const shown = buildSnapshot(knowledge(["какой подарок получил мэр ханоя"])).answer(question).facts[0]!;
    expect(shown.card.id).toBe("gift");
    expect(shown.card.text).toBe(gift);
    expect(JSON.stringify(shown.emphasis)).not.toContain("подар");
  });
});
