import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Conversations } from "../bot/conversations.js";
import { FOLLOW_UP_WINDOW_MS } from "../bot/conversations.js";
import type { QuestionMemory, RememberedQuestion } from "../bot/question-memory.js";
import { orRetryLater } from "../bot/retry-later.js";

/**
 * How long a "More" button keeps working. The in-process memory forgets by count (the oldest of
 * 5,000); shared by every replica, Redis forgets by age instead, which a reader understands better.
 */
export const PAGE_MEMORY_TTL_MS = 24 * 3600 * 1000;

/** The questions behind Ещё/More buttons, in Redis, so a button made on one replica works on any other. */
export function createRedisQuestionMemory(redis: Redis, ttlMs = PAGE_MEMORY_TTL_MS): QuestionMemory {
  return {
    async remember(entry) {
      // Random, not a counter: replicas make keys independently. 64 bits in base 36 are at most 13
      // characters of [a-z0-9], what the page button's callback data holds.
      const key = BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36);
      await orRetryLater("Redis", () => redis.set(`page:${key}`, JSON.stringify(entry), "PX", ttlMs));
      return key;
    },
    async recall(key) {
      const value = await orRetryLater("Redis", () => redis.get(`page:${key}`));
      return value === null ? undefined : (JSON.parse(value) as RememberedQuestion);
    },
  };
}

/** Each chat's last question for follow-ups, in Redis with the same 30-minute window, so the next message may reach any replica. */
export function createRedisConversations(redis: Redis, windowMs = FOLLOW_UP_WINDOW_MS): Conversations {
  return {
    async previous(chat) {
      return (await orRetryLater("Redis", () => redis.get(`conversation:${chat}`))) ?? undefined;
    },
    async remember(chat, understood) {
      await orRetryLater("Redis", () => redis.set(`conversation:${chat}`, understood, "PX", windowMs));
    },
  };
}
