import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Answer } from "../../src/answer/types.js";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import { openKnowledgeStore } from "../../src/engine/store.js";
import type { KnowledgeStore } from "../../src/engine/store.js";
import { loadKnowledge, readKnowledgeFiles } from "../../src/knowledge/load.js";
import { parseKnowledge } from "../../src/knowledge/parse.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { FIRST_PASS_POSTINGS, buildSearchIndex } from "../../src/search/search-index.js";
import { runBotLoad } from "./bot-load.js";
import type { BotLoadOptions, BotLoadReport } from "./bot-load.js";
import { fullGc, latency, machine, memoryAfterGc, percentile, progress, round, timed, timedAsync } from "./measure.js";
import type { Latency, Machine } from "./measure.js";
import { buildRawSearch } from "./raw-minisearch.js";
import { REPO_ROOT, budgetTable, fixed, table } from "./report.js";
import type { Budget } from "./report.js";
import { generateKnowledge, generateQuestions } from "./synthetic.js";
import type { BenchQuestion, QuestionKind } from "./synthetic.js";

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

export async function runPerf(options: PerfOptions, mode = "custom"): Promise<PerfReport> {
  const seed = options.seed ?? 20251128;
  const log = options.log ?? progress;
  const gc = fullGc();
  if (!gc) log("note: no explicit GC available; memory figures include uncollected garbage");
  const knowledgeDir = options.knowledgeDir ?? path.join(REPO_ROOT, "knowledge");
  const loaded = await loadKnowledge(knowledgeDir);
  if (!loaded.ok) throw new Error(`${knowledgeDir} does not load: ${loaded.problems.length} problems`);
  const real = loaded.knowledge;
  const outOfScope = await realOutOfScope();

  const report: PerfReport = { machine: machine(), mode, gc, seed, question_mix: "35 % Russian, 25 % English, 20 % with typos, 20 % out of scope", skipped: [], budgets: [] };
  // The bot first, so its memory figures are not those of a process that held 10,000 cards before.
  if (options.bot) {
    log("bot end to end");
    report.bot = await runBotLoad({ log, ...options.bot, knowledgeDir });
    fullGc();
  }
  let previous: SizeReport | undefined;
  for (const size of options.sizes) {
    const projected = previous ? (previous.build_ms * size) / previous.cards : 0;
    if (options.capMs !== undefined && projected > options.capMs) {
      const reason = `the ${previous!.cards.toLocaleString("en")}-card build took ${Math.round(previous!.build_ms / 1000)} s, so this one would take at least ${Math.round(projected / 1000)} s (linear), over the run's cap of ${Math.round(options.capMs / 1000)} s`;
      log(`N = ${size}: skipped: ${reason}`);
      report.skipped.push({ cards: size, reason });
      continue;
    }
    const reload = options.reload?.cards === size ? options.reload : undefined;
    const { sizeReport, reloadReport } = await measureSize(real, outOfScope, size, options, seed, reload);
    report[`n${size}`] = sizeReport;
    if (reloadReport) report.reload = reloadReport;
    previous = sizeReport;
    fullGc();
  }
  report.budgets = budgets(report);
  return report;
}

async function realOutOfScope(): Promise<string[]> {
  const questions = JSON.parse(await readFile(path.join(REPO_ROOT, "tests", "quality", "questions.json"), "utf8")) as { out_of_scope: Array<{ q: string }> };
  return questions.out_of_scope.map((question) => question.q);
}

