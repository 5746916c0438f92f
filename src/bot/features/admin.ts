import { Composer, InputFile } from "grammy";
import { escapeHtml, shorten } from "../../answer/html.js";
import { formatProblem } from "../../knowledge/types.js";
import type { KnowledgeWarning } from "../../engine/knowledge-warnings.js";
import { decodeCallback, encodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { toCsv } from "../csv.js";
import type { Translate } from "../../i18n/texts.js";
import { moscowDate, moscowTime } from "../moscow-time.js";
import { MAX_UNANSWERED } from "../unanswered-store.js";
import type { UnansweredQuestion } from "../unanswered-store.js";
import { isAdmin } from "../filters.js";
import type { KnowledgeUpdate, Rollout } from "../knowledge-updates.js";
import { fitLines, keyboard, replyPlacement } from "../reply.js";

const LISTED_IDS = 15;
const LISTED_PROBLEMS = 30;
const LISTED_WARNINGS = 5;
const LISTED_UNANSWERED = 20;

/**
 * /reload, /stats, /unanswered (and its CSV, `/unanswered csv` or its button) — for the numeric user ids in ADMIN_IDS only (never a username, a
 * chat or a forwarded sender). For anyone else these commands fall through as if they did not exist.
 * Replies are in the admin's Telegram language, knowledge problems and warnings included.
 */
export function adminFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const admin = composer.filter(isAdmin);

  admin.command("reload", async (ctx) => {
    const result = await ctx.deps.knowledgeUpdates.reload(`admin ${ctx.from.id}`);
    ctx.deps.logger.info({ ok: result.ok, took_ms: Math.round(result.tookMs), ...(result.ok ? { warnings: result.warnings.length } : {}), admin: ctx.from.id }, "reload");
    await ctx.reply(fitLines(reloadLines(result, ctx.deps.store.current().version, ctx.t)), replyPlacement(ctx, ctx.msg));
  });

  admin.command("stats", async (ctx) => {
    const stats = await ctx.deps.stats.snapshot();
    const snapshot = ctx.deps.store.current();
    const { knowledge } = snapshot;
    const html = ctx.t("stats", {
      uptime: formatDuration(stats.uptimeMs, ctx.t),
      since: stats.startedAt,
      version: String(snapshot.version),
      loaded: snapshot.loadedAt.toISOString(),
      cards: knowledge.cards.length,
      sources: knowledge.sources.length,
      partners: knowledge.partners.length,
      questions: stats.questions,
      answered: stats.answered,
      unanswered: stats.unanswered,
      p50: formatMs(stats.p50Ms, ctx.t),
      p95: formatMs(stats.p95Ms, ctx.t),
    });
    await ctx.reply(html, replyPlacement(ctx, ctx.msg));
  });

  admin.command("unanswered", async (ctx) => {
    if (/^csv$/i.test(ctx.match.trim())) return sendUnansweredCsv(ctx);
    const questions = await ctx.deps.unanswered.latest(MAX_UNANSWERED);
    const markup = questions.length > 0 ? keyboard([[{ text: ctx.t("unanswered-csv-button"), callback_data: encodeCallback({ kind: "unansweredCsv" }) }]]) : undefined;
    await ctx.reply(fitLines(unansweredLines(questions, ctx.t)), { ...replyPlacement(ctx, ctx.msg), ...(markup ? { reply_markup: markup } : {}) });
  });

  admin.on("callback_query:data", async (ctx, next) => {
    if (decodeCallback(ctx.callbackQuery.data)?.kind !== "unansweredCsv") return next();
    await ctx.answerCallbackQuery();
    await sendUnansweredCsv(ctx);
  });

  return composer;
}

/**
 * /unanswered: the most recently asked first, repeats merged with their count, times in Moscow
 * time with the zone named (the server's clock is UTC; the editors are in Moscow).
 */
export function unansweredLines(questions: readonly UnansweredQuestion[], t: Translate): string[] {
  if (questions.length === 0) return [t("unanswered-none")];
  const shown = questions.slice(0, LISTED_UNANSWERED).map((question) => t("unanswered-line", { text: escapeHtml(shorten(question.text, 200)), count: question.count, time: moscowTime(question.at) }));
  const more = questions.length > LISTED_UNANSWERED ? [t("unanswered-more", { count: questions.length - LISTED_UNANSWERED })] : [];
  return [t("unanswered-title", { count: questions.length }), ...shown, ...more];
}

