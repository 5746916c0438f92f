import { citationOf } from "./citation.js";
import { formatDate } from "./dates.js";
import { displayText } from "./display.js";
import { partnerName } from "./partner-names.js";
import { ANSWER_TEXTS } from "./texts.js";
import type { Answer, AnswerFact } from "./types.js";

/** An answer for the terminal: numbered facts, each followed by its source. */
export function renderPlainAnswer(answer: Answer, options: { limit?: number; partnerNames?: string[] } = {}): string {
  const texts = ANSWER_TEXTS[answer.lang];
  if (answer.smallTalk) return [answer.smallTalk === "thanks" ? texts.thanks : texts.greeting, ...answer.suggestions.map((suggestion) => `  • ${suggestion}`)].join("\n");
  if (!answer.answered || answer.facts.length === 0) {
    const lines = [texts.notFound];
    if (options.partnerNames?.length) lines.push(`${texts.knownPartners}: ${options.partnerNames.join(", ")}.`);
    if (answer.suggestions.length > 0) lines.push(texts.tryAsking, ...answer.suggestions.map((suggestion) => `  • ${suggestion}`));
    return lines.join("\n");
  }
  const lines: string[] = [];
  if (answer.list) {
    const subject = answer.list.subject ? partnerName(answer.list.subject, answer.lang) : undefined;
    lines.push(texts.listHeading(answer.list.query, answer.facts.length, subject));
  }
  for (const { partner, fact } of answer.statuses ?? []) lines.push(`⛔ ${texts.status(partnerName(partner, answer.lang), partner.status!)}\n   ${citationLine(fact, answer)}`);
  // A list is read whole; a search answer shows its best few.
  const shown = answer.facts.slice(0, options.limit ?? (answer.list ? answer.facts.length : 3));
  shown.forEach((fact, index) => {
    const listed = answer.list?.partners?.[index];
    const lead = listed
      ? `${partnerName(listed.partner, answer.lang)} — ${texts.facts(listed.facts)}${listed.partner.status ? ` ${texts.statusMark(listed.partner.status)}` : ""}: `
      : answer.list && fact.card.date
        ? `${formatDate(fact.card.date, answer.lang)} — `
        : "";
    lines.push(`${index + 1}. ${lead}${displayText(fact.card, answer.lang)}\n   ${citationLine(fact, answer)}`);
  });
  if (answer.facts.length > shown.length) lines.push(texts.more(shown.length, answer.facts.length));
  return lines.join("\n");
}

function citationLine(fact: AnswerFact, answer: Answer): string {
  const citation = citationOf(fact.source, answer.lang);
  const title = citation.described ? citation.title : `«${citation.title}»`;
  return `${citation.publisher}, ${citation.date} — ${title}${citation.url ? ` ${citation.url}` : ""}`;
}
