import { Composer } from "grammy";
import { partnerNames } from "../../answer/partner-names.js";
import { renderTelegramAnswer } from "../../answer/render-telegram.js";
import { detectLanguage } from "../../engine/language.js";
import { decodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { editPage } from "../reply.js";
import { BOT_TEXTS } from "../texts.js";
import { PAGE_SIZE, answerQuestion, pageButtons } from "./answering.js";

/**
 * The buttons under answers (More/Back pages, example questions); the catalogue's buttons are
 * handled by its own feature, which runs first. Callback data is untrusted input: anything that
 * does not parse, or that points into knowledge that has since been reloaded, gets a polite
 * answer and no change.
 */
export function buttonsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.on("callback_query:data", async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    const texts = BOT_TEXTS[ctx.lang];
    const snapshot = ctx.deps.store.current();
    if (action?.kind !== "page" && action?.kind !== "example") {
      await ctx.answerCallbackQuery({ text: texts.expired });
      return;
    }
    if (action.kind === "page") {
      const remembered = await ctx.deps.questions.recall(action.key);
      if (!remembered) return void (await ctx.answerCallbackQuery({ text: texts.expired }));
      if (remembered.version !== snapshot.version) return void (await ctx.answerCallbackQuery({ text: texts.stale }));
      const lang = detectLanguage(remembered.question, ctx.lang);
      const answer = ctx.answer(snapshot, remembered.question, lang);
      const page = renderTelegramAnswer(answer, { offset: action.offset, pageSize: PAGE_SIZE, partnerNames: partnerNames(snapshot.knowledge.partners, lang) });
      const markup = pageButtons(ctx, action.key, page.offset, page.nextOffset, lang);
      await ctx.answerCallbackQuery();
      await editPage(ctx, page.html, markup);
      return;
    }
    if (action.version !== snapshot.version) return void (await ctx.answerCallbackQuery({ text: texts.stale }));
    const question = snapshot.examples(action.lang)[action.index];
    // A press on a message sent inline has no chat to answer in (and we put no such button there).
    if (!question || !ctx.chat) return void (await ctx.answerCallbackQuery({ text: texts.expired }));
    await ctx.answerCallbackQuery();
    const message = ctx.callbackQuery.message;
    await answerQuestion(ctx, question, message && "text" in message ? message : undefined);
  });

  // Callback queries from game buttons or without data: acknowledge so the client stops spinning.
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  return composer;
}
