import { Composer } from "grammy";
import type { InlineKeyboardButton, Message, User } from "grammy/types";
import { formatDate } from "../../answer/dates.js";
import { escapeHtml, shorten } from "../../answer/html.js";
import { CITED_PUBLISHER_LIMIT } from "../../answer/citation.js";
import { TELEGRAM_TEXT_LIMIT, visibleLength } from "../../answer/render-telegram.js";
import { MAX_ARTICLE_BYTES, draftFromArticle } from "../../ingest/draft.js";
import { formatProblem } from "../../knowledge/types.js";
import { renderText } from "../../i18n/texts.js";
import type { Translate } from "../../i18n/texts.js";
import { decodeCallback, encodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { Draft } from "../draft-store.js";
import { isAdmin } from "../filters.js";
import { fitLines, keyboard, replyPlacement } from "../reply.js";
import type { Lang } from "../../answer/types.js";
import { reloadLines } from "./admin.js";

/** Reads a file the user sent, by its Bot API file_path. */
export type DownloadFile = (filePath: string) => Promise<string>;

const DROP_BUTTONS = 48;
// What a draft shows of its header and notes: at most about 2,500 of Telegram's 4,096 characters,
// however long the article's header was, which leaves room for at least one card of 1,000.
const SHOWN_TITLE = 200;
const SHOWN_URL = 200;
const SHOWN_SUGGESTIONS = 10;
const SHOWN_SUGGESTION = 60;
const SHOWN_WARNINGS = 5;
const SHOWN_NOTE = 200;
// "N: text" rewrites card N; "N en: text" gives it its English text.
const EDIT_REPLY = /^\s*(\d{1,3})\s*(en\s*)?[:.)]\s*([\s\S]+)$/i;
/** Card numbers listed in the publish confirmation; more are counted only. */
const LISTED_CARDS = 20;

/**
 * The editor's flow: `/ingest` with an article (in the message, in the message it replies to, or
 * as an attached .txt) → a draft with numbered cards and buttons to publish, drop a card or
 * cancel; a reply "N: corrected text" to the draft edits card N, "N en: English text" adds its
 * text_en. Publishing a draft whose cards lack text_en or partners first asks, saying which cards;
 * it writes the source only if the whole folder validates with it, then reloads as /reload does.
 * Admins only.
 */
