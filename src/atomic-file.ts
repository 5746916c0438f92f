import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Replaces a file so that a reader, or the next start after a crash, sees either the old content
 * or the new one, never a torn mix: the data goes to a temp file in the same folder (rename is only
 * atomic within one file system), is flushed to disk, then renamed over the target.
 * Creates the folder if needed. Concurrent calls for one path are safe; the last rename wins.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
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
