import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { GrammyError } from "grammy";
import { createBot } from "./create-bot.js";
import { createDraftStore } from "./bot/draft-store.js";
import { folderKnowledgeUpdates } from "./bot/knowledge-updates.js";
import { createInlineMisses } from "./bot/inline-misses.js";
import { publishCommands } from "./bot/commands.js";
import { startPolling, stopPolling, ALLOWED_UPDATES } from "./bot/polling.js";
import { createConversations } from "./bot/conversations.js";
import { createQuestionMemory } from "./bot/question-memory.js";
import { createStats } from "./bot/stats.js";
import { createUnansweredStore } from "./bot/unanswered-store.js";
import { createWebhookServer } from "./bot/webhook-server.js";
import { openKnowledgeOrExit } from "./cli/open-knowledge.js";
import { runConsoleChat } from "./cli/console.js";
import { localeOf, translator } from "./i18n/i18n.js";
import { readConfigOrExit } from "./lib/config.js";
import type { FleetConfig } from "./lib/config.js";
import { openFleet } from "./fleet/fleet.js";
import type { Fleet } from "./fleet/fleet.js";
import { formatProblem } from "./knowledge/types.js";
import { RetryLaterError } from "./bot/retry-later.js";
import { knowledgeWarnings } from "./engine/knowledge-warnings.js";
import { createLogger } from "./lib/logger.js";

/** A knowledge folder that does not load is reported on stderr in English, with the bot's own texts (locales/en.ftl). */
const english = translator("en");

/** Answers in flight get this long after SIGTERM/SIGINT; a second signal exits at once. */
const SHUTDOWN_GRACE_MS = 9_000;
/** How long a fleet replica fails /readyz before it stops taking updates: a load balancer's check period or two. */
const UNREADY_BEFORE_CLOSE_MS = 2_000;

/**
 * Ends a start-up that cannot go on with one short line through the logger, whose scrubber keeps
 * the token and the secret out. Never the error object itself: a GrammyError carries the request's
 * payload (setWebhook's secret_token among it), and Node would print a rejected one whole.
 */
function failStartup(step: string): (error: unknown) => never {
  return (error) => {
    const reason = error instanceof GrammyError ? `${error.method}: ${error.error_code} ${error.description}` : error instanceof Error ? error.message : String(error);
    logger.fatal({ step, reason }, "start-up failed; exiting");
    process.exit(1);
  };
}

const config = readConfigOrExit();
const secret = config.updates.mode === "webhook" ? config.updates.secret : undefined;
const logger = createLogger({ level: config.logLevel, ...(config.botToken ? { token: config.botToken } : {}), ...(secret ? { secret } : {}) });
// A fleet replica (REDIS_URL and DATABASE_URL set; the config allows it in webhook mode only)
// shares its state and takes its knowledge from the fleet's newest revision.
const fleet = config.fleet ? await openFleetOrExit(config.fleet) : undefined;
const store = fleet?.store ?? (await openKnowledgeOrExit(config.knowledgeDir));

if (!config.botToken) {
  // The terminal's own language (LANG=ru_RU.UTF-8); English when it names none, as with LANG=C.
  await runConsoleChat(store, { input: process.stdin, output: process.stdout, notices: process.stderr }, { lang: localeOf(process.env.LANG?.split(/[._]/)[0] || "en") });
  process.exit(0);
}

const { stats, unanswered, drafts, questions, conversations, knowledgeUpdates } = fleet ?? (await processState());
const inlineMisses = createInlineMisses();
const bot = createBot(
  { token: config.botToken, apiRoot: config.botApiRoot, ...(fleet ? { gate: fleet.gate, rateLimit: fleet.rateLimit } : {}) },
  { store, logger, stats, unanswered, adminIds: new Set(config.adminIds), questions, conversations, inlineMisses, knowledgeUpdates, ingest: { drafts } },
);

/** One process's own state: in memory, and in files under DATA_DIR. */
async function processState() {
  const unanswered = createUnansweredStore(path.join(config.dataDir, "unanswered.json"), logger);
  await unanswered.load().catch(failStartup("reading unanswered.json"));
  const drafts = createDraftStore(path.join(config.dataDir, "drafts.json"), logger);
  await drafts.load().catch(failStartup("reading drafts.json"));
  return { stats: createStats(), unanswered, drafts, questions: createQuestionMemory(), conversations: createConversations(), knowledgeUpdates: folderKnowledgeUpdates(store, config.knowledgeDir) };
}

