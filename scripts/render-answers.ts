/**
 * npm run render:answers — what a reader sees: a dozen typical answers of the real bot, rendered
 * as Telegram would show them on a phone and screenshot to PNG in docs/answers/.
 *
 * The bot is the real one (createBot with the project's knowledge); its Bot API calls are caught
 * by an API transformer instead of going anywhere, so each scenario's reply is exactly the HTML
 * and the buttons the bot would send. Each reply is laid into a phone-width page styled like a
 * Telegram chat (bubbles, the inline keyboard under the message) and screenshot by Debian's
 * chromium (`apt-get install chromium`; not an npm dependency and not part of `npm test`).
 *
 *   npm run render:answers [-- --out DIR] [-- --html-only]
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { InlineKeyboardButton, Update, UserFromGetMe } from "grammy/types";
import { createConversations } from "../src/bot/conversations.js";
import { createBot } from "../src/create-bot.js";
import { createInlineMisses } from "../src/bot/inline-misses.js";
import { folderKnowledgeUpdates } from "../src/bot/knowledge-updates.js";
import { createQuestionMemory } from "../src/bot/question-memory.js";
import { createStats } from "../src/bot/stats.js";
import { createUnansweredStore } from "../src/bot/unanswered-store.js";
import { openKnowledgeStore } from "../src/engine/store.js";
import { createLogger } from "../src/lib/logger.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { out: { type: "string" }, "html-only": { type: "boolean", default: false } } });
const OUT = path.resolve(values.out ?? path.join(REPO, "docs", "answers"));

const RU_USER = 501;
const EN_USER = 502;
const BOT: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: "Партнёрства Москвы",
  username: "MoscowPartnersBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

interface Scenario {
  file: string;
  /** What the user typed (shown as their bubble); an inline query shows as "@bot query". */
  ask: string;
  user: number;
  inline?: boolean;
}

/** Typical questions: each kind of answer once, in both languages. */
const SCENARIOS: Scenario[] = [
  { file: "01-when-minsk", ask: "Когда Москва и Минск подписали совместное заявление?", user: RU_USER },
  { file: "02-tashkent-one-source", ask: "Москва и Ташкент", user: RU_USER },
  { file: "03-who-minsk-memorandum", ask: "Кто подписал меморандум с Минском?", user: RU_USER },
  { file: "04-how-many-years-hanoi", ask: "На сколько лет программа сотрудничества с Ханоем?", user: RU_USER },
  { file: "05-translit-minsk", ask: "kogda podpisali soglashenie s minskom", user: RU_USER },
  { file: "06-english-hanoi", ask: "When did Moscow and Hanoi sign the cooperation programme?", user: EN_USER },
  { file: "07-english-bishkek", ask: "Moscow and Bishkek", user: EN_USER },
  { file: "08-ended-kyiv", ask: "Москва и Киев", user: RU_USER },
  { file: "09-list-asia", ask: "Партнёры Москвы в Азии", user: RU_USER },
  { file: "10-not-found", ask: "Какая погода на Марсе?", user: RU_USER },
  { file: "11-start", ask: "/start", user: RU_USER },
  { file: "12-help", ask: "/help", user: RU_USER },
  { file: "13-inline-fact", ask: "Дни Москвы в Ташкенте", user: RU_USER, inline: true },
];

interface Sent {
  html: string;
  buttons: InlineKeyboardButton[][];
}

