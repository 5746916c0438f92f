import path from "node:path";
import { loadKnowledge } from "../src/knowledge/load.js";
import { formatProblem } from "../src/knowledge/types.js";
import { translator } from "../src/i18n/i18n.js";
import { buildAnalyzer } from "../src/search/analyzer.js";
import { COVERED_OVERLAP, coverBullets, readSourceNotes } from "./lib/source-notes.js";

/**
 * `npm run coverage:sources -- NOTES_DIR [KNOWLEDGE_DIR]`
 * Matches every bullet of the source notes (../shared/sources) to the cards made from it — the
 * cards of the source with the note's name that take the most of their stems from the bullet — and
 * lists the bullets no card covers and the notes with no source file. Exit 1 when anything is
 * uncovered, so it can gate an editor's batch.
 */
const notesDir = process.argv[2];
if (!notesDir) {
  console.error("Usage: npm run coverage:sources -- NOTES_DIR [KNOWLEDGE_DIR]");
  process.exit(2);
}
const knowledgeDir = path.resolve(process.argv[3] ?? process.env.KNOWLEDGE_DIR ?? "knowledge");
const loaded = await loadKnowledge(knowledgeDir);
if (!loaded.ok) {
  for (const problem of loaded.problems) console.error(formatProblem(problem, translator("en")));
  process.exit(1);
}
const { knowledge } = loaded;
const analyzer = buildAnalyzer(knowledge.partners, knowledge.synonyms);
const notes = await readSourceNotes(notesDir);

const uncovered: string[] = [];
let bullets = 0;
for (const note of notes) {
  const cards = knowledge.cards.filter(({ source }) => source.id === note.id).map(({ card }) => card);
  if (cards.length === 0) {
    uncovered.push(`${note.id}: no source file with this id (${note.bullets.length} bullets)`);
    bullets += note.bullets.length;
    continue;
  }
  console.log(`\n## ${note.id} (${note.bullets.length} bullets, ${cards.length} cards)`);
  for (const bullet of coverBullets(note, cards, analyzer)) {
    bullets++;
    const best = bullet.cards[0]?.overlap ?? 0;
    const mark = best >= COVERED_OVERLAP ? "ok " : "NO ";
    console.log(`${mark} ${bullet.bullet}. ${bullet.text.slice(0, 90)}`);
    for (const card of bullet.cards) console.log(`      ${card.overlap.toFixed(2)} ${card.id}`);
    if (best < COVERED_OVERLAP) uncovered.push(`${note.id} bullet ${bullet.bullet}: ${bullet.text.slice(0, 120)}`);
  }
}

console.log(`\n${notes.length} notes, ${bullets} bullets; ${uncovered.length} uncovered`);
for (const line of uncovered) console.log(`  ${line}`);
process.exit(uncovered.length > 0 ? 1 : 0);
