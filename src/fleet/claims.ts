import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import { RetryLaterError, orRetryLater } from "../bot/retry-later.js";
import type { Logger } from "../lib/logger.js";

/**
 * Telegram delivers an update again when it got no 2xx (a timeout, a replica killed, a 503), and
 * the delivery may reach another replica: each update is claimed in Redis before it is handled so
 * it is answered once.
 *
 * A claim is a lease (`SET NX PX`): the replica handling the update renews it while the answer
 * runs; a replica that dies stops renewing, the lease runs out and Telegram's next delivery takes
 * the update over. After handling the claim is marked done for 24 hours, as long as Telegram keeps
 * an update, so any later delivery of it is acknowledged without an answer.
 */
export interface UpdateClaimsOptions {
  redis: Redis;
  /** Who holds a claim (host:pid); a lease is renewed or released only by its holder. */
  replicaId: string;
  /** How long a claim outlives a silent holder; renewed every third of it. */
  leaseMs: number;
  logger: Pick<Logger, "warn" | "info">;
}

export type ClaimOutcome = "claimed" | "done" | "busy";

/** Telegram gives up on an update after 24 hours; a done mark kept that long catches every late delivery. */
export const DONE_TTL_MS = 24 * 3600 * 1000;
const DONE = "done";

// One round trip, and atomic: a delivery either takes the update or learns who has it.
const CLAIM = `
local value = redis.call("GET", KEYS[1])
if not value then
  redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
  return "claimed"
end
if value == "done" then return "done" end
return "busy"`;
// Renew or release only a lease this replica holds: after it lapsed, another replica may have it.
const RENEW = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;

export interface UpdateClaims {
  claim(updateId: number): Promise<ClaimOutcome>;
  /** Keeps the lease alive until the returned function is called. */
  keepAlive(updateId: number): () => void;
  done(updateId: number): Promise<void>;
  /** Gives the update back (its handling failed) so the next delivery is handled at once. */
  release(updateId: number): Promise<void>;
}

export function createUpdateClaims({ redis, replicaId, leaseMs, logger }: UpdateClaimsOptions): UpdateClaims {
  const key = (updateId: number): string => `update:${updateId}`;
  const holder = `run:${replicaId}`;
  return {
    async claim(updateId) {
      return (await redis.eval(CLAIM, 1, key(updateId), holder, leaseMs)) as ClaimOutcome;
    },
    keepAlive(updateId) {
      const timer = setInterval(() => {
        redis.eval(RENEW, 1, key(updateId), holder, leaseMs).then(
          (renewed) => {
            if (renewed === 0) logger.warn({ update_id: updateId }, "claim lapsed while the answer ran; another replica may answer too");
          },
          (error: unknown) => logger.warn({ update_id: updateId, error: String(error) }, "could not renew a claim"),
        );
      }, Math.max(50, Math.floor(leaseMs / 3)));
      timer.unref();
      return () => clearInterval(timer);
    },
    async done(updateId) {
      await redis.set(key(updateId), DONE, "PX", DONE_TTL_MS);
    },
    async release(updateId) {
      await redis.eval(RELEASE, 1, key(updateId), holder);
    },
  };
}

/**
 * The first middleware of a fleet replica: an update already answered is acknowledged and dropped,
 * one another replica is answering is refused with RetryLaterError (503, Telegram retries), and
 * Redis out of reach refuses it the same way. An update whose handling fails with an error that
 * reaches here is released so its next delivery is handled at once.
 */
export function claimUpdates(claims: UpdateClaims, logger: Pick<Logger, "debug" | "warn">): MiddlewareFn {
  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const outcome = await orRetryLater("Redis", () => claims.claim(updateId));
    if (outcome === "done") return void logger.debug({ update_id: updateId }, "update already answered; delivery acknowledged");
    if (outcome === "busy") throw new RetryLaterError(`update ${updateId} is being handled by another replica`, "busy");
    const stop = claims.keepAlive(updateId);
    try {
      await next();
    } catch (error) {
      stop();
      await claims.release(updateId).catch(() => undefined);
      throw error;
    }
    stop();
    // The answer went out; if Redis fails just now, the update is still answered (a later
    // delivery would be answered again, which is the lesser harm than a 503 loop).
    await claims.done(updateId).catch((error: unknown) => logger.warn({ update_id: updateId, error: String(error) }, "could not mark an update done"));
  };
}
