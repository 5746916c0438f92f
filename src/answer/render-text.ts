import { citationOf } from "./citation.js";
import { formatDate } from "./dates.js";
import { displayText } from "./display.js";
import { partnerName } from "./partner-names.js";
import { t } from "../i18n/i18n.js";
import { listHeading, statusPhrase } from "./texts.js";
import type { Answer, AnswerFact } from "./types.js";

/** An answer for the terminal: numbered facts, each followed by its source. */
export function renderPlainAnswer(answer: Answer, options: { limit?: number; partnerNames?: string[] } = {}): string {
  const lang = answer.lang;
  if (answer.smallTalk) return [t(lang, answer.smallTalk === "thanks" ? "thanks" : "greeting"), ...answer.suggestions.map((suggestion) => `  • ${suggestion}`)].join("\n");
  if (!answer.answered || answer.facts.length === 0) {
    const lines = [t(lang, "not-found")];
    if (options.partnerNames?.length) lines.push(t(lang, "known-partners", { names: options.partnerNames.join(", ") }));
    if (answer.suggestions.length > 0) lines.push(t(lang, "try-asking"), ...answer.suggestions.map((suggestion) => `  • ${suggestion}`));
    return lines.join("\n");
  }
  const lines: string[] = [];
  if (answer.list) {
    const subject = answer.list.subject ? partnerName(answer.list.subject, answer.lang) : undefined;
    lines.push(listHeading(answer.list.query, answer.facts.length, subject, lang));
  }
  for (const { partner, fact } of answer.statuses ?? []) lines.push(`⛔ ${t(lang, "status-note", { partner: partnerName(partner, lang), status: statusPhrase(partner.status!, lang) })}\n   ${citationLine(fact, answer)}`);
  // A list is read whole; a search answer shows its best few.
  const shown = answer.facts.slice(0, options.limit ?? (answer.list ? answer.facts.length : 3));
  shown.forEach((fact, index) => {
    const listed = answer.list?.partners?.[index];
    const lead = listed
      ? `${partnerName(listed.partner, lang)} — ${t(lang, "count-facts", { count: listed.facts })}${listed.partner.status ? ` ${t(lang, "status-mark", { status: statusPhrase(listed.partner.status, lang) })}` : ""}: `
      : answer.list && fact.card.date
        ? `${formatDate(fact.card.date, answer.lang)} — `
        : "";
    lines.push(`${index + 1}. ${lead}${displayText(fact.card, answer.lang)}\n   ${citationLine(fact, answer)}`);
  });
  if (answer.facts.length > shown.length) lines.push(t(lang, "shown-of", { shown: shown.length, total: answer.facts.length }));
  return lines.join("\n");
}

function citationLine(fact: AnswerFact, answer: Answer): string {
  const citation = citationOf(fact.source, answer.lang);
  const title = citation.described ? citation.title : `«${citation.title}»`;
  return `${citation.publisher}, ${citation.date} — ${title}${citation.url ? ` ${citation.url}` : ""}`;
}
