import { readFile } from "node:fs/promises";
import type { Answer } from "../../src/answer/types.js";
import type { Snapshot } from "../../src/engine/types.js";

/**
 * The blind question sets (tests/quality/blind-{dev,test}.json): written by people who saw only
 * the published sources, never the cards or the code, then labelled against the cards. Split once;
 * thresholds are set on dev, the figures reported are test's.
 */
export interface BlindQuestion {
  id: string;
  q: string;
  lang: "ru" | "en";
  kind: string;
  /** The question this one follows in the same chat: it is asked with that one as context. */
  after?: string;
  out_of_scope?: boolean;
  /** Cards that answer it, the most direct first. */
  expect?: string[];
  /** For list, count and year questions: the answer built from the whole knowledge. */
  aggregate?: ExpectedList;
}

export interface ExpectedList {
  type: "partners" | "documents" | "year";
  partner?: string;
  year?: number;
  region?: string;
  country?: string;
  status?: string;
}

export async function readBlindSet(file: string): Promise<BlindQuestion[]> {
  return (JSON.parse(await readFile(file, "utf8")) as { questions: BlindQuestion[] }).questions;
}

export interface Rates {
  questions: number;
  hit1: number;
  hit3: number;
  /** Answerable, but the engine said it has no answer. */
  refused: number;
}

export interface BlindReport {
  questions: number;
  /** Questions one card answers (list questions and out-of-scope ones aside). */
  answerable: Rates;
  out_of_scope: { questions: number; refused: number };
  /** Follow-ups asked after their first question, answered in that context. */
  follow_ups: Rates;
  /** List, count and year questions answered with the right list. */
  lists: { questions: number; right: number };
  by_kind: Record<string, Rates & { out_of_scope_refused?: number }>;
  /**
   * Answerable questions by what they were written from: writer A had the two seed articles and
   * the nine first sources, writers B and C the 36 sources added later (the new partners).
   */
  by_sources: { first: Rates; new: Rates };
  /** Every question that went wrong, for reading on the dev split. */
  misses: string[];
}

const LIMIT = 10;

export function scoreBlindSet(snapshot: Snapshot, questions: readonly BlindQuestion[]): BlindReport {
  const understood = new Map<string, string>();
  const answerable: Outcome[] = [];
  const followUps: Outcome[] = [];
  const kinds = new Map<string, Outcome[]>();
  const firstSources: Outcome[] = [];
  const newSources: Outcome[] = [];
  const misses: string[] = [];
  let oosRefused = 0;
  let oos = 0;
  let lists = 0;
  let listsRight = 0;

  for (const question of questions) {
    const previous = question.after ? understood.get(question.after) : undefined;
    const answer = snapshot.answer(question.q, { limit: LIMIT, ...(previous ? { previous } : {}) });
    understood.set(question.id, answer.understood ?? question.q);
    const ids = answer.answered ? answer.facts.map((fact) => fact.card.id) : [];
    const shown = `${answer.answered ? ids.slice(0, 3).join(", ") || "(nothing)" : "(refused)"}${answer.list ? ` [list ${JSON.stringify(answer.list.query)}]` : ""}`;

    if (question.out_of_scope) {
      oos++;
      const refused = !answer.answered;
      if (refused) oosRefused++;
      else misses.push(`${question.id} out of scope, answered: ${question.q} → ${shown}`);
      push(kinds, question.kind, { rank: refused ? 0 : -1, refused: false, oos: true });
      continue;
    }
    if (question.aggregate) {
      lists++;
      const right = listMatches(answer, question.aggregate);
      if (right) listsRight++;
      else misses.push(`${question.id} list wanted ${JSON.stringify(question.aggregate)}: ${question.q} → ${shown}`);
      push(kinds, question.kind, { rank: right ? 0 : -1, refused: !answer.answered, oos: false });
      continue;
    }
    const expect = question.expect ?? [];
    const rank = ids.findIndex((id) => expect.includes(id));
    const outcome = { rank, refused: !answer.answered, oos: false };
    answerable.push(outcome);
    (question.id.startsWith("A") ? firstSources : newSources).push(outcome);
    if (question.after) followUps.push(outcome);
    push(kinds, question.kind, outcome);
    if (rank !== 0) misses.push(`${question.id} ${rank < 0 ? "miss" : `rank ${rank + 1}`} [${question.kind}] ${question.q}${previous ? ` (after: ${previous})` : ""} → ${shown} (want ${expect.join(" | ")})`);
  }

  return {
    questions: questions.length,
    answerable: rates(answerable),
    out_of_scope: { questions: oos, refused: oos ? oosRefused / oos : Number.NaN },
    follow_ups: rates(followUps),
    lists: { questions: lists, right: lists ? listsRight / lists : Number.NaN },
    by_kind: Object.fromEntries([...kinds.entries()].map(([kind, outcomes]) => [kind, kindRates(outcomes)])),
    by_sources: { first: rates(firstSources), new: rates(newSources) },
    misses,
  };
}

interface Outcome {
  rank: number;
  refused: boolean;
  oos: boolean;
}

function push(kinds: Map<string, Outcome[]>, kind: string, outcome: Outcome): void {
  kinds.set(kind, [...(kinds.get(kind) ?? []), outcome]);
}

function rates(outcomes: readonly Outcome[]): Rates {
  const n = outcomes.length;
  const share = (predicate: (outcome: Outcome) => boolean): number => (n ? outcomes.filter(predicate).length / n : Number.NaN);
  return { questions: n, hit1: share((o) => o.rank === 0), hit3: share((o) => o.rank >= 0 && o.rank < 3), refused: share((o) => o.refused) };
}

function kindRates(outcomes: readonly Outcome[]): Rates & { out_of_scope_refused?: number } {
  const oos = outcomes.filter((outcome) => outcome.oos);
  const rest = rates(outcomes.filter((outcome) => !outcome.oos));
  return oos.length ? { ...rest, out_of_scope_refused: oos.filter((outcome) => outcome.rank === 0).length / oos.length } : rest;
}

/** The list answered is the one asked for: its type and every filter the label names. */
function listMatches(answer: Answer, expected: ExpectedList): boolean {
  const query = answer.list?.query;
  if (!answer.answered || !query || query.type !== expected.type) return false;
  return (["partner", "year", "region", "country", "status"] as const).every((key) => expected[key] === undefined || query[key] === expected[key]);
}
