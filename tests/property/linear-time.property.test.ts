/**
 * Every function of ingest, search and the engine that runs patterns over text takes time linear in its input,
 * whatever the input: an article is anyone's text (a forwarded post, a group message an admin
 * replies /ingest to), and one catastrophic pattern freezes the whole process. Each function is
 * timed on an input of n and of 4n characters in the same run, and the ratio is bounded: linear
 * work gives about 4, quadratic 16, exponential far more. No absolute time limit, so a slow or
 * busy machine cannot fail it; the additive constant absorbs timer noise on inputs that take
 * under a few milliseconds. The whole answer path (engine and both renderers) is among the subjects:
 * it is where a hostile question would freeze the bot.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, parseArticle, readDateline } from "../../src/ingest/article.js";
import { exactDates } from "../../src/ingest/dates.js";
import { draftFromArticle, keywordsOf, titleFrom } from "../../src/ingest/draft.js";
import { fillerReason } from "../../src/ingest/filler.js";
import { buildPartnerMatcher, suggestPartners } from "../../src/ingest/partners.js";
import { findPeople } from "../../src/ingest/people.js";
import { quotePieces, quotedSpeech } from "../../src/ingest/quotes.js";
import { splitSentences } from "../../src/ingest/sentences.js";
import { words } from "../../src/ingest/text.js";
import { findTopics } from "../../src/ingest/topics.js";
import { readFollowUp } from "../../src/engine/follow-up.js";
import { readListQuery } from "../../src/engine/lists.js";
import { smallTalkOf, withoutGreeting } from "../../src/engine/small-talk.js";
import { CARD_ANSWER_TYPES, answerTypeOf, cardAnswers } from "../../src/search/answer-type.js";
import { officeAsked, statesOffice } from "../../src/search/office.js";
import { wordTermsOf } from "../../src/search/phrases.js";
import { buildAnalyzer } from "../../src/search/analyzer.js";
import { tokenize } from "../../src/search/normalize.js";
import { renderPlainAnswer } from "../../src/answer/render-text.js";
import { renderTelegramAnswer } from "../../src/answer/render-telegram.js";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { PARTNERS } from "../ingest/fixtures/partners.js";

/** Inputs grow from this length until one takes long enough to time (MEASURABLE_MS)… */
const FIRST_LENGTH = 256;
/** …but not past this one; a subject may set a lower cap (an article's fourfold stays under 100 KB). */
const LAST_LENGTH = 16_384;
const MEASURABLE_MS = 3;
const RUNS = 3;
/** Linear work gives a ratio of about 4 (more with the garbage collector), quadratic 16; the constant absorbs timer noise. */
const RATIO = 12;
const NOISE_MS = 3;
const ATTEMPTS = 3;

/** The shapes that made the patterns backtrack, as units repeated to the wanted length. */
const ADVERSARIAL_UNITS = [
  "АА-БЗ-", // a hyphen chain of capital groups (the dateline's exponential case)
  ". -", // the sentence splitter's dash look-ahead
  "Сергей Иванов ", // a long capitalised run
  "торгово-", // a long hyphenated word
  " ", // runs of spaces and of punctuation
  ".",
  "3 декабря ", // many mentions: dates, verbs of saying, quotes
  "сказал ",
  "«Да», — ",
];

/** fast-check adds units of its own, made of the same atoms. */
const ATOMS = ["А", "Б", "а", "-", " ", ".", ",", "!", "?", "…", "«", "»", "—", "–", "/", ":", "1", "\n", "Ханой", "ТАСС", "г.", "сказал", "Иван"];
const unit = fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 6 }).map((atoms) => atoms.join(""));

const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
if (!loaded.ok) throw new Error("the project knowledge must load");
const snapshot = buildSnapshot(loaded.knowledge);

const OFFICE_ASKED = officeAsked("кто мэр Ханоя")!;
const analyzer = buildAnalyzer(PARTNERS, [["МЭШ", "Московская электронная школа"]]);
const partnerMatcher = buildPartnerMatcher(PARTNERS);

interface Subject {
  run: (text: string) => unknown;
  maxLength?: number;
}

const ARTICLE_LENGTH = 12_000;
const asArticle = (text: string): string => `title: Заголовок\npublisher: ТАСС\npublished: 2025-12-03\n\n${text}`;

