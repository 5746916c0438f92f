import { Composer } from "grammy";
import { partnerNames } from "../../answer/partner-names.js";
import type { Snapshot } from "../../engine/types.js";
import { partnerRef } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { decodeStartPayload } from "../deep-link.js";
import { replyPlacement } from "../reply.js";
import { BOT_TEXTS } from "../texts.js";
import type { KnowledgeSummary } from "../texts.js";
import { suggestionButtons } from "./answering.js";
import { partnerView } from "./catalogue.js";

const EXAMPLES = 4;

/**
 * /start and /help: what the bot knows, how to ask, and example questions as buttons. A deep link
 * to a partner (t.me/<bot>?start=p-minsk, under inline overview results) opens the partner's page
 * instead; one to a partner a reload removed gets the help.
 */
export function startFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx, next) => {
    const payload = decodeStartPayload(ctx.match.trim());
    if (payload?.kind !== "partner") return next();
    const view = partnerView(ctx.deps.store.current().knowledge, partnerRef(payload.id), 0, ctx.lang);
    if (!view) return next();
    await ctx.reply(view.html, { ...replyPlacement(ctx, ctx.msg), ...(view.markup ? { reply_markup: view.markup } : {}) });
  });
  composer.command(["start", "help"], async (ctx) => {
    const snapshot = ctx.deps.store.current();
    const examples = snapshot.examples(ctx.lang).slice(0, EXAMPLES);
    const html = BOT_TEXTS[ctx.lang].help(summarize(snapshot, ctx.lang), ctx.me.username);
    const markup = suggestionButtons(snapshot, { lang: ctx.lang, suggestions: [...examples] });
    await ctx.reply(html, { ...replyPlacement(ctx, ctx.msg), ...(markup ? { reply_markup: markup } : {}) });
  });
  return composer;
}

export function summarize(snapshot: Snapshot, lang: "ru" | "en"): KnowledgeSummary {
  const { knowledge } = snapshot;
  const newest = knowledge.sources.map((source) => source.published).sort().at(-1);
  return {
    partners: partnerNames(snapshot.knowledge.partners, lang),
    facts: knowledge.cards.length,
    sources: knowledge.sources.length,
    ...(newest ? { newestSource: newest } : {}),
  };
}
