import type { Answer, Lang } from "../answer/types.js";
import type { KnowledgeDiff } from "../knowledge/diff.js";
import type { KnowledgeBase, KnowledgeProblem } from "../knowledge/types.js";
import type { KnowledgeWarning } from "./knowledge-warnings.js";

export type { KnowledgeDiff };

export interface AnswerOptions {
  /** Force the answer language; by default it is detected from the question's script. */
  lang?: Lang;
  /** How many facts at most (default 50: enough for every page a surface may show). */
  limit?: number;
  /**
   * The previous question of the same conversation, as `Answer.understood` gave it, when it is
   * recent: a follow-up («а с Ташкентом?», «а кто подписывал?») is read in its light.
   */
  previous?: string;
}

/** A knowledge base with its built index: immutable, so a question in flight can keep using it after a reload. */
export interface Snapshot {
  knowledge: KnowledgeBase;
  loadedAt: Date;
  /** Increments on every successful load; surfaces put it in callback data to detect stale buttons. */
  version: number;
  answer(question: string, options?: AnswerOptions): Answer;
  /** Example questions this knowledge answers, one per partner, richest partners first. */
  examples(lang: Lang): readonly string[];
}

/** A reload swaps in knowledge with warnings as readily as without: they are only reported. */
export type ReloadResult =
  | { ok: true; snapshot: Snapshot; diff: KnowledgeDiff; warnings: KnowledgeWarning[]; tookMs: number }
  | { ok: false; problems: KnowledgeProblem[]; tookMs: number };
