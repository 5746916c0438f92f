import { afterEach, describe, expect, it } from "vitest";
import { BOT_USERNAME, asMedia, bytes, button, buttonsOf, resultMessage, shownText, startBot, stopAll } from "./harness.js";
import type { BotHarness } from "./harness.js";
import { t } from "../../src/i18n/i18n.js";

const GROUP = -1001000000101;
const BASIC_GROUP = -4000000101;
const FORUM = -1001000000202;
const USER = 2001;
const OTHER_USER = 2002;
const QUESTION = "меморандум Москвы и Минска";

afterEach(stopAll);

/** The reply must quote the asking message and, in a topic, stay in it. */
function expectReplyTo(h: BotHarness, reply: Awaited<ReturnType<BotHarness["send"]>>, asked: { message_id: number; message_thread_id?: number }) {
  expect(reply.params.reply_parameters).toEqual({ message_id: asked.message_id, allow_sending_without_reply: true });
  expect(reply.params.message_thread_id).toBe(asked.message_thread_id);
  expect(resultMessage(reply).reply_to_message?.message_id).toBe(asked.message_id);
  expect(h.api.violations).toEqual([]);
}

describe("a supergroup (privacy mode on)", () => {
  it("answers /ask вопрос as a reply to the asking message", async () => {
    const h = await startBot();
    const draft = h.api.groupText(GROUP, USER, `/ask ${QUESTION}`);
    const reply = await h.send(draft);
    expectReplyTo(h, reply, draft.message!);
    expect(reply.params).toMatchObject({ chat_id: GROUP, parse_mode: "HTML" });
    expect(shownText(reply)).toContain("РИА Новости");
    expect(h.logs.withMessage("question")[0]).toMatchObject({ chat_type: "supergroup", answered: true });
  });

  it("answers /ask@BotName вопрос", async () => {
    const h = await startBot();
    const draft = h.api.groupText(GROUP, USER, `/ask@${BOT_USERNAME} ${QUESTION}`);
    const reply = await h.send(draft);
    expectReplyTo(h, reply, draft.message!);
    expect(shownText(reply)).toContain("РИА Новости");
  });

  it("answers a message that mentions @BotName, asking the question without the mention", async () => {
    const h = await startBot();
    const draft = h.api.groupText(GROUP, USER, `@${BOT_USERNAME} ${QUESTION}?`);
    const reply = await h.send(draft);
    expectReplyTo(h, reply, draft.message!);
    expect(shownText(reply)).toContain("РИА Новости");
    expect(h.logs.withMessage("question text")[0]?.question).toBe(`${QUESTION}?`);
  });

  it("answers a reply to one of its own messages", async () => {
    const h = await startBot();
    const first = await h.send(h.api.groupText(GROUP, USER, "/ask Ханой"));
    const followUp = h.api.groupText(GROUP, OTHER_USER, QUESTION, { replyTo: resultMessage(first) });
    const reply = await h.send(followUp);
    expectReplyTo(h, reply, followUp.message!);
    expect(shownText(reply)).toContain("РИА Новости");
  });

  it("ignores other talk, replies to others, stickers and commands addressed to other bots", async () => {
    const h = await startBot();
    const someone = h.api.pushUpdate(h.api.groupText(GROUP, OTHER_USER, "Кто-нибудь был в Минске?"));
    const ignored = await h.expectIgnored(
      [
        h.api.groupText(GROUP, USER, "Минск"),
        h.api.groupText(GROUP, USER, "Да, в Минске", { replyTo: someone.message! }),
        h.api.groupText(GROUP, USER, `/ask@OtherBot ${QUESTION}`),
        h.api.groupText(GROUP, USER, "/start@OtherBot"),
        h.api.groupText(GROUP, USER, "/partners@OtherBot"),
        h.api.groupText(GROUP, USER, "/weather"),
        h.api.groupText(GROUP, USER, `@OtherBot ${QUESTION}`),
        h.api.groupText(GROUP, USER, "/stats"),
        asMedia(h.api.groupText(GROUP, USER, "x"), "sticker"),
      ],
      h.api.groupText(GROUP, USER, "/ask Ханой"),
    );
    expect(ignored.filter((call) => call.method === "sendMessage")).toHaveLength(1);
    expect(h.logs.withMessage("question")).toHaveLength(1);
    expect(h.api.violations).toEqual([]);
  });

  it("explains how to ask when /ask or a mention comes without a question", async () => {
    const h = await startBot();
    const bare = h.api.groupText(GROUP, USER, "/ask");
    const usage = await h.send(bare);
    expect(usage.params.text).toBe(t("ru", "ask-usage"));
    expectReplyTo(h, usage, bare.message!);
    const mention = h.api.groupText(GROUP, USER, `@${BOT_USERNAME}`);
    const again = await h.send(mention);
    expect(again.params.text).toBe(t("ru", "ask-usage"));
    expectReplyTo(h, again, mention.message!);
  });

  it("pages an answer with Ещё ▶ under the group reply", async () => {
    const h = await startBot();
    const first = await h.send(h.api.groupText(GROUP, USER, "/ask Минск"));
    const more = button(first, t("ru", "button-more"));
    expect(bytes(more.callback_data)).toBeLessThanOrEqual(64);
    const second = await h.send(h.api.callbackQuery(OTHER_USER, more.callback_data, resultMessage(first)), "editMessageText");
    expect(second.params).toMatchObject({ chat_id: GROUP, message_id: resultMessage(first).message_id });
    expect(shownText(second)).toMatch(/Показано 6 из \d+\./);
    expect(h.api.violations).toEqual([]);
  });

  it("answers /start@BotName, /partners and /sources as replies, and a partner button edits the list", async () => {
    const h = await startBot();
    const start = h.api.groupText(GROUP, USER, `/start@${BOT_USERNAME}`);
    const help = await h.send(start);
    expectReplyTo(h, help, start.message!);
    expect(shownText(help)).toContain("В базе 94 факта");
    expect(buttonsOf(help).length).toBeGreaterThanOrEqual(3);

    const partners = h.api.groupText(GROUP, USER, "/partners");
    const list = await h.send(partners);
    expectReplyTo(h, list, partners.message!);
    const hanoi = await h.send(h.api.callbackQuery(USER, button(list, "Ханой (19)").callback_data, resultMessage(list)), "editMessageText");
    expect(shownText(hanoi)).toMatch(/^Ханой — 19 фактов/);

    const sources = h.api.groupText(GROUP, USER, `/sources@${BOT_USERNAME}`);
    const reply = await h.send(sources);
    expectReplyTo(h, reply, sources.message!);
    expect(shownText(reply)).toContain("ТАСС");
  });

  it("an example button under /start answers in the group, replying to the /start message", async () => {
    const h = await startBot();
    const help = await h.send(h.api.groupText(GROUP, USER, "/start"));
    const example = buttonsOf(help)[0]!;
    const answer = await h.send(h.api.callbackQuery(USER, example.callback_data, resultMessage(help)));
    expect(answer.params.reply_parameters).toMatchObject({ message_id: resultMessage(help).message_id });
    expect(shownText(answer)).not.toContain("нет ответа");
    expect(h.api.violations).toEqual([]);
  });
});

