import type { FactCard } from "../knowledge/types.js";
import { questionWords } from "./normalize.js";

/**
 * Questions for the holder of an office: «кто мэр Ханоя», «как зовут губернатора Джакарты», "who
 * is the mayor of Manila". Such a question shares its partner and the office's word with many
 * cards, and any card that names someone would pass for an answer; but the knowledge answers it
 * only where a card names that office's holder: «мэр Любляны Зоран Янкович». A Hanoi card that
 * names «мэр Москвы Сергей Собянин» says nothing of who the mayor of Hanoi is.
 */

/** Kinds of office; a word may name more than one (глава, head: of a city or of a department). */
export type Office = "head" | "chair" | "director" | "minister" | "envoy" | "state";

/** Each office by the words that name it, lower case, ё as е, by their start (case endings vary). */
const OFFICE_WORDS: Record<Office, RegExp> = {
  // Not «мэрия» (the city hall), «хокимият» (the hokim's office), «главный» (chief).
  head: /^(мэр|мэра|мэру|мэром|мэре|мэры|мэров|градоначальни\p{L}*|губернатор\p{L}*|хоким|хокима|хокиму|хокимом|бургомистр\p{L}*|глава|главы|главе|главу|главой|руководител\p{L}*|mayors?|governors?|burgomasters?|head|leader)$/u,
  chair: /^(председател\p{L}*|chair|chairman|chairwoman|chairperson)$/u,
  director: /^(директор\p{L}*|руководител\p{L}*|directors?)$/u,
  minister: /^(министр\p{L}*|ministers?)$/u,
  envoy: /^(посол|посла|послу|послом|консул\p{L}*|ambassadors?|consuls?|envoys?)$/u,
  state: /^(президент\p{L}*|премьер\p{L}*|канцлер\p{L}*|presidents?|premiers?|prime|chancellors?)$/u,
};
const OFFICES = Object.keys(OFFICE_WORDS) as Office[];

/** Words between a question word and the office («кто сейчас мэр», "who was the mayor"). */
const FILLER = new Set(["is", "was", "the", "current", "then", "был", "была", "сейчас", "теперь", "тогда", "такой", "такая", "нынешний", "нынешняя"]);
/** «во главе делегации»: leading a visit, not an office. */
const LEADING = new Set(["во", "в"]);
const DELEGATION = /^делегаци\p{L}*$/u;
/** The question words that ask for a person's name, as word sequences. */
const ASKING = [["кто"], ["who"], ["whos"], ["как", "зовут"], ["как", "звали"], ["как", "фамилия"], ["what", "is", "the", "name", "of"], ["what", "was", "the", "name", "of"], ["whats", "the", "name", "of"]];
/** How many words a card may have between an office and its holder's surname («мэр Манилы Франсиско «Иско Морено» Домагосо»). */
const HOLDER_WINDOW = 6;
const DEPUTY = /^(заместител\p{L}*|зам|вице|deputy|vice)$/u;
const MOSCOW = /^(москв|московск|moscow)/u;

export interface OfficeAsked {
  offices: Office[];
  /** The office is Moscow's own («кто мэр Москвы»): only then does a card naming Moscow's office-holder answer. */
  ofMoscow: boolean;
  /** The question's words that ask (the question word and the office), for the answer-type rule. */
  words: string[];
  /** Where the asking words start, in words, to tell which kind of question comes first. */
  at: number;
  /** Whom the office passed to or from («после Коикэ», "who succeeded Masuzoe"): someone besides the holder named. */
  succession: boolean;
}

const SUCCESSION = /(?<![\p{L}])(после|вместо|сменил\p{L}*|преемник\p{L}*|предшественник\p{L}*|after|succeeded|successor|replaced|preceded|predecessor)(?![\p{L}])/iu;

function officesOf(word: string | undefined): Office[] {
  return word === undefined ? [] : OFFICES.filter((office) => OFFICE_WORDS[office].test(word));
}

