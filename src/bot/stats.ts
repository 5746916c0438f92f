/** Latencies kept for percentiles: enough for a stable p95, bounded so a long uptime costs no more memory. */
export const LATENCY_SAMPLES = 10_000;

export interface StatsSnapshot {
  /** ISO time the stats (that is, the process) started. */
  startedAt: string;
  uptimeMs: number;
  questions: number;
  answered: number;
  unanswered: number;
  /** Over the last LATENCY_SAMPLES answers (inline ones included); null before the first one. */
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface Stats {
  /**
   * One question served; `latencyMs` from receiving it to the reply being ready. Without it the
   * question is counted only: an inline answer's time is recorded when it is shown (recordLatency),
   * per keystroke, and the question counted once, when a result is chosen.
   */
  recordQuestion(outcome: { answered: boolean; latencyMs?: number }): void;
  /** The time one answer took, counted as no question (an inline query: Telegram sends one per pause in typing). */
  recordLatency(latencyMs: number): void;
  /** At once in one process; a fleet's shared counters come from Redis. */
  snapshot(): StatsSnapshot | Promise<StatsSnapshot>;
}

/** The one-process stats, whose snapshot is at hand at once. */
export interface InMemoryStats extends Stats {
  snapshot(): StatsSnapshot;
}

/** In-memory counters for /stats and /healthz. Pure: the clock is injected, nothing is written anywhere. */
export function createStats(now: () => number = () => Date.now()): InMemoryStats {
  const startedAt = now();
  const latencies = new Float64Array(LATENCY_SAMPLES);
  let recorded = 0;
  let answered = 0;
  let unanswered = 0;

  const recordLatency = (latencyMs: number): void => {
    if (!Number.isFinite(latencyMs)) throw new RangeError(`latency must be a finite number, got ${latencyMs}`);
    // A wall clock stepping back (NTP) can make a measured latency negative; it was really about zero.
    latencies[recorded % LATENCY_SAMPLES] = Math.max(0, latencyMs);
    recorded += 1;
  };

  return {
    recordQuestion({ answered: wasAnswered, latencyMs }) {
      if (latencyMs !== undefined) recordLatency(latencyMs);
      if (wasAnswered) answered += 1;
      else unanswered += 1;
    },

    recordLatency,

    snapshot() {
      const window = latencies.slice(0, Math.min(recorded, LATENCY_SAMPLES)).sort();
      return {
        startedAt: new Date(startedAt).toISOString(),
        uptimeMs: now() - startedAt,
        questions: answered + unanswered,
        answered,
        unanswered,
        p50Ms: percentile(window, 0.5),
        p95Ms: percentile(window, 0.95),
      };
    },
  };
}

/** Nearest-rank percentile of ascending values: always one of the measured latencies, never an interpolation. */
export function percentile(sorted: ArrayLike<number>, fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? null;
}
