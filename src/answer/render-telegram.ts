import { displayText } from "./display.js";
import { citationOf } from "./citation.js";
import { formatDate } from "./dates.js";
import { partnerName } from "./partner-names.js";
import { escapeHtml } from "./html.js";
import { t } from "../i18n/i18n.js";
import { listHeading, statusPhrase } from "./texts.js";
import type { Answer, AnswerFact, Lang, TextSpan } from "./types.js";
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
  /** Whether the first fact stands on top as the answer (default); a browsed list of facts (a partner's page) has none. */
  lead?: boolean;
}

/**
 * An answer as Telegram HTML, laid out for reading on a phone:
 * - the best fact first, on its own: the one-line answer, its answering words in bold (the date of
 *   a "when", the person of a "who", the number of a "how many"; never the partner or Moscow);
 * - then the page's facts grouped by source, in the order their sources first come, each group
 *   closed by that source's one citation (publisher, date, linked title) — a citation is never
 *   repeated under every card;
 * - a list answer: its heading, then its lines, consecutive lines of one source sharing a citation.
 * Whole facts are left for the next page rather than cutting anything mid-tag, so the message
 * never exceeds Telegram's 4,096 characters.
 */
export function renderTelegramAnswer(answer: Answer, options: TelegramRenderOptions = {}): TelegramPage {
  if (answer.smallTalk) return { html: renderSmallTalk(answer), offset: 0, shown: 0, total: 0 };
  if (!answer.answered || answer.facts.length === 0) {
    return { html: renderNotFound(answer, options.partnerNames ?? []), offset: 0, shown: 0, total: 0 };
  }
  const total = answer.facts.length;
  const offset = Math.min(Math.max(0, options.offset ?? 0), total - 1);
  const pageSize = Math.max(1, options.pageSize ?? 3);
  const body = (count: number): string => {
    const facts = answer.facts.slice(offset, offset + count);
    const heading = [options.headingHtml, listHeadingHtml(answer), ...statusNotesHtml(answer, facts)].filter((block): block is string => !!block).join("\n\n");
    const blocks = answer.list ? listBlocksHtml(answer, offset, facts) : factBlocksHtml(facts, answer, offset === 0 && options.lead !== false);
    return [heading, ...blocks].filter((block) => block !== "").join("\n\n");
  };
  // As many facts as fit, at least one (a single fact always fits: texts and titles are capped).
  let shown = 1;
  while (shown < Math.min(pageSize, total - offset) && visibleLength(body(shown + 1)) + FOOTER_RESERVE <= TELEGRAM_TEXT_LIMIT) shown++;
  const next = offset + shown < total ? offset + shown : undefined;
  const footer = next !== undefined || offset > 0 ? `\n\n<i>${escapeHtml(t(answer.lang, "shown-of", { shown: offset + shown, total }))}</i>` : "";
  return { html: body(shown) + footer, offset, shown, total, ...(next !== undefined ? { nextOffset: next } : {}) };
}

/** One fact with its citation, as a self-contained HTML fragment (also the inline-mode message). */
export function renderFactHtml(fact: AnswerFact, lang: Lang): string {
  return `${emphasized(displayText(fact.card, lang), fact.emphasis)}\n${citationHtml(fact.source, lang)}`;
}

/** Publisher, date and linked title, in the reader's language where the source gives them in English. */
export function citationHtml(source: Source, lang: Lang): string {
  const citation = citationOf(source, lang);
  const title = escapeHtml(citation.title);
  // A described source links its description; only a real headline stands in quotes.
  const linked = citation.url ? `<a href="${escapeHtml(citation.url)}">${title}</a>` : citation.described ? title : `«${title}»`;
  return `<i>${escapeHtml(citation.publisher)}, ${citation.date} — ${linked}</i>`;
}

/**
 * Facts grouped by source, each group with one citation. `lead`: the first fact is the answer and
 * stands alone on top (its group's other facts follow it as bullets, above the shared citation).
 */
function factBlocksHtml(facts: readonly AnswerFact[], answer: Answer, lead: boolean): string[] {
  const lang = answer.lang;
  return groupBySource(facts).map((group, index) =>
    [
      ...group.map((fact, position) => (lead && index === 0 && position === 0 ? `${answerDateHtml(fact, answer)}${emphasized(displayText(fact.card, lang), fact.emphasis)}` : `• ${emphasized(displayText(fact.card, lang), fact.emphasis)}`)),
      citationHtml(group[0]!.source, lang),
    ].join("\n"),
  );
}

