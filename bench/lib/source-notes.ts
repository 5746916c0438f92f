import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Analyzer } from "../../src/search/analyzer.js";
import { isSyntheticTerm } from "../../src/search/terms.js";
import type { FactCard } from "../../src/knowledge/types.js";

/**
 * The notes on published sources that cards are written from (../shared/sources/<source-id>.md):
 * a header of `key: value` lines and one bullet per fact, each a Russian line with an `EN:` line
 * under it. Cards made from a note carry its file name as their source id.
 */
export interface SourceNote {
  id: string;
  header: Record<string, string>;
  bullets: Array<{ ru: string; en: string }>;
}

export async function readSourceNotes(dir: string): Promise<SourceNote[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".md") && name !== "README.md").sort();
  return Promise.all(names.map(async (name) => parseSourceNote(name.replace(/\.md$/, ""), await readFile(path.join(dir, name), "utf8"))));
}

export function parseSourceNote(id: string, text: string): SourceNote {
  const header: Record<string, string> = {};
  const bullets: SourceNote["bullets"] = [];
  for (const line of text.split("\n")) {
    const field = /^([a-z_]+): (.*)$/.exec(line);
    if (bullets.length === 0 && field) header[field[1]!] = field[2]!.trim();
    else if (line.startsWith("- ")) bullets.push({ ru: line.slice(2).trim(), en: "" });
    else if (/^\s+EN: /.test(line) && bullets.length > 0) bullets[bullets.length - 1]!.en = line.replace(/^\s+EN: /, "").trim();
    else if (/^\s+\S/.test(line) && bullets.length > 0) bullets[bullets.length - 1]!.ru += ` ${line.trim()}`;
  }
  return { id, header, bullets };
}

/**
 * How alike a card and a passage are: the cosine of their sets of word stems (Russian and English
 * text together). Cards paraphrase, but they keep names, numbers and the key nouns, so the bullet a
 * card was made from shares the most of them; the cosine lets a short bullet and a longer card
 * (or the reverse, a bullet split into two cards) still meet.
 */
export function cardOverlap(card: FactCard, passage: string, analyzer: Analyzer): number {
  const cardTerms = contentTerms(`${card.text} ${card.text_en ?? ""}`, analyzer);
  const passageTerms = contentTerms(passage, analyzer);
  if (cardTerms.size === 0 || passageTerms.size === 0) return 0;
  let shared = 0;
  for (const term of cardTerms) if (passageTerms.has(term)) shared++;
  return shared / Math.sqrt(cardTerms.size * passageTerms.size);
}

function contentTerms(text: string, analyzer: Analyzer): Set<string> {
  return new Set(analyzer.indexTerms(text).filter((term) => !isSyntheticTerm(term)));
}

/** A bullet counts as covered by a card at least this alike. */
export const COVERED_OVERLAP = 0.3;

export interface BulletCoverage {
  bullet: number;
  text: string;
  /** Cards whose best-matching bullet this is, or that are at least COVERED_OVERLAP alike. */
  cards: Array<{ id: string; overlap: number }>;
}

/** Every bullet of a note with the cards made from it (1-based bullet numbers, as the notes are read). */
export function coverBullets(note: SourceNote, cards: readonly FactCard[], analyzer: Analyzer): BulletCoverage[] {
  const passages = note.bullets.map((bullet) => `${bullet.ru} ${bullet.en}`);
  const coverage: BulletCoverage[] = note.bullets.map((bullet, index) => ({ bullet: index + 1, text: bullet.ru, cards: [] }));
  for (const card of cards) {
    const overlaps = passages.map((passage) => cardOverlap(card, passage, analyzer));
    const best = Math.max(...overlaps);
    overlaps.forEach((overlap, index) => {
      if ((overlap === best && overlap > 0) || overlap >= COVERED_OVERLAP) coverage[index]!.cards.push({ id: card.id, overlap });
    });
  }
  for (const bullet of coverage) bullet.cards.sort((a, b) => b.overlap - a.overlap);
  return coverage;
}
