/**
 * Admin commands go by the numeric user id of the sender only — never a username, a chat, a
 * forwarded sender or an edit. tests/e2e/admin.test.ts covers a plain non-admin in private and in a
 * group, tests/e2e/ingest.test.ts a non-admin's /ingest; here are the disguises.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { ALLOWED_UPDATES } from "../../src/bot/polling.js";
import { BOT_USERNAME, button, resultMessage, shownText, startBot, stopAll, waitUntil } from "../e2e/harness.js";
import type { BotHarness } from "../e2e/harness.js";
import type { RecordedCall, UpdateDraft } from "../support/bot-api-stand-in.js";
import { t } from "../../src/i18n/i18n.js";

const ADMIN = 9001;
const USER = 9101;
const GROUP = -1001_740_000_001;
const ANONYMOUS_ADMIN_BOT = 1087968824;
const ADMIN_COMMANDS = ["/reload", "/stats", "/unanswered", "/ingest Москва и Минск подписали меморандум о сотрудничестве."];
/** What only an admin ever sees. */
const ADMIN_REPLY = /^(Stats|Статистика|Reloaded|Перечитано|Reload refused|Перечитать не удалось|Unanswered questions|No unanswered questions yet|Вопросы без ответа|Вопросов без ответа пока нет|Draft|No draft|Черновика нет|\/ingest (?:makes|делает)|Publish anyway|Опубликовать всё равно|Published|Not published|Черновик|Опубликован|Не опубликовано)/;

const ARTICLE = `title: Москва и Ташкент договорились о сотрудничестве в строительстве метро
publisher: Тестовое агентство
published: 2026-05-14

ТАШКЕНТ, 14 мая. Москва и Ташкент договорились обмениваться опытом строительства метрополитена. Стороны подписали дорожную карту сотрудничества на 2026–2027 годы.`;

afterEach(stopAll);

async function adminBot(): Promise<BotHarness> {
  const h = await startBot({ adminIds: [ADMIN], ingest: true });
  h.api.setUser(ADMIN, { username: "chief_editor", first_name: "Chief" });
  return h;
}

/** Nothing an admin command does happened: no admin reply, no reload, no draft, no file. */
async function expectNoAdminEffect(h: BotHarness, calls: RecordedCall[]): Promise<void> {
  for (const call of calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText")) {
    expect(shownText(call)).not.toMatch(ADMIN_REPLY);
  }
  expect(h.deps.store.current().version).toBe(1);
  expect(h.logs.withMessage("reload")).toEqual([]);
  await h.deps.ingest!.drafts.flush();
  expect(existsSync(path.join(h.dataDir, "drafts.json"))).toBe(false);
  expect(await readdir(path.join(h.knowledgeDir, "sources"))).not.toContain(expect.stringMatching(/^testovoe-agentstvo/));
  expect(h.api.violations).toEqual([]);
}

/** Sends each private message and expects the reply an unknown command gets. */
async function expectUnknownInPrivate(h: BotHarness, drafts: UpdateDraft[]): Promise<RecordedCall[]> {
  const replies: RecordedCall[] = [];
  for (const draft of drafts) {
    const reply = await h.send(draft);
    expect(reply.params.text, draft.message?.text).toBe(t("ru", "unknown-command"));
    replies.push(reply);
  }
  return replies;
}

let directId = 800_000_000;
/** Hands an update to the bot as if Telegram had delivered it, whatever polling asked for. */
async function deliver(h: BotHarness, draft: UpdateDraft): Promise<RecordedCall[]> {
  const before = h.api.calls.length;
  await h.bot.handleUpdate({ ...draft, update_id: directId++ } as Update);
  return h.api.calls.slice(before);
}

