import { z } from "zod";
import type { Logger } from "../logger.js";
import { createStateFile } from "../state-file.js";

/** Enough to-do for the editors; older questions drop off the end. */
export const MAX_UNANSWERED = 200;
/** Longer questions are cut: the editors need the gist, not a pasted document. */
export const MAX_QUESTION_CHARS = 500;

/** A question the knowledge did not answer. Deliberately no user or chat id: editors need the text only. */
export interface UnansweredQuestion {
  text: string;
  /** ISO time it was asked. */
  at: string;
}

export interface UnansweredStore {
  /** Reads the file; call once before anything else. A missing file is an empty list. */
  load(): Promise<void>;
  /**
   * Records a question. The file store keeps it in memory at once and saves it in the background,
   * never failing for disk trouble; a fleet's store resolves once the database has it.
   */
  add(text: string, at: Date): Promise<void>;
  /** Newest first. */
  latest(n: number): Promise<UnansweredQuestion[]>;
  /** Resolves when everything added so far is on disk; rejects if the last save failed. For shutdown and tests. */
  flush(): Promise<void>;
}

const fileSchema = z.object({
  questions: z.array(z.object({ text: z.string(), at: z.string() })),
});

export function createUnansweredStore(file: string, logger: Pick<Logger, "warn" | "error">): UnansweredStore {
  let questions: UnansweredQuestion[] = [];
  let loaded = false;
  const state = createStateFile(file, fileSchema, () => ({ questions }), logger, "unanswered questions");

  return {
    async load() {
      const saved = await state.read();
      // A hand-edited file may break the limits; enforce them rather than refuse it.
      questions = (saved?.questions ?? []).slice(0, MAX_UNANSWERED).map(({ text, at }) => ({ text: cut(text), at }));
      loaded = true;
    },

    async add(text, at) {
      if (!loaded) throw new Error("UnansweredStore.add() before load(): the file would be overwritten");
      const trimmed = cut(text.trim());
      if (!trimmed) return;
      questions = [{ text: trimmed, at: at.toISOString() }, ...questions].slice(0, MAX_UNANSWERED);
      state.save();
    },

    async latest(n) {
      return questions.slice(0, Math.max(0, n));
    },

    flush: () => state.flush(),
  };
}

/** Cuts by code points, so an emoji is never split into half a surrogate pair. */
function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_QUESTION_CHARS ? chars.slice(0, MAX_QUESTION_CHARS).join("") : text;
}
