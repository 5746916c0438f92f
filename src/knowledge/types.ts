import type { FactCard, FactKind, Partner, PartnerStatus, Region, Source, SynonymGroup } from "./schema.js";

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

/** One thing wrong with the knowledge folder: file relative to the folder, JSON path, message. */
export interface KnowledgeProblem {
  file: string;
  path: string;
  message: string;
}

export type LoadResult = { ok: true; knowledge: KnowledgeBase } | { ok: false; problems: KnowledgeProblem[] };

export function formatProblem(problem: KnowledgeProblem): string {
  return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}