describe("admin commands check the numeric user id only", () => {
  it("a forwarded admin message does not make its forwarder an admin, in private or in a group", async () => {
    const h = await adminBot();
    const admin = h.api.setUser(ADMIN, {});
    const forwarded = (draft: UpdateDraft): UpdateDraft => {
      Object.assign(draft.message as object, { forward_origin: { type: "user", sender_user: admin, date: 1_700_000_000 }, forward_from: admin, forward_date: 1_700_000_000 });
      return draft;
    };
    const replies = await expectUnknownInPrivate(h, ADMIN_COMMANDS.map((command) => forwarded(h.api.privateText(USER, command))));
    const ignored = await h.expectIgnored(
      ADMIN_COMMANDS.map((command) => forwarded(h.api.groupText(GROUP, USER, command.replace(/^\/(\w+)/, `/$1@${BOT_USERNAME}`)))),
      h.api.groupText(GROUP, USER, "/ask Ханой"),
    );
    expect(ignored.filter((call) => call.method === "sendMessage")).toHaveLength(1);
    await expectNoAdminEffect(h, [...replies, ...ignored]);
  });

  it("a non-admin whose username (and name) equal an admin's is still not an admin", async () => {
    const h = await adminBot();
    h.api.setUser(USER, { username: "chief_editor", first_name: "Chief" });
    const replies = await expectUnknownInPrivate(h, ADMIN_COMMANDS.map((command) => h.api.privateText(USER, command)));
    const ignored = await h.expectIgnored(
      ADMIN_COMMANDS.map((command) => h.api.groupText(GROUP, USER, command)),
      h.api.groupText(GROUP, USER, "/ask Ханой"),
    );
    expect(ignored.filter((call) => call.method === "sendMessage")).toHaveLength(1);
    await expectNoAdminEffect(h, [...replies, ...ignored]);
  });

  it("edits never run a command: neither a non-admin's nor an admin's message edited into /reload", async () => {
    const h = await adminBot();
    expect(ALLOWED_UPDATES).not.toContain("edited_message");
    const calls: RecordedCall[] = [];
    for (const sender of [USER, ADMIN]) {
      for (const command of ADMIN_COMMANDS) {
        const asked = h.api.privateText(sender, "Ханой");
        calls.push(await h.send(asked), ...(await deliver(h, h.api.editedMessage(asked.message!, command))));
        const inGroup = h.api.groupText(GROUP, sender, "/ask Ханой");
        calls.push(...(await deliver(h, h.api.editedMessage(inGroup.message!, `${command.split(" ")[0]}@${BOT_USERNAME}`))));
      }
    }
    expect(calls.filter((call) => call.method === "sendMessage")).toHaveLength(2 * ADMIN_COMMANDS.length);
    await expectNoAdminEffect(h, calls);
  });

  it("neither the chat nor a sender chat nor a string id stands in for the user id", async () => {
    const h = await adminBot();
    // A message from a non-admin that claims the admin's private chat.
    const inAdminChat = h.api.privateText(USER, "/stats");
    (inAdminChat.message as { chat: { id: number } }).chat.id = ADMIN;
    // The admin id as a string, and the anonymous group admin (the bot "GroupAnonymousBot" with the group as sender_chat).
    const stringId = h.api.privateText(USER, "/stats", { from: { id: String(ADMIN) as unknown as number } });
    const anonymous = h.api.groupText(GROUP, ANONYMOUS_ADMIN_BOT, "/reload", {
      from: { is_bot: true, first_name: "Group", username: "GroupAnonymousBot" },
      fields: { sender_chat: { id: GROUP, type: "supergroup", title: "Test group" } },
    });
    const channelNamedLikeAdmin = h.api.groupText(GROUP, USER, "/stats", { fields: { sender_chat: { id: ADMIN, type: "channel", title: "Admin" } } });
    const channelPost = { channel_post: { message_id: 1, date: 1_700_000_000, chat: { id: ADMIN, type: "channel", title: "Admin" }, text: "/reload", entities: [{ type: "bot_command", offset: 0, length: 7 }] } } as unknown as UpdateDraft;

    const calls = [
      ...(await deliver(h, inAdminChat)),
      ...(await deliver(h, stringId)),
      ...(await deliver(h, anonymous)),
      ...(await deliver(h, channelNamedLikeAdmin)),
      ...(await deliver(h, channelPost)),
    ];
    expect(calls.filter((call) => call.method === "sendMessage").map((call) => call.params.text)).toEqual([t("ru", "unknown-command"), t("ru", "unknown-command")]);
    await expectNoAdminEffect(h, calls);
  });

  it("a non-admin cannot press an admin's draft buttons or edit its cards, even in the same group", async () => {
    const h = await adminBot();
    const draft = await h.send(h.api.groupText(GROUP, ADMIN, `/ingest ${ARTICLE}`));
    expect(shownText(draft)).toMatch(/^Черновик /);
    const message = resultMessage(draft);
    const key = /^ig:([a-z0-9]+):p$/.exec(button(draft, t("ru", "ingest-publish-all")).callback_data)![1]!;
    await waitUntil(async () => (await h.deps.ingest!.drafts.get(key)) !== undefined, 2_000, "the draft to be kept");
    const before = JSON.stringify(await h.deps.ingest!.drafts.get(key));

    for (const label of [t("ru", "ingest-publish-all"), "✕ 1", t("ru", "ingest-cancel")]) {
      const press = await h.send(h.api.callbackQuery(USER, button(draft, label).callback_data, message), "answerCallbackQuery");
      expect(press.params.text, label).toBe(t("ru", "expired"));
    }
    // A reply to the draft is, for anyone else, a question to the bot like any reply to it.
    const reply = await h.send(h.api.groupText(GROUP, USER, "1: Москва захватила мир.", { replyTo: message }));
    expect(shownText(reply)).not.toBe(t("ru", "ingest-card-updated", { card: "1" }));
    expect(h.api.callsTo("editMessageText")).toEqual([]);
    expect(JSON.stringify(await h.deps.ingest!.drafts.get(key))).toBe(before);
    expect(h.deps.store.current().version).toBe(1);
    expect(await readdir(path.join(h.knowledgeDir, "sources"))).not.toContain(expect.stringMatching(/^testovoe-agentstvo/));

    // The admin's own press still works: the check is on the id, not broken for everyone. The
    // draft's cards have no text_en, so publishing asks first, and only the admin may confirm.
    const confirm = await h.send(h.api.callbackQuery(ADMIN, button(draft, t("ru", "ingest-publish-all")).callback_data, message), "sendMessage");
    const anyway = button(confirm, t("ru", "ingest-publish-anyway")).callback_data;
    const refused = await h.send(h.api.callbackQuery(USER, anyway, resultMessage(confirm)), "answerCallbackQuery");
    expect(refused.params.text).toBe(t("ru", "expired"));
    expect(h.deps.store.current().version).toBe(1);
    const published = await h.send(h.api.callbackQuery(ADMIN, anyway, resultMessage(confirm)), "editMessageText", undefined, 10_000);
    expect(shownText(published)).toMatch(/^Опубликован sources\/testovoe-agentstvo-\S+\.json: \d+ карточ/);
    expect(h.api.violations).toEqual([]);
  });
});