async function measureSize(
  real: KnowledgeBase,
  outOfScope: string[],
  size: number,
  options: PerfOptions,
  seed: number,
  reload: PerfOptions["reload"],
): Promise<{ sizeReport: SizeReport; reloadReport?: ReloadReport }> {
  const log = options.log ?? progress;
  // Everything the in-memory measurements built (knowledge, snapshot, raw index) is out of scope
  // once this returns, so the reload's memory figures are the store's alone.
  const { sizeReport, questions, meanMs, dir } = await measureInMemory(real, outOfScope, size, options, seed, !!reload, log);

  let reloadReport: ReloadReport | undefined;
  if (reload && dir) {
    try {
      log(`N = ${size}: load from disk, ${reload.reloads} reloads with questions flowing`);
      fullGc();
      sizeReport.load_from_disk_ms = round(await timeLoad(dir), 1);
      // Keep the engine at most a quarter busy outside reloads, so any queueing is the reloads' doing.
      const rate = Math.max(1, Math.min(reload.questionsPerSecond, Math.floor(250 / meanMs)));
      reloadReport = await reloadUnderLoad(dir, questions, reload.reloads, rate, options.capMs ?? Infinity, log);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { sizeReport, ...(reloadReport ? { reloadReport } : {}) };
}

async function timeLoad(dir: string): Promise<number> {
  const fromDisk = await timedAsync(() => loadKnowledge(dir));
  if (!fromDisk.value.ok) throw new Error("the folder written to disk does not load");
  return fromDisk.ms;
}

async function measureInMemory(
  real: KnowledgeBase,
  outOfScope: string[],
  size: number,
  options: PerfOptions,
  seed: number,
  writeToDisk: boolean,
  log: (line: string) => void,
): Promise<{ sizeReport: SizeReport; questions: BenchQuestion[]; meanMs: number; dir?: string }> {
  log(`N = ${size}: generating`);
  let synthetic: ReturnType<typeof generateKnowledge> | undefined = generateKnowledge(real, { cards: size, seed: seed + size });
  const { partners, sources, cards, bytes } = synthetic;
  fullGc();

  log(`N = ${size}: load + validate, build`);
  const parsed = timed(() => parseKnowledge(synthetic!.files));
  if (!parsed.value.ok) throw new Error(`synthetic knowledge does not validate: ${parsed.value.problems.slice(0, 3).map((problem) => `${problem.file}: ${problem.path}: ${problem.message}`).join("; ")}`);
  const knowledge = parsed.value.knowledge;
  let dir: string | undefined;
  if (writeToDisk) dir = await writeFolder(synthetic.files.texts);
  // The folder's text is garbage once validated, as in the bot: keep it out of the memory figures.
  synthetic = undefined;
  const knowledgeMemory = memoryAfterGc();

  const built = timed(() => buildSnapshot(knowledge));
  const snapshot = built.value;
  const memory = memoryAfterGc();

  log(`N = ${size}: raw MiniSearch index, ${options.questions} questions`);
  const rawBuilt = timed(() => buildRawSearch(knowledge));
  const raw = rawBuilt.value;
  const rawMemory = memoryAfterGc();
  const questions = generateQuestions(knowledge, outOfScope, options.questions, seed + size + 1);
  for (const question of generateQuestions(knowledge, outOfScope, options.warmup, seed + size + 2)) {
    snapshot.answer(question.q);
    raw.search(question.q);
  }
  fullGc();
  const ours: number[] = [];
  const answered: boolean[] = [];
  for (const question of questions) {
    const started = performance.now();
    const answer = snapshot.answer(question.q);
    ours.push(performance.now() - started);
    answered.push(answer.answered);
  }
  fullGc();
  const rawTimes: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    raw.search(question.q);
    rawTimes.push(performance.now() - started);
  }

  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
  const oursLatency = latency(ours);
  const rawLatency = latency(rawTimes);
  const byKind = {} as SizeReport["by_kind"];
  for (const kind of ["ru", "en", "typo", "out_of_scope"] as const) {
    const indexes = questions.flatMap((question, index) => (question.kind === kind ? [index] : []));
    byKind[kind] = {
      questions: indexes.length,
      answered: round(indexes.filter((index) => answered[index]).length / Math.max(1, indexes.length)),
      ours: latency(indexes.map((index) => ours[index]!)),
      raw: latency(indexes.map((index) => rawTimes[index]!)),
    };
  }

  const sizeReport: SizeReport = {
    cards,
    sources,
    partners,
    json_mb: round(bytes / 1024 / 1024, 1),
    load_validate_ms: round(parsed.ms, 1),
    build_ms: round(built.ms, 1),
    heap_knowledge_mb: knowledgeMemory.heap_mb,
    ...memory,
    raw_heap_mb: round(rawMemory.heap_mb - memory.heap_mb, 1),
    questions: questions.length,
    query_p50_ms: oursLatency.p50_ms,
    query_p95_ms: oursLatency.p95_ms,
    query_p99_ms: oursLatency.p99_ms,
    raw_p50_ms: rawLatency.p50_ms,
    raw_p95_ms: rawLatency.p95_ms,
    raw_p99_ms: rawLatency.p99_ms,
    raw_build_ms: round(rawBuilt.ms, 1),
    overhead_ratio: round(sum(ours) / sum(rawTimes), 2),
    overhead_ratio_p50: round(oursLatency.p50_ms / rawLatency.p50_ms, 2),
    answered_share: round(answered.filter(Boolean).length / answered.length),
    by_kind: byKind,
    posting_budget: measurePostingBudget(knowledge, questions, log, size),
  };

  return { sizeReport, questions, meanMs: oursLatency.mean_ms, ...(dir ? { dir } : {}) };
}

/**
 * What the posting budget buys and costs: the engine's search (the index without the snapshot's
 * highlighting) over the same questions, budgeted as the bot runs it and exhaustive, in one run.
 */
function measurePostingBudget(knowledge: KnowledgeBase, questions: BenchQuestion[], log: (line: string) => void, size: number): PostingBudgetReport {
  log(`N = ${size}: the posting budget against an exhaustive search`);
  const index = buildSearchIndex(knowledge);
  const budgeted: number[] = [];
  const exhaustive: number[] = [];
  let sameAnswered = 0;
  let sameFirst = 0;
  let sameTop3 = 0;
  const top3 = (hits: ReadonlyArray<{ card: number }>): string => hits.slice(0, 3).map((hit) => hit.card).join(" ");
  for (const question of questions) {
    let started = performance.now();
    const cut = index.search(question.q);
    budgeted.push(performance.now() - started);
    started = performance.now();
    const whole = index.search(question.q, undefined, Infinity);
    exhaustive.push(performance.now() - started);
    if (cut.answered === whole.answered) sameAnswered++;
    if (cut.hits[0]?.card === whole.hits[0]?.card) sameFirst++;
    if (top3(cut.hits) === top3(whole.hits)) sameTop3++;
  }
  return {
    budget: FIRST_PASS_POSTINGS,
    budgeted: latency(budgeted),
    exhaustive: latency(exhaustive),
    same_answered: round(sameAnswered / questions.length, 4),
    same_first_card: round(sameFirst / questions.length, 4),
    same_top3: round(sameTop3 / questions.length, 4),
  };
}

/** One reload's time; the result (which holds a snapshot) is not kept. */
async function reloadTime(store: KnowledgeStore): Promise<number> {
  const result = await store.reload();
  if (!result.ok) throw new Error("reloading the folder written to disk failed");
  return result.tookMs;
}

async function writeFolder(texts: Map<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-knowledge-"));
  await mkdir(path.join(dir, "sources"));
  for (const [file, text] of texts) await writeFile(path.join(dir, file), text);
  return dir;
}

/** An editor's usual change: one card of one source file reworded. */
async function editOneCard(dir: string): Promise<void> {
  const file = path.join(dir, "sources", (await readdir(path.join(dir, "sources"))).sort()[0]!);
  const source = JSON.parse(await readFile(file, "utf8")) as { facts: Array<{ text: string }> };
  source.facts[0]!.text += " Уточнение редактора.";
  await writeFile(file, JSON.stringify(source, null, 2));
}

/** A change to partners.json: every card's terms may depend on it, so every card is analysed again. */
async function addPartnerAlias(dir: string): Promise<void> {
  const file = path.join(dir, "partners.json");
  const partners = JSON.parse(await readFile(file, "utf8")) as Array<{ aliases?: string[] }>;
  partners[0]!.aliases = [...(partners[0]!.aliases ?? []), "Синтетград"];
  await writeFile(file, JSON.stringify(partners, null, 2));
}

/**
 * The store on a folder on disk: three reloads with nothing else running (the folder unchanged,
 * one card edited, a partner's alias added), then `reloads` back to back while questions arrive
 * at a steady rate. Those all read the same folder, so every answer must be the one given before
 * them (same answered flag, same first card); anything else, or a throw, is a failed answer. No
 * new reload starts once the reloads have run `capMs`.
 */
async function reloadUnderLoad(dir: string, questions: BenchQuestion[], reloads: number, rate: number, capMs: number, log: (line: string) => void): Promise<ReloadReport> {
  const phases: Array<{ read: number; validate: number }> = [];
  const opened = await openKnowledgeStore(dir, async () => {
    const started = performance.now();
    const files = await readKnowledgeFiles(dir);
    const read = performance.now();
    const result = parseKnowledge(files);
    phases.push({ read: read - started, validate: performance.now() - read });
    return result;
  });
  if (!opened.ok) throw new Error("the folder written to disk does not open");
  const { store } = opened;
  const started = performance.now();

  fullGc();
  const unchangedMs = await reloadTime(store);
  await editOneCard(dir);
  phases.length = 0;
  fullGc();
  const idleMs = await reloadTime(store);
  const idlePhase = phases[0] ?? { read: 0, validate: 0 };
  await addPartnerAlias(dir);
  fullGc();
  const reanalysedMs = await reloadTime(store);
  const firstVersion = store.current().version;

  const probe = questions.slice(0, 300);
  const keyOf = (answer: Answer): string => `${answer.answered}:${answer.facts[0]?.card.id ?? "-"}`;
  const expected = probe.map((question) => keyOf(store.current().answer(question.q)));

  const service: number[] = [];
  const response: number[] = [];
  let failed = 0;
  let stop = false;
  const interval = 1000 / rate;
  const start = performance.now();
  let asked = 0;
  const flow = new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (start + asked * interval <= now) {
        const due = start + asked * interval;
        const index = asked % probe.length;
        asked++;
        try {
          const began = performance.now();
          const answer = store.current().answer(probe[index]!.q);
          const done = performance.now();
          service.push(done - began);
          response.push(done - due);
          if (keyOf(answer) !== expected[index]) failed++;
        } catch {
          failed++;
        }
      }
      if (stop) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });

  const took: number[] = [];
  let failedReloads = 0;
  for (let i = 0; i < reloads; i++) {
    if (i > 0 && performance.now() - started > capMs) {
      log(`  reloads stopped after ${i} of ${reloads}: over the run's cap of ${Math.round(capMs / 1000)} s`);
      break;
    }
    const result = await store.reload();
    took.push(result.tookMs);
    if (!result.ok) failedReloads++;
  }
  // Let the questions that queued behind the last reload through.
  await new Promise((resolve) => setTimeout(resolve, 50));
  stop = true;
  await flow;
  if (store.current().version !== firstVersion + took.length - failedReloads) failedReloads = took.length;

  const memory = memoryAfterGc();
  return {
    cards: store.current().knowledge.cards.length,
    reload_ms: round(idleMs, 1),
    unchanged_reload_ms: round(unchangedMs, 1),
    reanalysed_reload_ms: round(reanalysedMs, 1),
    read_ms: round(idlePhase.read, 1),
    validate_ms: round(idlePhase.validate, 1),
    build_swap_ms: round(idleMs - idlePhase.read - idlePhase.validate, 1),
    reloads,
    reloads_run: took.length,
    question_rate: rate,
    loaded_reload_ms_median: round(percentile(took, 0.5), 1),
    loaded_reload_ms_max: round(Math.max(...took), 1),
    failed_reloads: failedReloads,
    questions: service.length,
    failed_answers: failed,
    answer_p50_ms: round(percentile(service, 0.5)),
    answer_p99_ms: round(percentile(service, 0.99)),
    response_p50_ms: round(percentile(response, 0.5), 1),
    response_p99_ms: round(percentile(response, 0.99), 1),
    ...memory,
  };
}

