import { damerauLevenshtein } from "./partner-lexicon.js";
import { morphologyOf } from "./morphology.js";
import { STOPWORDS } from "./stopwords.js";
import { normalizeWord, wordSpans } from "./normalize.js";

/**
 * A typo of a Russian question or function word is that word: «на сколко лет программа» asks «на
 * сколько лет». Read as a word the knowledge lacks, «сколко» ended like a surname («-ко», as «кличко»)
 * and the question was refused as naming someone else; and the kind of fact it asks (a term) went
 * unseen. A word is respelt only when neither the dictionary nor the cards know it (a real word or a
 * name is never swallowed), it is typed in lower case or starts a sentence (a capital inside one is a
 * name), and it is within one edit, its first letter kept, of exactly one stopword of five letters or
 * more: shorter ones («чем», «где», «кто», «чего») have too many neighbours. Of the 4,020 Cyrillic
 * words of the knowledge's sources, only «инфой» (filler itself) lies so near a stopword without the
 * dictionary knowing it. Russian only (Russian typed in Latin letters included, read in Cyrillic
 * first: "skolko" is «сколко»): English has no dictionary here to tell "three" or "world" from a
 * typo of "there" or "would". Blind dev15 Hit@1 +1, Hit@3 +1, refused −1; every other set, the
 * old set and XQuAD unchanged.
 */
const MIN_STOPWORD = 5;
const MIN_TYPED = 4;

const BY_FIRST = new Map<string, string[]>();
for (const word of STOPWORDS) {
  if (word.length < MIN_STOPWORD || !/^[а-я]+$/u.test(word)) continue;
  let words = BY_FIRST.get(word[0]!);
  if (!words) BY_FIRST.set(word[0]!, (words = []));
  words.push(word);
}

/** The stopword a lower-case Cyrillic word the dictionary lacks is a typo of, or undefined. */
export function questionWordOf(word: string): string | undefined {
  if (word.length < MIN_TYPED || !/^[а-я]+$/u.test(word) || STOPWORDS.has(word) || morphologyOf(word)) return undefined;
  const near = (BY_FIRST.get(word[0]!) ?? []).filter((stopword) => damerauLevenshtein(word, stopword, 1) <= 1);
  return near.length === 1 ? near[0] : undefined;
}

/**
 * The text with each typo of a question or function word respelt (questionWordOf); `known`: whether
 * the cards have a word (normalised), which is then no typo.
 */
export function respellQuestionWords(text: string, known: (word: string) => boolean): string {
  let out = "";
  let at = 0;
  for (const span of wordSpans(text)) {
    const normal = normalizeWord(span.word);
    const capital = /^\p{Lu}/u.test(span.word);
    if (capital && !startsSentence(text, span.start)) continue;
    const respelt = questionWordOf(normal);
    if (respelt === undefined || known(normal)) continue;
    out += text.slice(at, span.start) + (capital ? respelt[0]!.toUpperCase() + respelt.slice(1) : respelt);
    at = span.end;
  }
  return at === 0 ? text : out + text.slice(at);
}

function startsSentence(text: string, at: number): boolean {
  let before = at;
  while (before > 0 && /\s/u.test(text[before - 1]!)) before--;
  return before === 0 || ".!?…".includes(text[before - 1]!);
}
