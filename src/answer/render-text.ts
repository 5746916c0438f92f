import { citedPublisher, citedTitle, isHeadline } from "./citation.js";
import { displayText } from "./display.js";
import { formatDate } from "./dates.js";
import { ANSWER_TEXTS } from "./texts.js";
import type { Answer } from "./types.js";

/** An answer for the terminal: numbered facts, each followed by its source. */
export function renderPlainAnswer(answer: Answer, options: { limit?: number; partnerNames?: string[] } = {}): string {
  const texts = ANSWER_TEXTS[answer.lang];
  if (!answer.answered || answer.facts.length === 0) {
    const lines = [texts.notFound];
    if (options.partnerNames?.length) lines.push(`${texts.knownPartners}: ${options.partnerNames.join(", ")}.`);
    if (answer.suggestions.length > 0) lines.push(texts.tryAsking, ...answer.suggestions.map((suggestion) => `  • ${suggestion}`));
    return lines.join("\n");
  }
  const facts = answer.facts.slice(0, options.limit ?? 3);
  const lines = facts.map((fact, index) => {
    const { source } = fact;
    const title = isHeadline(source) ? `«${citedTitle(source, answer.lang)}»` : citedTitle(source, answer.lang);
    const citation = `${citedPublisher(source, answer.lang)}, ${formatDate(source.published, answer.lang)} — ${title}${source.url ? ` ${source.url}` : ""}`;
    return `${index + 1}. ${displayText(fact.card, answer.lang)}\n   ${citation}`;
  });
  if (answer.facts.length > facts.length) lines.push(texts.more(facts.length, answer.facts.length));
  return lines.join("\n");
}