/** The per-size sections ("n1000", "n10000", …) in the order they were measured. */
export function sizeReports(report: PerfReport): SizeReport[] {
  return Object.keys(report)
    .filter((name) => /^n\d+$/.test(name))
    .map((name) => report[name as `n${number}`])
    .filter((size): size is SizeReport => size !== undefined);
}

function budgets(report: PerfReport): Budget[] {
  const n10k = report.n10000;
  const n100k = report.n100000;
  const ms = (value: number | undefined): string => (value === undefined ? "-" : `${Math.round(value).toLocaleString("en")} ms`);
  const list: Budget[] = [
    { name: "10k cards: index build", budget: "≤ 1,500 ms", value: ms(n10k?.build_ms), pass: n10k && n10k.build_ms <= 1_500 },
    { name: "10k cards: query p99", budget: "≤ 2 ms", value: n10k ? `${fixed(n10k.query_p99_ms, 2)} ms` : "-", pass: n10k && n10k.query_p99_ms <= 2 },
    { name: "10k cards: RSS after build", budget: "≤ 250 MB", value: n10k ? `${n10k.rss_mb} MB` : "-", pass: n10k && n10k.rss_mb <= 250 },
    { name: "100k cards: index build", budget: "≤ 15,000 ms", value: ms(n100k?.build_ms), pass: n100k && n100k.build_ms <= 15_000 },
    { name: "100k cards: query p99", budget: "≤ 10 ms", value: n100k ? `${fixed(n100k.query_p99_ms, 2)} ms` : "-", pass: n100k && n100k.query_p99_ms <= 10 },
  ];
  // A size skipped for being too slow to build has failed its build budget, by at least the projection.
  for (const skipped of report.skipped) {
    const budget = list.find((item) => item.name === `${skipped.cards / 1000}k cards: index build`);
    if (budget) {
      budget.value = "skipped (see below)";
      budget.pass = false;
    }
  }
  for (const size of sizeReports(report)) {
    list.push({ name: `overhead over raw MiniSearch, ${size.cards.toLocaleString("en")} cards`, budget: "≤ 1.5×", value: `${fixed(size.overhead_ratio, 2)}×`, pass: size.overhead_ratio <= 1.5 });
  }
  const reload = report.reload;
  list.push({
    name: `reload at ${reload ? reload.cards.toLocaleString("en") : "10k"} cards after one card was edited: validate + build + swap; failed answers over ${reload ? `${reload.reloads_run} of ${reload.reloads}` : "no"} reloads with questions flowing`,
    budget: "≤ 2,000 ms, 0 failed",
    value: reload ? `${ms(reload.reload_ms)}, ${reload.failed_answers} failed` : "-",
    pass: reload && reload.reload_ms <= 2_000 && reload.failed_answers === 0 && reload.failed_reloads === 0,
  });
  const bot = report.bot;
  list.push(
    { name: "bot throughput", budget: "≥ 1,000 updates/s", value: bot ? `${bot.updates_per_s} updates/s` : "-", pass: bot && bot.updates_per_s >= 1_000 },
    { name: `bot p99 latency at ${bot?.paced_rate ?? 1_000} updates/s offered`, budget: "≤ 10 ms", value: bot ? `${fixed(bot.p99_ms, 1)} ms` : "-", pass: bot && bot.p99_ms <= 10 && bot.failed_updates === 0 },
  );
  return list;
}

