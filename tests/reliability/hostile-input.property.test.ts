/**
 * Hostile and odd input at the bot level, property-based: the real bot polling the stand-in over
 * HTTP gets arbitrary text as private messages, group questions, inline queries, captions and
 * edits, arbitrary callback data, update kinds it does not handle and updates with fields left out.
 * For every input: nothing fails, Telegram refuses nothing the bot sends, every reply is valid
 * Telegram HTML of at most 4,096 characters, there is one sensible reply or none, and a normal
 * question in the same chat is answered right after it.
 *
 * The engine under such text is covered by tests/property/hostile-input.property.test.ts; here it
 * is the Telegram side: update shapes, parsing, replies, buttons.
 */
import fc from "fast-check";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_USERNAME, LEVEL, asMedia, button, parseLogLine, resultMessage, startBot, stopAll } from "../e2e/harness.js";
import type { BotHarness } from "../e2e/harness.js";
import type { RecordedCall, UpdateDraft } from "../support/bot-api-stand-in.js";
import { expectValidOutgoing, hostileText, isNotModified, settle } from "./support.js";
import { LOCALES, t } from "../../src/i18n/i18n.js";
import { messageIds } from "../texts/fluent-files.js";

const QUESTION = "меморандум Москвы и Минска";
const OWNER = 710_001;
const GROUP = -1001_710_000_001;
const SEED = Number(process.env.FC_SEED ?? 20_260_115);
/** Each property stops by itself after this long even if runs are left (reported in the counts). */
const TIME_LIMIT_MS = 12_000;

let h: BotHarness;
let sentinelText = "";
/** The answer message in OWNER's chat whose buttons every callback test presses. */
let pressed: ReturnType<typeof resultMessage>;
let liveKey = "";
let nextUser = 720_000;
const tried: Record<string, number> = {};
let notModified = 0;

beforeAll(async () => {
  // Rate limiting is not under test here (tests/reliability/load.test.ts is): every sentinel comes from the same few chats.
  // Every round is told from the next by the sentinel's answer text: a hostile message read as a
  // follow-up of the last sentinel could answer with that very text, so follow-ups are off here.
  h = await startBot({ logLevel: "info", bot: { messagesPerMinute: 1_000_000 }, followUps: false });
  sentinelText = (await h.send(h.api.privateText(OWNER, QUESTION))).params.text as string;
  const answer = await h.send(h.api.privateText(OWNER, "Минск"));
  pressed = resultMessage(answer);
  liveKey = /^pg:([a-z0-9]+):/.exec(button(answer, t("ru", "button-more")).callback_data)![1]!;
}, 20_000);

afterAll(async () => {
  await stopAll();
  console.log(
    `hostile input (bot level): ${Object.entries(tried)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ")}; total ${Object.values(tried).reduce((a, b) => a + b, 0)}; “message is not modified” refusals expected and absorbed: ${notModified}`,
  );
});

interface Expect {
  /** Messages sent or edited in reply: [min, max]. */
  messages: [number, number];
  /** answerCallbackQuery / answerInlineQuery calls expected. */
  callbackAnswers?: number;
  inlineAnswers?: number;
  /** In groups: the asking message, which every reply must quote. */
  replyTo?: number;
}

/** Where the normal question that follows an input is asked: the same private chat, the group, or inline. */
type Sentinel = { chat: number } | "group" | "inline";

/**
 * Delivers `deliver` (pushed through polling, or handed to the bot directly for update kinds that
 * polling does not request), then a normal question in the same chat — each chat's updates are
 * handled in order, so once that is answered the input is done with — and checks everything the
 * bot did in between.
 */
