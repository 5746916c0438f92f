/**
 * The dates a card's text (Russian or English) gives for what it says, read conservatively for
 * the date warning: a year that belongs to another document or a deadline («соглашение 2001
 * года», «действует до 2019 года», "the 2001 agreement") is not the fact's own time, and neither
 * is a day a document is dated («соглашение от 20 июня 2000 года»).
 */
export interface TextDates {
  /** Every distinct year the text names, both ends of a range (2018–2020) included. */
  years: number[];
  /** Years given as the time of what the text says: «в 2019 году», «в мае 2016 года», "in 2019", "30 November 2025". */
  ownYears: number[];
  /** One entry per mention of a day with its year, each listing the days it covers (a range gives both ends), as YYYY-MM-DD. */
  days: string[][];
  /** The text dates something relative to another date («годом ранее», "a year later"): its years need not be the fact's. */
  relative: boolean;
}

const RU_MONTHS = [
  ["январь", "января", "январе"],
  ["февраль", "февраля", "феврале"],
  ["март", "марта", "марте"],
  ["апрель", "апреля", "апреле"],
  ["май", "мая", "мае"],
  ["июнь", "июня", "июне"],
  ["июль", "июля", "июле"],
  ["август", "августа", "августе"],
  ["сентябрь", "сентября", "сентябре"],
  ["октябрь", "октября", "октябре"],
  ["ноябрь", "ноября", "ноябре"],
  ["декабрь", "декабря", "декабре"],
];
const EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  const russian = RU_MONTHS.findIndex((forms) => forms.includes(lower));
  if (russian >= 0) return russian + 1;
  const english = EN_MONTHS.indexOf(lower);
  return english >= 0 ? english + 1 : undefined;
}

const MONTH = `(${[...RU_MONTHS.flat(), ...EN_MONTHS].join("|")})`;
const YEAR = String.raw`((?:1[89]|20)\d\d)(?![\p{N}])`;
const START = String.raw`(?<![\p{L}\p{N}])`;
// What joins the two days of a range: «с 18 по 22 октября», «1 и 2 октября», "18 to 22 October", "2 and 5 December", 18–21.
const LINK = String.raw`\s*(?:[-‒–—]|\s(?:по|до|и|to|and|until)\s)\s*`;

// «30 ноября по 3 декабря 2025 года», «18–21 сентября 2025», "1 and 2 October 2018", «3 декабря 2019 года».
const DAY_FIRST = new RegExp(`${START}(?:(\\d{1,2})(?:\\s+${MONTH})?${LINK})?(\\d{1,2})\\s+${MONTH},?\\s+${YEAR}`, "giu");
// "November 30, 2025", "October 18–22, 2018".
const MONTH_FIRST = new RegExp(`${START}${MONTH}\\s+(?:(\\d{1,2})${LINK})?(\\d{1,2}),\\s+${YEAR}`, "giu");
// A document's date, not the fact's: «соглашение от 20 июня 2000 года», "the agreement of 20 June 2000", "dated 5 May 2019".
const DOCUMENT_DATE = /(?:^|[^\p{L}])(?:от|of|dated)\s+(?:\d{1,2}\s+)?$/iu;

const ANY_YEAR = new RegExp(`${START}${YEAR}(?!\\s*-?\\s*(?:х|е|s)(?![\\p{L}]))`, "gu");
// «в 2019 году», «в 2018 г.», "in 2019", «в мае 2016», "in May 2016", «декабрь 2021 года».
const OWN_YEAR = new RegExp(`${START}(?:(в|in)\\s+${YEAR}|${MONTH}\\s+${YEAR})`, "giu");
const RUSSIAN_YEAR_NOUN = /^\s*(?:году|г\.|гг\.)/u;

