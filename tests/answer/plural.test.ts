import { describe, expect, it } from "vitest";
import { countOf, russianForm } from "../../src/answer/plural.js";

const FACT = { one: "факт", few: "факта", many: "фактов" };
const PARTNER = { one: "партнёр", few: "партнёра", many: "партнёров" };

describe("plurals", () => {
  it.each([
    [0, "фактов"],
    [1, "факт"],
    [2, "факта"],
    [4, "факта"],
    [5, "фактов"],
    [11, "фактов"],
    [12, "фактов"],
    [14, "фактов"],
    [21, "факт"],
    [22, "факта"],
    [94, "факта"],
    [100, "фактов"],
    [101, "факт"],
    [111, "фактов"],
    [112, "фактов"],
    [1021, "факт"],
  ])("Russian: %i %s", (count, form) => {
    expect(russianForm(count, FACT)).toBe(form);
  });

  it("writes the count with its noun in either language", () => {
    const partners = { ru: PARTNER, en: { one: "partner", other: "partners" } };
    const facts = { ru: FACT, en: { one: "fact", other: "facts" } };
    expect(countOf(44, partners, "ru")).toBe("44 партнёра");
    expect(countOf(1, partners, "ru")).toBe("1 партнёр");
    expect(countOf(1, partners, "en")).toBe("1 partner");
    expect(countOf(0, facts, "en")).toBe("0 facts");
    expect(countOf(2, facts, "en")).toBe("2 facts");
  });
});
