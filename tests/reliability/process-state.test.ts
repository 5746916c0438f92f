/**
 * The real process (src/main.ts through spawnMain) and what it keeps or refuses: state files under
 * DATA_DIR (corrupted ones set aside, writes that survive a kill -9), and the webhook's front door
 * (oversized bodies, other methods, wrong secrets) with nothing secret in any output.
 * tests/bot/webhook-server.test.ts covers the server in-process and tests/e2e/process.test.ts the
 * 401s at process level; the rest is here.
 */
import { request } from "node:http";
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LEVEL, copyKnowledge, freePort, shownText, spawnMain, startStandIn, stopAll, tempDir, waitUntil } from "../e2e/harness.js";
import type { MainProcess } from "../e2e/harness.js";
import type { BotApiStandIn } from "../support/bot-api-stand-in.js";

const TOKEN = "7000000044:AAG-state_and_webhook-token-0123456789";
const TOKEN_TAIL = TOKEN.slice(TOKEN.indexOf(":") + 1);
const SECRET = "wh_reliability-secret-0123456789-abcdef";
const ADMIN = 778;
const USER = 7601;

afterEach(stopAll);

async function start(api: BotApiStandIn, dataDir: string, extra: Record<string, string> = {}): Promise<MainProcess> {
  const main = await spawnMain({ BOT_TOKEN: TOKEN, BOT_API_ROOT: api.apiRoot, KNOWLEDGE_DIR: await copyKnowledge(), DATA_DIR: dataDir, ADMIN_IDS: String(ADMIN), LOG_LEVEL: "debug", ...extra });
  await main.waitForLog((record) => record.msg === "bot started", 15_000);
  return main;
}

async function ask(api: BotApiStandIn, userId: number, text: string): Promise<string> {
  const before = new Set(api.calls);
  api.pushUpdate(api.privateText(userId, text));
  return shownText(await api.waitForCall("sendMessage", (call) => !before.has(call) && call.params.chat_id === userId, 10_000));
}

async function stop(main: MainProcess): Promise<void> {
  main.child.kill("SIGTERM");
  expect((await main.exited(10_000)).code).toBe(0);
}

const OLD_QUESTION = "старый вопрос про метро на Луне";
const UNANSWERED = `${JSON.stringify({ questions: [{ text: OLD_QUESTION, at: "2026-01-10T09:00:00.000Z" }] }, null, 2)}\n`;
const DRAFTS = `${JSON.stringify(
  {
    drafts: [
      {
        key: "kept1",
        adminId: ADMIN,
        chatId: ADMIN,
        messageId: 5,
        createdAt: new Date().toISOString(),
        file: { source: { id: "kept-2026-01-10-draft", title: "Черновик", publisher: "Тест", published: "2026-01-10" }, facts: [{ id: "kept-1", text: "Москва и Минск обсудили черновик." }] },
        suggestions: [],
        warnings: [],
      },
    ],
  },
  null,
  2,
)}\n`;
const GARBAGE = '{"questions": [{"text": "half a wri\u0000\uFFFD';

