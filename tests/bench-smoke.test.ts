import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBotLoad } from "../bench/lib/bot-load.js";
import { renderPerf, runPerf, sizeReports } from "../bench/lib/perf.js";
import { renderQuality, runQuality } from "../bench/lib/quality.js";

/**
 * Keeps the benchmarks from rotting: a tiny run of each through the functions the scripts call.
 * It checks that every figure is there and is a finite number, and that nothing failed; it never
 * checks a timing or a score (those belong to `npm run bench`, not to CI).
 */

function expectFinite(record: object, keys: readonly string[]): void {
  for (const key of keys) {
    const value = (record as Record<string, unknown>)[key];
    expect(Number.isFinite(value), `${key} = ${String(value)}`).toBe(true);
  }
}

describe("benchmark smoke run", () => {
  it("scores ours and plain MiniSearch on the project's question set", async () => {
    const report = await runQuality({ xquad: null });
    expect(report.xquad).toBeNull();
    for (const engine of [report.project.ours, report.project.plain]) {
      expectFinite(engine, ["hit1", "hit3", "mrr10", "answered", "empty", "out_of_scope_unanswered"]);
    }
    expect(report.project.in_scope).toBeGreaterThan(0);
    expect(renderQuality(report)).toContain("| ours |");
  }, 60_000); // every blind set (2,470 messages) and the project's set: about 10 s alone, longer on a shared machine

  it("measures load, build, queries, reload under load and the bot on a tiny synthetic knowledge", async () => {
    const report = await runPerf({
      sizes: [200],
      questions: 100,
      warmup: 20,
      reload: { cards: 200, reloads: 1, questionsPerSecond: 100 },
      bot: { users: 20, messages: 100, pacedMessages: 50, pacedRate: 200 },
      log: () => {},
    });
    const [size] = sizeReports(report);
    expect(size?.cards).toBe(200);
    expectFinite(size!, ["load_validate_ms", "load_from_disk_ms", "build_ms", "heap_knowledge_mb", "heap_mb", "rss_mb", "raw_heap_mb", "query_p50_ms", "query_p95_ms", "query_p99_ms", "raw_p50_ms", "raw_p99_ms", "overhead_ratio"]);
    expect(size!.questions).toBe(100);
    expectFinite(size!.posting_budget, ["same_answered", "same_first_card", "same_top3"]);
    expectFinite(size!.posting_budget.exhaustive, ["p50_ms", "p99_ms"]);

    const reload = report.reload!;
    expectFinite(reload, ["reload_ms", "unchanged_reload_ms", "reanalysed_reload_ms", "read_ms", "validate_ms", "build_swap_ms", "loaded_reload_ms_max", "answer_p99_ms", "response_p99_ms"]);
    expect(reload.reloads_run).toBe(1);
    expect(reload.questions).toBeGreaterThan(0);
    expect(reload.failed_reloads).toBe(0);
    expect(reload.failed_answers).toBe(0);

    const bot = report.bot!;
    expectFinite(bot, ["updates_per_s", "p50_ms", "p99_ms", "heap_mb", "rss_mb", "stand_in_busy"]);
    expectFinite(bot.saturated, ["p50_ms", "p99_ms"]);
    expectFinite(bot.uncached, ["updates_per_s", "p50_ms", "p99_ms"]);
    // 100 messages from 20 users barely repeat a (question, previous question) pair, so most
    // reach the engine: a share of 1 here would mean the engine calls were not counted. What the
    // cache must give is checked exactly below, on a workload where it is known.
    expect(bot.answer_cache_hits).toBeGreaterThanOrEqual(0);
    expect(bot.answer_cache_hits).toBeLessThan(1);
    expect(bot.failed_updates).toBe(0);
    expect(bot.violations).toBe(0);

    expect(report.budgets.length).toBeGreaterThan(0);
    expect(renderPerf(report)).toContain("### Budgets");
  }, 60_000); // about 9 s alone; a shared machine can take several times that

  it("measures an answer-cache share of exactly 1 when every question was asked before", async () => {
    // One question, asked over and over by a few users. The cache key is the language, the
    // question and the chat's previous question as understood; with one question that previous
    // one is always the same reading, so the warm-up (as many messages as the measured phase)
    // has computed every key the measured phase can meet, and none of its questions may reach the
    // engine: anything below 1 means the bot answered a repeat without its cache, or the bench
    // counted engine calls that did not happen.
    const dir = await mkdtemp(path.join(os.tmpdir(), "bench-smoke-"));
    try {
      const questionsFile = path.join(dir, "questions.json");
      const question = { q: "Какую программу Москва подписала с Ханоем?", lang: "ru" };
      await writeFile(questionsFile, JSON.stringify({ in_scope: [question], out_of_scope: [] }));
      const bot = await runBotLoad({ users: 5, messages: 60, pacedMessages: 0, pacedRate: 1, questionsFile, log: () => {} });
      expect(bot.answer_cache_hits).toBe(1);
      expect(bot.failed_updates).toBe(0);
      expect(bot.violations).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000); // a few seconds alone
});