/** The whole list for the editors' spreadsheet, one row per question, times in Moscow time. */
export function unansweredCsv(questions: readonly UnansweredQuestion[], t: Translate): string {
  return toCsv([
    [t("unanswered-csv-question"), t("unanswered-csv-count"), t("unanswered-csv-first"), t("unanswered-csv-last")],
    ...questions.map((question) => [question.text, question.count, moscowTime(question.first), moscowTime(question.at)]),
  ]);
}

async function sendUnansweredCsv(ctx: BotContext): Promise<void> {
  const questions = await ctx.deps.unanswered.latest(MAX_UNANSWERED);
  const { parse_mode, reply_parameters, message_thread_id } = replyPlacement(ctx, ctx.msg ?? undefined);
  const placement = { parse_mode, ...(reply_parameters ? { reply_parameters } : {}), ...(message_thread_id === undefined ? {} : { message_thread_id }) };
  if (questions.length === 0) return void (await ctx.reply(ctx.t("unanswered-none"), placement));
  const file = new InputFile(Buffer.from(unansweredCsv(questions, ctx.t), "utf8"), `unanswered-${moscowDate(new Date())}.csv`);
  await ctx.replyWithDocument(file, { caption: ctx.t("unanswered-csv-caption", { count: questions.length }), ...placement });
}

/** The admin's reply to a reload, a line each, for fitLines. */
export function reloadLines(result: KnowledgeUpdate, servingVersion: number, t: Translate): string[] {
  const ms = Math.round(result.tookMs);
  if (!result.ok) {
    const problems = result.problems.slice(0, LISTED_PROBLEMS).map((problem) => `• ${escapeHtml(formatProblem(problem, t))}`);
    const more = result.problems.length > LISTED_PROBLEMS ? [t("reload-more", { count: result.problems.length - LISTED_PROBLEMS })] : [];
    return [t("reload-refused", { ms: String(ms), count: result.problems.length, version: String(servingVersion) }), ...problems, ...more];
  }
  const { knowledge } = result.snapshot;
  const list = (ids: string[]): string => (ids.length === 0 ? "—" : escapeHtml(ids.slice(0, LISTED_IDS).join(", ") + (ids.length > LISTED_IDS ? `, … (+${ids.length - LISTED_IDS})` : "")));
  return [
    t("reload-done", { ms: String(ms), version: String(result.snapshot.version) }),
    t("reload-counts", { cards: knowledge.cards.length, sources: knowledge.sources.length, partners: knowledge.partners.length }),
    t("reload-added", { count: result.diff.added.length, ids: list(result.diff.added) }),
    t("reload-removed", { count: result.diff.removed.length, ids: list(result.diff.removed) }),
    t("reload-changed", { count: result.diff.changed.length, ids: list(result.diff.changed) }),
    ...warningLines(result.warnings, t),
    ...(result.rollout ? [rolloutLine(result.rollout, t)] : []),
  ];
}

/** In a fleet: how many replicas serve the new version now, and which have not caught up yet. */
function rolloutLine({ version, live, replicas, lagging }: Rollout, t: Translate): string {
  const behind = lagging.map((replica) => t("reload-replica", { replica: escapeHtml(replica.replica), version: String(replica.version) })).join(", ");
  const counts = { version: String(version), live, replicas };
  return lagging.length > 0 ? t("reload-rollout-behind", { ...counts, behind }) : t("reload-rollout", counts);
}

/** Warnings never stop a reload; the first few say what to look at, `npm run validate` lists them all. */
function warningLines(warnings: readonly KnowledgeWarning[], t: Translate): string[] {
  if (warnings.length === 0) return [];
  const more = warnings.length > LISTED_WARNINGS ? [t("reload-warnings-more", { count: warnings.length - LISTED_WARNINGS })] : [];
  return [
    t("reload-warnings", { count: warnings.length }),
    ...warnings.slice(0, LISTED_WARNINGS).map((warning) => `• ${escapeHtml(formatProblem(warning, t))}`),
    ...more,
  ];
}

function formatDuration(ms: number, t: Translate): string {
  const seconds = Math.floor(ms / 1000);
  const [days, hours, minutes, rest] = [Math.floor(seconds / 86400), Math.floor((seconds % 86400) / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return days > 0 ? t("duration", { days, hours, minutes, seconds: rest }) : t("duration-short", { hours, minutes, seconds: rest });
}

function formatMs(ms: number | null, t: Translate): string {
  return ms === null ? "—" : t("milliseconds", { ms: ms.toFixed(2) });
}
