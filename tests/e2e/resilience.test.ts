import { afterEach, describe, expect, it } from "vitest";
import { LEVEL, shownText, startBot, stopAll } from "./harness.js";
import type { BotHarness } from "./harness.js";

const USER = 4001;
const NEXT_USER = 4002;

afterEach(stopAll);

/** The bot id before the colon is public; the rest of the token must never be logged. */
function expectNoToken(h: BotHarness) {
  const secret = h.api.token.slice(h.api.token.indexOf(":") + 1);
  expect(h.logs.lines.length).toBeGreaterThan(0);
  for (const line of h.logs.lines) expect(line).not.toContain(secret);
}

function sendsTo(h: BotHarness, chatId: number) {
  return h.api.callsTo("sendMessage").filter((call) => call.params.chat_id === chatId);
}

describe("when Telegram misbehaves", () => {
  it("waits out a 429 flood wait and then sends the reply", async () => {
    const h = await startBot();
    h.api.failNext("sendMessage", { kind: "429", retryAfter: 1 });
    const reply = await h.send(h.api.privateText(USER, "Ханой"), "sendMessage", (call) => call.status === 200, 5000);
    const [refused, retried] = sendsTo(h, USER);
    expect(refused?.status).toBe(429);
    expect(retried).toBe(reply);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(950);
    expect(retried!.params).toEqual(refused!.params);
    expect(shownText(reply)).toContain("ТАСС");
    expect(h.api.violations).toEqual([]);
  });

  it("waits out a 429 on an inline answer too", async () => {
    const h = await startBot();
    h.api.failNext("answerInlineQuery", { kind: "429", retryAfter: 1 });
    const answer = await h.send(h.api.inlineQuery(USER, "Ханой"), "answerInlineQuery", (call) => call.status === 200, 5000);
    expect((answer.params.results as unknown[]).length).toBeGreaterThan(0);
    expect(h.api.callsTo("answerInlineQuery").map((call) => call.status)).toEqual([429, 200]);
  });

  it("gives up on a flood wait longer than allowed, logs it and goes on with the next update", async () => {
    const h = await startBot({ bot: { maxRetryDelaySeconds: 1 } });
    h.api.failNext("sendMessage", { kind: "429", retryAfter: 120 });
    h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    const next = await h.send(h.api.privateText(NEXT_USER, "Минск"));
    expect(next.status).toBe(200);
    await h.stop();
    expect(sendsTo(h, USER).map((call) => call.status)).toEqual([429]);
    expect(h.logs.withMessage("Telegram refused a request")).toEqual([expect.objectContaining({ level: LEVEL.warn, method: "sendMessage", error_code: 429 })]);
  });

  it.each([
    ["a 400", { kind: "400", description: "Bad Request: chat not found" }, "Telegram refused a request", LEVEL.warn],
    ["a 403 (the user blocked the bot)", { kind: "403" }, "user blocked the bot or left the chat; skipped", LEVEL.info],
  ] as const)("logs %s and keeps answering others", async (_label, fault, message, level) => {
    const h = await startBot();
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, fault, 1);
    h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    const next = await h.send(h.api.privateText(NEXT_USER, "Минск"));
    expect(next.status).toBe(200);
    await h.stop();
    expect(h.logs.withMessage(message)).toEqual([expect.objectContaining({ level, method: "sendMessage" })]);
    expectNoToken(h);
  });

  it("retries a dropped connection and a 500, for replies and for getUpdates alike", async () => {
    const h = await startBot();
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, { kind: "drop" }, 1);
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === NEXT_USER, { kind: "500" }, 1);
    h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    h.api.pushUpdate(h.api.privateText(NEXT_USER, "Минск"));
    // Both updates go out with the pending long poll; the next one meets the fault.
    h.api.failNext("getUpdates", { kind: "500" });
    for (const user of [USER, NEXT_USER]) {
      const reply = await h.api.waitForCall("sendMessage", (call) => call.params.chat_id === user && call.status === 200, 8000);
      expect(reply.params.parse_mode).toBe("HTML");
    }
    expect(sendsTo(h, USER).map((call) => call.response && ("dropped" in call.response ? "dropped" : call.status))).toEqual(["dropped", 200]);
    expect(sendsTo(h, NEXT_USER).map((call) => call.status)).toEqual([500, 200]);

    expect(h.api.callsTo("getUpdates").some((call) => call.status === 500)).toBe(true);
    const later = await h.send(h.api.privateText(USER, "Ташкент"), "sendMessage", undefined, 8000);
    expect(later.status).toBe(200);
    expectNoToken(h);
  });

  it("keeps polling after a 409 conflict, with a clear error in the log", async () => {
    const h = await startBot();
    h.api.failNext("getUpdates", { kind: "409" });
    h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    await h.api.waitForCall("sendMessage", (call) => call.params.chat_id === USER, 5000);
    const reply = await h.send(h.api.privateText(NEXT_USER, "Минск"), "sendMessage", undefined, 5000);
    expect(reply.status).toBe(200);
    expect(h.logs.records.filter((record) => record.level >= LEVEL.error)).toEqual([
      expect.objectContaining({ level: LEVEL.error, error_code: 409, msg: expect.stringContaining("another instance is polling") }),
    ]);
  });
});
