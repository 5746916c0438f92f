import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (bench/lib/ → ../..), so the scripts work from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const RESULTS_DIR = path.join(REPO_ROOT, "bench", "results");

/** A markdown table; numbers are printed as given, so round them before. */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: ReadonlyArray<string | number>): string => `| ${cells.map(String).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** 0.8692 → "0.869" */
export function fixed(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

export interface Budget {
  name: string;
  /** Human-readable budget, e.g. "≤ 1,500 ms". */
  budget: string;
  /** The measured value as printed. */
  value: string;
  /** undefined when the measurement was not run (quick mode). */
  pass: boolean | undefined;
}

export function verdict(pass: boolean | undefined): string {
  return pass === undefined ? "not run" : pass ? "PASS" : "FAIL";
}

export function budgetTable(budgets: readonly Budget[]): string {
  return table(
    ["budget", "limit", "measured", "result"],
    budgets.map((budget) => [budget.name, budget.budget, budget.value, verdict(budget.pass)]),
  );
}

/** Writes bench/results/<name>.json (git-ignored) and returns its path. */
export async function writeResults(name: string, value: unknown): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

/** `--flag`, `--key value` and `--key=value`; anything else is an error the CLI reports. */
export function parseArgs(argv: readonly string[], known: { flags: readonly string[]; values: readonly string[] }): { flags: Set<string>; values: Map<string, string> } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const key = name.replace(/^--/, "");
    if (!name.startsWith("--")) throw new Error(`unexpected argument "${arg}"`);
    if (known.flags.includes(key) && inline === undefined) flags.add(key);
    else if (known.values.includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new Error(`--${key} needs a value`);
      values.set(key, value);
    } else throw new Error(`unknown option "${arg}"`);
  }
  return { flags, values };
}
