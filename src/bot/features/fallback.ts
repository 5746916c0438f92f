import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { BOT_TEXTS } from "../texts.js";

/** Private messages nobody else took: unknown commands and stickers, photos, voice and the like get a hint. */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  privateChat.on("message:text", (ctx) => ctx.reply(BOT_TEXTS[ctx.lang].unknownCommand));
  privateChat.on("message", (ctx) => ctx.reply(BOT_TEXTS[ctx.lang].nonText));
  return composer;
}
