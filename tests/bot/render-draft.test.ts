import { describe, expect, it } from "vitest";
import type { Draft } from "../../src/bot/draft-store.js";
import { renderDraft } from "../../src/bot/features/ingest.js";
import { t } from "../../src/i18n/i18n.js";
import type { Locale } from "../../src/i18n/i18n.js";
import { ingestText } from "../../src/ingest/texts.js";
import { checkTelegramHtml } from "../support/telegram-html.js";

/** The draft as an admin whose Telegram speaks `locale` sees it. */
const render = (value: Draft, locale: Locale): string => renderDraft(value, (key, variables) => t(locale, key, variables), locale);

function shown(html: string): string {
  const checked = checkTelegramHtml(html);
  if (!checked.ok) throw new Error(`not valid Telegram HTML: ${checked.error}`);
  return checked.text;
}

// Drafts saved before the knowledge format had maxima, or fields an article can make as long as it
// likes (suggestions, warnings): the preview must fit one Telegram message whatever they hold.
const draft = (overrides: Partial<Draft["file"]["source"]>, extra: Partial<Draft> = {}): Draft => ({
  key: "k1",
  adminId: 1,
  chatId: 1,
  createdAt: "2026-05-14T00:00:00.000Z",
  file: {
    source: { id: "testovoe-agentstvo-2026-05-14-moscow-tashkent", title: "Москва и Ташкент", publisher: "Тестовое агентство", published: "2026-05-14", language: "ru", ...overrides },
    facts: Array.from({ length: 48 }, (_, i) => ({ id: `c-${i + 1}`, text: `Москва и Ташкент ${"&<".repeat(490)}.`, partners: ["tashkent"], people: ["Сергей Собянин"], topics: ["транспорт"] })),
  },
  suggestions: [],
  warnings: [],
  ...extra,
});

describe("the draft preview", () => {
  it("fits Telegram's 4,096 characters with every field at its longest, and still shows a card", () => {
    const html = render(
      draft(
        { publisher: "&".repeat(5000), title: "<".repeat(5000), url: `https://example.org/${"a".repeat(5000)}` },
        { suggestions: Array.from({ length: 500 }, (_, i) => `Город${i}${"й".repeat(300)}`), warnings: Array.from({ length: 50 }, () => ingestText("ingest-note-no-headline", { title: "⚠".repeat(5000) })) },
      ),
      "en",
    );
    const text = shown(html);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toContain(`${"&".repeat(199)}…`);
    expect(text).toContain("and 490 more");
    expect(text).toMatch(/\n1\. Москва и Ташкент/);
    expect(text).toMatch(/\n… \d+ cards not shown here \(they are published too\)\n/);
  });

  it("shows a short draft whole, in the admin's language", () => {
    const short = draft({ url: "https://example.org/a" }, { suggestions: ["Бухара"], warnings: [ingestText("ingest-note-publisher-from-url", { publisher: "Тестовое агентство" })] });
    short.file.facts = short.file.facts.slice(0, 2);
    const english = shown(render(short, "en"));
    expect(english).toMatch(/^Draft testovoe-agentstvo-2026-05-14-moscow-tashkent — 2 cards\n/);
    expect(english).toContain("Тестовое агентство, 14 May 2026 — Москва и Ташкент\nhttps://example.org/a");
    expect(english).toContain("\npartners: tashkent · people: Сергей Собянин · topics: транспорт\n");
    expect(english).toContain("Not in partners.json yet: Бухара\n");
    expect(english).toContain('\n⚠ the publisher "Тестовое агентство" was read from the URL\n');
    expect(english).not.toContain("not shown");
    const russian = shown(render(short, "ru"));
    expect(russian).toMatch(/^Черновик testovoe-agentstvo-2026-05-14-moscow-tashkent — 2 карточки\n/);
    expect(russian).toContain("Тестовое агентство, 14 мая 2026 — Москва и Ташкент\nhttps://example.org/a");
    expect(russian).toContain("\nпартнёры: tashkent · люди: Сергей Собянин · темы: транспорт\n");
    expect(russian).toContain("Ещё нет в partners.json: Бухара\n");
    expect(russian).toContain("\n⚠ издатель «Тестовое агентство» прочитан из адреса статьи\n");
    expect(russian.endsWith(shown(t("ru", "ingest-draft-help")))).toBe(true);
  });
});
