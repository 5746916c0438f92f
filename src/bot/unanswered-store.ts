import { readFile, rename } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import { z } from "zod";
import { writeFileAtomic } from "../atomic-file.js";
import type { Logger } from "../logger.js";

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
  /** Records a question in memory at once and saves it in the background; never throws for disk trouble. */
  add(text: string, at: Date): void;
  /** Newest first. */
  latest(n: number): UnansweredQuestion[];
  /** Resolves when everything added so far is on disk; rejects if the last save failed. For shutdown and tests. */
  flush(): Promise<void>;
}

const fileSchema = z.object({
  questions: z.array(z.object({ text: z.string(), at: z.string() })),
});

export function createUnansweredStore(file: string, logger: Pick<Logger, "warn" | "error">): UnansweredStore {
  let questions: UnansweredQuestion[] = [];
  let loaded = false;
  let unsaved = false;
  let saving: Promise<void> | undefined;

  // One save loop at a time, so writes never interleave; adds made while it runs ride on its next pass.
  async function saveWhileUnsaved(): Promise<void> {
    try {
      // Wait a turn so a burst of adds (many updates in one batch) becomes a single write.
      await nextTurn();
      while (unsaved) {
        unsaved = false;
        try {
          await writeFileAtomic(file, `${JSON.stringify({ questions }, null, 2)}\n`);
        } catch (error) {
          unsaved = true;
          logger.error({ err: error, file }, "could not save unanswered questions; will retry on the next one");
          throw error;
        }
      }
    } finally {
      // Runs in the same turn as the last `unsaved` check, so no add can slip in between and be missed.
      saving = undefined;
    }
  }

  function save(): Promise<void> {
    saving ??= saveWhileUnsaved();
    return saving;
  }

  return {
    async load() {
      questions = await readQuestions(file, logger);
      loaded = true;
    },

    add(text, at) {
      if (!loaded) throw new Error("UnansweredStore.add() before load(): the file would be overwritten");
      const trimmed = cut(text.trim());
      if (!trimmed) return;
      questions = [{ text: trimmed, at: at.toISOString() }, ...questions].slice(0, MAX_UNANSWERED);
      unsaved = true;
      // The failure is already logged; the question stays in memory and goes out with the next save.
      save().catch(() => {});
    },

    latest(n) {
      return questions.slice(0, Math.max(0, n));
    },

    flush() {
      return unsaved || saving ? save() : Promise.resolve();
    },
  };
}

async function readQuestions(file: string, logger: Pick<Logger, "warn">): Promise<UnansweredQuestion[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const parsed = fileSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    // Keep the damaged file for a human to look at rather than overwrite it with the next save.
    const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await rename(file, aside);
    logger.warn({ file, movedTo: aside }, "unanswered questions file is corrupted; moved it aside and starting empty");
    return [];
  }
  // A hand-edited file may break the limits; enforce them rather than refuse it.
  return parsed.data.questions.slice(0, MAX_UNANSWERED).map(({ text, at }) => ({ text: cut(text), at }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Cuts by code points, so an emoji is never split into half a surrogate pair. */
function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_QUESTION_CHARS ? chars.slice(0, MAX_QUESTION_CHARS).join("") : text;
}
