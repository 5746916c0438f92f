import type { Partner } from "../knowledge/types.js";
import { morphologyOf } from "./morphology.js";
import { normalizeWord, scriptOf } from "./normalize.js";

/**
 * Recognises a partner's name in any case form and with a typical typo, because Snowball
 * splits some names (Ханой, Ханою → "хан" like "хан" the khan; Ханоя, Ханоем → "хано").
 */
export interface PartnerLexicon {
  /** Partner ids whose name this single normalised token is, in any case form (ханоем → hanoi). */
  match(token: string): string[];
  /**
   * The same, allowing a typical typo (минкс → minsk). For questions only: a card's text is
   * edited, and there a near miss is another word (Хани, a Manila mayor's name, is not Ханой).
   */
  matchWithTypos(token: string): string[];
  /** A name of two words written apart ("абу даби", "ha noi"), exactly. */
  matchPair(first: string, second: string): string[];
}

interface NameForm {
  form: string;
  id: string;
  cyrillic: boolean;
}

/** `namesOf`: the names that stand for a partner (its own names; or its country and people's). */
export function buildPartnerLexicon(partners: readonly Partner[], namesOf: (partner: Partner) => Array<string | undefined>): PartnerLexicon {
  const forms: NameForm[] = [];
  // Names of several words, run together: two adjacent words are checked against these only.
  const joinedNames = new Map<string, string[]>();
  for (const partner of partners) {
    const names = namesOf(partner).filter((name): name is string => !!name);
    for (const name of names) {
      // A one-word name is matched whole; a longer one by all its words run together ("ha noi" →
      // "hanoi") or by any long word of it ("dhabi", "bayern"), never by a short one ("city").
      const words = name.split(/[^\p{L}\p{M}]+/u).filter(Boolean).map(normalizeWord);
      if (words.length > 1) joinedNames.set(words.join(""), [...(joinedNames.get(words.join("")) ?? []), partner.id]);
      const candidates = words.length === 1 ? words : [words.join(""), ...words.filter((word) => word.length >= 5 && !GENERIC_NAME_WORDS.has(word))];
      for (const form of new Set(candidates)) forms.push({ form, id: partner.id, cyrillic: scriptOf(form) === "cyrillic" });
    }
  }
  // Every way of matching keeps the first letter, so only names with the token's first letter are tried.
  const byInitial = new Map<string, NameForm[]>();
  for (const form of forms) byInitial.set(form.form[0]!, [...(byInitial.get(form.form[0]!) ?? []), form]);
  const longest = Math.max(0, ...forms.map((form) => form.form.length));
  const matcher = (typos: boolean): ((token: string) => string[]) => {
    const cache = new Map<string, string[]>();
    return (token) => {
      let ids = cache.get(token);
      if (ids) return ids;
      const candidates = token.length > longest + 3 ? undefined : byInitial.get(token[0] ?? "");
      ids = candidates ? [...new Set(candidates.filter((name) => formMatches(token, name, typos)).map((name) => name.id))] : NONE;
      // Words are unbounded user input: keep the memo from growing without limit.
      if (cache.size >= 50_000) cache.clear();
      cache.set(token, ids);
      return ids;
    };
  };
  // Keyed by every way of cutting a joined name in two: every adjacent pair of words in every card
  // is checked, and a miss on the first word costs one lookup and no concatenation.
  const pairs = new Map<string, Map<string, string[]>>();
  for (const [joined, ids] of joinedNames) {
    for (let cut = 1; cut < joined.length; cut++) {
      const first = joined.slice(0, cut);
      const seconds = pairs.get(first) ?? new Map<string, string[]>();
      seconds.set(joined.slice(cut), ids);
      pairs.set(first, seconds);
    }
  }
  return {
    match: matcher(false),
    matchWithTypos: matcher(true),
    matchPair: (first, second) => pairs.get(first)?.get(second) ?? NONE,
  };
}

const NONE: string[] = [];

/**
 * Words of a long name that say what kind of place it is, not which: «Столичная община», "Vientiane
 * Capital", "Greater Paris", "Free State of Bavaria", "Czech Republic". Alone in a question ("the
 * nicaraguan capital", «большой город») they name no partner. Normalised as normalizeWord does.
 */
const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set(
  `capital capitals municipality municipal metropolis metropole metropolitan greater grand state free
  republic united south north east west city ciudad district region province prefecture special
  daerah khusus ibukota lungsod nakhon krung hlavni mesto obshtina stolichna
  столица столицы столичная столичный столична община метрополия метрополь большой большого
  государство свободное округ республика объединенные арабские южная северная город города
  префектура провинция область район муниципалитет администрация`
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeWord),
);

function formMatches(token: string, { form, cyrillic }: NameForm, typos: boolean): boolean {
  if (token === form) return true;
  // A short name (Рим) is met in its other forms (Рима, Римом) only where the dictionary says so:
  // by letters alone it is too close to too many words.
  if (cyrillic && form.length < 4) return morphologyOf(token)?.lemma === form && morphologyOf(token)?.wordClass === "name";
  if (form.length < 4 || token.length < 4) return false;
  if (cyrillic) {
    // Where the dictionary knows both words, it decides («Казани» is Kazan, not a form of «казах»),
    // except that the whole name plus an ending is always a form of it: «Минском» reads likelier as
    // the adjective «минский», but it is Minsk.
    if (isAdjectiveOf(token, form)) return true;
    const [tokenLemma, formLemma] = [morphologyOf(token)?.lemma, morphologyOf(form)?.lemma];
    // «Манилой», «веной» are forms of the names «Манила», «Вена», though the dictionary reads the
    // names alone as «манить» and a vein.
    if (tokenLemma === form) return true;
    if (tokenLemma !== undefined && formLemma !== undefined) {
      if (tokenLemma === formLemma || (token.startsWith(form) && token.length <= form.length + 3)) return true;
    } else if (isInflectionOf(token, form)) return true;
  }
  if (!typos) return false;
  const budget = typoBudget(form.length);
  return Math.abs(token.length - form.length) <= budget && damerauLevenshtein(foldShort(token), foldShort(form), budget) <= budget;
}

/** Ханоем, Ханою, Минском, Баварии: the name's stem-like prefix plus a short case ending. */
function isInflectionOf(token: string, form: string): boolean {
  const keep = Math.max(3, form.length - 1);
  return token.startsWith(form.slice(0, keep)) && token.length <= form.length + 3;
}

/**
 * The city's adjective in any form: вьентьянские власти, ханойских коллег, берлинского, сеульской.
 * The name, less a final vowel or й, then «ск» and an adjective ending.
 */
function isAdjectiveOf(token: string, form: string): boolean {
  const base = form.replace(/[аяоеиыйь]$/u, "");
  if (base.length < 3 || !token.startsWith(base)) return false;
  return ADJECTIVE_TAIL.test(token.slice(base.length));
}

const ADJECTIVE_TAIL = /^(ь|й|ий|ой)?ск(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|ие)$/u;

// Users who type without й or mix и/й are common; the typo distance should not count it.
function foldShort(word: string): string {
  return word.replace(/й/g, "и");
}

function typoBudget(length: number): number {
  return length >= 8 ? 2 : 1;
}

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function damerauLevenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[a.length]![b.length]!;
}
