import { randomBytes } from "node:crypto";
import { link, mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Owner read and write only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Replaces a file so that a reader, or the next start after a crash, sees either the old content
 * or the new one, never a torn mix: the data goes to a temp file in the same folder (rename is only
 * atomic within one file system), is flushed to disk, then renamed over the target.
 * Creates the folder if needed. Concurrent calls for one path are safe; the last rename wins.
 * The file is created readable by its owner only (0600) unless `mode` says otherwise: state such
 * as drafts.json holds admin ids and unpublished articles. The rename keeps the temp file's mode.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = PRIVATE_FILE_MODE): Promise<void> {
  await placeAtomic(file, data, mode, (temp) => rename(temp, file));
}

/**
 * Like writeFileAtomic, but never replaces a file: when `file` exists already it rejects with an
 * EEXIST error and leaves both alone. link() either creates the name or fails, in one step, so two
 * processes racing for one name cannot both succeed.
 */
export async function createFileAtomic(file: string, data: string | Uint8Array, mode = PRIVATE_FILE_MODE): Promise<void> {
  await placeAtomic(file, data, mode, async (temp) => {
    await link(temp, file);
    await rm(temp);
  });
}

/** Writes a temp file next to `file`, flushes it, and hands it to `place`; the temp file never outlives a failure. */
async function placeAtomic(file: string, data: string | Uint8Array, mode: number, place: (temp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx", mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await place(temp);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a folder; there the rename stands as is. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder (EINVAL); the data itself is already on disk.
  } finally {
    await handle.close();
  }
}
