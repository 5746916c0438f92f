import type { Redis } from "ioredis";
import type { Logger } from "../lib/logger.js";

/** What one replica last reported. */
export interface ReplicaBeat {
  replica: string;
  /** The knowledge version it serves. */
  version: number;
  at: number;
}

export interface Heartbeats {
  /** Reports now (also right after a reload, so the admin's rollout count need not wait a period). */
  beat(): Promise<void>;
  /** The replicas heard from within the last few periods. */
  live(): Promise<ReplicaBeat[]>;
  /** Stops beating and leaves the list at once (shutdown), so the fleet is not waited for on its account. */
  leave(): Promise<void>;
}

const KEY = "replicas";

/**
 * Every replica writes {version, time} into one Redis hash every `periodMs`; a replica silent for
 * three periods counts as gone (and is cleared from the hash by whoever reads it).
 */
export function startHeartbeats(redis: Redis, replica: string, version: () => number, logger: Pick<Logger, "warn">, periodMs = 1_000): Heartbeats {
  const beat = async (): Promise<void> => {
    await redis.hset(KEY, replica, JSON.stringify({ version: version(), at: Date.now() }));
  };
  const timer = setInterval(() => void beat().catch(() => undefined), periodMs);
  timer.unref();
  void beat().catch((error: unknown) => logger.warn({ error: String(error) }, "first heartbeat failed"));
  return {
    beat,
    async live() {
      const entries = Object.entries(await redis.hgetall(KEY));
      const now = Date.now();
      const beats: ReplicaBeat[] = [];
      const gone: string[] = [];
      for (const [id, value] of entries) {
        const parsed = JSON.parse(value) as { version: number; at: number };
        if (now - parsed.at <= 3 * periodMs) beats.push({ replica: id, ...parsed });
        else gone.push(id);
      }
      if (gone.length > 0) await redis.hdel(KEY, ...gone).catch(() => undefined);
      return beats.sort((a, b) => a.replica.localeCompare(b.replica));
    },
    async leave() {
      clearInterval(timer);
      await redis.hdel(KEY, replica);
    },
  };
}
