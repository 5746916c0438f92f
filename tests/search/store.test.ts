import { describe, expect, it } from "vitest";
import { openKnowledgeStore } from "../../src/engine/store.js";
import type { KnowledgeBase, LoadResult } from "../../src/knowledge/types.js";
import { knowledgeText } from "../../src/knowledge/texts.js";

const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "ru" };
const partners = [{ id: "hanoi", name: "Ханой", country: "Вьетнам" }];
const base = (texts: Record<string, string>): KnowledgeBase => ({
  partners,
  synonyms: [],
  sources: [source],
  cards: Object.entries(texts).map(([id, text]) => ({ card: { id, text, partners: ["hanoi"] }, source })),
});

function scriptedLoader(results: Array<LoadResult | Promise<LoadResult>>) {
  let call = 0;
  return () => Promise.resolve(results[Math.min(call++, results.length - 1)]!);
}

describe("the knowledge store", () => {
  it("swaps in a new snapshot and reports what changed", async () => {
    const opened = await openKnowledgeStore(
      "unused",
      scriptedLoader([
        { ok: true, knowledge: base({ a: "Ханой и Москва: программа.", b: "Ханой: форум." }) },
        { ok: true, knowledge: base({ a: "Ханой и Москва: новая программа.", c: "Ханой: туризм." }) },
      ]),
    );
    if (!opened.ok) throw new Error("must open");
    const before = opened.store.current();
    const result = await opened.store.reload();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.diff).toEqual({ added: ["c"], removed: ["b"], changed: ["a"] });
    expect(opened.store.current().version).toBe(before.version + 1);
    expect(before.answer("форум").answered).toBe(true);
    expect(opened.store.current().answer("туризм").answered).toBe(true);
  });

  it("swaps in knowledge with warnings and reports them with the reload", async () => {
    const opened = await openKnowledgeStore(
      "unused",
      scriptedLoader([
        { ok: true, knowledge: base({ a: "Ханой: форум." }) },
        { ok: true, knowledge: base({ a: "Ханой: форум.", b: "Ханой: туризм." }) },
      ]),
    );
    if (!opened.ok) throw new Error("must open");
    const result = await opened.store.reload();
    if (!result.ok) throw new Error("a reload with warnings must succeed");
    expect(opened.store.current()).toBe(result.snapshot);
    // The source has no url and neither card has text_en.
    expect(result.warnings.map((warning) => `${warning.kind} ${warning.path}`)).toEqual(["no-url source", "no-english facts[0]", "no-english facts[1]"]);
  });

  it("keeps serving the old snapshot when a reload has problems", async () => {
    const opened = await openKnowledgeStore(
      "unused",
      scriptedLoader([{ ok: true, knowledge: base({ a: "Ханой: форум." }) }, { ok: false, problems: [{ file: "sources/x.json", path: "facts[0].id", text: knowledgeText("knowledge-id-format") }] }]),
    );
    if (!opened.ok) throw new Error("must open");
    const before = opened.store.current();
    const result = await opened.store.reload();
    expect(result.ok).toBe(false);
    expect(opened.store.current()).toBe(before);
  });

  it("runs reloads one at a time, in the order they were asked for", async () => {
    const order: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let call = 0;
    const loader = async (): Promise<LoadResult> => {
      const n = call++;
      order.push(`start ${n}`);
      if (n === 1) await slow;
      order.push(`end ${n}`);
      return { ok: true, knowledge: base({ [`card-${n}`]: "Ханой." }) };
    };
    const opened = await openKnowledgeStore("unused", loader);
    if (!opened.ok) throw new Error("must open");
    const first = opened.store.reload();
    const second = opened.store.reload();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(["start 0", "end 0", "start 1"]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"]);
    expect(opened.store.current().version).toBe(3);
  });

  it("refuses to open a folder with problems", async () => {
    const opened = await openKnowledgeStore("unused", scriptedLoader([{ ok: false, problems: [{ file: "partners.json", path: "", text: knowledgeText("knowledge-file-missing") }] }]));
    expect(opened.ok).toBe(false);
  });
});
