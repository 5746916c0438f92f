import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { createAnswerCache } from "../../src/bot/answer-cache.js";
import type { Snapshot } from "../../src/engine/types.js";

/** A snapshot that counts the questions it really answers. */
function countingSnapshot(): Snapshot & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    knowledge: { partners: [], synonyms: [], sources: [], cards: [] },
    loadedAt: new Date(0),
    version: 1,
    examples: () => [],
    answer: (question, options) => {
      asked.push(`${options?.lang} ${question}`);
      return { question, lang: options?.lang ?? "ru", answered: false, facts: [], suggestions: [] } satisfies Answer;
    },
  };
}

describe("the bot's answer cache", () => {
  it("answers a question asked again from memory, per language", () => {
    const cache = createAnswerCache(10);
    const snapshot = countingSnapshot();
    const first = cache(snapshot, "Ханой", "ru");
    expect(cache(snapshot, "Ханой", "ru")).toBe(first);
    cache(snapshot, "Ханой", "en");
    expect(snapshot.asked).toEqual(["ru Ханой", "en Ханой"]);
  });

  it("asks a new snapshot afresh: a reload is never answered from the old knowledge", () => {
    const cache = createAnswerCache(10);
    const before = countingSnapshot();
    const after = countingSnapshot();
    cache(before, "Минск", "ru");
    cache(after, "Минск", "ru");
    expect(after.asked).toEqual(["ru Минск"]);
  });

  it("forgets the least recently asked question first", () => {
    const cache = createAnswerCache(2);
    const snapshot = countingSnapshot();
    cache(snapshot, "a", "ru");
    cache(snapshot, "b", "ru");
    cache(snapshot, "a", "ru");
    cache(snapshot, "c", "ru");
    cache(snapshot, "a", "ru");
    cache(snapshot, "b", "ru");
    expect(snapshot.asked).toEqual(["ru a", "ru b", "ru c", "ru b"]);
  });

  it("does not keep long questions", () => {
    const cache = createAnswerCache(10);
    const snapshot = countingSnapshot();
    const long = "вопрос ".repeat(100);
    cache(snapshot, long, "ru");
    cache(snapshot, long, "ru");
    expect(snapshot.asked).toHaveLength(2);
  });
});
