/**
 * Telegram faults that tests/e2e/resilience.test.ts leaves out: a slow API for one chat (alone and
 * under a flood), 429s in many chats at once and on button presses, a refusal followed by the next
 * message of the same chat, a bot kicked from a group. getUpdates faults: polling.test.ts.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { LEVEL, button, resultMessage, shownText, startBot, stopAll } from "../e2e/harness.js";
import type { BotHarness } from "../e2e/harness.js";
import type { RecordedCall } from "../support/bot-api-stand-in.js";
import { errorLogs, expectValidOutgoing } from "./support.js";
import { t } from "../../src/i18n/i18n.js";

const USER = 730_001;
const OTHERS = Array.from({ length: 20 }, (_, i) => 730_100 + i);
const GROUP = -1001_730_000_001;
const OTHER_GROUP = -1001_730_000_002;

const injected: Record<string, number> = {};
function inject(kind: string, count = 1): void {
  injected[kind] = (injected[kind] ?? 0) + count;
}

afterEach(stopAll);
afterAll(() => {
  console.log(`faults injected: ${Object.entries(injected).map(([kind, count]) => `${kind} ${count}`).join(", ")}`);
});

function sendsTo(h: BotHarness, chatId: number): RecordedCall[] {
  return h.api.callsTo("sendMessage").filter((call) => call.params.chat_id === chatId);
}

/** What a "hold" fault waits for, and the function that lets it go. */
function gate(): { released: Promise<void>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { released, release };
}

/** Every call made by the bot succeeded except the ones the test failed on purpose. */
function expectOnlyInjectedFailures(h: BotHarness, statuses: number[]): void {
  const failed = h.api.calls.filter((call) => call.method !== "getUpdates" && call.status !== 200).map((call) => call.status ?? "dropped");
  expect(failed.sort()).toEqual([...statuses].sort());
}

describe("a slow Telegram API", () => {
  // No clock in these: the slow chat's replies are held (not delayed) until the others are
  // answered, so a bot that waited for the slow chat would never answer them and time out.
  it("holds back only the slow chat: other chats are answered meanwhile, and the slow chat keeps its order", async () => {
    const h = await startBot();
    const { released, release } = gate();
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, { kind: "hold", until: released }, 1);
    inject("hold on one chat's sendMessage");
    h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    const slow = await h.api.waitForRequest("sendMessage", (call) => call.params.chat_id === USER, 5_000);
    h.api.pushUpdate(h.api.privateText(USER, "Минск"));

    const others = await Promise.all([
      ...OTHERS.map((user) => h.send(h.api.privateText(user, "Ташкент"))),
      h.send(h.api.groupText(GROUP, OTHERS[0]!, "/ask Берлин")),
      h.send(h.api.inlineQuery(OTHERS[1]!, "Шанхай"), "answerInlineQuery"),
    ]);
    for (const reply of others) expect(reply.status).toBe(200);
    expect(slow.response, "the slow reply is still held").toBeUndefined();
    // «Минск» came before all of them, yet waits for «Ханой»'s reply to be delivered.
    expect(sendsTo(h, USER)).toEqual([slow]);

    const releasedAt = Date.now();
    release();
    const second = await h.api.waitForCall("sendMessage", (call) => call.params.chat_id === USER && call !== slow, 8_000);
    expect(slow.response).toMatchObject({ ok: true });
    // An order of events, not a duration: «Минск»'s reply was asked for only after the release.
    expect(second.at).toBeGreaterThanOrEqual(releasedAt);
    expect(sendsTo(h, USER).map((call) => shownText(call))).toEqual([
      expect.stringContaining("Ханой"),
      expect.stringContaining("Минск"),
    ]);
    expect(h.api.violations).toEqual([]);
    console.log(`slow API: ${others.length} other chats answered while one chat's reply was held, which then kept its order`);
  });

  it("does not let one flooding user behind a slow chat hold up everybody else", async () => {
    const h = await startBot();
    // Telegram holds every reply to the flooder's chat until the other user has been answered.
    const { released, release } = gate();
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, { kind: "hold", until: released });
    inject("hold on every sendMessage to a flooding chat");
    for (let i = 0; i < 100; i += 1) h.api.pushUpdate(h.api.privateText(USER, i % 2 ? "Ханой" : "Минск"));
    await h.api.waitForRequest("sendMessage", (call) => call.params.chat_id === USER, 5_000);
    const reply = await h.send(h.api.privateText(OTHERS[0]!, "Ташкент"), "sendMessage", undefined, 10_000);
    expect(reply.status).toBe(200);
    expect(sendsTo(h, USER).filter((call) => call.response !== undefined), "the flooder's replies are all still held").toEqual([]);
    release();

    // The flooder still gets the first 30 answers, then the one notice, in order; the rest is dropped.
    await h.api.waitForCall("sendMessage", (call) => call.params.chat_id === USER && call.params.text === t("ru", "rate-limited"), 15_000);
    await h.stop();
    const texts = sendsTo(h, USER).map((call) => call.params.text as string);
    expect(texts).toHaveLength(31);
    expect(texts.indexOf(t("ru", "rate-limited"))).toBe(30);
    expect(h.logs.withMessage("rate limit: user told to slow down")).toHaveLength(1);
    expect(h.api.violations).toEqual([]);
    console.log("flood behind a slow chat: 100 messages from one user, every reply to that chat held; another user answered meanwhile");
  });
});

