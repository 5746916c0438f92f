/**
 * End-to-end harness: the real bot from createBot, polling over real HTTP a Bot API stand-in on
 * 127.0.0.1, with the knowledge (a temp copy when the test reloads it), a temp DATA_DIR and a
 * logger whose lines are kept.
 *
 *   const h = await startBot({ adminIds: [ADMIN] });
 *   const reply = await h.send(h.api.privateText(42, "Минск"));
 *   expect(reply.params.parse_mode).toBe("HTML");
 *   await stopAll(); // in afterEach
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { InlineKeyboardButton, Message } from "grammy/types";
import type { BotContext, BotDeps } from "../../src/bot/context.js";
import { folderKnowledgeUpdates } from "../../src/bot/knowledge-updates.js";
import { createBot } from "../../src/create-bot.js";
import type { BotOptions } from "../../src/create-bot.js";
import { startPolling, stopPolling } from "../../src/bot/polling.js";
import { createWebhookServer } from "../../src/bot/webhook-server.js";
import type { WebhookServerOptions } from "../../src/bot/webhook-server.js";
import { createDraftStore } from "../../src/bot/draft-store.js";
import { createConversations } from "../../src/bot/conversations.js";
import { createInlineMisses } from "../../src/bot/inline-misses.js";
import { createQuestionMemory } from "../../src/bot/question-memory.js";
import { createStats } from "../../src/bot/stats.js";
import { createUnansweredStore } from "../../src/bot/unanswered-store.js";
import { openKnowledgeStore } from "../../src/engine/store.js";
import type { KnowledgeStore } from "../../src/engine/store.js";
import { createLogger } from "../../src/lib/logger.js";
import type { LogLevel } from "../../src/lib/config.js";
import { BotApiStandIn } from "../support/bot-api-stand-in.js";
import type { BotApiStandInOptions, RecordedCall, UpdateDraft } from "../support/bot-api-stand-in.js";

export const REPO_DIR = fileURLToPath(new URL("../..", import.meta.url));
/**
 * The knowledge the bot tests run on: the project's first knowledge (version 1 of the format, 94
 * cards), frozen here so that tests of the bot's behaviour do not change with every card an editor
 * adds, and so that a version-1 folder keeps loading as it is.
 */
export const KNOWLEDGE_DIR = path.join(REPO_DIR, "tests", "fixtures", "knowledge-v1");
/** The knowledge the project ships (version 2: regions, statuses, fact kinds, English citations), for tests of what only it has. */
export const PROJECT_KNOWLEDGE_DIR = path.join(REPO_DIR, "knowledge");
export const BOT_USERNAME = "PartnersTestBot";

// ───────────── logs ─────────────

export interface LogRecord {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

export const LEVEL = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/** A pino destination that keeps every line, for assertions on what was (not) logged. */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    for (const part of line.split("\n")) if (part.trim()) this.lines.push(part);
  }
  get records(): LogRecord[] {
    return this.lines.map(parseLogLine);
  }
  withMessage(msg: string): LogRecord[] {
    return this.records.filter((record) => record.msg === msg);
  }
}

export function parseLogLine(line: string): LogRecord {
  try {
    return JSON.parse(line) as LogRecord;
  } catch {
    throw new Error(`not a JSON log line: ${line}`);
  }
}

// ───────────── the bot under test ─────────────

export interface StartBotOptions {
  adminIds?: number[];
  /**
   * A private temp copy of the knowledge that the test may edit and /reload. Without it the bot
   * answers from the repository's knowledge, loaded once per test file, and any reload is refused.
   */
  reloadable?: boolean;
  /** Reuse folders (a restart): the knowledge folder implies `reloadable`; DATA_DIR is a fresh empty one by default. */
  knowledgeDir?: string;
  dataDir?: string;
  logLevel?: LogLevel;
  standIn?: BotApiStandInOptions;
  bot?: Partial<Omit<BotOptions, "token" | "apiRoot">>;
  /** Turn on /ingest, with drafts kept in DATA_DIR/drafts.json (implies `reloadable` unless a folder is given). */
  ingest?: boolean;
  /** Read follow-ups in the light of each chat's previous question (on by default, as in the bot). */
  followUps?: boolean;
  /** How long an inline miss waits for the user to stop typing (the bot's default when absent). */
  inlineMissPauseMs?: number;
  /**
   * Webhook mode instead of polling: the bot behind the webhook server on 127.0.0.1, and `send`
   * posts each update to it as Telegram would (the stand-in still records the bot's calls).
   */
  webhook?: Pick<WebhookServerOptions, "errorStatus">;
}

