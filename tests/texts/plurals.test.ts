import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/i18n.js";
import type { Locale } from "../../src/i18n/i18n.js";
import { messagesOf } from "./fluent-files.js";

const COUNTS = [1, 2, 5, 11, 21, 94] as const;

/** Each counted noun's form after 1, 2, 5, 11, 21 and 94, as a Russian reader expects it. */
const RU_FORMS = {
  facts: ["факт", "факта", "фактов", "фактов", "факт", "факта"],
  partners: ["партнёр", "партнёра", "партнёров", "партнёров", "партнёр", "партнёра"],
  events: ["событие", "события", "событий", "событий", "событие", "события"],
  fromSources: ["источника", "источников", "источников", "источников", "источника", "источников"],
  inRegions: ["регионе", "регионах", "регионах", "регионах", "регионе", "регионах"],
  aboutPartners: ["партнёре", "партнёрах", "партнёрах", "партнёрах", "партнёре", "партнёрах"],
  cards: ["карточка", "карточки", "карточек", "карточек", "карточка", "карточки"],
  // After «у» and «из»: у 1 карточки, у 2 карточек, из 21 карточки.
  ofCards: ["карточки", "карточек", "карточек", "карточек", "карточки", "карточек"],
  questions: ["вопрос", "вопроса", "вопросов", "вопросов", "вопрос", "вопроса"],
  times: ["раз", "раза", "раз", "раз", "раз", "раза"],
  problems: ["проблема", "проблемы", "проблем", "проблем", "проблема", "проблемы"],
  warnings: ["предупреждение", "предупреждения", "предупреждений", "предупреждений", "предупреждение", "предупреждения"],
  files: ["файл", "файла", "файлов", "файлов", "файл", "файла"],
  // After «длиннее»: длиннее 1 символа, 2 символов, 21 символа.
  ofChars: ["символа", "символов", "символов", "символов", "символа", "символов"],
  // After «не больше»: 1 вопроса, 2 вопросов, 21 вопроса.
  ofQuestions: ["вопроса", "вопросов", "вопросов", "вопросов", "вопроса", "вопросов"],
} as const;
const EN_FORMS: Record<keyof typeof RU_FORMS, [string, string]> = {
  facts: ["fact", "facts"],
  partners: ["partner", "partners"],
  events: ["event", "events"],
  fromSources: ["source", "sources"],
  inRegions: ["region", "regions"],
  aboutPartners: ["partner", "partners"],
  cards: ["card", "cards"],
  ofCards: ["card", "cards"],
  questions: ["question", "questions"],
  times: ["time", "times"],
  problems: ["problem", "problems"],
  warnings: ["warning", "warnings"],
  files: ["source file", "source files"],
  ofChars: ["character", "characters"],
  ofQuestions: ["question", "questions"],
};

type Noun = keyof typeof RU_FORMS;

/**
 * Every counted message: which variable counts which noun, and the other variables it needs.
 * The last test below keeps this table complete: a new message with a plural selector must be added.
 */
