import { describe, expect, it } from "vitest";
import { TOPIC_VOCABULARY, findTopics } from "../../src/ingest/topics.js";

describe("findTopics", () => {
  it("finds topics by word families, in vocabulary order", () => {
    expect(findTopics("Москва и Минск подписали меморандум о цифровизации школ и больниц.")).toEqual(["соглашения", "цифровизация", "образование", "здравоохранение"]);
  });

  it("matches phrases and hyphenated words", () => {
    expect(findTopics("контроль за жилищно-коммунальной сферой")).toEqual(["ЖКХ"]);
    expect(findTopics("в области высоких технологий")).toEqual(["технологии"]);
  });

  it("matches short keys only as whole words", () => {
    expect(findTopics("Дни Москвы в Ханое")).toEqual(["мероприятия"]);
    expect(findTopics("Днепр")).toEqual([]);
  });

  it("has the sixteen topics of the vocabulary", () => {
    expect(TOPIC_VOCABULARY.map(({ topic }) => topic)).toEqual([
      "соглашения", "цифровизация", "образование", "здравоохранение", "транспорт", "градостроительство", "безопасность", "туризм",
      "торговля", "промышленность", "культура", "экономика", "мероприятия", "социальная сфера", "ЖКХ", "технологии",
    ]);
  });
});
