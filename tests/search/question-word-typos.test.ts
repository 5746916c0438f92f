import { describe, expect, it } from "vitest";
import { questionWordOf, respellQuestionWords } from "../../src/search/question-word-typos.js";

describe("a typo of a question or function word", () => {
  it("is that word when the dictionary lacks it and it is one edit from one stopword of five letters or more", () => {
    expect(questionWordOf("сколко")).toBe("сколько");
    expect(questionWordOf("кторым")).toBe("которым");
    expect(questionWordOf("пачему")).toBe("почему");
  });

  it("is not a real word, a short word, nor a word two edits away; a chat spelling is one of the stopwords", () => {
    expect(questionWordOf("сколько")).toBeUndefined();
    expect(questionWordOf("скольжение")).toBeUndefined();
    expect(questionWordOf("чего")).toBeUndefined();
    expect(questionWordOf("сколкао")).toBeUndefined();
    expect(questionWordOf("скоко")).toBe("скока");
    expect(questionWordOf("скалко")).toBeUndefined();
  });

  it("is respelt in the question, but not a capitalised word inside a sentence nor a word the cards have", () => {
    const none = (): boolean => false;
    expect(respellQuestionWords("на сколко лет программа москвы и ханоя?", none)).toBe("на сколько лет программа москвы и ханоя?");
    expect(respellQuestionWords("Сколко лет программе?", none)).toBe("Сколько лет программе?");
    expect(respellQuestionWords("мэр Сколко подписал?", none)).toBe("мэр Сколко подписал?");
    expect(respellQuestionWords("на сколко лет", (word) => word === "сколко")).toBe("на сколко лет");
  });
});