/** The webhook server of a harness in webhook mode, and how Telegram would post to it. */
export interface WebhookEnd {
  url: string;
  secret: string;
  /** Posts an update with the right secret; resolves with the server's response once the update is handled. */
  post(draft: UpdateDraft): Promise<Response>;
}

export interface BotHarness {
  api: BotApiStandIn;
  bot: Bot<BotContext>;
  deps: BotDeps;
  /** The polling runner; undefined in webhook mode. */
  runner: RunnerHandle | undefined;
  webhook: WebhookEnd | undefined;
  knowledgeDir: string;
  dataDir: string;
  logs: LogCapture;
  /** Pushes an update and resolves with the first new answered call to `method` that matches. */
  send(draft: UpdateDraft, method?: string, match?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Pushes updates that must get no reply, then a sentinel in the same chat that must: proves the first ones were passed over. */
  expectIgnored(drafts: UpdateDraft[], sentinel: UpdateDraft): Promise<RecordedCall[]>;
  /** Stops polling, waits for updates in flight, flushes the data, closes the stand-in. Folders stay. */
  stop(): Promise<void>;
}

// What stopAll() tears down after each test.
const running: BotHarness[] = [];
const standIns: BotApiStandIn[] = [];
const children: MainProcess[] = [];
const temporary: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `partners-e2e-${prefix}-`));
  temporary.push(dir);
  return dir;
}

/** A private copy of the bot tests' knowledge (or of `from`), free to break and extend. */
export async function copyKnowledge(from = KNOWLEDGE_DIR): Promise<string> {
  const dir = await tempDir("knowledge");
  await cp(from, dir, { recursive: true });
  return dir;
}

export async function startBot(options: StartBotOptions = {}): Promise<BotHarness> {
  const api = await startStandIn(options.standIn);
  const { apiRoot } = api;
  const ownKnowledge = options.reloadable === true || options.ingest === true || options.knowledgeDir !== undefined;
  const knowledgeDir = options.knowledgeDir ?? (ownKnowledge ? await copyKnowledge() : KNOWLEDGE_DIR);
  const dataDir = options.dataDir ?? (await tempDir("data"));
  const logs = new LogCapture();
  const logger = createLogger({ level: options.logLevel ?? "debug", token: api.token, destination: logs });
  const store = ownKnowledge ? await openStore(knowledgeDir) : await sharedKnowledge();
  const unanswered = createUnansweredStore(path.join(dataDir, "unanswered.json"), logger);
  await unanswered.load();
  const deps: BotDeps = {
    store,
    logger,
    stats: createStats(),
    unanswered,
    adminIds: new Set(options.adminIds ?? []),
    questions: createQuestionMemory(),
    // Capacity 0 remembers no chat: every question stands alone.
    conversations: createConversations(options.followUps === false ? 0 : undefined),
    knowledgeUpdates: folderKnowledgeUpdates(store, knowledgeDir),
    inlineMisses: createInlineMisses(options.inlineMissPauseMs),
  };
  if (options.ingest) {
    const drafts = createDraftStore(path.join(dataDir, "drafts.json"), logger);
    await drafts.load();
    deps.ingest = { drafts };
  }
  const bot = createBot({ token: api.token, apiRoot, ...options.bot }, deps);
  let runner: RunnerHandle | undefined;
  let webhook: (WebhookEnd & { close(): Promise<void> }) | undefined;
  if (options.webhook) {
    webhook = await startWebhook(bot, api, logger, options.webhook);
  } else {
    runner = await startPolling(bot, logger);
    // The first long poll is pending: updates pushed from now on are delivered at once.
    await api.waitForRequest("getUpdates", undefined, 5000);
  }
  let stopped: Promise<void> | undefined;
  const harness: BotHarness = {
    api,
    bot,
    deps,
    runner,
    webhook,
    knowledgeDir,
    dataDir,
    logs,
    async send(draft, method = "sendMessage", match = () => true, timeoutMs = 5000) {
      const before = new Set(api.calls);
      const update = webhook ? draft : api.pushUpdate(draft);
      const chatId = chatOf(update);
      if (webhook) void webhook.post(draft);
      return api.waitForCall(
        method,
        (call) => !before.has(call) && (chatId === undefined || call.params.chat_id === undefined || call.params.chat_id === chatId) && match(call),
        timeoutMs,
      );
    },
    async expectIgnored(drafts, sentinel) {
      const before = new Set(api.calls);
      for (const draft of drafts) {
        if (webhook) await webhook.post(draft);
        else api.pushUpdate(draft);
      }
      await harness.send(sentinel);
      // Per-chat order is kept by sequentialize, so every earlier update is done by now.
      return api.calls.filter((call) => !before.has(call) && call.method !== "getUpdates");
    },
    stop() {
      stopped ??= (async () => {
        await Promise.race([runner ? stopPolling(runner) : webhook!.close(), rejectAfter(5000, "updates in flight to finish")]);
        deps.inlineMisses.flush();
        // Both stores write their file after a debounce: a write still pending when stopAll removes
        // the data folder recreates a file in it mid-removal (ENOTEMPTY).
        await Promise.all([unanswered.flush(), deps.ingest?.drafts.flush()]);
        await api.close();
      })();
      return stopped;
    },
  };
  running.push(harness);
  return harness;
}

