import { isStopword } from "../search/normalize.js";
import { fold, hasStem, words } from "./text.js";

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
export function fillerReason(sentence: string, context: FillerContext = {}): string | undefined {
  const text = fold(sentence).replace(/^[«"„“\-–—\s]+/, "");
  const names = new Set((context.names ?? []).flatMap((name) => words(name).flatMap((word) => word.parts)));
  const tokens = words(sentence)
    .flatMap((word) => word.parts)
    .filter((token) => !isStopword(token) && (token.length > 1 || /\d/.test(token)));
  const content = tokens.filter((token) => !names.has(token) && !hasStem(token, ATTRIBUTION));

  if (/\?[»"”“)]*$/.test(sentence.trim())) return "a question";
  if (GREETING.test(text) && content.length < 8) return "a greeting";
  if (hasSpeech(sentence) && content.length < 2) return "says who said it, but nothing more";
  if (tokens.length < 3) return "too short to hold a fact";
  return undefined;
}
