import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../src/bot/csv.js";
import { moscowDate, moscowTime } from "../../src/bot/moscow-time.js";

describe("toCsv", () => {
  it("quotes what RFC 4180 requires, doubles quotes, separates records with CRLF, and starts with a BOM", () => {
    expect(toCsv([["question", "count"], ['Минск, "Беларусь"', 3], ["two\nlines", 1]])).toBe('\uFEFFquestion,count\r\n"Минск, ""Беларусь""",3\r\n"two\nlines",1\r\n');
  });

  it.each([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+7 495", "'+7 495"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["погода = хорошая", "погода = хорошая"],
  ])("keeps a spreadsheet from running %j as a formula", (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe("Moscow time", () => {
  it("shows a UTC time as Moscow's wall clock (UTC+3), the date turning over at 21:00 UTC", () => {
    expect(moscowTime("2025-03-01T12:00:00.000Z")).toBe("2025-03-01 15:00");
    expect(moscowTime(new Date("2025-12-31T21:30:00Z"))).toBe("2026-01-01 00:30");
    expect(moscowDate("2025-12-31T21:30:00Z")).toBe("2026-01-01");
  });
});