async function roundTrip(kind: string, deliver: UpdateDraft | (() => Promise<void>), sentinel: Sentinel, expected: Expect): Promise<void> {
  tried[kind] = (tried[kind] ?? 0) + 1;
  h.api.reset();
  const logLines = h.logs.lines.length;
  if (typeof deliver === "function") await deliver();
  else h.api.pushUpdate(deliver);

  let done: RecordedCall;
  if (sentinel === "inline") {
    const query = h.api.pushUpdate(h.api.inlineQuery(OWNER, QUESTION)).inline_query!.id;
    done = await h.api.waitForCall("answerInlineQuery", (call) => call.params.inline_query_id === query, 10_000);
    expect((done.params.results as unknown[]).length, "the inline question after it is answered").toBeGreaterThan(0);
  } else {
    const draft = sentinel === "group" ? h.api.groupText(GROUP, OWNER, `/ask ${QUESTION}`) : h.api.privateText(sentinel.chat, QUESTION);
    const chat = draft.message!.chat.id;
    h.api.pushUpdate(draft);
    done = await h.api.waitForCall("sendMessage", (call) => call.params.chat_id === chat && call.params.text === sentinelText, 10_000);
  }
  // Inline queries and presses on inline messages have no chat, hence no order: wait until the bot has handled every update.
  await settle(() => (h.runner?.size() ?? 0) === 0 && h.api.calls.every((call) => call.response !== undefined || call.method === "getUpdates"), 10_000, `${kind}: updates in flight`);
  const calls = h.api.calls.filter((call) => call.method !== "getUpdates" && call !== done);

  notModified += h.api.violations.filter((violation) => isNotModified(violation.description)).length;
  expect(h.api.violations.filter((violation) => !isNotModified(violation.description))).toEqual([]);
  expect(calls.filter((call) => call.status !== 200 && !(call.response && "description" in call.response && isNotModified(call.response.description)))).toEqual([]);
  expectValidOutgoing(calls);
  const messages = calls.filter((call) => call.method === "sendMessage" || call.method === "editMessageText");
  const shown = `${kind}: replies ${JSON.stringify(messages.map((call) => String(call.params.text).slice(0, 80)))}`;
  expect(messages.length, shown).toBeGreaterThanOrEqual(expected.messages[0]);
  expect(messages.length, shown).toBeLessThanOrEqual(expected.messages[1]);
  expect(calls.filter((call) => call.method === "answerCallbackQuery")).toHaveLength(expected.callbackAnswers ?? 0);
  expect(calls.filter((call) => call.method === "answerInlineQuery")).toHaveLength(expected.inlineAnswers ?? 0);
  if (expected.replyTo !== undefined) for (const call of messages) expect(call.params.reply_parameters).toEqual({ message_id: expected.replyTo, allow_sending_without_reply: true });
  for (const call of messages) expect(isSensible(call.params.text as string), `${kind}: not a reply the bot has: ${String(call.params.text).slice(0, 200)}`).toBe(true);
  const troubled = h.logs.lines.slice(logLines).map(parseLogLine).filter((record) => record.level >= LEVEL.warn);
  expect(troubled, `${kind}: warnings or errors logged`).toEqual([]);
}

/** Every message of the Fluent files that takes no variables, in both languages. */
const FIXED_TEXTS = LOCALES.flatMap((lang) => messageIds(lang).flatMap((id) => {
  try {
    return [t(lang, id)];
  } catch {
    return []; // it needs variables
  }
}));

/**
 * A reply the bot has: one of its fixed texts, its help, its lists, or an answer — facts each with
 * an italic citation line, or the honest "not in the knowledge" with suggestions.
 */
