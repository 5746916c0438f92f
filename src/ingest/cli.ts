import { lstat, mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { realpathSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadKnowledge } from "../knowledge/load.js";
import { PARTNERS_FILE, SOURCES_DIR } from "../knowledge/parse.js";
import { parseJson, zodProblems } from "../knowledge/problems.js";
import { partnersFileSchema } from "../knowledge/schema.js";
import type { Partner } from "../knowledge/schema.js";
import { formatProblem } from "../knowledge/types.js";
import { translator } from "../i18n/i18n.js";
import { MAX_ARTICLE_BYTES, draftFromArticle, serializeDraft } from "./draft.js";
import { formatDraftSummary } from "./summary.js";

/** The command line speaks English; the texts are the bot's own (locales/en.ftl). */
const english = translator("en");

/**
 * `npm run ingest -- ARTICLE [--out DIR] [--publisher P] [--url U] [--knowledge DIR] [--force]`
 * The I/O around draftFromArticle: read the article and partners.json, write the draft to
 * <knowledge>/drafts/<id>.json (the loader reads only sources/, so a draft is never served), and
 * print a summary. Exit code 0 when a draft was written, 1 otherwise.
 */

export const DRAFTS_DIR = "drafts";

const USAGE = `Usage: npm run ingest -- ARTICLE [options]

Makes a draft source file from a plain-text article, for an editor to review.

  ARTICLE            a text file: either " date YYYY-MM-DD <headline>" then the body, or
                     "title:", "publisher:", "published:", "url:" lines, a blank line, the body
  --out DIR          where to write the draft (default: <knowledge>/${DRAFTS_DIR})
  --publisher P      the publisher, when the article does not say (or says it wrongly)
  --url U            the article's address
  --knowledge DIR    the knowledge folder (default: $KNOWLEDGE_DIR or "knowledge")
  --force            replace a draft of the same id, or draft an article already in sources/
  --help             this text`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

const processIo: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
};

export async function runIngest(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        publisher: { type: "string" },
        url: { type: "string" },
        knowledge: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 1;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    io.err(`${args.positionals.length === 0 ? "Give the article to ingest." : "Give one article at a time."}\n\n${USAGE}`);
    return 1;
  }

  const articlePath = path.resolve(io.cwd, args.positionals[0]!);
  const knowledgeDir = path.resolve(io.cwd, args.values.knowledge ?? io.env.KNOWLEDGE_DIR ?? "knowledge");
  const outDir = path.resolve(io.cwd, args.values.out ?? path.join(knowledgeDir, DRAFTS_DIR));

  const article = await readArticle(articlePath);
  if ("problem" in article) {
    io.err(`${articlePath}: ${article.problem}`);
    return 1;
  }
  const partners = await readPartners(knowledgeDir);
  if ("problems" in partners) {
    io.err(`Cannot read the partners of ${knowledgeDir}:`);
    for (const problem of partners.problems) io.err(`  ${problem}`);
    return 1;
  }

  const result = draftFromArticle(article.text, {
    partners: partners.partners,
    knownPeople: await knownPeople(knowledgeDir),
    ...(args.values.publisher !== undefined ? { publisher: args.values.publisher } : {}),
    ...(args.values.url !== undefined ? { url: args.values.url } : {}),
  });
  if (!result.ok) {
    io.err(formatDraftSummary(result, english));
    return 1;
  }

  const id = result.file.source.id;
  const target = path.join(outDir, `${id}.json`);
  const published = path.join(knowledgeDir, SOURCES_DIR, `${id}.json`);
  if (!args.values.force && (await exists(published))) {
    io.err(`${published} already exists: this article seems to be published already. Use --force to write a draft anyway.`);
    return 1;
  }
  if (!args.values.force && (await exists(target))) {
    io.err(`${target} already exists (an editor may be reviewing it). Use --force to replace it.`);
    return 1;
  }
  try {
    await mkdir(outDir, { recursive: true });
    await writeAtomically(target, serializeDraft(result.file));
  } catch (error) {
    io.err(`Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.out(formatDraftSummary(result, english, path.relative(io.cwd, target) || target));
  return 0;
}

type ArticleRead = { text: string } | { problem: string };

async function readArticle(file: string): Promise<ArticleRead> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { problem: "is not a file" };
    // Checked before reading, so a wrong path to a huge file costs nothing.
    if (info.size > MAX_ARTICLE_BYTES) {
      return { problem: `is ${Math.ceil(info.size / 1024)} KB, over the limit of ${MAX_ARTICLE_BYTES / 1024} KB for one article. Give one article at a time, as plain text.` };
    }
    const text = await readFile(file, "utf8");
    if (text.includes("\u0000") || text.includes("\uFFFD")) return { problem: "is not UTF-8 text (save the article as plain text)" };
    return { text };
  } catch (error) {
    return { problem: describeError(error) };
  }
}

async function readPartners(dir: string): Promise<{ partners: Partner[] } | { problems: string[] }> {
  let text: string;
  try {
    text = await readFile(path.join(dir, PARTNERS_FILE), "utf8");
  } catch (error) {
    return { problems: [`${PARTNERS_FILE}: ${describeError(error)} (pass --knowledge DIR or set KNOWLEDGE_DIR)`] };
  }
  const json = parseJson(PARTNERS_FILE, text);
  if (!json.ok) return { problems: [formatProblem(json.problem, english)] };
  const parsed = partnersFileSchema.safeParse(json.value);
  if (!parsed.success) return { problems: zodProblems(PARTNERS_FILE, parsed.error, json.value).map((problem) => formatProblem(problem, english)) };
  return { partners: parsed.data };
}

/** People already on reviewed cards, so their surnames alone are recognised. Best effort: a broken folder gives none. */
async function knownPeople(dir: string): Promise<string[]> {
  const result = await loadKnowledge(dir);
  if (!result.ok) return [];
  return [...new Set(result.knowledge.cards.flatMap(({ card }) => card.people ?? []))];
}

/** Write next to the target and rename, so a reader never sees half a file. */
async function writeAtomically(target: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: "utf8", flag: "wx" });
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

function describeError(error: unknown): string {
  const code = error && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : "";
  if (code === "ENOENT") return "does not exist";
  if (code === "EACCES") return "cannot be read (permission denied)";
  if (code === "EISDIR") return "is a folder, not a file";
  return error instanceof Error ? error.message : String(error);
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMain()) process.exitCode = await runIngest(process.argv.slice(2));