/** Markdown tables: what `npm run bench:perf` prints and docs/benchmarks.md shows. */
export function renderPerf(report: PerfReport): string {
  const sizes = sizeReports(report);
  const out: string[] = [];
  out.push(
    `### Load, build, memory (synthetic knowledge, seed ${report.seed}${report.gc ? "" : "; no forced GC"})`,
    "",
    table(
      ["cards", "sources", "partners", "JSON MB", "load + validate ms", "load from disk ms", "build ms", "heap MB: knowledge / + snapshot", "RSS MB", "raw MiniSearch index: build ms, heap MB"],
      sizes.map((size) => [size.cards.toLocaleString("en"), size.sources, size.partners, size.json_mb, size.load_validate_ms, size.load_from_disk_ms ?? "-", size.build_ms, `${size.heap_knowledge_mb} / ${size.heap_mb}`, size.rss_mb, `${size.raw_build_ms}, ${size.raw_heap_mb}`]),
    ),
    "",
    `### Query latency (${report.question_mix}; ours = snapshot.answer as the bot calls it, raw = MiniSearch with the same normalisation)`,
    "",
    table(
      ["cards", "questions", "ours p50 ms", "ours p95 ms", "ours p99 ms", "raw p50 ms", "raw p95 ms", "raw p99 ms", "overhead (total)", "overhead (p50)", "answered"],
      sizes.map((size) => [size.cards.toLocaleString("en"), size.questions, fixed(size.query_p50_ms), fixed(size.query_p95_ms), fixed(size.query_p99_ms), fixed(size.raw_p50_ms), fixed(size.raw_p95_ms), fixed(size.raw_p99_ms), `${fixed(size.overhead_ratio, 2)}×`, `${fixed(size.overhead_ratio_p50, 2)}×`, fixed(size.answered_share, 2)]),
    ),
    "",
    table(
      ["cards", "kind", "questions", "answered", "ours p50 ms", "ours p99 ms", "raw p50 ms", "raw p99 ms"],
      sizes.flatMap((size) =>
        (Object.entries(size.by_kind) as Array<[string, SizeReport["by_kind"][QuestionKind]]>).map(([kind, row]) => [size.cards.toLocaleString("en"), kind, row.questions, fixed(row.answered, 2), fixed(row.ours.p50_ms), fixed(row.ours.p99_ms), fixed(row.raw.p50_ms), fixed(row.raw.p99_ms)]),
      ),
    ),
    "",
  );
  out.push(
    `### Posting budget (the engine's search alone, as the bot runs it with a budget of ${FIRST_PASS_POSTINGS.toLocaleString("en")} postings, and exhaustive; same questions, same run)`,
    "",
    table(
      ["cards", "budgeted p50 / p95 / p99 ms", "exhaustive p50 / p95 / p99 ms", "same answered/not", "same first card", "same top 3"],
      sizes.map(({ cards, posting_budget: b }) => [
        cards.toLocaleString("en"),
        `${fixed(b.budgeted.p50_ms)} / ${fixed(b.budgeted.p95_ms)} / ${fixed(b.budgeted.p99_ms)}`,
        `${fixed(b.exhaustive.p50_ms)} / ${fixed(b.exhaustive.p95_ms)} / ${fixed(b.exhaustive.p99_ms)}`,
        fixed(b.same_answered, 4),
        fixed(b.same_first_card, 4),
        fixed(b.same_top3, 4),
      ]),
    ),
    "",
  );
  const { reload } = report;
  if (reload) {
    out.push(
      `### Reload at ${reload.cards.toLocaleString("en")} cards (from disk: three alone, then ${reload.reloads_run} of ${reload.reloads} of the unchanged folder back to back${reload.reloads_run < reload.reloads ? " (stopped by the run's time cap)" : ""} while ${reload.question_rate} questions/s arrive)`,
      "",
      table(
        ["reload alone ms: one card edited (unchanged / partners edited)", "read files ms", "validate ms", "build + diff + swap ms", "reload under load median / max ms", "failed reloads", "questions", "failed answers", "in answer() p50 / p99 ms", "arrival → answer p50 / p99 ms", "heap / RSS MB after"],
        [[`${reload.reload_ms} (${reload.unchanged_reload_ms} / ${reload.reanalysed_reload_ms})`, reload.read_ms, reload.validate_ms, reload.build_swap_ms, `${reload.loaded_reload_ms_median} / ${reload.loaded_reload_ms_max}`, reload.failed_reloads, reload.questions, reload.failed_answers, `${fixed(reload.answer_p50_ms)} / ${fixed(reload.answer_p99_ms)}`, `${reload.response_p50_ms} / ${reload.response_p99_ms}`, `${reload.heap_mb} / ${reload.rss_mb}`]],
      ),
      "",
    );
  }
  const { bot } = report;
  if (bot) {
    out.push(
      `### Bot end to end (${bot.users.toLocaleString("en")} users; stand-in in its own process; updates through bot.handleUpdate)`,
      "",
      table(
        ["phase", "messages", "updates/s", "p50 ms", "p95 ms", "p99 ms", "failed", "Telegram rule violations", "stand-in busy", "heap MB after", "RSS MB after"],
        [
          [`as fast as drained, ${bot.concurrency} in flight (${Math.round(bot.answer_cache_hits * 100)} % of questions from the answer cache)`, bot.messages.toLocaleString("en"), bot.updates_per_s, fixed(bot.saturated.p50_ms, 1), fixed(bot.saturated.p95_ms, 1), fixed(bot.saturated.p99_ms, 1), bot.failed_updates, bot.violations, fixed(bot.stand_in_busy, 2), bot.heap_mb, bot.rss_mb],
          [`the same, answer cache off (every question to the engine)`, bot.messages.toLocaleString("en"), bot.uncached.updates_per_s, fixed(bot.uncached.p50_ms, 1), fixed(bot.uncached.p95_ms, 1), fixed(bot.uncached.p99_ms, 1), "", "", "", "", ""],
          [`arriving at ${bot.paced_rate}/s`, bot.paced_messages.toLocaleString("en"), "-", fixed(bot.paced.p50_ms, 1), fixed(bot.paced.p95_ms, 1), fixed(bot.paced.p99_ms, 1), "", "", "", "", ""],
          ...(bot.sustainable
            ? [[`arriving at ${bot.sustainable.rate}/s (half the throughput)`, bot.sustainable.messages.toLocaleString("en"), "-", fixed(bot.sustainable.p50_ms, 1), fixed(bot.sustainable.p95_ms, 1), fixed(bot.sustainable.p99_ms, 1), "", "", "", "", ""]]
            : []),
        ],
      ),
      "",
    );
    if (bot.violation_samples.length > 0) out.push(`Violations, first ones: ${bot.violation_samples.join("; ")}`, "");
  }
  out.push("### Budgets", "", budgetTable(report.budgets), "");
  out.push(`Load average when the run started: ${report.machine.load_average} on ${report.machine.cpus} cores${report.machine.load_average > 0.5 ? " (other work was running: timings are pessimistic)" : ""}.`, "");
  for (const skipped of report.skipped) out.push(`Not measured: ${skipped.cards.toLocaleString("en")} cards: ${skipped.reason}.`, "");
  return out.join("\n");
}
