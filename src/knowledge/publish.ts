import path from "node:path";
import { writeFileAtomic } from "../atomic-file.js";
import { readKnowledgeFiles } from "./load.js";
import { SOURCES_DIR, parseKnowledge } from "./parse.js";
import type { SourceFile } from "./schema.js";
import type { KnowledgeProblem } from "./types.js";

export type PublishResult = { ok: true; file: string } | { ok: false; problems: KnowledgeProblem[] };

/**
 * Adds a reviewed source to the knowledge folder — only if the folder with it validates whole.
 * The file is written atomically, so a reload running at the same moment sees it entirely or not at all.
 */
export async function publishSource(dir: string, source: SourceFile): Promise<PublishResult> {
  const relative = `${SOURCES_DIR}/${source.source.id}.json`;
  const files = await readKnowledgeFiles(dir);
  if (files.texts.has(relative)) {
    return { ok: false, problems: [{ file: relative, path: "", message: "a source with this id is already published; change the id or edit that file" }] };
  }
  const text = `${JSON.stringify(source, null, 2)}\n`;
  files.texts.set(relative, text);
  const checked = parseKnowledge(files);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  await writeFileAtomic(path.join(dir, relative), text);
  return { ok: true, file: relative };
}
