import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import type { Message } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import {
  BotApiStandIn,
  DEFAULT_TOKEN,
  commandAndMentionEntities,
  type ApiResponseBody,
  type BotApiStandInOptions,
} from "./bot-api-stand-in.js";

// ───────────── harness ─────────────

const running: BotApiStandIn[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

interface Answer {
  status: number;
  body: ApiResponseBody;
}

async function setup(options?: BotApiStandInOptions) {
  const api = new BotApiStandIn(options);
  running.push(api);
  const { apiRoot } = await api.start();
  const call = async (
    method: string,
    params: Record<string, unknown> = {},
    init: { token?: string; signal?: AbortSignal } = {},
  ): Promise<Answer> => {
    const res = await fetch(`${apiRoot}/bot${init.token ?? api.token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
      signal: init.signal ?? AbortSignal.timeout(5000),
    });
    return { status: res.status, body: (await res.json()) as ApiResponseBody };
  };
  return { api, apiRoot, call };
}

function resultOf<T = unknown>(answer: Answer): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${answer.status} ${answer.body.description}`);
  return answer.body.result as T;
}

function descriptionOf(answer: Answer): string {
  if (answer.body.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.body.result)}`);
  return answer.body.description;
}

// ───────────── routing, auth, encodings ─────────────

describe("routing and encodings", () => {
  it("answers getMe with the configured bot and listens on 127.0.0.1", async () => {
    const { api, apiRoot, call } = await setup({ bot: { username: "OtherBot" } });
    expect(apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const me = resultOf<Record<string, unknown>>(await call("getMe"));
    expect(me).toMatchObject({
      id: 7000000001,
      is_bot: true,
      username: "OtherBot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
    });
    expect(new BotApiStandIn().botInfo.username).toBe("PartnersTestBot");
    expect(api.callsTo("getMe")).toHaveLength(1);
  });

  it("answers 401 to an unknown token and 404 to an unknown method", async () => {
    const { call } = await setup();
    expect(await call("getMe", {}, { token: "1:wrong" })).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    expect(await call("sendTelepathy")).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found" },
    });
  });

  it("treats method names case-insensitively, like Telegram", async () => {
    const { api, call } = await setup();
    expect((await call("GETME")).status).toBe(200);
    expect(api.callsTo("getMe")).toHaveLength(1);
  });

  it("accepts GET with query parameters and urlencoded bodies, decoding JSON fields", async () => {
    const { api, apiRoot } = await setup();
    const get = await fetch(`${apiRoot}/bot${api.token}/sendMessage?chat_id=5&text=hi`);
    expect(get.status).toBe(200);
    const form = new URLSearchParams({
      chat_id: "5",
      text: "<b>x</b>",
      parse_mode: "HTML",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] }),
    });
    const post = await fetch(`${apiRoot}/bot${api.token}/sendMessage`, { method: "POST", body: form });
    expect(post.status).toBe(200);
    const [, second] = api.callsTo("sendMessage");
    expect(second?.params).toMatchObject({ chat_id: 5, reply_markup: { inline_keyboard: [[{ callback_data: "a" }]] } });
    expect(api.sentMessages(5).map((m) => (m as Message.TextMessage).text)).toEqual(["hi", "x"]);
  });

  it("gives sent messages increasing ids per chat and realistic fields", async () => {
    const { call } = await setup();
    const a = resultOf<Message.TextMessage>(await call("sendMessage", { chat_id: 10, text: "one" }));
    const b = resultOf<Message.TextMessage>(await call("sendMessage", { chat_id: 10, text: "two" }));
    const c = resultOf<Message.TextMessage>(await call("sendMessage", { chat_id: 11, text: "three" }));
    expect(b.message_id).toBe(a.message_id + 1);
    expect(c.message_id).toBe(1);
    expect(a).toMatchObject({
      from: { id: 7000000001, is_bot: true, username: "PartnersTestBot" },
      chat: { id: 10, type: "private" },
      text: "one",
    });
    expect(Math.abs(a.date - Date.now() / 1000)).toBeLessThan(5);
  });

  it("serves uploads back through getFile and the file download URL", async () => {
    const { api, apiRoot, call } = await setup();
    api.putFile("FILE1", "hello file", { fileName: "notes.txt", mimeType: "text/plain" });
    const file = resultOf<{ file_path: string; file_size: number }>(await call("getFile", { file_id: "FILE1" }));
    expect(file.file_size).toBe(10);
    const download = await fetch(`${apiRoot}/file/bot${api.token}/${file.file_path}`);
    expect(await download.text()).toBe("hello file");
    expect(api.downloads).toEqual([file.file_path]);
    expect((await fetch(`${apiRoot}/file/bot${api.token}/documents/nope`)).status).toBe(404);
    expect(descriptionOf(await call("getFile", { file_id: "nope" }))).toBe("Bad Request: invalid file_id");
  });
});

// ───────────── getUpdates ─────────────

describe("getUpdates", () => {
  it("long polling returns an update pushed after the poll started", async () => {
    const { api, call } = await setup();
    const poll = call("getUpdates", { timeout: 10 });
    await api.waitForRequest("getUpdates");
    const pushedAt = Date.now();
    const pushed = api.pushUpdate(api.privateText(42, "hello"));
    const answer = await poll;
    expect(Date.now() - pushedAt).toBeLessThan(1000);
    expect(resultOf<unknown[]>(answer)).toEqual([pushed]);
  });

  it("assigns increasing update_ids and keeps updates until an offset confirms them", async () => {
    const { api, call } = await setup();
    const u1 = api.pushUpdate(api.privateText(1, "a"));
    const u2 = api.pushUpdate(api.privateText(1, "b"));
    const u3 = api.pushUpdate(api.privateText(1, "c"));
    expect([u2.update_id - u1.update_id, u3.update_id - u2.update_id]).toEqual([1, 1]);

    expect(resultOf<unknown[]>(await call("getUpdates"))).toHaveLength(3);
    // not confirmed yet: delivered again
    expect(resultOf<unknown[]>(await call("getUpdates", { limit: 2 }))).toEqual([u1, u2]);
    // offset confirms everything below it
    expect(resultOf<unknown[]>(await call("getUpdates", { offset: u2.update_id + 1 }))).toEqual([u3]);
    expect(api.pendingUpdates()).toEqual([u3]);
    expect(resultOf<unknown[]>(await call("getUpdates", { offset: u3.update_id + 1 }))).toEqual([]);
    // a negative offset keeps the last -offset updates
    const u4 = api.pushUpdate(api.privateText(1, "d"));
    const u5 = api.pushUpdate(api.privateText(1, "e"));
    expect(resultOf<unknown[]>(await call("getUpdates", { offset: -1 }))).toEqual([u5]);
    expect(api.pendingUpdates()).not.toContainEqual(u4);
  });

  it("returns [] when the timeout passes without updates", async () => {
    const { call } = await setup();
    const started = Date.now();
    expect(resultOf<unknown[]>(await call("getUpdates", { timeout: 0.3 }))).toEqual([]);
    // It waited for the timeout (a lower bound cannot fail on a busy machine); a poll held to the
    // 50 s cap instead would be cut by the client's own 5 s limit and fail the call.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("does not queue update types left out by allowed_updates (opt-in types by default)", async () => {
    const { api, call } = await setup();
    const reaction = {
      message_reaction: {
        chat: { id: 1, type: "private" as const, first_name: "A" },
        message_id: 1,
        date: 0,
        old_reaction: [],
        new_reaction: [],
      },
    };
    api.pushUpdate(reaction);
    const text = api.pushUpdate(api.privateText(1, "a"));
    expect(resultOf<unknown[]>(await call("getUpdates", { offset: text.update_id }))).toEqual([text]);
    // the setting sticks until changed; updates already queued are still delivered
    const queued = api.pushUpdate(api.privateText(1, "b"));
    expect(resultOf<unknown[]>(await call("getUpdates", { offset: queued.update_id, allowed_updates: ["inline_query", "message_reaction"] }))).toEqual([queued]);
    api.pushUpdate(api.privateText(1, "c"));
    const inline = api.pushUpdate(api.inlineQuery(1, "q"));
    const liked = api.pushUpdate(reaction);
    expect(resultOf<unknown[]>(await call("getUpdates", { offset: queued.update_id + 1 }))).toEqual([inline, liked]);
    // an empty list restores the default
    resultOf(await call("getUpdates", { offset: liked.update_id + 1, allowed_updates: [] }));
    api.pushUpdate(reaction);
    expect(api.pendingUpdates()).toEqual([]);
  });

  it("ends the pending poll with 409 when another getUpdates arrives (Telegram's behaviour)", async () => {
    const { api, call } = await setup();
    const first = call("getUpdates", { timeout: 10 });
    await api.waitForRequest("getUpdates");
    const second = call("getUpdates", { timeout: 10 });
    expect(await first).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      },
    });
    api.pushUpdate(api.privateText(1, "x"));
    expect(resultOf<unknown[]>(await second)).toHaveLength(1);
  });

  it("a short poll leaves the pending long poll alone; setWebhook ends it", async () => {
    const { api, call } = await setup();
    const pending = call("getUpdates", { timeout: 10 });
    await api.waitForRequest("getUpdates");
    expect(resultOf<unknown[]>(await call("getUpdates", { timeout: 0 }))).toEqual([]);
    resultOf(await call("setWebhook", { url: "https://example.com/hook" }));
    const ended = await pending;
    expect(ended.status).toBe(409);
    expect(descriptionOf(ended)).toBe("Conflict: terminated by setWebhook request");
  });

  it("can refuse the newer concurrent getUpdates instead (reject-new), or allow it (off)", async () => {
    const { api, call } = await setup({ getUpdatesConflict: "reject-new" });
    const first = call("getUpdates", { timeout: 10 });
    await api.waitForRequest("getUpdates");
    const second = await call("getUpdates", { timeout: 10 });
    expect(second.status).toBe(409);
    expect(descriptionOf(second)).toMatch(/^Conflict: terminated by other getUpdates request/);
    api.pushUpdate(api.privateText(1, "x"));
    expect(resultOf<unknown[]>(await first)).toHaveLength(1);

    const off = await setup({ getUpdatesConflict: "off" });
    const a = off.call("getUpdates", { timeout: 0.2 });
    const b = off.call("getUpdates", { timeout: 0.2 });
    expect((await Promise.all([a, b])).map((r) => r.status)).toEqual([200, 200]);
  });

  it("frees the poll slot when the client aborts its long poll", async () => {
    const { api, call } = await setup({ getUpdatesConflict: "reject-new" });
    const controller = new AbortController();
    const aborted = call("getUpdates", { timeout: 10 }, { signal: controller.signal }).catch(() => "aborted");
    await api.waitForRequest("getUpdates");
    controller.abort();
    expect(await aborted).toBe("aborted");
    await api.waitForCall("getUpdates", (c) => c.response !== undefined && "aborted" in c.response);
    expect((await call("getUpdates")).status).toBe(200);
  });

  it("refuses getUpdates while a webhook is set", async () => {
    const { call } = await setup();
    expect(descriptionOf(await call("setWebhook", { url: "http://insecure" }))).toMatch(/HTTPS URL must be provided/);
    resultOf(await call("setWebhook", { url: "https://example.com/hook" }));
    const refused = await call("getUpdates");
    expect(refused.status).toBe(409);
    expect(descriptionOf(refused)).toMatch(/can't use getUpdates method while webhook is active/);
    expect(resultOf(await call("getWebhookInfo"))).toMatchObject({ url: "https://example.com/hook" });
    resultOf(await call("deleteWebhook", { drop_pending_updates: true }));
    expect((await call("getUpdates")).status).toBe(200);
  });

  it("close() releases a pending long poll promptly and is idempotent", async () => {
    const { api, call } = await setup();
    const poll = call("getUpdates", { timeout: 30 });
    await api.waitForRequest("getUpdates");
    const started = Date.now();
    await Promise.all([api.close(), api.close()]);
    const answer = await poll.catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer).toEqual({ status: 200, body: { ok: true, result: [] } });
    await api.close();
  });
});

// ───────────── update builders ─────────────

describe("update builders", () => {
  it("computes bot_command and mention entities in UTF-16 code units", () => {
    expect(commandAndMentionEntities("😀 /start@PartnersTestBot hi @some_user, mail a@b.cd /help")).toEqual([
      { type: "bot_command", offset: 3, length: 22 },
      { type: "mention", offset: 29, length: 10 },
      { type: "bot_command", offset: 53, length: 5 },
    ]);
  });

  it("builds private, group/forum, inline, callback and edited updates with Telegram's shapes", async () => {
    const { api } = await setup();
    const priv = api.privateText(42, "/start");
    expect(priv.message).toMatchObject({
      message_id: 1,
      chat: { id: 42, type: "private", first_name: "Tester42", username: "user42" },
      from: { id: 42, is_bot: false, first_name: "Tester42", username: "user42", language_code: "ru" },
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    });

    const root = api.pushUpdate(api.groupText(-1001, 7, "question", { isForum: true, threadId: 55 }));
    expect(root.message).toMatchObject({
      chat: { id: -1001, type: "supergroup", title: "Test group 1001", is_forum: true },
      message_thread_id: 55,
      is_topic_message: true,
    });
    const reply = api.groupText(-1001, 8, "@PartnersTestBot ok?", { replyTo: root.message!.message_id });
    expect(reply.message).toMatchObject({
      message_thread_id: 55,
      reply_to_message: { message_id: root.message!.message_id },
      entities: [{ type: "mention", offset: 0, length: 16 }],
    });

    expect(api.inlineQuery(42, "парк", "20").inline_query).toMatchObject({
      from: { id: 42 },
      query: "парк",
      offset: "20",
    });
    const cb = api.callbackQuery(7, "more", root.message!);
    expect(cb.callback_query).toMatchObject({ from: { id: 7 }, data: "more", message: { message_id: root.message!.message_id } });
    expect(typeof cb.callback_query!.chat_instance).toBe("string");

    api.putFile("DOC1", "pdf bytes", { fileName: "report.pdf", mimeType: "application/pdf" });
    expect(api.privateDocument(42, "DOC1", { caption: "see" }).message).toMatchObject({
      chat: { id: 42, type: "private" },
      document: { file_id: "DOC1", file_name: "report.pdf", mime_type: "application/pdf", file_size: 9 },
      caption: "see",
    });

    const edited = api.editedMessage(root.message!, "question, edited");
    expect(edited.edited_message).toMatchObject({ text: "question, edited", message_id: root.message!.message_id });
    expect(typeof edited.edited_message!.edit_date).toBe("number");
  });
});

// ───────────── validation rules ─────────────

describe("parameter validation", () => {
  it("sendMessage: chat_id and text 1-4096 characters after entity parsing", async () => {
    const { api, call } = await setup();
    expect(descriptionOf(await call("sendMessage", { text: "x" }))).toBe("Bad Request: chat_id is empty");
    expect(descriptionOf(await call("sendMessage", { chat_id: 1, text: "" }))).toBe("Bad Request: message text is empty");
    expect(descriptionOf(await call("sendMessage", { chat_id: 1, text: "<b> </b>", parse_mode: "HTML" }))).toBe(
      "Bad Request: message text is empty",
    );
    expect(descriptionOf(await call("sendMessage", { chat_id: 1, text: "a".repeat(4097) }))).toBe(
      "Bad Request: message is too long",
    );
    // tags and entities do not count: 4096 visible characters are fine
    const html = `<b>${"a".repeat(4090)}</b>&lt;&gt;&amp;&quot;&#33;!`;
    expect(html.length).toBeGreaterThan(4096);
    const sent = resultOf<Message.TextMessage>(await call("sendMessage", { chat_id: 1, text: html, parse_mode: "HTML" }));
    expect(sent.text).toHaveLength(4096);
    expect(sent.text.endsWith('<>&"!!')).toBe(true);
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 4090 }]);
    expect(descriptionOf(await call("sendMessage", { chat_id: 1, text: `${html}x`, parse_mode: "HTML" }))).toBe(
      "Bad Request: message is too long",
    );
    expect(api.violations.map((v) => v.description)).toEqual([
      "Bad Request: chat_id is empty",
      "Bad Request: message text is empty",
      "Bad Request: message text is empty",
      "Bad Request: message is too long",
      "Bad Request: message is too long",
    ]);
  });

  it("parse_mode HTML: malformed markup is refused with Telegram's wording", async () => {
    const { call } = await setup();
    expect(descriptionOf(await call("sendMessage", { chat_id: 1, text: "1 < 2", parse_mode: "HTML" }))).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2`,
    );
    expect(descriptionOf(await call("sendMessage", { chat_id: 1, text: "<b>x</i>", parse_mode: "HTML" }))).toMatch(
      /^Bad Request: can't parse entities: Unmatched end tag/,
    );
    expect(descriptionOf(await call("editMessageText", { chat_id: 1, message_id: 1, text: "A & B", parse_mode: "HTML" }))).toMatch(
      /^Bad Request: can't parse entities: /,
    );
    expect(descriptionOf(await call("sendMessage", { chat_id: 1, text: "x", parse_mode: "BBCode" }))).toBe(
      "Bad Request: unsupported parse_mode",
    );
    resultOf(await call("sendMessage", { chat_id: 1, text: "1 &lt; 2 <i>ok</i>", parse_mode: "HTML" }));
  });

  it("inline keyboards: text plus exactly one action, callback_data 1-64 bytes", async () => {
    const { call } = await setup();
    const send = (button: Record<string, unknown>) =>
      call("sendMessage", { chat_id: 1, text: "x", reply_markup: { inline_keyboard: [[button]] } });
    // 32 Cyrillic letters = 64 bytes; 33 = 66 bytes
    resultOf(await send({ text: "ok", callback_data: "ж".repeat(32) }));
    expect(descriptionOf(await send({ text: "long", callback_data: "ж".repeat(33) }))).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect(descriptionOf(await send({ text: "empty", callback_data: "" }))).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect(descriptionOf(await send({ text: "two", callback_data: "a", url: "https://example.com" }))).toBe(
      "Bad Request: BUTTON_DATA_INVALID",
    );
    expect(descriptionOf(await send({ text: "none" }))).toMatch(/Text buttons are unallowed in the inline keyboard/);
    expect(descriptionOf(await send({ callback_data: "a" }))).toMatch(/Field "text" must be of type String/);
    expect(descriptionOf(await send({ text: "bad url", url: "not a url" }))).toBe("Bad Request: BUTTON_URL_INVALID");
    resultOf(await send({ text: "url", url: "https://example.com" }));
    resultOf(await send({ text: "inline", switch_inline_query_current_chat: "" }));
    resultOf(await send({ text: "chosen", switch_inline_query_chosen_chat: { allow_group_chats: true } }));
  });

  it("answerInlineQuery: ≤50 results, unique ids ≤64 bytes, article title and message_text, next_offset ≤64 bytes", async () => {
    const { api, call } = await setup();
    const article = (id: string, extra: Record<string, unknown> = {}) => ({
      type: "article",
      id,
      title: `Title ${id}`,
      input_message_content: { message_text: `<b>${id}</b>`, parse_mode: "HTML" },
      ...extra,
    });
    const answer = (results: unknown[], extra: Record<string, unknown> = {}) => {
      const id = api.pushUpdate(api.inlineQuery(1, "q")).inline_query!.id;
      return call("answerInlineQuery", { inline_query_id: id, results, ...extra });
    };
    const many = Array.from({ length: 51 }, (_, i) => article(String(i)));
    expect(descriptionOf(await answer(many))).toBe("Bad Request: RESULTS_TOO_MUCH");
    expect(descriptionOf(await answer([article("a"), article("a")]))).toBe("Bad Request: RESULT_ID_DUPLICATE");
    expect(descriptionOf(await answer([article("x".repeat(65))]))).toBe("Bad Request: RESULT_ID_INVALID");
    expect(descriptionOf(await answer([article("a", { title: undefined })]))).toMatch(/Field "title" must be of type String/);
    expect(
      descriptionOf(await answer([article("a", { input_message_content: { message_text: "<div>x</div>", parse_mode: "HTML" } })])),
    ).toMatch(/^Bad Request: can't parse entities: Unsupported start tag "div"/);
    expect(descriptionOf(await answer([article("a", { input_message_content: {} })]))).toMatch(/message_text/);
    expect(descriptionOf(await answer([article("a")], { next_offset: "9".repeat(65) }))).toBe(
      "Bad Request: NEXT_OFFSET_INVALID",
    );
    expect(descriptionOf(await call("answerInlineQuery", { inline_query_id: "123", results: [] }))).toMatch(
      /query is too old/,
    );
    resultOf(await answer(many.slice(0, 50), { next_offset: "50", cache_time: 0 }));
  });

  it("reply_parameters must name a message that exists in the chat", async () => {
    const { api, call } = await setup();
    const pushed = api.pushUpdate(api.privateText(5, "question"));
    expect(
      descriptionOf(await call("sendMessage", { chat_id: 5, text: "a", reply_parameters: { message_id: 999 } })),
    ).toBe("Bad Request: message to be replied not found");
    const reply = resultOf<Message.TextMessage>(
      await call("sendMessage", { chat_id: 5, text: "a", reply_parameters: { message_id: pushed.message!.message_id } }),
    );
    expect(reply.reply_to_message).toMatchObject({ message_id: pushed.message!.message_id, text: "question" });
    // a message the bot sent can be replied to as well
    resultOf(await call("sendMessage", { chat_id: 5, text: "b", reply_parameters: { message_id: reply.message_id } }));
    resultOf(
      await call("sendMessage", {
        chat_id: 5,
        text: "c",
        reply_parameters: { message_id: 999, allow_sending_without_reply: true },
      }),
    );
    expect(
      descriptionOf(
        await call("sendMessage", {
          chat_id: 5,
          text: "d",
          reply_parameters: { message_id: pushed.message!.message_id, quote: "answer" },
        }),
      ),
    ).toBe("Bad Request: QUOTE_TEXT_INVALID");
  });

  it("records a violation when a reply in a forum topic lacks the topic's message_thread_id", async () => {
    const { api, call } = await setup();
    api.forumChats.add(-1002);
    const q = api.pushUpdate(api.groupText(-1002, 9, "in topic", { threadId: 77 }));
    const id = q.message!.message_id;
    const good = resultOf<Message.TextMessage>(
      await call("sendMessage", { chat_id: -1002, text: "a", message_thread_id: 77, reply_parameters: { message_id: id } }),
    );
    expect(good).toMatchObject({ message_thread_id: 77, is_topic_message: true });
    expect(api.violations).toEqual([]);
    // Telegram accepts it (and files the reply in the topic), but the bot relied on luck
    const bad = resultOf<Message.TextMessage>(
      await call("sendMessage", { chat_id: -1002, text: "b", reply_parameters: { message_id: id } }),
    );
    expect(bad.message_thread_id).toBe(77);
    expect(api.violations).toHaveLength(1);
    expect(api.violations[0]).toMatchObject({ method: "sendMessage" });
    expect(api.violations[0]?.description).toMatch(/lacks message_thread_id 77/);
  });

  it("editMessageText: the message must exist, be the bot's, and change", async () => {
    const { api, call } = await setup();
    const sent = resultOf<Message.TextMessage>(
      await call("sendMessage", {
        chat_id: 3,
        text: "v1",
        reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
      }),
    );
    const keyboard = { inline_keyboard: [[{ text: "A", callback_data: "a" }]] };
    expect(
      descriptionOf(await call("editMessageText", { chat_id: 3, message_id: sent.message_id, text: "v1", reply_markup: keyboard })),
    ).toMatch(/^Bad Request: message is not modified/);
    const edited = resultOf<Message.TextMessage>(
      await call("editMessageText", { chat_id: 3, message_id: sent.message_id, text: "v2", reply_markup: keyboard }),
    );
    expect(edited).toMatchObject({ text: "v2", reply_markup: keyboard });
    expect(typeof edited.edit_date).toBe("number");
    expect(descriptionOf(await call("editMessageText", { chat_id: 3, message_id: 999, text: "x" }))).toBe(
      "Bad Request: message to edit not found",
    );
    const user = api.pushUpdate(api.privateText(3, "mine"));
    expect(descriptionOf(await call("editMessageText", { chat_id: 3, message_id: user.message!.message_id, text: "x" }))).toBe(
      "Bad Request: message can't be edited",
    );
    // editMessageReplyMarkup without reply_markup removes the keyboard
    const cleared = resultOf<Message.TextMessage>(await call("editMessageReplyMarkup", { chat_id: 3, message_id: sent.message_id }));
    expect(cleared.reply_markup).toBeUndefined();
    expect(descriptionOf(await call("editMessageReplyMarkup", { chat_id: 3, message_id: sent.message_id }))).toMatch(
      /message is not modified/,
    );
    resultOf(await call("deleteMessage", { chat_id: 3, message_id: sent.message_id }));
    expect(descriptionOf(await call("deleteMessage", { chat_id: 3, message_id: sent.message_id }))).toBe(
      "Bad Request: message to delete not found",
    );
  });

  it("answerCallbackQuery, sendChatAction and commands", async () => {
    const { api, call } = await setup();
    const msg = resultOf<Message.TextMessage>(await call("sendMessage", { chat_id: 4, text: "m" }));
    const id = api.pushUpdate(api.callbackQuery(4, "a", msg)).callback_query!.id;
    resultOf(await call("answerCallbackQuery", { callback_query_id: id, text: "done" }));
    expect(descriptionOf(await call("answerCallbackQuery", { callback_query_id: id }))).toMatch(/query is too old/);
    resultOf(await call("sendChatAction", { chat_id: 4, action: "typing" }));
    expect(descriptionOf(await call("sendChatAction", { chat_id: 4, action: "dancing" }))).toBe(
      "Bad Request: wrong parameter action in request",
    );
    const commands = [{ command: "start", description: "Начать" }];
    resultOf(await call("setMyCommands", { commands, language_code: "ru" }));
    expect(resultOf(await call("getMyCommands", { language_code: "ru" }))).toEqual(commands);
    expect(resultOf(await call("getMyCommands"))).toEqual([]);
    expect(descriptionOf(await call("setMyCommands", { commands: [{ command: "Start!", description: "x" }] }))).toBe(
      "Bad Request: BOT_COMMAND_INVALID",
    );
  });

  it("refuses half a surrogate pair in any string, as Telegram does, and takes whole ones", async () => {
    const { api, call } = await setup();
    const LONE = "Вопрос \ud83d";
    const UTF8 = "Bad Request: strings must be encoded in UTF-8";
    expect(descriptionOf(await call("sendMessage", { chat_id: 5, text: LONE }))).toBe(UTF8);
    const msg = resultOf<Message.TextMessage>(await call("sendMessage", { chat_id: 5, text: "Вопрос 😀" }));
    expect(msg.text).toBe("Вопрос 😀");
    expect(descriptionOf(await call("editMessageText", { chat_id: 5, message_id: msg.message_id, text: `<b>${LONE}</b>`, parse_mode: "HTML" }))).toBe(UTF8);
    const id = api.pushUpdate(api.callbackQuery(5, "a", msg)).callback_query!.id;
    expect(descriptionOf(await call("answerCallbackQuery", { callback_query_id: id, text: LONE }))).toBe(UTF8);
    const inline = (result: Record<string, unknown>) => {
      const queryId = api.pushUpdate(api.inlineQuery(5, "q")).inline_query!.id;
      const article = { type: "article", id: "a", title: "T", input_message_content: { message_text: "m" } };
      return call("answerInlineQuery", { inline_query_id: queryId, results: [{ ...article, ...result }] });
    };
    expect(descriptionOf(await inline({ title: LONE }))).toBe(UTF8);
    expect(descriptionOf(await inline({ description: "\ude00 tail" }))).toBe(UTF8);
    expect(descriptionOf(await inline({ input_message_content: { message_text: LONE } }))).toBe(UTF8);
    resultOf(await inline({ title: "😀", description: "👨‍👩‍👧 🇷🇺" }));
    expect(api.violations.map((violation) => violation.description)).toEqual(Array(6).fill(UTF8));
  });

  it("can reject chats it has never seen, like Telegram", async () => {
    const { api, call } = await setup({ unknownChats: "reject" });
    expect(descriptionOf(await call("sendMessage", { chat_id: 77, text: "x" }))).toBe("Bad Request: chat not found");
    api.pushUpdate(api.privateText(77, "hi"));
    resultOf(await call("sendMessage", { chat_id: 77, text: "x" }));
  });
});

// ───────────── faults ─────────────

describe("fault injection", () => {
  it("429 with retry_after, 400, 403, 409, 500 — each for the next call only", async () => {
    const { api, call } = await setup();
    api.failNext("sendMessage", { kind: "429", retryAfter: 3 });
    expect(await call("sendMessage", { chat_id: 1, text: "x" })).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } },
    });
    expect((await call("sendMessage", { chat_id: 1, text: "x" })).status).toBe(200);

    api.failNext("sendMessage", { kind: "400", description: "Bad Request: chat not found" });
    expect(descriptionOf(await call("sendMessage", { chat_id: 1, text: "x" }))).toBe("Bad Request: chat not found");
    api.failNext("sendMessage", { kind: "403" });
    expect(await call("sendMessage", { chat_id: 1, text: "x" })).toMatchObject({
      status: 403,
      body: { error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
    api.failNext("getUpdates", { kind: "409" });
    expect((await call("getUpdates")).status).toBe(409);
    api.failNext("getMe", { kind: "500" }, 2);
    expect((await call("getMe")).status).toBe(500);
    expect((await call("getMe")).status).toBe(500);
    expect((await call("getMe")).status).toBe(200);
    // injected faults are not violations of the bot
    expect(api.violations).toEqual([]);
  });

  it("drop destroys the connection without an answer", async () => {
    const { api, call } = await setup();
    api.failNext("sendMessage", { kind: "drop" });
    await expect(call("sendMessage", { chat_id: 1, text: "x" })).rejects.toThrow();
    expect(api.callsTo("sendMessage")[0]?.response).toEqual({ dropped: true });
    expect((await call("sendMessage", { chat_id: 1, text: "x" })).status).toBe(200);
  });

  it("delay answers normally after the delay", async () => {
    const { api, call } = await setup();
    api.failNext("getMe", { kind: "delay", ms: 200 });
    const started = Date.now();
    expect((await call("getMe")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it("hold answers normally once released, and not before", async () => {
    const { api, call } = await setup();
    let release!: () => void;
    api.failNext("getMe", { kind: "hold", until: new Promise<void>((resolve) => (release = resolve)) });
    // No client timeout on the held call: how long the rest takes on a busy machine does not matter.
    const answered = call("getMe", {}, { signal: new AbortController().signal });
    const held = await api.waitForRequest("getMe");
    // Other calls go on while one is held.
    expect((await call("getMe")).status).toBe(200);
    expect(held.response).toBeUndefined();
    release();
    expect((await answered).status).toBe(200);
    expect(held.response).toMatchObject({ ok: true });
  });

  it("hold ends without an answer when the stand-in closes", async () => {
    const { api, call } = await setup();
    api.failNext("getMe", { kind: "hold", until: new Promise<void>(() => {}) });
    const answered = call("getMe", {}, { signal: new AbortController().signal }).catch((error: unknown) => error);
    const held = await api.waitForRequest("getMe");
    await api.close();
    await answered;
    expect(held.response).toEqual({ aborted: true });
  });

  it("failWhen targets calls by their parameters until removed", async () => {
    const { api, call } = await setup();
    const remove = api.failWhen((method, params) => method === "sendMessage" && params.chat_id === 666, { kind: "403" });
    expect((await call("sendMessage", { chat_id: 666, text: "x" })).status).toBe(403);
    expect((await call("sendMessage", { chat_id: 666, text: "x" })).status).toBe(403);
    expect((await call("sendMessage", { chat_id: 1, text: "x" })).status).toBe(200);
    remove();
    expect((await call("sendMessage", { chat_id: 666, text: "x" })).status).toBe(200);
  });
});

// ───────────── observation ─────────────

describe("observation", () => {
  it("waitForCall rejects with the calls seen so far", async () => {
    const { api, call } = await setup();
    await call("getMe");
    await call("sendMessage", { chat_id: 1, text: "" });
    const error = await api.waitForCall("answerCallbackQuery", undefined, 100).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('waitForCall("answerCallbackQuery") timed out after 100 ms');
    expect((error as Error).message).toContain("1. getMe {} → 200 ok");
    expect((error as Error).message).toContain('2. sendMessage {"chat_id":1,"text":""} → 400 Bad Request: message text is empty');
  });

  it("waitForCall resolves for a call made later and reset() forgets calls", async () => {
    const { api, call } = await setup();
    const waiting = api.waitForCall("sendMessage", (c) => c.params.text === "second");
    await call("sendMessage", { chat_id: 1, text: "first" });
    await call("sendMessage", { chat_id: 1, text: "second" });
    expect((await waiting).params.text).toBe("second");
    api.reset();
    expect(api.calls).toEqual([]);
    expect(api.violations).toEqual([]);
  });
});

// ───────────── grammY end to end ─────────────

describe("grammY against the stand-in", () => {
  it("runs a polling bot end to end: commands, callback buttons, replies", async () => {
    const { api, apiRoot } = await setup();
    const bot = new Bot(api.token, { client: { apiRoot }, botInfo: api.botInfo });
    bot.command("start", (ctx) =>
      ctx.reply(`<b>Привет</b>, ${ctx.from?.first_name ?? ""}!`, {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text("Партнёры", "partners"),
      }),
    );
    bot.callbackQuery("partners", async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText("Список партнёров");
    });
    bot.on("message:text", (ctx) =>
      ctx.reply(`echo: ${ctx.message.text}`, { reply_parameters: { message_id: ctx.message.message_id } }),
    );
    const errors: unknown[] = [];
    bot.catch((e) => errors.push(e.error));

    const polling = bot.start();
    try {
      api.pushUpdate(api.privateText(42, "/start"));
      const greeting = await api.waitForCall("sendMessage");
      expect(greeting.status).toBe(200);
      const sent = (greeting.response as { result: Message.TextMessage }).result;
      expect(sent).toMatchObject({ text: "Привет, Tester42!", entities: [{ type: "bold", offset: 0, length: 6 }] });

      api.pushUpdate(api.callbackQuery(42, "partners", sent));
      await api.waitForCall("answerCallbackQuery");
      const edit = await api.waitForCall("editMessageText");
      expect(edit.status).toBe(200);
      expect(api.message(42, sent.message_id)).toMatchObject({ text: "Список партнёров" });

      api.pushUpdate(api.privateText(42, "где парк?"));
      const echo = await api.waitForCall("sendMessage", (c) => c.params.text === "echo: где парк?");
      expect(echo.status).toBe(200);
    } finally {
      await bot.stop();
      await polling;
    }
    expect(errors).toEqual([]);
    expect(api.violations).toEqual([]);
    // bot.stop() confirmed what was handled
    expect(api.pendingUpdates()).toEqual([]);
    expect(api.callsTo("deleteWebhook")).toHaveLength(1);
  });

  it("bot.api calls: getMe via init, errors surface as GrammyError/HttpError, uploads work", async () => {
    const { api, apiRoot } = await setup();
    const bot = new Bot(api.token, { client: { apiRoot } });
    await bot.init();
    expect(bot.botInfo.username).toBe("PartnersTestBot");

    const message = await bot.api.sendMessage(100, "<i>hi</i>", { parse_mode: "HTML" });
    expect(message).toMatchObject({ chat: { id: 100 }, text: "hi" });

    api.failNext("sendMessage", { kind: "403" });
    const blocked = await bot.api.sendMessage(100, "x").catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(GrammyError);
    expect((blocked as GrammyError).error_code).toBe(403);

    api.failNext("sendMessage", { kind: "429", retryAfter: 7 });
    const limited = (await bot.api.sendMessage(100, "x").catch((e: unknown) => e)) as GrammyError;
    expect(limited.parameters.retry_after).toBe(7);

    api.failNext("sendMessage", { kind: "drop" });
    expect(await bot.api.sendMessage(100, "x").catch((e: unknown) => e)).toBeInstanceOf(HttpError);

    const bad = (await bot.api.sendMessage(100, "a < b", { parse_mode: "HTML" }).catch((e: unknown) => e)) as GrammyError;
    expect(bad.description).toMatch(/^Bad Request: can't parse entities/);
    expect(api.violations).toHaveLength(1);

    const doc = await bot.api.sendDocument(100, new InputFile(Buffer.from("partner list"), "partners.txt"), {
      caption: "<b>Список</b>",
      parse_mode: "HTML",
    });
    expect(doc.document).toMatchObject({ file_name: "partners.txt", file_size: 12 });
    expect(doc.caption).toBe("Список");
    expect(api.callsTo("sendDocument")[0]?.uploads).toBeDefined();
    const file = await bot.api.getFile(doc.document.file_id);
    const download = await fetch(`${apiRoot}/file/bot${DEFAULT_TOKEN}/${file.file_path}`);
    expect(await download.text()).toBe("partner list");
    expect(api.file(doc.document.file_id)?.content.toString("utf8")).toBe("partner list");
  });
});