/** Each function under test, fed the repeated text in the place it would meet it. */
const SUBJECTS: Record<string, Subject> = {
  readDateline: { run: (text) => readDateline(`${text} ${"а".repeat(70)}.`) },
  cleanText: { run: (text) => cleanText(text) },
  parseArticle: { run: (text) => parseArticle(text) },
  splitSentences: { run: (text) => splitSentences(text) },
  words: { run: (text) => words(text) },
  findPeople: { run: (text) => findPeople(text) },
  exactDates: { run: (text) => exactDates(text, "2025-12-03") },
  quotedSpeech: { run: (text) => quotedSpeech(`«${text}», — ${text}`) },
  quotePieces: {
    run: (text) => {
      const speech = quotedSpeech(`«Первое. ${text}», — сказал он${text}`);
      return speech && quotePieces(speech);
    },
  },
  keywordsOf: { run: (text) => keywordsOf(text) },
  titleFrom: { run: (text) => titleFrom(`${text} завершил предложение.`) },
  fillerReason: { run: (text) => fillerReason(text) },
  findTopics: { run: (text) => findTopics(text) },
  suggestPartners: { run: (text) => suggestPartners([text], partnerMatcher) },
  draftFromArticle: { run: (text) => draftFromArticle(asArticle(text), { partners: PARTNERS }), maxLength: ARTICLE_LENGTH },
  draftWithDateline: { run: (text) => draftFromArticle(`${text} ${"а".repeat(70)}.`, { partners: PARTNERS }), maxLength: ARTICLE_LENGTH },
  tokenize: { run: (text) => tokenize(text) },
  analyzeQuestion: { run: (text) => analyzer.analyzeQuestion(text) },
  indexTerms: { run: (text) => analyzer.indexTerms(text) },
  answerTypeOf: { run: (text) => answerTypeOf(text) },
  cardAnswers: { run: (text) => CARD_ANSWER_TYPES.map((type) => cardAnswers({ id: "c", text, text_en: text, people: ["Сергей Иванов"] }, type)) },
  statesOffice: { run: (text) => statesOffice({ id: "c", text, text_en: text, people: ["Сергей Иванов"] }, OFFICE_ASKED, ["иван"]) },
  wordTermsOf: { run: (text) => wordTermsOf(text, (word) => analyzer.indexTerms(word)) },
  readListQuery: { run: (text) => readListQuery(text, analyzer, PARTNERS) },
  readFollowUp: { run: (text) => readFollowUp(`а ${text}`, text, analyzer) },
  smallTalkOf: { run: (text) => [smallTalkOf(text), withoutGreeting(`привет ${text}`)] },
  // A question is one Telegram message (4,096 characters); the fourfold input goes past that on purpose.
  answer: {
    run: (text) => {
      const answer = snapshot.answer(text);
      return [renderTelegramAnswer(answer, { offset: 0, pageSize: 3, partnerNames: ["Ханой", "Минск"] }), renderPlainAnswer(answer)];
    },
    maxLength: 4096,
  },
};

function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** CPU time in ms, not wall time: while other test files and processes share the cores, a run preempted by them does not count. */
function elapsed(run: () => unknown): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** Median of RUNS timings. */
function medianTime(run: (text: string) => unknown, text: string): number {
  return median(Array.from({ length: RUNS }, () => elapsed(() => run(text))));
}

/**
 * The median times for n and 4n, n being the first length (doubling) at which the subject takes
 * long enough to time. A quadratic function reaches it sooner, and then shows its 16.
 */
function times({ run, maxLength = LAST_LENGTH }: Subject, piece: string): { length: number; small: number; large: number } {
  let length = FIRST_LENGTH;
  run(repeatTo(piece, length)); // warms up the JIT on this shape
  let small = medianTime(run, repeatTo(piece, length));
  while (small < MEASURABLE_MS && length * 2 <= maxLength) {
    length *= 2;
    small = medianTime(run, repeatTo(piece, length));
  }
  return { length, small, large: medianTime(run, repeatTo(piece, 4 * length)) };
}

const linear = ({ small, large }: { small: number; large: number }): boolean => large < RATIO * small + NOISE_MS;

describe("ingest and search run in time linear in their input", () => {
  for (const [name, subject] of Object.entries(SUBJECTS)) {
    it(name, () => {
      fc.assert(
        fc.property(unit, (piece) => {
          // Measured up to ATTEMPTS times before failing: a pause (GC, a busy machine) can hit one
          // measurement, while superlinear work shows in every one.
          let measured = times(subject, piece);
          for (let attempt = 1; attempt < ATTEMPTS && !linear(measured); attempt++) measured = times(subject, piece);
          const { length, small, large } = measured;
          expect(large, `${JSON.stringify(piece)}: ${small.toFixed(2)} ms for ${length} characters, ${large.toFixed(2)} ms for ${4 * length}`).toBeLessThan(RATIO * small + NOISE_MS);
        }),
        // numRuns counts the examples too: every adversarial unit, then one of fast-check's own.
        { numRuns: ADVERSARIAL_UNITS.length + 1, examples: ADVERSARIAL_UNITS.map((piece) => [piece]) },
      );
    });
  }
});
