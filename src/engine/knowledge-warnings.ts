// This module reads card texts with the search's own tools (the partner lexicon, which knows every
// case form of a name; the analyzer's word stems), so what it says a card names or shares with
// another card is what the search sees there.
import { buildAnalyzer } from "../search/analyzer.js";
import { normalizeWord } from "../search/normalize.js";
import { buildPartnerLexicon } from "../search/partner-lexicon.js";
import type { PartnerLexicon } from "../search/partner-lexicon.js";
import { isSyntheticTerm } from "../search/terms.js";
import { SOURCES_DIR } from "../knowledge/parse.js";
import { nearDuplicatePairs } from "../knowledge/near-duplicates.js";
import type { StemmedCard } from "../knowledge/near-duplicates.js";
import { readTextDates } from "../knowledge/text-dates.js";
import { knowledgeText } from "../knowledge/texts.js";
import type { KnowledgeText } from "../knowledge/texts.js";
import type { KnowledgeBase, KnowledgeProblem, Partner, Source } from "../knowledge/types.js";

/**
 * Something an editor should look at that does not make the knowledge wrong: a load with warnings
 * is served. Shaped like a problem (file, JSON path, keyed text) so formatProblem prints both alike.
 */
export interface KnowledgeWarning extends KnowledgeProblem {
  kind: WarningKind;
}

export type WarningKind = "unlisted-partner" | "no-english" | "no-url" | "date-mismatch" | "near-duplicate";

/** Two cards whose text stems overlap this much (Jaccard) say the same thing. */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;

/** Everything worth an editor's look in a validated knowledge base, in file order. Pure. */
export function knowledgeWarnings(knowledge: KnowledgeBase): KnowledgeWarning[] {
  const analyzer = buildAnalyzer(knowledge.partners, knowledge.synonyms);
  const namedIn = partnersNamedIn(knowledge.partners);
  const partnersById = new Map(knowledge.partners.map((partner) => [partner.id, partner]));
  const found: Array<{ order: number; warning: KnowledgeWarning }> = [];
  const sourceOrder = new Map<string, number>();
  const cardsSeen = new Map<string, number>();
  const places: Array<{ file: string; index: number; order: number; id: string }> = [];
  const stemmed: StemmedCard[] = [];
  const stemIds = new Map<string, number>();
  const stemsOf = (text: string): Int32Array => {
    const ids = new Set<number>();
    for (const term of analyzer.indexTerms(text)) {
      if (isSyntheticTerm(term)) continue;
      let id = stemIds.get(term);
      if (id === undefined) stemIds.set(term, (id = stemIds.size));
      ids.add(id);
    }
    return Int32Array.from(ids).sort();
  };

  knowledge.cards.forEach(({ card, source }, order) => {
    const file = sourceFile(source);
    const index = cardsSeen.get(source.id) ?? 0;
    cardsSeen.set(source.id, index + 1);
    if (!sourceOrder.has(source.id)) {
      sourceOrder.set(source.id, order);
      if (!source.url) found.push({ order, warning: { kind: "no-url", file, path: "source", text: knowledgeText("knowledge-warning-no-url") } });
    }
    const add = (kind: WarningKind, path: string, warning: KnowledgeText): void => void found.push({ order, warning: { kind, file, path: `facts[${index}]${path}`, text: warning } });

    const named = new Set([...namedIn(card.text), ...(card.text_en ? namedIn(card.text_en) : [])]);
    const unlisted = [...named].filter((id) => !card.partners?.includes(id));
    if (unlisted.length > 0) add("unlisted-partner", ".partners", unlistedText(unlisted.map((id) => partnersById.get(id)!)));

    if (!card.text_en) add("no-english", "", knowledgeText("knowledge-warning-no-english"));

    if (card.date) {
      for (const field of ["text", "text_en"] as const) {
        const written = card[field];
        const conflict = written && dateConflict(card.date, field, written);
        if (conflict) add("date-mismatch", ".date", conflict);
      }
    }

    places.push({ file, index, order, id: card.id });
    stemmed.push({ partners: card.partners ?? [], sourceId: source.id, stems: stemsOf(card.text) });
  });

  for (const pair of nearDuplicatePairs(stemmed, NEAR_DUPLICATE_SIMILARITY)) {
    const [first, second] = [places[pair.first]!, places[pair.second]!];
    found.push({
      order: second.order,
      warning: {
        kind: "near-duplicate",
        file: second.file,
        path: `facts[${second.index}]`,
        text: knowledgeText("knowledge-warning-near-duplicate", { id: first.id, place: `${first.file}: facts[${first.index}]`, percent: Math.round(pair.similarity * 100) }),
      },
    });
  }

  return found.sort((a, b) => a.order - b.order).map(({ warning }) => warning);
}