describe("a basic group", () => {
  it("answers /ask, a mention and a reply to the bot, each as a reply", async () => {
    const h = await startBot();
    const ask = h.api.groupText(BASIC_GROUP, USER, `/ask ${QUESTION}`, { type: "group" });
    const first = await h.send(ask);
    expectReplyTo(h, first, ask.message!);
    expect(h.logs.withMessage("question")[0]).toMatchObject({ chat_type: "group" });

    const mention = h.api.groupText(BASIC_GROUP, USER, `что Москва подписала с Ханоем, @${BOT_USERNAME}?`, { type: "group" });
    expectReplyTo(h, await h.send(mention), mention.message!);

    const reply = h.api.groupText(BASIC_GROUP, OTHER_USER, "А с Ташкентом?", { type: "group", replyTo: resultMessage(first) });
    expectReplyTo(h, await h.send(reply), reply.message!);
  });
});

describe("a forum supergroup", () => {
  it("answers /ask in a topic inside that topic", async () => {
    const h = await startBot();
    const ask = h.api.groupText(FORUM, USER, `/ask ${QUESTION}`, { isForum: true, threadId: 7 });
    const reply = await h.send(ask);
    expectReplyTo(h, reply, ask.message!);
    expect(reply.params.message_thread_id).toBe(7);
    expect(resultMessage(reply).message_thread_id).toBe(7);
  });

  it("answers a mention and a reply to the bot in the right topics", async () => {
    const h = await startBot();
    const mention = h.api.groupText(FORUM, USER, `@${BOT_USERNAME} Ханой`, { isForum: true, threadId: 9 });
    const first = await h.send(mention);
    expectReplyTo(h, first, mention.message!);
    expect(first.params.message_thread_id).toBe(9);

    const followUp = h.api.groupText(FORUM, OTHER_USER, QUESTION, { replyTo: resultMessage(first) });
    expect(followUp.message!.message_thread_id).toBe(9);
    const second = await h.send(followUp);
    expectReplyTo(h, second, followUp.message!);
    expect(second.params.message_thread_id).toBe(9);
  });

  it("answers /start, /partners and an example button in the topic they came from", async () => {
    const h = await startBot();
    const start = h.api.groupText(FORUM, USER, "/start", { isForum: true, threadId: 11 });
    const help = await h.send(start);
    expectReplyTo(h, help, start.message!);
    const example = await h.send(h.api.callbackQuery(USER, buttonsOf(help)[0]!.callback_data, resultMessage(help)));
    expect(example.params.message_thread_id).toBe(11);

    const partners = h.api.groupText(FORUM, USER, "/partners", { threadId: 11 });
    const list = await h.send(partners);
    expectReplyTo(h, list, partners.message!);
    const minsk = await h.send(h.api.callbackQuery(USER, button(list, "Минск (30)").callback_data, resultMessage(list)), "editMessageText");
    expect(shownText(minsk)).toMatch(/^Минск — 30 фактов/);

    const sources = h.api.groupText(FORUM, USER, `/sources@${BOT_USERNAME}`, { threadId: 11 });
    const reply = await h.send(sources);
    expectReplyTo(h, reply, sources.message!);
    expect(reply.params.message_thread_id).toBe(11);
  });

  it("answers an admin's /reload and /stats in the admin's topic", async () => {
    const admin = 2999;
    const h = await startBot({ adminIds: [admin], reloadable: true });
    const reload = h.api.groupText(FORUM, admin, "/reload", { isForum: true, threadId: 5 });
    const reloaded = await h.send(reload, "sendMessage", undefined, 10_000);
    expectReplyTo(h, reloaded, reload.message!);
    expect(shownText(reloaded)).toMatch(/^Перечитано за \d+ мс: версия 2\./);
    const stats = h.api.groupText(FORUM, admin, "/stats", { threadId: 5 });
    const reply = await h.send(stats);
    expectReplyTo(h, reply, stats.message!);
    expect(reply.params.message_thread_id).toBe(5);
  });

  it("answers in the General topic without a thread id and keeps topics apart", async () => {
    const h = await startBot();
    const general = h.api.groupText(FORUM, USER, "/ask Ханой", { isForum: true });
    const reply = await h.send(general);
    expect(reply.params.message_thread_id).toBeUndefined();
    expectReplyTo(h, reply, general.message!);

    const unanswered = h.api.groupText(FORUM, USER, "/ask погода на Марсе", { threadId: 3 });
    const notFound = await h.send(unanswered);
    expectReplyTo(h, notFound, unanswered.message!);
    const suggestion = await h.send(h.api.callbackQuery(USER, buttonsOf(notFound)[0]!.callback_data, resultMessage(notFound)));
    expect(suggestion.params.message_thread_id).toBe(3);
    expect(h.api.violations).toEqual([]);
  });
});