const COUNTED: Record<string, { counts: Record<string, Noun>; other?: Record<string, string | number> }> = {
  "count-facts": { counts: { count: "facts" } },
  "count-partners": { counts: { count: "partners" } },
  "count-events": { counts: { count: "events" } },
  "list-partners": { counts: { count: "partners" }, other: { which: "all" } },
  "list-partners-in": { counts: { count: "partners" }, other: { which: "current", place: "Азия" } },
  "list-year": { counts: { count: "events" }, other: { year: "2025" } },
  "list-year-partner": { counts: { count: "events" }, other: { year: "2025", partner: "Минск" } },
  "list-events": { counts: { count: "events" }, other: { event: "Дни Москвы" } },
  "list-year-event": { counts: { count: "events" }, other: { year: "2018", event: "Дни Москвы" } },
  "list-years": { counts: { count: "events" }, other: { from: "1990", until: "1999" } },
  "list-years-partner": { counts: { count: "events" }, other: { from: "1990", until: "1999", partner: "Минск" } },
  "start-knowledge": { counts: { facts: "facts", sources: "fromSources", partners: "aboutPartners" }, other: { newest: "3 декабря 2025" } },
  "regions-title": { counts: { partners: "partners", regions: "inRegions" } },
  "region-button": { counts: { partners: "partners" }, other: { region: "Азия" } },
  "region-title": { counts: { partners: "partners" }, other: { region: "Азия" } },
  "partner-button": { counts: { facts: "facts" }, other: { name: "Минск" } },
  "partner-heading": { counts: { facts: "facts" }, other: { name: "Минск" } },
  "inline-overview": { counts: { facts: "facts" } },
  "console-knowledge": { counts: { facts: "facts", sources: "fromSources" }, other: { partners: "Минск" } },
  "ingest-missing-english": { counts: { count: "ofCards" }, other: { cards: "1, 3" } },
  "ingest-missing-partners": { counts: { count: "cards" }, other: { cards: "1, 3" } },
  "ingest-confirm-publish": { counts: { total: "ofCards" }, other: { missing: "…" } },
  "ingest-draft-title": { counts: { count: "cards" }, other: { id: "tass-2025-10-30-moskva-minsk" } },
  "ingest-hidden-cards": { counts: { count: "cards" } },
  "ingest-published": { counts: { count: "cards" }, other: { file: "sources/tass-2025-10-30-moskva-minsk.json" } },
  "unanswered-title": { counts: { count: "questions" } },
  "unanswered-line": { counts: { count: "times" }, other: { text: "погода в Минске", time: "2026-12-02 12:44" } },
  "unanswered-csv-caption": { counts: { count: "questions" } },
  "reload-refused": { counts: { count: "problems" }, other: { ms: "12", version: "3" } },
  "reload-warnings": { counts: { count: "warnings" } },
  "knowledge-too-many-sources": { counts: { count: "files" }, other: { max: 5000 } },
  "knowledge-too-long": { counts: { max: "ofChars" } },
  "knowledge-too-many-questions": { counts: { max: "ofQuestions" } },
  "ingest-note-url-too-long": { counts: { max: "ofChars" } },
  "ingest-note-value-cut": { counts: { max: "ofChars" }, other: { field: "title" } },
  "ingest-note-card-cut": { counts: { max: "ofChars" }, other: { card: "tass-2025-10-30-moskva-minsk-3" } },
};

function say(locale: Locale, id: string, count: number): string {
  const { counts, other } = COUNTED[id]!;
  return t(locale, id, { ...other, ...Object.fromEntries(Object.keys(counts).map((name) => [name, count])) });
}

describe("counted phrases", () => {
  for (const [id, { counts }] of Object.entries(COUNTED)) {
    it(`${id}: Russian forms for ${COUNTS.join(", ")}`, () => {
      COUNTS.forEach((count, index) => {
        const text = say("ru", id, count);
        for (const noun of Object.values(counts)) expect(text, text).toContain(`${count} ${RU_FORMS[noun][index]}`);
      });
    });
    it(`${id}: English singular for 1 only`, () => {
      for (const count of COUNTS) {
        const text = say("en", id, count);
        for (const noun of Object.values(counts)) expect(text, text).toMatch(new RegExp(`\\b${count} ${EN_FORMS[noun][count === 1 ? 0 : 1]}\\b`));
      }
    });
  }

  it("the table above lists every message that chooses a form by a count", () => {
    const counted = (node: unknown): boolean => {
      if (Array.isArray(node)) return node.some(counted);
      if (node === null || typeof node !== "object") return false;
      const record = node as Record<string, unknown>;
      const plural = record.type === "select" && Array.isArray(record.variants) && record.variants.some((variant: { key?: { type?: string; value?: unknown } }) => variant.key?.type === "str" && ["one", "few"].includes(String(variant.key.value)));
      return plural || Object.values(record).some(counted);
    };
    for (const locale of ["ru", "en"] as const) {
      const found = [...messagesOf(locale)].filter(([, message]) => counted(message)).map(([id]) => id);
      expect(found.sort(), locale).toEqual(Object.keys(COUNTED).sort());
    }
  });

  it("a thousand is written the reader's way, and a year never digit-grouped", () => {
    expect(t("ru", "count-facts", { count: 1000 })).toMatch(/^1\s000 фактов$/);
    expect(t("en", "count-facts", { count: 1000 })).toBe("1,000 facts");
    expect(t("ru", "list-year", { year: "2025", count: 3 })).toBe("2025 год: 3 события в базе знаний");
  });
});
