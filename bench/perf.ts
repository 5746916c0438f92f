import { PRESETS, renderPerf, runPerf } from "./lib/perf.js";
import { parseArgs, writeResults } from "./lib/report.js";

/**
 * `npm run bench:perf [-- --quick] [-- --json] [-- --no-bot]`
 * Synthetic knowledge at 1,000, 10,000 and 100,000 cards (--quick: 1,000 and 10,000, fewer
 * questions, a smaller bot run): load, build, memory, query latency against raw MiniSearch, reload
 * under load, and the real bot against the Bot API stand-in. Prints markdown tables with PASS/FAIL
 * per budget (or one JSON object with --json) and writes bench/results/perf[-quick].json.
 * Never fails on a timing: the exit code is 0 unless the bench itself breaks.
 */

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2), { flags: ["quick", "json", "no-bot"], values: [] });
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run bench:perf [-- --quick] [--json] [--no-bot]`);
  process.exit(2);
}

const mode = args.flags.has("quick") ? "quick" : "full";
const { bot, ...preset } = PRESETS[mode];
const report = await runPerf({ ...preset, ...(args.flags.has("no-bot") ? {} : { bot }) }, mode);
const file = await writeResults(mode === "quick" ? "perf-quick" : "perf", report);
if (args.flags.has("json")) console.log(JSON.stringify(report));
else {
  console.log(`## Performance (${mode}; ${report.machine.cpus} × ${report.machine.cpu_model}, ${report.machine.memory_gb} GB, Node ${report.machine.node}; commit ${report.machine.commit})\n\n${renderPerf(report)}`);
  console.log(`Results: ${file}`);
}
