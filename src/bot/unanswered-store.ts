import { z } from "zod";
import type { Logger } from "../lib/logger.js";
import { createStateFile } from "../lib/state-file.js";

/** Enough to-do for the editors: distinct questions; the least recently asked drop off the end. */
export const MAX_UNANSWERED = 200;
/** Longer questions are cut: the editors need the gist, not a pasted document. */
export const MAX_QUESTION_CHARS = 500;

/**
 * A question the knowledge did not answer, its repeats merged. Deliberately no user or chat id:
 * editors need the text only.
 */
export interface UnansweredQuestion {
  /** As it was last asked. */
  text: string;
  /** ISO time it was last asked. */
  at: string;
  /** How many times it was asked (the same once case, spaces and punctuation are set aside). */
  count: number;
  /** ISO time it was first asked. */
  first: string;
}

export interface UnansweredStore {
  /** Reads the file; call once before anything else. A missing file is an empty list. */
  load(): Promise<void>;
  /**
   * Records a question (a repeat adds to its count). The file store keeps it in memory at once and
   * saves it in the background, never failing for disk trouble; a fleet's store resolves once the
   * database has it.
   */
  add(text: string, at: Date): Promise<void>;
  /** The most recently asked first. */
  latest(n: number): Promise<UnansweredQuestion[]>;
  /** Resolves when everything added so far is on disk; rejects if the last save failed. For shutdown and tests. */
  flush(): Promise<void>;
}

// Files written before repeats were merged hold only text and time: each entry is one asking.
const fileSchema = z.object({
  questions: z.array(z.object({ text: z.string(), at: z.string(), count: z.number().int().positive().optional(), first: z.string().optional() })),
});

export function createUnansweredStore(file: string, logger: Pick<Logger, "warn" | "error">): UnansweredStore {
  // Most recently asked first.
  let questions: UnansweredQuestion[] = [];
  let loaded = false;
  const state = createStateFile(file, fileSchema, () => ({ questions }), logger, "unanswered questions");

  return {
    async load() {
      const saved = await state.read();
      // A hand-edited or older file may break the limits or hold repeats: enforce and merge rather than refuse it.
      questions = [];
      for (const entry of [...(saved?.questions ?? [])].reverse()) {
        questions = merged(questions, { text: cut(entry.text), at: entry.at, count: entry.count ?? 1, first: entry.first ?? entry.at });
      }
      loaded = true;
    },

    async add(text, at) {
      if (!loaded) throw new Error("UnansweredStore.add() before load(): the file would be overwritten");
      const trimmed = cut(text.trim());
      if (!trimmed) return;
      questions = merged(questions, { text: trimmed, at: at.toISOString(), count: 1, first: at.toISOString() });
      state.save();
    },

    async latest(n) {
      return questions.slice(0, Math.max(0, n));
    },

    flush: () => state.flush(),
  };
}

/** The list with `asked` on top: merged into its repeat (wording, count, first and last time), within the limit. */
function merged(questions: readonly UnansweredQuestion[], asked: UnansweredQuestion): UnansweredQuestion[] {
  const key = questionKey(asked.text);
  const earlier = questions.find((question) => questionKey(question.text) === key);
  const rest = earlier ? questions.filter((question) => question !== earlier) : questions;
  const entry = earlier ? { text: asked.text, at: asked.at, count: earlier.count + asked.count, first: earlier.first < asked.first ? earlier.first : asked.first } : asked;
  return [entry, ...rest].slice(0, MAX_UNANSWERED);
}

/**
 * What makes two askings the same question: case, ё/е, spaces and punctuation set aside
 * («Погода в Минске?» and «погода  в минске»). A question of punctuation only keeps itself.
 */
export function questionKey(text: string): string {
  const key = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return key || text.trim();
}

/** Cuts by code points, so an emoji is never split into half a surrogate pair. */
function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_QUESTION_CHARS ? chars.slice(0, MAX_QUESTION_CHARS).join("") : text;
}