async function openFleetOrExit(fleetConfig: FleetConfig): Promise<Fleet> {
  const opened = await openFleet(fleetConfig, config.knowledgeDir, logger).catch(failStartup("joining the fleet (Redis, PostgreSQL)"));
  if (opened.ok) return opened.fleet;
  process.stderr.write(`${config.knowledgeDir}: the knowledge has ${opened.problems.length} problem(s):\n`);
  for (const problem of opened.problems) process.stderr.write(`  ${formatProblem(problem, english)}\n`);
  process.exit(1);
}

// Installed before updates are taken, so a signal during start-up also ends the process cleanly.
let stopUpdates: (() => Promise<void>) | undefined;
let stopping = false;
const shutdown = (signal: NodeJS.Signals): void => {
  if (stopping) {
    logger.warn({ signal }, "second signal: exiting now");
    process.exit(1);
  }
  stopping = true;
  if (!stopUpdates) {
    logger.info({ signal }, "stopped during start-up; no update was taken");
    process.exit(0);
  }
  logger.info({ signal }, "stopping: no new updates, finishing replies in flight");
  const deadline = setTimeout(() => {
    logger.error("replies in flight did not finish in time; exiting");
    process.exit(1);
  }, SHUTDOWN_GRACE_MS + (fleet ? UNREADY_BEFORE_CLOSE_MS : 0));
  deadline.unref();
  // A replica first fails /readyz, and goes on taking updates while the load balancer notices;
  // then it stops taking them and finishes those in flight.
  fleet?.health.drain();
  const stopTaking = fleet ? sleep(UNREADY_BEFORE_CLOSE_MS).then(stopUpdates) : stopUpdates();
  stopTaking
    .then(() => {
      // Inline misses still waiting for the user to stop typing are settled now, not lost.
      inlineMisses.flush();
      return Promise.all([unanswered.flush(), drafts.flush()]);
    })
    .then(() => fleet?.close())
    .then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "error while stopping");
        process.exit(1);
      },
    );
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

if (config.updates.mode === "polling") {
  const runner = await startPolling(bot, logger).catch(failStartup("starting to poll"));
  stopUpdates = () => stopPolling(runner);
  void runner.task()?.catch((error: unknown) => {
    logger.fatal({ err: error }, "polling stopped");
    process.exit(1);
  });
} else {
  await bot.init().catch(failStartup("getMe"));
  const server = createWebhookServer({
    bot,
    secret: config.updates.secret,
    path: new URL(config.updates.url).pathname,
    logger,
    // Alive means alive: a fleet's shared counters out of reach (Redis down) leave them out, not the answer.
    healthz: async () => ({ ok: true, knowledge_version: store.current().version, ...(fleet ? { replica: fleet.replicaId } : {}), ...(await Promise.resolve(stats.snapshot()).catch(() => ({}))) }),
    readyz: () => (fleet ? fleet.health.readiness() : { ready: !stopping }),
    // Another replica has the update, or Redis or PostgreSQL is down: Telegram delivers it again later.
    errorStatus: (error) => (error instanceof RetryLaterError ? 503 : 500),
  });
  const port = await server.listen(config.port, config.host).catch(failStartup("listening"));
  await bot.api.setWebhook(config.updates.url, { secret_token: config.updates.secret, allowed_updates: [...ALLOWED_UPDATES] }).catch(failStartup("setWebhook"));
  logger.info({ host: config.host, port, username: bot.botInfo.username }, "webhook server listening");
  stopUpdates = () => server.close();
}
void publishCommands(bot.api, config.adminIds, logger);
const { knowledge } = store.current();
// Counted, not listed: `npm run validate` lists them, and /reload shows the first few.
const warnings = knowledgeWarnings(knowledge).length;
logger.info({ cards: knowledge.cards.length, sources: knowledge.sources.length, partners: knowledge.partners.length, warnings, mode: config.updates.mode }, "bot started");

