import { readFile } from "node:fs/promises";
import { parseKnowledge } from "../../src/knowledge/parse.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { formatProblem } from "../../src/knowledge/types.js";
import { translator } from "../../src/i18n/i18n.js";

/**
 * XQuAD-ru dev (see ../shared/bench/README.md; CC BY-SA 4.0, never copied into this repository)
 * turned into fact cards: each paragraph becomes one card, or several when it is over the card
 * limit of 1,000 characters, cut at sentence ends. Russian text goes to `text`, the parallel
 * English text to `text_en`. One source per article; no partners, no synonyms (ours are about
 * Moscow's partners and would only add noise). The whole folder goes through parseKnowledge, so
 * the cards are valid knowledge exactly as an editor would write it.
 */

export const CARD_LIMIT = 1000;

interface XquadQuestion {
  id: string;
  ru: string;
  en: string;
}
interface XquadParagraph {
  id: string;
  text_ru: string;
  text_en: string;
  questions: XquadQuestion[];
}
interface XquadFile {
  articles: Array<{ title: string; paragraphs: XquadParagraph[] }>;
}

export interface XquadQuestionItem {
  id: string;
  ru: string;
  en: string;
  /** The paragraph the question belongs to. */
  paragraph: string;
}

export interface XquadSet {
  knowledge: KnowledgeBase;
  /** Card id → paragraph id. */
  paragraphOf: Map<string, string>;
  questions: XquadQuestionItem[];
  paragraphs: number;
  /** Paragraphs cut into more than one card. */
  split: number;
}

export async function loadXquad(file: string): Promise<XquadSet> {
  const data = JSON.parse(await readFile(file, "utf8")) as XquadFile;
  if (!Array.isArray(data.articles)) throw new Error(`${file}: no "articles" list; is this xquad-ru-dev.json?`);

  const texts = new Map<string, string>([["partners.json", "[]"]]);
  const paragraphOf = new Map<string, string>();
  const questions: XquadQuestionItem[] = [];
  let paragraphs = 0;
  let split = 0;

  data.articles.forEach((article, articleIndex) => {
    const sourceId = `xquad-${articleIndex}-${slug(article.title)}`;
    const facts: Array<{ id: string; text: string; text_en?: string }> = [];
    article.paragraphs.forEach((paragraph, paragraphIndex) => {
      paragraphs++;
      const pieces = Math.max(Math.ceil(paragraph.text_ru.trim().length / CARD_LIMIT), Math.ceil(paragraph.text_en.trim().length / CARD_LIMIT));
      const ru = splitAtSentences(paragraph.text_ru, pieces);
      const en = splitAtSentences(paragraph.text_en, pieces);
      const count = Math.max(ru.length, en.length);
      if (count > 1) split++;
      for (let i = 0; i < count; i++) {
        const id = `${sourceId}-p${paragraphIndex}-c${i}`;
        paragraphOf.set(id, paragraph.id);
        // Sentence counts of the two languages differ; a spare piece of one rides with the other's last piece.
        facts.push({ id, text: ru[i] ?? ru[ru.length - 1]!, ...(en[i] ? { text_en: en[i] } : {}) });
      }
      for (const question of paragraph.questions) questions.push({ id: question.id, ru: question.ru, en: question.en, paragraph: paragraph.id });
    });
    texts.set(`sources/${sourceId}.json`, JSON.stringify({ source: { id: sourceId, title: article.title, publisher: "XQuAD (Artetxe et al., 2019), CC BY-SA 4.0", published: "2019-10-31", language: "ru" }, facts }));
  });

  const loaded = parseKnowledge({ texts, problems: [] });
  if (!loaded.ok) throw new Error(`XQuAD cards do not validate: ${loaded.problems.slice(0, 3).map((problem) => formatProblem(problem, translator("en"))).join("; ")}`);
  return { knowledge: loaded.knowledge, paragraphOf, questions, paragraphs, split };
}

/**
 * Cuts a text into about `pieces` parts of similar length at sentence ends, none over CARD_LIMIT.
 * A sentence longer than the limit on its own is cut at its last space before the limit.
 */
export function splitAtSentences(text: string, pieces: number): string[] {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= CARD_LIMIT && pieces <= 1) return [clean];
  const sentences = clean.split(/(?<=[.!?…])\s+(?=\S)/u).flatMap(cutLong);
  const target = clean.length / Math.max(1, pieces);
  const out: string[] = [];
  let current = "";
  for (const sentence of sentences) {
    const joined = current ? `${current} ${sentence}` : sentence;
    if (current && (joined.length > CARD_LIMIT || current.length >= target)) {
      out.push(current);
      current = sentence;
    } else current = joined;
  }
  if (current) out.push(current);
  return out;
}

function cutLong(sentence: string): string[] {
  const parts: string[] = [];
  let rest = sentence;
  while (rest.length > CARD_LIMIT) {
    const space = rest.lastIndexOf(" ", CARD_LIMIT);
    const at = space > 0 ? space : CARD_LIMIT;
    parts.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "article"
  );
}