const tmp = await mkdtemp(path.join(os.tmpdir(), "render-answers-"));
try {
  // Only what went wrong, on stderr: the replies themselves are the output.
  const logger = createLogger({ level: "warn", destination: process.stderr });
  const knowledgeDir = path.join(REPO, "knowledge");
  const opened = await openKnowledgeStore(knowledgeDir);
  if (!opened.ok) throw new Error(`the knowledge folder has problems: run npm run validate`);
  const { store } = opened;
  const unanswered = createUnansweredStore(path.join(tmp, "unanswered.json"), logger);
  await unanswered.load();
  const bot = createBot(
    { token: "42:render", botInfo: BOT, messagesPerMinute: 1_000_000 },
    {
      store,
      logger,
      stats: createStats(),
      unanswered,
      adminIds: new Set(),
      questions: createQuestionMemory(),
      conversations: createConversations(),
      inlineMisses: createInlineMisses(),
      knowledgeUpdates: folderKnowledgeUpdates(store, knowledgeDir),
    },
  );

  // Every Bot API call ends here: the reply is recorded and a plausible result returned.
  let sent: Sent[] = [];
  let messageId = 1000;
  bot.api.config.use(async (_prev, method, payload) => {
    const params = payload as Record<string, unknown>;
    const markup = (params.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard ?? [];
    if (method === "sendMessage") sent.push({ html: String(params.text), buttons: markup });
    if (method === "answerInlineQuery") {
      const results = params.results as Array<{ title: string; input_message_content: { message_text: string }; reply_markup?: { inline_keyboard: InlineKeyboardButton[][] } }>;
      const first = results[0];
      if (first) sent.push({ html: first.input_message_content.message_text, buttons: first.reply_markup?.inline_keyboard ?? [] });
    }
    const result = method === "sendMessage" ? { message_id: ++messageId, date: 0, chat: { id: params.chat_id, type: "private" }, text: params.text } : true;
    return { ok: true, result } as never;
  });

  let updateId = 1;
  const updateFor = (scenario: Scenario): Update => {
    const from = { id: scenario.user, is_bot: false, first_name: "Reader", language_code: scenario.user === EN_USER ? "en" : "ru" };
    if (scenario.inline) return { update_id: updateId++, inline_query: { id: String(updateId), from, query: scenario.ask, offset: "", chat_type: "sender" } };
    const command = scenario.ask.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: scenario.ask.split(" ")[0]!.length }] : undefined;
    return { update_id: updateId++, message: { message_id: updateId, date: 0, chat: { id: scenario.user, type: "private", first_name: "Reader" }, from, text: scenario.ask, ...(command ? { entities: command } : {}) } };
  };

  await mkdir(OUT, { recursive: true });
  for (const scenario of SCENARIOS) {
    sent = [];
    await bot.handleUpdate(updateFor(scenario));
    const reply = sent[0];
    if (!reply) throw new Error(`${scenario.file}: the bot sent nothing`);
    const page = path.join(tmp, `${scenario.file}.html`);
    await writeFile(page, chatPage(scenario, reply));
    if (values["html-only"]) {
      await writeFile(path.join(OUT, `${scenario.file}.html`), chatPage(scenario, reply));
      continue;
    }
    const png = path.join(OUT, `${scenario.file}.png`);
    execFileSync("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars", `--screenshot=${png}`, `--window-size=420,${pageHeight(reply)}`, page], { stdio: "ignore" });
    process.stdout.write(`${path.relative(REPO, png)}\n`);
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}

/** Tall enough for the message and its buttons, estimated from the text at the page's line width. */
function pageHeight(reply: Sent): number {
  const text = reply.html.replace(/<[^>]*>/g, "").replace(/&(?:lt|gt|amp|quot);/g, "x");
  const lines = text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 40)), 0);
  return Math.min(1600, Math.max(360, 170 + lines * 21 + reply.buttons.length * 46));
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A phone-width chat: the question on the right, the bot's message (Telegram HTML as sent) on the left, its keyboard below. */
function chatPage(scenario: Scenario, reply: Sent): string {
  const asked = scenario.inline ? `<span class="via">@${BOT.username}</span> ${escape(scenario.ask)}` : escape(scenario.ask);
  const keyboard = reply.buttons.map((row) => `<div class="row">${row.map((button) => `<div class="button">${escape(button.text)}${"url" in button ? ' <span class="arrow">↗</span>' : ""}</div>`).join("")}</div>`).join("");
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #8fb28a linear-gradient(160deg, #a8c69a, #7fa67f); font: 15px/1.38 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #000; }
  .bar { background: #517da2; color: #fff; padding: 12px 16px; font-weight: 600; font-size: 16px; }
  .bar small { display: block; font-weight: 400; opacity: .8; font-size: 12px; }
  .chat { padding: 10px 8px; }
  .bubble { max-width: 86%; padding: 7px 10px 8px; border-radius: 12px; margin: 6px 0; white-space: pre-wrap; word-wrap: break-word; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
  .mine { margin-left: auto; background: #effdde; border-bottom-right-radius: 4px; width: fit-content; }
  .bot { background: #fff; border-bottom-left-radius: 4px; }
  .bot a { color: #2a7ab8; text-decoration: none; }
  .bot code { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; background: #f2f2f2; padding: 0 2px; border-radius: 3px; }
  .via { color: #2a7ab8; font-weight: 600; }
  .keyboard { max-width: 86%; }
  .row { display: flex; gap: 4px; margin-top: 4px; }
  .button { flex: 1; text-align: center; background: rgba(0,0,0,.22); color: #fff; font-weight: 500; font-size: 14px; padding: 9px 6px; border-radius: 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .arrow { font-size: 11px; opacity: .8; }
</style></head><body>
<div class="bar">${escape(BOT.first_name)}<small>bot</small></div>
<div class="chat">
  <div class="bubble mine">${asked}</div>
  <div class="bubble bot">${reply.html}</div>
  <div class="keyboard">${keyboard}</div>
</div>
</body></html>`;
}
