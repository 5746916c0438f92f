import type { Partner } from "../knowledge/types.js";
import { normalizeWord, scriptOf } from "./normalize.js";

/** The canonical index term of a partner: no stem can start with "@". */
export const partnerTerm = (id: string): string => `@${id}`;

/**
 * Recognises a partner's name in any case form and with a typical typo, because Snowball
 * splits some names (Ханой, Ханою → "хан" like "хан" the khan; Ханоя, Ханоем → "хано").
 */
export interface PartnerLexicon {
  /** Partner ids whose name this single normalised token is (ханоем → hanoi, минкс → minsk). */
  match(token: string): string[];
  /** Same for two adjacent tokens written apart ("абу даби", "ha noi"). */
  matchPair(first: string, second: string): string[];
}

interface NameForm {
  form: string;
  id: string;
}

export function buildPartnerLexicon(partners: readonly Partner[]): PartnerLexicon {
  const forms: NameForm[] = [];
  for (const partner of partners) {
    const names = [partner.name, partner.name_en, ...(partner.aliases ?? [])].filter((name): name is string => !!name);
    for (const name of names) {
      // A one-word name is matched whole; a longer one by all its words run together ("ha noi" →
      // "hanoi") or by any long word of it ("dhabi", "bayern"), never by a short one ("city").
      const words = name.split(/[^\p{L}\p{M}]+/u).filter(Boolean).map(normalizeWord);
      const candidates = words.length === 1 ? words : [words.join(""), ...words.filter((word) => word.length >= 5)];
      for (const form of new Set(candidates)) forms.push({ form, id: partner.id });
    }
  }
  const cache = new Map<string, string[]>();
  const match = (token: string): string[] => {
    let ids = cache.get(token);
    if (!ids) {
      // Query words are unbounded user input: keep the memo from growing without limit.
      if (cache.size >= 10_000) cache.clear();
      ids = [...new Set(forms.filter((name) => formMatches(token, name.form)).map((name) => name.id))];
      cache.set(token, ids);
    }
    return ids;
  };
  return {
    match,
    matchPair: (first, second) => match(first + second),
  };
}

function formMatches(token: string, form: string): boolean {
  if (token === form) return true;
  if (form.length < 4 || token.length < 4) return false;
  if (scriptOf(form) === "cyrillic" && isInflectionOf(token, form)) return true;
  return token[0] === form[0] && damerauLevenshtein(foldShort(token), foldShort(form), 2) <= typoBudget(form.length);
}

/** Ханоем, Ханою, Минском, Баварии: the name's stem-like prefix plus a short case ending. */
function isInflectionOf(token: string, form: string): boolean {
  const keep = Math.max(3, form.length - 1);
  return token.startsWith(form.slice(0, keep)) && token.length <= form.length + 3;
}

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
