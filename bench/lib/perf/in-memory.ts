/**
 * One knowledge size in memory: generate it, validate, build the snapshot and a raw MiniSearch
 * index, read the heap after each, then time the same questions through ours and raw MiniSearch,
 * and the engine's search with its posting budget against an exhaustive one.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildSnapshot } from "../../../src/engine/snapshot.js";
import { parseKnowledge } from "../../../src/knowledge/parse.js";
import type { KnowledgeBase } from "../../../src/knowledge/types.js";
import { formatProblem } from "../../../src/knowledge/types.js";
import { translator } from "../../../src/i18n/i18n.js";
import { FIRST_PASS_POSTINGS, buildSearchIndex } from "../../../src/search/search-index.js";
import { fullGc, latency, memoryAfterGc, round, timed } from "../measure.js";
import { buildRawSearch } from "../raw-minisearch.js";
import { generateKnowledge, generateQuestions } from "../synthetic.js";
import type { BenchQuestion } from "../synthetic.js";
import type { PerfOptions } from "./options.js";
import type { PostingBudgetReport, SizeReport } from "./types.js";

export async function measureInMemory(
  real: KnowledgeBase,
  outOfScope: string[],
  size: number,
  options: PerfOptions,
  seed: number,
  writeToDisk: boolean,
  log: (line: string) => void,
): Promise<{ sizeReport: SizeReport; questions: BenchQuestion[]; meanMs: number; dir?: string }> {
  log(`N = ${size}: generating`);
  let synthetic: ReturnType<typeof generateKnowledge> | undefined = generateKnowledge(real, { cards: size, seed: seed + size });
  const { partners, sources, cards, bytes } = synthetic;
  fullGc();

  log(`N = ${size}: load + validate, build`);
  const parsed = timed(() => parseKnowledge(synthetic!.files));
  if (!parsed.value.ok) throw new Error(`synthetic knowledge does not validate: ${parsed.value.problems.slice(0, 3).map((problem) => formatProblem(problem, translator("en"))).join("; ")}`);
  const knowledge = parsed.value.knowledge;
  let dir: string | undefined;
  if (writeToDisk) dir = await writeFolder(synthetic.files.texts);
  // The folder's text is garbage once validated, as in the bot: keep it out of the memory figures.
  synthetic = undefined;
  const knowledgeMemory = memoryAfterGc();

  const built = timed(() => buildSnapshot(knowledge));
  const snapshot = built.value;
  const memory = memoryAfterGc();

  log(`N = ${size}: raw MiniSearch index, ${options.questions} questions`);
  const rawBuilt = timed(() => buildRawSearch(knowledge));
  const raw = rawBuilt.value;
  const rawMemory = memoryAfterGc();
  const questions = generateQuestions(knowledge, outOfScope, options.questions, seed + size + 1);
  for (const question of generateQuestions(knowledge, outOfScope, options.warmup, seed + size + 2)) {
    snapshot.answer(question.q);
    raw.search(question.q);
  }
  fullGc();
  const ours: number[] = [];
  const answered: boolean[] = [];
  for (const question of questions) {
    const started = performance.now();
    const answer = snapshot.answer(question.q);
    ours.push(performance.now() - started);
    answered.push(answer.answered);
  }
  fullGc();
  const rawTimes: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    raw.search(question.q);
    rawTimes.push(performance.now() - started);
  }

  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
  const oursLatency = latency(ours);
  const rawLatency = latency(rawTimes);
  const byKind = {} as SizeReport["by_kind"];
  for (const kind of ["ru", "en", "typo", "out_of_scope"] as const) {
    const indexes = questions.flatMap((question, index) => (question.kind === kind ? [index] : []));
    byKind[kind] = {
      questions: indexes.length,
      answered: round(indexes.filter((index) => answered[index]).length / Math.max(1, indexes.length)),
      ours: latency(indexes.map((index) => ours[index]!)),
      raw: latency(indexes.map((index) => rawTimes[index]!)),
    };
  }

  const sizeReport: SizeReport = {
    cards,
    sources,
    partners,
    json_mb: round(bytes / 1024 / 1024, 1),
    load_validate_ms: round(parsed.ms, 1),
    build_ms: round(built.ms, 1),
    heap_knowledge_mb: knowledgeMemory.heap_mb,
    ...memory,
    raw_heap_mb: round(rawMemory.heap_mb - memory.heap_mb, 1),
    questions: questions.length,
    query_p50_ms: oursLatency.p50_ms,
    query_p95_ms: oursLatency.p95_ms,
    query_p99_ms: oursLatency.p99_ms,
    raw_p50_ms: rawLatency.p50_ms,
    raw_p95_ms: rawLatency.p95_ms,
    raw_p99_ms: rawLatency.p99_ms,
    raw_build_ms: round(rawBuilt.ms, 1),
    overhead_ratio: round(sum(ours) / sum(rawTimes), 2),
    overhead_ratio_p50: round(oursLatency.p50_ms / rawLatency.p50_ms, 2),
    answered_share: round(answered.filter(Boolean).length / answered.length),
    by_kind: byKind,
    posting_budget: measurePostingBudget(knowledge, questions, log, size),
  };

  return { sizeReport, questions, meanMs: oursLatency.mean_ms, ...(dir ? { dir } : {}) };
}

/**
 * What the posting budget buys and costs: the engine's search (the index without the snapshot's
 * highlighting) over the same questions, budgeted as the bot runs it and exhaustive, in one run.
 */
function measurePostingBudget(knowledge: KnowledgeBase, questions: BenchQuestion[], log: (line: string) => void, size: number): PostingBudgetReport {
  log(`N = ${size}: the posting budget against an exhaustive search`);
  const index = buildSearchIndex(knowledge);
  const budgeted: number[] = [];
  const exhaustive: number[] = [];
  let sameAnswered = 0;
  let sameFirst = 0;
  let sameTop3 = 0;
  const top3 = (hits: ReadonlyArray<{ card: number }>): string => hits.slice(0, 3).map((hit) => hit.card).join(" ");
  for (const question of questions) {
    let started = performance.now();
    const cut = index.search(question.q);
    budgeted.push(performance.now() - started);
    started = performance.now();
    const whole = index.search(question.q, undefined, Infinity);
    exhaustive.push(performance.now() - started);
    if (cut.answered === whole.answered) sameAnswered++;
    if (cut.hits[0]?.card === whole.hits[0]?.card) sameFirst++;
    if (top3(cut.hits) === top3(whole.hits)) sameTop3++;
  }
  return {
    budget: FIRST_PASS_POSTINGS,
    budgeted: latency(budgeted),
    exhaustive: latency(exhaustive),
    same_answered: round(sameAnswered / questions.length, 4),
    same_first_card: round(sameFirst / questions.length, 4),
    same_top3: round(sameTop3 / questions.length, 4),
  };
}

/** The generated folder on disk, for the load-from-disk and reload measurements. */
async function writeFolder(texts: Map<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-knowledge-"));
  await mkdir(path.join(dir, "sources"));
  for (const [file, text] of texts) await writeFile(path.join(dir, file), text);
  return dir;
}
