import type { KeyedText, TextVariableNames } from "../i18n/texts.js";

type None = Record<string, never>;

/**
 * What can be wrong with a knowledge folder, or worth an editor's look in it, as Fluent keys with
 * their variables (the words are in locales/*.ftl, section "Knowledge problems and warnings").
 * File names, JSON paths, ids and values are data and go in as they are.
 */
export type KnowledgeTexts = {
  // Reading the folder
  "knowledge-file-missing": None;
  "knowledge-folder-unreadable": { code: string };
  "knowledge-too-many-sources": { count: number; max: number };
  "knowledge-symlink": None;
  "knowledge-not-a-file": None;
  "knowledge-file-too-big": { size: number; sizeUnit: ByteUnit; max: number; maxUnit: ByteUnit };
  "knowledge-unreadable": { code: string };
  "knowledge-no-sources": None;
  "knowledge-no-revision": None;
  // JSON and the format (zod)
  "knowledge-json-syntax": { line: string; column: string; reason: string };
  "knowledge-json-end": { line: string; column: string };
  "knowledge-unknown-field": { field: string };
  "knowledge-required": None;
  "knowledge-wrong-type": { expected: string; got: ValueKind; value: string };
  "knowledge-too-long": { max: number };
  "knowledge-too-many-questions": { max: number };
  "knowledge-id-format": None;
  "knowledge-real-date": None;
  "knowledge-fact-date": None;
  "knowledge-http-url": None;
  "knowledge-not-empty": None;
  "knowledge-no-cards": None;
  "knowledge-synonym-group": None;
  /** A zod issue without a text of its own here: zod's message (library output, like an error code). */
  "knowledge-invalid": { detail: string };
  // Across files
  "knowledge-unknown-partner": { partner: string; known: string };
  "knowledge-id-not-file-name": { id: string; expected: string };
  "knowledge-duplicate-fact": { id: string; earlier: string };
  "knowledge-duplicate-id": { id: string; earlier: string };
  "knowledge-status-no-card": { card: string };
  "knowledge-status-card-not-partner": { card: string; partner: string };
  // Publishing a source
  "knowledge-already-published": None;
  "knowledge-published-meanwhile": None;
  // Warnings: the folder is served all the same
  "knowledge-warning-no-url": None;
  "knowledge-warning-no-english": None;
  "knowledge-warning-unlisted-partner": { count: number; names: string; ids: string };
  "knowledge-warning-date-year": { date: string; field: string; year: string };
  "knowledge-warning-date-days": { date: string; field: string; days: string };
  "knowledge-warning-near-duplicate": { id: string; place: string; percent: number };
};

export type ByteUnit = "KB" | "MB";
/** What a wrongly typed value is, for "must be a string, got number 5". */
export type ValueKind = "missing" | "null" | "array" | "object" | "string" | "number" | "boolean" | "other";

export type KnowledgeText = KeyedText<KnowledgeTexts>;

export const KNOWLEDGE_TEXT_VARIABLES: TextVariableNames<KnowledgeTexts> = {
  "knowledge-file-missing": [],
  "knowledge-folder-unreadable": ["code"],
  "knowledge-too-many-sources": ["count", "max"],
  "knowledge-symlink": [],
  "knowledge-not-a-file": [],
  "knowledge-file-too-big": ["size", "sizeUnit", "max", "maxUnit"],
  "knowledge-unreadable": ["code"],
  "knowledge-no-sources": [],
  "knowledge-no-revision": [],
  "knowledge-json-syntax": ["line", "column", "reason"],
  "knowledge-json-end": ["line", "column"],
  "knowledge-unknown-field": ["field"],
  "knowledge-required": [],
  "knowledge-wrong-type": ["expected", "got", "value"],
  "knowledge-too-long": ["max"],
  "knowledge-too-many-questions": ["max"],
  "knowledge-id-format": [],
  "knowledge-real-date": [],
  "knowledge-fact-date": [],
  "knowledge-http-url": [],
  "knowledge-not-empty": [],
  "knowledge-no-cards": [],
  "knowledge-synonym-group": [],
  "knowledge-invalid": ["detail"],
  "knowledge-unknown-partner": ["partner", "known"],
  "knowledge-id-not-file-name": ["id", "expected"],
  "knowledge-duplicate-fact": ["id", "earlier"],
  "knowledge-duplicate-id": ["id", "earlier"],
  "knowledge-status-no-card": ["card"],
  "knowledge-status-card-not-partner": ["card", "partner"],
  "knowledge-already-published": [],
  "knowledge-published-meanwhile": [],
  "knowledge-warning-no-url": [],
  "knowledge-warning-no-english": [],
  "knowledge-warning-unlisted-partner": ["count", "names", "ids"],
  "knowledge-warning-date-year": ["date", "field", "year"],
  "knowledge-warning-date-days": ["date", "field", "days"],
  "knowledge-warning-near-duplicate": ["id", "place", "percent"],
};

/**
 * The format's own rules, named by key in schema.ts's zod messages and read back from the issues in
 * problems.ts. Those without variables are SCHEMA_RULES; a counted one takes its count from the issue.
 */
export const SCHEMA_RULES = ["knowledge-id-format", "knowledge-real-date", "knowledge-fact-date", "knowledge-http-url", "knowledge-not-empty", "knowledge-no-cards", "knowledge-synonym-group"] as const satisfies ReadonlyArray<keyof KnowledgeTexts>;
export type SchemaRule = (typeof SCHEMA_RULES)[number];
export type CountedSchemaRule = "knowledge-too-many-questions";

/** A zod check's options naming a rule: `.min(1, rule("knowledge-not-empty"))`. */
export function rule<K extends SchemaRule | CountedSchemaRule>(key: K): { message: K } {
  return { message: key };
}

/** `knowledgeText("knowledge-file-missing")`, `knowledgeText("knowledge-too-long", { max })`: the variables are checked against the key. */
export function knowledgeText<K extends keyof KnowledgeTexts>(key: K, ...vars: KnowledgeTexts[K] extends None ? [] : [KnowledgeTexts[K]]): KnowledgeText {
  return { key, vars: vars[0] ?? {} } as KnowledgeText;
}
