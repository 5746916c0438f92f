import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/create-bot.js";
import { POLLING_CONCURRENCY } from "../../src/bot/polling.js";
import { createConversations } from "../../src/bot/conversations.js";
import { folderKnowledgeUpdates } from "../../src/bot/knowledge-updates.js";
import { createInlineMisses } from "../../src/bot/inline-misses.js";
import { createQuestionMemory } from "../../src/bot/question-memory.js";
import { createStats } from "../../src/bot/stats.js";
import { createUnansweredStore } from "../../src/bot/unanswered-store.js";
import { openKnowledgeStore } from "../../src/engine/store.js";
import type { KnowledgeStore } from "../../src/engine/store.js";
import type { Snapshot } from "../../src/engine/types.js";
import { createLogger } from "../../src/lib/logger.js";
import { latency, memoryAfterGc, prng, progress, round } from "./measure.js";
import type { Latency } from "./measure.js";
import { REPO_ROOT } from "./report.js";

/**
 * The real bot end to end: createBot with the dependencies main.ts gives it (knowledge store on
 * the project's knowledge folder, a pino logger at "info" whose lines are serialised and thrown
 * away, stats, the unanswered-questions file in a temporary folder, question memory), talking
 * HTTP to the Bot API stand-in running in a child process. Updates go straight to
 * bot.handleUpdate, as the polling runner's sink does, so neither getUpdates nor the stand-in's
 * update queue is measured. Phases over the same users:
 *  1. throughput: all messages as fast as the bot drains them, POLLING_CONCURRENCY (64) in flight;
 *     then the same number again through a second bot with the answer cache off, since the
 *     question set repeats (a few hundred questions) and the cache would otherwise hide the engine;
 *  2. latency: messages arriving at a fixed rate (the budget's 1,000/s), each timed from its
 *     arrival to the end of its handling (its sendMessage answered), so queueing
 *     behind other updates counts;
 *  3. when phase 1 showed the bot cannot drain that rate (latency then only measures a growing
 *     queue), the same at half the measured throughput: the latency of a bot that keeps up.
 * The per-user rate limit is raised to 1,000,000 messages a minute so the throughput run measures
 * answering, not the "slow down" reply.
 */

export interface BotLoadOptions {
  users: number;
  /** Messages in the throughput phase. */
  messages: number;
  /** Messages in the paced latency phase (0 skips it). */
  pacedMessages: number;
  /** Arrivals per second in the paced phase. */
  pacedRate: number;
  concurrency?: number;
  seed?: number;
  knowledgeDir?: string;
  questionsFile?: string;
  /** Progress lines; stderr by default. */
  log?: (line: string) => void;
}

export interface BotLoadReport {
  users: number;
  messages: number;
  concurrency: number;
  updates_per_s: number;
  /** Handling time per update in the throughput phase (queueing behind 63 others included). */
  saturated: Latency;
  /** Share of the throughput phase's questions answered from the bot's answer cache (the question set repeats). */
  answer_cache_hits: number;
  /** The same throughput phase with the answer cache off: every question goes to the engine. */
  uncached: { updates_per_s: number } & Latency;
  paced_rate: number;
  paced_messages: number;
  /** Arrival to handled, at the paced rate. */
  paced: Latency;
  /** Arrival to handled at half the measured throughput, when that is below the paced rate. */
  sustainable?: { rate: number; messages: number } & Latency;
  p50_ms: number;
  p99_ms: number;
  /** Messages that did not get their reply, plus updates that logged a warning or an error. */
  failed_updates: number;
  /** Calls the stand-in refused or flagged as breaking a Telegram rule. */
  violations: number;
  violation_samples: string[];
  /** Share of time the stand-in's event loop was busy during the throughput phase: near 1 would mean it, not the bot, was the limit. */
  stand_in_busy: number;
  heap_mb: number;
  rss_mb: number;
}

interface QuestionSet {
  in_scope: Array<{ q: string; lang: "ru" | "en" }>;
  out_of_scope: Array<{ q: string; lang: "ru" | "en" }>;
}

interface StandInReport {
  type: "report";
  calls: Record<string, number>;
  ok: Record<string, number>;
  violations: number;
  samples: string[];
  busy: number;
}

