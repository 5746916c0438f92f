import { graphemePrefix } from "../lib/graphemes.js";
import { isRealDate } from "../knowledge/schema.js";
import { fold } from "./text.js";
import { ingestText } from "./texts.js";
import type { IngestText } from "./texts.js";

/**
 * A plain-text article as it came in, before any fact is looked for. Everything but the body is
 * optional here: the header may lack it and a flag or the dateline may supply it later.
 */
export interface Article {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  /** The text after the header, cleaned, with the dateline ("ХАНОЙ, 3 декабря. /ТАСС/.") removed. */
  body: string;
  dateline?: Dateline;
  /** Things in the header a person should look at (an unknown field, a date that is not a date). */
  notes: IngestText[];
}

export interface Dateline {
  /** As written: "ХАНОЙ", "МИНСК". */
  place: string;
  /** The agency as written ("РИА Новости", "ТАСС"), when the dateline names one. */
  agency?: string;
  /** The dateline itself, as it was removed from the body. */
  text: string;
}

export interface KnownPublisher {
  name: string;
  /** The short id that starts a source id: ria-2025-10-30-…, tass-2025-12-03-…. */
  slug: string;
  /** Other ways the publisher is written in datelines, front matter and URLs (hosts). */
  aliases: string[];
}

export const KNOWN_PUBLISHERS: readonly KnownPublisher[] = [
  { name: "РИА Новости", slug: "ria", aliases: ["РИА", "RIA Novosti", "ria.ru"] },
  { name: "ТАСС", slug: "tass", aliases: ["ИТАР-ТАСС", "TASS", "tass.ru", "tass.com"] },
  { name: "Интерфакс", slug: "interfax", aliases: ["Interfax", "INTERFAX.RU", "interfax.ru"] },
  { name: "Москва 24", slug: "m24", aliases: ["Москва24", "M24", "m24.ru"] },
  { name: "Sputnik", slug: "sputnik", aliases: ["Спутник", "sputniknews.ru", "sputnik.by", "sputniknews.com"] },
  { name: "РБК", slug: "rbc", aliases: ["RBC", "rbc.ru"] },
  { name: "Коммерсантъ", slug: "kommersant", aliases: ["Коммерсант", "kommersant.ru"] },
  { name: "Известия", slug: "iz", aliases: ["iz.ru"] },
  { name: "Российская газета", slug: "rg", aliases: ["РГ", "rg.ru"] },
  { name: "Вечерняя Москва", slug: "vm", aliases: ["vm.ru"] },
  { name: "Мэр и правительство Москвы", slug: "mos", aliases: ["mos.ru", "Официальный сайт мэра Москвы"] },
  { name: "БелТА", slug: "belta", aliases: ["BelTA", "belta.by"] },
  { name: "Казинформ", slug: "kazinform", aliases: ["Kazinform", "inform.kz", "kazinform.kz"] },
  { name: "Синьхуа", slug: "xinhua", aliases: ["Xinhua", "xinhuanet.com"] },
  { name: "Вьетнамское информационное агентство", slug: "vna", aliases: ["ВИА", "VNA", "vnanet.vn"] },
];

/** A publisher by any of its names, hosts or its slug ("РИА Новости", "www.ria.ru", "ria"). */
export function knownPublisher(nameOrHost: string): KnownPublisher | undefined {
  const key = fold(nameOrHost).replace(/^www\./, "");
  if (!key) return undefined;
  return KNOWN_PUBLISHERS.find((publisher) => [publisher.name, publisher.slug, ...publisher.aliases].some((alias) => fold(alias) === key));
}

/** The publisher an article URL belongs to, by its host. */
export function publisherFromUrl(url: string): KnownPublisher | undefined {
  try {
    const host = new URL(url).hostname.replace(/^www\./, "");
    return KNOWN_PUBLISHERS.find((publisher) => publisher.aliases.some((alias) => host === alias || host.endsWith(`.${alias}`)));
  } catch {
    return undefined;
  }
}

/** The date many news sites put in their article addresses: /20250918/ or /2025/09/18/. */
export function dateFromUrl(url: string): string | undefined {
  const match = /\/(20\d{2})(?:\/)?(\d{2})(?:\/)?(\d{2})(?:[/_-]|$)/.exec(url);
  if (!match) return undefined;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  return isRealDate(date) ? date : undefined;
}

