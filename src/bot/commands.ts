import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "../logger.js";

const PUBLIC: Record<"ru" | "en", BotCommand[]> = {
  ru: [
    { command: "help", description: "Что я знаю и как спросить" },
    { command: "ask", description: "Задать вопрос (в группах)" },
    { command: "partners", description: "Партнёры Москвы по регионам" },
    { command: "sources", description: "Источники фактов" },
  ],
  en: [
    { command: "help", description: "What I know and how to ask" },
    { command: "ask", description: "Ask a question (in groups)" },
    { command: "partners", description: "Moscow's partners by region" },
    { command: "sources", description: "Where the facts come from" },
  ],
};

const ADMIN: BotCommand[] = [
  { command: "reload", description: "Reload the knowledge folder" },
  { command: "stats", description: "Uptime, knowledge and latency" },
  { command: "unanswered", description: "Latest unanswered questions" },
  { command: "ingest", description: "Draft fact cards from an article" },
];

/**
 * Publishes the command menu in Russian (the default) and English; admins also see theirs in
 * their private chats. A failure only costs the menu, so it is logged and start-up goes on.
 */
export async function publishCommands(api: Api, adminIds: readonly number[], logger: Logger): Promise<void> {
  const calls: Array<[string, () => Promise<unknown>]> = [
    ["default", () => api.setMyCommands(PUBLIC.ru)],
    ["ru", () => api.setMyCommands(PUBLIC.ru, { language_code: "ru" })],
    ["en", () => api.setMyCommands(PUBLIC.en, { language_code: "en" })],
    ...adminIds.map((id): [string, () => Promise<unknown>] => [`admin ${id}`, () => api.setMyCommands([...PUBLIC.en, ...ADMIN], { scope: { type: "chat", chat_id: id } })]),
  ];
  for (const [name, call] of calls) {
    try {
      await call();
    } catch (error) {
      logger.warn({ commands: name, error: error instanceof Error ? error.message : String(error) }, "setMyCommands failed; the command menu may be out of date");
    }
  }
}
