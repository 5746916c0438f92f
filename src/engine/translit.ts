/**
 * Russian typed in Latin letters («kogda podpisali soglashenie s minskom») back to Cyrillic
 * («когда подписали соглашение с минском»), so the search, which knows Russian word forms, can read
 * it. Follows the common informal transliteration (and ГОСТ/BGN spellings where they differ: shch,
 * kh, ts, iy/yy). Only the letters change; what is not Latin is kept as it is.
 */

// Longest first at each position: "shch" before "sh", "kh" before "k".
const SEQUENCES: ReadonlyArray<readonly [string, string]> = [
  ["shch", "щ"],
  ["sch", "щ"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ts", "ц"],
  ["tc", "ц"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["yu", "ю"],
  ["ju", "ю"],
  ["ya", "я"],
  ["ja", "я"],
  ["yo", "ё"],
  ["jo", "ё"],
  ["ye", "е"],
  ["''", "ъ"],
];

const LETTERS: Readonly<Record<string, string>> = {
  a: "а", b: "б", v: "в", g: "г", d: "д", e: "е", z: "з", i: "и", j: "й", k: "к", l: "л", m: "м", n: "н", o: "о",
  p: "п", r: "р", s: "с", t: "т", u: "у", f: "ф", h: "х", c: "ц", w: "в", q: "к", x: "кс", "'": "ь",
};
const VOWELS = new Set("aeiouy");

/** One word (letters and apostrophes only) in Cyrillic. */
function wordToCyrillic(word: string): string {
  const lower = word.toLowerCase();
  // Adjective endings: moskovskiy → московский, novyy → новый, drugoy → другой.
  const ending = /(?:iy|yy|ij)$/.test(lower) && lower.length > 3 ? (lower.endsWith("iy") || lower.endsWith("ij") ? "ий" : "ый") : "";
  const body = ending ? lower.slice(0, -2) : lower;
  let out = "";
  for (let at = 0; at < body.length; ) {
    // "ye" is е at a word's start or after a vowel (yerevan, obyedineniye); after a consonant it is ые (novye).
    const sequence = SEQUENCES.find(([latin]) => body.startsWith(latin, at) && (latin !== "ye" || at === 0 || VOWELS.has(body[at - 1]!)));
    if (sequence) {
      out += sequence[1];
      at += sequence[0].length;
      continue;
    }
    const char = body[at]!;
    if (char === "e" && at === 0) out += "э"; // eto → это, ekonomika → экономика
    else if (char === "y") out += at > 0 && VOWELS.has(body[at - 1]!) ? "й" : "ы"; // moy → мой, moskvy → москвы
    else out += LETTERS[char] ?? char;
    at += 1;
  }
  return out + ending;
}

/** The text with every Latin word in Cyrillic. */
export function latinToCyrillic(text: string): string {
  return text.replace(/[A-Za-z']+/g, (word) => (/[A-Za-z]/.test(word) ? wordToCyrillic(word) : word));
}
