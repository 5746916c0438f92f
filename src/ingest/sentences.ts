/**
 * Splits Russian news text into sentences. A full stop ends a sentence only when what follows
 * looks like the start of one, so abbreviations (т.е., г. Москва, ул., им.), initials
 * (А. Комендант) and quoted speech with its attribution («…», — сказал он.) stay whole.
 */

const TERMINATORS = ".!?…";
const DASHES = "-‒–—―";
// What may follow a sentence's last mark before the space: closing quotes and brackets.
const CLOSERS = "»\"”“')]";
const PAIRS: Record<string, string> = { "«": "»", "„": "“", "“": "”" };

// A full stop after these never ends a sentence: they always have a word or a number after them.
const NEVER_END = new Set([
  "т.е", "т.к", "т.н", "т.ч", "т.о", "и.о", "им", "ул", "пр", "просп", "пр-т", "пр-д", "пер", "пл", "наб", "ш", "б-р",
  "д", "корп", "стр", "кв", "оф", "обл", "р-н", "пос", "дер", "с.-пб", "тел", "см", "ср", "напр", "проф", "акад",
  "доц", "ген", "св", "ст", "гр", "г-н", "г-жа", "рис", "табл", "гл", "п", "пп", "ч", "разд", "ок", "прим",
  "англ", "рус", "нем", "фр", "лат", "н.э", "до н.э", "в т.ч",
]);
// Month abbreviations end a sentence only when no day or year follows ("30 окт. 2025").
const MONTH_ABBREVIATIONS = new Set(["янв", "фев", "февр", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "нояб", "дек"]);

/** Paragraphs (blank lines) always end a sentence; a single line break is just a space. */
export function splitSentences(text: string): string[] {
  return splitParagraphs(text).flatMap(paragraphSentences);
}

/** The paragraphs of a text (separated by blank lines), each on one line. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** The sentences of one paragraph. */
export function paragraphSentences(paragraph: string): string[] {
  // An unclosed quote would swallow the rest of the paragraph; then quotes cannot be trusted.
  const depths = quoteDepths(paragraph);
  return splitParagraph(paragraph, depths.at(-1) === 0 ? depths : undefined);
}

function splitParagraph(text: string, depths: number[] | undefined): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!TERMINATORS.includes(text[i]!)) continue;
    let runEnd = i;
    while (runEnd < text.length && TERMINATORS.includes(text[runEnd]!)) runEnd++;
    let after = runEnd;
    while (after < text.length && CLOSERS.includes(text[after]!)) after++;
    const insideQuotes = depths !== undefined && (depths[after - 1] ?? 0) > 0;
    if (!insideQuotes && endsSentence(text, i, runEnd, after)) {
      sentences.push(text.slice(start, after).trim());
      start = after;
    }
    i = after - 1;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** The marks text[runStart, runEnd) and closers up to `after` end a sentence if a new one starts next. */
function endsSentence(text: string, runStart: number, runEnd: number, after: number): boolean {
  if (after >= text.length) return true;
  if (!/\s/.test(text[after]!)) return false; // 3.5, т.е., А.Г.Лукашенко
  let next = after;
  while (next < text.length && /\s/.test(text[next]!)) next++;
  if (next >= text.length) return true;
  const char = text[next]!;
  // ". – сказал он" continues the sentence; ". – Да, – ответил он" is a new line of dialogue.
  if (DASHES.includes(char)) return !isLowerCase(firstLetterAfter(text, next + 1));
  if (isLowerCase(char)) return false;
  if (runEnd - runStart > 1 || text[runStart] !== ".") return true;

  const word = wordBefore(text, runStart);
  const lower = word.toLowerCase();
  const last = word.split(".").at(-1) ?? "";
  if (/^\p{Lu}$/u.test(last)) return false; // an initial: А. Комендант, А.Г. Лукашенко
  if (NEVER_END.has(lower)) return false;
  if (lower === "г" || lower === "гг") return digitBefore(text, runStart - word.length); // 2020 г. | г. Москва
  if (MONTH_ABBREVIATIONS.has(lower) && /\d/.test(char)) return false;
  return true;
}

/** The abbreviation-like word ending at `end`: letters, inner dots and hyphens ("т.е", "А.Г", "р-н"). */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}.-]/u.test(text[start - 1]!)) start--;
  return text.slice(start, end).replace(/^[.-]+/, "");
}

/** Line of dialogue or not is told by its first letter, a few characters after the dash at most. */
const DASH_LOOKAHEAD = 8;

// Looks no further than DASH_LOOKAHEAD: scanning the rest of the paragraph at every ". -" made a
// text of nothing but ". -" quadratic.
function firstLetterAfter(text: string, from: number): string {
  for (const char of text.slice(from, from + DASH_LOOKAHEAD)) if (/\p{L}/u.test(char)) return char;
  return "";
}

/** A digit just before `end`, spaces aside ("2020 г."); reads back from `end` only, never the whole text. */
function digitBefore(text: string, end: number): boolean {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at > 0 && /\d/.test(text[at - 1]!);
}

function isLowerCase(char: string): boolean {
  return char !== "" && char === char.toLowerCase() && char !== char.toUpperCase();
}

/**
 * Quote depth after each character. Straight quotes are told apart by position: one after a
 * space or a bracket opens, one after a word closes — which also handles a quote inside a quote
 * ("… платформа "Московская электронная школа", а также …").
 */
export function quoteDepths(text: string): number[] {
  const stack: string[] = [];
  const depths: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const before = i === 0 ? " " : text[i - 1]!;
      const opens = /[\s([{«„/:—–-]/.test(before) && i + 1 < text.length && !/\s/.test(text[i + 1]!);
      if (opens) stack.push('"');
      else closeTo(stack, '"');
    } else if (char === "“" && stack.at(-1) === "“") {
      stack.pop();
    } else if (PAIRS[char]) {
      stack.push(PAIRS[char]);
    } else if (char === "»" || char === "”") {
      closeTo(stack, char);
    }
    depths.push(stack.length);
  }
  return depths;
}

// A closer that matches an outer quote also closes the unclosed ones inside it.
function closeTo(stack: string[], closer: string): void {
  const index = stack.lastIndexOf(closer);
  if (index >= 0) stack.length = index;
}
