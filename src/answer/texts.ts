import type { Lang } from "./types.js";

/** Fixed phrases of an answer, per reader language. */
export const ANSWER_TEXTS: Record<Lang, { notFound: string; knownPartners: string; tryAsking: string; more: (shown: number, total: number) => string }> = {
  ru: {
    notFound: "В базе знаний нет ответа на этот вопрос.",
    knownPartners: "Я знаю о партнёрствах Москвы с",
    tryAsking: "Попробуйте спросить:",
    more: (shown, total) => `Показано ${shown} из ${total}.`,
  },
  en: {
    notFound: "The knowledge base has no answer to this question.",
    knownPartners: "I know about Moscow's partnerships with",
    tryAsking: "Try asking:",
    more: (shown, total) => `Showing ${shown} of ${total}.`,
  },
};
