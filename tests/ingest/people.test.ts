import { describe, expect, it } from "vitest";
import { findPeople, nominativeSurname, peopleNames } from "../../src/ingest/people.js";

describe("findPeople", () => {
  it("finds Name Surname in the nominative", () => {
    expect(peopleNames("Об этом рассказал министр Сергей Черёмин.")).toEqual(["Сергей Черёмин"]);
  });

  it("brings oblique cases back to the nominative where the pattern is plain", () => {
    expect(peopleNames("Встреча Сергея Собянина и Михаила Вишневского с Анной Ивановой и Павлом Петровым.")).toEqual([
      "Сергей Собянин",
      "Михаил Вишневский",
      "Анна Иванова",
      "Павел Петров",
    ]);
  });

  it("reads Александра as a man's genitive when the surname can only be a man's", () => {
    expect(peopleNames("по словам Александра Коменданта")).toEqual(["Александр Комендант"]);
    expect(peopleNames("Александра Иванова выступила")).toEqual(["Александра Иванова"]);
  });

  it("drops a patronymic", () => {
    expect(peopleNames("Сергей Семёнович Собянин подписал указ.")).toEqual(["Сергей Собянин"]);
  });

  it("keeps initial and surname as written, or resolves them to a known person", () => {
    expect(peopleNames("Слово взял А. Комендант.", [])).toEqual(["А. Комендант"]);
    expect(peopleNames("Слово взял А.Г. Лукашенко.", [])).toEqual(["А.Г. Лукашенко"]);
    expect(peopleNames("Слово взял А. Комендант.", ["Александр Комендант"])).toEqual(["Александр Комендант"]);
  });

  it("resolves a surname alone, in any case, to a known person", () => {
    const known = ["Сергей Черёмин", "Сергей Собянин"];
    expect(peopleNames("по словам Черёмина; Собянин отметил; с Собяниным", known)).toEqual(["Сергей Черёмин", "Сергей Собянин"]);
  });

  it("does not take two capitalised words for a person without a known first name", () => {
    expect(findPeople("на Днях Москвы с Народным комитетом Ханоя", [])).toEqual([]);
  });

  it("gives positions, so a caller can tell where each name is", () => {
    const [mention] = findPeople("Сказал Сергей Черёмин.", []);
    expect(mention).toEqual({ name: "Сергей Черёмин", start: 7, end: 21 });
  });
});

describe("nominativeSurname", () => {
  it("restores common surname shapes", () => {
    expect(nominativeSurname("Черёмина", "male")).toBe("Черёмин");
    expect(nominativeSurname("Вишневскому", "male")).toBe("Вишневский");
    expect(nominativeSurname("Коменданту", "male")).toBe("Комендант");
    expect(nominativeSurname("Ивановой", "female")).toBe("Иванова");
    expect(nominativeSurname("Лукашенко", "male")).toBe("Лукашенко");
  });
});
