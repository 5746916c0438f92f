import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/engine/language.js";
import { latinToCyrillic } from "../../src/engine/translit.js";

describe("the reply language", () => {
  it("Cyrillic is Russian whoever asks", () => {
    expect(detectLanguage("Когда Москва и Минск подписали соглашение?", "en")).toBe("ru");
    expect(detectLanguage("Меморандум Москвы и Tashkent city hall", "en")).toBe("ru");
  });

  it("Russian typed in Latin letters is Russian, whoever asks", () => {
    for (const question of ["kogda podpisali soglashenie s minskom", "moskva i tashkent", "chto Moskva podpisala s Khanoem?", "partnery moskvy v azii", "dni Moskvy v Tashkente", "privet"]) {
      expect(detectLanguage(question, "ru"), question).toBe("ru");
      expect(detectLanguage(question, "en"), question).toBe("ru");
    }
  });

  it("a genuine English question is English, whoever asks, Russian names in it or not", () => {
    for (const question of ["When did Moscow and Minsk sign the agreement?", "What did Moscow sign with Hanoi?", "sister cities of Moscow", "how many agreements with Tashkent", "Belarusian goods fair Tverskaya Square", "Sobyanin visit to Tashkent", "Cheremin Manila key gift"]) {
      expect(detectLanguage(question, "ru"), question).toBe("en");
      expect(detectLanguage(question, "en"), question).toBe("en");
    }
  });

  it("words that tell nothing, and text without letters, take the user's language; without one, Latin is English", () => {
    expect(detectLanguage("Minsk", "ru")).toBe("ru");
    expect(detectLanguage("Minsk", "en")).toBe("en");
    expect(detectLanguage("Minsk")).toBe("en");
    expect(detectLanguage("2025 ?", "en")).toBe("en");
    expect(detectLanguage("2025 ?", "ru")).toBe("ru");
    expect(detectLanguage("2025")).toBe("ru");
  });
});

describe("transliterated Russian back to Cyrillic", () => {
  it("reads the common informal spellings", () => {
    expect(latinToCyrillic("kogda podpisali soglashenie s minskom")).toBe("когда подписали соглашение с минском");
    expect(latinToCyrillic("moskva i tashkent")).toBe("москва и ташкент");
    expect(latinToCyrillic("Sotrudnichestvo s Khanoem?")).toBe("сотрудничество с ханоем?");
    expect(latinToCyrillic("eto moskovskiy i novyy, shchedryy Yerevan")).toBe("это московский и новый, щедрый ереван");
    expect(latinToCyrillic("novye pobratimy Moskvy 2025")).toBe("новые побратимы москвы 2025");
  });
});
