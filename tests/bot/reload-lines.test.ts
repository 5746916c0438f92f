import { describe, expect, it } from "vitest";
import { TELEGRAM_TEXT_LIMIT } from "../../src/answer/render-telegram.js";
import { reloadLines } from "../../src/bot/features/admin.js";
import { t } from "../../src/i18n/i18n.js";
import type { TextVariables } from "../../src/i18n/i18n.js";
import { fitLines } from "../../src/bot/reply.js";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import type { KnowledgeWarning } from "../../src/engine/knowledge-warnings.js";
import { knowledgeText } from "../../src/knowledge/texts.js";

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
  return Array.from({ length: count }, (_, index) => ({ kind: "no-english", file: `sources/<${"x".repeat(300)}-${index}>.json`, path: `facts[${index}]`, text: knowledgeText("knowledge-warning-no-english") }));
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

  it("says the warnings in the admin's language", () => {
    const russian = fitLines(reloadLines({ ok: true, snapshot: buildSnapshot(knowledge, 2), diff: { added: [], removed: [], changed: [] }, warnings: warnings(2), tookMs: 12 }, 2, (key, variables) => t("ru", key, variables)));
    expect(russian).toContain("⚠ 2 предупреждения (база всё равно загружена):\n• sources/&lt;xxx");
    expect(russian).toContain("&gt;.json: facts[1]: нет text_en: на вопросы по-английски эта карточка отвечает по-русски");
    expect(reply(2)).toContain("&gt;.json: facts[1]: no text_en: English questions get this card in Russian");
  });

  it("lists a refused reload's problems in the admin's language, escaped, with file and path as written", () => {
    const problems = [
      { file: "sources/<a>.json", path: "facts[0].text", text: knowledgeText("knowledge-too-long", { max: 1000 }) },
      { file: "partners.json", path: "[3].population", text: knowledgeText("knowledge-unknown-field", { field: "population" }) },
    ];
    const refused = (language: "ru" | "en") => fitLines(reloadLines({ ok: false, problems, tookMs: 7 }, 4, (key, variables) => t(language, key, variables)));
    expect(refused("en")).toMatch(/^<b>Reload refused<\/b> \(7 ms\): 2 problems\. Still serving knowledge version 4\.\n• sources\/&lt;a&gt;\.json: facts\[0\]\.text: must be at most 1,000 characters\n• partners\.json: \[3\]\.population: unknown field &quot;population&quot;$/);
    expect(refused("ru")).toMatch(/^<b>Перечитать не удалось<\/b> \(за 7 мс\): 2 проблемы\. Бот по-прежнему отвечает по версии 4\.\n• sources\/&lt;a&gt;\.json: facts\[0\]\.text: должно быть не длиннее 1\s000 символов\n• partners\.json: \[3\]\.population: неизвестное поле «population»$/);
  });

  it("says nothing of warnings when there are none, and lists a single one without a tail", () => {
    expect(reply(0)).not.toContain("warning");
    expect(reply(1)).toContain("⚠ 1 warning (served all the same):\n• sources/");
    expect(reply(1)).not.toContain("more");
  });
});
