/**
 * The process as it runs in production: `src/main.ts` in a child process, configured by the
 * environment, talking to the stand-in over HTTP. Every child is killed in afterEach.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ALLOWED_UPDATES } from "../../src/bot/polling.js";
import { LEVEL, copyKnowledge, freePort, resultMessage, spawnMain, startStandIn, stopAll, tempDir } from "./harness.js";
import type { MainProcess } from "./harness.js";

const TOKEN = "7000000042:AAE-process-level_token-0123456789abcdef";
const TOKEN_TAIL = TOKEN.slice(TOKEN.indexOf(":") + 1);
const SECRET = "wh_secret-0123456789-abcdefghij-klmnop";
const ADMIN = 777;
const USER = 5001;
const OTHER_USER = 5002;

afterEach(stopAll);

async function environment(apiRoot: string) {
  return {
    BOT_TOKEN: TOKEN,
    BOT_API_ROOT: apiRoot,
    KNOWLEDGE_DIR: await copyKnowledge(),
    DATA_DIR: path.join(await tempDir("data"), "not-yet-created"),
    ADMIN_IDS: String(ADMIN),
  };
}

/** No secret in any output; the question text, when logged at all, only at debug level. */
function expectCleanLogs(main: MainProcess, questions: string[]) {
  const output = main.stdout() + main.stderr();
  expect(output).not.toContain(TOKEN_TAIL);
  expect(output).not.toContain(SECRET);
  for (const record of main.logRecords()) {
    const line = JSON.stringify(record);
    for (const question of questions) if (line.includes(question)) expect(record.level, line).toBe(LEVEL.debug);
  }
}

