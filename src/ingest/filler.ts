import { isStopword } from "../search/normalize.js";
import { fold, hasStem, words } from "./text.js";
import type { DropReason } from "./texts.js";
import { findTopics } from "./topics.js";

/**
 * Tells sentences that carry a fact from filler: greetings, questions, and attributions with
 * nothing attributed ("Об этом сообщает ТАСС.", "Об этом он сказал журналистам."). A sentence that
 * says who said it *and* something else ("Об этом рассказал министр …, возглавляющий делегацию на
 * Днях Москвы") keeps its fact and is not filler.
 */

// Words of attribution itself: verbs of saying, who was told, and the speaker's role.
const SPEECH = ["сказал", "сообщ", "рассказ", "отметил", "отмечает", "подчеркнул", "подчеркивает", "заявил", "добавил", "пояснил", "уточнил", "обратил", "назвал", "говорит", "говорится", "пишет", "передает", "информир", "считает", "полагает", "словам", "мнению"];
const ATTRIBUTION = [
  ...SPEECH,
  "агентств", "корреспондент", "журналист", "издани", "интервью", "пресс", "служб", "собеседник", "источник",
  "сайт", "публикац", "канал", "телеграм", "telegram", "ссылк", "свой", "своем", "своей", "своих", "свою", "свое",
  "мэр", "мэра", "министр", "глава", "главы", "руководител", "председател", "заместител", "замглав", "первый",
  "губернатор", "президент", "посол", "представител", "официальн", "спикер", "директор", "начальник",
];
const GREETING = /^(?:здравствуй|добр(?:ый|ое|ого) (?:день|утро|вечер|утра|дня|вечера)|приветству|привет\b|уважаем|дорог(?:ие|ой|ая) (?:друзья|коллеги|москвичи)|спасибо|благодар(?:ю|им)\b|с праздник|поздравля)/u;

/** The sentence names someone saying something ("сказал", "по его словам", "сообщил"). */
export function hasSpeech(sentence: string): boolean {
  return words(sentence).some((word) => word.parts.some((part) => hasStem(part, SPEECH)));
}

export interface FillerContext {
  /** Words that name a person or a publisher here: a name alone is an attribution, not a fact. */
  names?: readonly string[];
}

/** Why the sentence carries no fact, or undefined if it does. */
export function fillerReason(sentence: string, context: FillerContext = {}): DropReason | undefined {
  const text = fold(sentence).replace(/^[«"„“\-–—\s]+/, "");
  const names = new Set((context.names ?? []).flatMap((name) => words(name).flatMap((word) => word.parts)));
  const tokens = words(sentence)
    .flatMap((word) => word.parts)
    .filter((token) => !isStopword(token) && (token.length > 1 || /\d/.test(token)));
  const content = tokens.filter((token) => !names.has(token) && !hasStem(token, ATTRIBUTION));

  if (/\?[»"”“)]*$/.test(sentence.trim())) return "ingest-dropped-question";
  if (GREETING.test(text) && content.length < 8) return "ingest-dropped-greeting";
  if (hasSpeech(sentence) && content.length < 2) return "ingest-dropped-attribution";
  if (tokens.length < 3) return "ingest-dropped-short";
  return undefined;
}

// What a partnership is, beyond the topics' vocabulary (which holds the documents: соглашение, меморандум…).
const PARTNERSHIP = ["сотрудничеств", "партнерств", "партнер", "взаимодейств", "побратим", "cooperation", "partnership", "agreement", "memorandum"];

// A quantity is a checkable fact («Число рейсов вырастет вдвое»), whatever it counts.
const QUANTITY = ["вдвое", "втрое", "вчетверо", "впятеро", "тысяч", "миллион", "миллиард", "процент", "половин", "трет", "четверт"];

/**
 * Why a sentence that is not filler by its form still gives no card: it names no partner, no date,
 * no number, and nothing a partnership is about (a document, a topic of cooperation) — scenery such as
 * «Погода в тот день была солнечной.», which would otherwise become a card about the article's
 * partner, attributed to whoever spoke last. `partners` and `dates` are what the caller found in it.
 */
export function subjectReason(sentence: string, found: { partners: number; dates: number }): DropReason | undefined {
  if (found.partners > 0 || found.dates > 0) return undefined;
  if (/\d/.test(sentence) || findTopics(sentence).length > 0) return undefined;
  if (words(sentence).some((word) => word.parts.some((part) => hasStem(part, PARTNERSHIP) || hasStem(part, QUANTITY)))) return undefined;
  return "ingest-dropped-no-subject";
}
