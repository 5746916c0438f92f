import { formatDate } from "../answer/dates.js";
import { escapeHtml } from "../answer/html.js";
import { countOf } from "../answer/plural.js";
import { statusPhrase } from "../answer/texts.js";
import type { Noun } from "../answer/plural.js";
import type { Lang } from "../answer/types.js";
import type { RegionKey } from "../engine/catalogue.js";
import type { PartnerStatus } from "../knowledge/types.js";

export interface KnowledgeSummary {
  partners: string[];
  facts: number;
  sources: number;
  newestSource?: string;
}

/** Counted nouns of the bot's texts. */
export const NOUNS = {
  facts: { ru: { one: "факт", few: "факта", many: "фактов" }, en: { one: "fact", other: "facts" } },
  partners: { ru: { one: "партнёр", few: "партнёра", many: "партнёров" }, en: { one: "partner", other: "partners" } },
  // After «из»: из 1 источника, из 2 источников, из 21 источника.
  fromSources: { ru: { one: "источника", few: "источников", many: "источников" }, en: { one: "source", other: "sources" } },
  // After «в»: в 1 регионе, в 6 регионах.
  inRegions: { ru: { one: "регионе", few: "регионах", many: "регионах" }, en: { one: "region", other: "regions" } },
} satisfies Record<string, Noun>;

