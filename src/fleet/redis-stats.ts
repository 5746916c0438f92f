import type { Redis } from "ioredis";
import type { Stats } from "../bot/stats.js";
import { createStats } from "../bot/stats.js";
import type { Logger } from "../lib/logger.js";

const KEY = "stats";

/**
 * /stats for the whole fleet: the question counters live in Redis (one HINCRBY per question,
 * counted since the first replica started them), the latency percentiles are this replica's own,
 * since they describe the process that answers. A counter that cannot be written is logged, never
 * held against the answer.
 */
export function createRedisStats(redis: Redis, logger: Pick<Logger, "warn">, now: () => number = () => Date.now()): Stats {
  const local = createStats(now);
  void redis.hsetnx(KEY, "startedAt", String(now())).catch(() => undefined);
  return {
    recordQuestion(outcome) {
      local.recordQuestion(outcome);
      redis
        .multi()
        .hsetnx(KEY, "startedAt", String(now()))
        .hincrby(KEY, outcome.answered ? "answered" : "unanswered", 1)
        .exec()
        .catch((error: unknown) => logger.warn({ error: String(error) }, "could not count a question in Redis"));
    },
    recordLatency: (latencyMs) => local.recordLatency(latencyMs),
    async snapshot() {
      const mine = await local.snapshot();
      const shared = await redis.hgetall(KEY);
      const answered = Number(shared.answered ?? 0);
      const unanswered = Number(shared.unanswered ?? 0);
      const startedAt = Number(shared.startedAt ?? Date.parse(mine.startedAt));
      return { ...mine, startedAt: new Date(startedAt).toISOString(), uptimeMs: now() - startedAt, questions: answered + unanswered, answered, unanswered };
    },
  };
}