describe("429 Too Many Requests", () => {
  it("in many chats at once: each waits its retry_after and gets exactly one reply", async () => {
    const h = await startBot();
    const chats = OTHERS.slice(0, 10);
    for (const chat of chats) h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === chat, { kind: "429", retryAfter: 1 }, 1);
    inject("429 retry_after 1 on sendMessage", chats.length);
    const replies = await Promise.all(chats.map((chat) => h.send(h.api.privateText(chat, "Ханой"), "sendMessage", (call) => call.status === 200, 5_000)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const [i, chat] of chats.entries()) {
      const [refused, retried, ...more] = sendsTo(h, chat);
      expect(refused?.status).toBe(429);
      expect(retried).toBe(replies[i]);
      expect(more).toEqual([]);
      expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(950);
      expect(h.api.sentMessages(chat)).toHaveLength(1);
    }
    expectOnlyInjectedFailures(h, chats.map(() => 429));
    expect(h.api.violations).toEqual([]);
  });

  it("on a button press: the page is edited once and the press answered once", async () => {
    const h = await startBot();
    const first = await h.send(h.api.privateText(USER, "Минск"));
    h.api.failNext("answerCallbackQuery", { kind: "429", retryAfter: 1 });
    h.api.failNext("editMessageText", { kind: "429", retryAfter: 1 });
    inject("429 retry_after 1 on answerCallbackQuery");
    inject("429 retry_after 1 on editMessageText");
    const edit = await h.send(h.api.callbackQuery(USER, button(first, t("ru", "button-more")).callback_data, resultMessage(first)), "editMessageText", (call) => call.status === 200, 6_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shownText(edit)).toMatch(/Показано 6 из \d+\./);
    expect(h.api.callsTo("answerCallbackQuery").map((call) => call.status)).toEqual([429, 200]);
    expect(h.api.callsTo("editMessageText").map((call) => call.status)).toEqual([429, 200]);
    expect(h.api.sentMessages(USER)).toHaveLength(1);
    expect(h.api.violations).toEqual([]);
  });

});

describe("refusals", () => {
  it("a 400 on one reply is logged, and the next message of the same chat is answered", async () => {
    const h = await startBot();
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, { kind: "400", description: "Bad Request: TOPIC_CLOSED" }, 1);
    inject("400 on sendMessage");
    h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    const next = await h.send(h.api.privateText(USER, "Минск"), "sendMessage", (call) => call.status === 200);
    expect(shownText(next)).toContain("Минск");
    expect(sendsTo(h, USER).map((call) => call.status)).toEqual([400, 200]);
    expect(h.logs.withMessage("Telegram refused a request")).toEqual([
      expect.objectContaining({ level: LEVEL.warn, method: "sendMessage", error_code: 400, description: "Bad Request: TOPIC_CLOSED", chat_type: "private" }),
    ]);
    expect(errorLogs(h)).toEqual([]);
  });

  it("a bot kicked from a group logs it at info and goes on in other groups and with the same group once re-added", async () => {
    const h = await startBot();
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === GROUP, { kind: "403", description: "Forbidden: bot was kicked from the supergroup chat" }, 1);
    inject("403 kicked from the group");
    h.api.pushUpdate(h.api.groupText(GROUP, USER, "/ask Ханой"));
    const elsewhere = await h.send(h.api.groupText(OTHER_GROUP, USER, "/ask Минск"));
    expect(elsewhere.status).toBe(200);
    await h.api.waitForCall("sendMessage", (call) => call.params.chat_id === GROUP, 5_000);
    const again = await h.send(h.api.groupText(GROUP, USER, "/ask Ташкент"));
    expect(again.status).toBe(200);
    expect(h.logs.withMessage("user blocked the bot or left the chat; skipped")).toEqual([
      expect.objectContaining({ level: LEVEL.info, method: "sendMessage", chat_type: "supergroup", description: "Forbidden: bot was kicked from the supergroup chat" }),
    ]);
    expect(h.logs.records.filter((record) => record.level >= LEVEL.warn)).toEqual([]);
    expectValidOutgoing(h.api.calls);
  });
});
