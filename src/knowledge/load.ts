import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PARTNERS_FILE, SOURCES_DIR, SYNONYMS_FILE, parseKnowledge } from "./parse.js";
import type { KnowledgeFiles } from "./parse.js";
import { knowledgeText } from "./texts.js";
import type { KnowledgeText } from "./texts.js";
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
    else if (result.problem !== "missing") problems.push({ file: relative, path: "", text: result.problem });
    else if (required) problems.push({ file: relative, path: "", text: knowledgeText("knowledge-file-missing") });
  };

  await read(PARTNERS_FILE, true);
  await read(SYNONYMS_FILE, false);

  let names: string[] = [];
  try {
    const entries = await readdir(path.join(dir, SOURCES_DIR), { withFileTypes: true });
    names = entries.filter((entry) => entry.name.endsWith(".json")).map((entry) => entry.name).sort();
  } catch (error) {
    problems.push({ file: `${SOURCES_DIR}/`, path: "", text: knowledgeText("knowledge-folder-unreadable", { code: errorCode(error) }) });
  }
  if (names.length > limits.maxSourceFiles) {
    problems.push({ file: `${SOURCES_DIR}/`, path: "", text: knowledgeText("knowledge-too-many-sources", { count: names.length, max: limits.maxSourceFiles }) });
    return { texts, problems };
  }
  for (const name of names) await read(`${SOURCES_DIR}/${name}`, true);
  return { texts, problems };
}

type ReadOutcome = { text: string } | { problem: KnowledgeText | "missing" };

async function readOne(dir: string, relative: string, maxBytes: number): Promise<ReadOutcome> {
  const full = path.join(dir, relative);
  try {
    const info = await lstat(full);
    // A link could point anywhere on the machine; knowledge must live in the reviewed folder itself.
    if (info.isSymbolicLink()) return { problem: knowledgeText("knowledge-symlink") };
    if (!info.isFile()) return { problem: knowledgeText("knowledge-not-a-file") };
    if (info.size > maxBytes) return { problem: tooBig(info.size, maxBytes) };
    return { text: await readFile(full, "utf8") };
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return { problem: "missing" };
    return { problem: knowledgeText("knowledge-unreadable", { code }) };
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.message : String(error);
}

function tooBig(size: number, max: number): KnowledgeText {
  const [shownSize, sizeUnit] = inUnits(size);
  const [shownMax, maxUnit] = inUnits(max);
  return knowledgeText("knowledge-file-too-big", { size: shownSize, sizeUnit, max: shownMax, maxUnit });
}

/** Megabytes to one decimal from 1 MB on, whole kilobytes (rounded up) below. */
function inUnits(bytes: number): [number, "KB" | "MB"] {
  return bytes >= 1024 * 1024 ? [Math.round(bytes / 1024 / 102.4) / 10, "MB"] : [Math.ceil(bytes / 1024), "KB"];
}
