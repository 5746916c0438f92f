import type { KeyedText, TextVariableNames } from "../i18n/texts.js";
import type { KnowledgeText } from "../knowledge/texts.js";

type None = Record<string, never>;

/**
 * What drafting an article has to tell the editor, as Fluent keys with their variables (the words
 * are in locales/*.ftl, section "Ingest notes"): /ingest shows them in the admin's language,
 * `npm run ingest` in English. Values from the article (a URL, a header line) go in as they are.
 */
export type IngestTexts = {
  // Errors: no draft
  "ingest-note-too-big": { kb: number; max: number };
  "ingest-note-no-fact": None;
  "ingest-note-bad-url": { url: string };
  "ingest-note-no-publisher": None;
  "ingest-note-no-date": None;
  /** The draft failed the knowledge format: `place` is "file: path", `problem` what the format says. */
  "ingest-note-invalid-draft": { place: string; problem: KnowledgeText };
  // Warnings: a draft, with something to check
  "ingest-note-header-ignored": { line: number; text: string; fields: string };
  "ingest-note-not-a-date": { value: string };
  "ingest-note-no-headline": { title: string };
  "ingest-note-no-partner": None;
  "ingest-note-url-too-long": { max: number };
  "ingest-note-publisher-from-dateline": { publisher: string; dateline: string };
  "ingest-note-publisher-from-url": { publisher: string };
  "ingest-note-date-from-url": { date: string };
  "ingest-note-value-cut": { field: "title" | "publisher"; max: number };
  "ingest-note-card-cut": { card: string; max: number };
  // Why a sentence gave no card
  "ingest-dropped-question": None;
  "ingest-dropped-greeting": None;
  "ingest-dropped-attribution": None;
  "ingest-dropped-short": None;
  "ingest-dropped-no-subject": None;
};

export type IngestText = KeyedText<IngestTexts>;

export const INGEST_TEXT_VARIABLES: TextVariableNames<IngestTexts> = {
  "ingest-note-too-big": ["kb", "max"],
  "ingest-note-no-fact": [],
  "ingest-note-bad-url": ["url"],
  "ingest-note-no-publisher": [],
  "ingest-note-no-date": [],
  "ingest-note-invalid-draft": ["place", "problem"],
  "ingest-note-header-ignored": ["line", "text", "fields"],
  "ingest-note-not-a-date": ["value"],
  "ingest-note-no-headline": ["title"],
  "ingest-note-no-partner": [],
  "ingest-note-url-too-long": ["max"],
  "ingest-note-publisher-from-dateline": ["publisher", "dateline"],
  "ingest-note-publisher-from-url": ["publisher"],
  "ingest-note-date-from-url": ["date"],
  "ingest-note-value-cut": ["field", "max"],
  "ingest-note-card-cut": ["card", "max"],
  "ingest-dropped-question": [],
  "ingest-dropped-greeting": [],
  "ingest-dropped-attribution": [],
  "ingest-dropped-short": [],
  "ingest-dropped-no-subject": [],
};

/** A sentence that gave no card says why with one of these (no variables). */
export type DropReason = Extract<keyof IngestTexts, `ingest-dropped-${string}`>;

/** `ingestText("ingest-note-no-date")`, `ingestText("ingest-note-bad-url", { url })`: the variables are checked against the key. */
export function ingestText<K extends keyof IngestTexts>(key: K, ...vars: IngestTexts[K] extends None ? [] : [IngestTexts[K]]): IngestText {
  return { key, vars: vars[0] ?? {} } as IngestText;
}

/** A stored note read back (an ingest draft kept across restarts): a known key with exactly its variables. */
export function isIngestText(value: unknown): value is IngestText {
  if (value === null || typeof value !== "object") return false;
  const { key, vars } = value as { key?: unknown; vars?: unknown };
  if (typeof key !== "string" || !Object.hasOwn(INGEST_TEXT_VARIABLES, key) || vars === null || typeof vars !== "object") return false;
  const expected = [...INGEST_TEXT_VARIABLES[key as keyof IngestTexts]].sort();
  const given = Object.entries(vars as Record<string, unknown>);
  return given.length === expected.length && given.every(([name, variable]) => expected.includes(name) && (typeof variable === "string" || typeof variable === "number"));
}
