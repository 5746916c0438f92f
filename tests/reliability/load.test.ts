/**
 * A burst of 10,000 updates from 1,000 users, through real long polling against the stand-in:
 * nothing fails, memory stays bounded, floods are limited per user, each chat's replies keep the
 * order of its messages.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startBot, stopAll, waitUntil } from "../e2e/harness.js";
import type { BotHarness } from "../e2e/harness.js";
import type { RecordedCall, UpdateDraft } from "../support/bot-api-stand-in.js";
import { errorLogs, expectValidOutgoing, heapAfterGcMb } from "./support.js";
import { t } from "../../src/i18n/i18n.js";

afterEach(stopAll);

const NORMAL_USERS = 980;
const FLOODERS = 20;
const PRIVATE_PER_USER = 7;
const FLOOD_MESSAGES = 59;
const GROUPS = 25;
const LIMIT = 30;
const FIRST_USER = 600_001;
const FIRST_GROUP = -1001_600_000_000;

/** Questions whose answers differ from one another, so a reply tells which question it answers. */
const QUESTIONS = [
  "меморандум Москвы и Минска",
  "Ханой",
  "Ташкент",
  "Абу-Даби",
  "Астана",
  "Шанхай",
  "Бавария",
  "Берлин",
  "Мехико",
  "метро в Ханое",
  "какая погода на Марсе",
];

function privateSends(h: BotHarness, chatId: number): RecordedCall[] {
  return h.api.calls.filter((call) => call.method === "sendMessage" && call.params.chat_id === chatId);
}

