import { renderText } from "../i18n/texts.js";
import type { Translate } from "../i18n/texts.js";
import type { FactCard, FactKind, Partner, PartnerStatus, Region, Source, SynonymGroup } from "./schema.js";
import type { KnowledgeText } from "./texts.js";

export type { FactCard, FactKind, Partner, PartnerStatus, Region, Source, SynonymGroup };

/** A fact card joined with the source it was taken from. */
export interface SourcedCard {
  card: FactCard;
  source: Source;
}

/** A fully validated knowledge folder. Only ever built whole: a load with problems yields none. */
export interface KnowledgeBase {
  partners: Partner[];
  synonyms: SynonymGroup[];
  sources: Source[];
  cards: SourcedCard[];
}

/** One thing wrong with the knowledge folder: file relative to the folder, JSON path, and what is wrong as a keyed text. */
export interface KnowledgeProblem {
  file: string;
  path: string;
  text: KnowledgeText;
}

export type LoadResult = { ok: true; knowledge: KnowledgeBase } | { ok: false; problems: KnowledgeProblem[] };

/** "file: path: what is wrong", in the language of `t` (the admin's in the bot, English on the command line). */
export function formatProblem(problem: KnowledgeProblem, t: Translate): string {
  const message = renderText(problem.text, t);
  return problem.path ? `${problem.file}: ${problem.path}: ${message}` : `${problem.file}: ${message}`;
}
