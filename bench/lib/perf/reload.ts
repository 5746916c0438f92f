/**
 * The store on a folder on disk: loading it, reloads alone after typical edits, and reloads back
 * to back while questions keep arriving, with every answer checked against the one before.
 */
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Answer } from "../../../src/answer/types.js";
import { openKnowledgeStore } from "../../../src/engine/store.js";
import type { KnowledgeStore } from "../../../src/engine/store.js";
import { loadKnowledge, readKnowledgeFiles } from "../../../src/knowledge/load.js";
import { parseKnowledge } from "../../../src/knowledge/parse.js";
import { fullGc, memoryAfterGc, percentile, round, timedAsync } from "../measure.js";
import type { BenchQuestion } from "../synthetic.js";
import type { ReloadReport } from "./types.js";

/** loadKnowledge from the folder, timed. */
export async function timeLoad(dir: string): Promise<number> {
  const fromDisk = await timedAsync(() => loadKnowledge(dir));
  if (!fromDisk.value.ok) throw new Error("the folder written to disk does not load");
  return fromDisk.ms;
}

/** One reload's time; the result (which holds a snapshot) is not kept. */
async function reloadTime(store: KnowledgeStore): Promise<number> {
  const result = await store.reload();
  if (!result.ok) throw new Error("reloading the folder written to disk failed");
  return result.tookMs;
}

/** An editor's usual change: one card of one source file reworded. */
async function editOneCard(dir: string): Promise<void> {
  const file = path.join(dir, "sources", (await readdir(path.join(dir, "sources"))).sort()[0]!);
  const source = JSON.parse(await readFile(file, "utf8")) as { facts: Array<{ text: string }> };
  source.facts[0]!.text += " Уточнение редактора.";
  await writeFile(file, JSON.stringify(source, null, 2));
}

/** A change to partners.json: every card's terms may depend on it, so every card is analysed again. */
async function addPartnerAlias(dir: string): Promise<void> {
  const file = path.join(dir, "partners.json");
  const partners = JSON.parse(await readFile(file, "utf8")) as Array<{ aliases?: string[] }>;
  partners[0]!.aliases = [...(partners[0]!.aliases ?? []), "Синтетград"];
  await writeFile(file, JSON.stringify(partners, null, 2));
}

/**
 * The store on a folder on disk: three reloads with nothing else running (the folder unchanged,
 * one card edited, a partner's alias added), then `reloads` back to back while questions arrive
 * at a steady rate. Those all read the same folder, so every answer must be the one given before
 * them (same answered flag, same first card); anything else, or a throw, is a failed answer. No
 * new reload starts once the reloads have run `capMs`.
 */
export async function reloadUnderLoad(dir: string, questions: BenchQuestion[], reloads: number, rate: number, capMs: number, log: (line: string) => void): Promise<ReloadReport> {
  const phases: Array<{ read: number; validate: number }> = [];
  const opened = await openKnowledgeStore(dir, async () => {
    const started = performance.now();
    const files = await readKnowledgeFiles(dir);
    const read = performance.now();
    const result = parseKnowledge(files);
    phases.push({ read: read - started, validate: performance.now() - read });
    return result;
  });
  if (!opened.ok) throw new Error("the folder written to disk does not open");
  const { store } = opened;
  const started = performance.now();

  fullGc();
  const unchangedMs = await reloadTime(store);
  await editOneCard(dir);
  phases.length = 0;
  fullGc();
  const idleMs = await reloadTime(store);
  const idlePhase = phases[0] ?? { read: 0, validate: 0 };
  await addPartnerAlias(dir);
  fullGc();
  const reanalysedMs = await reloadTime(store);
  const firstVersion = store.current().version;

  const probe = questions.slice(0, 300);
  const keyOf = (answer: Answer): string => `${answer.answered}:${answer.facts[0]?.card.id ?? "-"}`;
  const expected = probe.map((question) => keyOf(store.current().answer(question.q)));

  const service: number[] = [];
  const response: number[] = [];
  let failed = 0;
  let stop = false;
  const interval = 1000 / rate;
  const start = performance.now();
  let asked = 0;
  const flow = new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (start + asked * interval <= now) {
        const due = start + asked * interval;
        const index = asked % probe.length;
        asked++;
        try {
          const began = performance.now();
          const answer = store.current().answer(probe[index]!.q);
          const done = performance.now();
          service.push(done - began);
          response.push(done - due);
          if (keyOf(answer) !== expected[index]) failed++;
        } catch {
          failed++;
        }
      }
      if (stop) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });

  const took: number[] = [];
  let failedReloads = 0;
  for (let i = 0; i < reloads; i++) {
    if (i > 0 && performance.now() - started > capMs) {
      log(`  reloads stopped after ${i} of ${reloads}: over the run's cap of ${Math.round(capMs / 1000)} s`);
      break;
    }
    const result = await store.reload();
    took.push(result.tookMs);
    if (!result.ok) failedReloads++;
  }
  // Let the questions that queued behind the last reload through.
  await new Promise((resolve) => setTimeout(resolve, 50));
  stop = true;
  await flow;
  if (store.current().version !== firstVersion + took.length - failedReloads) failedReloads = took.length;

  const memory = memoryAfterGc();
  return {
    cards: store.current().knowledge.cards.length,
    reload_ms: round(idleMs, 1),
    unchanged_reload_ms: round(unchangedMs, 1),
    reanalysed_reload_ms: round(reanalysedMs, 1),
    read_ms: round(idlePhase.read, 1),
    validate_ms: round(idlePhase.validate, 1),
    build_swap_ms: round(idleMs - idlePhase.read - idlePhase.validate, 1),
    reloads,
    reloads_run: took.length,
    question_rate: rate,
    loaded_reload_ms_median: round(percentile(took, 0.5), 1),
    loaded_reload_ms_max: round(Math.max(...took), 1),
    failed_reloads: failedReloads,
    questions: service.length,
    failed_answers: failed,
    answer_p50_ms: round(percentile(service, 0.5)),
    answer_p99_ms: round(percentile(service, 0.99)),
    response_p50_ms: round(percentile(response, 0.5), 1),
    response_p99_ms: round(percentile(response, 0.99), 1),
    ...memory,
  };
}
