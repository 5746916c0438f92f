import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { PARTNERS_FILE, SOURCES_DIR } from "../src/knowledge/parse.js";
import { partnersFileSchema, sourceFileSchema } from "../src/knowledge/schema.js";
import type { FactCard, SourceFile } from "../src/knowledge/schema.js";
import { COVERED, LIKELY, matchCards } from "../src/ingest/coverage.js";
import { draftFromArticle } from "../src/ingest/draft.js";
import { translator } from "../src/i18n/i18n.js";
import { renderText } from "../src/i18n/texts.js";

/**
 * `npm run ingest:coverage -- SEEDS_DIR [KNOWLEDGE_DIR]`
 * Ingests every seed article (*.txt) and, for each hand-written card of the same source in
 * <knowledge>/sources, shows the draft card that shares most of its key terms. Known people are
 * not taken from the knowledge here, so the hand-written cards cannot help the drafts.
 */

const english = translator("en");

const seedsDir = process.argv[2];
if (!seedsDir) {
  console.error("Usage: npm run ingest:coverage -- SEEDS_DIR [KNOWLEDGE_DIR]");
  process.exit(1);
}
const knowledgeDir = path.resolve(process.argv[3] ?? process.env.KNOWLEDGE_DIR ?? "knowledge");

const partners = partnersFileSchema.parse(JSON.parse(await readFile(path.join(knowledgeDir, PARTNERS_FILE), "utf8")));
const reviewed = await readSources(path.join(knowledgeDir, SOURCES_DIR));
const seeds = (await readdir(seedsDir)).filter((name) => name.endsWith(".txt")).sort();
if (seeds.length === 0) {
  console.error(`${seedsDir}: no *.txt articles`);
  process.exit(1);
}

const totals = { reviewed: 0, covered: 0, likely: 0, drafts: 0, unused: 0 };
for (const seed of seeds) {
  const result = draftFromArticle(await readFile(path.join(seedsDir, seed), "utf8"), { partners });
  console.log(`\n## ${seed}`);
  if (!result.ok) {
    console.log(`  no draft: ${result.problems.map((problem) => renderText(problem.text, english)).join("; ")}`);
    continue;
  }
  const draft = result.file;
  const source = reviewed.find((file) => file.source.id === draft.source.id) ?? reviewed.find((file) => file.source.publisher === draft.source.publisher && file.source.published === draft.source.published);
  console.log(`  draft ${draft.source.id}: ${draft.facts.length} cards, ${result.dropped.length} sentences dropped`);
  if (!source) {
    console.log(`  no hand-written source with this id, or this publisher and date, in ${path.join(knowledgeDir, SOURCES_DIR)}`);
    continue;
  }
  console.log(`  hand-written ${source.source.id}: ${source.facts.length} cards\n`);

  const matches = matchCards(source.facts, draft.facts);
  const suffix = (card: FactCard | undefined): string => (card ? card.id.slice(draft.source.id.length + 1) : "-");
  const width = Math.max(...source.facts.map((card) => card.id.length));
  console.log(`  ${"hand-written card".padEnd(width)}  draft  overlap       partners date  people  shared terms`);
  for (const match of matches) {
    const mark = match.overlap >= COVERED ? "✓" : match.overlap >= LIKELY ? "~" : "✗";
    console.log(
      [
        `  ${match.card.id.padEnd(width)}`,
        `#${suffix(match.best)}`.padEnd(5),
        `${mark} ${String(Math.round(match.overlap * 100)).padStart(3)}% ${`${match.shared.length}/${match.terms}`.padEnd(5)}`,
        same(match.card.partners, match.best?.partners).padEnd(8),
        (match.card.date === undefined ? "·" : match.card.date === match.best?.date ? "✓" : "✗").padEnd(5),
        covers(match.card.people, match.best?.people).padEnd(7),
        match.shared.slice(0, 8).join(" "),
      ].join(" "),
    );
  }
  const covered = matches.filter((match) => match.overlap >= COVERED).length;
  const likely = matches.filter((match) => match.overlap >= LIKELY && match.overlap < COVERED).length;
  const used = new Set(matches.filter((match) => match.overlap >= LIKELY).map((match) => match.best?.id));
  const unused = draft.facts.filter((card) => !used.has(card.id));
  console.log(`\n  ✓ covered: ${covered}/${source.facts.length}   ~ probably the same fact, rephrased: ${likely}   ✗ not found: ${source.facts.length - covered - likely}`);
  console.log(`  draft cards that are no hand-written card's ✓ or ~ match: ${unused.length}${unused.length ? ` (${unused.map((card) => `#${suffix(card)}`).join(", ")})` : ""}`);
  totals.reviewed += source.facts.length;
  totals.covered += covered;
  totals.likely += likely;
  totals.drafts += draft.facts.length;
  totals.unused += unused.length;
}
console.log(
  `\nTotal: ${totals.reviewed} hand-written cards: ${totals.covered} ✓ (≥ ${COVERED * 100}% of key terms), ${totals.likely} ~ (≥ ${LIKELY * 100}%), ${totals.reviewed - totals.covered - totals.likely} ✗; ${totals.drafts} draft cards, ${totals.unused} matched by none.`,
);
console.log("Columns: partners = same ids; date = same date (· nothing to compare); people = the draft names everyone the hand-written card names.");

async function readSources(dir: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const name of (await readdir(dir)).filter((file) => file.endsWith(".json")).sort()) {
    const parsed = sourceFileSchema.safeParse(JSON.parse(await readFile(path.join(dir, name), "utf8")));
    if (parsed.success) files.push(parsed.data);
    else console.error(`${name}: not a valid source file, skipped`);
  }
  return files;
}

function same(a: readonly string[] | undefined, b: readonly string[] | undefined): string {
  return [...(a ?? [])].sort().join() === [...(b ?? [])].sort().join() ? "✓" : "✗";
}

function covers(wanted: readonly string[] | undefined, given: readonly string[] | undefined): string {
  if (!wanted?.length) return "·";
  return wanted.every((name) => given?.includes(name)) ? "✓" : "✗";
}
