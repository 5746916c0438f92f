import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { partnerNames } from "../answer/partner-names.js";
import { renderPlainAnswer } from "../answer/render-text.js";
import { detectLanguage } from "../engine/language.js";
import { answerToJson } from "./answer-json.js";
import { openKnowledgeOrExit } from "./open-knowledge.js";

const USAGE = `usage: npm run ask -- [--json] [--batch] [--limit N] [--knowledge DIR] "question"
  --json          print one JSON object (with --batch: one per input line)
  --batch         read one question per line from stdin
  --limit N       at most N facts (default 3, up to 500)
  --knowledge DIR the knowledge folder (default $KNOWLEDGE_DIR or ./knowledge)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      batch: { type: "boolean", default: false },
      limit: { type: "string" },
      knowledge: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const limit = values.limit === undefined ? 3 : Number(values.limit);
if (!Number.isInteger(limit) || limit < 1 || limit > 500) fail(`--limit must be a whole number from 1 to 500, got "${values.limit}"`);
const question = positionals.join(" ").trim();
if (!values.batch && !question) fail("no question given");
if (values.batch && question) fail("--batch reads questions from stdin; give no question argument");

const store = await openKnowledgeOrExit(values.knowledge ?? process.env.KNOWLEDGE_DIR ?? "knowledge");

const answerLine = (text: string): string => {
  const answer = store.current().answer(text, { limit: Math.max(limit, 50) });
  if (values.json) return JSON.stringify(answerToJson(answer, limit));
  return renderPlainAnswer(answer, { limit, partnerNames: partnerNames(store.current().knowledge.partners, detectLanguage(text)) });
};

if (!values.batch) {
  process.stdout.write(`${answerLine(question)}\n`);
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!values.json && !line.trim()) continue;
    process.stdout.write(`${answerLine(line)}\n${values.json ? "" : "\n"}`);
  }
}
