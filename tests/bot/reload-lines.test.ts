import { describe, expect, it } from "vitest";
import { TELEGRAM_TEXT_LIMIT } from "../../src/answer/render-telegram.js";
import { reloadLines } from "../../src/bot/features/admin.js";
import { t } from "../../src/i18n/i18n.js";
import type { TextVariables } from "../../src/i18n/i18n.js";
import { fitLines } from "../../src/bot/reply.js";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import type { KnowledgeWarning } from "../../src/engine/knowledge-warnings.js";

/** The report in English, as an admin whose Telegram is in English reads it. */
const english = (key: string, variables?: TextVariables) => t("en", key, variables);

const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "ru" };
const knowledge: KnowledgeBase = {
  partners: [{ id: "hanoi", name: "Ханой", country: "Вьетнам" }],
  synonyms: [],
  sources: [source],
  cards: [{ card: { id: "a", text: "Ханой: форум.", partners: ["hanoi"] }, source }],
};

function warnings(count: number): KnowledgeWarning[] {
  return Array.from({ length: count }, (_, index) => ({ kind: "no-english", file: `sources/<${"x".repeat(300)}-${index}>.json`, path: `facts[${index}]`, message: "no text_en" }));
}

describe("the reload report", () => {
  const reply = (count: number) => fitLines(reloadLines({ ok: true, snapshot: buildSnapshot(knowledge, 2), diff: { added: [], removed: [], changed: [] }, warnings: warnings(count), tookMs: 12 }, 2, english));

  it("counts the warnings, lists the first five escaped, and fits one Telegram message", () => {
    const text = reply(40);
    expect(text).toMatch(/^<b>Reloaded<\/b> in 12 ms: version 2\./);
    expect(text).toContain("⚠ 40 warnings (served all the same):\n• sources/&lt;xxx");
    expect(text.match(/^• /gm)).toHaveLength(5);
    expect(text).toContain("… and 35 more: <code>npm run validate</code> lists them all");
    expect(text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  });

  it("says nothing of warnings when there are none, and lists a single one without a tail", () => {
    expect(reply(0)).not.toContain("warning");
    expect(reply(1)).toContain("⚠ 1 warning (served all the same):\n• sources/");
    expect(reply(1)).not.toContain("more");
  });
});
