import { z } from "zod";
import { rule } from "./texts.js";

/**
 * Knowledge format, version 2 (see README "Knowledge format"). One definition: types are inferred.
 * Version 2 only adds optional fields and widens `date` to a year or month, so every version-1
 * folder is a valid version-2 folder as it is.
 */

const ID = /^[a-z0-9-]+$/;
const idString = z.string().regex(ID, rule("knowledge-id-format"));

/** A real calendar date written as YYYY-MM-DD (2025-02-30 is refused). */
export const isoDate = z.string().refine(isRealDate, rule("knowledge-real-date"));

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * When a fact happened, as precisely as its source allows: "2025-12-03", "2025-12" or "2025".
 * A card keeps to what is certain, so a month or a year is a complete date, not a lesser one.
 */
export const factDate = z.string().refine(isFactDate, rule("knowledge-fact-date"));

export function isFactDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12;
  return isRealDate(value);
}

/**
 * Longest values, in characters. Names, publishers and titles are shown in every answer that cites
 * them, where Telegram allows 4,096 characters in all; anything longer is a paste gone wrong.
 */
export const MAX_NAME_CHARS = 200;
export const MAX_TITLE_CHARS = 500;
export const MAX_URL_CHARS = 2000;
/** A reader's question as a card's `questions` keep it (a Telegram question is rarely longer), and how many a card keeps. */
export const MAX_QUESTION_CHARS = 200;
export const MAX_QUESTIONS = 12;

const httpUrl = z.string().max(MAX_URL_CHARS).refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  },
  rule("knowledge-http-url"),
);

const nonEmpty = z.string().trim().min(1, rule("knowledge-not-empty"));
/** A partner's or person's name, a country, a publisher, a keyword or topic. */
const name = nonEmpty.max(MAX_NAME_CHARS);
const nameList = z.array(name);

/** World regions for grouping partners; their names for readers are in the Fluent files (locales/*.ftl). */
export const REGIONS = ["europe", "eurasia", "asia", "middle-east", "americas", "africa"] as const;
export type Region = (typeof REGIONS)[number];

/**
 * A partnership that no longer holds. It must cite the card that says so (checked at load time),
 * so the bot can show the reader where the status comes from.
 */
export const partnerStatusSchema = z.strictObject({
  state: z.enum(["suspended", "ended"]),
  since: factDate,
  card: idString,
});

export const partnerSchema = z.strictObject({
  id: idString,
  name,
  name_en: name.optional(),
  country: name,
  country_en: name.optional(),
  /** v2: for grouping /partners. */
  region: z.enum(REGIONS).optional(),
  aliases: nameList.optional(),
  /** v2: words for the city's or country's people and the country adjective (минчане, белорусы, вьетнамский). */
  demonyms: nameList.optional(),
  /** v2: absent means the partnership holds as far as the knowledge says. */
  status: partnerStatusSchema.optional(),
});

export const partnersFileSchema = z.array(partnerSchema);

export const sourceMetaSchema = z.strictObject({
  id: idString,
  title: nonEmpty.max(MAX_TITLE_CHARS),
  publisher: name,
  published: isoDate,
  url: httpUrl.optional(),
  language: nonEmpty.default("ru"),
  /** v2: the publisher's own English name (TASS for ТАСС), cited in English answers. */
  publisher_en: name.optional(),
  /** v2: an English rendering of a title in another language, cited in English answers. */
  title_en: nonEmpty.max(MAX_TITLE_CHARS).optional(),
  /** v2: the source has no headline of its own; `title` describes it and is never shown as a quoted headline. */
  title_is_description: z.boolean().optional(),
});

export const factCardSchema = z.strictObject({
  id: idString,
  text: nonEmpty.max(1000),
  text_en: nonEmpty.max(1000).optional(),
  partners: z.array(z.string()).optional(),
  topics: nameList.optional(),
  people: nameList.optional(),
  keywords: nameList.optional(),
  date: factDate.optional(),
  /** v2: what the fact is on a partner's timeline; background facts have none. */
  kind: z.enum(["agreement", "visit", "event", "status"]).optional(),
  /**
   * v2: questions readers type that this card answers, in their words («что собянин подарил мэру
   * рима», "why did krakow cut ties"): the search reads them, answers never show them. A card's
   * text says a fact once, in the editor's words; readers ask with other verbs, nouns and forms.
   */
  questions: z.array(nonEmpty.max(MAX_QUESTION_CHARS)).max(MAX_QUESTIONS, rule("knowledge-too-many-questions")).optional(),
});

export const sourceFileSchema = z.strictObject({
  source: sourceMetaSchema,
  facts: z.array(factCardSchema).min(1, rule("knowledge-no-cards")),
});

export const synonymsFileSchema = z.array(z.array(nonEmpty).min(2, rule("knowledge-synonym-group")));

export type Partner = z.infer<typeof partnerSchema>;
export type PartnerStatus = z.infer<typeof partnerStatusSchema>;
export type Source = z.infer<typeof sourceMetaSchema>;
export type FactCard = z.infer<typeof factCardSchema>;
export type FactKind = NonNullable<FactCard["kind"]>;
export type SourceFile = z.infer<typeof sourceFileSchema>;
export type SynonymGroup = string[];
