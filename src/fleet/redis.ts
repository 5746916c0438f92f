import { Redis } from "ioredis";
import type { Logger } from "../lib/logger.js";

export interface RedisOptions {
  url: string;
  /** Put before every key (and channel), so several bots or test runs share one Redis without meeting. */
  keyPrefix: string;
  logger: Pick<Logger, "warn" | "info">;
  /** Names the connection in the log ("commands", "subscriber"). */
  role: string;
}

/**
 * A Redis connection that fails fast: while Redis is unreachable a command is refused at once
 * (no offline queue, no retries per request) so the update is answered 503 and Telegram keeps it,
 * instead of piling up in memory; the connection itself keeps retrying (up to every 2 s) and
 * service resumes by itself when Redis is back.
 */
export function connectRedis({ url, keyPrefix, logger, role }: RedisOptions): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
    lazyConnect: true,
  });
  let down = false;
  redis.on("error", (error: Error) => {
    // ioredis reports every failed reconnect; one line per outage is enough.
    if (!down) logger.warn({ role, error: error.message }, "Redis unreachable; updates are answered 503 until it is back");
    down = true;
  });
  redis.on("ready", () => {
    if (down) logger.info({ role }, "Redis reachable again");
    down = false;
  });
  return redis;
}

/** Waits for the first connection, for start-up: a fleet replica does not start without Redis. */
export async function waitForRedis(redis: Redis): Promise<void> {
  await redis.connect();
}
