import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { shorten } from "../../answer/html.js";
import { partnerName } from "../../answer/partner-names.js";
import { citationOf } from "../../answer/citation.js";
import { renderFactHtml, renderTelegramAnswer } from "../../answer/render-telegram.js";
import { detectLanguage } from "../../engine/language.js";
import { displayText } from "../../answer/display.js";
import { graphemePrefix } from "../../graphemes.js";
import type { Lang } from "../../answer/types.js";
import type { Snapshot } from "../../engine/types.js";
import type { BotContext } from "../context.js";
import { t } from "../../i18n/i18n.js";
import { recordQuestion } from "./answering.js";

export const INLINE_PAGE_SIZE = 10;
const INLINE_QUERY_LIMIT = 256;
const CACHE_SECONDS = 30;

/**
 * Inline mode: `@bot запрос` from any chat. Each fact is an article whose message is the fact with
 * its citation; pages of ten via next_offset. An empty query lists the partners; no match offers a
 * button into the bot, where the user gets the full "not found" help.
 */
export function inlineFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("inline_query", async (ctx) => {
    const snapshot = ctx.deps.store.current();
    const query = graphemePrefix(ctx.inlineQuery.query, INLINE_QUERY_LIMIT).trim();
    const offset = parseOffset(ctx.inlineQuery.offset);

    if (!query) {
      const results = partnersOverview(snapshot, ctx.lang);
      // In the user's language: Telegram would otherwise serve this cached answer to everyone.
      await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS, is_personal: true });
      return;
    }

    const started = performance.now();
    const lang = detectLanguage(query, ctx.lang);
    const answer = ctx.answer(snapshot, query, lang);
    if (offset === 0) recordQuestion(ctx, query, answer, performance.now() - started);
    if (!answer.answered) {
      await ctx.answerInlineQuery([], { cache_time: CACHE_SECONDS, is_personal: true, button: { text: ctx.t("inline-nothing"), start_parameter: "inline" } });
      return;
    }
    const page = answer.facts.slice(offset, offset + INLINE_PAGE_SIZE);
    const results: InlineQueryResultArticle[] = page.map((fact, index) => ({
      type: "article",
      id: `f${snapshot.version}-${offset + index}`,
      title: shorten(displayText(fact.card, lang), 100),
      description: `${citationOf(fact.source, lang).publisher}, ${citationOf(fact.source, lang).date}`,
      input_message_content: { message_text: renderFactHtml(fact, lang), parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    }));
    const next = offset + INLINE_PAGE_SIZE < answer.facts.length ? String(offset + INLINE_PAGE_SIZE) : "";
    await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS, next_offset: next });
  });
  return composer;
}

// "@bot " with nothing after it is the commonest inline query; its answer depends only on the snapshot and the language.
const overviews = new WeakMap<Snapshot, Partial<Record<Lang, InlineQueryResultArticle[]>>>();

/** One article per partner (at most 50): its name, how many facts, and its first facts with citations. */
function partnersOverview(snapshot: Snapshot, lang: Lang): InlineQueryResultArticle[] {
  const cached = overviews.get(snapshot) ?? {};
  overviews.set(snapshot, cached);
  return (cached[lang] ??= snapshot.knowledge.partners.slice(0, 50).map((partner, index) => {
    const name = partnerName(partner, lang);
    const answer = snapshot.answer(name, { lang });
    const page = renderTelegramAnswer(answer, { pageSize: 3 });
    return {
      type: "article",
      id: `p${snapshot.version}-${index}`,
      title: name,
      description: t(lang, "inline-overview", { facts: answer.facts.length }),
      input_message_content: { message_text: page.html, parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    };
  }));
}

function parseOffset(offset: string): number {
  return /^\d{1,4}$/.test(offset) ? Number(offset) : 0;
}
