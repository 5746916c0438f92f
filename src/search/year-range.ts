import type { FactCard } from "../knowledge/types.js";
import type { QueryConcept } from "./analyzer.js";

/**
 * A span of years a question names («программа на 2021–2023», "the 2024-2027 programme"): it says
 * which document is meant, and a card that gives another span or none does not tell of that one.
 * "Who signed the 2021-2023 Moscow–Beijing programme" shares every other word with the card on
 * the 2018–2022 programme, and the knowledge has no 2021–2023 one (blind dev7 out of scope +1;
 * every other set and XQuAD unchanged).
 */
export interface YearRange {
  from: string;
  to: string;
  /** The end as the question wrote it, when it gave two digits ("2001-02"). */
  toShort?: string;
}

const RANGE = /(?<![\p{N}])((?:1[89]|20)\d\d)\s*[-–—]\s*((?:1[89]|20)\d\d|\d\d)(?![\p{N}])/u;

export function yearRangeAsked(question: string): YearRange | undefined {
  const match = RANGE.exec(question);
  if (!match) return undefined;
  const [, from, end] = match as unknown as [string, string, string];
  if (end.length === 4) return { from, to: end };
  return { from, to: from.slice(0, 2) + end, toShort: end };
}

/** Whether a card gives any span of years («на 2018–2020 годы», "for 2024-2027"), not only a length. */
export function statesYearSpan(card: FactCard): boolean {
  return RANGE.test(`${card.text} ${card.text_en ?? ""}`);
}

/** Whether a card's text (Russian or English) gives the span: both its years, or the span as short as the question wrote it. */
export function statesYearRange(card: FactCard, range: YearRange): boolean {
  const text = `${card.text} ${card.text_en ?? ""}`;
  if (!text.includes(range.from)) return false;
  if (text.includes(range.to)) return true;
  return range.toShort !== undefined && new RegExp(`${range.from}\\s*[-–—/]\\s*${range.toShort}(?![\\p{N}])`, "u").test(text);
}

/**
 * Whether the question names a year that no card about the partner it names has, in its text or
 * by its date or its source's: «что Москва подписала с Ташкентом в 2024», "what did Moscow and
 * Managua sign in 2015" ask about what the knowledge lacks, however well the partner's other cards
 * match (blind dev7 out of scope +1, dev8 +3; nothing lost, the old set and XQuAD unchanged).
 * `covers`: whether a card has a concept's words; `partnerCards`: the named partners' cards, or
 * undefined when the question names none (then no year is lacked), asked only when it names a year.
 */
export function namesYearLacked(
  concepts: readonly QueryConcept[],
  covers: (concept: QueryConcept) => (card: number) => boolean,
  partnerCards: () => readonly number[] | undefined,
): boolean {
  const years = concepts.filter(isYearConcept);
  const cards = years.length > 0 ? partnerCards() : undefined;
  return cards !== undefined && years.some((year) => !cards.some(covers(year)));
}

const YEAR = /^(1[89]|20)\d\d$/;

/** Whether a question's concept is a year («2024»). */
export function isYearConcept(concept: QueryConcept): boolean {
  return concept.words.length === 1 && YEAR.test(concept.words[0]!);
}
