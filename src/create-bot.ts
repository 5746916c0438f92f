import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError } from "grammy";
import type { BotError, MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createAnswerCache } from "./bot/answer-cache.js";
import { RetryLaterError } from "./bot/retry-later.js";
import type { RateLimitCounter, SharedRateLimit } from "./bot/rate-limit.js";
import type { BotContext, BotDeps } from "./bot/context.js";
import { adminFeature } from "./bot/features/admin.js";
import { askFeature } from "./bot/features/ask.js";
import { catalogueFeature } from "./bot/features/catalogue.js";
import { fallbackFeature } from "./bot/features/fallback.js";
import { ingestFeature } from "./bot/features/ingest.js";
import { inlineFeature } from "./bot/features/inline.js";
import { startFeature } from "./bot/features/start.js";
import { i18n, localeOf } from "./i18n/i18n.js";

export interface BotOptions {
  token: string;
  /** A self-hosted Bot API server, or the test stand-in. */
  apiRoot?: string;
  /** Skips getMe at start-up when known (tests). */
  botInfo?: UserFromGetMe;
  /** Messages and button presses one user may send per minute before the bot asks them to slow down. */
  messagesPerMinute?: number;
  /** Longest flood wait (retry_after) honoured before a request is given up. */
  maxRetryDelaySeconds?: number;
  /** Answers remembered per snapshot (0: every question goes to the engine; benchmarks compare). */
  cachedAnswers?: number;
  /**
   * Runs before anything else sees an update: a fleet's claim per update_id, which refuses a
   * delivery another replica is answering (RetryLaterError) and drops one already answered.
   */
  gate?: MiddlewareFn<BotContext>;
  /** Where the flood limit counts; by default in this process. A fleet shares both in Redis. */
  rateLimit?: SharedRateLimit;
}

/** The flood limit's window: its count per user starts over every minute. */
const RATE_WINDOW_MS = 60_000;

/** The bot with every feature; no network until it is started, so tests can build several side by side. */
export function createBot(options: BotOptions, deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: options.maxRetryDelaySeconds ?? 60, rethrowHttpErrors: false, rethrowInternalServerErrors: false }));

  if (options.gate) bot.use(options.gate);
  const answer = createAnswerCache(options.cachedAnswers);
  bot.use((ctx, next) => {
    ctx.deps = deps;
    ctx.answer = answer;
    ctx.lang = localeOf(ctx.from?.language_code);
    return next();
  });
  bot.use(i18n.middleware());
  // Counted before sequentialize, so a flood's excess is dropped on arrival: queued behind the
  // flooder's own replies (slow when Telegram throttles that chat) it would hold the runner's slots
  // that every other chat needs. The one notice still waits its turn in the chat.
  const overLimit = new WeakSet<BotContext>();
  // Users told to slow down in the current window, cleared on the limiter's own period: a flooder
  // hears it once a minute however many messages they send.
  const told = new Set<string>();
  setInterval(() => told.clear(), RATE_WINDOW_MS).unref();
  const firstNotice = options.rateLimit?.firstNotice ?? (async (key: string) => !told.has(key) && Boolean(told.add(key)));
  bot.use(
    limit<BotContext, RateLimitCounter>({
      timeFrame: RATE_WINDOW_MS,
      limit: options.messagesPerMinute ?? 30,
      // A button press sends a new message or edits one just like a question does, so presses share
      // the user's budget with messages. Inline queries arrive per keystroke: they are not counted.
      keyGenerator: (ctx) => ((ctx.message || ctx.callbackQuery) && ctx.from ? String(ctx.from.id) : undefined),
      // Every update over the limit comes here, not only the first: each press must be answered.
      alwaysReply: true,
      ...(options.rateLimit ? { storageClient: options.rateLimit.storageClient, keyPrefix: "ratelimit:" } : {}),
      onLimitExceeded: async (ctx, next) => {
        const key = String(ctx.from!.id);
        const first = await firstNotice(key, RATE_WINDOW_MS);
        if (first) deps.logger.warn({ chat_type: ctx.chat?.type }, "rate limit: user told to slow down");
        // An unanswered press spins in the client until Telegram gives up; the answer is a toast,
        // not a message, so it needs no turn in the chat's queue.
        if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: ctx.t("rate-limited-press") }).catch(() => undefined));
        if (!first) return;
        overLimit.add(ctx);
        return next();
      },
    }),
  );
  // Updates of one chat are handled in order; different chats run concurrently.
  bot.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString()));
  bot.use(async (ctx, next) => {
    if (!overLimit.has(ctx)) return next();
    await ctx.reply(ctx.t("rate-limited")).catch(() => undefined);
  });

  const apiRoot = options.apiRoot ?? "https://api.telegram.org";
  const download = async (filePath: string): Promise<string> => {
    const response = await fetch(`${apiRoot}/file/bot${options.token}/${filePath}`);
    if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
    return response.text();
  };
  // A feature's failure is logged and the update done with, in polling and webhook mode alike: a
  // webhook answered 500 would only have Telegram deliver the same failing update again and again.
  // What fails outside the features (a layer before them that refuses an update) is left to the
  // caller: the runner's bot.catch, or the webhook server's errorStatus.
  bot.errorBoundary((error) => {
    // Not a failure of the feature: the update is to be delivered again (503), so it goes on out.
    if (error.error instanceof RetryLaterError) throw error.error;
    logBotError(error, deps);
  }, adminFeature(), ingestFeature(download), startFeature(), catalogueFeature(), askFeature(), inlineFeature(), fallbackFeature());
  bot.catch((error) => logBotError(error, deps));
  return bot;
}

/** The error boundary: one update's failure is logged and the bot goes on with the next. */
export function logBotError(error: BotError<BotContext>, deps: Pick<BotDeps, "logger">): void {
  const cause = error.error;
  const base = { update_id: error.ctx.update.update_id, chat_type: error.ctx.chat?.type };
  if (cause instanceof GrammyError) {
    if (cause.error_code === 403) deps.logger.info({ ...base, method: cause.method, description: cause.description }, "user blocked the bot or left the chat; skipped");
    else deps.logger.warn({ ...base, method: cause.method, error_code: cause.error_code, description: cause.description }, "Telegram refused a request");
  } else if (cause instanceof HttpError) {
    deps.logger.warn({ ...base, error: cause.message }, "could not reach Telegram");
  } else {
    deps.logger.error({ ...base, err: cause }, "update failed");
  }
}
