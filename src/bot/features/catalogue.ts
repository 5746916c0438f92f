import { Composer } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { formatDate } from "../../answer/dates.js";
import { escapeHtml, shorten } from "../../answer/html.js";
import { partnerName } from "../../answer/partner-names.js";
import { CITED_PUBLISHER_LIMIT } from "../../answer/citation.js";
import { TELEGRAM_TEXT_LIMIT, renderTelegramAnswer, visibleLength } from "../../answer/render-telegram.js";
import type { Lang } from "../../answer/types.js";
import type { Snapshot } from "../../engine/types.js";
import { encodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { keyboard, replyPlacement } from "../reply.js";
import { BOT_TEXTS } from "../texts.js";

export const PARTNER_PAGE_SIZE = 5;

/** /partners (cities as buttons, each opening its facts) and /sources (what the knowledge is taken from). */
export function catalogueFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("partners", async (ctx) => {
    const snapshot = ctx.deps.store.current();
    const counts = factCounts(snapshot);
    const buttons: InlineKeyboardButton[] = snapshot.knowledge.partners.map((partner, index) => ({
      text: `${partnerName(partner, ctx.lang)} (${counts.get(partner.id) ?? 0})`,
      callback_data: encodeCallback({ kind: "partner", version: snapshot.version, index, offset: 0 }),
    }));
    const rows: InlineKeyboardButton[][] = [];
    for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
    const markup = keyboard(rows.slice(0, 50));
    await ctx.reply(BOT_TEXTS[ctx.lang].partnersTitle, { ...replyPlacement(ctx, ctx.msg), ...(markup ? { reply_markup: markup } : {}) });
  });

  composer.command("sources", async (ctx) => {
    await ctx.reply(renderSources(ctx.deps.store.current(), ctx.lang), replyPlacement(ctx, ctx.msg));
  });

  return composer;
}

/** One page of a partner's facts, in knowledge order, with Back/More buttons. */
export function partnerPage(snapshot: Snapshot, index: number, offset: number, lang: Lang) {
  const partner = snapshot.knowledge.partners[index];
  if (!partner) return undefined;
  const facts = snapshot.knowledge.cards
    .filter(({ card }) => card.partners?.includes(partner.id))
    .map(({ card, source }) => ({ card, source, score: 0, matched: [] }));
  const name = partnerName(partner, lang);
  const heading = BOT_TEXTS[lang].partnerFacts(name, facts.length);
  if (facts.length === 0) return { html: heading, markup: undefined };
  const page = renderTelegramAnswer(
    { question: name, lang, answered: true, facts, suggestions: [] },
    { offset, pageSize: PARTNER_PAGE_SIZE, headingHtml: heading },
  );
  const texts = BOT_TEXTS[lang];
  const row: InlineKeyboardButton[] = [];
  if (page.offset > 0) row.push({ text: texts.back, callback_data: encodeCallback({ kind: "partner", version: snapshot.version, index, offset: Math.max(0, page.offset - PARTNER_PAGE_SIZE) }) });
  if (page.nextOffset !== undefined) row.push({ text: texts.more, callback_data: encodeCallback({ kind: "partner", version: snapshot.version, index, offset: page.nextOffset }) });
  return { html: page.html, markup: keyboard([row]) };
}

export function renderSources(snapshot: Snapshot, lang: Lang): string {
  const counts = new Map<string, number>();
  for (const { source } of snapshot.knowledge.cards) counts.set(source.id, (counts.get(source.id) ?? 0) + 1);
  const sources = [...snapshot.knowledge.sources].sort((a, b) => b.published.localeCompare(a.published));
  const lines = [BOT_TEXTS[lang].sourcesTitle];
  let length = visibleLength(lines[0]!);
  for (const [position, source] of sources.entries()) {
    const title = escapeHtml(shorten(source.title, 200));
    const publisher = escapeHtml(shorten(source.publisher, CITED_PUBLISHER_LIMIT));
    const linked = source.url ? `<a href="${escapeHtml(source.url)}">${title}</a>` : `«${title}»`;
    const line = `• ${publisher}, ${formatDate(source.published, lang)} — ${linked} (${counts.get(source.id) ?? 0})`;
    const rest = `… +${sources.length - position}`;
    if (length + visibleLength(line) + 1 + rest.length + 1 > TELEGRAM_TEXT_LIMIT) {
      lines.push(rest);
      break;
    }
    lines.push(line);
    length += visibleLength(line) + 1;
  }
  return lines.join("\n");
}

function factCounts(snapshot: Snapshot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { card } of snapshot.knowledge.cards) for (const id of card.partners ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
