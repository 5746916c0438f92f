import { partnerName } from "../answer/partner-names.js";
import { t } from "../i18n/i18n.js";
import type { Lang } from "../answer/types.js";
import type { KnowledgeBase } from "../knowledge/types.js";
import type { SearchIndex } from "../search/search-index.js";

const MAX_SUGGESTIONS = 4;
/** Example questions are prepared for the partners with most cards only: a few are shown at a time. */
const PARTNERS_WITH_EXAMPLES = 12;
/** The topic tag of cards about people (knowledge data, compared with card topics; never shown). */
const PEOPLE_TOPIC = "персоны";

export interface Suggestions {
  /** Example questions, those about the named partners first; every one is answered by this knowledge. */
  forPartners(lang: Lang, partnerIds: readonly string[]): string[];
  /** Every example question, one per partner, richest partners first. */
  all(lang: Lang): readonly string[];
}

/**
 * Example questions per partner, richest partners first. Each candidate is run through the index
 * when the snapshot is built and kept only if it is answered, so a suggestion never leads nowhere.
 */
export function buildSuggestions(knowledge: KnowledgeBase, index: SearchIndex): Suggestions {
  const cardCount = new Map<string, number>();
  const topicCount = new Map<string, Map<string, number>>();
  for (const { card } of knowledge.cards) {
    for (const id of card.partners ?? []) {
      cardCount.set(id, (cardCount.get(id) ?? 0) + 1);
      const topics = topicCount.get(id) ?? new Map<string, number>();
      // «персоны» marks cards about people: not a topic anyone would ask «Москва и Манила: персоны» about.
      for (const topic of card.topics ?? []) if (topic !== PEOPLE_TOPIC) topics.set(topic, (topics.get(topic) ?? 0) + 1);
      topicCount.set(id, topics);
    }
  }
  const partners = knowledge.partners
    .filter((partner) => cardCount.has(partner.id))
    .sort((a, b) => (cardCount.get(b.id) ?? 0) - (cardCount.get(a.id) ?? 0))
    .slice(0, PARTNERS_WITH_EXAMPLES);

  const answered = (question: string): boolean => index.search(question, 1).answered;
  const perPartner = new Map<string, Record<Lang, string | undefined>>();
  for (const partner of partners) {
    const topTopic = [...(topicCount.get(partner.id) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    perPartner.set(partner.id, {
      ru: firstAnswered([topTopic ? t("ru", "example-partner-topic", { partner: partner.name, topic: topTopic }) : undefined, t("ru", "example-partner", { partner: partner.name })], answered),
      en: firstAnswered([t("en", "example-partner", { partner: partnerName(partner, "en") })], answered),
    });
  }

  const all: Record<Lang, string[]> = { ru: [], en: [] };
  for (const partner of partners) {
    for (const lang of ["ru", "en"] as const) {
      const question = perPartner.get(partner.id)?.[lang];
      if (question) all[lang].push(question);
    }
  }

  return {
    all: (lang) => all[lang],
    forPartners(lang, partnerIds) {
      const ordered = [...partners.filter((partner) => partnerIds.includes(partner.id)), ...partners.filter((partner) => !partnerIds.includes(partner.id))];
      const out: string[] = [];
      for (const partner of ordered) {
        const question = perPartner.get(partner.id)?.[lang];
        if (question) out.push(question);
        if (out.length === MAX_SUGGESTIONS) break;
      }
      return out;
    },
  };
}

function firstAnswered(candidates: Array<string | undefined>, answered: (question: string) => boolean): string | undefined {
  return candidates.find((candidate): candidate is string => !!candidate && answered(candidate));
}
