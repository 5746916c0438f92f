import { citationOf } from "./citation.js";
import { formatDate } from "./dates.js";
import { displayText } from "./display.js";
import { partnerName } from "./partner-names.js";
import { groupBySource } from "./render-telegram.js";
import { t } from "../i18n/i18n.js";
import { listHeading, statusPhrase } from "./texts.js";
import type { Answer, AnswerFact } from "./types.js";
import type { Source } from "../knowledge/types.js";

/**
 * An answer for the terminal, laid out as in Telegram: the best fact first, then the facts grouped
 * by source with one citation per source (indented, with its link); a list answer line by line,
 * consecutive lines of one source sharing a citation.
 */
export function renderPlainAnswer(answer: Answer, options: { limit?: number; partnerNames?: string[] } = {}): string {
  const lang = answer.lang;
  if (answer.smallTalk) return [t(lang, answer.smallTalk === "thanks" ? "thanks" : "greeting"), ...answer.suggestions.map((suggestion) => `  • ${suggestion}`)].join("\n");
  if (!answer.answered || answer.facts.length === 0) {
    const lines = [t(lang, "not-found")];
    if (options.partnerNames?.length) lines.push(t(lang, "known-partners", { names: options.partnerNames.join(", ") }));
    if (answer.suggestions.length > 0) lines.push(t(lang, "try-asking"), ...answer.suggestions.map((suggestion) => `  • ${suggestion}`));
    return lines.join("\n");
  }
  const blocks: string[] = [];
  if (answer.list) {
    const subject = answer.list.subject ? partnerName(answer.list.subject, lang) : undefined;
    blocks.push(listHeading(answer.list.query, answer.facts.length, subject, lang));
  }
  for (const { partner, fact } of answer.statuses ?? []) blocks.push(`⛔ ${t(lang, "status-note", { partner: partnerName(partner, lang), status: statusPhrase(partner.status!, lang) })}\n${citationLine(fact.source, answer)}`);
  // A list is read whole; a search answer shows its best few.
  const shown = answer.facts.slice(0, options.limit ?? (answer.list ? answer.facts.length : 3));
  if (answer.list) {
    let lines: string[] = [];
    shown.forEach((fact, index) => {
      const listed = answer.list?.partners?.[index];
      const lead = listed
        ? `${partnerName(listed.partner, lang)} — ${t(lang, "count-facts", { count: listed.facts })}${listed.partner.status ? ` ${t(lang, "status-mark", { status: statusPhrase(listed.partner.status, lang) })}` : ""}: `
        : fact.card.date
          ? `${formatDate(fact.card.date, lang)} — `
          : "";
      lines.push(`${index + 1}. ${lead}${displayText(fact.card, lang)}`);
      if (shown[index + 1]?.source.id !== fact.source.id) {
        blocks.push([...lines, citationLine(fact.source, answer)].join("\n"));
        lines = [];
      }
    });
  } else {
    groupBySource(shown).forEach((group, index) => {
      const facts = group.map((fact: AnswerFact, position) => `${index === 0 && position === 0 ? "" : "• "}${displayText(fact.card, lang)}`);
      blocks.push([...facts, citationLine(group[0]!.source, answer)].join("\n"));
    });
  }
  if (answer.facts.length > shown.length) blocks.push(t(lang, "shown-of", { shown: shown.length, total: answer.facts.length }));
  return blocks.join("\n\n");
}

function citationLine(source: Source, answer: Answer): string {
  const citation = citationOf(source, answer.lang);
  const title = citation.described ? citation.title : `«${citation.title}»`;
  return `   — ${citation.publisher}, ${citation.date} — ${title}${citation.url ? ` ${citation.url}` : ""}`;
}
