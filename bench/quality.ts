import { runQuality, renderQuality } from "./lib/quality.js";
import { parseArgs, writeResults } from "./lib/report.js";

/**
 * `npm run bench:quality [-- --xquad PATH] [-- --no-xquad] [-- --json]`
 * Ours (the engine as the bot uses it) and plain MiniSearch side by side, on the project's question
 * set and, when given or found in ../shared/bench, on XQuAD-ru dev. Prints tables (or one JSON
 * object with --json) and writes bench/results/quality.json. Never fails on a score.
 */

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2), { flags: ["json", "no-xquad"], values: ["xquad"] });
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run bench:quality [-- --xquad PATH | --no-xquad] [--json]`);
  process.exit(2);
}

let report: Awaited<ReturnType<typeof runQuality>>;
try {
  report = await runQuality({ xquad: args.flags.has("no-xquad") ? null : args.values.get("xquad") });
} catch (error) {
  console.error(`bench:quality: ${(error as Error).message}`);
  process.exit(1);
}
const file = await writeResults("quality", report);
if (args.flags.has("json")) console.log(JSON.stringify(report));
else {
  console.log(`## Quality (commit ${report.machine.commit})\n\n${renderQuality(report)}`);
  console.log(`Results: ${file}`);
}
