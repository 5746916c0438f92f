import { describe, expect, it } from "vitest";
import { exactDates } from "../../src/ingest/dates.js";

const PUBLISHED = "2025-12-03";

describe("exactDates", () => {
  it("gives the start of a range across months, in the article's year", () => {
    expect(exactDates("на проходящих с 30 ноября по 3 декабря Днях Москвы", PUBLISHED)).toEqual(["2025-11-30"]);
  });

  it("gives nothing for a month alone or a year alone", () => {
    expect(exactDates("В сентябре подписан меморандум", PUBLISHED)).toEqual([]);
    expect(exactDates("С 2020 года объем торговли растет", PUBLISHED)).toEqual([]);
    expect(exactDates("в сентябре 2025 года", PUBLISHED)).toEqual([]);
  });

  it("reads a day with its month and year", () => {
    expect(exactDates("Меморандум подписали 18 сентября 2025 года.", PUBLISHED)).toEqual(["2025-09-18"]);
  });

  it("reads a range within one month, with the year written once at its end", () => {
    expect(exactDates("Дни Минска прошли с 18 по 21 сентября 2025 года", PUBLISHED)).toEqual(["2025-09-18"]);
    expect(exactDates("18–21 сентября", PUBLISHED)).toEqual(["2025-09-18"]);
    expect(exactDates("с 30 декабря по 3 января 2026 года", PUBLISHED)).toEqual(["2025-12-30"]);
  });

  it("reads a day without a year in the publication's year, and month abbreviations", () => {
    expect(exactDates("3 декабря", PUBLISHED)).toEqual(["2025-12-03"]);
    expect(exactDates("30 окт. 2024 года", PUBLISHED)).toEqual(["2024-10-30"]);
  });

  it("reads numeric dates and yesterday", () => {
    expect(exactDates("18.09.2025 и 2025-09-20", PUBLISHED)).toEqual(["2025-09-18", "2025-09-20"]);
    expect(exactDates("Вчера мэр встретился с делегацией", PUBLISHED)).toEqual(["2025-12-02"]);
  });

  it("refuses days that do not exist and numbers that are not days", () => {
    expect(exactDates("31 ноября", PUBLISHED)).toEqual([]);
    expect(exactDates("3 тысячи камер и 25 школ", PUBLISHED)).toEqual([]);
  });
});
