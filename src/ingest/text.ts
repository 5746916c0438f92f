import { splitWords, wordSpans } from "../search/normalize.js";

/**
 * One word of an article as ingest sees it: where it is, how it was written, and its parts in the
 * engine's normal form (lower case, ё→е, look-alike letters folded). A hyphenated word ("Абу-Даби")
 * has one part per piece, so a partner name can be matched piece by piece.
 */
export interface Word {
  raw: string;
  start: number;
  end: number;
  parts: string[];
  /** Starts with an upper-case letter and is not written all in capitals (ДВМС, ТАСС). */
  capitalised: boolean;
  /** Written all in capitals and at least two letters long: an abbreviation or a dateline. */
  upper: boolean;
}

export function words(text: string): Word[] {
  return wordSpans(text).map(({ word, start, end }) => {
    const letters = word.replace(/[^\p{L}]/gu, "");
    const upper = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const first = letters[0] ?? "";
    return {
      raw: word,
      start,
      end,
      parts: splitWords(word)[0] ?? [],
      capitalised: !upper && first !== "" && first === first.toUpperCase() && first !== first.toLowerCase(),
      upper,
    };
  });
}

/** Lower case and ё→е, for comparing short phrases written in different ways. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/**
 * The text without any of `chars` at its end. A loop rather than /[…]+$/: such a pattern is tried
 * at every mark of a long run that does not end the text, which is quadratic in the run.
 */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Does the normalised token start with any of the stems? Short stems (under 4 letters) must match whole. */
export function hasStem(token: string, stems: readonly string[]): boolean {
  return stems.some((stem) => (stem.length < 4 ? token === stem : token.startsWith(stem)));
}
