import { Composer } from "grammy";
import type { InlineKeyboardButton, InlineQueryResultArticle } from "grammy/types";
import { shorten } from "../../answer/html.js";
import { partnerName } from "../../answer/partner-names.js";
import { citationOf } from "../../answer/citation.js";
import { renderFactHtml, renderTelegramAnswer } from "../../answer/render-telegram.js";
import { detectLanguage } from "../../engine/language.js";
import { displayText } from "../../answer/display.js";
import { graphemePrefix } from "../../lib/graphemes.js";
import type { Lang } from "../../answer/types.js";
import type { Snapshot } from "../../engine/types.js";
import type { BotContext } from "../context.js";
import { t } from "../../i18n/i18n.js";
import { startLink } from "../deep-link.js";
import { keyboard } from "../reply.js";
import { recordQuestion } from "./answering.js";

export const INLINE_PAGE_SIZE = 10;
const INLINE_QUERY_LIMIT = 256;
const CACHE_SECONDS = 30;
/** Result ids: a fact of an answer ("f<version>-<n>") or a partner of the overview ("p<version>-<n>"). */
const FACT_RESULT = /^f\d+-\d+$/;

/**
 * Inline mode: `@bot запрос` from any chat. Each fact is an article whose message is the fact with
 * its citation; pages of ten via next_offset. An empty query lists the partners, each message with
 * buttons that go on: all the partner's facts inline in the same chat, or its page in the bot. No
 * match offers a button into the bot, where the user gets the full "not found" help.
 *
 * Telegram sends an inline query at every pause in typing, so a query is not a question asked: an
 * answered one counts in /stats when the user picks one of its results (chosen_inline_result, which
 * needs inline feedback turned on with @BotFather's /setinlinefeedback), a miss when the user stops
 * typing (see inline-misses.ts), and only then does it reach /unanswered.
 */
export function inlineFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("inline_query", async (ctx) => {
    const snapshot = ctx.deps.store.current();
    const query = graphemePrefix(ctx.inlineQuery.query, INLINE_QUERY_LIMIT).trim();
    const offset = parseOffset(ctx.inlineQuery.offset);

    if (!query) {
      const results = partnersOverview(snapshot, ctx.lang, ctx.me.username);
      // In the user's language: Telegram would otherwise serve this cached answer to everyone.
      await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS, is_personal: true });
      return;
    }

    const started = performance.now();
    const lang = detectLanguage(query, ctx.lang);
    const answer = ctx.answer(snapshot, query, lang);
    if (offset === 0) {
      ctx.deps.stats.recordLatency(performance.now() - started);
      if (answer.answered) ctx.deps.inlineMisses.answered(ctx.from.id);
      else
        ctx.deps.inlineMisses.miss(ctx.from.id, () => {
          recordQuestion(ctx, query, answer);
          // Settled after the update was answered: nothing to retry, so a store out of reach is only logged.
          ctx.deps.unanswered.add(query, new Date()).catch((error: unknown) => ctx.deps.logger.warn({ error: String(error) }, "could not record an unanswered inline query"));
        });
    }
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

  // A fact the user sent into a chat: the question counted once. An overview pick is browsing, not a question.
  composer.on("chosen_inline_result", (ctx) => {
    const { result_id, query } = ctx.chosenInlineResult;
    if (!FACT_RESULT.test(result_id)) return;
    const question = graphemePrefix(query, INLINE_QUERY_LIMIT).trim();
    const answer = ctx.answer(ctx.deps.store.current(), question, detectLanguage(question, ctx.lang));
    recordQuestion(ctx, question, answer);
  });
  return composer;
}

// "@bot " with nothing after it is the commonest inline query; its answer depends only on the snapshot, the language and the bot.
const overviews = new WeakMap<Snapshot, Map<string, InlineQueryResultArticle[]>>();

/**
 * One article per partner (at most 50): its name, how many facts, and its first facts with
 * citations; the message's buttons go on from there (the answer shows 3 of them).
 */
function partnersOverview(snapshot: Snapshot, lang: Lang, username: string): InlineQueryResultArticle[] {
  const cached = overviews.get(snapshot) ?? new Map<string, InlineQueryResultArticle[]>();
  overviews.set(snapshot, cached);
  const key = `${lang}:${username}`;
  const known = cached.get(key);
  if (known) return known;
  const results = snapshot.knowledge.partners.slice(0, 50).map((partner, index): InlineQueryResultArticle => {
    const name = partnerName(partner, lang);
    const answer = snapshot.answer(name, { lang });
    const page = renderTelegramAnswer(answer, { pageSize: 3 });
    const link = startLink(username, { kind: "partner", id: partner.id });
    const buttons: InlineKeyboardButton[] = [{ text: t(lang, "inline-search-partner", { name }), switch_inline_query_current_chat: name }];
    if (link) buttons.push({ text: t(lang, "inline-open-in-bot"), url: link });
    return {
      type: "article",
      id: `p${snapshot.version}-${index}`,
      title: name,
      description: t(lang, "inline-overview", { facts: answer.facts.length }),
      input_message_content: { message_text: page.html, parse_mode: "HTML", link_preview_options: { is_disabled: true } },
      reply_markup: keyboard([buttons])!,
    };
  });
  cached.set(key, results);
  return results;
}

function parseOffset(offset: string): number {
  return /^\d{1,4}$/.test(offset) ? Number(offset) : 0;
}
