import { stemmer as englishStemmer } from "@orama/stemmers/english";
import { stemmer as russianStemmer } from "@orama/stemmers/russian";
import { STOPWORDS } from "./stopwords.js";

// Invisible characters that would otherwise split or disguise a word.
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]/g;
// Words joined by a hyphen stay one word as well as their parts; dashes (–, —) separate words.
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011][\p{L}\p{N}\p{M}]+)*/gu;
const HYPHEN = /[-\u2010\u2011]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const COMBINING_BREVE = "\u0306";

// Latin letters that look like Cyrillic ones ("Ханоe" typed with a Latin e) and back.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а", e: "е", o: "о", p: "р", c: "с", x: "х", y: "у", k: "к", m: "м", t: "т", b: "в", h: "н",
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);

export type Script = "cyrillic" | "latin" | "other";

export function scriptOf(word: string): Script {
  let cyrillic = 0;
  let latin = 0;
  for (const char of word) {
    if (CYRILLIC.test(char)) cyrillic++;
    else if (LATIN.test(char)) latin++;
  }
  if (cyrillic === 0 && latin === 0) return "other";
  return cyrillic >= latin ? "cyrillic" : "latin";
}

/**
 * One word as the index sees it: lower case, ё→е, accents and stress marks dropped (but й kept),
 * look-alike letters folded into the word's main script.
 */
export function normalizeWord(raw: string): string {
  let normal = normalized.get(raw);
  if (normal === undefined) {
    // Vocabularies are Zipfian: most words repeat, and NFD plus the mark filter is the costly part.
    if (normalized.size >= 200_000) normalized.clear();
    normal = normalizeUncached(raw);
    normalized.set(raw, normal);
  }
  return normal;
}

const normalized = new Map<string, string>();

function normalizeUncached(raw: string): string {
  const lower = raw
    .normalize("NFD")
    .replace(/\p{M}/gu, (mark, offset: number, whole: string) =>
      // и + breve is й, a letter of its own; every other mark (accents, stress, ё's dots) goes.
      mark === COMBINING_BREVE && /[иИ]/.test(whole[offset - 1] ?? "") ? mark : "",
    )
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е");
  const script = scriptOf(lower);
  const fold = script === "cyrillic" ? LATIN_TO_CYRILLIC : script === "latin" ? CYRILLIC_TO_LATIN : undefined;
  if (!fold || !(CYRILLIC.test(lower) && LATIN.test(lower))) return lower;
  return [...lower].map((char) => fold[char] ?? char).join("");
}

/** Text → words in reading order, each as its normalised parts (one part unless hyphenated). */
export function splitWords(text: string): string[][] {
  const words: string[][] = [];
  // Every card's text passes through here on each build: plain string matches, and a split only
  // for the few words with a hyphen.
  for (const word of text.replace(INVISIBLE, "").match(WORD) ?? []) {
    if (!HYPHEN.test(word)) {
      const normal = normalizeWord(word);
      if (normal) words.push([normal]);
      continue;
    }
    const parts = word.split(HYPHEN).map(normalizeWord).filter(Boolean);
    if (parts.length > 0) words.push(parts);
  }
  return words;
}

/**
 * Text → normalised tokens in reading order. A hyphenated word yields its parts and then the
 * whole (without hyphens), so "торгово-расчетная" is found by "торгово", "расчетная" and itself.
 */
