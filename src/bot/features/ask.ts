import { Composer } from "grammy";
import type { MaybeInaccessibleMessage, Message, MessageEntity } from "grammy/types";
import { partnerNames } from "../../answer/partner-names.js";
import { renderTelegramAnswer } from "../../answer/render-telegram.js";
import { detectLanguage } from "../../engine/language.js";
import { decodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { editPage, replyPlacement } from "../reply.js";
import { answerQuestion, pageButtons, pageSizeOf } from "./answering.js";

/**
 * Questions: any text in a private chat; in groups (privacy mode on) only `/ask …`, a message that
 * mentions the bot, or a reply to one of the bot's messages. Everything else in a group is not ours.
 * Also the buttons under answers, which this feature makes (More/Back pages, example questions):
 * a press asks the button's question again; only a question no longer known gets "ask again".
 */
export function askFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("ask", async (ctx) => {
    const question = ctx.match.trim();
    if (!question) {
      await ctx.reply(ctx.t("ask-usage"), replyPlacement(ctx, ctx.msg));
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
      await ctx.reply(ctx.t("ask-usage"), replyPlacement(ctx, ctx.msg));
      return;
    }
    await answerQuestion(ctx, question, ctx.msg as Message);
  });

  composer.on("callback_query:data", async (ctx, next) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.kind !== "page" && action?.kind !== "example") return next();
    // Both kinds ask their question again of the knowledge current now, so a reload since the
    // button was made changes the facts shown, never whether the button works.
    const snapshot = ctx.deps.store.current();
    if (action.kind === "page") {
      const remembered = await ctx.deps.questions.recall(action.key);
      if (!remembered) return void (await ctx.answerCallbackQuery({ text: ctx.t("expired") }));
      const lang = detectLanguage(remembered.question, ctx.lang);
      const answer = ctx.answer(snapshot, remembered.question, lang, remembered.previous);
      const pageSize = pageSizeOf(answer);
      const page = renderTelegramAnswer(answer, { offset: action.offset, pageSize, partnerNames: partnerNames(snapshot.knowledge.partners, lang) });
      const markup = pageButtons(ctx, action.key, page.offset, page.nextOffset, lang, pageSize);
      await ctx.answerCallbackQuery();
      await editPage(ctx, page.html, markup);
      return;
    }
    const message = ctx.callbackQuery.message;
    const question = action.version === snapshot.version ? snapshot.examples(action.lang)[action.index] : pressedButtonText(message, ctx.callbackQuery.data);
    // A press on a message sent inline has no chat to answer in (and we put no such button there).
    if (!question || !ctx.chat) return void (await ctx.answerCallbackQuery({ text: ctx.t("expired") }));
    await ctx.answerCallbackQuery();
    await answerQuestion(ctx, question, message && "text" in message ? message : undefined);
  });

  return composer;
}

/**
 * An example button's text is its question, word for word (see suggestionButtons). After a reload
 * the example list may have changed, so the index in the callback data no longer names it; the
 * keyboard Telegram sends back with the press still does. Undefined for a message too old for
 * Telegram to include, or data no button of that message carries (a forged press).
 */
function pressedButtonText(message: MaybeInaccessibleMessage | undefined, data: string): string | undefined {
  if (!message || !("reply_markup" in message)) return undefined;
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) if ("callback_data" in button && button.callback_data === data) return button.text;
  }
  return undefined;
}

export function mentionsBot(text: string, entities: readonly MessageEntity[], username: string): boolean {
  const wanted = `@${username}`.toLowerCase();
  return entities.some((entity) => entity.type === "mention" && text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === wanted);
}

export function withoutMention(text: string, username: string): string {
  const escaped = username.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`@${escaped}\\b`, "gi"), " ").replace(/\s+/g, " ").trim();
}
