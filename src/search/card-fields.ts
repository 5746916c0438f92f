import type { FactCard } from "../knowledge/types.js";

/**
 * The fields a card is indexed under, with their boosts: the words an editor chose (keywords,
 * names, people) say more than body text. This is the one definition of what a field is made of:
 * the build analyses these inputs, and a reload reuses a card's analysis only when every input is
 * unchanged, so a new field can never silently keep stale terms.
 * `questions` weighs less than the text: they are an editor's guesses at a reader's wording, and
 * sibling cards' questions share the source's subject words (0.3 / 0.6 / 1 / 1.6 gave blind-dev
 * Hit@1 0.766 / 0.788 / 0.783 / 0.783, and 0.6 kept more out-of-scope questions refused than 1).
 */
export const FIELD_BOOSTS = { text: 1, text_en: 1, keywords: 1.6, names: 1.6, people: 1.8, topics: 1.1, partner_ids: 1.4, date: 1, questions: 0.6 };
export type Field = keyof typeof FIELD_BOOSTS;
export const FIELDS = Object.keys(FIELD_BOOSTS) as Field[];

/**
 * What each field is analysed from. `names` and `partner_ids` both come from the card's partner
 * ids: the names themselves live in partners.json, which the analyzer key covers. `date` is the
 * year and month of each date the card is found by (datesOf; `sourceDates`: the dates of its
 * source's cards): «о чём договорились в декабре» finds the card dated December, though its text
 * never repeats the date.
 */
export function fieldInputs(card: FactCard, sourceDates: readonly string[]): Record<Field, string> {
  const list = (items: readonly string[] | undefined): string => items?.join(" ; ") ?? "";
  const partners = list(card.partners);
  return {
    text: card.text,
    text_en: card.text_en ?? "",
    keywords: list(card.keywords),
    names: partners,
    people: list(card.people),
    topics: list(card.topics),
    partner_ids: partners,
    date: [...new Set(datesOf(card, sourceDates).map(dateWords))].join(" "),
    questions: list(card.questions),
  };
}

/** Month names as questions say them («в декабре», "in December"); search data, not shown text. */
const MONTHS = ["январь january", "февраль february", "март march", "апрель april", "май may", "июнь june", "июль july", "август august", "сентябрь september", "октябрь october", "ноябрь november", "декабрь december"];

/** A card's date as words a question may use: its year, and its month's names when it has one. */
function dateWords(date: string): string {
  const month = Number(date.slice(5, 7));
  return month >= 1 && month <= 12 ? `${date.slice(0, 4)} ${MONTHS[month - 1]}` : date.slice(0, 4);
}

/**
 * The dates a card is found by: its own, or, when it has none, those of the cards of its source
 * that have one. A source reports one occasion, and its undated cards tell what happened then:
 * «собянин в китае 2014 о чём говорили» wants the undated card on what the mayors discussed, not
 * the dated one that only says talks took place, and the year must not decide between them
 * (blind dev Hit@1 0.837 → 0.848, out of scope +1 on dev and dev2; the source's publication
 * date for sources with no dated card lost a dev2 question and was left out). A source with more
 * dates than a few reports several occasions and gives none (search-index: datesBySource).
 */
function datesOf(card: FactCard, sourceDates: readonly string[]): readonly string[] {
  return card.date ? [card.date] : sourceDates;
}

/** Whether two versions of a card, each with its source's dates, would be analysed alike (same inputs in every field). */
export function sameFieldInputs(a: FactCard, aDates: readonly string[], b: FactCard, bDates: readonly string[]): boolean {
  if (a === b && aDates === bDates) return true;
  const before = fieldInputs(a, aDates);
  const after = fieldInputs(b, bDates);
  return FIELDS.every((field) => before[field] === after[field]);
}