/** A "when" question answered by a card whose text gives no date: its date, in bold, opens the answer. */
function answerDateHtml(fact: AnswerFact, answer: Answer): string {
  return answer.asks === "date" && fact.emphasis.length === 0 && fact.card.date ? `<b>${escapeHtml(formatDate(fact.card.date, answer.lang))}</b> — ` : "";
}

/** The facts by source, the sources in the order they first come (so the best fact's source is first). */
export function groupBySource<T extends { source: Source }>(facts: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const fact of facts) groups.set(fact.source.id, [...(groups.get(fact.source.id) ?? []), fact]);
  return [...groups.values()];
}

/** The first line of a list answer. */
function listHeadingHtml(answer: Answer): string | undefined {
  if (!answer.list) return undefined;
  const subject = answer.list.subject ? partnerName(answer.list.subject, answer.lang) : undefined;
  return `<b>${escapeHtml(listHeading(answer.list.query, answer.facts.length, subject, answer.lang))}</b>`;
}

/**
 * A note per partner whose partnership ended or was suspended, with the source of the card that
 * says so — unless the page's facts cite that source anyway (one citation per source).
 */
function statusNotesHtml(answer: Answer, facts: readonly AnswerFact[]): string[] {
  const cited = new Set(facts.map((fact) => fact.source.id));
  return (answer.statuses ?? []).map(({ partner, fact }) => {
    const note = `⛔ ${escapeHtml(t(answer.lang, "status-note", { partner: partnerName(partner, answer.lang), status: statusPhrase(partner.status!, answer.lang) }))}`;
    return cited.has(fact.source.id) ? note : `${note}\n${citationHtml(fact.source, answer.lang)}`;
  });
}

/**
 * A list's lines in its own order: a partner with its count and status, or a dated fact. Lines in a
 * row from one source share its citation, written once below them.
 */
function listBlocksHtml(answer: Answer, offset: number, facts: readonly AnswerFact[]): string[] {
  const blocks: string[] = [];
  let lines: string[] = [];
  facts.forEach((fact, index) => {
    lines.push(listLineHtml(answer, offset + index));
    if (facts[index + 1]?.source.id !== fact.source.id) {
      blocks.push([...lines, citationHtml(fact.source, answer.lang)].join("\n"));
      lines = [];
    }
  });
  return blocks;
}

function listLineHtml(answer: Answer, index: number): string {
  const fact = answer.facts[index]!;
  const lang = answer.lang;
  const text = escapeHtml(displayText(fact.card, lang));
  const listed = answer.list?.partners?.[index];
  if (listed) {
    // A partners list answers «which partners»: there the names are the answer, so they are bold.
    const { partner, facts } = listed;
    const country = lang === "en" ? (partner.country_en ?? partner.country) : partner.country;
    const status = partner.status ? ` ${escapeHtml(t(lang, "status-mark", { status: statusPhrase(partner.status, lang) }))}` : "";
    return `• <b>${escapeHtml(partnerName(partner, lang))}</b>, ${escapeHtml(country)} — ${escapeHtml(t(lang, "count-facts", { count: facts }))}${status}\n${text}`;
  }
  const date = fact.card.date ? `<b>${escapeHtml(formatDate(fact.card.date, lang))}</b> — ` : "";
  return `• ${date}${text}`;
}

function renderSmallTalk(answer: Answer): string {
  return [t(answer.lang, answer.smallTalk === "thanks" ? "thanks" : "greeting"), ...answer.suggestions.map((suggestion) => `• ${escapeHtml(suggestion)}`)].join("\n");
}

/** The text, escaped, with the emphasis spans in bold. */
function emphasized(text: string, spans: readonly TextSpan[]): string {
  let out = "";
  let last = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < last || span.end <= span.start || span.end > text.length) continue;
    out += `${escapeHtml(text.slice(last, span.start))}<b>${escapeHtml(text.slice(span.start, span.end))}</b>`;
    last = span.end;
  }
  return out + escapeHtml(text.slice(last));
}

function renderNotFound(answer: Answer, partnerNames: string[]): string {
  const lines = [t(answer.lang, "not-found")];
  if (partnerNames.length > 0) {
    const names = partnerNames.slice(0, PARTNERS_LISTED).join(", ");
    const more = partnerNames.length - PARTNERS_LISTED;
    lines.push(escapeHtml(more > 0 ? t(answer.lang, "known-partners-more", { names, more }) : t(answer.lang, "known-partners", { names })));
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
