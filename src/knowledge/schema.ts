import { z } from "zod";

/** Knowledge format, version 1 (see README "Knowledge format"). One definition: types are inferred. */

const ID = /^[a-z0-9-]+$/;
const idString = z.string().regex(ID, { message: "must match [a-z0-9-]+" });

/** A real calendar date written as YYYY-MM-DD (2025-02-30 is refused). */
export const isoDate = z.string().refine(isRealDate, { message: "must be a real calendar date YYYY-MM-DD" });

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Longest values, in characters. Names, publishers and titles are shown in every answer that cites
 * them, where Telegram allows 4,096 characters in all; anything longer is a paste gone wrong.
 */
export const MAX_NAME_CHARS = 200;
export const MAX_TITLE_CHARS = 500;
export const MAX_URL_CHARS = 2000;
const atMost = (max: number) => ({ message: `must be at most ${max} characters` });

const httpUrl = z.string().max(MAX_URL_CHARS, atMost(MAX_URL_CHARS)).refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  },
  { message: "must be an absolute http(s) URL" },
);

const nonEmpty = z.string().trim().min(1, { message: "must not be empty" });
/** A partner's or person's name, a country, a publisher, a keyword or topic. */
const name = nonEmpty.max(MAX_NAME_CHARS, atMost(MAX_NAME_CHARS));
const nameList = z.array(name);

export const partnerSchema = z.strictObject({
  id: idString,
  name,
  name_en: name.optional(),
  country: name,
  country_en: name.optional(),
  aliases: nameList.optional(),
});

export const partnersFileSchema = z.array(partnerSchema);

export const sourceMetaSchema = z.strictObject({
  id: idString,
  title: nonEmpty.max(MAX_TITLE_CHARS, atMost(MAX_TITLE_CHARS)),
  publisher: name,
  published: isoDate,
  url: httpUrl.optional(),
  language: nonEmpty.default("ru"),
});

export const factCardSchema = z.strictObject({
  id: idString,
  text: nonEmpty.max(1000, { message: "must be at most 1000 characters" }),
  text_en: nonEmpty.max(1000, { message: "must be at most 1000 characters" }).optional(),
  partners: z.array(z.string()).optional(),
  topics: nameList.optional(),
  people: nameList.optional(),
  keywords: nameList.optional(),
  date: isoDate.optional(),
});

export const sourceFileSchema = z.strictObject({
  source: sourceMetaSchema,
  facts: z.array(factCardSchema).min(1, { message: "must hold at least one card" }),
});

export const synonymsFileSchema = z.array(z.array(nonEmpty).min(2, { message: "a group needs at least two terms" }));

export type Partner = z.infer<typeof partnerSchema>;
export type Source = z.infer<typeof sourceMetaSchema>;
export type FactCard = z.infer<typeof factCardSchema>;
export type SourceFile = z.infer<typeof sourceFileSchema>;
export type SynonymGroup = string[];