export function tokenize(text: string): string[] {
  return splitWords(text).flatMap((parts) => (parts.length > 1 ? [...parts, parts.join("")] : parts));
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Snowball stem by the word's script: Russian for Cyrillic, English for Latin; numbers as they are. */
export function stemWord(token: string): string {
  switch (scriptOf(token)) {
    case "cyrillic":
      return russianStemmer(token);
    case "latin":
      return englishStemmer(americanSpelling(token)).replace(/'$/, "");
    default:
      return token;
  }
}

/**
 * A British spelling as the American one, before the English stemmer, which keeps them apart
 * ("centres" → "centr", "centers" → "center"; "programme" → "programm"): the cards' English is
 * British (programme, centre, organisation), and a reader typing "program" or "service centers"
 * matched them only as a typo, at part strength, or not at all. Cards and questions pass through
 * the same fold, so a word it changes that has no other spelling ("promise" → "promize") still
 * meets itself. The -our and -ence words are listed: "four", "tour", "contour", "science" and
 * "experience" have no other spelling.
 */
export function americanSpelling(word: string): string {
  return word
    .replace(/^(.{2,})(t|b)re(s)?$/, "$1$2er$3")
    .replace(/^(.{2,})(t|b)red$/, "$1$2ered")
    .replace(/gramme(s)?$/, "gram$1")
    .replace(/^(.{3,}[^aeiouy])is(e|es|ed|ing|er|ers|ation|ations)$/, "$1iz$2")
    .replace(/^(.{2,})yse(s|d)?$/, "$1yze$2")
    .replace(/(log|gog)ue(s)?$/, "$1$2")
    .replace(AMERICAN_OR, "$1or$2")
    .replace(AMERICAN_ENSE, "$1ense$2")
    .replace(AMERICAN_SINGLE_L, "$1$2");
}

const AMERICAN_OR = /^(col|lab|fav|neighb|hon|behavi|harb|rum|hum|vig|endeav|sav|flav|parl|arm|od|val|tum)our(s|ed|ing|ite|ites|able|er|ers|ful|hood|hoods)?$/;
const AMERICAN_ENSE = /^(def|lic|off|pret)ence(s)?$/;
const AMERICAN_SINGLE_L = /^(travel|cancel|model|label|counsel|fuel|signal|level|channel|tunnel|total|marshal|dial|equal|jewel|quarrel|rival)l(ed|ing|er|ers|or|ors)$/;

/** Content words of a text: tokens that are neither stopwords nor single letters. */
export function contentTokens(text: string): string[] {
  return tokenize(text).filter((token) => !isStopword(token) && (token.length > 1 || /\p{N}/u.test(token)));
}

/** The words of a text with their positions, as written (for highlighting what matched). */
export function wordSpans(text: string): Array<{ word: string; start: number; end: number }> {
  const spans: Array<{ word: string; start: number; end: number }> = [];
  for (const match of text.matchAll(WORD)) spans.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  return spans;
}

/** The text's words, lower case, ё read as е. */
export function questionWords(text: string): string[] {
  return text.toLowerCase().replace(/ё/g, "е").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A year written with two digits, as people type it in a chat («в 22 году», «на урбанфоруме в
 * 17м», «в 18-м», "back in '97"), with its century: the knowledge writes years in full, and «22»
 * alone would find nothing (or a number). Up to 40 is this century, from 41 the last.
 */
export function withFullYears(question: string): string {
  return question
    .replace(SHORT_YEAR_WITH_WORD, (_, digits: string, word: string) => `${fullYear(digits)} ${word}`)
    .replace(SHORT_YEAR_ORDINAL, (_, before: string, digits: string) => `${before}${fullYear(digits)}`)
    .replace(SHORT_YEAR_APOSTROPHE, (_, digits: string) => fullYear(digits));
}

// «в 22 году», «с 97 года», «до 27 г.»; not «уже 22 года», «на 22 года» (a span of years).
const SHORT_YEAR_WITH_WORD = /(?<![\p{N}.,:])(\d\d)(?:-?(?:м|ом|ый|ой|го|ого))?\s+(году|г\.|(?<=(?:^|\s)(?:с|со|до|от|из)\s+\d\d(?:-?(?:го|ого))?\s+)года)/giu;
const SHORT_YEAR_ORDINAL = /((?:^|[\s(])(?:в|с|до|по|к)\s+)(\d\d)-?(?:м|ом|го|ого)(?![\p{L}\p{N}])/giu;
const SHORT_YEAR_APOSTROPHE = /(?<![\p{L}\p{N}])['’](\d\d)(?![\p{N}])/gu;

function fullYear(digits: string): string {
  return `${Number(digits) <= 40 ? "20" : "19"}${digits}`;
}

/**
 * The month or year asked without the part of it: «в начале декабря» is December, "in early 2020"
 * is 2020. The cards give the month or the year, and «начале» (a noun the knowledge has) would
 * otherwise weigh as a word the card lacks (blind dev9: «чё мск подписала с ханоем в начале
 * декабря» was refused).
 */
export function withoutPartOfPeriod(question: string): string {
  return question.replace(PART_OF_PERIOD, "");
}

const PERIOD = "(январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр|january|february|march|april|may|june|july|august|september|october|november|december|(1[89]|20)\\d\\d(?![\\p{N}])|'?\\d\\d(?![\\p{N}]))";
const PART_OF_PERIOD = new RegExp(`(?<![\\p{L}])((в|во) (самом )?(начале|конце|середине)|(in )?(the )?(beginning|end|middle|start) of|(in )?(early|late|mid)(-| ))\\s*(?=${PERIOD})`, "giu");

/**
 * Prepositions written with a noun («во время», «в течение», «в ходе»): «что подписали с Минском
 * во время Дней Минска» asks nothing about time, and «время» (a noun the knowledge has) would weigh
 * as a word the card lacks (blind dev9 +1; XQuAD ru +2: «в течение сезона», «в ходе испытаний»).
 */
export function withoutCompoundPrepositions(question: string): string {
  return question.replace(COMPOUND_PREPOSITIONS, " ");
}

const COMPOUND_PREPOSITIONS = /(?<![\p{L}])(во время|в течение|в ходе)(?![\p{L}])/giu;

/**
 * «в последний раз», "last time", "most recently" ask for the latest occasion: the knowledge
 * answers with the latest it has, its date shown («москва минск что подписали в последний раз»:
 * the 2025 memorandum). «последний» (a word few cards have) would otherwise weigh as what the
 * card lacks. Not «за последние пару лет», "last year": a period, which the year list reads
 * (blind dev15 Hit@1 +1; nothing else moved).
 */
export function withoutLatest(question: string): string {
  return question.replace(LATEST, " ");
}

const LATEST = /(?<![\p{L}])((в )?(самый )?последний раз|в последнее время|(the )?last time|most recently)(?![\p{L}])/giu;
