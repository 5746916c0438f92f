import type { TextSpan } from "../answer/types.js";
import type { FactCard } from "../knowledge/types.js";
import type { AnswerType } from "../search/answer-type.js";
import { wordSpans } from "../search/normalize.js";

/**
 * What to set in bold in a fact's shown text: only what answers the question. A "when" question is
 * answered by the date, "who" by the person, "how many" by the number, "until when" by the term;
 * any other question by the words of the fact that matched the question's own topic words. Never
 * the partner's name or Moscow: every answer is about them, so bold there says nothing.
 */
export interface EmphasisInput {
  /** The fact's text as the reader sees it (its language's version). */
  text: string;
  card: FactCard;
  /** What kind of fact the question asks for (answerTypeOf), if it says. */
  type: AnswerType | undefined;
  /** The words of `text` that matched the question, partner names already left out. */
  topicWords: readonly string[];
}

const MONTH = "(?:январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\\p{L}*|January|February|March|April|May|June|July|August|September|October|November|December";
const YEAR = "(?:1[89]|20)\\d\\d";
// «24 декабря 2024», «30–31 октября», «в сентябре 2025 года», "30 October 2025", "October 2025", «2018 году», "in 2018".
const DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:\\d{1,2}(?:\\s*[–—-]\\s*\\d{1,2})?\\s(?:${MONTH})(?:\\s${YEAR}(?:\\s(?:года|году|г\\.))?)?|(?:${MONTH})\\s(?:\\d{1,2},\\s)?${YEAR}(?:\\s(?:года|году))?|${YEAR}(?:\\s*[–—-]\\s*${YEAR})?(?:\\s(?:годы|годах|годов|года|году|год))?)(?![\\p{L}\\p{N}])`,
  "iu",
);
// «на 2018–2020 годы», «до 2030 года», "until 2030", "for three years".
const TERM = new RegExp(`(?<![\\p{L}\\p{N}])(?:${YEAR}\\s*[–—-]\\s*(?:${YEAR}|\\d\\d)(?:\\s(?:годы|годах|годов|года))?|(?:до|по|until|through|till)\\s${YEAR}(?:\\s(?:года|году))?|(?:на|for)\\s(?:\\p{L}+\\s)?(?:год|года|лет|years?))(?![\\p{L}\\p{N}])`, "iu");
// A number with what it counts: «12 соглашений», «1,5 млрд рублей», «80%», "300 students". A year or a day of a date is not a count.
const NUMBER = /(?<![\p{L}\p{N}])\d+(?:[\s\u00a0]\d{3})*(?:[.,]\d+)?(?:\s?%|\s(?:тыс\.|млн|млрд|тысяч\p{L}*|миллион\p{L}*|миллиард\p{L}*|thousand|million|billion))?(?![\p{N}])/gu;
const MOSCOW = /^(москв|moscow|московск)/i;

export function emphasisOf({ text, card, type, topicWords }: EmphasisInput): TextSpan[] {
  const found = answerSpans(text, card, type);
  // A "when" card dated outside its text: the date is the answer, and surfaces show it beside the text.
  if (found.length > 0 || (type === "date" && card.date !== undefined)) return found;
  const wanted = new Set(topicWords.filter((word) => !MOSCOW.test(word)));
  return wordSpans(text)
    .filter((span) => wanted.has(span.word))
    .map(({ start, end }) => ({ start, end }));
}

/** The span that answers a when/who/how-many/until-when question, if the text has one. */
function answerSpans(text: string, card: FactCard, type: AnswerType | undefined): TextSpan[] {
  switch (type) {
    case "date":
      return firstMatch(text, DATE);
    case "term":
      return firstMatch(text, TERM);
    case "person":
    case "signatory":
    case "office":
      return (card.people ?? []).flatMap((person) => personSpan(text, person)).slice(0, 2);
    case "count":
      return countSpans(text);
    default:
      return [];
  }
}

function firstMatch(text: string, pattern: RegExp): TextSpan[] {
  const match = pattern.exec(text);
  return match ? [{ start: match.index, end: match.index + match[0].length }] : [];
}

/** The first number that counts something: not a year, not the day of a date. */
function countSpans(text: string): TextSpan[] {
  const dates: TextSpan[] = [];
  for (const match of text.matchAll(new RegExp(DATE.source, "giu"))) dates.push({ start: match.index, end: match.index + match[0].length });
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    if (!dates.some((date) => start >= date.start && start < date.end)) return [{ start, end: start + match[0].trimEnd().length }];
  }
  return [];
}

/**
 * A person as the text names them, in any case form: the surname by its first letters (Собянин,
 * Собянина, Собяниным), with the first name before it when the text gives it (Сергея Собянина).
 */
function personSpan(text: string, person: string): TextSpan[] {
  const names = person.trim().split(/\s+/);
  const surname = names.at(-1) ?? "";
  if (surname.length < 3) return [];
  const stem = surname.slice(0, Math.max(3, Math.min(5, surname.length - 1))).toLowerCase();
  const words = wordSpans(text);
  const index = words.findIndex((span) => span.word.toLowerCase().startsWith(stem) && /^\p{Lu}/u.test(span.word));
  if (index < 0) return [];
  const first = names.length > 1 ? names[0]!.slice(0, 3).toLowerCase() : undefined;
  const before = words[index - 1];
  const start = first && before && before.word.toLowerCase().startsWith(first) && text.slice(before.end, words[index]!.start).trim() === "" ? before.start : words[index]!.start;
  return [{ start, end: words[index]!.end }];
}
