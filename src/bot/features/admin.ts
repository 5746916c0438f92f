import { Composer, InputFile } from "grammy";
import { escapeHtml, shorten } from "../../answer/html.js";
import { formatProblem } from "../../knowledge/types.js";
import type { KnowledgeWarning } from "../../engine/knowledge-warnings.js";
import { decodeCallback, encodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { toCsv } from "../csv.js";
import type { TextVariables } from "../../i18n/i18n.js";
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
 * Replies are in English: admins are the editors' team, not the public.
 */
export function adminFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const admin = composer.filter(isAdmin);

  admin.command("reload", async (ctx) => {
    const result = await ctx.deps.knowledgeUpdates.reload(`admin ${ctx.from.id}`);
    ctx.deps.logger.info({ ok: result.ok, took_ms: Math.round(result.tookMs), ...(result.ok ? { warnings: result.warnings.length } : {}), admin: ctx.from.id }, "reload");
    await ctx.reply(fitLines(reloadLines(result, ctx.deps.store.current().version)), replyPlacement(ctx, ctx.msg));
  });

  admin.command("stats", async (ctx) => {
    const stats = await ctx.deps.stats.snapshot();
    const snapshot = ctx.deps.store.current();
    const { knowledge } = snapshot;
    const lines = [
      "<b>Stats</b>",
      `Uptime: ${formatDuration(stats.uptimeMs)} (since ${stats.startedAt})`,
      `Knowledge: version ${snapshot.version}, loaded at ${snapshot.loadedAt.toISOString()}`,
      `Cards: ${knowledge.cards.length}, sources: ${knowledge.sources.length}, partners: ${knowledge.partners.length}`,
      `Questions: ${stats.questions} (answered ${stats.answered}, not answered ${stats.unanswered})`,
      `Answer latency: p50 ${formatMs(stats.p50Ms)}, p95 ${formatMs(stats.p95Ms)}`,
    ];
    await ctx.reply(lines.join("\n"), replyPlacement(ctx, ctx.msg));
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

/** ctx.t, or `t` with a locale bound: the texts of the admin's language. */
type Translate = (key: string, variables?: TextVariables) => string;

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
export function reloadLines(result: KnowledgeUpdate, servingVersion: number): string[] {
  const took = `${Math.round(result.tookMs)} ms`;
  if (!result.ok) {
    const problems = result.problems.slice(0, LISTED_PROBLEMS).map((problem) => `• ${escapeHtml(formatProblem(problem))}`);
    const more = result.problems.length > LISTED_PROBLEMS ? [`… and ${result.problems.length - LISTED_PROBLEMS} more`] : [];
    return [`<b>Reload refused</b> (${took}): ${result.problems.length} problem(s). Still serving knowledge version ${servingVersion}.`, ...problems, ...more];
  }
  const { knowledge } = result.snapshot;
  const list = (ids: string[]): string => (ids.length === 0 ? "—" : escapeHtml(ids.slice(0, LISTED_IDS).join(", ") + (ids.length > LISTED_IDS ? `, … (+${ids.length - LISTED_IDS})` : "")));
  return [
    `<b>Reloaded</b> in ${took}: version ${result.snapshot.version}.`,
    `Cards: ${knowledge.cards.length}, sources: ${knowledge.sources.length}, partners: ${knowledge.partners.length}.`,
    `Added ${result.diff.added.length}: ${list(result.diff.added)}`,
    `Removed ${result.diff.removed.length}: ${list(result.diff.removed)}`,
    `Changed ${result.diff.changed.length}: ${list(result.diff.changed)}`,
    ...warningLines(result.warnings),
    ...(result.rollout ? [rolloutLine(result.rollout)] : []),
  ];
}

/** In a fleet: how many replicas serve the new version now, and which have not caught up yet. */
function rolloutLine({ version, live, replicas, lagging }: Rollout): string {
  const behind = lagging.map((replica) => `${escapeHtml(replica.replica)} (version ${replica.version})`).join(", ");
  return `Version ${version} live on ${live} of ${replicas} replicas${lagging.length > 0 ? `; behind: ${behind}` : "."}`;
}

/** Warnings never stop a reload; the first few say what to look at, `npm run validate` lists them all. */
function warningLines(warnings: readonly KnowledgeWarning[]): string[] {
  if (warnings.length === 0) return [];
  const more = warnings.length > LISTED_WARNINGS ? [`… and ${warnings.length - LISTED_WARNINGS} more: <code>npm run validate</code> lists them all`] : [];
  return [
    `⚠ ${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"} (served all the same):`,
    ...warnings.slice(0, LISTED_WARNINGS).map((warning) => `• ${escapeHtml(formatProblem(warning))}`),
    ...more,
  ];
}

function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [d, h, m, s] = [Math.floor(seconds / 86400), Math.floor((seconds % 86400) / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return `${d ? `${d}d ` : ""}${h}h ${m}m ${s}s`;
}

function formatMs(ms: number | null): string {
  return ms === null ? "—" : `${ms.toFixed(2)} ms`;
}