describe("a burst of 10,000 updates from 1,000 users", () => {
  it("is served without a failure, in order per chat, with floods limited per user and memory bounded", { timeout: 60_000 }, async () => {
    // Inline misses («какая погода на Марсе») settle only at the end (stop flushes them), not amid the count below.
    const h = await startBot({ logLevel: "info", inlineMissPauseMs: 600_000 });

    // Each question once, from users outside the burst: the reply text that identifies it.
    const textOf = new Map<string, number>();
    for (const [index, question] of QUESTIONS.entries()) {
      const reply = await h.send(h.api.privateText(500_000 + index, question));
      textOf.set(reply.params.text as string, index);
    }
    expect(textOf.size, "every question has its own answer").toBe(QUESTIONS.length);
    const heapBefore = heapAfterGcMb();
    const callsBefore = h.api.calls.length;
    const logLinesBefore = h.logs.lines.length;

    // Interleaved like real traffic: round k carries every user's k-th update.
    const rounds: UpdateDraft[][] = [];
    const add = (round: number, draft: UpdateDraft) => (rounds[round] ??= []).push(draft);
    for (let u = 0; u < NORMAL_USERS; u += 1) {
      const user = FIRST_USER + u;
      for (let k = 0; k < PRIVATE_PER_USER; k += 1) add(k, h.api.privateText(user, QUESTIONS[(u + k) % QUESTIONS.length]!));
      add(PRIVATE_PER_USER, h.api.inlineQuery(user, QUESTIONS[u % QUESTIONS.length]!));
      add(PRIVATE_PER_USER + 1, h.api.groupText(FIRST_GROUP - (u % GROUPS), user, `/ask ${QUESTIONS[(u + 3) % QUESTIONS.length]}`));
    }
    const flooders = Array.from({ length: FLOODERS }, (_, f) => FIRST_USER + NORMAL_USERS + f);
    for (const flooder of flooders) for (let k = 0; k < FLOOD_MESSAGES; k += 1) add(k, h.api.privateText(flooder, QUESTIONS[k % QUESTIONS.length]!));
    const updates = rounds.flat();
    expect(updates).toHaveLength(10_000);
    expect(new Set(updates.map((draft) => draft.message?.from?.id ?? draft.inline_query?.from.id)).size).toBe(1_000);

    const expectedMessages = NORMAL_USERS * (PRIVATE_PER_USER + 1) + FLOODERS * (LIMIT + 1);
    const started = performance.now();
    for (const draft of updates) h.api.pushUpdate(draft);
    let seen = callsBefore;
    let messages = 0;
    let inline = 0;
    await waitUntil(
      () => {
        for (; seen < h.api.calls.length; seen += 1) {
          const call = h.api.calls[seen]!;
          if (call.response === undefined) break;
          if (call.method === "sendMessage") messages += 1;
          if (call.method === "answerInlineQuery") inline += 1;
        }
        return messages >= expectedMessages && inline >= NORMAL_USERS;
      },
      50_000,
      "every reply of the burst",
    );
    const seconds = (performance.now() - started) / 1000;
    // Let anything that should not happen (a duplicate, a late reply) show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const burst = h.api.calls.slice(callsBefore).filter((call) => call.method !== "getUpdates");
    const heapWithRecords = heapAfterGcMb();

    const failed = burst.filter((call) => call.status !== 200);
    expect(failed.map((call) => `${call.method} ${call.status}`)).toEqual([]);
    expect(h.api.violations).toEqual([]);
    expect(errorLogs(h)).toEqual([]);
    expect(burst.filter((call) => call.method === "sendMessage")).toHaveLength(expectedMessages);
    expect(burst.filter((call) => call.method === "answerInlineQuery")).toHaveLength(NORMAL_USERS);
    expectValidOutgoing(burst);

    // Per-chat order: the replies of a private chat answer its questions in the order they were asked.
    for (let u = 0; u < NORMAL_USERS; u += 1) {
      const replies = privateSends(h, FIRST_USER + u).map((call) => textOf.get(call.params.text as string));
      expect(replies, `user ${FIRST_USER + u}`).toEqual(Array.from({ length: PRIVATE_PER_USER }, (_, k) => (u + k) % QUESTIONS.length));
    }
    for (let g = 0; g < GROUPS; g += 1) {
      const replies = privateSends(h, FIRST_GROUP - g);
      expect(replies.length).toBeGreaterThan(0);
      for (const reply of replies) expect(reply.params.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    }

    // A flooder gets its first 30 answers, then one polite notice, then silence; nobody else is limited.
    for (const flooder of flooders) {
      const replies = privateSends(h, flooder).map((call) => call.params.text as string);
      expect(replies).toHaveLength(LIMIT + 1);
      expect(replies.slice(0, LIMIT).map((text) => textOf.get(text))).toEqual(Array.from({ length: LIMIT }, (_, k) => k % QUESTIONS.length));
      expect(replies[LIMIT]).toBe(t("ru", "rate-limited"));
    }
    expect(burst.filter((call) => call.params.text === t("ru", "rate-limited"))).toHaveLength(FLOODERS);
    const burstLogs = h.logs.lines.slice(logLinesBefore);
    const limited = burstLogs.filter((line) => line.includes("rate limit: user told to slow down"));
    expect(limited).toHaveLength(FLOODERS);
    for (const line of limited) for (const flooder of flooders) expect(line).not.toContain(String(flooder));
    // The messages over the limit cost no answer at all: one "question" line per answer given. An
    // inline query is no question until one of its results is chosen (none is, here).
    const questionLines = burstLogs.filter((line) => line.includes('"msg":"question"')).length;
    expect(questionLines).toBe(NORMAL_USERS * (PRIVATE_PER_USER + 1) + FLOODERS * LIMIT);

    // The bot goes on answering after the burst.
    const after = await h.send(h.api.privateText(FIRST_USER, QUESTIONS[0]!));
    expect(textOf.get(after.params.text as string)).toBe(0);

    // What the test and the stand-in keep (20,000 recorded calls, every message sent, the captured log)
    // is not the bot's memory: drop it before the last reading, so what remains is the bot's own.
    const recorded = h.api.calls.length;
    const total = updates.length;
    h.api.reset();
    h.api.forgetMessages();
    h.logs.lines.length = 0;
    burst.length = 0;
    updates.length = 0;
    rounds.length = 0;
    const heapAfter = heapAfterGcMb();
    console.log(
      `load: ${total} updates from 1,000 users (${NORMAL_USERS} × ${PRIVATE_PER_USER} private + 1 inline + 1 group /ask, ${FLOODERS} flooders × ${FLOOD_MESSAGES} private) ` +
        `through long polling in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} updates/s); ${messages} messages + ${inline} inline answers sent, ` +
        `failed answers ${failed.length}, violations ${h.api.violations.length}, ${FLOODERS} flooders told once each; ` +
        `heap before ${heapBefore} MB, right after the burst ${heapWithRecords} MB (with the stand-in's ${recorded} recorded calls and stored messages), ` +
        `after ${heapAfter} MB once those are dropped`,
    );
    // The bot keeps bounded state only (5,000 remembered questions, 200 unanswered, 10,000 latencies).
    expect(heapAfter - heapBefore).toBeLessThan(32);
  });
});
