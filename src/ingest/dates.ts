import { isRealDate } from "../knowledge/schema.js";

/**
 * Exact calendar days mentioned in Russian text. A card's `date` must be a real day, so only a
 * day with its month counts: "3 декабря", "18 сентября 2025 года", "18.09.2025", "вчера".
 * "в сентябре" and "с 2020 года" name no day and give nothing rather than a guess.
 */

const MONTHS: ReadonlyArray<readonly string[]> = [
  ["января", "янв"],
  ["февраля", "фев", "февр"],
  ["марта", "мар"],
  ["апреля", "апр"],
  ["мая"],
  ["июня", "июн"],
  ["июля", "июл"],
  ["августа", "авг"],
  ["сентября", "сен", "сент"],
  ["октября", "окт"],
  ["ноября", "ноя", "нояб"],
  ["декабря", "дек"],
];

/** 1–12 for a month written after a day number ("декабря", "окт"), else undefined. */
export function monthNumber(word: string): number | undefined {
  const key = word.toLowerCase().replace(/\.$/, "");
  const index = MONTHS.findIndex((forms) => forms.includes(key));
  return index >= 0 ? index + 1 : undefined;
}

interface Mention {
  at: number;
  day: number;
  month: number;
  year?: number;
}

const DAY = String.raw`(?<!\d)(\d{1,2})`;
const MONTH_WORD = String.raw`(\p{L}{3,8})\.?`;
const YEAR = String.raw`(?:\s+(\d{4})(?!\d)(?:\s*(?:года|год|г\.?))?)?`;
const LINK = String.raw`\s*(?:[-‒–—]|\s(?:по|до)\s)\s*`;

// "30 ноября по 3 декабря 2025 года" | "18–21 сентября" | "с 18 по 21 сентября 2025 года" | "3 декабря"
const RANGE_SAME_MONTH = new RegExp(`${DAY}${LINK}(\\d{1,2})\\s+${MONTH_WORD}${YEAR}`, "gu");
const DAY_MONTH = new RegExp(`${DAY}\\s+${MONTH_WORD}${YEAR}`, "gu");
const NUMERIC = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]*\d)/gu;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu;
const RELATIVE: Record<string, number> = { позавчера: -2, вчера: -1, завтра: 1, послезавтра: 2 };

/**
 * Every exact day in the text, in reading order, as YYYY-MM-DD. A range gives its first day only.
 * A day without a year takes the year of the range it opens, else of the publication date.
 */
export function exactDates(text: string, published: string): string[] {
  const mentions: Mention[] = [];
  // Characters already in a mention, so a text of many dates is not quadratic in them.
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number): boolean => !taken.subarray(start, end).includes(1);
  const take = (start: number, end: number): void => void taken.fill(1, start, end);

  for (const match of text.matchAll(RANGE_SAME_MONTH)) {
    const month = monthNumber(match[3]!);
    if (!month) continue;
    mentions.push({ at: match.index, day: Number(match[1]), month, ...year(match[4]) });
    take(match.index, match.index + match[0].length);
  }
  const dayMonths = [...text.matchAll(DAY_MONTH)].filter((match) => monthNumber(match[2]!) && free(match.index, match.index + match[0].length));
  let rangeEnd: number | undefined;
  dayMonths.forEach((match, index) => {
    take(match.index, match.index + match[0].length);
    if (index === rangeEnd) return;
    const month = monthNumber(match[2]!)!;
    const mention: Mention = { at: match.index, day: Number(match[1]), month, ...year(match[3]) };
    // "с 30 ноября по 3 декабря 2025 года" is one range: it gives its first day, with the year
    // written once at its end.
    const next = dayMonths[index + 1];
    const between = next ? text.slice(match.index + match[0].length, next.index) : "";
    if (next && new RegExp(`^${LINK}$`, "u").test(between)) {
      rangeEnd = index + 1;
      const nextMonth = monthNumber(next[2]!)!;
      if (mention.year === undefined && next[3]) mention.year = Number(next[3]) - (month > nextMonth ? 1 : 0);
    }
    mentions.push(mention);
  });
  for (const match of text.matchAll(NUMERIC)) {
    if (free(match.index, match.index + match[0].length)) mentions.push({ at: match.index, day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) });
  }
  for (const match of text.matchAll(ISO)) {
    mentions.push({ at: match.index, day: Number(match[3]), month: Number(match[2]), year: Number(match[1]) });
  }
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const shift = RELATIVE[match[0].toLowerCase()];
    if (shift !== undefined && isRealDate(published)) mentions.push({ at: match.index, ...shiftDays(published, shift) });
  }

  const baseYear = Number(published.slice(0, 4));
  const dates = mentions
    .sort((a, b) => a.at - b.at)
    .map((mention) => toIso(mention.year ?? baseYear, mention.month, mention.day))
    .filter((date): date is string => date !== undefined);
  return [...new Set(dates)];
}

function year(written: string | undefined): { year?: number } {
  return written ? { year: Number(written) } : {};
}

function toIso(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return undefined;
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isRealDate(date) ? date : undefined;
}

function shiftDays(iso: string, days: number): { day: number; month: number; year: number } {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return { day: date.getUTCDate(), month: date.getUTCMonth() + 1, year: date.getUTCFullYear() };
}
