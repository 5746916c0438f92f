import type { Partner } from "../knowledge/types.js";
import { stemWord } from "../search/normalize.js";
import { hasStem, words } from "./text.js";
import type { Word } from "./text.js";

/**
 * Finds partner cities in Russian text in any case form, and suggests capitalised place names that
 * look like new partners. Names are compared with the search engine's own normalisation
 * (normalizeWord, stemWord), so what ingest sees as "Ханоя" is what a user's question sees.
 */

export type Stem = (token: string) => string;

export interface NameMention {
  id: string;
  start: number;
  end: number;
  /** Index of the first and one past the last word of the mention. */
  fromWord: number;
  toWord: number;
}

export interface NameMatcher {
  /** Every mention in reading order; a longer name wins where two overlap. */
  find(text: string): NameMention[];
  /** The ids mentioned, in order of first mention. */
  ids(text: string): string[];
}

interface NamePart {
  form: string;
  stem: string;
  /** Ханой → "хано": Snowball gives Ханою "хан" but Ханоя "хано", a shared prefix catches both. */
  prefix?: string;
}

const INFLECTED_END = /[аяоеиыуюйь]$/;
const MIN_PREFIX = 4;
// An adjective made from the name ("ханойские", "минского") still names the city; a longer word
// that merely starts the same way rarely does.
const MAX_EXTRA_LETTERS = 5;

/** A matcher for any named things: partner cities, countries, the home city. */
export function buildNameMatcher(entries: ReadonlyArray<{ id: string; names: readonly string[] }>, stem: Stem = stemWord): NameMatcher {
  const names = entries.flatMap(({ id, names: written }) =>
    written
      .map((name) => words(name).flatMap((word) => word.parts))
      .filter((parts) => parts.length > 0)
      .map((parts) => ({ id, parts: parts.map((form): NamePart => namePart(form, stem)) })),
  );
  // Longest names first, so "Нью-Йорк" is taken before a partner called "Йорк" could be.
  names.sort((a, b) => b.parts.length - a.parts.length);

  const find = (text: string): NameMention[] => {
    const list = words(text);
    const parts = list.flatMap((word, index) => word.parts.map((form) => ({ form, index, stem: stem(form) })));
    const taken = new Set<number>();
    const mentions: NameMention[] = [];
    for (const name of names) {
      for (let at = 0; at + name.parts.length <= parts.length; at++) {
        const span = parts.slice(at, at + name.parts.length);
        if (span.some((_, offset) => taken.has(at + offset))) continue;
        if (!span.every((token, offset) => partMatches(token.form, token.stem, name.parts[offset]!))) continue;
        span.forEach((_, offset) => taken.add(at + offset));
        const fromWord = span[0]!.index;
        const toWord = span.at(-1)!.index + 1;
        mentions.push({ id: name.id, start: list[fromWord]!.start, end: list[toWord - 1]!.end, fromWord, toWord });
      }
    }
    return mentions.sort((a, b) => a.start - b.start);
  };
  return { find, ids: (text) => [...new Set(find(text).map((mention) => mention.id))] };
}

function namePart(form: string, stem: Stem): NamePart {
  const base = form.replace(INFLECTED_END, "");
  const prefix = base.length >= MIN_PREFIX ? base : undefined;
  return { form, stem: stem(form), ...(prefix ? { prefix } : {}) };
}

function partMatches(token: string, tokenStem: string, part: NamePart): boolean {
  if (token === part.form) return true;
  // "хан" (a khan) shares Ханой's stem but is too short to be a form of it.
  if (tokenStem === part.stem && token.length >= part.form.length - 1) return true;
  return part.prefix !== undefined && token.startsWith(part.prefix) && token.length <= part.form.length + MAX_EXTRA_LETTERS;
}

export function buildPartnerMatcher(partners: readonly Partner[], stem: Stem = stemWord): NameMatcher {
  return buildNameMatcher(
    partners.map((partner) => ({ id: partner.id, names: [partner.name, partner.name_en, ...(partner.aliases ?? [])].filter((name): name is string => !!name) })),
    stem,
  );
}

/** Capitalised words near these stems are likely partners: "сотрудничество с Шанхаем", "меморандум с Казанью". */
const TRIGGERS = ["сотруднич", "меморандум", "побратим", "соглашени", "партнер"];
const WINDOW = 8;

// Moscow is the home city of every card, and Russia its country: never a partner to suggest.
const HOME = ["Москва", "Россия", "Российская Федерация", "РФ"];
// Capitalised words of official names and events that are not places.
const NOT_PLACES = ["дни", "дней", "днях", "дням", "днями", "день", "правительств", "мэри", "министерств", "департамент", "комитет", "совет", "президент", "посольств", "администрац", "форум", "неделя", "недел", "фестивал", "выставк", "ярмарк"];
const ADJECTIVE = /(?:(?:ск|цк|ческ)(?:ий|ый|ой|ая|ое|ие|ые|ого|ому|им|ым|ом|их|ых|ую|ими|ыми)|(?:н|в)(?:ий|ый|ая|ое|ие|ые|ого|ому|ым|ых|ую|ыми))$/u;

export interface SuggestOptions {
  /** Names that are not partners however they appear: the partners' countries, people, publishers. */
  ignore?: readonly string[];
  stem?: Stem;
}

/**
 * Capitalised place-like words near a cooperation word that are not known partners, for an editor
 * to consider adding to partners.json. Each is given once, in its shortest written form (most
 * often the nominative: "Шанхай" rather than "Шанхаем"), in order of first mention.
 */
export function suggestPartners(sentences: readonly string[], partners: NameMatcher, options: SuggestOptions = {}): string[] {
  const stem = options.stem ?? stemWord;
  const ignored = buildNameMatcher([{ id: "ignored", names: [...HOME, ...(options.ignore ?? [])] }], stem);
  const parsed = sentences.map((sentence) => ({ list: words(sentence), known: [...partners.find(sentence), ...ignored.find(sentence)] }));
  // A capitalised first word is only a name if the article also capitalises it mid-sentence.
  const midSentence = new Set(parsed.flatMap(({ list }) => list.slice(1).filter((word) => word.capitalised).map((word) => stemOf(word, stem))));

  const found = new Map<string, string[]>();
  for (const { list, known } of parsed) {
    const covered = new Set(known.flatMap((mention) => range(mention.fromWord, mention.toWord)));
    // Marked around each trigger, rather than every word looking at every trigger (quadratic in a long sentence).
    const near = new Uint8Array(list.length);
    list.forEach((word, index) => {
      if (word.parts.some((part) => hasStem(part, TRIGGERS))) near.fill(1, Math.max(0, index - WINDOW), index + WINDOW + 1);
    });
    list.forEach((word, index) => {
      if (!near[index]) return;
      if (covered.has(index) || !looksLikePlace(word)) return;
      const key = stemOf(word, stem);
      if (index === 0 && !midSentence.has(key)) return;
      found.set(key, [...(found.get(key) ?? []), word.raw]);
    });
  }
  return [...found.values()].map((forms) => forms.reduce((best, form) => (form.length < best.length ? form : best)));
}

function looksLikePlace(word: Word): boolean {
  if (!word.capitalised || !/^[\p{Script=Cyrillic}-]+$/u.test(word.raw)) return false;
  return !word.parts.some((part) => hasStem(part, NOT_PLACES) || ADJECTIVE.test(part));
}

function stemOf(word: Word, stem: Stem): string {
  return word.parts.map(stem).join("-");
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, offset) => from + offset);
}
