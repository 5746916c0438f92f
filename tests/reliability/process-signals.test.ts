/**
 * Graceful shutdown of the real process (src/main.ts through spawnMain). tests/e2e/process.test.ts
 * covers one answer in flight on SIGTERM and SIGINT; here: answers in flight in several chats, the
 * second signal that exits at once, and the forced exit when Telegram never answers.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyKnowledge, resultMessage, spawnMain, startStandIn, stopAll, tempDir } from "../e2e/harness.js";
import type { MainProcess } from "../e2e/harness.js";
import type { BotApiStandIn } from "../support/bot-api-stand-in.js";

const TOKEN = "7000000043:AAF-reliability_token-0123456789abcdef";
const ADMIN = 777;
const USERS = [7501, 7502, 7503, 7504, 7505];

afterEach(stopAll);

/** The process polling the stand-in, with its signal handlers installed and its start-up calls done. */
async function running(): Promise<{ api: BotApiStandIn; main: MainProcess }> {
  const api = await startStandIn({ token: TOKEN });
  const main = await spawnMain({
    BOT_TOKEN: TOKEN,
    BOT_API_ROOT: api.apiRoot,
    KNOWLEDGE_DIR: await copyKnowledge(),
    DATA_DIR: path.join(await tempDir("data"), "data"),
    ADMIN_IDS: String(ADMIN),
    LOG_LEVEL: "info",
  });
  await main.waitForLog((record) => record.msg === "bot started", 15_000);
  await api.waitForCall("setMyCommands", (call) => (call.params.scope as { chat_id?: number } | undefined)?.chat_id === ADMIN && call.params.language_code === undefined, 5_000);
  await api.waitForRequest("getUpdates", (call) => call.response === undefined, 5_000);
  return { api, main };
}

/** Pushes a question from each user and resolves once every reply is on its way to the (slowed) API. */
async function repliesInFlight(api: BotApiStandIn, users: number[], delayMs: number) {
  for (const user of users) api.failWhen((method, params) => method === "sendMessage" && params.chat_id === user, { kind: "delay", ms: delayMs }, 1);
  for (const user of users) api.pushUpdate(api.privateText(user, "меморандум Москвы и Минска"));
  return Promise.all(users.map((user) => api.waitForRequest("sendMessage", (call) => call.params.chat_id === user, 5_000)));
}

describe("stopping src/main.ts", () => {
  it("on SIGTERM sends the answers in flight in every chat, takes no new update, and exits 0 within 10 s", { timeout: 30_000 }, async () => {
    const { api, main } = await running();
    const inFlight = await repliesInFlight(api, USERS, 1_500);
    const signalledAt = Date.now();
    main.child.kill("SIGTERM");
    await main.waitForLog((record) => record.msg === "stopping: no new updates, finishing replies in flight", 5_000);
    api.pushUpdate(api.privateText(7599, "Ханой"));

    // Exit code 0 is the proof of "within the grace period": past it main.ts exits with 1 and says
    // so (the last test). The wait is generous so that a busy machine cannot fail it.
    const { code } = await main.exited(20_000);
    const tookMs = Date.now() - signalledAt;
    expect(code).toBe(0);
    for (const call of inFlight) expect(resultMessage(call).text).toContain("РИА Новости");
    expect(api.calls.filter((call) => call.params.chat_id === 7599)).toEqual([]);
    expect(api.pendingUpdates()).toHaveLength(1);
    expect(main.logRecords().at(-1)?.msg).toBe("stopped");
    expect(api.violations).toEqual([]);
    console.log(`SIGTERM with ${inFlight.length} answers in flight: all sent, exit 0 after ${tookMs} ms`);
  });

  it("on a second SIGTERM while answers are in flight exits at once", { timeout: 30_000 }, async () => {
    const { api, main } = await running();
    const [inFlight] = await repliesInFlight(api, USERS.slice(0, 1), 8_000);
    main.child.kill("SIGTERM");
    await main.waitForLog((record) => record.msg === "stopping: no new updates, finishing replies in flight", 5_000);
    const secondAt = Date.now();
    main.child.kill("SIGTERM");

    const { code } = await main.exited(20_000);
    const tookMs = Date.now() - secondAt;
    expect(code).toBe(1);
    // It left on the second signal, not at the end of the grace period (which says so at level 50).
    expect(main.logRecords().filter((record) => record.level >= 50)).toEqual([]);
    expect(inFlight!.response === undefined || "aborted" in inFlight!.response).toBe(true);
    expect(main.logRecords().filter((record) => record.msg === "second signal: exiting now")).toEqual([expect.objectContaining({ level: 40, signal: "SIGTERM" })]);
    console.log(`second SIGTERM: exit ${code} after ${tookMs} ms`);
  });

  it("when Telegram never answers, gives up on the replies in flight and exits (code 1) within 10 s of SIGTERM", { timeout: 30_000 }, async () => {
    const { api, main } = await running();
    await repliesInFlight(api, USERS.slice(0, 2), 60_000);
    const signalledAt = Date.now();
    main.child.kill("SIGTERM");

    const { code } = await main.exited(20_000);
    const tookMs = Date.now() - signalledAt;
    expect(code).toBe(1);
    // It waited for the grace period (a lower bound: a busy machine only makes it longer); that it
    // then gave up is said by the exit code and the one error line, not by a clock.
    expect(tookMs).toBeGreaterThanOrEqual(8_500);
    expect(main.logRecords().filter((record) => record.level >= 50).map((record) => record.msg)).toEqual(["replies in flight did not finish in time; exiting"]);
    console.log(`SIGTERM with replies Telegram never answers: forced exit ${code} after ${tookMs} ms`);
  });
});