const FRONT_MATTER_FIELDS = ["title", "publisher", "published", "url"] as const;
type FrontMatterField = (typeof FRONT_MATTER_FIELDS)[number];
const FIELD_LINE = /^([A-Za-z_]+)\s*:\s*(.*)$/;
const SEED_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$/;

/**
 * Reads either layout:
 *  - the seeds': a first line " date YYYY-MM-DD <headline>", then the body;
 *  - front matter: "title:", "publisher:", "published:", "url:" lines, a blank line, the body.
 * Anything else is all body. A dateline at the start of the body is taken off it and read.
 */
export function parseArticle(input: string): Article {
  const text = cleanText(input);
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  const notes: IngestText[] = [];
  let header: Partial<Record<FrontMatterField, string>> = {};
  let body: string;

  const seed = SEED_LINE.exec(first);
  if (seed) {
    header.published = seed[1]!;
    const headline = seed[2]!.trim();
    const rest = lines.slice(1).join("\n");
    // Some seeds have no headline: the first line runs straight on into the dateline and the text.
    if (headline && !readDateline(headline)) {
      header.title = headline;
      body = rest;
    } else {
      body = `${headline}\n${rest}`;
    }
  } else if (FIELD_LINE.test(first) && FRONT_MATTER_FIELDS.includes(fieldName(first) as FrontMatterField)) {
    let index = 0;
    for (; index < lines.length && lines[index]!.trim() !== ""; index++) {
      const match = FIELD_LINE.exec(lines[index]!);
      const name = match?.[1]?.toLowerCase();
      if (!match || !FRONT_MATTER_FIELDS.includes(name as FrontMatterField)) {
        notes.push(ingestText("ingest-note-header-ignored", { line: index + 1, text: graphemePrefix(lines[index]!.trim(), 60), fields: FRONT_MATTER_FIELDS.join(", ") }));
        continue;
      }
      const value = match[2]!.trim();
      if (value) header[name as FrontMatterField] = value;
    }
    body = lines.slice(index).join("\n");
  } else {
    body = text;
  }

  header = { ...header, ...checkedDate(header.published, notes) };
  body = body.trim();
  const dateline = readDateline(body);
  if (dateline) body = body.slice(dateline.text.length).trimStart();
  // A dateline without an agency ("ТАШКЕНТ, 14 мая.") names no publisher but is not a fact either.
  else body = body.replace(BARE_DATELINE, "");

  return { ...header, body, ...(dateline ? { dateline } : {}), notes };
}

function fieldName(line: string): string {
  return FIELD_LINE.exec(line)?.[1]?.toLowerCase() ?? "";
}

function checkedDate(value: string | undefined, notes: IngestText[]): { published?: string } {
  if (value === undefined) return {};
  const date = toIsoDate(value);
  if (date) return { published: date };
  notes.push(ingestText("ingest-note-not-a-date", { value }));
  return { published: undefined };
}

/** YYYY-MM-DD or DD.MM.YYYY → YYYY-MM-DD, when it is a real calendar date. */
export function toIsoDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isRealDate(date) ? date : undefined;
}

const BARE_DATELINE = /^\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*,\s*\d{1,2}\s+\p{L}{3,9}\.?(?:\s+\d{4})?\.\s+/u;

// ХАНОЙ, 3 декабря. /ТАСС/.   МИНСК, 30 окт – РИА Новости.   МОСКВА, 5 мар - РИА Новости, Иван Петров.
// Москва. 5 марта. INTERFAX.RU -   НЬЮ-ЙОРК, 1 января 2025 /ТАСС/.
const DATELINE = new RegExp(
  [
    // A place in capitals is capitals and hyphens with single spaces between words ("НЬЮ-ЙОРК",
    // "АБУ-ДАБИ", "НУР-СУЛТАН"). The hyphen is in the letters' class only, never also a separator
    // beside it: "[\p{Lu}-]+(?:[ -]\p{Lu}[\p{Lu}-]*)*" could split a chain of hyphenated groups in
    // exponentially many ways before failing.
    String.raw`^(?<place>\p{Lu}[\p{Lu}\-]+(?: \p{Lu}[\p{Lu}\-]*)*|\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}\p{Ll}+)*)`,
    String.raw`(?:[,.]\s*(?<date>\d{1,2}\s+\p{L}{3,9}\.?(?:\s+\d{4})?))?`,
    String.raw`\s*[.,]?\s*(?<dash>[-‒–—]\s*)?`,
    String.raw`(?:/\s*(?<slashed>[^/\n]{2,40}?)\s*/|(?<agency>\p{Lu}[^\n/–—]{1,60}?))`,
    String.raw`\s*(?:\.\s+|\s[-‒–—]\s+|\.$)`,
  ].join(""),
  "u",
);

