import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { InlineQueryResultArticle, InputTextMessageContent } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { copyKnowledge, resultMessage, shownText, startBot, stopAll, waitUntil } from "./harness.js";

/**
 * Text cut for display next to an emoji: a cut by UTF-16 units left half a surrogate pair, which
 * Telegram refuses ("strings must be encoded in UTF-8") — and the stand-in refuses it the same way.
 * Each emoji below sits exactly where the old cut fell.
 */

const ADMIN = 9001;
const USER = 9101;
const LONE_SURROGATE = /\p{Cs}/u;

afterEach(stopAll);

describe("an emoji where a reply cuts the text", () => {
  it("/unanswered lists a question of 198 letters and an emoji", async () => {
    const h = await startBot({ adminIds: [ADMIN] });
    const question = `${"ж".repeat(198)}😀 и ещё`;
    await h.send(h.api.privateText(USER, question));
    const listed = await h.send(h.api.privateText(ADMIN, "/unanswered"));
    expect(listed.status).toBe(200);
    expect(shownText(listed)).toContain(`${"ж".repeat(198)}…`);
    expect(h.api.violations).toEqual([]);
  });

  it("inline titles and citations, in chats and inline, keep emoji whole", async () => {
    const knowledgeDir = await copyKnowledge();
    const source = {
      source: { id: "e2e-2026-01-15-moscow-hanoi-emoji", title: `Москва ${"ж".repeat(291)}😀 и Ханой`, publisher: "Тестовое агентство", published: "2026-01-15", url: "https://example.org/e2e/emoji", language: "ru" },
      facts: [{ id: "e2e-hanoi-emoji", text: `Ханой ${"ж".repeat(92)}😀 фуникулёр через Красную реку.`, partners: ["hanoi"], keywords: ["фуникулёр"] }],
    };
    await writeFile(path.join(knowledgeDir, "sources", `${source.source.id}.json`), JSON.stringify(source));
    const h = await startBot({ knowledgeDir });

    const reply = await h.send(h.api.privateText(USER, "фуникулёр через Красную реку"));
    expect(reply.status).toBe(200);
    expect(shownText(reply)).toContain(`Москва ${"ж".repeat(291)}…`);

    const inline = await h.send(h.api.inlineQuery(USER, "фуникулёр через Красную реку"), "answerInlineQuery");
    expect(inline.status).toBe(200);
    const result = (inline.params.results as InlineQueryResultArticle[]).find((article) => article.title.startsWith("Ханой ж"));
    expect(result?.title).toBe(`Ханой ${"ж".repeat(92)}…`);
    expect((result?.input_message_content as InputTextMessageContent).message_text).not.toMatch(LONE_SURROGATE);
    expect(h.api.violations).toEqual([]);
  });

  it("a draft shows a long headline and an ignored header line with an emoji at the cut", async () => {
    const h = await startBot({ adminIds: [ADMIN], ingest: true });
    const article = [
      `title: Москва ${"ж".repeat(191)}😀 и Ташкент`,
      `topic: ${"ж".repeat(52)}😀 метро`,
      "publisher: Тестовое агентство",
      "published: 2026-05-14",
      "",
      "ТАШКЕНТ, 14 мая. Москва и Ташкент договорились обмениваться опытом строительства метрополитена. Стороны подписали дорожную карту сотрудничества на 2026–2027 годы.",
    ].join("\n");
    const draft = await h.send(h.api.privateText(ADMIN, `/ingest ${article}`));
    expect(draft.status).toBe(200);
    expect(shownText(draft)).toContain(`Москва ${"ж".repeat(191)}…`);
    expect(shownText(draft)).toContain(`«topic: ${"ж".repeat(52)}»`);
    await waitUntil(async () => (await h.deps.ingest!.drafts.byMessage(ADMIN, resultMessage(draft).message_id)) !== undefined, 5_000, "the draft kept");
    expect(h.api.violations).toEqual([]);
  });
});
