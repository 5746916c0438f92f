import type { FactCard } from "../knowledge/types.js";

/**
 * What kind of fact a question wants, from its question word — the one word the stopword list
 * drops. "Кто подписал…" wants the card that names the signatories, not the one that only says
 * a programme was signed; "Когда…" wants the card that carries a date.
 */
export type AnswerType = "person" | "date";

const PERSON = /(^|[^\p{L}])(кто|кого|кому|кем|who|whom|whose)([^\p{L}]|$)/iu;
const DATE = /(^|[^\p{L}])(когда|when)([^\p{L}]|$)|в как(ом|ие) (году|годы|месяце)|как(ого|ие) числ|what (year|date|day|month)|which (year|date)/iu;

export function answerTypeOf(question: string): AnswerType | undefined {
  if (PERSON.test(question)) return "person";
  if (DATE.test(question)) return "date";
  return undefined;
}

export function cardAnswers(card: FactCard, type: AnswerType): boolean {
  if (type === "person") return (card.people?.length ?? 0) > 0;
  return card.date !== undefined || /\b(1[89]|20)\d\d\b|\d{1,2} (январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)/iu.test(card.text);
}
