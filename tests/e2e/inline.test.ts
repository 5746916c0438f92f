import type { InlineQueryResultArticle, InputTextMessageContent } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { checkTelegramHtml } from "../support/telegram-html.js";
import { LEVEL, startBot, stopAll } from "./harness.js";
import type { BotHarness } from "./harness.js";
import { t } from "../../src/i18n/i18n.js";

const USER = 3001;
const EN_USER = 3002;

afterEach(stopAll);

async function inline(h: BotHarness, userId: number, query: string, offset = "", chatType = "sender") {
  const call = await h.send(h.api.inlineQuery(userId, query, offset, chatType), "answerInlineQuery");
  expect(call.response).toMatchObject({ ok: true });
  return { params: call.params, results: call.params.results as InlineQueryResultArticle[] };
}

function messageOf(result: InlineQueryResultArticle): InputTextMessageContent {
  return result.input_message_content as InputTextMessageContent;
}

describe("inline mode", () => {
  it("returns up to 10 articles: the fact shortened as title, publisher and date as description, the fact with its citation as message", async () => {
    const h = await startBot();
    const { params, results } = await inline(h, USER, "меморандум Москвы и Минска");
    const facts = h.deps.store.current().answer("меморандум Москвы и Минска").facts;
    expect(results).toHaveLength(Math.min(10, facts.length));
    expect(params.next_offset).toBe("");
    for (const [index, result] of results.entries()) {
      const fact = facts[index]!;
      expect(result.type).toBe("article");
      expect(result.title.length).toBeLessThanOrEqual(100);
      expect(fact.card.text.startsWith(result.title.replace(/…$/, ""))).toBe(true);
      expect(result.description).toMatch(new RegExp(`^${fact.source.publisher}, \\d{1,2} [а-я]+ \\d{4}$`));
      const message = messageOf(result);
      expect(message.parse_mode).toBe("HTML");
      const parsed = checkTelegramHtml(message.message_text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.text).toContain(fact.source.publisher);
    }
    expect(h.api.violations).toEqual([]);
  });

  it("pages with next_offset through every matching fact, ten at a time", async () => {
    const h = await startBot();
    const total = h.deps.store.current().answer("Минск").facts.length;
    expect(total).toBeGreaterThan(20);
    const ids: string[] = [];
    let offset = "";
    let pages = 0;
    do {
      const { params, results } = await inline(h, USER, "Минск", offset);
      expect(results.length).toBeLessThanOrEqual(10);
      ids.push(...results.map((result) => result.id));
      offset = params.next_offset as string;
      pages += 1;
    } while (offset !== "" && pages < 10);
    expect(pages).toBe(Math.ceil(total / 10));
    expect(new Set(ids).size).toBe(total);
    // Only the first page counts as a question.
    expect(h.logs.withMessage("question")).toHaveLength(1);
    expect(h.api.violations).toEqual([]);
  });

  it("shows the partners overview for an empty query", async () => {
    const h = await startBot();
    const { results } = await inline(h, USER, "");
    expect(results.map((result) => result.title)).toEqual(["Ханой", "Минск", "Ташкент", "Абу-Даби", "Астана", "Шанхай", "Бавария", "Берлин", "Мехико"]);
    expect(results[1]!.description).toMatch(/^\d+ факт(а|ов)? в базе$/);
    for (const result of results) expect(checkTelegramHtml(messageOf(result).message_text).ok).toBe(true);
    expect(h.api.violations).toEqual([]);
  });

  it("shows the overview in English to an English-speaking user, and only to them", async () => {
    const h = await startBot();
    h.api.setUser(EN_USER, { language_code: "en-US" });
    const { params, results } = await inline(h, EN_USER, "");
    expect(results.map((result) => result.title)).toContain("Mexico City");
    expect(results[0]!.description).toMatch(/^\d+ facts in the knowledge base$/);
    // Telegram caches inline answers per query for every user unless they are personal.
    expect(params.is_personal).toBe(true);
  });

  it("says clearly that nothing was found and offers a button that opens the bot", async () => {
    const h = await startBot();
    const { params, results } = await inline(h, USER, "погода на Марсе");
    expect(results).toEqual([]);
    expect(params.button).toEqual({ text: t("ru", "inline-nothing"), start_parameter: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) });
    expect(params.is_personal).toBe(true);
    h.api.setUser(EN_USER, { language_code: "en" });
    const english = await inline(h, EN_USER, "1234");
    expect(english.params.button).toMatchObject({ text: t("en", "inline-nothing") });
    expect(h.api.violations).toEqual([]);
  });

  it("answers from any kind of chat", async () => {
    const h = await startBot();
    for (const chatType of ["sender", "private", "group", "supergroup", "channel"]) {
      const { results } = await inline(h, USER, "Ханой", "", chatType);
      expect(results.length, chatType).toBeGreaterThan(0);
    }
    expect(h.api.violations).toEqual([]);
  });

  it("takes a query of Telegram's full 256 characters", async () => {
    const h = await startBot();
    const query = `Что Москва подписала с Ханоем ${"и ещё о сотрудничестве ".repeat(20)}`.slice(0, 256);
    expect(query).toHaveLength(256);
    const { results } = await inline(h, USER, query);
    expect(results.length).toBeGreaterThan(0);
    expect(h.api.violations).toEqual([]);
  });

  it("logs each inline question with language, answered, facts and latency, and its text only at debug level", async () => {
    const h = await startBot();
    await inline(h, USER, "Ташкент");
    const [line] = h.logs.withMessage("question");
    expect(line).toMatchObject({ level: LEVEL.info, chat_type: "inline", lang: "ru", answered: true, facts: expect.any(Number) });
    expect(line!.latency_ms).toEqual(expect.any(Number));
    const withText = h.logs.records.filter((record) => JSON.stringify(record).includes("Ташкент"));
    expect(withText.map((record) => record.level)).toEqual([LEVEL.debug]);
  });
});