const WEBHOOK_SECRET = "harness-webhook-secret-0123456789abcdef";

async function startWebhook(bot: Bot<BotContext>, api: BotApiStandIn, logger: ReturnType<typeof createLogger>, options: Pick<WebhookServerOptions, "errorStatus">) {
  await bot.init();
  const server = createWebhookServer({ bot, secret: WEBHOOK_SECRET, path: "/hook", logger, healthz: () => ({ ok: true }), ...options });
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/hook`;
  return {
    url,
    secret: WEBHOOK_SECRET,
    post(draft: UpdateDraft) {
      // Through the stand-in, which numbers the update and learns its messages (so the bot may reply to
      // them); it also queues it for getUpdates, which nobody calls in webhook mode.
      const update = api.pushUpdate(draft);
      return fetch(url, { method: "POST", headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET }, body: JSON.stringify(update), signal: AbortSignal.timeout(10_000) });
    },
    close: () => server.close(),
  };
}

async function openStore(dir: string): Promise<KnowledgeStore> {
  const opened = await openKnowledgeStore(dir);
  if (!opened.ok) throw new Error(`knowledge in ${dir} does not load: ${JSON.stringify(opened.problems)}`);
  return opened.store;
}

let shared: Promise<KnowledgeStore> | undefined;

/** Building the index takes a while; bots that only read share one store, which refuses to reload so tests stay independent. */
function sharedKnowledge(): Promise<KnowledgeStore> {
  shared ??= openStore(KNOWLEDGE_DIR).then((store) => ({
    current: () => store.current(),
    reload: () => Promise.reject(new Error("this bot shares the repository's knowledge; start it with { reloadable: true } to reload")),
  }));
  return shared;
}

/** For afterEach: stops every bot and child process started by the test and removes temp folders. */
export async function stopAll(): Promise<void> {
  // Every step runs even when an earlier one fails, so nothing outlives the test; the first failure is reported.
  const outcomes = [
    ...(await Promise.allSettled(running.splice(0).map((harness) => harness.stop()))),
    ...(await Promise.allSettled(children.splice(0).map((child) => child.kill()))),
    ...(await Promise.allSettled(standIns.splice(0).map((api) => api.close()))),
    ...(await Promise.allSettled(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })))),
  ];
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed) throw failed.reason;
}

function chatOf(update: UpdateDraft): number | undefined {
  const message = update.message ?? update.edited_message ?? update.callback_query?.message;
  return message?.chat.id ?? (update.callback_query ? update.callback_query.from.id : undefined);
}

// ───────────── reading what the bot sent ─────────────

/** The message Telegram stored for a successful send/edit call. */
export function resultMessage(call: RecordedCall): Message.TextMessage {
  const response = call.response;
  if (!response || !("ok" in response) || !response.ok) throw new Error(`${call.method} did not succeed: ${JSON.stringify(response)}`);
  return response.result as Message.TextMessage;
}

/** The text as the user sees it (tags removed, entities decoded). */
export function shownText(call: RecordedCall): string {
  return resultMessage(call).text;
}

export function buttonsOf(call: RecordedCall): InlineKeyboardButton.CallbackButton[] {
  const markup = call.params.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat() as InlineKeyboardButton.CallbackButton[];
}

export function button(call: RecordedCall, text: string | RegExp): InlineKeyboardButton.CallbackButton {
  const found = buttonsOf(call).find((b) => (typeof text === "string" ? b.text === text : text.test(b.text)));
  if (!found) throw new Error(`no button ${String(text)} among ${JSON.stringify(buttonsOf(call).map((b) => b.text))}`);
  return found;
}

export function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Turns a text message draft into one that is not text (sticker, photo or voice), shaped as Telegram sends them. */
export function asMedia(draft: UpdateDraft, kind: "sticker" | "photo" | "voice", caption?: string): UpdateDraft {
  const message = draft.message as unknown as Record<string, unknown>;
  delete message.text;
  delete message.entities;
  const file = { file_id: `${kind}-file-id`, file_unique_id: `${kind}-unique`, file_size: 1024 };
  if (kind === "sticker") message.sticker = { ...file, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" };
  if (kind === "photo") message.photo = [{ ...file, width: 90, height: 90 }];
  if (kind === "voice") message.voice = { ...file, duration: 3, mime_type: "audio/ogg" };
  if (caption !== undefined) message.caption = caption;
  return draft;
}

export function privateMedia(api: BotApiStandIn, userId: number, kind: "sticker" | "photo" | "voice", caption?: string): UpdateDraft {
  return asMedia(api.privateText(userId, "x"), kind, caption);
}

// ───────────── waiting ─────────────

function rejectAfter(timeoutMs: number, what: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs).unref());
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// ───────────── the process (src/main.ts) ─────────────

/** A stand-in that stopAll() closes; for the process-level tests. */
export async function startStandIn(options?: BotApiStandInOptions): Promise<BotApiStandIn> {
  const api = new BotApiStandIn(options);
  await api.start();
  standIns.push(api);
  return api;
}

export interface MainProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** stderr as pino records (lines that are not JSON are left out). */
  logRecords(): LogRecord[];
  /** Resolves with the exit code (null when killed by a signal); rejects after `timeoutMs`. */
  exited(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once stderr has a line that satisfies `match`. */
  waitForLog(match: (record: LogRecord) => boolean, timeoutMs?: number): Promise<LogRecord>;
  kill(): Promise<void>;
}

/**
 * Runs `node --import tsx src/main.ts` with exactly `env` (plus PATH and HOME), in a temp working
 * directory so no .env file or default data folder of the repository is involved. One process, no
 * tsx wrapper: signals reach main.ts itself and a kill leaves nothing behind.
 */
export async function spawnMain(env: Record<string, string>, cwd?: string): Promise<MainProcess> {
  const workDir = cwd ?? (await tempDir("cwd"));
  const tsx = pathToFileURL(path.join(REPO_DIR, "node_modules/tsx/dist/loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", tsx, path.join(REPO_DIR, "src/main.ts")], {
    cwd: workDir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? workDir, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const records = (): LogRecord[] =>
    stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map(parseLogLine);
  const main: MainProcess = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logRecords: records,
    async exited(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`main.ts did not exit within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
      });
      try {
        return await Promise.race([exit, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async waitForLog(match, timeoutMs = 10_000) {
      let found: LogRecord | undefined;
      let ended = false;
      void exit.then(() => (ended = true));
      await waitUntil(
        () => {
          found = records().find(match);
          if (!found && ended) throw new Error(`main.ts exited before the expected log line; stderr:\n${stderr}`);
          return found !== undefined;
        },
        timeoutMs,
        `a log line from main.ts; stderr so far:\n${stderr}`,
      );
      return found!;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exit;
    },
  };
  children.push(main);
  return main;
}

/** A port that was free a moment ago on 127.0.0.1 (config does not accept PORT=0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
