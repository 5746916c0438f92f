import { REGIONS } from "../knowledge/schema.js";
import type { KnowledgeBase, Partner, Region, SourcedCard } from "../knowledge/types.js";

/**
 * The knowledge as a catalogue of partners: by region, and each partner's facts as a timeline.
 * Built from the whole knowledge, never searched, so /partners shows everything the editors wrote.
 */

/** A partner's region, or "other" for partners the knowledge gives none. */
export type RegionKey = Region | "other";
export const REGION_KEYS: readonly RegionKey[] = [...REGIONS, "other"];

export interface RegionGroup {
  region: RegionKey;
  partners: Partner[];
}

/**
 * Partners by region, in the schema's order of regions with "other" last, empty regions left out.
 * Undefined when no partner has a region (a version-1 folder): one flat list is all there is then.
 */
export function partnersByRegion(knowledge: KnowledgeBase): RegionGroup[] | undefined {
  if (!knowledge.partners.some((partner) => partner.region !== undefined)) return undefined;
  return REGION_KEYS.map((region) => ({ region, partners: knowledge.partners.filter((partner) => (partner.region ?? "other") === region) })).filter(
    (group) => group.partners.length > 0,
  );
}

/** How many cards name each partner. */
export function factCounts(knowledge: KnowledgeBase): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { card } of knowledge.cards) for (const id of card.partners ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export interface PartnerFacts {
  /** The partner's dated cards that have a kind (agreement, visit, event, status), in date order. */
  timeline: SourcedCard[];
  /** Its other cards (background facts, undated ones), in knowledge order. */
  others: SourcedCard[];
  /** The card the partner's status cites, when it has a status. */
  statusCard?: SourcedCard;
}

export function partnerFacts(knowledge: KnowledgeBase, partner: Partner): PartnerFacts {
  const cards = knowledge.cards.filter(({ card }) => card.partners?.includes(partner.id));
  const onTimeline = (entry: SourcedCard) => entry.card.kind !== undefined && entry.card.date !== undefined;
  // Array.prototype.sort is stable: facts of the same date keep the order the editors gave them.
  const timeline = cards.filter(onTimeline).sort((a, b) => compareFactDates(a.card.date!, b.card.date!));
  const others = cards.filter((entry) => !onTimeline(entry));
  const statusCard = partner.status ? knowledge.cards.find(({ card }) => card.id === partner.status!.card) : undefined;
  return { timeline, others, ...(statusCard ? { statusCard } : {}) };
}

/**
 * Orders "YYYY", "YYYY-MM" and "YYYY-MM-DD" dates. A partial date sorts as its prefix: "2016"
 * before "2016-05" before "2016-05-12" before "2017" — a fact known to a year comes first in it
 * rather than being guessed into a month. Plain code-unit order does exactly that for these shapes
 * (localeCompare may weigh the hyphen differently), so no date is parsed.
 */
export function compareFactDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