function isSensible(html: string): boolean {
  if (FIXED_TEXTS.includes(html)) return true;
  if (/^<b>(Бот о городских|Moscow's city partnerships|Как спросить|How to ask|Источники|Sources)/.test(html)) return true;
  if (LOCALES.some((lang) => html.startsWith(t(lang, "not-found")))) return true;
  return /\n<i>[^<\n]+, \d{1,2} \S+ \d{4} — /.test(html) || /^<b>[^<]+<\/b> — /.test(html);
}

const user = () => nextUser++;
const runs = (numRuns: number) => ({ numRuns, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false });

describe("hostile and odd input through the whole bot", () => {
  it("private messages: one sensible reply each", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), async (text) => {
        const from = user();
        await roundTrip("private text", h.api.privateText(from, text), { chat: from }, { messages: [1, 1] });
      }),
      runs(300),
    );
  }, 60_000);

  it("group /ask arguments and mentions: one reply each, under the asking message", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), fc.constantFrom("/ask ", `/ask@${BOT_USERNAME} `, `@${BOT_USERNAME} `), async (text, prefix) => {
        const asked = h.api.groupText(GROUP, user(), `${prefix}${text}`);
        await roundTrip("group question", asked, "group", { messages: [1, 1], replyTo: asked.message!.message_id });
      }),
      runs(200),
    );
  }, 60_000);

  it("captions of photos in private: answered as questions", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(2_000), async (caption) => {
        const from = user();
        await roundTrip("caption", asMedia(h.api.privateText(from, "x"), "photo", caption), { chat: from }, { messages: [1, 1] });
      }),
      runs(120),
    );
  }, 60_000);

  it("inline queries (up to 256 characters) and any offset: exactly one inline answer, no message", async () => {
    const offset = fc.oneof(fc.constant(""), fc.nat(100).map(String), hostileText(64));
    await fc.assert(
      fc.asyncProperty(hostileText(256), offset, async (query, at) => {
        await roundTrip("inline query", h.api.inlineQuery(user(), query, at), "inline", { messages: [0, 0], inlineAnswers: 1 });
      }),
      runs(200),
    );
  }, 60_000);

  it("edited messages (never requested; delivered anyway): no reply", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), fc.constantFrom("private", "group"), async (text, where) => {
        const original = where === "private" ? h.api.privateText(user(), QUESTION) : h.api.groupText(GROUP, user(), `/ask ${QUESTION}`);
        const edited = h.api.editedMessage(original.message!, where === "group" && text.length % 2 === 0 ? `/ask ${text}` : text);
        await roundTrip("edited message", () => handle(edited), { chat: OWNER }, { messages: [0, 0] });
      }),
      runs(100),
    );
  }, 60_000);

  it("callback data — random bytes, foreign formats, stale and forged pages: one answer to the press, at most one edit", async () => {
    const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 });
    const data = fc.oneof(
      bytes.map((raw) => Buffer.from(raw).toString("utf8")),
      bytes.map((raw) => Buffer.from(raw).toString("latin1")),
      fc.constantFrom(
        '{"action":"more","page":2}', "page_2", "next", "pg:", "pg::", "pg:abc", "pg:abc:", "pg:abc:-1", "pg:abc:1e3", "pg:abc:1:2", "pg:ABC:1", "pg:x:0\u0000",
        "ex:1:ru", "ex:NaN:ru:0", "ex:1:de:0", "ex:1:ru:-1", "pt:1:0", "pt:1:0:999999", "pt:1:999999:0", "ig:abc:p", "ig:zz:d:1", "ig:zz:c",
        "__proto__", "constructor", "toString", " ", ":", "::::", "%70%67:x:1", "x".repeat(64), "🙂".repeat(16), "\uD800".repeat(64),
      ),
      fc.tuple(fc.constant(liveKey), fc.integer({ min: 0, max: 999_999 })).map(([key, offset]) => `pg:${key}:${offset}`),
      fc.tuple(fc.stringMatching(/^[a-z0-9]{1,24}$/), fc.nat(99)).map(([key, offset]) => `pg:${key}:${offset}`),
      fc.tuple(fc.nat(3), fc.constantFrom("ru", "en"), fc.nat(60)).map(([version, lang, index]) => `ex:${version}:${lang}:${index}`),
      fc.tuple(fc.nat(3), fc.nat(12), fc.nat(60)).map(([version, index, offset]) => `pt:${version}:${index}:${offset}`),
    );
    await fc.assert(
      fc.asyncProperty(data, async (value) => {
        await roundTrip("callback data", h.api.callbackQuery(user(), value, pressed), { chat: OWNER }, { messages: [0, 1], callbackAnswers: 1 });
      }),
      runs(300),
    );
  }, 60_000);

  it("update kinds the bot does not handle: no reply, nothing logged above info", async () => {
    const kinds = fc.constantFrom(...UNHANDLED);
    await fc.assert(
      fc.asyncProperty(kinds, hostileText(500), async (make, text) => {
        const update = make(h, user(), text);
        const kind = Object.keys(update).find((key) => key !== "update_id")!;
        // A channel may run /ask as well; everything else gets no reply.
        const replies: [number, number] = kind === "channel_post" ? [0, 1] : [0, 0];
        await roundTrip("unhandled kind", () => handle(update as UpdateDraft), { chat: OWNER }, { messages: replies });
      }),
      runs(120),
    );
  }, 60_000);

  it("messages the bot does not take (service messages, media) in private and in groups: a hint in private, silence in groups", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(SERVICE_FIELDS)), fc.constantFrom("private", "group"), async (field, where) => {
        const from = user();
        const draft = where === "private" ? h.api.privateText(from, "x") : h.api.groupText(GROUP, from, "x");
        const message = draft.message as unknown as Record<string, unknown>;
        delete message.text;
        delete message.entities;
        message[field] = SERVICE_FIELDS[field];
        await roundTrip("service or media message", draft, where === "private" ? { chat: from } : "group", { messages: where === "private" ? [1, 1] : [0, 0] });
      }),
      runs(80),
    );
  }, 60_000);

  it("updates with optional fields left out: a sensible reply or none, never a failure", async () => {
    const variants = fc.oneof(
      fc.tuple(fc.constant("private"), hostileText(300), fc.subarray(["from", "entities", "from.username", "from.last_name", "from.language_code", "chat.first_name", "chat.username"])),
      fc.tuple(fc.constant("group"), hostileText(300), fc.subarray(["from", "entities", "from.username", "from.language_code", "chat.title"])),
      fc.tuple(fc.constant("caption"), hostileText(300), fc.subarray(["from", "from.language_code", "chat.first_name", "photo"])),
      fc.tuple(fc.constant("callback"), fc.constantFrom(`pg:${liveKey}:3`, "pt:1:0:0", "ex:1:ru:0", "junk"), fc.subarray(["message", "from.language_code", "from.username", "data"])),
      fc.tuple(fc.constant("inline"), hostileText(256), fc.subarray(["chat_type", "from.language_code", "from.username"])),
    );
    await fc.assert(
      fc.asyncProperty(variants, async ([shape, text, omitted]) => {
        const draft = missingFields(shape, text, omitted);
        const chat = draft.message?.chat.id ?? OWNER;
        const sentinel: Sentinel = shape === "group" ? "group" : shape === "inline" ? "inline" : { chat };
        const expected: Expect =
          shape === "inline" ? { messages: [0, 0], inlineAnswers: 1 } : shape === "callback" ? { messages: [0, 1], callbackAnswers: 1 } : { messages: [0, 1] };
        await roundTrip("missing fields", draft, sentinel, expected);
      }),
      runs(200),
    );
  }, 60_000);
});

