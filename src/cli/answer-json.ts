import type { Answer } from "../answer/types.js";

/**
 * The stable JSON shape of `npm run ask -- --json`: scripts and checks rely on these keys. Keys
 * added later (understood, list, statuses, small_talk) appear only when they apply.
 */
export function answerToJson(answer: Answer, limit: number): object {
  return {
    question: answer.question,
    lang: answer.lang,
    answered: answer.answered,
    facts: answer.facts.slice(0, limit).map(({ card, source, score }) => ({
      id: card.id,
      text: card.text,
      text_en: card.text_en ?? null,
      score: Math.round(score * 1000) / 1000,
      partners: card.partners ?? [],
      source: { id: source.id, title: source.title, publisher: source.publisher, published: source.published, url: source.url ?? null },
    })),
    suggestions: answer.suggestions,
    ...(answer.understood && answer.understood !== answer.question ? { understood: answer.understood } : {}),
    ...(answer.list
      ? { list: { ...answer.list.query, ...(answer.list.partners ? { partners: answer.list.partners.map(({ partner, facts }) => ({ id: partner.id, facts, ...(partner.status ? { status: partner.status } : {}) })) } : {}) } }
      : {}),
    ...(answer.statuses?.length ? { statuses: answer.statuses.map(({ partner, fact }) => ({ partner: partner.id, ...partner.status!, source: fact.source.id })) } : {}),
    ...(answer.smallTalk ? { small_talk: answer.smallTalk } : {}),
  };
}
