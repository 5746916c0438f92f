import { Composer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { citationOf } from "../../answer/citation.js";
import { formatDate } from "../../answer/dates.js";
import { displayText } from "../../answer/display.js";
import { escapeHtml } from "../../answer/html.js";
import { partnerName } from "../../answer/partner-names.js";
import { TELEGRAM_TEXT_LIMIT, citationHtml, renderTelegramAnswer, visibleLength } from "../../answer/render-telegram.js";
import type { Lang } from "../../answer/types.js";
import { factCounts, partnerFacts, partnersByRegion } from "../../engine/catalogue.js";
import type { RegionKey } from "../../engine/catalogue.js";
import type { Snapshot } from "../../engine/types.js";
import type { KnowledgeBase, Partner, SourcedCard } from "../../knowledge/types.js";
import { decodeCallback, encodeCallback, partnerRef } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { editPage, keyboard, replyPlacement } from "../reply.js";
import { t } from "../../i18n/i18n.js";
import { statusPhrase } from "../../answer/texts.js";

/** Other facts per page, below the timeline. */
export const PARTNER_PAGE_SIZE = 5;
/** Timeline entries per page at most; fewer when their texts would pass Telegram's limit. */
export const TIMELINE_PAGE_SIZE = 10;
/** Room kept below a page for the "Showing 5 of 12" line. */
const FOOTER_RESERVE = 64;
const BUTTONS_PER_ROW = 2;
/** Marks a partner whose partnership ended or was suspended, wherever it is listed. */
const NOT_CURRENT = "⛔ ";
/** Telegram shows at most 100 buttons under a message. */
const MAX_ROWS = 50;

/** A message of the catalogue: what /partners sends and what its buttons edit it into. */
interface View {
  html: string;
  markup: InlineKeyboardMarkup | undefined;
}

/**
 * /partners and /sources. /partners lists the regions with how many partners each; a region
 * lists its partners by country, those whose partnership ended or is suspended apart and marked;
 * a partner opens its page: its status with the card that says so, its timeline, then its other
 * facts. Every page has a way back, and the buttons name regions and partners rather than a
 * knowledge version, so they keep working after a reload that kept what they name.
 */
export function catalogueFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("partners", async (ctx) => {
    const view = partnersView(ctx.deps.store.current().knowledge, ctx.lang);
    await ctx.reply(view.html, { ...replyPlacement(ctx, ctx.msg), ...(view.markup ? { reply_markup: view.markup } : {}) });
  });

  composer.command("sources", async (ctx) => {
    await ctx.reply(renderSources(ctx.deps.store.current(), ctx.lang), replyPlacement(ctx, ctx.msg));
  });

  composer.on("callback_query:data", async (ctx, next) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.kind !== "partners" && action?.kind !== "region" && action?.kind !== "partner") return next();
    const { knowledge } = ctx.deps.store.current();
    const view =
      action.kind === "partners"
        ? partnersView(knowledge, ctx.lang)
        : action.kind === "region"
          ? regionView(knowledge, action.region, ctx.lang)
          : partnerView(knowledge, action.ref, action.offset, ctx.lang);
    // Only what a reload removed is gone; the reader is told to start from /partners again.
    if (!view) return void (await ctx.answerCallbackQuery({ text: ctx.t(action.kind === "region" ? "region-gone" : "partner-gone") }));
    await ctx.answerCallbackQuery();
    await editPage(ctx, view.html, view.markup);
  });

  return composer;
}

/** The first /partners message: the regions, or every partner when the knowledge gives no regions. */
export function partnersView(knowledge: KnowledgeBase, lang: Lang): View {
  const groups = partnersByRegion(knowledge);
  if (!groups) {
    // Version-1 knowledge: one flat list of partners, the current ones first.
    const counts = factCounts(knowledge);
    const partners = currentFirst(knowledge.partners);
    const buttons = partners.map((partner) => partnerButton(partner, `${partner.status ? NOT_CURRENT : ""}${partnerName(partner, lang)} (${counts.get(partner.id) ?? 0})`));
    return { html: t(lang, "partners-title"), markup: keyboard(inRows(buttons)) };
  }
  const total = groups.reduce((sum, group) => sum + group.partners.length, 0);
  const rows = groups.map((group) => [{ text: t(lang, "region-button", { region: t(lang, "region", { region: group.region }), partners: group.partners.length }), callback_data: encodeCallback({ kind: "region", region: group.region }) }]);
  return { html: t(lang, "regions-title", { partners: total, regions: groups.length }), markup: keyboard(rows) };
}

/**
 * One region: its current partners by country, then those whose partnership ended or is suspended,
 * marked and apart, so none of them reads as current. Buttons follow the same order, partners of one
 * country side by side.
 */
