import path from "node:path";
import { createFileAtomic } from "../lib/atomic-file.js";
import { readKnowledgeFiles } from "./load.js";
import { SOURCES_DIR, parseKnowledge } from "./parse.js";
import type { KnowledgeFiles } from "./parse.js";
import type { SourceFile } from "./schema.js";
import { knowledgeText } from "./texts.js";
import type { KnowledgeText } from "./texts.js";
import type { KnowledgeProblem } from "./types.js";

export type PublishResult = { ok: true; file: string } | { ok: false; problems: KnowledgeProblem[] };

/** Knowledge is text meant to be read (by editors, by git), unlike the private state files. */
const SOURCE_FILE_MODE = 0o644;

/** The publish in progress per knowledge folder (resolved path), which the next one waits for. */
const publishing = new Map<string, Promise<unknown>>();

/**
 * Adds a reviewed source to the knowledge folder — only if the folder with it validates whole.
 * Publishes into one folder run one at a time, so the second of two admins publishing the same
 * article at once is told it was just published; and the file is created, never replaced, so
 * even another process cannot have its source overwritten. The file appears whole or not at all,
 * so a reload running at the same moment never sees half of it.
 */
export function publishSource(dir: string, source: SourceFile): Promise<PublishResult> {
  const key = path.resolve(dir);
  const result = (publishing.get(key) ?? Promise.resolve()).then(() => publishNow(dir, source));
  const done = result.catch(() => undefined);
  publishing.set(key, done);
  void done.then(() => {
    if (publishing.get(key) === done) publishing.delete(key);
  });
  return result;
}

async function publishNow(dir: string, source: SourceFile): Promise<PublishResult> {
  const added = withSource(await readKnowledgeFiles(dir), source);
  if (!added.ok) return added;
  try {
    await createFileAtomic(path.join(dir, added.file), added.text, SOURCE_FILE_MODE);
  } catch (error) {
    // Another process published this id between the check above and now.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return alreadyThere(added.file, knowledgeText("knowledge-published-meanwhile"));
    throw error;
  }
  return { ok: true, file: added.file };
}

/**
 * The knowledge's files with the source added, only if the whole knowledge validates with it and
 * no source of that id is there yet. Pure, so a folder and a fleet's stored revision share it.
 */
export function withSource(
  files: KnowledgeFiles,
  source: SourceFile,
): { ok: true; files: KnowledgeFiles; file: string; text: string } | { ok: false; problems: KnowledgeProblem[] } {
  const file = `${SOURCES_DIR}/${source.source.id}.json`;
  if (files.texts.has(file)) return alreadyThere(file, knowledgeText("knowledge-already-published"));
  const text = `${JSON.stringify(source, null, 2)}\n`;
  const next: KnowledgeFiles = { texts: new Map(files.texts).set(file, text), problems: files.problems };
  const checked = parseKnowledge(next);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  return { ok: true, files: next, file, text };
}

function alreadyThere(file: string, problem: KnowledgeText): { ok: false; problems: KnowledgeProblem[] } {
  return { ok: false, problems: [{ file, path: "", text: problem }] };
}
