import { execFileSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

/**
 * Timing and memory helpers shared by the benchmarks. Nothing here fails on a number: the
 * scripts print and record, and the reader (or the budget table) judges.
 */

let collect: (() => void) | undefined;

/**
 * A full garbage collection, so heap and RSS figures describe what is retained. `tsx` offers no
 * way to pass --expose-gc from package.json, so the flag is switched on at run time and the `gc`
 * function fetched from a fresh context (a documented V8 behaviour: the flag takes effect for
 * contexts created after it is set).
 */
export function fullGc(): boolean {
  if (!collect) {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (existing) collect = existing;
    else {
      try {
        v8.setFlagsFromString("--expose-gc");
        collect = vm.runInNewContext("gc") as () => void;
      } catch {
        return false;
      }
    }
  }
  collect();
  collect();
  return true;
}

export interface Memory {
  heap_mb: number;
  rss_mb: number;
}

/** Heap in use and resident set size, in MB, after a full GC. */
export function memoryAfterGc(): Memory {
  fullGc();
  const usage = process.memoryUsage();
  return { heap_mb: round(usage.heapUsed / 1024 / 1024, 1), rss_mb: round(usage.rss / 1024 / 1024, 1) };
}

/** Nearest-rank percentile (always one measured value) of numbers in any order. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}

export interface Latency {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  mean_ms: number;
  max_ms: number;
}

export function latency(values: readonly number[]): Latency {
  const sum = values.reduce((total, value) => total + value, 0);
  return {
    p50_ms: round(percentile(values, 0.5), 3),
    p95_ms: round(percentile(values, 0.95), 3),
    p99_ms: round(percentile(values, 0.99), 3),
    mean_ms: round(values.length > 0 ? sum / values.length : Number.NaN, 3),
    max_ms: round(values.length > 0 ? Math.max(...values) : Number.NaN, 3),
  };
}

/** Runs `work` once and returns its result with the wall time it took. */
export function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface Machine {
  cpus: number;
  cpu_model: string;
  memory_gb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine slows every figure. */
  load_average: number;
  /** The commit measured, with "+changes" when src/ differs from it; "unknown" outside a git clone. */
  commit: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model.trim() ?? "unknown",
    memory_gb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    load_average: round(os.loadavg()[0] ?? 0, 2),
    commit: commitMeasured(),
  };
}

function commitMeasured(): string {
  try {
    const cwd = fileURLToPath(new URL("../..", import.meta.url));
    const git = (...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = git("rev-parse", "--short", "HEAD");
    return git("status", "--porcelain", "--", "src") ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same synthetic knowledge and the same
 * questions on every machine, so two runs differ only in how fast they went.
 */
export function prng(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (probability) => next() < probability,
  };
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** Progress lines go to stderr, so `--json` leaves stdout to the one JSON object. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
