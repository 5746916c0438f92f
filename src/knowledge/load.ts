import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PARTNERS_FILE, SOURCES_DIR, SYNONYMS_FILE, parseKnowledge } from "./parse.js";
import type { KnowledgeFiles } from "./parse.js";
import type { KnowledgeProblem, LoadResult } from "./types.js";

/** Limits that keep a bad edit (a runaway export, a huge paste) from stalling a reload. */
export const LOAD_LIMITS = {
  maxFileBytes: 8 * 1024 * 1024,
  maxSourceFiles: 5_000,
};

/** Reads a knowledge folder and validates it whole. Never throws for a bad folder: problems come back as values. */
export async function loadKnowledge(dir: string, limits = LOAD_LIMITS): Promise<LoadResult> {
  return parseKnowledge(await readKnowledgeFiles(dir, limits));
}

export async function readKnowledgeFiles(dir: string, limits = LOAD_LIMITS): Promise<KnowledgeFiles> {
  const texts = new Map<string, string>();
  const problems: KnowledgeProblem[] = [];

  const read = async (relative: string, required: boolean): Promise<void> => {
    const result = await readOne(dir, relative, limits.maxFileBytes);
    if ("text" in result) texts.set(relative, result.text);
    else if (result.problem !== "missing") problems.push({ file: relative, path: "", message: result.problem });
    else if (required) problems.push({ file: relative, path: "", message: "file is missing" });
  };

  await read(PARTNERS_FILE, true);
  await read(SYNONYMS_FILE, false);

  let names: string[] = [];
  try {
    const entries = await readdir(path.join(dir, SOURCES_DIR), { withFileTypes: true });
    names = entries.filter((entry) => entry.name.endsWith(".json")).map((entry) => entry.name).sort();
  } catch (error) {
    problems.push({ file: `${SOURCES_DIR}/`, path: "", message: `cannot read the folder: ${errorCode(error)}` });
  }
  if (names.length > limits.maxSourceFiles) {
    problems.push({
      file: `${SOURCES_DIR}/`,
      path: "",
      message: `${names.length} source files, more than the limit of ${limits.maxSourceFiles}; nothing was loaded`,
    });
    return { texts, problems };
  }
  for (const name of names) await read(`${SOURCES_DIR}/${name}`, true);
  return { texts, problems };
}

type ReadOutcome = { text: string } | { problem: string };

async function readOne(dir: string, relative: string, maxBytes: number): Promise<ReadOutcome> {
  const full = path.join(dir, relative);
  try {
    const info = await lstat(full);
    // A link could point anywhere on the machine; knowledge must live in the reviewed folder itself.
    if (info.isSymbolicLink()) return { problem: "is a symbolic link; links are not followed, put the file itself in the folder" };
    if (!info.isFile()) return { problem: "is not a regular file" };
    if (info.size > maxBytes) return { problem: `is ${formatBytes(info.size)}, over the limit of ${formatBytes(maxBytes)}` };
    return { text: await readFile(full, "utf8") };
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return { problem: "missing" };
    return { problem: `cannot be read (${code})` };
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
