import { TELEGRAM_TEXT_LIMIT } from "../answer/render-telegram.js";
import { GrammyError } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message } from "grammy/types";
import type { BotContext } from "./context.js";

/**
 * Options that put a reply where the question was: under the asking message in groups, and in
 * the same topic of a forum supergroup. Citations carry links, so previews are off.
 */
export function replyPlacement(ctx: BotContext, replyTo?: Pick<Message, "message_id" | "message_thread_id" | "is_topic_message">) {
  const inGroup = ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
  return {
    parse_mode: "HTML" as const,
    link_preview_options: { is_disabled: true },
    ...(replyTo && inGroup ? { reply_parameters: { message_id: replyTo.message_id, allow_sending_without_reply: true } } : {}),
    ...(replyTo?.is_topic_message && replyTo.message_thread_id !== undefined ? { message_thread_id: replyTo.message_thread_id } : {}),
  };
}

export function keyboard(rows: InlineKeyboardButton[][]): { inline_keyboard: InlineKeyboardButton[][] } | undefined {
  const nonEmpty = rows.filter((row) => row.length > 0);
  return nonEmpty.length > 0 ? { inline_keyboard: nonEmpty } : undefined;
}

/** Drops whole lines from the end until an HTML message fits Telegram's limit (never cutting inside a tag). */
export function fitLines(lines: readonly string[]): string {
  const kept = [...lines];
  while (kept.join("\n").length > TELEGRAM_TEXT_LIMIT - 16 && kept.length > 1) kept.pop();
  return kept.join("\n");
}

/** A double tap asks for the page already shown; Telegram refuses that edit as "not modified", and nothing is lost. */
export async function editPage(ctx: BotContext, html: string, markup: InlineKeyboardMarkup | undefined): Promise<void> {
  try {
    await ctx.editMessageText(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(markup ? { reply_markup: markup } : {}) });
  } catch (error) {
    if (error instanceof GrammyError && error.description.includes("message is not modified")) return;
    throw error;
  }
}
