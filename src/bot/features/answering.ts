import type { InlineKeyboardButton, Message } from "grammy/types";
import { partnerNames } from "../../answer/partner-names.js";
import { renderTelegramAnswer } from "../../answer/render-telegram.js";
import type { Answer } from "../../answer/types.js";
import { detectLanguage } from "../../engine/language.js";
import type { Snapshot } from "../../engine/types.js";
import { encodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { keyboard, replyPlacement } from "../reply.js";
import { t } from "../../i18n/i18n.js";

export const PAGE_SIZE = 3;
/** Lines of a list answer per page: a line is shorter than a found fact and a list is read through. */
export const LIST_PAGE_SIZE = 6;
const SUGGESTION_BUTTONS = 4;

/** Answers one question: engine, stats, the editors' to-do list, one log line, one reply (the only Bot API call). */
export async function answerQuestion(ctx: BotContext, question: string, replyTo?: Message): Promise<void> {
  const { deps } = ctx;
  // No "typing…": the answer is ready in milliseconds, so it would never be seen, and it would
  // double the Bot API calls per question, which count against Telegram's flood limits.
  const started = performance.now();
  const snapshot = deps.store.current();
  const lang = detectLanguage(question, ctx.lang);
  const chat = conversationOf(ctx);
  const now = Date.now();
  const previous = chat ? await deps.conversations.previous(chat, now) : undefined;
  const answer = ctx.answer(snapshot, question, lang, previous);
  const pageSize = pageSizeOf(answer);
  const page = renderTelegramAnswer(answer, { pageSize, partnerNames: partnerNames(snapshot.knowledge.partners, lang) });
  // A page button asks the question again with the question it followed, which the chat may have
  // moved on from by then: the pages are the pages of this answer.
  const markup = answer.answered
    ? pageButtons(ctx, await deps.questions.remember({ question, ...(previous ? { previous } : {}) }), page.offset, page.nextOffset, lang, pageSize)
    : suggestionButtons(snapshot, answer);
  const understood = answer.understood ?? question;
  const latencyMs = performance.now() - started;

  if (!answer.smallTalk) {
    recordQuestion(ctx, question, answer, latencyMs);
    if (!answer.answered) await deps.unanswered.add(question, new Date());
    if (answer.answered && chat) await deps.conversations.remember(chat, understood, now);
  }

  await ctx.reply(page.html, { ...replyPlacement(ctx, replyTo), ...(markup ? { reply_markup: markup } : {}) });
}

/** The conversation a message belongs to: its chat, and its topic in a forum. */
function conversationOf(ctx: BotContext): string | undefined {
  if (!ctx.chat) return undefined;
  const thread = ctx.msg?.message_thread_id;
  return thread === undefined ? String(ctx.chat.id) : `${ctx.chat.id}:${thread}`;
}

/**
 * Stats and one log line for every question, whichever surface asked it; its text is logged at
 * debug level only. Without `latencyMs` (inline) the answer's time was recorded when it was shown.
 */
export function recordQuestion(ctx: BotContext, question: string, answer: Answer, latencyMs?: number): void {
  ctx.deps.stats.recordQuestion({ answered: answer.answered, ...(latencyMs === undefined ? {} : { latencyMs }) });
  const latency = latencyMs === undefined ? {} : { latency_ms: round(latencyMs) };
  ctx.deps.logger.info({ chat_type: ctx.chat?.type ?? "inline", lang: answer.lang, answered: answer.answered, facts: answer.facts.length, ...latency }, "question");
  ctx.deps.logger.debug({ question }, "question text");
}

/** Facts or list lines on one page of an answer. */
export function pageSizeOf(answer: Pick<Answer, "list">): number {
  return answer.list ? LIST_PAGE_SIZE : PAGE_SIZE;
}

export function pageButtons(ctx: BotContext, key: string, offset: number, nextOffset: number | undefined, lang = ctx.lang, pageSize = PAGE_SIZE) {
  const row: InlineKeyboardButton[] = [];
  if (offset > 0) row.push({ text: t(lang, "button-back"), callback_data: encodeCallback({ kind: "page", key, offset: Math.max(0, offset - pageSize) }) });
  if (nextOffset !== undefined) row.push({ text: t(lang, "button-more"), callback_data: encodeCallback({ kind: "page", key, offset: nextOffset }) });
  return keyboard([row]);
}

/** Buttons that ask the suggested questions; they name questions by their place in the snapshot's example list. */
export function suggestionButtons(snapshot: Snapshot, answer: Pick<Answer, "lang" | "suggestions">) {
  const examples = snapshot.examples(answer.lang);
  const rows = answer.suggestions
    .slice(0, SUGGESTION_BUTTONS)
    .map((suggestion) => examples.indexOf(suggestion))
    .filter((index) => index >= 0)
    .map((index) => [{ text: examples[index]!, callback_data: encodeCallback({ kind: "example", version: snapshot.version, lang: answer.lang, index }) }]);
  return keyboard(rows);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
