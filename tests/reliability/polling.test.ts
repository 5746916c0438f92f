/**
 * getUpdates under faults (tests/e2e/resilience.test.ts covers one 500 and a 409): a 429 on the
 * long poll is waited out, consecutive failures back off, and no update is lost or handled twice.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startBot, stopAll } from "../e2e/harness.js";
import type { BotHarness } from "../e2e/harness.js";
import type { RecordedCall } from "../support/bot-api-stand-in.js";
import { errorLogs, keepIdleConnections } from "./support.js";

const USER = 731_001;
const OTHERS = Array.from({ length: 5 }, (_, i) => 731_100 + i);

const injected: Record<string, number> = {};
function inject(kind: string, count = 1): void {
  injected[kind] = (injected[kind] ?? 0) + count;
}

afterEach(stopAll);
afterAll(() => {
  console.log(`faults injected (polling): ${Object.entries(injected).map(([kind, count]) => `${kind} ${count}`).join(", ")}`);
});

function sendsTo(h: BotHarness, chatId: number): RecordedCall[] {
  return h.api.callsTo("sendMessage").filter((call) => call.params.chat_id === chatId);
}

describe("429 on getUpdates", () => {
  it("polling waits retry_after before asking again, and no update is lost or handled twice", async () => {
    const h = await startBot();
    h.api.failNext("getUpdates", { kind: "429", retryAfter: 2 });
    inject("429 retry_after 2 on getUpdates");
    // The pending long poll returns the first update; the next poll meets the 429.
    h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    const refused = await h.api.waitForCall("getUpdates", (call) => call.status === 429, 5_000);
    for (const user of OTHERS.slice(0, 3)) h.api.pushUpdate(h.api.privateText(user, "Минск"));
    const replies = await Promise.all(OTHERS.slice(0, 3).map((user) => h.api.waitForCall("sendMessage", (call) => call.params.chat_id === user, 6_000)));
    const polls = h.api.callsTo("getUpdates");
    const next = polls[polls.indexOf(refused) + 1]!;
    expect(next.at - refused.at).toBeGreaterThanOrEqual(1_950);
    for (const reply of replies) expect(reply.at).toBeGreaterThanOrEqual(refused.at + 1_950);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const user of [USER, ...OTHERS.slice(0, 3)]) expect(sendsTo(h, user), `chat ${user}`).toHaveLength(1);
    expect(errorLogs(h)).toEqual([]);
  });
});

describe("getUpdates failing several times in a row", () => {
  it("resumes by itself with growing pauses, losing and repeating no update", { timeout: 30_000 }, async () => {
    const h = await startBot();
    keepIdleConnections(h.api, 30);
    h.api.failNext("getUpdates", { kind: "drop" });
    h.api.failNext("getUpdates", { kind: "500" });
    inject("dropped connection on getUpdates");
    inject("500 on getUpdates");
    h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    await h.api.waitForCall("getUpdates", (call) => call.response !== undefined && "dropped" in call.response, 5_000);
    const asked = OTHERS.slice(0, 5);
    for (const user of asked) h.api.pushUpdate(h.api.privateText(user, "Минск"));
    // 3 s, then 6 s: auto-retry's back-off.
    await Promise.all(asked.map((user) => h.api.waitForCall("sendMessage", (call) => call.params.chat_id === user, 15_000)));

    const polls = h.api.callsTo("getUpdates");
    const first = polls.findIndex((call) => call.response !== undefined && "dropped" in call.response);
    const resumed = polls.findIndex((call, i) => i > first && call.status === 200);
    const attempts = polls.slice(first, resumed + 1);
    expect(attempts.map((call) => call.status ?? "dropped")).toEqual(["dropped", 500, 200]);
    const pauses = attempts.slice(1).map((call, i) => call.at - attempts[i]!.at);
    expect(pauses[0]).toBeGreaterThanOrEqual(2_900);
    expect(pauses[1]).toBeGreaterThanOrEqual(pauses[0]! * 1.9);
    expect(pauses[1]).toBeLessThan(pauses[0]! * 2.5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const user of [USER, ...asked]) expect(sendsTo(h, user), `chat ${user}`).toHaveLength(1);
    expect(h.api.violations).toEqual([]);
    expect(errorLogs(h)).toEqual([]);
    console.log(`getUpdates back-off: pauses ${pauses.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")} after a dropped connection and a 500, then polling resumed`);
  });
});
