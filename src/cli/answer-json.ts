import type { Answer } from "../answer/types.js";

/** The stable JSON shape of `npm run ask -- --json`: scripts and checks rely on these keys. */
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
  };
}