// «годом ранее», «год спустя», «за год до», «через два года», "a year earlier", "the following year".
const RELATIVE = new RegExp(
  [
    String.raw`${START}(?:год\p{L}*|лет)\s+(?:ранее|раньше|спустя|позже|позднее|назад|до)(?![\p{L}])`,
    String.raw`${START}(?:через|спустя)\s+(?:\p{L}+\s+)?(?:год\p{L}*|лет)(?![\p{L}])`,
    String.raw`${START}(?:прошл|следующ|предыдущ)\p{L}*\s+год\p{L}*`,
    String.raw`${START}years?\s+(?:earlier|later|before|after|ago)\b`,
    String.raw`${START}(?:previous|following|next|same)\s+year\b`,
  ].join("|"),
  "iu",
);

// A Russian participle («заключённого в 2001 году») or an English one after a noun ("an agreement
// concluded in 2001") puts the year on another event than the sentence's own.
const RUSSIAN_PARTICIPLE = /(?:нн|вш|[уюая]щ|[еи]м|[ыяи]т)(?:ый|ий|ой|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ое|ее|ые|ие|ых|их|ыми|ими)$/u;
const ENGLISH_AUXILIARY = new Set(["is", "was", "were", "are", "be", "been", "being", "has", "have", "had"]);

export function readTextDates(text: string): TextDates {
  // Most card texts name no year at all; they need none of the patterns below.
  if (!/\d{4}/u.test(text)) return { years: [], ownYears: [], days: [], relative: false };
  const years = new Set<number>();
  for (const match of text.matchAll(ANY_YEAR)) {
    years.add(Number(match[1]));
  }

  const own = new Set<number>();
  const days: string[][] = [];
  const addDays = (index: number, year: string, month: string, day: string, firstDay: string | undefined, firstMonth: string | undefined): void => {
    if (DOCUMENT_DATE.test(text.slice(0, index))) return;
    own.add(Number(year));
    const endMonth = monthOf(month)!;
    const end = isoDay(Number(year), endMonth, Number(day));
    if (!end) return;
    const covered = [end];
    if (firstDay !== undefined) {
      const startMonth = firstMonth ? monthOf(firstMonth)! : endMonth;
      // «с 30 декабря 2019 по 2 января»: a range that crosses the new year starts in the year before.
      const start = isoDay(Number(year) - (startMonth > endMonth ? 1 : 0), startMonth, Number(firstDay));
      if (start) covered.unshift(start);
    }
    days.push(covered);
  };
  for (const match of text.matchAll(DAY_FIRST)) addDays(match.index, match[5]!, match[4]!, match[3]!, match[1], match[2]);
  for (const match of text.matchAll(MONTH_FIRST)) addDays(match.index, match[4]!, match[1]!, match[3]!, match[2], undefined);

  for (const match of text.matchAll(OWN_YEAR)) {
    const before = text.slice(0, match.index);
    if (match[1] !== undefined) {
      const after = text.slice(match.index + match[0].length);
      const russian = match[1].toLowerCase() === "в";
      if (russian && !RUSSIAN_YEAR_NOUN.test(after)) continue;
      if (russian ? isRussianParticiple(before) : isEnglishParticiple(before)) continue;
      own.add(Number(match[2]));
    } else if (!DOCUMENT_DATE.test(before)) own.add(Number(match[4]));
  }

  return { years: [...years], ownYears: [...own], days, relative: RELATIVE.test(text) };
}

function lastWords(text: string, count: number): string[] {
  return (text.match(/[\p{L}]+/gu) ?? []).slice(-count).map((word) => word.toLowerCase());
}

function isRussianParticiple(before: string): boolean {
  const [word] = lastWords(before, 1);
  return word !== undefined && RUSSIAN_PARTICIPLE.test(word);
}

function isEnglishParticiple(before: string): boolean {
  const [previous, word] = lastWords(before, 2);
  return word !== undefined && /(?:ed|en)$/.test(word) && !ENGLISH_AUXILIARY.has(previous ?? "");
}

function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
