/** The performance budgets, each judged PASS/FAIL against the report's figures. */
import { fixed } from "../report.js";
import type { Budget } from "../report.js";
import { sizeReports } from "./types.js";
import type { PerfReport } from "./types.js";

export function budgets(report: PerfReport): Budget[] {
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
