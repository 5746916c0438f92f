import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { citationOf } from "../../src/answer/citation.js";
import { escapeHtml } from "../../src/answer/html.js";
import { renderPlainAnswer } from "../../src/answer/render-text.js";
import { TELEGRAM_TEXT_LIMIT, renderFactHtml, renderTelegramAnswer } from "../../src/answer/render-telegram.js";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import type { Snapshot } from "../../src/engine/types.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { checkTelegramHtml } from "../support/telegram-html.js";

let snapshot: Snapshot;
beforeAll(async () => {
  const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
  if (!loaded.ok) throw new Error("the project knowledge must load");
  snapshot = buildSnapshot(loaded.knowledge);
});

const PIECES = [
  "Москва", "Ханоя", "Минском", "меморандум", "Cheremin", "МЭШ", "торгово-расчетная", "что", "кто", "the", "и", "?", "!!!", "…",
  "😀", "👨‍👩‍👧", "🇷🇺", "\u200B", "\u200D", "\uFEFF", "\u202E", "\u2066", "مرحبا", "שלום", "\u0301", "й", "e\u0301", "\u0000", "\u0007", "\u001B[31m",
  "\uD800", "\uDFFF", "<b>", "</b>", "<script>alert(1)</script>", "&amp;", "&", "<", ">", '"', "'", "*bold*", "_it_", "`code`", "[link](http://x)",
  "<a href=\"javascript:alert(1)\">", "12345", "2025-12-03", "3,14", "Ханoй", "ХАНОЙ", "ha noi", "ab-cd-ef", "--", "—", "\n", "\t", " ",
];

/** Questions as people and attackers type them: pieces of real vocabulary and of everything that breaks parsers. */
const hostileText = fc.oneof(
  // The separator is an arbitrary too, so it follows the run's seed and shrinks with the rest.
  { weight: 4, arbitrary: fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.constantFrom("", " ")).map(([parts, separator]) => parts.join(separator)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("а", "Ханой ", "?", "😀", "&", "\u0301", "9"), fc.integer({ min: 1000, max: 10_000 })).map(([char, count]) => char.repeat(count).slice(0, 4096)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("что", "кто", "и", "в", "the", "what", "ли"), { minLength: 1, maxLength: 30 }).map((words) => words.join(" ")) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."!?.,;:-—()[]{}«»\"'/\\|@#$%^&*+=~`"), maxLength: 200 }) },
);

describe("hostile and odd input", () => {
  // No timing here: a wall-clock limit on a shared, busy machine fails without a defect. That an
  // input cannot make the answer path slow (a backtracking pattern, quadratic work) is checked in
  // linear-time.property.test.ts, which compares the CPU time of n and 4n characters of the same
  // shape ("answer" and "render" there); here every input must get a well-formed answer.
  it("never breaks the engine or the renderers, and every rendered fact carries its citation", () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 0, max: 60 }), (question, offset) => {
        const answer = snapshot.answer(question);
        const page = renderTelegramAnswer(answer, { offset, pageSize: 3, partnerNames: ["Ханой", "Минск"] });
        expect(renderPlainAnswer(answer).trim().length).toBeGreaterThan(0);

        const checked = checkTelegramHtml(page.html);
        expect(checked.ok, checked.ok ? "" : `${checked.error} in ${JSON.stringify(page.html.slice(0, 200))}`).toBe(true);
        if (!checked.ok) return;
        expect(checked.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
        expect(checked.text.trim().length).toBeGreaterThan(0);
        if (answer.answered) {
          const shown = answer.facts.slice(page.offset, page.offset + page.shown);
          // Each fact cites its source as the reader's language has it; a status note cites one more.
          for (const fact of shown) expect(page.html).toContain(escapeHtml(citationOf(fact.source, answer.lang).publisher));
          // One citation per source on the page (lines in a row of a list share theirs), never more.
          const sources = new Set(shown.map((fact) => fact.source.id)).size;
          // A status note cites its card's source only when no fact of the page does.
          const shownSources = new Set(shown.map((fact) => fact.source.id));
          const statusCitations = (answer.statuses ?? []).filter((status) => !shownSources.has(status.fact.source.id)).length;
          const citations = (page.html.match(/<i>[^<]*, (\d{1,2} )?[^<]+ \d{4} — /g) ?? []).length - statusCitations;
          expect(citations).toBeGreaterThanOrEqual(sources);
          expect(citations).toBeLessThanOrEqual(page.shown);
        } else {
          expect(answer.facts).toEqual([]);
          expect(answer.suggestions.length).toBeGreaterThan(0);
        }
        for (const fact of answer.facts.slice(0, 3)) expect(checkTelegramHtml(renderFactHtml(fact, answer.lang)).ok).toBe(true);
      }),
      { numRuns: 600, seed: 20251203 },
    );
  });

  it("answers the same question the same way every time", () => {
    fc.assert(
      fc.property(hostileText, (question) => {
        const first = snapshot.answer(question);
        const second = snapshot.answer(question);
        expect(second.facts.map((fact) => fact.card.id)).toEqual(first.facts.map((fact) => fact.card.id));
        expect(second.answered).toBe(first.answered);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