/** Hands an update to the bot directly, as if Telegram had sent one that polling does not ask for. */
let directId = 900_000_000;
async function handle(draft: UpdateDraft): Promise<void> {
  await h.bot.handleUpdate({ ...draft, update_id: directId++ } as Update);
}

type Make = (h: BotHarness, userId: number, text: string) => Record<string, unknown>;
const now = () => Math.floor(Date.now() / 1000);
const someone = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });
const channel = { id: -1001_710_000_099, type: "channel", title: "Channel" };

/** One maker per update kind outside message, callback_query and inline_query, shaped as Telegram sends them. */
const UNHANDLED: Make[] = [
  (_h, _u, text) => ({ channel_post: { message_id: 1, date: now(), chat: channel, text } }),
  (_h, _u, text) => ({ channel_post: { message_id: 2, date: now(), chat: channel, text: `/ask ${text}`, entities: [{ type: "bot_command", offset: 0, length: 4 }] } }),
  (_h, _u, text) => ({ edited_channel_post: { message_id: 1, date: now(), edit_date: now(), chat: channel, text } }),
  (_h, u) => ({ message_reaction: { chat: { id: u, type: "private", first_name: "U" }, message_id: 1, user: someone(u), date: now(), old_reaction: [], new_reaction: [{ type: "emoji", emoji: "👍" }] } }),
  (_h, u) => ({ message_reaction_count: { chat: { id: GROUP, type: "supergroup", title: "G" }, message_id: 1, date: now(), reactions: [{ type: { type: "emoji", emoji: "🔥" }, total_count: u % 9 }] } }),
  (_h, u) => ({ my_chat_member: { chat: { id: u, type: "private", first_name: "U" }, from: someone(u), date: now(), old_chat_member: { status: "member", user: someone(1) }, new_chat_member: { status: "kicked", user: someone(1), until_date: 0 } } }),
  (_h, u) => ({ chat_member: { chat: { id: GROUP, type: "supergroup", title: "G" }, from: someone(u), date: now(), old_chat_member: { status: "left", user: someone(u) }, new_chat_member: { status: "member", user: someone(u) } } }),
  (_h, u, text) => ({ chat_join_request: { chat: { id: GROUP, type: "supergroup", title: "G" }, from: someone(u), user_chat_id: u, date: now(), bio: text.slice(0, 70) } }),
  (_h, u, text) => ({ poll: { id: String(u), question: text.slice(0, 300) || "?", options: [{ text: "a", voter_count: 1 }], total_voter_count: 1, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } }),
  (_h, u) => ({ poll_answer: { poll_id: String(u), user: someone(u), option_ids: [0] } }),
  (_h, u, text) => ({ chosen_inline_result: { result_id: text.slice(0, 64) || "r", from: someone(u), query: text.slice(0, 256) } }),
  (_h, u) => ({ shipping_query: { id: String(u), from: someone(u), invoice_payload: "p", shipping_address: { country_code: "RU", state: "", city: "Москва", street_line1: "", street_line2: "", post_code: "" } } }),
  (_h, u) => ({ pre_checkout_query: { id: String(u), from: someone(u), currency: "XTR", total_amount: 1, invoice_payload: "p" } }),
  (_h, u, text) => ({ business_message: { message_id: 1, date: now(), chat: { id: u, type: "private", first_name: "U" }, from: someone(u), business_connection_id: "b", text } }),
  (_h, u) => ({ chat_boost: { chat: { id: GROUP, type: "supergroup", title: "G" }, boost: { boost_id: String(u), add_date: now(), expiration_date: now() + 1, source: { source: "premium", user: someone(u) } } } }),
  (_h, u) => ({ purchased_paid_media: { from: someone(u), paid_media_payload: "x" } }),
  (_h, u, text) => ({ some_future_kind: { id: u, text } }),
  (_h, u) => ({ message: { message_id: 1, date: now(), chat: channel, sender_chat: channel, from: someone(u) } }),
];

