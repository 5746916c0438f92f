import { describe, expect, it } from "vitest";
import { readBlindSet, scoreBlindSet } from "../../bench/lib/blind.js";
import type { BlindReport } from "../../bench/lib/blind.js";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

/**
 * The dev sets of the blind question set (written without seeing the cards) as regression gates:
 * the engine is tuned on them, so their floors are what the engine reaches on them now, a little
 * below. The test split is reported by `npm run bench:quality`, never asserted here.
 */
const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
if (!loaded.ok) throw new Error(`knowledge does not load: ${loaded.problems.length} problems`);
const snapshot = buildSnapshot(loaded.knowledge);
const reportOf = async (file: string): Promise<BlindReport> => scoreBlindSet(snapshot, await readBlindSet(new URL(file, import.meta.url).pathname));

describe("search quality on the blind dev split", async () => {
  const report = await reportOf("./blind-dev.json");
  console.log(`blind dev: ${JSON.stringify({ ...report, misses: report.misses.length })}\n${report.misses.join("\n")}`);

  it("ranks the right card first and in the top 3 for answerable questions, and refuses few of them", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(150);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.86);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.95);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.02);
  });

  it("answers follow-ups in the context of the question before", () => {
    expect(report.follow_ups.questions).toBeGreaterThanOrEqual(20);
    expect(report.follow_ups.hit1).toBeGreaterThanOrEqual(0.75);
    expect(report.follow_ups.hit3).toBeGreaterThanOrEqual(0.95);
  });

  it("answers list, count and year questions with the list asked for", () => {
    expect(report.lists.questions).toBeGreaterThanOrEqual(20);
    expect(report.lists.right).toBeGreaterThanOrEqual(0.95);
  });

  it("refuses out-of-scope near misses at least as often as now", () => {
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(50);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.88);
  });
});

/** The second dev set (written later, the same way): tuned on like dev, so gated like it. */
describe("search quality on the second blind dev set", async () => {
  const report = await reportOf("./blind-dev2.json");

  it("ranks, refuses and lists at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(100);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.87);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.95);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.03);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.93);
    expect(report.lists.right).toBeGreaterThanOrEqual(0.8);
  });
});

/** The third dev set (follow-ups, lists and English, written the same way): gated like the others. */
describe("search quality on the third blind dev set", async () => {
  const report = await reportOf("./blind-dev3.json");

  it("ranks, follows up and lists at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(70);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.9);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.95);
    expect(report.follow_ups.hit1).toBeGreaterThanOrEqual(0.88);
    expect(report.follow_ups.hit3).toBeGreaterThanOrEqual(0.9);
    expect(report.lists.right).toBeGreaterThanOrEqual(0.9);
  });
});

/** The fourth dev set (mostly English, 40 out-of-scope near misses, written the same way): gated like the others. */
describe("search quality on the fourth blind dev set", async () => {
  const report = await reportOf("./blind-dev4.json");

  it("ranks and refuses at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(55);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.87);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.93);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.04);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(35);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.95);
  });
});

/** The fifth dev set (80 out-of-scope questions of four kinds, written the same way): gated like the others. */
describe("search quality on the fifth blind dev set", async () => {
  const report = await reportOf("./blind-dev5.json");

  it("refuses out-of-scope questions at least as often as now, a little below", () => {
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(75);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.88);
  });
});

/** The sixth dev set (50 first questions, 25 follow-ups, 45 out-of-scope near misses, written the same way): gated like the others. */
describe("search quality on the sixth blind dev set", async () => {
  const report = await reportOf("./blind-dev6.json");

  it("ranks, follows up and refuses at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(70);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.8);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.92);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.03);
    expect(report.follow_ups.hit3).toBeGreaterThanOrEqual(0.84);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(40);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.8);
  });
});

/** The seventh dev set (55 first questions, 25 follow-ups, 50 out-of-scope near misses, written the same way): gated like the others. */
describe("search quality on the seventh blind dev set", async () => {
  const report = await reportOf("./blind-dev7.json");

  it("ranks, follows up and refuses at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(75);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.86);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.93);
    // Three of 80 since each card carries more of its readers' wording (one long question now refused).
    expect(report.answerable.refused).toBeLessThanOrEqual(0.04);
    expect(report.follow_ups.hit1).toBeGreaterThanOrEqual(0.76);
    expect(report.follow_ups.hit3).toBeGreaterThanOrEqual(0.92);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(45);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.82);
  });
});

/** The eighth dev set (120 English questions: 60 first, 20 follow-ups, 40 out-of-scope near misses, written the same way): gated like the others. */
describe("search quality on the eighth blind dev set", async () => {
  const report = await reportOf("./blind-dev8.json");

  it("ranks, follows up and refuses English questions at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(75);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.75);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.87);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.05);
    expect(report.follow_ups.hit3).toBeGreaterThanOrEqual(0.7);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(35);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.8);
  });
});

