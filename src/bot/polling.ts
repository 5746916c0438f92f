import { setTimeout as sleep } from "node:timers/promises";
import { run } from "@grammyjs/runner";
import type { RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Logger } from "../lib/logger.js";
import type { BotContext } from "./context.js";

// Edited messages are not asked for: answering an edit twice would confuse more than it helps.
// chosen_inline_result counts an inline question once (see features/inline.ts).
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "chosen_inline_result"] as const;

/** How many updates are handled at once; per-chat order is kept by sequentialize in createBot. */
export const POLLING_CONCURRENCY = 64;

/**
 * Long polling through grammY's runner. A refused getUpdates gets a clear log line here, the 409
 * conflict above all (another instance); the runner retries it with back-off. Network errors and
 * 5xx are retried inside auto-retry first (from 3 s, doubling) and reach this log only if it gives up.
 */
export async function startPolling(bot: Bot<BotContext>, logger: Logger): Promise<RunnerHandle> {
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    let result: Awaited<ReturnType<typeof prev>>;
    try {
      result = await prev(method, payload, signal);
    } catch (error) {
      if (!signal?.aborted) logger.warn({ error: error instanceof Error ? error.message : String(error) }, "getUpdates failed to reach Telegram; polling resumes with back-off");
      throw error;
    }
    if (!result.ok && result.error_code === 409) {
      logger.error({ error_code: 409, description: result.description }, "another instance is polling with this token (409 Conflict); stop it or use one instance only — retrying");
      // The runner stops for good on a GrammyError with code 409; a plain error is retried with back-off.
      throw new Error(`getUpdates: ${result.description}`);
    }
    if (!result.ok) logger.warn({ error_code: result.error_code, description: result.description }, "getUpdates failed; polling resumes with back-off");
    return result;
  });
  await bot.init();
  await bot.api.deleteWebhook();
  logger.info({ username: bot.botInfo.username }, "polling for updates");
  return run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: 30 }, silent: true, retryInterval: "exponential", maxRetryTime: 365 * 24 * 3600 * 1000 },
    sink: { concurrency: POLLING_CONCURRENCY },
  });
}

/**
 * Stops taking updates and resolves once the updates already taken have been handled: the
 * runner's own stop() ends the long poll only, and replies in flight would be cut off by an exit.
 */
export async function stopPolling(runner: RunnerHandle): Promise<void> {
  await runner.stop();
  while (runner.size() > 0) await sleep(20);
}
