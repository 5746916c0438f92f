import path from "node:path";
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem } from "../knowledge/types.js";
import { translator } from "../i18n/i18n.js";
import { knowledgeWarnings } from "../engine/knowledge-warnings.js";

/** The command line speaks English; the texts are the bot's own (locales/en.ftl). */
const english = translator("en");

/**
 * `npm run validate [-- DIR]`: the problems (exit 1), or a summary of a knowledge folder and its
 * warnings (exit 0: a folder with warnings is served as it is).
 */
const dir = path.resolve(process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? "knowledge");
const result = await loadKnowledge(dir);
if (!result.ok) {
  console.error(`${dir}: ${result.problems.length} problem(s); nothing of this folder would be used`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem, english)}`);
  process.exit(1);
}
const { knowledge } = result;
const warnings = knowledgeWarnings(knowledge);
console.log(`${dir}: OK`);
console.log(`  sources:  ${knowledge.sources.length}`);
console.log(`  cards:    ${knowledge.cards.length}`);
console.log(`  partners: ${knowledge.partners.length} (${knowledge.partners.map((partner) => partner.id).join(", ")})`);
console.log(`  synonym groups: ${knowledge.synonyms.length}`);
console.log(`${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}${warnings.length > 0 ? " (the folder is served as it is; each says what to do):" : ""}`);
for (const warning of warnings) console.log(`  ${formatProblem(warning, english)}`);