export function ingestFeature(download: DownloadFile): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const admin = composer.filter(isAdmin).filter((ctx) => ctx.deps.ingest !== undefined);

  const draftArticle = async (ctx: BotContext & { from: User }, inlineText: string): Promise<void> => {
    const article = await articleOf(ctx, inlineText, download);
    if ("error" in article) return void (await ctx.reply(article.error, replyPlacement(ctx, ctx.msg)));
    const { drafts } = ctx.deps.ingest!;
    const snapshot = ctx.deps.store.current();
    const knownPeople = [...new Set(snapshot.knowledge.cards.flatMap(({ card }) => card.people ?? []))];
    const result = draftFromArticle(article.text, { partners: snapshot.knowledge.partners, knownPeople });
    if (!result.ok) {
      const problems = result.problems.map((problem) => `• ${withCode(escapeHtml(shorten(renderText(problem.text, ctx.t), SHOWN_NOTE)))}`);
      // A header line would fix it: show what a header looks like.
      const header = result.problems.some((problem) => problem.field) ? ["", ctx.t("ingest-header-format")] : [];
      return void (await ctx.reply(fitLines([ctx.t("ingest-no-draft"), ...problems, ...header]), replyPlacement(ctx, ctx.msg)));
    }
    const draft: Draft = {
      key: `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
      adminId: ctx.from.id,
      chatId: ctx.chat!.id,
      createdAt: new Date().toISOString(),
      file: result.file,
      suggestions: result.suggestions,
      warnings: result.problems.map((problem) => problem.text),
    };
    const sent = await ctx.reply(renderDraft(draft, ctx.t, ctx.lang), { ...replyPlacement(ctx, ctx.msg), reply_markup: draftButtons(draft, ctx.t) });
    await drafts.put({ ...draft, messageId: sent.message_id });
  };

  admin.command("ingest", (ctx) => draftArticle(ctx, ctx.match));
  // grammY's command() reads text only; a .txt file comes with "/ingest" as its caption.
  admin.on("message:caption", async (ctx, next) => {
    const command = /^\/ingest(?:@\w+)?(?:\s+|$)/.exec(ctx.msg.caption);
    if (!command) return next();
    await draftArticle(ctx, ctx.msg.caption.slice(command[0].length));
  });

  admin.on("callback_query:data", async (ctx, next) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.kind !== "publish" && action?.kind !== "publishAnyway" && action?.kind !== "cancel" && action?.kind !== "drop") return next();
    const { drafts } = ctx.deps.ingest!;
    const draft = await drafts.get(action.draft);
    if (!draft) return void (await ctx.answerCallbackQuery({ text: ctx.t("ingest-draft-gone") }));
    if (action.kind === "cancel") {
      await drafts.remove(draft.key);
      await ctx.answerCallbackQuery({ text: ctx.t("ingest-discarded-notice") });
      return void (await ctx.editMessageText(ctx.t("ingest-discarded", { id: escapeHtml(draft.file.source.id) }), { parse_mode: "HTML" }));
    }
    if (action.kind === "drop") {
      const index = action.card - 1;
      if (!draft.file.facts[index] || draft.file.facts.length === 1) return void (await ctx.answerCallbackQuery({ text: ctx.t("ingest-last-card") }));
      const updated = { ...draft, file: { ...draft.file, facts: draft.file.facts.filter((_, i) => i !== index) } };
      await drafts.put(updated);
      await ctx.answerCallbackQuery({ text: ctx.t("ingest-card-dropped", { card: String(index + 1) }) });
      return void (await ctx.editMessageText(renderDraft(updated, ctx.t, ctx.lang), { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: draftButtons(updated, ctx.t) }));
    }
    const missing = action.kind === "publish" ? missingLines(ctx, draft) : [];
    if (missing.length > 0) {
      await ctx.answerCallbackQuery();
      const text = ctx.t("ingest-confirm-publish", { total: draft.file.facts.length, missing: missing.join("; ") });
      const markup = keyboard([[{ text: ctx.t("ingest-publish-anyway"), callback_data: encodeCallback({ kind: "publishAnyway", draft: draft.key }) }]]);
      return void (await ctx.reply(text, { ...replyPlacement(ctx, ctx.callbackQuery.message as Message | undefined), ...(markup ? { reply_markup: markup } : {}) }));
    }
    await ctx.answerCallbackQuery({ text: ctx.t("ingest-publishing") });
    const published = await ctx.deps.knowledgeUpdates.publish(draft.file, `admin ${ctx.from.id}`);
    if (!published.ok) {
      const problems = published.problems.map((problem) => `• ${escapeHtml(formatProblem(problem, ctx.t))}`);
      return void (await ctx.reply(fitLines([ctx.t("ingest-not-published"), ...problems]), replyPlacement(ctx, ctx.callbackQuery.message as Message | undefined)));
    }
    await drafts.remove(draft.key);
    const reload = published.update;
    ctx.deps.logger.info({ file: published.file, reload_ok: reload.ok, admin: ctx.from.id }, "draft published");
    const done = ctx.t("ingest-published", { file: escapeHtml(published.file), count: draft.file.facts.length });
    // The press came from the draft, or from the confirmation under it: both say it is done, neither keeps a button.
    await ctx.editMessageText(done, { parse_mode: "HTML" });
    const pressedOn = ctx.callbackQuery.message?.message_id;
    if (draft.messageId !== undefined && pressedOn !== draft.messageId) await ctx.api.editMessageText(draft.chatId, draft.messageId, done, { parse_mode: "HTML" });
    await ctx.reply(fitLines(reloadLines(reload, ctx.deps.store.current().version, ctx.t)), replyPlacement(ctx, ctx.callbackQuery.message as Message | undefined));
  });

  admin.on("message:text", async (ctx, next) => {
    const repliedTo = ctx.msg.reply_to_message;
    const draft = repliedTo ? await ctx.deps.ingest!.drafts.byMessage(ctx.chat.id, repliedTo.message_id) : undefined;
    const edit = EDIT_REPLY.exec(ctx.msg.text);
    if (!draft || !edit) return next();
    const index = Number(edit[1]) - 1;
    const card = draft.file.facts[index];
    const english = edit[2] !== undefined;
    const text = edit[3]!.trim();
    if (!card || text.length > 1000) return void (await ctx.reply(card ? ctx.t("ingest-card-too-long") : ctx.t("ingest-no-such-card", { card: String(index + 1) }), replyPlacement(ctx, ctx.msg)));
    const edited = english ? { text_en: text } : { text };
    const updated = { ...draft, file: { ...draft.file, facts: draft.file.facts.map((other, i) => (i === index ? { ...other, ...edited } : other)) } };
    await ctx.deps.ingest!.drafts.put(updated);
    await ctx.api.editMessageText(draft.chatId, draft.messageId!, renderDraft(updated, ctx.t, ctx.lang), { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: draftButtons(updated, ctx.t) });
    await ctx.reply(ctx.t("ingest-card-updated", { card: String(index + 1) }), replyPlacement(ctx, ctx.msg));
  });

  return composer;
}

/** What publishing would leave out of README's rules, a line each (text_en, partners), or nothing. */
function missingLines(ctx: BotContext, draft: Draft): string[] {
  const numbers = (test: (card: Draft["file"]["facts"][number]) => boolean): number[] => draft.file.facts.flatMap((card, index) => (test(card) ? [index + 1] : []));
  const listed = (cards: number[]): string => cards.slice(0, LISTED_CARDS).join(", ") + (cards.length > LISTED_CARDS ? ", …" : "");
  const noEnglish = numbers((card) => !card.text_en?.trim());
  const noPartner = numbers((card) => !card.partners?.length);
  return [
    ...(noEnglish.length ? [ctx.t("ingest-missing-english", { count: noEnglish.length, cards: listed(noEnglish) })] : []),
    ...(noPartner.length ? [ctx.t("ingest-missing-partners", { count: noPartner.length, cards: listed(noPartner) })] : []),
  ];
}

/** The drafting notes mark header lines and values as `code`; in Telegram they are shown as code, not as backticks. */
function withCode(html: string): string {
  return html.replace(/`([^`\n]+)`/g, "<code>$1</code>");
}

/** The article, or the reply that says why there is none (the usage text when nothing was given). */
async function articleOf(ctx: BotContext, inlineText: string, download: DownloadFile): Promise<{ text: string } | { error: string }> {
  const message = ctx.msg!;
  const inline = inlineText.trim();
  const replied = message.reply_to_message;
  const document = message.document ?? replied?.document;
  let text = inline || replied?.text || replied?.caption || "";
  if (!inline && document) {
    if (!/\.txt$/i.test(document.file_name ?? "") && document.mime_type !== "text/plain") return { error: ctx.t("ingest-not-text") };
    if ((document.file_size ?? 0) > MAX_ARTICLE_BYTES) return { error: ctx.t("ingest-file-too-big", { kb: MAX_ARTICLE_BYTES / 1024 }) };
    const file = await ctx.api.getFile(document.file_id);
    if (!file.file_path) return { error: ctx.t("ingest-no-file-path") };
    text = await download(file.file_path);
  }
  if (!text.trim()) return { error: ctx.t("ingest-usage") };
  if (Buffer.byteLength(text, "utf8") > MAX_ARTICLE_BYTES) return { error: ctx.t("ingest-article-too-big", { kb: MAX_ARTICLE_BYTES / 1024 }) };
  return { text };
}

/** The draft as the admin reads it, in their language (`t` and `lang`: ctx.t and ctx.lang): header, numbered cards, notes, how to edit. */
export function renderDraft(draft: Draft, t: Translate, lang: Lang): string {
  const { source, facts } = draft.file;
  const head = [
    t("ingest-draft-title", { id: escapeHtml(source.id), count: facts.length }),
    `${escapeHtml(shorten(source.publisher, CITED_PUBLISHER_LIMIT))}, ${formatDate(source.published, lang)} — ${escapeHtml(shorten(source.title, SHOWN_TITLE))}${source.url ? `\n${escapeHtml(shorten(source.url, SHOWN_URL))}` : ""}`,
  ];
  const cards = facts.map((card, index) => {
    const details = [
      card.partners?.length ? t("ingest-card-partners", { list: card.partners.join(", ") }) : "",
      card.people?.length ? t("ingest-card-people", { list: card.people.join(", ") }) : "",
      card.date ? t("ingest-card-date", { date: card.date }) : "",
      card.topics?.length ? t("ingest-card-topics", { list: card.topics.join(", ") }) : "",
    ].filter(Boolean);
    const english = card.text_en ? `\nEN: ${escapeHtml(card.text_en)}` : "";
    return `<b>${index + 1}.</b> ${escapeHtml(card.text)}${english}${details.length ? `\n<i>${escapeHtml(details.join(" · "))}</i>` : ""}`;
  });
  const suggestions = draft.suggestions.slice(0, SHOWN_SUGGESTIONS).map((name) => shorten(name, SHOWN_SUGGESTION));
  const unshown = draft.suggestions.length - suggestions.length;
  const tail = [
    ...(suggestions.length ? [unshown ? t("ingest-suggestions-more", { names: escapeHtml(suggestions.join(", ")), more: unshown }) : t("ingest-suggestions", { names: escapeHtml(suggestions.join(", ")) })] : []),
    ...draft.warnings.slice(0, SHOWN_WARNINGS).map((warning) => `⚠ ${escapeHtml(shorten(renderText(warning, t), SHOWN_NOTE))}`),
    t("ingest-draft-help"),
  ];
  // Telegram counts what is shown, not the markup; 80 keeps room for the "more cards" line.
  const budget = TELEGRAM_TEXT_LIMIT - visibleLength([...head, ...tail].join("\n\n")) - 80;
  const shown: string[] = [];
  let used = 0;
  for (const card of cards) {
    const length = visibleLength(card) + 2;
    if (used + length > budget) break;
    shown.push(card);
    used += length;
  }
  const hidden = cards.length - shown.length;
  return [...head, ...shown, ...(hidden ? [t("ingest-hidden-cards", { count: hidden })] : []), ...tail].join("\n\n");
}

function draftButtons(draft: Draft, t: Translate) {
  const drop: InlineKeyboardButton[] = draft.file.facts.slice(0, DROP_BUTTONS).map((_, index) => ({ text: `✕ ${index + 1}`, callback_data: encodeCallback({ kind: "drop", draft: draft.key, card: index + 1 }) }));
  const rows: InlineKeyboardButton[][] = [
    [
      { text: t("ingest-publish-all"), callback_data: encodeCallback({ kind: "publish", draft: draft.key }) },
      { text: t("ingest-cancel"), callback_data: encodeCallback({ kind: "cancel", draft: draft.key }) },
    ],
  ];
  for (let i = 0; i < drop.length; i += 8) rows.push(drop.slice(i, i + 8));
  return keyboard(rows)!;
}