export async function runBotLoad(options: BotLoadOptions): Promise<BotLoadReport> {
  const concurrency = options.concurrency ?? POLLING_CONCURRENCY;
  const log = options.log ?? progress;
  const random = prng(options.seed ?? 7);
  const questions = JSON.parse(await readFile(options.questionsFile ?? path.join(REPO_ROOT, "tests", "quality", "questions.json"), "utf8")) as QuestionSet;
  const pool = [...questions.in_scope, ...questions.out_of_scope];

  const standIn = await startStandIn();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bench-bot-"));
  try {
    const knowledgeDir = options.knowledgeDir ?? path.join(REPO_ROOT, "knowledge");
    const opened = await openKnowledgeStore(knowledgeDir);
    if (!opened.ok) throw new Error(`knowledge does not load: ${opened.problems.length} problems`);
    let warnings = 0;
    const logger = createLogger({
      level: "info",
      destination: {
        write(line: string) {
          if (/"level":(4|5|6)0/.test(line)) warnings++;
        },
      },
    });
    const stats = createStats();
    const unanswered = createUnansweredStore(path.join(dataDir, "unanswered.json"), logger);
    await unanswered.load();
    // Counts the questions that reach the engine, so the answer cache's share is measured, not assumed.
    let computed = 0;
    const counted = new WeakMap<Snapshot, Snapshot>();
    const store: KnowledgeStore = {
      reload: () => opened.store.reload(),
      current: () => {
        const snapshot = opened.store.current();
        let counting = counted.get(snapshot);
        if (!counting) {
          counting = { ...snapshot, answer: (question, answerOptions) => (computed++, snapshot.answer(question, answerOptions)) };
          counted.set(snapshot, counting);
        }
        return counting;
      },
    };
    const makeBot = (cachedAnswers?: number) =>
      createBot(
        { token: standIn.token, apiRoot: standIn.apiRoot, botInfo: standIn.botInfo, messagesPerMinute: 1_000_000, ...(cachedAnswers === undefined ? {} : { cachedAnswers }) },
        { store, logger, stats, unanswered, adminIds: new Set(), questions: createQuestionMemory(), conversations: createConversations(), inlineMisses: createInlineMisses(), knowledgeUpdates: folderKnowledgeUpdates(store, knowledgeDir) },
      );
    const bot = makeBot();
    const uncachedBot = makeBot(0);
    await bot.init();
    await uncachedBot.init();

    let updateId = 1;
    let messageId = 1;
    const makeUpdates = (count: number): Update[] =>
      Array.from({ length: count }, () => {
        const user = 1_000 + random.int(0, options.users - 1);
        const question = random.pick(pool);
        // A few users start over with /start; everyone else asks.
        const text = random.chance(0.03) ? "/start" : question.q;
        const entities = text === "/start" ? [{ type: "bot_command" as const, offset: 0, length: 6 }] : undefined;
        return {
          update_id: updateId++,
          message: {
            message_id: messageId++,
            date: Math.floor(Date.now() / 1000),
            chat: { id: user, type: "private" as const, first_name: `User ${user}` },
            from: { id: user, is_bot: false, first_name: `User ${user}`, language_code: question.lang },
            text,
            ...(entities ? { entities } : {}),
          },
        } as Update;
      });

    // Warm-up: JIT, keep-alive connections, the engine's memo tables.
    await drain(bot.handleUpdate.bind(bot), makeUpdates(Math.min(300, options.messages)), concurrency);
    await standIn.request("reset");
    const warningsBefore = warnings;

    log(`  bot: ${options.messages} messages from ${options.users} users, ${concurrency} in flight`);
    const updates = makeUpdates(options.messages);
    const asked = updates.filter((update) => update.message?.text !== "/start").length;
    const computedBefore = computed;
    const started = performance.now();
    const saturated = await drain(bot.handleUpdate.bind(bot), updates, concurrency);
    const wallMs = performance.now() - started;
    const cacheHits = 1 - (computed - computedBefore) / Math.max(1, asked);
    const report = (await standIn.request("report")) as StandInReport;
    await standIn.request("reset");

    log(`  bot: the same with the answer cache off`);
    await drain(uncachedBot.handleUpdate.bind(uncachedBot), makeUpdates(Math.min(300, options.messages)), concurrency);
    await standIn.request("reset");
    const uncachedStarted = performance.now();
    const uncached = await drain(uncachedBot.handleUpdate.bind(uncachedBot), makeUpdates(options.messages), concurrency);
    const uncachedWallMs = performance.now() - uncachedStarted;
    const uncachedReport = (await standIn.request("report")) as StandInReport;
    await standIn.request("reset");

    let paced: number[] = [];
    let pacedReport: StandInReport | undefined;
    if (options.pacedMessages > 0) {
      log(`  bot: ${options.pacedMessages} messages arriving at ${options.pacedRate}/s`);
      paced = await pacedRun(bot.handleUpdate.bind(bot), makeUpdates(options.pacedMessages), options.pacedRate);
      pacedReport = (await standIn.request("report")) as StandInReport;
      await standIn.request("reset");
    }
    const throughput = options.messages / (wallMs / 1000);
    let sustainable: BotLoadReport["sustainable"];
    let sustainableReport: StandInReport | undefined;
    let sustainableCount = 0;
    if (options.pacedMessages > 0 && throughput < options.pacedRate) {
      const rate = Math.max(1, Math.floor(throughput / 2));
      sustainableCount = Math.min(options.pacedMessages, rate * 10);
      log(`  bot: ${sustainableCount} messages arriving at ${rate}/s (half the measured throughput)`);
      const times = await pacedRun(bot.handleUpdate.bind(bot), makeUpdates(sustainableCount), rate);
      sustainableReport = (await standIn.request("report")) as StandInReport;
      sustainable = { rate, messages: times.length, ...latency(times) };
    }
    await unanswered.flush().catch(() => undefined);

    const replies = (report.ok.sendMessage ?? 0) + (uncachedReport.ok.sendMessage ?? 0) + (pacedReport?.ok.sendMessage ?? 0) + (sustainableReport?.ok.sendMessage ?? 0);
    const expected = 2 * options.messages + (pacedReport ? options.pacedMessages : 0) + (sustainableReport ? sustainableCount : 0);
    const memory = memoryAfterGc();
    const pacedLatency = latency(paced);
    return {
      users: options.users,
      messages: options.messages,
      concurrency,
      updates_per_s: round(throughput, 0),
      saturated: latency(saturated),
      answer_cache_hits: round(cacheHits),
      uncached: { updates_per_s: round(options.messages / (uncachedWallMs / 1000), 0), ...latency(uncached) },
      paced_rate: options.pacedRate,
      paced_messages: paced.length,
      paced: pacedLatency,
      p50_ms: pacedLatency.p50_ms,
      p99_ms: pacedLatency.p99_ms,
      ...(sustainable ? { sustainable } : {}),
      failed_updates: Math.max(0, expected - replies) + (warnings - warningsBefore),
      violations: report.violations + uncachedReport.violations + (pacedReport?.violations ?? 0) + (sustainableReport?.violations ?? 0),
      violation_samples: [...report.samples, ...uncachedReport.samples, ...(pacedReport?.samples ?? []), ...(sustainableReport?.samples ?? [])].slice(0, 3),
      stand_in_busy: round(report.busy),
      ...memory,
    };
  } finally {
    await standIn.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Handles every update with at most `concurrency` in flight; returns each one's handling time. */
async function drain(handle: (update: Update) => Promise<void>, updates: Update[], concurrency: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < updates.length) {
      const update = updates[next++]!;
      const started = performance.now();
      await handle(update);
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, updates.length) }, worker));
  return times;
}