/** Message fields the bot has no handler for, with a value of the right shape. */
const SERVICE_FIELDS: Record<string, unknown> = {
  new_chat_members: [someone(1)],
  left_chat_member: someone(1),
  new_chat_title: "<b>title</b>",
  pinned_message: { message_id: 1, date: 0, chat: { id: 1, type: "private" } },
  location: { latitude: 55.75, longitude: 37.62 },
  contact: { phone_number: "+7 000", first_name: "X" },
  dice: { emoji: "🎲", value: 6 },
  poll: { id: "1", question: "?", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false },
  sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false },
  video_note: { file_id: "v", file_unique_id: "v", length: 1, duration: 1 },
  migrate_to_chat_id: -1001_000_000_001,
  web_app_data: { data: "<b>", button_text: "x" },
};

/** A well-formed update of `shape` with the fields in `omitted` (dot paths) removed. */
function missingFields(shape: string, text: string, omitted: string[]): UpdateDraft {
  let draft: UpdateDraft;
  let root: Record<string, unknown>;
  if (shape === "private" || shape === "group" || shape === "caption") {
    draft =
      shape === "private"
        ? h.api.privateText(user(), text)
        : shape === "group"
          ? h.api.groupText(GROUP, user(), `/ask ${text}`)
          : asMedia(h.api.privateText(user(), "x"), "photo", text);
    root = draft.message as unknown as Record<string, unknown>;
  } else if (shape === "callback") {
    draft = h.api.callbackQuery(user(), text, pressed);
    root = draft.callback_query as unknown as Record<string, unknown>;
    // A press on a message sent inline carries inline_message_id instead of the message.
    if (omitted.includes("message")) root.inline_message_id = "AgAAAInlineMessageId";
  } else {
    draft = h.api.inlineQuery(user(), text);
    root = draft.inline_query as unknown as Record<string, unknown>;
  }
  for (const path of omitted) {
    const keys = path.split(".");
    let target: Record<string, unknown> | undefined = root;
    for (const key of keys.slice(0, -1)) target = target?.[key] as Record<string, unknown> | undefined;
    if (target) delete target[keys.at(-1)!];
  }
  return draft;
}
