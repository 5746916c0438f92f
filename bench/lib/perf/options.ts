/** What a performance run measures and how big it is: the options, and the full and quick presets. */
import type { BotLoadOptions } from "../bot-load.js";

export interface PerfOptions {
  /** Knowledge sizes, measured one after the other in this process. */
  sizes: number[];
  /** Timed questions per size (the same list for ours and for raw MiniSearch). */
  questions: number;
  /** Untimed questions first (a different list), for the JIT. */
  warmup: number;
  /**
   * Reload under load at this size (it must be one of `sizes`); also where loading from disk is
   * timed. Questions arrive at `questionsPerSecond`, or slower if the engine could not keep up
   * (at most a quarter of its measured capacity at this size).
   */
  reload?: { cards: number; reloads: number; questionsPerSecond: number };
  /**
   * Keeps the run bounded when something is slow: a size whose build, projected linearly from the
   * previous size, would take longer than this is skipped (and reported as skipped), and no new
   * reload starts once the reloads have run this long.
   */
  capMs?: number;
  bot?: BotLoadOptions;
  seed?: number;
  knowledgeDir?: string;
  /** Progress lines; stderr by default. */
  log?: (line: string) => void;
}

export const PRESETS = {
  full: {
    sizes: [1_000, 10_000, 100_000],
    questions: 2_000,
    warmup: 300,
    reload: { cards: 10_000, reloads: 10, questionsPerSecond: 500 },
    bot: { users: 1_000, messages: 10_000, pacedMessages: 10_000, pacedRate: 1_000 },
    capMs: 100_000,
  },
  quick: {
    sizes: [1_000, 10_000],
    questions: 600,
    warmup: 200,
    reload: { cards: 10_000, reloads: 3, questionsPerSecond: 500 },
    bot: { users: 200, messages: 2_000, pacedMessages: 2_000, pacedRate: 1_000 },
    capMs: 60_000,
  },
} satisfies Record<string, PerfOptions>;
