import { citedPublisher, citedTitle, isHeadline } from "./citation.js";
import { displayText } from "./display.js";
import { wordSpans } from "../search/normalize.js";
import { formatDate } from "./dates.js";
import { escapeHtml, shorten } from "./html.js";
import { ANSWER_TEXTS } from "./texts.js";
import type { Answer, AnswerFact, Lang } from "./types.js";
import type { Source } from "../knowledge/types.js";

export const TELEGRAM_TEXT_LIMIT = 4096;
const TITLE_LIMIT = 300;
const PARTNERS_LISTED = 30;
/** Room kept for the "Showing 3 of 12" line. */
const FOOTER_RESERVE = 64;

export interface TelegramPage {
  html: string;
  /** Index of the first fact shown and how many were shown. */
  offset: number;
  shown: number;
  total: number;
  /** Offset of the next page, when there is one. */
  nextOffset?: number;
}

export interface TelegramRenderOptions {
  offset?: number;
  pageSize?: number;
  /** Partner names to list when the question is not answered. */
  partnerNames?: string[];
  /** A heading above the facts (already HTML), counted in the length budget. */
  headingHtml?: string;
}

/**
 * An answer as Telegram HTML: each fact with its matched words in bold and a citation line.
 * Whole facts are dropped from the end of a page rather than cutting anything mid-tag, so the
 * message never exceeds Telegram's 4,096 characters.
 */
export function renderTelegramAnswer(answer: Answer, options: TelegramRenderOptions = {}): TelegramPage {
  const texts = ANSWER_TEXTS[answer.lang];
  if (!answer.answered || answer.facts.length === 0) {
    return { html: renderNotFound(answer, options.partnerNames ?? []), offset: 0, shown: 0, total: 0 };
  }
  const total = answer.facts.length;
  const offset = Math.min(Math.max(0, options.offset ?? 0), total - 1);
  const pageSize = Math.max(1, options.pageSize ?? 3);
  const blocks: string[] = options.headingHtml ? [options.headingHtml] : [];
  let length = options.headingHtml ? visibleLength(options.headingHtml) + 2 : 0;
  const first = blocks.length;
  for (const fact of answer.facts.slice(offset, offset + pageSize)) {
    const block = renderFactHtml(fact, answer.lang);
    const blockLength = visibleLength(block) + 2;
    if (blocks.length > first && length + blockLength + FOOTER_RESERVE > TELEGRAM_TEXT_LIMIT) break;
    blocks.push(block);
    length += blockLength;
  }
  const shown = blocks.length - first;
  const next = offset + shown < total ? offset + shown : undefined;
  if (next !== undefined || offset > 0) blocks.push(`<i>${escapeHtml(texts.more(offset + shown, total))}</i>`);
  return { html: blocks.join("\n\n"), offset, shown, total, ...(next !== undefined ? { nextOffset: next } : {}) };
}

/** One fact with its citation, as a self-contained HTML fragment (also the inline-mode message). */
export function renderFactHtml(fact: AnswerFact, lang: Lang): string {
  const text = displayText(fact.card, lang);
  return `${boldMatched(text, fact.matched)}\n${citationHtml(fact.source, lang)}`;
}

/** Publisher, date and linked title, in the reader's language where the source gives them in English. */
export function citationHtml(source: Source, lang: Lang): string {
  const title = escapeHtml(shorten(citedTitle(source, lang), TITLE_LIMIT));
  const linked = source.url ? `<a href="${escapeHtml(source.url)}">${title}</a>` : isHeadline(source) ? `«${title}»` : title;
  return `<i>${escapeHtml(citedPublisher(source, lang))}, ${formatDate(source.published, lang)} — ${linked}</i>`;
}

function boldMatched(text: string, matched: readonly string[]): string {
  const wanted = new Set(matched);
  let out = "";
  let last = 0;
  for (const span of wordSpans(text)) {
    if (!wanted.has(span.word)) continue;
    out += `${escapeHtml(text.slice(last, span.start))}<b>${escapeHtml(span.word)}</b>`;
    last = span.end;
  }
  return out + escapeHtml(text.slice(last));
}

function renderNotFound(answer: Answer, partnerNames: string[]): string {
  const texts = ANSWER_TEXTS[answer.lang];
  const lines = [texts.notFound];
  if (partnerNames.length > 0) {
    const listed = partnerNames.slice(0, PARTNERS_LISTED).join(", ") + (partnerNames.length > PARTNERS_LISTED ? ", …" : "");
    lines.push(`${texts.knownPartners}: ${escapeHtml(listed)}.`);
  }
  if (answer.suggestions.length > 0) {
    lines.push("", texts.tryAsking, ...answer.suggestions.map((suggestion) => `• ${escapeHtml(suggestion)}`));
  }
  return lines.join("\n");
}

/** Telegram counts the limit on the text after entity parsing, not on the markup. */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:lt|gt|amp|quot);/g, "x").length;
}
