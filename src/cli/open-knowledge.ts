import path from "node:path";
import { openKnowledgeStore } from "../engine/store.js";
import type { KnowledgeStore } from "../engine/store.js";
import { formatProblem } from "../knowledge/types.js";
import { translator } from "../i18n/i18n.js";

/** The command line speaks English; the texts are the bot's own (locales/en.ftl). */
const english = translator("en");

/** Opens the knowledge folder for a command-line front end, or explains on stderr why not and exits 1. */
export async function openKnowledgeOrExit(dir: string): Promise<KnowledgeStore> {
  const resolved = path.resolve(dir);
  const opened = await openKnowledgeStore(resolved);
  if (opened.ok) return opened.store;
  process.stderr.write(`${resolved}: the knowledge has ${opened.problems.length} problem(s):\n`);
  for (const problem of opened.problems) process.stderr.write(`  ${formatProblem(problem, english)}\n`);
  process.exit(1);
}