/** Starts update i at start + i / rate (open loop); its latency runs from that moment, so waiting for the event loop counts. */
async function pacedRun(handle: (update: Update) => Promise<void>, updates: Update[], rate: number): Promise<number[]> {
  const times: number[] = [];
  const interval = 1000 / rate;
  const start = performance.now() + 5;
  const inFlight: Array<Promise<void>> = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (next < updates.length && start + next * interval <= now) {
        const due = start + next * interval;
        const update = updates[next++]!;
        inFlight.push(handle(update).then(() => void times.push(performance.now() - due)));
      }
      if (next < updates.length) setTimeout(tick, Math.max(0, Math.min(1, start + next * interval - performance.now())));
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  return times;
}

interface StandInHandle {
  apiRoot: string;
  token: string;
  botInfo: UserFromGetMe;
  request(message: "report" | "reset"): Promise<unknown>;
  close(): Promise<void>;
}

async function startStandIn(): Promise<StandInHandle> {
  const child: ChildProcess = fork(path.join(REPO_ROOT, "bench", "lib", "stand-in-process.ts"), [], {
    cwd: REPO_ROOT,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const messages: Array<(message: { type: string }) => void> = [];
  child.on("message", (message) => messages.shift()?.(message as { type: string }));
  const nextMessage = (): Promise<{ type: string }> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the stand-in process did not answer within 30 s")), 30_000);
      messages.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = (await Promise.race([nextMessage(), exited.then(() => Promise.reject(new Error("the stand-in process exited before it was ready")))])) as unknown as {
    apiRoot: string;
    token: string;
    botInfo: UserFromGetMe;
  };
  return {
    apiRoot: ready.apiRoot,
    token: ready.token,
    botInfo: ready.botInfo,
    request(message) {
      const answer = nextMessage();
      child.send(message);
      return answer;
    },
    async close() {
      if (child.exitCode === null && child.connected) child.send("close");
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
