import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LOCALES, t } from "../i18n/i18n.js";
import type { Locale } from "../i18n/i18n.js";
import type { Logger } from "../lib/logger.js";

const PUBLIC = ["start", "help", "ask", "partners", "sources"] as const;
const ADMIN = ["reload", "stats", "unanswered", "ingest"] as const;

function menu(commands: readonly string[], locale: Locale): BotCommand[] {
  return commands.map((command) => ({ command, description: t(locale, `command-${command}`) }));
}

/**
 * Publishes the command menu in Russian (the default) and English; admins also see theirs in
 * their private chats, in both languages. A failure only costs the menu, so it is logged and
 * start-up goes on.
 */
export async function publishCommands(api: Api, adminIds: readonly number[], logger: Logger): Promise<void> {
  const calls: Array<[string, () => Promise<unknown>]> = [
    ["default", () => api.setMyCommands(menu(PUBLIC, "ru"))],
    ...LOCALES.map((locale): [string, () => Promise<unknown>] => [locale, () => api.setMyCommands(menu(PUBLIC, locale), { language_code: locale })]),
    // Per admin the language versions first and the default last: its call ends the admin's menu.
    ...adminIds.flatMap((id) => [
      ...LOCALES.map((locale): [string, () => Promise<unknown>] => [`admin ${id} ${locale}`, () => api.setMyCommands(menu([...PUBLIC, ...ADMIN], locale), { scope: { type: "chat", chat_id: id }, language_code: locale })]),
      [`admin ${id}`, () => api.setMyCommands(menu([...PUBLIC, ...ADMIN], "ru"), { scope: { type: "chat", chat_id: id } })] as [string, () => Promise<unknown>],
    ]),
  ];
  for (const [name, call] of calls) {
    try {
      await call();
    } catch (error) {
      logger.warn({ commands: name, error: error instanceof Error ? error.message : String(error) }, "setMyCommands failed; the command menu may be out of date");
    }
  }
}
