import ts from "typescript";

/**
 * Finds reply text written into the code instead of the Fluent files (locales/*.ftl).
 *
 * Two kinds of string literal (template parts included) are reported:
 * - any with a Cyrillic letter, outside the files of SEARCH_DATA (stopwords, lexicons, morphology,
 *   patterns that read Russian text: input, never output) and the single literals of DATA_LITERALS;
 * - in the layers that talk to users or make what admins read (USER_FACING, MESSAGE_MAKERS), any
 *   with two English words in a row, unless it goes to a log line or an Error (for developers), or
 *   is a known technical value.
 */
export interface Finding {
  file: string;
  line: number;
  text: string;
  why: "cyrillic" | "english";
}

/** Folders and files that hold search and parsing data: the words they list are read in questions and articles, never shown. */
export const SEARCH_DATA: readonly RegExp[] = [
  /^src\/search\//, // stopwords, morphology, lexicons, answer-type patterns
  /^src\/ingest\//, // article parsing: datelines, months, filler and people patterns
  /^src\/knowledge\/text-dates\.ts$/, // dates as the cards' texts write them, for the date warnings
  /^src\/engine\/(small-talk|follow-up|lists)\.ts$/, // how greetings, follow-ups and list questions are worded
  /^src\/engine\/emphasis\.ts$/, // how card texts write dates, terms and counts, to find the words that answer
  /^src\/engine\/translit\.ts$/, // transliteration tables
  /^src\/engine\/language\.ts$/, // the words that tell transliterated Russian from English
];

/** Single literals elsewhere that are data, not text: `file: literal`. */
export const DATA_LITERALS: ReadonlySet<string> = new Set([
  "src/engine/suggestions.ts: персоны", // the knowledge's topic tag for cards about people, compared, never shown
  "src/cli/console.ts: выход", // a word the user types to leave the console chat
  "src/bot/unanswered-store.ts: е", // ё read as е when repeats of a question are merged
]);

/**
 * Where knowledge problems, warnings and ingest notes are made: they reach admins in Telegram, so
 * they are keyed texts (src/knowledge/texts.ts, src/ingest/texts.ts), never sentences. Left out:
 * the ingest command line's own usage and headings (cli.ts, summary.ts), English by design.
 */
export const MESSAGE_MAKERS: readonly RegExp[] = [/^src\/knowledge\//, /^src\/ingest\/(?!cli\.ts$|summary\.ts$)/, /^src\/engine\/knowledge-warnings\.ts$/, /^src\/fleet\/knowledge-sync\.ts$/];

/** Where user output is made: here English sentences must come from the Fluent files too. */
// (The webhook server's HTTP replies go to Telegram's servers, and the stores' labels to logs: not here.)
export const USER_FACING: readonly RegExp[] = [/^src\/bot\/features\//, /^src\/bot\/(create-bot|commands|reply)\.ts$/, /^src\/answer\//, /^src\/cli\/console\.ts$/, ...MESSAGE_MAKERS];

const LOG_METHODS = new Set(["trace", "debug", "info", "warn", "error", "fatal"]);
const CYRILLIC = /\p{Script=Cyrillic}/u;
// Two words of letters in a row: "Publish all", "Draft discarded", "problem(s)".
const ENGLISH = /\b[A-Za-z][a-z]+[ ,()]+[a-z]{2,}\b/;

export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const data = SEARCH_DATA.some((pattern) => pattern.test(file));
  const userFacing = USER_FACING.some((pattern) => pattern.test(file));
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const text = node.text;
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (CYRILLIC.test(text) && !data && !DATA_LITERALS.has(`${file}: ${text}`)) findings.push({ file, line, text, why: "cyrillic" });
      else if (userFacing && (ENGLISH.test(text) || (isButtonText(node) && /[A-Za-z]{2}/.test(text))) && !forDevelopers(node)) findings.push({ file, line, text, why: "english" });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

/** The `text` of an inline button (an object with callback_data, url or switch_inline_query): even one English word is a text. */
function isButtonText(node: ts.Node): boolean {
  const property = node.parent && ts.isTemplateExpression(node.parent) ? node.parent.parent : node.parent;
  if (!property || !ts.isPropertyAssignment(property) || property.name.getText() !== "text" || !ts.isObjectLiteralExpression(property.parent)) return false;
  return property.parent.properties.some((other) => other.name !== undefined && /^(callback_data|url|switch_inline_query)/.test(other.name.getText()));
}

/** A literal inside a log call, an Error, a type, or a property key is for developers or the compiler, not for users. */
function forDevelopers(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isNewExpression(at) && /Error$/.test(at.expression.getText())) return true;
    if (ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression) && LOG_METHODS.has(at.expression.name.text) && /log/i.test(at.expression.expression.getText())) return true;
    if (ts.isTypeNode(at) || ts.isPropertyAssignment(at) && at.name === node) return true;
    // Compared with, not shown: error.description.includes("message is not modified").
    if (ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression) && /^(includes|startsWith|endsWith|test|match)$/.test(at.expression.name.text)) return true;
    if (ts.isBinaryExpression(at) && /^(===|!==)$/.test(at.operatorToken.getText())) return true;
    if (ts.isBlock(at) || ts.isSourceFile(at)) return false;
  }
  return false;
}