export function regionView(knowledge: KnowledgeBase, region: RegionKey, lang: Lang): View | undefined {
  const group = partnersByRegion(knowledge)?.find((candidate) => candidate.region === region);
  if (!group) return undefined;
  const counts = factCounts(knowledge);
  const button = (partner: Partner) => partnerButton(partner, `${partner.status ? NOT_CURRENT : ""}${t(lang, "partner-button", { name: partnerName(partner, lang), facts: counts.get(partner.id) ?? 0 })}`);
  const countries = byCountry(group.partners.filter((partner) => !partner.status), lang);
  const notCurrent = sortedByName(group.partners.filter((partner) => partner.status), lang);

  const lines = [t(lang, "region-title", { region: escapeHtml(t(lang, "region", { region })), partners: group.partners.length }), ""];
  lines.push(...countries.map(({ country, partners }) => `• ${escapeHtml(country)}: ${escapeHtml(partners.map((partner) => partnerName(partner, lang)).join(", "))}`));
  if (notCurrent.length > 0) {
    lines.push("", t(lang, "not-current-title"), ...notCurrent.map((partner) => `${NOT_CURRENT}${escapeHtml(partnerName(partner, lang))} (${escapeHtml(countryName(partner, lang))}) — ${statusPhrase(partner.status!, lang)}`));
  }
  lines.push("", t(lang, "choose-partner"));

  // A country with several partners gets a row of its own; single partners of different countries share rows.
  const rows: InlineKeyboardButton[][] = [];
  let shared: InlineKeyboardButton[] = [];
  const closeShared = () => {
    if (shared.length > 0) rows.push(shared);
    shared = [];
  };
  for (const { partners } of countries) {
    if (partners.length > 1) {
      closeShared();
      rows.push(...inRows(partners.map(button)));
      continue;
    }
    shared.push(button(partners[0]!));
    if (shared.length === BUTTONS_PER_ROW) closeShared();
  }
  closeShared();
  rows.push(...inRows(notCurrent.map(button)));
  const back = [{ text: t(lang, "back-to-regions"), callback_data: encodeCallback({ kind: "partners" }) }];
  return { html: lines.join("\n"), markup: keyboard([...rows.slice(0, MAX_ROWS - 1), back]) };
}

/**
 * A partner's page from `offset`: its status with the card that says so, then its timeline, then
 * its other facts. Offsets count timeline entries first and other facts after them, so one number
 * in the callback data says where a page starts.
 */
export function partnerView(knowledge: KnowledgeBase, ref: string, offset: number, lang: Lang): View | undefined {
  const partner = knowledge.partners.find((candidate) => partnerRef(candidate.id) === ref);
  if (!partner) return undefined;
  const { timeline, others, statusCard } = partnerFacts(knowledge, partner);
  const total = timeline.length + others.length;
  const headingLines = [t(lang, "partner-heading", { name: escapeHtml(partnerName(partner, lang)), facts: total })];
  if (partner.status) {
    const status = t(lang, "partner-status", { status: statusPhrase(partner.status, lang) });
    headingLines.push(statusCard ? `${status} — ${citationHtml(statusCard.source, lang)}` : status);
  }
  const heading = headingLines.join("\n");

  const starts = timelinePageStarts(timeline, heading, lang);
  const at = Math.min(Math.max(0, offset), Math.max(0, total - 1));
  let html: string;
  let previous: number | undefined;
  let next: number | undefined;
  if (at < timeline.length) {
    const page = starts.filter((start) => start <= at).length - 1;
    const end = starts[page + 1] ?? timeline.length;
    html = timelineHtml(timeline.slice(starts[page], end), heading, lang);
    previous = starts[page - 1];
    next = end < total ? end : undefined;
  } else if (others.length > 0) {
    const page = renderTelegramAnswer(
      { question: partner.name, lang, answered: true, facts: others.map(({ card, source }) => ({ card, source, score: 0, emphasis: [] })), suggestions: [] },
      { offset: at - timeline.length, pageSize: PARTNER_PAGE_SIZE, lead: false, headingHtml: timeline.length > 0 ? `${heading}\n\n${t(lang, "other-facts-title")}` : heading },
    );
    html = page.html;
    previous = page.offset > 0 ? timeline.length + Math.max(0, page.offset - PARTNER_PAGE_SIZE) : starts.at(-1);
    next = page.nextOffset === undefined ? undefined : timeline.length + page.nextOffset;
  } else {
    html = heading;
  }

  const pageOf = (start: number) => encodeCallback({ kind: "partner", ref, offset: start });
  const paging: InlineKeyboardButton[] = [];
  if (previous !== undefined) paging.push({ text: t(lang, "button-back"), callback_data: pageOf(previous) });
  if (next !== undefined) paging.push({ text: t(lang, "button-more"), callback_data: pageOf(next) });
  return { html, markup: keyboard([paging, [backToList(knowledge, partner, lang)]]) };
}