/**
 * The dateline that opens a news agency's text, when there is one. Only trusted when it names a
 * date or its place is written in capitals, so an ordinary first sentence is never eaten.
 */
export function readDateline(body: string): Dateline | undefined {
  const match = DATELINE.exec(datelineWindow(body));
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  const place = groups.place!;
  const placeInCapitals = place === place.toUpperCase();
  // Without a date, only "МИНСК – Агентство." or "МИНСК /Агентство/." (place in capitals) is a dateline.
  if (!groups.date && !(placeInCapitals && (groups.dash || groups.slashed))) return undefined;
  const agency = (groups.slashed ?? groups.agency ?? "").trim();
  // "МИНСК, 30 окт – РИА Новости, Иван Петров." names the author after the agency.
  const name = agency.split(",")[0]!.trim();
  if (!name || (!knownPublisher(name) && !looksLikeName(name))) return undefined;
  return { place, agency: name, text: match[0] };
}

/**
 * A place, a date and an agency's name fit in this many characters; the pattern never sees more,
 * so the work it can do on one article is bounded whatever the article holds.
 */
const DATELINE_WINDOW = 200;

// Cut after a space, never inside a word: the pattern's "\.$" then means what it means on the
// whole text (a full stop before a space), not a full stop in the middle of "INTERFAX.RU".
function datelineWindow(body: string): string {
  if (body.length <= DATELINE_WINDOW) return body;
  const head = body.slice(0, DATELINE_WINDOW);
  return head.slice(0, Math.max(head.lastIndexOf(" "), head.lastIndexOf("\n")) + 1);
}

// An agency we do not know yet: a few words, each capitalised ("Вечерний Минск", "INTERFAX.RU").
function looksLikeName(text: string): boolean {
  const parts = text.split(/\s+/);
  return parts.length <= 4 && parts.every((part) => /^[\p{Lu}\d]/u.test(part));
}

/**
 * Text as it arrives from a copy-paste: Windows line ends, a BOM, no-break and zero-width spaces,
 * soft hyphens, and Latin look-alike letters typed into Russian ("C 2020 года" with a Latin C).
 */
export function cleanText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00AD\u200B-\u200D\u2060]/g, "")
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, " ")
    .replace(/[\p{L}]+/gu, foldLookalikes)
    // Not /[ ]+\n/g: a long run of spaces without a line break after it costs quadratic time there.
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}

const LATIN_LOOKALIKES: Record<string, string> = {
  A: "А", a: "а", B: "В", C: "С", c: "с", E: "Е", e: "е", H: "Н", K: "К", k: "к", M: "М", O: "О", o: "о",
  P: "Р", p: "р", T: "Т", X: "Х", x: "х", y: "у",
};

// Only where the intent is clear: a word with Cyrillic letters in it, or a lone look-alike
// letter between Cyrillic words ("C 2020 года"), so English names and words stay as written.
function foldLookalikes(word: string, offset: number, whole: string): string {
  const cyrillic = /\p{Script=Cyrillic}/u.test(word);
  const latin = /\p{Script=Latin}/u.test(word);
  if (!latin) return word;
  const fold = (): string => [...word].map((char) => LATIN_LOOKALIKES[char] ?? char).join("");
  if (cyrillic) return [...word].every((char) => /\p{Script=Cyrillic}/u.test(char) || LATIN_LOOKALIKES[char]) ? fold() : word;
  if (word.length === 1 && LATIN_LOOKALIKES[word]) {
    const before = /(\p{L}+)[^\p{L}]*$/u.exec(whole.slice(Math.max(0, offset - 40), offset))?.[1] ?? "";
    const after = /^[^\p{L}]*(\p{L}+)/u.exec(whole.slice(offset + 1, offset + 41))?.[1] ?? "";
    const isCyrillic = (other: string): boolean => /^\p{Script=Cyrillic}+$/u.test(other);
    if ((before === "" || isCyrillic(before)) && isCyrillic(after)) return fold();
  }
  return word;
}