describe("state files under DATA_DIR", () => {
  it.each([
    ["unanswered.json", "unanswered questions", "drafts.json", DRAFTS],
    ["drafts.json", "ingest drafts", "unanswered.json", UNANSWERED],
  ])("a corrupted %s is set aside with a warning, the bot starts, and nothing else is lost", async (corrupted, what, kept, keptContent) => {
    const api = await startStandIn({ token: TOKEN });
    const dataDir = await tempDir("data");
    await writeFile(path.join(dataDir, corrupted), GARBAGE);
    await writeFile(path.join(dataDir, kept), keptContent);
    const main = await start(api, dataDir);

    expect(main.logRecords().filter((record) => record.level >= LEVEL.warn)).toEqual([
      expect.objectContaining({ level: LEVEL.warn, msg: `${what} file is corrupted; moved it aside and starting empty`, file: path.join(dataDir, corrupted) }),
    ]);
    const files = await readdir(dataDir);
    const aside = files.filter((file) => file.startsWith(`${corrupted}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/\.corrupt-\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
    expect(await readFile(path.join(dataDir, aside[0]!), "utf8")).toBe(GARBAGE);
    expect(await readFile(path.join(dataDir, kept), "utf8")).toBe(keptContent);

    // The bot runs: it answers, and keeps what the other file held.
    expect(await ask(api, USER, "меморандум Москвы и Минска")).toContain("РИА Новости");
    expect(await ask(api, USER, "сколько стоит проезд на Марсе")).toContain("В базе знаний нет ответа");
    const listed = await ask(api, ADMIN, "/unanswered");
    expect(listed).toContain("сколько стоит проезд на Марсе");
    if (kept === "unanswered.json") expect(listed).toContain(OLD_QUESTION);
    else expect(listed).not.toContain(OLD_QUESTION);
    await stop(main);

    expect(await readFile(path.join(dataDir, aside[0]!), "utf8")).toBe(GARBAGE);
    if (kept === "drafts.json") expect(await readFile(path.join(dataDir, kept), "utf8")).toBe(keptContent);
    const saved = JSON.parse(await readFile(path.join(dataDir, "unanswered.json"), "utf8")) as { questions: Array<{ text: string }> };
    expect(saved.questions.map((entry) => entry.text)).toEqual(kept === "unanswered.json" ? ["сколько стоит проезд на Марсе", OLD_QUESTION] : ["сколько стоит проезд на Марсе"]);
    expect(api.violations).toEqual([]);
  });

  // Two starts of main.ts and 300 replies: about 14 s alone, past the default 20 s when the
  // machine is busy (it timed out in a full run); the bound is the sum of its own waits.
  it("survives a kill -9 in the middle of saving: the file is whole, the next start finds nothing corrupted", { timeout: 90_000 }, async () => {
    const api = await startStandIn({ token: TOKEN });
    const dataDir = path.join(await tempDir("data"), "data");
    await mkdir(dataDir);
    const first = await start(api, dataDir, { LOG_LEVEL: "info" });
    const users = Array.from({ length: 300 }, (_, i) => 7_700 + i);
    for (const user of users) api.pushUpdate(api.privateText(user, `вопрос номер ${user} о погоде на Марсе`));
    // Kill while the replies (and with them the saves of unanswered.json) are still going on.
    await waitUntil(() => api.callsTo("sendMessage").length >= 120, 15_000, "a good part of the replies");
    first.child.kill("SIGKILL");
    await first.exited(5_000);
    const answeredBeforeKill = api.callsTo("sendMessage").length;

    const saved = await readFile(path.join(dataDir, "unanswered.json"), "utf8");
    const parsed = JSON.parse(saved) as { questions: Array<{ text: string; at: string }> };
    expect(parsed.questions.length).toBeGreaterThan(0);
    for (const entry of parsed.questions) expect(entry.text).toMatch(/^вопрос номер \d+ о погоде на Марсе$/);
    const leftovers = (await readdir(dataDir)).filter((file) => file !== "unanswered.json");

    // The next start finds a whole file and goes on with the updates the killed process had not confirmed.
    const second = await start(api, dataDir, { LOG_LEVEL: "info" });
    expect(second.logRecords().filter((record) => record.level >= LEVEL.warn)).toEqual([]);
    await waitUntil(() => api.pendingUpdates().length === 0, 10_000, "the unconfirmed updates to be taken");
    const listed = await ask(api, ADMIN, "/unanswered");
    expect(listed).toMatch(/^Вопросы без ответа: \d+ вопрос\S*, .+\n• вопрос номер \d+ о погоде на Марсе — задан 1 раз, последний — \d{4}-\d\d-\d\d \d\d:\d\d МСК/);
    await stop(second);
    const after = JSON.parse(await readFile(path.join(dataDir, "unanswered.json"), "utf8")) as { questions: Array<{ text: string }> };
    expect(after.questions.length).toBeGreaterThanOrEqual(parsed.questions.length);
    expect(after.questions.map((entry) => entry.text)).toContain(parsed.questions[0]!.text);
    expect((await readdir(dataDir)).filter((file) => file.includes(".corrupt-"))).toEqual([]);
    const chats = new Set(api.callsTo("sendMessage").map((call) => call.params.chat_id));
    console.log(
      `kill -9 while saving: ${answeredBeforeKill} of ${users.length} answered before the kill, unanswered.json whole with ${parsed.questions.length} questions; ` +
        `after the restart ${chats.has(ADMIN) ? chats.size - 1 : chats.size} users answered in all (updates taken and confirmed but not answered before the kill are lost, as with any kill -9); ` +
        `temp files left by the kill: ${leftovers.length ? leftovers.join(", ") : "none"}`,
    );
  });
});

describe("the webhook of the real process", () => {
  it("refuses bodies over 1 MB (413), other methods (405) and wrong secrets (401), serves Telegram, and never writes the token or the secret", { timeout: 30_000 }, async () => {
    const api = await startStandIn({ token: TOKEN });
    const port = await freePort();
    const dataDir = await tempDir("data");
    const main = await start(api, dataDir, { BOT_MODE: "webhook", WEBHOOK_URL: "https://example.invalid/hook/path", WEBHOOK_SECRET: SECRET, PORT: String(port) });
    const hook = `http://127.0.0.1:${port}/hook/path`;
    const post = (body: string, headers: Record<string, string>) => fetch(hook, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body, signal: AbortSignal.timeout(5_000) });
    const update = (id: number, userId: number, text: string) => JSON.stringify({ update_id: id, ...api.privateText(userId, text) });
    const statuses: Record<string, number> = {};

    // Over 1 MB: with the right secret and a declared length, and streamed without a length.
    const big = update(1, USER, "x".repeat(1_100_000));
    statuses["1.1 MB body, Content-Length"] = (await post(big, { "X-Telegram-Bot-Api-Secret-Token": SECRET })).status;
    statuses["1.1 MB body, chunked"] = await chunkedPost(port, "/hook/path", SECRET, 1_100_000);
    // Other methods on the webhook path, even with the right secret.
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      statuses[method] = (await fetch(hook, { method, headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET }, signal: AbortSignal.timeout(5_000) })).status;
    }
    // Wrong secrets, among them the bot token itself, and the secret put where it does not belong.
    statuses["token as secret"] = (await post(update(2, USER, "Минск"), { "X-Telegram-Bot-Api-Secret-Token": TOKEN })).status;
    statuses["secret in the query"] = (await fetch(`${hook}?secret_token=${SECRET}`, { method: "POST", body: update(3, USER, "Минск"), signal: AbortSignal.timeout(5_000) })).status;
    statuses["secret in upper case"] = (await post(update(4, USER, "Минск"), { "X-Telegram-Bot-Api-Secret-Token": SECRET.toUpperCase() })).status;
    statuses["secret on another path"] = (await fetch(`http://127.0.0.1:${port}/bot${TOKEN}/hook`, { method: "POST", headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET }, body: update(5, USER, "Минск"), signal: AbortSignal.timeout(5_000) })).status;
    expect(statuses).toEqual({
      "1.1 MB body, Content-Length": 413,
      "1.1 MB body, chunked": 413,
      GET: 405,
      PUT: 405,
      DELETE: 405,
      PATCH: 405,
      "token as secret": 401,
      "secret in the query": 401,
      "secret in upper case": 401,
      "secret on another path": 404,
    });
    expect(api.calls.filter((call) => call.method === "sendMessage")).toEqual([]);

    // Telegram itself is served. A reply Telegram refuses is logged as in polling mode and the update
    // is done with (200), not answered 500 for Telegram to deliver again.
    api.failNext("sendMessage", { kind: "400", description: "Bad Request: chat not found" });
    expect((await post(update(6, USER, "Ханой"), { "X-Telegram-Bot-Api-Secret-Token": SECRET })).status).toBe(200);
    api.failNext("sendMessage", { kind: "403" });
    expect((await post(update(7, USER + 1, "Ташкент"), { "X-Telegram-Bot-Api-Secret-Token": SECRET })).status).toBe(200);
    expect((await post(update(8, USER, "меморандум Москвы и Минска"), { "X-Telegram-Bot-Api-Secret-Token": SECRET })).status).toBe(200);
    expect(shownText(api.callsTo("sendMessage").at(-1)!)).toContain("РИА Новости");
    await stop(main);

    const output = main.stdout() + main.stderr();
    expect(output).not.toContain(TOKEN_TAIL);
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(encodeURIComponent(SECRET));
    const records = main.logRecords();
    expect(records.filter((record) => record.msg === "webhook request with a missing or wrong secret")).toHaveLength(3);
    expect(records.filter((record) => record.msg === "Telegram refused a request")).toEqual([expect.objectContaining({ level: LEVEL.warn, error_code: 400 })]);
    expect(records.filter((record) => record.msg === "user blocked the bot or left the chat; skipped")).toEqual([expect.objectContaining({ level: LEVEL.info })]);
    expect(records.filter((record) => record.level >= LEVEL.error)).toEqual([]);
    console.log(`webhook (process level): ${Object.entries(statuses).map(([what, status]) => `${what} → ${status}`).join(", ")}; ${records.length} log lines searched, no token or secret`);
  });
});

/** POSTs `size` bytes without a Content-Length; resolves with the status the server answers before reading it all. */
function chunkedPost(port: number, pathname: string, secret: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ hostname: "127.0.0.1", port, path: pathname, method: "POST", headers: { "X-Telegram-Bot-Api-Secret-Token": secret, "Content-Type": "application/json" } });
    req.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("error", reject);
    const chunk = "x".repeat(64 * 1024);
    for (let sent = 0; sent < size; sent += chunk.length) req.write(chunk);
  });
}
