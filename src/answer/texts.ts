import { formatDate, formatDateGenitiveRu } from "./dates.js";
import { russianForm } from "./plural.js";
import type { Lang, ListQuery } from "./types.js";
import type { PartnerStatus, Region } from "../knowledge/types.js";

export interface AnswerTexts {
  notFound: string;
  knownPartners: string;
  tryAsking: string;
  more: (shown: number, total: number) => string;
  facts: (count: number) => string;
  /** A partnership that ended or was suspended, said of one partner. */
  status: (partner: string, status: PartnerStatus) => string;
  /** A short mark for a list line. */
  statusMark: (status: PartnerStatus) => string;
  region: Record<Region, string>;
  /** The first line of a list answer: what it lists and how many. `partner`: the partner's name for a documents or year list. */
  listHeading: (query: ListQuery, count: number, partner: string | undefined) => string;
  greeting: string;
  thanks: string;
}

/** Fixed phrases of an answer, per reader language. */
export const ANSWER_TEXTS: Record<Lang, AnswerTexts> = {
  ru: {
    notFound: "В базе знаний нет ответа на этот вопрос.",
    knownPartners: "В базе есть партнёрства Москвы с городами",
    tryAsking: "Попробуйте спросить:",
    more: (shown, total) => `Показано ${shown} из ${total}.`,
    facts: (count) => `${count} ${russianForm(count, { one: "факт", few: "факта", many: "фактов" })}`,
    status: (partner, status) => `Партнёрство Москвы и города ${partner} ${statusPhrase(status, "ru")}.`,
    statusMark: (status) => `⛔ ${statusPhrase(status, "ru")}`,
    region: { europe: "Европа", eurasia: "Евразия (бывший СССР)", asia: "Азия", "middle-east": "Ближний Восток", americas: "Америка", africa: "Африка" },
    listHeading: (query, count, partner) => {
      switch (query.type) {
        case "partners": {
          const where = query.region ? ` — ${ANSWER_TEXTS.ru.region[query.region]}` : query.country ? ` — ${query.country}` : "";
          const which = query.status === "ended" ? "Партнёрства, прекращённые или приостановленные" : query.status === "current" ? "Действующие партнёры Москвы" : "Партнёры Москвы";
          return `${which}${where}: ${count} ${russianForm(count, { one: "партнёр", few: "партнёра", many: "партнёров" })} в базе знаний`;
        }
        case "documents":
          return `Документы Москвы и города ${partner ?? ""}: ${count} — по дате подписания`;
        case "year":
          return `${query.year} год${partner ? `, ${partner}` : ""}: ${count} ${russianForm(count, { one: "событие", few: "события", many: "событий" })} в базе знаний`;
      }
    },
    greeting: "Здравствуйте! Я отвечаю на вопросы о партнёрствах Москвы с другими городами: соглашения, меморандумы, программы, визиты. Спросите, например:",
    thanks: "Пожалуйста! Спрашивайте ещё, например:",
  },
  en: {
    notFound: "The knowledge base has no answer to this question.",
    knownPartners: "The knowledge base covers Moscow's partnerships with",
    tryAsking: "Try asking:",
    more: (shown, total) => `Showing ${shown} of ${total}.`,
    facts: (count) => `${count} ${(count === 1 ? "fact" : "facts")}`,
    status: (partner, status) => `Moscow's partnership with ${partner} was ${statusPhrase(status, "en")}.`,
    statusMark: (status) => `⛔ ${statusPhrase(status, "en")}`,
    region: { europe: "Europe", eurasia: "Eurasia (former USSR)", asia: "Asia", "middle-east": "Middle East", americas: "Americas", africa: "Africa" },
    listHeading: (query, count, partner) => {
      switch (query.type) {
        case "partners": {
          const where = query.region ? ` — ${ANSWER_TEXTS.en.region[query.region]}` : query.country ? ` — ${query.country}` : "";
          const which = query.status === "ended" ? "Partnerships ended or suspended" : query.status === "current" ? "Moscow's current partners" : "Moscow's partners";
          return `${which}${where}: ${count} ${(count === 1 ? "partner" : "partners")} in the knowledge base`;
        }
        case "documents":
          return `Documents between Moscow and ${partner ?? ""}: ${count}, by date of signing`;
        case "year":
          return `${query.year}${partner ? `, ${partner}` : ""}: ${count} ${(count === 1 ? "event" : "events")} in the knowledge base`;
      }
    },
    greeting: "Hello! I answer questions about Moscow's partnerships with other cities: agreements, memoranda, programmes, visits. Try asking, for example:",
    thanks: "You're welcome! Ask more, for example:",
  },
};

/**
 * A partnership's status with its date, the one wording every surface uses: «прекращено с мая
 * 2016 года» (the status holds from that date on, as a legal text would put it); "ended in May
 * 2016", "ended on 2 March 2022" (a day takes "on", a month or a year "in"), "suspended since …".
 */
export function statusPhrase(status: PartnerStatus, lang: Lang): string {
  if (lang === "ru") return `${status.state === "suspended" ? "приостановлено" : "прекращено"} с ${formatDateGenitiveRu(status.since)}`;
  const when = formatDate(status.since, "en");
  return status.state === "suspended" ? `suspended since ${when}` : `ended ${status.since.length === 10 ? "on" : "in"} ${when}`;
}