export function renderSources(snapshot: Snapshot, lang: Lang): string {
  const counts = new Map<string, number>();
  for (const { source } of snapshot.knowledge.cards) counts.set(source.id, (counts.get(source.id) ?? 0) + 1);
  const sources = [...snapshot.knowledge.sources].sort((a, b) => b.published.localeCompare(a.published));
  const lines = [t(lang, "sources-title")];
  let length = visibleLength(lines[0]!);
  for (const [position, source] of sources.entries()) {
    const citation = citationOf(source, lang);
    const title = escapeHtml(citation.title);
    const linked = citation.url ? `<a href="${escapeHtml(citation.url)}">${title}</a>` : citation.described ? title : `«${title}»`;
    const line = `• ${escapeHtml(citation.publisher)}, ${citation.date} — ${linked} (${counts.get(source.id) ?? 0})`;
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

/** The way back from a partner's page: to its region, or to the flat list when the knowledge has no regions. */
function backToList(knowledge: KnowledgeBase, partner: Partner, lang: Lang): InlineKeyboardButton {
  if (!partnersByRegion(knowledge)) return { text: t(lang, "back-to-partners"), callback_data: encodeCallback({ kind: "partners" }) };
  const region = partner.region ?? "other";
  return { text: `← ${t(lang, "region", { region })}`, callback_data: encodeCallback({ kind: "region", region }) };
}

/**
 * Where each page of the timeline starts: as many entries as fit Telegram's limit below the
 * heading, at most TIMELINE_PAGE_SIZE. Computed from the start every time, so a page's Back button
 * lands exactly on the page before it.
 */
function timelinePageStarts(timeline: readonly SourcedCard[], heading: string, lang: Lang): number[] {
  const starts: number[] = [];
  for (let start = 0; start < timeline.length; ) {
    starts.push(start);
    let end = start + 1;
    while (end < timeline.length && end - start < TIMELINE_PAGE_SIZE && visibleLength(timelineHtml(timeline.slice(start, end + 1), heading, lang)) + FOOTER_RESERVE <= TELEGRAM_TEXT_LIMIT) end++;
    start = end;
  }
  return starts;
}

/** Timeline entries as "date — text" lines; entries in a row from one source share its citation, written once below them. */
function timelineHtml(entries: readonly SourcedCard[], heading: string, lang: Lang): string {
  const blocks: string[] = [];
  let lines: string[] = [];
  entries.forEach(({ card, source }, index) => {
    lines.push(`• <b>${formatDate(card.date!, lang)}</b> — ${escapeHtml(displayText(card, lang))}`);
    if (entries[index + 1]?.source.id !== source.id) {
      blocks.push([...lines, citationHtml(source, lang)].join("\n"));
      lines = [];
    }
  });
  return [heading, t(lang, "timeline-title"), ...blocks].join("\n\n");
}

function partnerButton(partner: Partner, text: string): InlineKeyboardButton {
  return { text, callback_data: encodeCallback({ kind: "partner", ref: partnerRef(partner.id), offset: 0 }) };
}

function inRows(buttons: readonly InlineKeyboardButton[]): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length && rows.length < MAX_ROWS; i += BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + BUTTONS_PER_ROW));
  return rows;
}

/** Partners whose partnership holds first, in knowledge order; a flat list must not show the others as current among them. */
function currentFirst(partners: readonly Partner[]): Partner[] {
  return [...partners.filter((partner) => !partner.status), ...partners.filter((partner) => partner.status)];
}

function countryName(partner: Partner, lang: Lang): string {
  return lang === "en" ? (partner.country_en ?? partner.country) : partner.country;
}

function sortedByName(partners: readonly Partner[], lang: Lang): Partner[] {
  return [...partners].sort((a, b) => partnerName(a, lang).localeCompare(partnerName(b, lang), lang));
}

/** Countries in alphabetical order for the reader, each with its partners by name. */
function byCountry(partners: readonly Partner[], lang: Lang): Array<{ country: string; partners: Partner[] }> {
  const countries = new Map<string, Partner[]>();
  for (const partner of sortedByName(partners, lang)) {
    const country = countryName(partner, lang);
    countries.set(country, [...(countries.get(country) ?? []), partner]);
  }
  return [...countries].sort(([a], [b]) => a.localeCompare(b, lang)).map(([country, members]) => ({ country, partners: members }));
}
