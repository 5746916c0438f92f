import type { InlineQueryResultArticle, InputTextMessageContent } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { checkTelegramHtml } from "../support/telegram-html.js";
import { LEVEL, buttonsOf, resultMessage, shownText, startBot, stopAll, waitUntil } from "./harness.js";
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
    // No inline query counts as a question (Telegram sends one per pause in typing); a chosen result does.
    expect(h.logs.withMessage("question")).toEqual([]);
    expect((await h.deps.stats.snapshot()).questions).toBe(0);
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

  it("counts a question once, when the user sends one of its results, and logs it with language, answered and facts, its text only at debug level", async () => {
    const h = await startBot();
    // Typed out: Telegram sends a query at each pause.
    for (const query of ["Таш", "Ташкен", "Ташкент"]) await inline(h, USER, query);
    expect(await h.deps.stats.snapshot()).toMatchObject({ questions: 0, p50Ms: expect.any(Number) });
    const { results } = await inline(h, USER, "Ташкент");
    h.api.pushUpdate(chosen(USER, results[1]!.id, "Ташкент"));
    await waitUntil(() => h.logs.withMessage("question").length > 0, 5000, "the chosen result to be counted");
    const [line] = h.logs.withMessage("question");
    expect(line).toMatchObject({ level: LEVEL.info, chat_type: "inline", lang: "ru", answered: true, facts: expect.any(Number) });
    expect(await h.deps.stats.snapshot()).toMatchObject({ questions: 1, answered: 1, unanswered: 0 });
    const withText = h.logs.records.filter((record) => JSON.stringify(record).includes("Ташкент"));
    expect(withText.map((record) => record.level)).toEqual([LEVEL.debug]);
  });

  it("counts no question when an overview article is sent: that is browsing", async () => {
    const h = await startBot();
    const { results } = await inline(h, USER, "");
    h.api.pushUpdate(chosen(USER, results[0]!.id, ""));
    // The same user's next message is handled after the chosen result was taken from the same poll.
    await h.send(h.api.privateText(USER, "Ханой"));
    expect(h.api.pendingUpdates()).toEqual([]);
    expect(await h.deps.stats.snapshot()).toMatchObject({ questions: 1, answered: 1 });
  });

  it("continues the overview: each partner's message searches all its facts inline, or opens its page in the bot through a deep link", async () => {
    const h = await startBot();
    const { results } = await inline(h, USER, "");
    const minsk = results.find((result) => result.title === "Минск")!;
    const total = h.deps.store.current().answer("Минск").facts.length;
    expect(messageOf(minsk).message_text).toContain(`Показано 3 из ${total}`);
    const [search, open] = minsk.reply_markup!.inline_keyboard[0]!;
    expect(search).toEqual({ text: t("ru", "inline-search-partner", { name: "Минск" }), switch_inline_query_current_chat: "Минск" });
    expect(open).toEqual({ text: t("ru", "inline-open-in-bot"), url: "https://t.me/PartnersTestBot?start=p-minsk" });

    // The search button types "@bot Минск" in the chat: every fact, ten at a time.
    const continued = await inline(h, USER, "Минск");
    expect(continued.results).toHaveLength(10);
    expect(continued.params.next_offset).toBe("10");

    // The link opens the chat with "/start p-minsk": the partner's page, with its way back to the list.
    const page = await h.send(h.api.privateText(USER, "/start p-minsk"));
    expect(shownText(page)).toMatch(new RegExp(`^Минск — ${t("ru", "count-facts", { count: total })}`));
    expect(buttonsOf(page).map((button) => button.text)).toContain(t("ru", "back-to-partners"));
    expect(resultMessage(page).chat.id).toBe(USER);

    // A link to a partner the knowledge no longer has, or a payload that is not ours, gets the help.
    for (const payload of ["p-atlantis", "p-MINSK", "x"]) {
      const help = await h.send(h.api.privateText(USER, `/start ${payload}`));
      expect(shownText(help)).toMatch(/^Бот о городских партнёрствах Москвы/);
    }
    expect(h.api.violations).toEqual([]);
  });

  it("lists a typed-out inline question the knowledge has no answer for in /unanswered once, when the user stops typing, and drops one they typed on into an answer", async () => {
    const ADMIN = 3099;
    const h = await startBot({ adminIds: [ADMIN], inlineMissPauseMs: 2_000 });
    const typed = ["погода", "погода в Мин", "погода в Минске"];
    for (const query of typed) expect(h.deps.store.current().answer(query).answered, query).toBe(false);
    for (const query of typed) await inline(h, USER, query);
    // Another user's fragment that becomes an answered question is never listed.
    await inline(h, EN_USER, "что подп");
    await inline(h, EN_USER, "что подписали с Ханоем");
    expect(await h.deps.unanswered.latest(10)).toEqual([]);

    await waitUntil(async () => (await h.deps.unanswered.latest(10)).length > 0, 10_000, "the miss to settle");
    expect((await h.deps.unanswered.latest(10)).map((entry) => entry.text)).toEqual(["погода в Минске"]);
    expect(await h.deps.stats.snapshot()).toMatchObject({ questions: 1, unanswered: 1 });
    const list = await h.send(h.api.privateText(ADMIN, "/unanswered"));
    expect(shownText(list)).toContain("погода в Минске");
    expect(shownText(list).match(/погода/g)).toHaveLength(1);
  });
});

function chosen(userId: number, resultId: string, query: string) {
  return { chosen_inline_result: { result_id: resultId, from: { id: userId, is_bot: false, first_name: "User" }, query } };
}