/** The office a question asks the holder of, when it starts with one of ASKING and names an office next. */
export function officeAsked(question: string): OfficeAsked | undefined {
  const words = questionWords(question.replace(/[’']/g, ""));
  for (let start = 0; start < words.length; start++) {
    const asking = ASKING.find((sequence) => sequence.every((word, offset) => words[start + offset] === word));
    if (!asking) continue;
    let at = start + asking.length;
    while (at < words.length && FILLER.has(words[at]!)) at++;
    // One word may stand before the office: "the Jordanian ambassador", «кто московский мэр»; but
    // «кто был во главе делегации» asks who led a visit, which a card naming its leader answers,
    // not for the holder of an office (blind dev15 refused −1, nothing else moved).
    const leading = LEADING.has(words[at]!) && DELEGATION.test(words[at + 2] ?? "");
    const before = officesOf(words[at]).length === 0 && !leading && officesOf(words[at + 1]).length > 0 ? [words[at++]!] : [];
    const word = words[at];
    const offices = officesOf(word);
    if (offices.length === 0) continue;
    const owner = [...before, ...words.slice(at + 1, at + 3)];
    return { offices, ofMoscow: owner.some((next) => MOSCOW.test(next)), words: [words[start]!, word!], at: start, succession: SUCCESSION.test(question) };
  }
  return undefined;
}

/**
 * Whether a card names the holder of an office asked: an office word followed within a few words
 * by the surname of someone the card names («мэр Любляны Зоран Янкович»; in a card that lists
 * nobody, by a capitalised word), or right after the surname («Патрик Олье, президент
 * Метрополии»). An office of Moscow's, with Moscow between the two («мэр Москвы Сергей
 * Собянин»), counts only when Moscow's is asked. `people`: namedPeople of the card (surnames by
 * their first letters).
 */
export function statesOffice(card: FactCard, asked: OfficeAsked, people: readonly string[]): boolean {
  // A card whose editor listed nobody (an imported text) cannot be read for the holder's surname:
  // any capitalised word may be one, and such a card is never refused for it.
  const listed = (card.people ?? []).length > 0;
  if (listed && people.length === 0) return false;
  const isHolder = (word: string): boolean => (listed ? people.some((stem) => word.toLowerCase().startsWith(stem)) : /^\p{Lu}/u.test(word));
  const isOffice = (word: string): boolean => asked.offices.some((office) => OFFICE_WORDS[office].test(word.toLowerCase()));
  for (const text of [card.text, card.text_en ?? ""]) {
    const words = text.replace(/ё/g, "е").replace(/Ё/g, "Е").match(/[\p{L}\p{N}]+|,/gu) ?? [];
    for (let index = 0; index < words.length; index++) {
      // A deputy («заместитель председателя», "deputy mayor") holds another office.
      if (!isOffice(words[index]!) || (index > 0 && DEPUTY.test(words[index - 1]!.toLowerCase()))) continue;
      if (listed && namedBefore(words, index, isHolder)) return true;
      for (let after = index + 1; after <= Math.min(words.length - 1, index + HOLDER_WINDOW); after++) {
        const word = words[after]!;
        if (!asked.ofMoscow && MOSCOW.test(word.toLowerCase())) break;
        if (isHolder(word)) return true;
      }
    }
  }
  return false;
}

/** Words that may stand between a holder and the office after a comma («Воробьёвой, которая была российским послом»). */
const BETWEEN = new Set([",", "который", "которая", "которые", "кто", "был", "была", "были", "является", "являлся", "являлась", "who", "was", "is", "the"]);
const BEFORE_WINDOW = 5;

/**
 * The holder named before the office, set off by a comma: «Патрик Олье, президент Метрополии»,
 * «Людмилой Воробьёвой, которая была российским послом». Without the comma («Собянин и мэр
 * Ханоя») the name before is someone else. One other word (an adjective) may stand between.
 */
function namedBefore(words: readonly string[], office: number, isHolder: (word: string) => boolean): boolean {
  let comma = false;
  let free = 1;
  for (let at = office - 1; at >= Math.max(0, office - BEFORE_WINDOW); at--) {
    const word = words[at]!;
    if (isHolder(word)) return comma;
    if (word === ",") comma = true;
    else if (!BETWEEN.has(word.toLowerCase()) && free-- === 0) return false;
  }
  return false;
}
