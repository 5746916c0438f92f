import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { renderPlainAnswer } from "../answer/render-text.js";
import type { Lang } from "../answer/types.js";
import { FOLLOW_UP_WINDOW_MS } from "../bot/conversations.js";
import { detectLanguage } from "../engine/language.js";
import type { KnowledgeStore } from "../engine/store.js";
import { partnerNames } from "../answer/partner-names.js";
import { knowledgeWarnings } from "../engine/knowledge-warnings.js";
import { t } from "../i18n/i18n.js";

export interface ConsoleIo {
  input: Readable & { isTTY?: boolean };
  output: Writable;
  /** Where the banner goes: the terminal itself, or stderr when answers are piped. */
  notices: Writable;
}

// What a user types to leave, in either language (input words, not texts the chat shows).
export interface ConsoleOptions {
  /** The banner's language, and the answers' for questions whose words do not tell it (see detectLanguage); from LANG, like any terminal program's. English by default. */
  lang?: Lang;
}

const EXIT_WORDS = new Set(["exit", "quit", "выход"]);

/**
 * The console chat: the same engine as the bot, for trying questions without Telegram.
 * Interactive on a terminal; with piped input it answers each line and ends with the input.
 */
export async function runConsoleChat(store: KnowledgeStore, io: ConsoleIo, options: ConsoleOptions = {}): Promise<void> {
  const interactive = io.input.isTTY === true;
  const { knowledge } = store.current();
  const warnings = knowledgeWarnings(knowledge).length;
  const lang = options.lang ?? "en";
  const banner = [
    t(lang, "console-intro"),
    t(lang, "console-knowledge", { facts: knowledge.cards.length, sources: knowledge.sources.length, partners: partnerNames(knowledge.partners, lang).join(", ") }),
    ...(warnings > 0 ? [t(lang, "console-warnings", { count: warnings })] : []),
    t(lang, interactive ? "console-interactive" : "console-piped"),
  ].join("\n");
  (interactive ? io.output : io.notices).write(`${banner}\n\n`);

  const lines = createInterface({ input: io.input, output: interactive ? io.output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    lines.setPrompt("? ");
    lines.prompt();
  }
  // The last answered question, so a follow-up («а с Ташкентом?») is read in its light, as in a chat.
  let previous: { understood: string; at: number } | undefined;
  for await (const line of lines) {
    const question = line.trim();
    if (EXIT_WORDS.has(question.toLowerCase())) break;
    if (question) {
      const now = Date.now();
      const recent = previous && now - previous.at <= FOLLOW_UP_WINDOW_MS ? previous.understood : undefined;
      const answerLang = detectLanguage(question, options.lang);
      const answer = store.current().answer(question, { lang: answerLang, ...(recent ? { previous: recent } : {}) });
      if (answer.answered) previous = { understood: answer.understood ?? question, at: now };
      io.output.write(`${renderPlainAnswer(answer, { partnerNames: partnerNames(store.current().knowledge.partners, answerLang) })}\n\n`);
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}
