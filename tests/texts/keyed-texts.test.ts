import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/i18n.js";
import { renderText } from "../../src/i18n/texts.js";
import { INGEST_TEXT_VARIABLES, ingestText, isIngestText } from "../../src/ingest/texts.js";
import { KNOWLEDGE_TEXT_VARIABLES, knowledgeText } from "../../src/knowledge/texts.js";
import { messagesOf, variablesOf } from "./fluent-files.js";

/** Every keyed family: knowledge problems and warnings, ingest notes. */
const FAMILIES: Record<string, Record<string, readonly string[]>> = { knowledge: KNOWLEDGE_TEXT_VARIABLES, ingest: INGEST_TEXT_VARIABLES };

describe("keyed texts (knowledge problems, warnings, ingest notes)", () => {
  it("each key is a message of both Fluent files, using exactly the variables the code gives it", () => {
    for (const locale of ["ru", "en"] as const) {
      const messages = messagesOf(locale);
      for (const [family, table] of Object.entries(FAMILIES)) {
        for (const [key, names] of Object.entries(table)) {
          expect(messages.has(key), `${locale}: ${family} ${key}`).toBe(true);
          expect([...variablesOf(messages, key)].sort(), `${locale}: ${key}`).toEqual([...names].sort());
        }
      }
    }
  });

  it("the Fluent files hold no such message the code cannot make", () => {
    const keys = new Set(Object.values(FAMILIES).flatMap((table) => Object.keys(table)));
    for (const locale of ["ru", "en"] as const) {
      const orphans = [...messagesOf(locale).keys()].filter((id) => /^(knowledge-|ingest-note-|ingest-dropped-)/.test(id) && !keys.has(id));
      expect(orphans, locale).toEqual([]);
    }
  });

  it("renders in either language, a text inside a text included", () => {
    const note = ingestText("ingest-note-invalid-draft", { place: "sources/x.json: facts[0].text", problem: knowledgeText("knowledge-too-long", { max: 1000 }) });
    expect(renderText(note, translator("en"))).toBe("the draft does not validate (a bug in ingest): sources/x.json: facts[0].text: must be at most 1,000 characters");
    expect(renderText(note, translator("ru"))).toMatch(/^черновик не проходит проверку \(ошибка в ingest\): sources\/x\.json: facts\[0\]\.text: должно быть не длиннее 1\s000 символов$/);
    expect(renderText(ingestText("ingest-note-value-cut", { field: "publisher", max: 21 }), translator("ru"))).toBe("имя издателя было длиннее 21 символа и обрезано: проверьте");
  });

  it("a stored note is read back only with a known key and exactly its variables", () => {
    expect(isIngestText(ingestText("ingest-note-publisher-from-url", { publisher: "ТАСС" }))).toBe(true);
    expect(isIngestText(ingestText("ingest-note-no-partner"))).toBe(true);
    expect(isIngestText("the publisher was read from the URL")).toBe(false);
    expect(isIngestText({ key: "ingest-note-no-such", vars: {} })).toBe(false);
    expect(isIngestText({ key: "ingest-note-publisher-from-url", vars: {} })).toBe(false);
    expect(isIngestText({ key: "ingest-note-publisher-from-url", vars: { publisher: "ТАСС", extra: 1 } })).toBe(false);
    expect(isIngestText({ key: "toString", vars: {} })).toBe(false);
  });
});
