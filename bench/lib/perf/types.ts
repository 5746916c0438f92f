/** The performance report: one section per knowledge size, the reload under load, the bot, the budgets. */
import type { BotLoadReport } from "../bot-load.js";
import type { Latency, Machine } from "../measure.js";
import type { Budget } from "../report.js";
import type { QuestionKind } from "../synthetic.js";

export interface SizeReport {
  cards: number;
  sources: number;
  partners: number;
  json_mb: number;
  /** parseKnowledge over the in-memory folder: JSON parsing and validation, no disk. */
  load_validate_ms: number;
  /** loadKnowledge from a temporary folder (only at the reload size). */
  load_from_disk_ms?: number;
  /** buildSnapshot: analysis, MiniSearch index, example questions. */
  build_ms: number;
  /** Heap with the validated knowledge only (before the build). */
  heap_knowledge_mb: number;
  /** Heap and RSS with knowledge and snapshot (what the bot holds). */
  heap_mb: number;
  rss_mb: number;
  /** Heap the raw MiniSearch index adds on top (for comparison with the snapshot's share). */
  raw_heap_mb: number;
  questions: number;
  query_p50_ms: number;
  query_p95_ms: number;
  query_p99_ms: number;
  raw_p50_ms: number;
  raw_p95_ms: number;
  raw_p99_ms: number;
  raw_build_ms: number;
  /** Total time of ours over total time of raw MiniSearch on the same questions. */
  overhead_ratio: number;
  overhead_ratio_p50: number;
  answered_share: number;
  by_kind: Record<QuestionKind, { questions: number; answered: number; ours: Latency; raw: Latency }>;
  /** The engine's search alone, with its posting budget and without (exhaustive), on the same questions. */
  posting_budget: PostingBudgetReport;
}

export interface PostingBudgetReport {
  budget: number;
  budgeted: Latency;
  exhaustive: Latency;
  /** Share of questions where the budgeted search agrees with the exhaustive one. */
  same_answered: number;
  same_first_card: number;
  same_top3: number;
}

export interface ReloadReport {
  cards: number;
  /**
   * One reload with nothing else running, after an editor reworded one card in one source file:
   * store.reload() reading the folder from disk, validate, build, diff, swap.
   */
  reload_ms: number;
  /** The same with nothing changed (every card's analysis reused). */
  unchanged_reload_ms: number;
  /** The same after a partner got a new alias: every card analysed again, as in a build from scratch. */
  reanalysed_reload_ms: number;
  read_ms: number;
  validate_ms: number;
  build_swap_ms: number;
  /** Reloads asked for with questions flowing, and run (fewer when the time cap stopped them). */
  reloads: number;
  reloads_run: number;
  /** Questions per second offered while reloading. */
  question_rate: number;
  /** store.reload() time with questions flowing (they share the one thread, so it is longer). */
  loaded_reload_ms_median: number;
  loaded_reload_ms_max: number;
  failed_reloads: number;
  questions: number;
  failed_answers: number;
  /** Time inside snapshot.answer() while reloads ran. */
  answer_p50_ms: number;
  answer_p99_ms: number;
  /** From a question's arrival to its answer: includes waiting while a reload's synchronous validate + build holds the event loop. */
  response_p50_ms: number;
  response_p99_ms: number;
  heap_mb: number;
  rss_mb: number;
}

export interface PerfReport {
  machine: Machine;
  mode: string;
  /** Whether a full GC could be forced before each memory figure. */
  gc: boolean;
  seed: number;
  question_mix: string;
  [size: `n${number}`]: SizeReport;
  /** Sizes not measured, and why (the time cap). */
  skipped: Array<{ cards: number; reason: string }>;
  reload?: ReloadReport;
  bot?: BotLoadReport;
  budgets: Budget[];
}

/** The per-size sections ("n1000", "n10000", …) in the order they were measured. */
export function sizeReports(report: PerfReport): SizeReport[] {
  return Object.keys(report)
    .filter((name) => /^n\d+$/.test(name))
    .map((name) => report[name as `n${number}`])
    .filter((size): size is SizeReport => size !== undefined);
}
