/**
 * Helpers for the reliability tests, on top of the end-to-end harness (tests/e2e/harness.ts):
 * checks on everything the bot sent, a heap reading after a real garbage collection, and the
 * hostile text that people and attackers type.
 */
import type { Server } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { expect } from "vitest";
import { TELEGRAM_TEXT_LIMIT } from "../../src/answer/render-telegram.js";
import type { BotHarness } from "../e2e/harness.js";
import { LEVEL } from "../e2e/harness.js";
import type { BotApiStandIn, RecordedCall } from "../support/bot-api-stand-in.js";
import { checkTelegramHtml } from "../support/telegram-html.js";

/** Methods whose `text` is a message the user reads. */
const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);

/**
 * Every message text the bot sent (or tried to send) among `calls` is valid Telegram HTML whose
 * visible text fits 4,096 characters, and every inline answer's messages are valid too.
 */
export function expectValidOutgoing(calls: readonly RecordedCall[]): void {
  for (const call of calls) {
    if (TEXT_METHODS.has(call.method)) {
      expect(typeof call.params.text, `${call.method} without text`).toBe("string");
      expectValidHtml(call.params.text as string, call.params.parse_mode, call.method);
    }
    if (call.method === "answerInlineQuery") {
      for (const result of call.params.results as Array<{ input_message_content?: { message_text?: string; parse_mode?: string } }>) {
        const content = result.input_message_content;
        if (content?.message_text !== undefined) expectValidHtml(content.message_text, content.parse_mode, "inline result");
      }
    }
  }
}

function expectValidHtml(text: string, parseMode: unknown, where: string): void {
  if (parseMode === "HTML") {
    const checked = checkTelegramHtml(text);
    expect(checked.ok, checked.ok ? "" : `${where}: ${checked.error} in ${JSON.stringify(text.slice(0, 200))}`).toBe(true);
    if (checked.ok) {
      expect(checked.text.length, where).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(checked.text.trim().length, `${where}: empty message`).toBeGreaterThan(0);
    }
  } else {
    expect(parseMode, `${where}: unexpected parse_mode`).toBeUndefined();
    expect(text.length, where).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  }
}

/** Waits (checking every turn of the event loop, not every 10 ms) until `condition` holds. */
export async function settle(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Keeps the stand-in's idle keep-alive connections open for `seconds` (Node's server default is 5 s).
 * grammY's keep-alive client reuses an idle connection the server has already closed and fails
 * with "socket hang up" (auto-retry then waits 3 s, 6 s, …); tests that pause for longer than 5 s
 * and measure the pauses set this so the measurement shows the back-off, not that extra round.
 */
export function keepIdleConnections(api: BotApiStandIn, seconds: number): void {
  const server = (api as unknown as { server?: Server }).server;
  if (!server) throw new Error("the stand-in is not started");
  server.keepAliveTimeout = seconds * 1000;
}

/** Calls the bot made after `before` (a count of api.calls), long polls left out. */
export function callsSince(h: BotHarness, before: number): RecordedCall[] {
  return h.api.calls.slice(before).filter((call) => call.method !== "getUpdates");
}

/** Log records at error level or above: an update that failed, a crash caught by the boundary. */
export function errorLogs(h: BotHarness) {
  return h.logs.records.filter((record) => record.level >= LEVEL.error);
}

/** A Telegram refusal the bot expects and handles: editing a message into what it already shows. */
export function isNotModified(description: string): boolean {
  return description.startsWith("Bad Request: message is not modified");
}

// ───────────── memory ─────────────

let collect: (() => void) | undefined;

/** Used heap in MB after a full garbage collection (the flag is set at run time, so no node option is needed). */
export function heapAfterGcMb(): number {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
  collect();
  return Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10;
}

// ───────────── hostile text ─────────────

/** Pieces of real vocabulary and of everything that breaks parsers, named by what they are. */
export const PIECES = {
  words: ["Москва", "Ханоя", "Минском", "меморандум", "Ташкент", "Hanoi", "Minsk", "agreement", "МЭШ", "торгово-расчетная"],
  stopwords: ["что", "кто", "и", "в", "ли", "the", "what", "of", "а", "как"],
  emoji: ["😀", "👨‍👩‍👧", "🇷🇺", "🏳️‍🌈", "👍🏽", "🤖"],
  rtl: ["مرحبا", "שלום", "\u202E", "\u202B", "\u2067", "\u200F"],
  zeroWidth: ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u00AD"],
  combining: ["\u0301", "\u0308", "e\u0301", "й", "\u0336\u0336\u0336", "Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D"],
  control: ["\u0000", "\u0007", "\u0008", "\u001B[31m", "\r", "\u007F", "\u0085", "\u2028", "\u2029"],
  surrogates: ["\uD800", "\uDFFF", "\uDBFF\uDBFF", "a\uDC00b"],
  markup: ["<b>", "</b>", "<i>unclosed", "<script>alert(1)</script>", "&amp;", "&", "&#0;", "&#xD800;", "<", ">", '"', "'", '<a href="javascript:alert(1)">x</a>', "<tg-spoiler>", "<pre><code class=\"x\">", "*bold*", "_it_", "`code`", "```", "[link](http://x)", "~~s~~", "||spoiler||", "\\"],
  numbers: ["12345", "2025-12-03", "3,14", "-0", "1e309", "NaN", "٣٤٥", "½", "Ⅻ", "0x1F"],
  scripts: ["Ханoй", "ХАНОЙ", "ha noi", "北京", "東京", "서울", "Ἀθῆναι", "ქალაქი", "Ⅿoskva"],
  commands: ["/start", "/ask", "/reload", "/stats@PartnersTestBot", "@PartnersTestBot", "/ask@OtherBot", "@", "/"],
  punctuation: ["?", "!!!", "…", "—", "--", "«»", "()", ":", ";", "/", "#", "%s", "%n", "${x}", "{{x}}"],
  space: [" ", "  ", "\n", "\t", "\u00A0", "\u3000"],
} as const;

export type PieceKind = keyof typeof PIECES;

const anyPiece = fc.constantFrom(...Object.values(PIECES).flat());

/** A mix of pieces from every category, joined with or without spaces. */
const mixed = fc.tuple(fc.array(anyPiece, { maxLength: 40 }), fc.constantFrom("", " ")).map(([parts, glue]) => parts.join(glue));

/** Pieces of one category only: only stopwords, only punctuation, only numbers, only emoji… */
const oneKind = fc
  .constantFrom(...(Object.keys(PIECES) as PieceKind[]))
  .chain((kind) => fc.array(fc.constantFrom(...PIECES[kind]), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(kind === "stopwords" || kind === "words" ? " " : "")));

/** One character or word repeated thousands of times (up to 10,000; Telegram itself caps messages at 4,096). */
const repeated = fc
  .tuple(fc.constantFrom("а", "Ханой ", "?", "😀", "&", "<", "\u0301", "9", "\u200B", "что "), fc.integer({ min: 1_000, max: 10_000 }))
  .map(([piece, count]) => piece.repeat(Math.ceil(count / piece.length)).slice(0, count));

/** Hostile text of every kind the issue names; `maxLength` caps it in UTF-16 code units (inline queries: 256). */
export function hostileText(maxLength = 10_000): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 4, arbitrary: mixed },
      { weight: 3, arbitrary: oneKind },
      { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
      { weight: 1, arbitrary: repeated },
    )
    .map((text) => text.slice(0, maxLength));
}