function sourceFile(source: Source): string {
  return `${SOURCES_DIR}/${source.id}.json`;
}

/**
 * The partners a card's text names. Stricter than a question's reading, because a card is edited
 * text: a name is capitalised (so «вена», a vein, and "nice" are no partners), a name of several
 * words counts only whole (the search also takes any long word of it, but in a card «большой»,
 * "capital" or "state" are just words, not Большой Париж, Vientiane Capital or Free State of
 * Bavaria), and a region named after its city ("the Luhansk region") is not the city.
 */
function partnersNamedIn(partners: readonly Partner[]): (text: string) => string[] {
  const allNames = (partner: Partner): Array<string | undefined> => [partner.name, partner.name_en, ...(partner.aliases ?? [])];
  const oneWord: PartnerLexicon = buildPartnerLexicon(partners, (partner) => allNames(partner).filter((name) => name !== undefined && !/\s/u.test(name.trim())));
  const twoWords: PartnerLexicon = buildPartnerLexicon(partners, allNames);
  return (text) => {
    const ids: string[] = [];
    let previous: { parts: string[]; end: number } | undefined;
    for (const match of text.matchAll(CAPITALISED_WORD)) {
      const parts = match[0].split(HYPHEN).map(normalizeWord);
      const end = match.index + match[0].length;
      if (!REGION_AFTER.test(text.slice(end, end + 16))) {
        for (const token of parts.length > 1 ? [...parts, parts.join("")] : parts) ids.push(...oneWord.match(token));
        if (previous?.parts.length === 1 && parts.length === 1 && /^\s+$/u.test(text.slice(previous.end, match.index))) {
          ids.push(...twoWords.matchPair(previous.parts[0]!, parts[0]!));
        }
      }
      previous = { parts, end };
    }
    return ids;
  };
}

// A word that does not start in lower case: capitalised, or in a script without case (上海, تهران).
const CAPITALISED_WORD = /(?<![\p{L}\p{N}\p{M}])[^\P{L}\p{Ll}][\p{L}\p{N}\p{M}]*(?:[-\u2010\u2011][\p{L}\p{N}\p{M}]+)*/gu;
const HYPHEN = /[-\u2010\u2011]/u;
const REGION_AFTER = /^\s+(?:regions?|oblasts?|provinces?|governorates?|prefectures?|county|counties|област\p{L}*|район\p{L}*|кра[йяюе]\p{L}*|губерни\p{L}*)(?![\p{L}])/iu;

function unlistedText(partners: Partner[]): KnowledgeText {
  const names = partners.map((partner) => partner.name).join(", ");
  const ids = partners.map((partner) => `"${partner.id}"`).join(", ");
  return knowledgeText("knowledge-warning-unlisted-partner", { count: partners.length, names, ids });
}

/**
 * How the text contradicts the card's date, if it plainly does: its only year is not the date's
 * year, or its only day (a range counts as one) does not hold a full-day date. Anything less
 * certain stays silent: a range of years, a second year, a document's or a relative date.
 */
function dateConflict(date: string, field: "text" | "text_en", written: string): KnowledgeText | undefined {
  const read = readTextDates(written);
  if (read.relative) return undefined;
  const [year] = read.years;
  if (read.years.length === 1 && read.ownYears.length === 1 && year !== Number(date.slice(0, 4))) return knowledgeText("knowledge-warning-date-year", { date, field, year: String(year) });
  const [days] = read.days;
  if (date.length === 10 && read.days.length === 1 && days && !days.includes(date)) return knowledgeText("knowledge-warning-date-days", { date, field, days: days.join(" – ") });
  return undefined;
}

