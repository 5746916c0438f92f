import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/**
 * What no other feature took. Private messages: unknown commands and stickers, photos, voice and
 * the like get a hint. Button presses: callback data that does not parse (an old format, a
 * client's own bytes, another admin's draft button) gets the "ask again" toast; presses without
 * data (game buttons) are acknowledged, so the client stops spinning.
 */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  privateChat.on("message:text", (ctx) => ctx.reply(ctx.t("unknown-command")));
  privateChat.on("message", (ctx) => ctx.reply(ctx.t("non-text")));
  composer.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("expired") }));
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  return composer;
}
