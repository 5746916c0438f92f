import { describe, expect, it } from "vitest";
import { quotePieces, quotedSpeech } from "../../src/ingest/quotes.js";

describe("quotedSpeech", () => {
  it("reads a quote followed by its attribution", () => {
    expect(quotedSpeech('"Мы подписали программу", - рассказал министр.')).toEqual({
      quote: "Мы подписали программу",
      open: '"',
      close: '"',
      attribution: "рассказал министр.",
      form: "after",
      dash: "-",
    });
  });

  it("reads an attribution followed by a quote", () => {
    expect(quotedSpeech("Собянин отметил: «Мы начнём. Потом продолжим».")).toMatchObject({ quote: "Мы начнём. Потом продолжим", attribution: "Собянин отметил", form: "before" });
  });

  it("is undefined for a sentence that only contains a quoted name", () => {
    expect(quotedSpeech("В Москве работает «Московская электронная школа».")).toBeUndefined();
    expect(quotedSpeech("«Ласточка» ходит по МЦК.")).toBeUndefined();
  });
});

describe("quotePieces", () => {
  it("gives each sentence of a long quote its own attribution; the last keeps all of it", () => {
    const speech = quotedSpeech('"Мы подписали программу. Ханой интересует цифровой двойник", - рассказал министр, выразив уверенность, что программа важна.')!;
    expect(quotePieces(speech)).toEqual([
      '"Мы подписали программу", - рассказал министр.',
      '"Ханой интересует цифровой двойник", - рассказал министр, выразив уверенность, что программа важна.',
    ]);
  });

  it("keeps a question or exclamation mark inside the quote without a comma", () => {
    const speech = quotedSpeech("«Это успех! Мы продолжим работу.» — сказал мэр.")!;
    expect(quotePieces(speech)).toEqual(["«Это успех!» — сказал мэр.", "«Мы продолжим работу», — сказал мэр."]);
  });

  it("repeats the introduction for each sentence of a quote that follows a colon", () => {
    const speech = quotedSpeech("Собянин отметил: «Мы начнём. Потом продолжим».")!;
    expect(quotePieces(speech)).toEqual(["Собянин отметил: «Мы начнём».", "Собянин отметил: «Потом продолжим»."]);
  });
});
