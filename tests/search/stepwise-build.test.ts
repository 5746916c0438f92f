import { describe, expect, it } from "vitest";
import { buildSearchIndex, buildSearchIndexInSteps } from "../../src/search/search-index.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";

const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "ru" };
const words = ["метро", "театр", "парк", "школа", "больница", "мост", "выставка", "форум", "фестиваль", "транспорт"];
const knowledge: KnowledgeBase = {
  partners: [{ id: "hanoi", name: "Ханой", country: "Вьетнам" }],
  synonyms: [],
  sources: [source],
  cards: Array.from({ length: 1200 }, (_, i) => ({
    card: { id: `c${i}`, text: `Москва и Ханой: ${words[i % 10]} номер ${i}, ${words[(i * 7) % 10]}.`, partners: ["hanoi"] },
    source,
  })),
};

describe("building the index in steps", () => {
  it("lets other work run while it builds, and ranks exactly like the one-go build", async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const stepwise = await buildSearchIndexInSteps(knowledge);
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(3);
    const whole = buildSearchIndex(knowledge);
    for (const question of ["Ханой метро", "мост 17", "фестиваль", "погода"]) {
      expect(stepwise.search(question, 10).hits).toEqual(whole.search(question, 10).hits);
    }
  });
});
