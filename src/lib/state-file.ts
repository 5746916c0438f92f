import { readFile, rename } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { z } from "zod";
import { writeFileAtomic } from "./atomic-file.js";
import type { Logger } from "./logger.js";

/**
 * A small JSON state file under DATA_DIR: read once at start, saved atomically in the background.
 * A corrupted file is moved aside for a human to look at, never overwritten, and the state starts
 * empty; saves never interleave, and a burst of changes in one turn becomes a single write.
 */
export interface StateFile<T> {
  /** The saved value; undefined when there is none yet or the file was corrupted (and set aside). */
  read(): Promise<T | undefined>;
  /** Schedules a save of the value `current()` returns at write time; never throws (failures are logged). */
  save(): void;
  /** Resolves when everything saved so far is on disk; rejects if the last write failed. */
  flush(): Promise<void>;
}

export function createStateFile<T>(file: string, schema: z.ZodType<T>, current: () => T, logger: Pick<Logger, "warn" | "error">, what: string): StateFile<T> {
  let unsaved = false;
  let saving: Promise<void> | undefined;

  async function saveWhileUnsaved(): Promise<void> {
    try {
      await nextTurn();
      while (unsaved) {
        unsaved = false;
        try {
          await writeFileAtomic(file, `${JSON.stringify(current(), null, 2)}\n`);
        } catch (error) {
          unsaved = true;
          logger.error({ err: error, file }, `could not save ${what}; will retry on the next change`);
          throw error;
        }
      }
    } finally {
      // Runs in the same turn as the last `unsaved` check, so no change can slip in between and be missed.
      saving = undefined;
    }
  }

  const write = (): Promise<void> => (saving ??= saveWhileUnsaved());

  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      const parsed = schema.safeParse(parseJson(text));
      if (parsed.success) return parsed.data;
      const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      await rename(file, aside);
      logger.warn({ file, movedTo: aside }, `${what} file is corrupted; moved it aside and starting empty`);
      return undefined;
    },
    save() {
      unsaved = true;
      write().catch(() => {});
    },
    flush() {
      return unsaved || saving ? write() : Promise.resolve();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