describe("src/main.ts", () => {
  it("on SIGTERM during an answer in flight stops polling, still sends the reply, saves its data and exits 0", async () => {
    const api = await startStandIn({ token: TOKEN });
    api.failNext("setMyCommands", { kind: "400", description: "Bad Request: BOT_COMMAND_INVALID" });
    const env = await environment(api.apiRoot);
    const main = await spawnMain({ ...env, LOG_LEVEL: "info" });

    await api.waitForRequest("getUpdates", (call) => call.response === undefined, 15_000);
    const started = await main.waitForLog((record) => record.msg === "bot started");
    expect(started).toMatchObject({ cards: 94, warnings: 2 });
    // The admin's menu without a language comes last.
    await api.waitForCall("setMyCommands", (call) => (call.params.scope as { chat_id?: number } | undefined)?.chat_id === ADMIN && call.params.language_code === undefined, 5000);
    const commands = api.callsTo("setMyCommands");
    expect(commands.map((call) => call.params.language_code ?? null)).toEqual([null, "ru", "en", "ru", "en", null]);
    expect(commands.filter((call) => call.status === 200)).toHaveLength(5);
    expect(main.logRecords().filter((record) => record.msg?.startsWith("setMyCommands failed"))).toHaveLength(1);

    const unanswered = "какая погода на Марсе";
    api.pushUpdate(api.privateText(OTHER_USER, unanswered));
    await api.waitForCall("sendMessage", (call) => call.params.chat_id === OTHER_USER, 5000);

    api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, { kind: "delay", ms: 2000 }, 1);
    const question = "меморандум Москвы и Минска";
    api.pushUpdate(api.privateText(USER, question));
    const inFlight = await api.waitForRequest("sendMessage", (call) => call.params.chat_id === USER, 5000);
    const signalledAt = Date.now();
    main.child.kill("SIGTERM");

    const { code } = await main.exited(10_000);
    // Code 0 means the reply went out within the grace period: past it main.ts exits with 1.
    expect(code).toBe(0);
    expect(inFlight.response).toMatchObject({ ok: true });
    expect(resultMessage(inFlight).text).toContain("РИА Новости");
    // No getUpdates after the signal: no new updates were taken.
    expect(api.callsTo("getUpdates").filter((call) => call.at > signalledAt)).toEqual([]);
    const saved = JSON.parse(await readFile(path.join(env.DATA_DIR, "unanswered.json"), "utf8")) as { questions: Array<{ text: string }> };
    expect(saved.questions.map((entry) => entry.text)).toEqual([unanswered]);

    const messages = main.logRecords().map((record) => record.msg);
    expect(messages).toContain("stopping: no new updates, finishing replies in flight");
    expect(messages.at(-1)).toBe("stopped");
    expect(main.logRecords().filter((record) => record.msg === "question")).toEqual([
      expect.objectContaining({ level: LEVEL.info, chat_type: "private", lang: "ru", answered: false, facts: 0, latency_ms: expect.any(Number) }),
      expect.objectContaining({ level: LEVEL.info, chat_type: "private", lang: "ru", answered: true, facts: expect.any(Number), latency_ms: expect.any(Number) }),
    ]);
    expectCleanLogs(main, [question, unanswered]);
    expect(main.stderr()).not.toContain(question);
    expect(api.violations).toEqual([]);
  });

  it("on SIGINT (Ctrl-C) stops the same way and exits 0", async () => {
    const api = await startStandIn({ token: TOKEN });
    const main = await spawnMain(await environment(api.apiRoot));
    await main.waitForLog((record) => record.msg === "bot started", 15_000);
    // The signal handlers are installed right after that line; the last command menu is published after them.
    await api.waitForCall("setMyCommands", (call) => (call.params.scope as { chat_id?: number } | undefined)?.chat_id === ADMIN && call.params.language_code === undefined, 5000);
    main.child.kill("SIGINT");
    expect((await main.exited(10_000)).code).toBe(0);
    expect(main.logRecords().at(-1)?.msg).toBe("stopped");
  });

  it("in webhook mode processes updates with the right secret only, serves /healthz, finishes an update in flight on SIGTERM, and logs question text at debug level only", async () => {
    const api = await startStandIn({ token: TOKEN });
    const port = await freePort();
    const url = "https://example.invalid:8443/telegram/hook";
    const main = await spawnMain({ ...(await environment(api.apiRoot)), BOT_MODE: "webhook", WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, PORT: String(port), LOG_LEVEL: "debug" });

    const setWebhook = await api.waitForCall("setWebhook", undefined, 15_000);
    expect(setWebhook.params).toEqual({ url, secret_token: SECRET, allowed_updates: [...ALLOWED_UPDATES] });
    expect(api.callsTo("getUpdates")).toEqual([]);
    const hook = `http://127.0.0.1:${port}/telegram/hook`;
    const post = (update: object, secret?: string) =>
      fetch(hook, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(secret === undefined ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(5000),
      });

    const intruder = { update_id: 1, ...api.privateText(OTHER_USER, "Минск") };
    expect((await post(intruder)).status).toBe(401);
    expect((await post({ ...intruder, update_id: 2 }, `${SECRET}x`)).status).toBe(401);
    expect((await post({ ...intruder, update_id: 3 }, SECRET.slice(0, -1))).status).toBe(401);

    const question = "что Москва подписала с Ханоем";
    const accepted = await post({ update_id: 4, ...api.privateText(USER, question) }, SECRET);
    expect(accepted.status).toBe(200);
    // The webhook answers after the update is handled: the reply is already out.
    const reply = api.callsTo("sendMessage").find((call) => call.params.chat_id === USER);
    expect(reply?.response).toMatchObject({ ok: true });
    expect(api.calls.filter((call) => call.params.chat_id === OTHER_USER)).toEqual([]);

    const inline = await post({ update_id: 5, ...api.inlineQuery(USER, "Минск") }, SECRET);
    expect(inline.status).toBe(200);
    expect(api.callsTo("answerInlineQuery")).toHaveLength(1);
    // The inline query is no question yet; the result the user sends is (setWebhook asked for these updates).
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5000) })).json()).toMatchObject({ questions: 1 });
    const [first] = api.callsTo("answerInlineQuery")[0]!.params.results as Array<{ id: string }>;
    const chosen = await post({ update_id: 6, chosen_inline_result: { result_id: first!.id, from: { id: USER, is_bot: false, first_name: "U" }, query: "Минск" } }, SECRET);
    expect(chosen.status).toBe(200);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, knowledge_version: 1, questions: 2, answered: 2 });

    // SIGTERM while an update is being handled: its request is answered before the server closes.
    api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, { kind: "delay", ms: 1500 }, 1);
    const pending = post({ update_id: 7, ...api.privateText(USER, "Ташкент") }, SECRET);
    const inFlight = await api.waitForRequest("sendMessage", (call) => call.params.chat_id === USER && call.response === undefined, 5000);
    main.child.kill("SIGTERM");
    expect((await pending).status).toBe(200);
    expect((await main.exited(10_000)).code).toBe(0);
    expect(inFlight.response).toMatchObject({ ok: true });
    const records = main.logRecords();
    expect(records.filter((record) => record.msg === "webhook request with a missing or wrong secret")).toHaveLength(3);
    expect(records.filter((record) => record.msg === "question text").map((record) => record.level)).toEqual([LEVEL.debug, LEVEL.debug, LEVEL.debug]);
    expect(main.stderr()).toContain(question);
    expectCleanLogs(main, [question, "Минск"]);
    expect(api.violations).toEqual([]);
  });

  it("when setWebhook fails prints one short line without the secret or the token and exits 1", async () => {
    const api = await startStandIn({ token: TOKEN });
    // Telegram's answer to a webhook it cannot use; the request that failed holds secret_token.
    api.failNext("setWebhook", { kind: "400", description: "Bad Request: bad webhook: Failed to resolve host: Name or service not known" });
    const port = await freePort();
    const main = await spawnMain({ ...(await environment(api.apiRoot)), BOT_MODE: "webhook", WEBHOOK_URL: "https://example.invalid/hook", WEBHOOK_SECRET: SECRET, PORT: String(port) });

    expect((await main.exited(15_000)).code).toBe(1);
    expect(api.callsTo("setWebhook")[0]?.params.secret_token).toBe(SECRET);
    const output = main.stdout() + main.stderr();
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(TOKEN_TAIL);
    expect(output).not.toMatch(/^\s+at /m);
    expect(main.logRecords().at(-1)).toMatchObject({ level: LEVEL.fatal, msg: "start-up failed; exiting", step: "setWebhook", reason: expect.stringContaining("bad webhook") });
  });

  it("with a bad configuration prints one readable message and exits 1", async () => {
    const main = await spawnMain({ BOT_TOKEN: "12345:too-short-to-be-real", BOT_MODE: "webhook", PORT: "0", WEBHOOK_URL: "http://example.org:9000/hook" });
    const { code } = await main.exited(10_000);
    expect(code).toBe(1);
    expect(main.stdout()).toBe("");
    const lines = main.stderr().trimEnd().split("\n");
    expect(lines[0]).toBe("Invalid configuration (environment variables or .env):");
    expect(lines.slice(1).map((line) => line.trim().split(":")[0])).toEqual(["BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT"]);
    expect(main.stderr()).not.toContain("too-short-to-be-real");
    expect(main.stderr()).not.toMatch(/^\s+at /m);
  });

  it("with broken knowledge lists the problems and exits 1", async () => {
    const api = await startStandIn({ token: TOKEN });
    const env = await environment(api.apiRoot);
    await writeFile(path.join(env.KNOWLEDGE_DIR, "sources", "broken.json"), "{");
    const main = await spawnMain(env);
    expect((await main.exited(10_000)).code).toBe(1);
    expect(main.stderr()).toMatch(/the knowledge has 1 problem\(s\):\n {2}sources\/broken\.json/);
    expect(api.calls).toEqual([]);
  });

  it("without BOT_TOKEN runs the console chat: a banner, then answers to the lines of its input", async () => {
    const main = await spawnMain({ KNOWLEDGE_DIR: await copyKnowledge() });
    main.child.stdin.end("меморандум Москвы и Минска\n");
    // A guard, not a speed check: loading tsx and building the index takes seconds on a busy machine.
    expect((await main.exited(40_000)).code).toBe(0);
    expect(main.stderr()).toMatch(/^Console chat: no BOT_TOKEN is set/);
    expect(main.stderr()).toContain("Knowledge: 94 facts from 11 sources");
    // The first knowledge's two seed sources have no url.
    expect(main.stderr()).toContain("Knowledge warnings: 2 (npm run validate lists them).");
    expect(main.stdout()).toContain("РИА Новости");
  }, 60_000);
});
