// The flood limit's storage as a fleet shares it; the bot (src/create-bot.ts) and the fleet
// (src/fleet) both name it, so it lives below both.

export interface RateLimitCounter {
  incr(key: string): Promise<number>;
  pexpire(key: string, ms: number): Promise<number>;
}

/** The flood limit across a fleet: the counters in Redis, and who was told to slow down this minute. */
export interface SharedRateLimit {
  /** A Redis client as @grammyjs/ratelimiter uses it (ioredis has both commands). */
  storageClient: RateLimitCounter;
  /** True only for the first call per user within the window, on whichever replica it comes. */
  firstNotice(user: string, windowMs: number): Promise<boolean>;
}
