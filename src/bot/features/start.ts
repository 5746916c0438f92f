import { Composer } from "grammy";
import { formatDate } from "../../answer/dates.js";
import { escapeHtml } from "../../answer/html.js";
import type { Lang } from "../../answer/types.js";
import { t } from "../../i18n/i18n.js";
import type { Snapshot } from "../../engine/types.js";
import { partnerRef } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { isAdmin } from "../filters.js";
import { decodeStartPayload } from "../deep-link.js";
import { replyPlacement } from "../reply.js";
import { suggestionButtons } from "./answering.js";
import { partnerView } from "./catalogue.js";

const EXAMPLES = 4;

/**
 * /start: what the bot is, what the knowledge holds, and example questions as buttons — the first
 * thing a new user sees, so it stays short. A deep link to a partner (t.me/<bot>?start=p-minsk,
 * under inline overview results) opens the partner's page instead; one to a partner a reload
 * removed gets the plain /start. /help: how to ask in each kind of chat and every command; an
 * admin in a private chat also gets the admin commands.
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
  composer.command("start", async (ctx) => {
    const snapshot = ctx.deps.store.current();
    const examples = snapshot.examples(ctx.lang).slice(0, EXAMPLES);
    const markup = suggestionButtons(snapshot, { lang: ctx.lang, suggestions: [...examples] });
    const html = [ctx.t("start"), knowledgeLine(snapshot, ctx.lang), ctx.t("start-ask")].filter((block) => block !== undefined).join("\n\n");
    await ctx.reply(html, { ...replyPlacement(ctx, ctx.msg), ...(markup ? { reply_markup: markup } : {}) });
  });
  composer.command("help", async (ctx) => {
    // Admin commands are listed to admins only, and only in private: a group need not learn them.
    const admin = ctx.chat.type === "private" && isAdmin(ctx);
    const html = [ctx.t("help", { bot: escapeHtml(ctx.me.username) }), ...(admin ? ["", ctx.t("help-admin")] : [])].join("\n");
    await ctx.reply(html, replyPlacement(ctx, ctx.msg));
  });
  return composer;
}

/** «В базе 327 фактов из 47 источников о 44 партнёрах, самый свежий — от 3 декабря 2025.» */
function knowledgeLine(snapshot: Snapshot, lang: Lang): string | undefined {
  const { knowledge } = snapshot;
  const newest = knowledge.sources.map((source) => source.published).sort().at(-1);
  if (!newest) return undefined;
  return t(lang, "start-knowledge", { facts: knowledge.cards.length, sources: knowledge.sources.length, partners: knowledge.partners.length, newest: formatDate(newest, lang) });
}
