import { describe, expect, it } from "vitest";
import { generateKnowledge } from "../../bench/lib/synthetic.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { parseKnowledge } from "../../src/knowledge/parse.js";
import { knowledgeWarnings } from "../../src/engine/knowledge-warnings.js";

/**
 * The near-duplicate check compares cards pairwise only where a prefix filter lets it; this runs
 * it on the perf bench's synthetic knowledge (5,000 cards, 50 partners, so about a hundred cards
 * per partner) with one duplicate planted in another source. No timing is asserted: that is the
 * bench's business; this proves the check finishes and still finds what it must.
 */
describe("knowledgeWarnings at 5,000 cards", () => {
  it("finds a near-duplicate planted among thousands of cards about the same partners", async () => {
    const real = await loadKnowledge("knowledge");
    if (!real.ok) throw new Error("the shipped knowledge must load");
    const generated = parseKnowledge(generateKnowledge(real.knowledge, { cards: 5_000, seed: 7 }).files);
    if (!generated.ok) throw new Error("the synthetic knowledge must load");
    const { knowledge } = generated;
    expect(knowledge.cards).toHaveLength(5_000);

    const original = knowledge.cards[1_234]!;
    const elsewhere = knowledge.sources.find((source) => source.id !== original.source.id)!;
    const copy = { ...original.card, id: "planted-copy", text: `${original.card.text} Об этом сообщили в пятницу.` };
    const planted = { ...knowledge, cards: [...knowledge.cards, { card: copy, source: elsewhere }] };

    const warnings = knowledgeWarnings(planted);
    const duplicates = warnings.filter((warning) => warning.kind === "near-duplicate");
    expect(duplicates).toContainEqual({
      kind: "near-duplicate",
      file: `sources/${elsewhere.id}.json`,
      path: `facts[${knowledge.cards.filter(({ source }) => source.id === elsewhere.id).length}]`,
      text: { key: "knowledge-warning-near-duplicate", vars: { id: original.card.id, place: expect.stringContaining(`sources/${original.source.id}.json: facts[`), percent: expect.any(Number) } },
    });
  });
});
