import { z } from "zod";
import { factCardSchema, partnersFileSchema, sourceFileSchema, synonymsFileSchema } from "./schema.js";
import type { Partner, Source, SynonymGroup } from "./schema.js";
import { parseJson, zodProblems } from "./problems.js";
import { knowledgeText, rule } from "./texts.js";
import type { KnowledgeBase, KnowledgeProblem, LoadResult, SourcedCard } from "./types.js";

export const PARTNERS_FILE = "partners.json";
export const SYNONYMS_FILE = "synonyms.json";
export const SOURCES_DIR = "sources";

/**
 * The text of every file of a knowledge folder, keyed by its path relative to the folder
 * ("partners.json", "sources/x.json"). Files that could not be read carry their problem instead.
 */
export interface KnowledgeFiles {
  texts: Map<string, string>;
  problems: KnowledgeProblem[];
}

/**
 * Validates a whole knowledge folder at once and reports every problem found, not the first only.
 * Pure: the folder's files come in as text, so a draft can be checked before it is written.
 */
export function parseKnowledge(files: KnowledgeFiles): LoadResult {
  const problems: KnowledgeProblem[] = [...files.problems];

  const partners = parseFile(files, PARTNERS_FILE, partnersFileSchema, problems, true) ?? [];
  checkUniqueIds(PARTNERS_FILE, partners, (index) => `[${index}].id`, problems);
  const synonyms: SynonymGroup[] = parseFile(files, SYNONYMS_FILE, synonymsFileSchema, problems, false) ?? [];

  const knownPartners = new Set(partners.map((partner) => partner.id));
  const sourceSchema = sourceFileSchemaWith(knownPartners);
  const sources: Source[] = [];
  const cards: SourcedCard[] = [];
  const factPlaces = new Map<string, string>();
  const sourceFiles = [...files.texts.keys()].filter((file) => file.startsWith(`${SOURCES_DIR}/`)).sort();

  if (sourceFiles.length === 0 && !files.problems.some((problem) => problem.file.startsWith(SOURCES_DIR))) {
    problems.push({ file: `${SOURCES_DIR}/`, path: "", text: knowledgeText("knowledge-no-sources") });
  }

  for (const file of sourceFiles) {
    const parsed = parseFile(files, file, sourceSchema, problems, true);
    if (!parsed) continue;
    const expectedId = file.slice(SOURCES_DIR.length + 1).replace(/\.json$/, "");
    if (parsed.source.id !== expectedId) {
      problems.push({ file, path: "source.id", text: knowledgeText("knowledge-id-not-file-name", { id: parsed.source.id, expected: expectedId }) });
    }
    parsed.facts.forEach((card, index) => {
      const place = `${file}: facts[${index}].id`;
      const earlier = factPlaces.get(card.id);
      if (earlier) problems.push({ file, path: `facts[${index}].id`, text: knowledgeText("knowledge-duplicate-fact", { id: card.id, earlier }) });
      else factPlaces.set(card.id, place);
    });
    sources.push(parsed.source);
    for (const card of parsed.facts) cards.push({ card, source: parsed.source });
  }

  checkStatusCitations(partners, cards, problems);
  if (problems.length > 0) return { ok: false, problems };
  const knowledge: KnowledgeBase = { partners, synonyms, sources, cards };
  return { ok: true, knowledge };
}

function parseFile<T>(
  files: KnowledgeFiles,
  file: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } },
  problems: KnowledgeProblem[],
  required: boolean,
): T | undefined {
  const text = files.texts.get(file);
  if (text === undefined) {
    if (required && !files.problems.some((problem) => problem.file === file)) {
      problems.push({ file, path: "", text: knowledgeText("knowledge-file-missing") });
    }
    return undefined;
  }
  const json = parseJson(file, text);
  if (!json.ok) {
    problems.push(json.problem);
    return undefined;
  }
  const result = schema.safeParse(json.value);
  if (!result.success) {
    problems.push(...zodProblems(file, result.error, json.value));
    return undefined;
  }
  return result.data;
}

function checkUniqueIds(file: string, items: Partner[], pathOf: (index: number) => string, problems: KnowledgeProblem[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else problems.push({ file, path: pathOf(index), text: knowledgeText("knowledge-duplicate-id", { id: item.id, earlier: `${file}: ${pathOf(first)}` }) });
  });
}

/** A partner's status must cite a card that exists and is about that partner: the bot shows it as the reason. */
function checkStatusCitations(partners: Partner[], cards: SourcedCard[], problems: KnowledgeProblem[]): void {
  const cardsById = new Map(cards.map(({ card }) => [card.id, card]));
  partners.forEach((partner, index) => {
    if (!partner.status) return;
    const cited = cardsById.get(partner.status.card);
    const path = `[${index}].status.card`;
    if (!cited) problems.push({ file: PARTNERS_FILE, path, text: knowledgeText("knowledge-status-no-card", { card: partner.status.card }) });
    else if (!cited.partners?.includes(partner.id)) {
      problems.push({ file: PARTNERS_FILE, path, text: knowledgeText("knowledge-status-card-not-partner", { card: cited.id, partner: partner.id }) });
    }
  });
}

/** The source schema with partner ids checked against partners.json, so they fail alongside every other problem. */
function sourceFileSchemaWith(known: Set<string>) {
  const list = [...known].sort().join(", ") || "—";
  const partnerId = z.string().superRefine((id, context) => {
    // The issue carries its text: zodProblems takes it as it is.
    if (!known.has(id)) context.addIssue({ code: "custom", params: { text: knowledgeText("knowledge-unknown-partner", { partner: id, known: list }) } });
  });
  return sourceFileSchema.extend({ facts: z.array(factCardSchema.extend({ partners: z.array(partnerId).optional() })).min(1, rule("knowledge-no-cards")) });
}