/** The ninth dev set (130 questions on the seeds and the nine first sources, the test split's weakest part: 60 first, 25 follow-ups, 10 lists, 35 out-of-scope near misses): gated like the others. */
describe("search quality on the ninth blind dev set", async () => {
  const report = await reportOf("./blind-dev9.json");

  it("ranks, follows up and refuses at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(80);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.78);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.86);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.07);
    expect(report.follow_ups.hit1).toBeGreaterThanOrEqual(0.68);
    expect(report.lists.right).toBeGreaterThanOrEqual(0.7);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(30);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.68);
  });
});

/** The tenth dev set (50 chats of three: a first question, then two follow-ups; 15 end out of scope): gated like the others. */
describe("search quality on the tenth blind dev set", async () => {
  const report = await reportOf("./blind-dev10.json");

  it("answers chats of three at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(120);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.6);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.74);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.11);
    expect(report.follow_ups.questions).toBeGreaterThanOrEqual(80);
    expect(report.follow_ups.hit1).toBeGreaterThanOrEqual(0.5);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.3);
  });
});

/** The eleventh dev set (140 questions over all notes, weighted to the kinds the test split scores lowest on: other verbs, keywords, counts, years): gated like the others. */
describe("search quality on the eleventh blind dev set", async () => {
  const report = await reportOf("./blind-dev11.json");

  it("ranks, follows up, lists and refuses at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(90);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.63);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.8);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.1);
    expect(report.follow_ups.hit1).toBeGreaterThanOrEqual(0.65);
    expect(report.lists.right).toBeGreaterThanOrEqual(0.75);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(30);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.73);
  });
});

/** The twelfth dev set (55 English first questions, 15 English follow-ups, 60 out-of-scope near misses in both languages): gated like the others. */
describe("search quality on the twelfth blind dev set", async () => {
  const report = await reportOf("./blind-dev12.json");

  it("ranks English questions and refuses near misses at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(65);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.77);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.87);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.06);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(55);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.74);
  });
});

/**
 * The thirteenth set (200 questions in the first set's mix) served as a validation split: changes
 * were kept or dropped by its figures alone, never by reading its questions. Gated like the others.
 */
describe("search quality on the thirteenth blind dev set", async () => {
  const report = await reportOf("./blind-dev13.json");

  it("ranks, follows up, lists and refuses at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(125);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.82);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.93);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.03);
    expect(report.follow_ups.hit1).toBeGreaterThanOrEqual(0.8);
    expect(report.lists.right).toBeGreaterThanOrEqual(0.85);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(55);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.65);
  });
});

/**
 * The fourteenth set (50 chats of three, 14 ending out of scope) is a second validation split, for
 * follow-ups: kept or dropped by its figures alone, never by reading its questions. Gated like the others.
 */
describe("search quality on the fourteenth blind dev set", async () => {
  const report = await reportOf("./blind-dev14.json");

  it("answers chats of three at least as well as now, a little below", () => {
    expect(report.answerable.questions).toBeGreaterThanOrEqual(130);
    expect(report.answerable.hit1).toBeGreaterThanOrEqual(0.78);
    expect(report.answerable.hit3).toBeGreaterThanOrEqual(0.88);
    expect(report.answerable.refused).toBeLessThanOrEqual(0.05);
    expect(report.follow_ups.questions).toBeGreaterThanOrEqual(80);
    expect(report.follow_ups.hit1).toBeGreaterThanOrEqual(0.76);
    expect(report.out_of_scope.questions).toBeGreaterThanOrEqual(14);
    expect(report.out_of_scope.refused).toBeGreaterThanOrEqual(0.2);
  });
});

/**
 * The fifteenth set, on the two seeds and the first nine notes in the first writer's mix (the part
 * of the knowledge whose test questions fared worst), split once: its larger part is tuned on,
 * the sixteenth is a validation split kept or dropped by its figures alone. Gated like the others.
 */
describe("search quality on the fifteenth and sixteenth blind dev sets", async () => {
  const tuned = await reportOf("./blind-dev15.json");
  const validation = await reportOf("./blind-dev16.json");

  it("ranks, follows up and refuses at least as well as now, a little below", () => {
    expect(tuned.answerable.questions).toBeGreaterThanOrEqual(120);
    expect(tuned.answerable.hit1).toBeGreaterThanOrEqual(0.86);
    expect(tuned.answerable.hit3).toBeGreaterThanOrEqual(0.91);
    expect(tuned.answerable.refused).toBeLessThanOrEqual(0.04);
    expect(tuned.out_of_scope.questions).toBeGreaterThanOrEqual(20);
    expect(tuned.out_of_scope.refused).toBeGreaterThanOrEqual(0.9);
    expect(validation.answerable.questions).toBeGreaterThanOrEqual(80);
    expect(validation.answerable.hit1).toBeGreaterThanOrEqual(0.85);
    expect(validation.answerable.hit3).toBeGreaterThanOrEqual(0.85);
    expect(validation.answerable.refused).toBeLessThanOrEqual(0.08);
    expect(validation.out_of_scope.refused).toBeGreaterThanOrEqual(0.7);
  });
});
