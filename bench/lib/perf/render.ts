/** The performance report as markdown tables. */
import { FIRST_PASS_POSTINGS } from "../../../src/search/search-index.js";
import { budgetTable, fixed, table } from "../report.js";
import type { QuestionKind } from "../synthetic.js";
import { sizeReports } from "./types.js";
import type { PerfReport, SizeReport } from "./types.js";

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
