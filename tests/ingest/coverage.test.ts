import { describe, expect, it } from "vitest";
import { keyTerms, matchCards } from "../../src/ingest/coverage.js";

describe("matchCards", () => {
  it("pairs a reviewed card with the draft card that shares its distinctive terms, not the names every card has", () => {
    const drafts = [
      { id: "d-1", text: "Москва и Ханой договорились о сотрудничестве." },
      { id: "d-3", text: "В Ханое прошёл форум, Москва прислала делегацию." },
      { id: "d-2", text: "Стороны договорились обмениваться опытом в области градостроительства." },
    ];
    const [match] = matchCards([{ id: "r-1", text: "Москва и Ханой будут делиться опытом в градостроительстве." }], drafts);
    expect(match?.best?.id).toBe("d-2");
    expect(match?.shared.sort()).toEqual(["градостроительств", "опыт"]);
    expect(match?.overlap).toBeCloseTo(2 / keyTerms("Москва и Ханой будут делиться опытом в градостроительстве.").size);
  });

  it("reports no match when nothing is shared", () => {
    expect(matchCards([{ id: "r", text: "Шанхай" }], [{ id: "d", text: "Минск" }])[0]).toMatchObject({ shared: [], overlap: 0 });
  });
});
