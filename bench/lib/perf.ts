/**
 * The performance benchmark's entry: runPerf measures, renderPerf prints. The parts live in
 * ./perf/: options.ts (options, presets), types.ts (the report), in-memory.ts (load, build,
 * memory, query latency, posting budget per size), reload.ts (the store on disk, reloads under
 * load), budgets.ts (PASS/FAIL), render.ts (markdown tables). Workloads come from synthetic.ts,
 * the bot's from bot-load.ts.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { runBotLoad } from "./bot-load.js";
import { fullGc, machine, progress, round } from "./measure.js";
import { REPO_ROOT } from "./report.js";
import { budgets } from "./perf/budgets.js";
import { measureInMemory } from "./perf/in-memory.js";
import type { PerfOptions } from "./perf/options.js";
import { reloadUnderLoad, timeLoad } from "./perf/reload.js";
import type { PerfReport, ReloadReport, SizeReport } from "./perf/types.js";

export { PRESETS } from "./perf/options.js";
export type { PerfOptions } from "./perf/options.js";
export { renderPerf } from "./perf/render.js";
export { sizeReports } from "./perf/types.js";
export type { PerfReport, PostingBudgetReport, ReloadReport, SizeReport } from "./perf/types.js";

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
