import { Composer } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import type { BotContext } from "../context.js";
import { replyPlacement } from "../reply.js";
import { BOT_TEXTS } from "../texts.js";
import { answerQuestion } from "./answering.js";

/**
 * Questions: any text in a private chat; in groups (privacy mode on) only `/ask …`, a message that
 * mentions the bot, or a reply to one of the bot's messages. Everything else in a group is not ours.
 */
export function askFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("ask", async (ctx) => {
    const question = ctx.match.trim();
    if (!question) {
      await ctx.reply(BOT_TEXTS[ctx.lang].askUsage, replyPlacement(ctx, ctx.msg));
      return;
    }
    await answerQuestion(ctx, question, ctx.msg);
  });

  const privateChat = composer.chatType("private");
  privateChat.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    await answerQuestion(ctx, ctx.msg.text, ctx.msg);
  });
  privateChat.on("message:caption", async (ctx) => {
    await answerQuestion(ctx, ctx.msg.caption, ctx.msg);
  });

  const groups = composer.chatType(["group", "supergroup"]);
  groups.on("message:text", async (ctx, next) => {
    const username = ctx.me.username;
    const mentioned = mentionsBot(ctx.msg.text, ctx.msg.entities ?? [], username);
    const repliesToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
    if (ctx.msg.text.startsWith("/") || (!mentioned && !repliesToBot)) return next();
    const question = mentioned ? withoutMention(ctx.msg.text, username) : ctx.msg.text;
    if (!question.trim()) {
      await ctx.reply(BOT_TEXTS[ctx.lang].askUsage, replyPlacement(ctx, ctx.msg));
      return;
    }
    await answerQuestion(ctx, question, ctx.msg as Message);
  });

  return composer;
}

export function mentionsBot(text: string, entities: readonly MessageEntity[], username: string): boolean {
  const wanted = `@${username}`.toLowerCase();
  return entities.some((entity) => entity.type === "mention" && text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === wanted);
}

export function withoutMention(text: string, username: string): string {
  const escaped = username.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`@${escaped}\\b`, "gi"), " ").replace(/\s+/g, " ").trim();
}
