import { describe, expect, it } from "vitest";
import { fillerReason, hasSpeech } from "../../src/ingest/filler.js";

describe("fillerReason", () => {
  it("drops greetings", () => {
    expect(fillerReason("Здравствуйте, дорогие друзья!")).toBe("ingest-dropped-greeting");
    expect(fillerReason("Уважаемые коллеги!")).toBe("ingest-dropped-greeting");
  });

  it("drops attributions alone", () => {
    expect(fillerReason("Об этом сообщает ТАСС.", { names: ["ТАСС"] })).toBeDefined();
    expect(fillerReason("Об этом сообщила пресс-служба мэра.")).toBeDefined();
    expect(fillerReason("Об этом сообщил мэр Москвы Сергей Собянин в своем телеграм-канале.", { names: ["Сергей Собянин"] })).toBeDefined();
  });

  it("drops 'he said' sentences without content", () => {
    expect(fillerReason("Об этом он сказал журналистам.")).toBe("ingest-dropped-attribution");
    expect(fillerReason("Так считает Комендант.", { names: ["Комендант"] })).toBeDefined();
  });

  it("drops questions and fragments", () => {
    expect(fillerReason("Что будет дальше?")).toBe("ingest-dropped-question");
    expect(fillerReason("Цифры колоссальные.")).toBe("ingest-dropped-short");
  });

  it("keeps an attribution that also says something", () => {
    expect(
      fillerReason("Об этом рассказал министр Сергей Черёмин, возглавляющий столичную делегацию на Днях Москвы во Вьетнаме.", { names: ["Сергей Черёмин"] }),
    ).toBeUndefined();
  });

  it("keeps ordinary fact sentences", () => {
    expect(fillerReason("Москва и Ханой договорились о сотрудничестве в сфере цифровизации.")).toBeUndefined();
    expect(fillerReason("По его словам, встречи показали востребованность обмена опытом.")).toBeUndefined();
  });
});

describe("hasSpeech", () => {
  it("sees verbs of saying and 'по его словам'", () => {
    expect(hasSpeech("Он отметил, что стороны договорились.")).toBe(true);
    expect(hasSpeech("По его словам, всё готово.")).toBe(true);
    expect(hasSpeech("Москва и Ханой договорились.")).toBe(false);
  });
});