/** Every fixed phrase the bot says, in Russian and English. HTML-safe: variables are escaped here. */
export const BOT_TEXTS = {
  ru: {
    help: (summary: KnowledgeSummary, username: string) =>
      [
        "<b>Бот о городских партнёрствах Москвы</b>",
        "Отвечаю на вопросы о соглашениях, меморандумах, программах сотрудничества и совместных проектах Москвы с другими городами. Каждый ответ — факты из проверенной базы со ссылкой на источник; чего нет в базе, того не выдумываю.",
        "",
        `В базе: ${countOf(summary.facts, NOUNS.facts, "ru")} из ${countOf(summary.sources, NOUNS.fromSources, "ru")}${summary.newestSource ? `, самый свежий — от ${formatDate(summary.newestSource, "ru")}` : ""}.`,
        `Партнёры: ${escapeHtml(summary.partners.join(", "))}.`,
        "",
        "<b>Как спросить</b>",
        "• в личном чате со мной — просто напишите вопрос;",
        `• в группе — <code>/ask вопрос</code>, упоминание @${escapeHtml(username)} или ответ на моё сообщение;`,
        `• в любом чате — <code>@${escapeHtml(username)} вопрос</code> (инлайн-режим).`,
        "",
        "Например:",
      ].join("\n"),
    nonText: "Я понимаю только текст. Напишите вопрос словами, например: «Что Москва подписала с Ханоем?» — или откройте /help.",
    unknownCommand: "Такой команды нет. Напишите вопрос обычным текстом или откройте /help.",
    askUsage: "Напишите вопрос после команды, например: <code>/ask меморандум Москвы и Минска</code>",
    more: "Ещё ▶",
    back: "◀ Назад",
    stale: "База знаний обновилась с тех пор. Задайте вопрос ещё раз.",
    expired: "Эта кнопка устарела. Задайте вопрос ещё раз.",
    partnersTitle: "<b>Партнёры Москвы в базе знаний</b>\nНажмите на город, чтобы увидеть факты.",
    partnerFacts: (name: string, total: number) => `<b>${escapeHtml(name)}</b> — фактов: ${total}`,
    regionsTitle: (partners: number, regions: number) =>
      `<b>Партнёры Москвы в базе знаний</b>\n${countOf(partners, NOUNS.partners, "ru")} в ${countOf(regions, NOUNS.inRegions, "ru")}. Выберите регион.`,
    regionNames: { europe: "Европа", eurasia: "Евразия", asia: "Азия", "middle-east": "Ближний Восток", americas: "Америка", africa: "Африка", other: "Другие" } satisfies Record<RegionKey, string>,
    regionButton: (region: string, partners: number) => `${region} (${countOf(partners, NOUNS.partners, "ru")})`,
    regionTitle: (region: string, partners: number) => `<b>${escapeHtml(region)}</b> — ${countOf(partners, NOUNS.partners, "ru")}`,
    countryLine: (country: string, names: readonly string[]) => `• ${escapeHtml(country)}: ${escapeHtml(names.join(", "))}`,
    notCurrentTitle: "<b>Партнёрство прекращено или приостановлено</b>",
    notCurrentLine: (name: string, country: string, status: PartnerStatus) => `⛔ ${escapeHtml(name)} (${escapeHtml(country)}) — ${statusPhrase(status, "ru")}`,
    choosePartner: "Нажмите на партнёра, чтобы увидеть хронологию и факты.",
    partnerButton: (name: string, facts: number, current: boolean) => `${current ? "" : "⛔ "}${name} (${countOf(facts, NOUNS.facts, "ru")})`,
    // The flat list of knowledge without regions keeps its short buttons: «Минск (30)».
    flatPartnerButton: (name: string, facts: number, current: boolean) => `${current ? "" : "⛔ "}${name} (${facts})`,
    partnerStatus: (status: PartnerStatus) => `⛔ <b>Партнёрство ${statusPhrase(status, "ru")}</b>`,
    timelineTitle: "<b>Хронология</b>",
    otherFactsTitle: "<b>Другие факты</b>",
    backToRegions: "← Регионы",
    backToPartners: "← Партнёры",
    backTo: (region: string) => `← ${region}`,
    partnerGone: "Этого партнёра больше нет в базе знаний. Откройте /partners заново.",
    regionGone: "Партнёров из этого региона больше нет в базе знаний. Откройте /partners заново.",
    sourcesTitle: "<b>Источники</b>",
    rateLimited: "Слишком много сообщений подряд. Подождите немного — я отвечу на следующие вопросы.",
    rateLimitedPress: "Слишком много нажатий подряд. Подождите минуту и нажмите снова.",
    inlineNothing: "Ничего не найдено — открыть бота",
    inlineOverview: (count: number) => `Фактов в базе: ${count}`,
    // Under an overview message sent inline: the first keeps searching in the same chat, the second opens the partner's page in the bot.
    inlineSearchPartner: (name: string) => `🔎 Все факты: ${name}`,
    inlineOpenInBot: "Открыть в боте",
    error: "Что-то пошло не так. Попробуйте ещё раз чуть позже.",
  },
  en: {
    help: (summary: KnowledgeSummary, username: string) =>
      [
        "<b>Moscow's city partnerships bot</b>",
        "I answer questions about the agreements, memoranda, cooperation programmes and joint projects between Moscow and other cities. Every answer is a set of facts from a reviewed knowledge base with its source; what the base does not hold, I do not make up.",
        "",
        `Knowledge: ${countOf(summary.facts, NOUNS.facts, "en")} from ${countOf(summary.sources, NOUNS.fromSources, "en")}${summary.newestSource ? `, the newest from ${formatDate(summary.newestSource, "en")}` : ""}.`,
        `Partners: ${escapeHtml(summary.partners.join(", "))}.`,
        "",
        "<b>How to ask</b>",
        "• in a private chat with me — just type your question;",
        `• in a group — <code>/ask question</code>, mention @${escapeHtml(username)} or reply to my message;`,
        `• in any chat — <code>@${escapeHtml(username)} question</code> (inline mode).`,
        "",
        "For example:",
      ].join("\n"),
    nonText: "I understand text only. Type your question in words, for example \"What did Moscow sign with Hanoi?\", or see /help.",
    unknownCommand: "There is no such command. Type your question as plain text or see /help.",
    askUsage: "Put the question after the command, for example: <code>/ask Moscow Minsk memorandum</code>",
    more: "More ▶",
    back: "◀ Back",
    stale: "The knowledge base has been updated since. Please ask again.",
    expired: "This button has expired. Please ask again.",
    partnersTitle: "<b>Moscow's partners in the knowledge base</b>\nTap a city to see its facts.",
    partnerFacts: (name: string, total: number) => `<b>${escapeHtml(name)}</b> — ${countOf(total, NOUNS.facts, "en")}`,
    regionsTitle: (partners: number, regions: number) =>
      `<b>Moscow's partners in the knowledge base</b>\n${countOf(partners, NOUNS.partners, "en")} in ${countOf(regions, NOUNS.inRegions, "en")}. Choose a region.`,
    regionNames: { europe: "Europe", eurasia: "Eurasia", asia: "Asia", "middle-east": "Middle East", americas: "Americas", africa: "Africa", other: "Other" } satisfies Record<RegionKey, string>,
    regionButton: (region: string, partners: number) => `${region} (${countOf(partners, NOUNS.partners, "en")})`,
    regionTitle: (region: string, partners: number) => `<b>${escapeHtml(region)}</b> — ${countOf(partners, NOUNS.partners, "en")}`,
    countryLine: (country: string, names: readonly string[]) => `• ${escapeHtml(country)}: ${escapeHtml(names.join(", "))}`,
    notCurrentTitle: "<b>Partnership ended or suspended</b>",
    notCurrentLine: (name: string, country: string, status: PartnerStatus) => `⛔ ${escapeHtml(name)} (${escapeHtml(country)}) — ${statusPhrase(status, "en")}`,
    choosePartner: "Tap a partner to see its timeline and facts.",
    partnerButton: (name: string, facts: number, current: boolean) => `${current ? "" : "⛔ "}${name} (${countOf(facts, NOUNS.facts, "en")})`,
    flatPartnerButton: (name: string, facts: number, current: boolean) => `${current ? "" : "⛔ "}${name} (${facts})`,
    partnerStatus: (status: PartnerStatus) => `⛔ <b>Partnership ${statusPhrase(status, "en")}</b>`,
    timelineTitle: "<b>Timeline</b>",
    otherFactsTitle: "<b>Other facts</b>",
    backToRegions: "← Regions",
    backToPartners: "← Partners",
    backTo: (region: string) => `← ${region}`,
    partnerGone: "This partner is no longer in the knowledge base. Open /partners again.",
    regionGone: "The knowledge base no longer has partners in this region. Open /partners again.",
    sourcesTitle: "<b>Sources</b>",
    rateLimited: "Too many messages in a row. Please wait a little — I will answer your next questions.",
    rateLimitedPress: "Too many presses in a row. Please wait a minute and press again.",
    inlineNothing: "Nothing found — open the bot",
    inlineOverview: (count: number) => `${count} facts in the knowledge base`,
    inlineSearchPartner: (name: string) => `🔎 All facts: ${name}`,
    inlineOpenInBot: "Open in the bot",
    error: "Something went wrong. Please try again a little later.",
  },
} satisfies Record<Lang, unknown>;

export function userLang(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith("en") ? "en" : "ru";
}
