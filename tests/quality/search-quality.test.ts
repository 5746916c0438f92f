import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

interface InScope {
  q: string;
  lang: "ru" | "en";
  kind: string;
  expect: string[];
}
interface QuestionSet {
  in_scope: InScope[];
  out_of_scope: Array<{ q: string; lang: "ru" | "en" }>;
}

const questions = JSON.parse(readFileSync(new URL("./questions.json", import.meta.url), "utf8")) as QuestionSet;

describe("search quality on the project's question set", async () => {
  const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
  if (!loaded.ok) throw new Error(`knowledge does not load: ${loaded.problems.length} problems`);
  const snapshot = buildSnapshot(loaded.knowledge);

  // The regression set: written while looking at the first 94 cards. The knowledge has since grown
  // to over 300 cards, so more cards compete for each of its questions; the engine at the start of
  // that growth scored 0.887 / 0.986 / 0.871 on it against today's knowledge (docs/benchmarks.md).
  it("ranks the right card first for ≥ 85 % and in the top 3 for ≥ 97 % of in-scope questions", () => {
    let hit1 = 0;
    let hit3 = 0;
    const misses: string[] = [];
    for (const question of questions.in_scope) {
      const answer = snapshot.answer(question.q, { limit: 10 });
      const ids = answer.facts.map((fact) => fact.card.id);
      const rank = ids.findIndex((id) => question.expect.includes(id));
      if (rank === 0) hit1++;
      if (rank >= 0 && rank < 3) hit3++;
      if (rank !== 0) misses.push(`${rank < 0 ? "miss" : `rank ${rank + 1}`} [${question.kind}] ${question.q} → ${ids.slice(0, 3).join(", ") || (answer.answered ? "(nothing)" : "(not answered)")} (want ${question.expect.join(" | ")})`);
    }
    const total = questions.in_scope.length;
    console.log(`in scope: ${total}, Hit@1 ${(hit1 / total).toFixed(3)}, Hit@3 ${(hit3 / total).toFixed(3)}\n${misses.join("\n")}`);
    expect(total).toBeGreaterThanOrEqual(120);
    expect(hit1 / total).toBeGreaterThanOrEqual(0.9);
    expect(hit3 / total).toBeGreaterThanOrEqual(0.97);
  });

  it("leaves ≥ 87 % of out-of-scope questions unanswered, with suggestions", () => {
    const wronglyAnswered = questions.out_of_scope.filter((question) => snapshot.answer(question.q).answered);
    const total = questions.out_of_scope.length;
    const share = 1 - wronglyAnswered.length / total;
    console.log(`out of scope: ${total}, correctly unanswered ${share.toFixed(3)}\n${wronglyAnswered.map((question) => `answered: ${question.q}`).join("\n")}`);
    expect(total).toBeGreaterThanOrEqual(25);
    expect(share).toBeGreaterThanOrEqual(0.87);
    for (const question of questions.out_of_scope) {
      const answer = snapshot.answer(question.q);
      if (!answer.answered) expect(answer.suggestions.length).toBeGreaterThan(0);
    }
  });
});
