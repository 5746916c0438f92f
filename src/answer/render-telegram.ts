import { displayText } from "./display.js";
import { wordSpans } from "../search/normalize.js";
import { citationOf } from "./citation.js";
import { formatDate } from "./dates.js";
import { partnerName } from "./partner-names.js";
import { escapeHtml } from "./html.js";
import { t } from "../i18n/i18n.js";
import { listHeading, statusPhrase } from "./texts.js";
import type { Answer, AnswerFact, Lang } from "./types.js";
import type { Source } from "../knowledge/types.js";

export const TELEGRAM_TEXT_LIMIT = 4096;
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
  if (answer.smallTalk) return { html: renderSmallTalk(answer), offset: 0, shown: 0, total: 0 };
  if (!answer.answered || answer.facts.length === 0) {
    return { html: renderNotFound(answer, options.partnerNames ?? []), offset: 0, shown: 0, total: 0 };
  }
  const total = answer.facts.length;
  const offset = Math.min(Math.max(0, options.offset ?? 0), total - 1);
  const pageSize = Math.max(1, options.pageSize ?? 3);
  const heading = [options.headingHtml, listHeadingHtml(answer), ...statusNotesHtml(answer)].filter((block): block is string => !!block).join("\n\n");
  const blocks: string[] = heading ? [heading] : [];
  let length = heading ? visibleLength(heading) + 2 : 0;
  const first = blocks.length;
  for (let index = offset; index < Math.min(total, offset + pageSize); index++) {
    const block = answer.list ? renderListLineHtml(answer, index) : renderFactHtml(answer.facts[index]!, answer.lang);
    const blockLength = visibleLength(block) + 2;
    if (blocks.length > first && length + blockLength + FOOTER_RESERVE > TELEGRAM_TEXT_LIMIT) break;
    blocks.push(block);
    length += blockLength;
  }
  const shown = blocks.length - first;
  const next = offset + shown < total ? offset + shown : undefined;
  if (next !== undefined || offset > 0) blocks.push(`<i>${escapeHtml(t(answer.lang, "shown-of", { shown: offset + shown, total }))}</i>`);
  return { html: blocks.join("\n\n"), offset, shown, total, ...(next !== undefined ? { nextOffset: next } : {}) };
}

/** One fact with its citation, as a self-contained HTML fragment (also the inline-mode message). */
export function renderFactHtml(fact: AnswerFact, lang: Lang): string {
  const text = displayText(fact.card, lang);
  return `${boldMatched(text, fact.matched)}\n${citationHtml(fact.source, lang)}`;
}

/** Publisher, date and linked title, in the reader's language where the source gives them in English. */
export function citationHtml(source: Source, lang: Lang): string {
  const citation = citationOf(source, lang);
  const title = escapeHtml(citation.title);
  // A described source links its description; only a real headline stands in quotes.
  const linked = citation.url ? `<a href="${escapeHtml(citation.url)}">${title}</a>` : citation.described ? title : `«${title}»`;
  return `<i>${escapeHtml(citation.publisher)}, ${citation.date} — ${linked}</i>`;
}

/** The first line of a list answer. */
function listHeadingHtml(answer: Answer): string | undefined {
  if (!answer.list) return undefined;
  const subject = answer.list.subject ? partnerName(answer.list.subject, answer.lang) : undefined;
  return `<b>${escapeHtml(listHeading(answer.list.query, answer.facts.length, subject, answer.lang))}</b>`;
}

/** A note per partner whose partnership ended or was suspended, with the card that says so. */
function statusNotesHtml(answer: Answer): string[] {
  return (answer.statuses ?? []).map(({ partner, fact }) => `⛔ ${escapeHtml(t(answer.lang, "status-note", { partner: partnerName(partner, answer.lang), status: statusPhrase(partner.status!, answer.lang) }))}\n${citationHtml(fact.source, answer.lang)}`);
}

/** One line of a list: a partner with its count and status, or a dated fact; each with its citation. */
function renderListLineHtml(answer: Answer, index: number): string {
  const fact = answer.facts[index]!;
  const text = escapeHtml(displayText(fact.card, answer.lang));
  const listed = answer.list?.partners?.[index];
  if (listed) {
    const { partner, facts } = listed;
    const country = answer.lang === "en" ? (partner.country_en ?? partner.country) : partner.country;
    const status = partner.status ? ` ${escapeHtml(t(answer.lang, "status-mark", { status: statusPhrase(partner.status, answer.lang) }))}` : "";
    return `<b>${escapeHtml(partnerName(partner, answer.lang))}</b>, ${escapeHtml(country)} — ${escapeHtml(t(answer.lang, "count-facts", { count: facts }))}${status}\n${text}\n${citationHtml(fact.source, answer.lang)}`;
  }
  const date = fact.card.date ? `<b>${escapeHtml(formatDate(fact.card.date, answer.lang))}</b> — ` : "";
  return `${date}${text}\n${citationHtml(fact.source, answer.lang)}`;
}

function renderSmallTalk(answer: Answer): string {
  return [t(answer.lang, answer.smallTalk === "thanks" ? "thanks" : "greeting"), ...answer.suggestions.map((suggestion) => `• ${escapeHtml(suggestion)}`)].join("\n");
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
  const lines = [t(answer.lang, "not-found")];
  if (partnerNames.length > 0) {
    const listed = partnerNames.slice(0, PARTNERS_LISTED).join(", ") + (partnerNames.length > PARTNERS_LISTED ? ", …" : "");
    lines.push(escapeHtml(t(answer.lang, "known-partners", { names: listed })));
  }
  if (answer.suggestions.length > 0) {
    lines.push("", t(answer.lang, "try-asking"), ...answer.suggestions.map((suggestion) => `• ${escapeHtml(suggestion)}`));
  }
  return lines.join("\n");
}

/** Telegram counts the limit on the text after entity parsing, not on the markup. */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:lt|gt|amp|quot);/g, "x").length;
}
