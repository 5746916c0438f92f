import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDraftStore } from "../../src/bot/draft-store.js";
import { button, buttonsOf, resultMessage, shownText, startBot, stopAll, waitUntil } from "./harness.js";
import type { BotHarness } from "./harness.js";
import { t } from "../../src/i18n/i18n.js";

const ADMIN = 9001;
const USER = 9101;

const ARTICLE = `title: Москва и Ташкент договорились о сотрудничестве в строительстве метро
publisher: Тестовое агентство
published: 2026-05-14
url: https://example.org/e2e/tashkent-metro

ТАШКЕНТ, 14 мая. Москва и Ташкент договорились обмениваться опытом строительства метрополитена. Стороны подписали дорожную карту сотрудничества на 2026–2027 годы. Московскую делегацию возглавил министр правительства Москвы Сергей Черёмин. Участники встречи поблагодарили хозяев за гостеприимство.`;

afterEach(stopAll);

function ingestBot(): Promise<BotHarness> {
  return startBot({ adminIds: [ADMIN], ingest: true });
}

describe("/ingest in Telegram", () => {
  it("turns a pasted article into a draft, drops and edits cards, publishes, and the new facts answer questions", async () => {
    const h = await ingestBot();
    const draft = await h.send(h.api.privateText(ADMIN, `/ingest ${ARTICLE}`));
    const shown = shownText(draft);
    expect(shown).toMatch(/^Draft testovoe-agentstvo-2026-05-14-\S+ — \d+ cards/);
    expect(shown).toContain("1. Москва и Ташкент договорились обмениваться опытом строительства метрополитена.");
    expect(shown).not.toContain("ТАШКЕНТ, 14 мая");
    expect(shown).toContain("partners: tashkent");
    const labels = buttonsOf(draft).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(["Publish all", "Cancel", "✕ 1"]));
    const cards = labels.filter((label) => label.startsWith("✕")).length;

    const last = `✕ ${cards}`;
    const dropped = await h.send(h.api.callbackQuery(ADMIN, button(draft, last).callback_data, resultMessage(draft)), "editMessageText");
    expect(shownText(dropped)).toContain(`— ${cards - 1} cards`);
    expect(shownText(dropped)).not.toContain("поблагодарили");

    const edited = await h.send(h.api.privateText(ADMIN, "2: Москва и Ташкент подписали дорожную карту сотрудничества в метростроении на 2026–2027 годы.", { replyTo: resultMessage(draft) }));
    expect(shownText(edited)).toBe("Card 2 updated.");
    const redrawn = h.api.callsTo("editMessageText").at(-1)!;
    expect(shownText(redrawn)).toContain("2. Москва и Ташкент подписали дорожную карту сотрудничества в метростроении");

    const published = await h.send(h.api.callbackQuery(ADMIN, button(dropped, "Publish all").callback_data, resultMessage(dropped)), "sendMessage", (call) => /Reloaded/.test(String(call.params.text)));
    expect(shownText(published)).toMatch(/Reloaded in \d+ ms: version 2\.[\s\S]*Added \d+: testovoe-agentstvo/);
    const files = await readFile(path.join(h.knowledgeDir, "sources", `${shown.split(" ")[1]}.json`), "utf8");
    expect(JSON.parse(files).facts).toHaveLength(cards - 1);

    const answer = await h.send(h.api.privateText(USER, "Москва Ташкент метростроение дорожная карта"));
    expect(shownText(answer)).toContain("метростроении");
    expect(shownText(answer)).toContain("Тестовое агентство, 14 мая 2026");
    expect(h.api.violations).toEqual([]);
  });

  it("shows a draft's problems and writes nothing when publishing would not validate", async () => {
    const h = await ingestBot();
    const first = await h.send(h.api.privateText(ADMIN, `/ingest ${ARTICLE}`));
    const second = await h.send(h.api.privateText(ADMIN, `/ingest ${ARTICLE}`));
    await h.send(h.api.callbackQuery(ADMIN, button(first, "Publish all").callback_data, resultMessage(first)), "sendMessage", (call) => /Reloaded/.test(String(call.params.text)));
    const refused = await h.send(h.api.callbackQuery(ADMIN, button(second, "Publish all").callback_data, resultMessage(second)), "sendMessage");
    expect(shownText(refused)).toMatch(/^Not published: the knowledge would not validate with this draft\. Nothing was written\.\n• sources\/testovoe-agentstvo-.+\.json: a source with this id is already published/);
    expect(h.deps.store.current().version).toBe(2);
  });

  it("reads the article from the message it replies to, and cancels a draft without writing", async () => {
    const h = await ingestBot();
    const pasted = h.api.pushUpdate(h.api.privateText(ADMIN, ARTICLE));
    await h.api.waitForCall("sendMessage");
    const draft = await h.send(h.api.privateText(ADMIN, "/ingest", { replyTo: pasted.message! }), "sendMessage", (call) => /^Draft /.test(shownText(call)));
    const cancelled = await h.send(h.api.callbackQuery(ADMIN, button(draft, "Cancel").callback_data, resultMessage(draft)), "editMessageText");
    expect(shownText(cancelled)).toMatch(/discarded; nothing was written/);
    expect(existsSync(path.join(h.knowledgeDir, "sources", `${shownText(draft).split(" ")[1]}.json`))).toBe(false);
  });

  it("reads an attached .txt file and refuses one over 100 KB", async () => {
    const h = await ingestBot();
    const withCommand = (draft: ReturnType<typeof h.api.privateDocument>) => {
      const message = draft.message as unknown as Record<string, unknown>;
      message.caption_entities = [{ type: "bot_command", offset: 0, length: "/ingest".length }];
      return draft;
    };
    h.api.putFile("article", ARTICLE, { fileName: "article.txt", mimeType: "text/plain" });
    const draft = await h.send(withCommand(h.api.privateDocument(ADMIN, "article", { caption: "/ingest" })));
    expect(shownText(draft)).toMatch(/^Draft testovoe-agentstvo-2026-05-14/);

    h.api.putFile("huge", "Москва и Ташкент. ".repeat(7000), { fileName: "huge.txt", mimeType: "text/plain" });
    const refused = await h.send(withCommand(h.api.privateDocument(ADMIN, "huge", { caption: "/ingest" })));
    expect(shownText(refused)).toBe("The file is over 100 KB. Send one article at a time.");
  });

  it("drafts a .txt whose header has a 5,000-character publisher, a long title and URL: one reply, the draft kept with the fields fitted", async () => {
    const h = await ingestBot();
    const publisher = `Агентство ${"Т".repeat(4990)}`;
    const article = ARTICLE.replace(/^title: .*$/m, `title: ${"Москва и Ташкент ".repeat(40)}`)
      .replace(/^publisher: .*$/m, `publisher: ${publisher}`)
      .replace(/^url: .*$/m, `url: https://example.org/e2e/${"a".repeat(2500)}`);
    h.api.putFile("long-header", article, { fileName: "article.txt", mimeType: "text/plain" });
    const message = h.api.privateDocument(ADMIN, "long-header", { caption: "/ingest" });
    (message.message as unknown as Record<string, unknown>).caption_entities = [{ type: "bot_command", offset: 0, length: "/ingest".length }];
    const draft = await h.send(message);
    expect(draft.status).toBe(200);
    const shown = shownText(draft);
    expect(shown.length).toBeLessThanOrEqual(4096);
    expect(shown).toMatch(/^Draft \S+ — \d+ cards/);
    expect(shown).toContain("⚠ the publisher was over 200 characters and was cut: check it");
    expect(shown).toContain("⚠ the title was over 500 characters and was cut: check it");
    expect(shown).toContain("⚠ the URL is over 2000 characters");
    expect(shown).toContain("1. Москва и Ташкент договорились обмениваться опытом строительства метрополитена.");

    await waitUntil(async () => (await h.deps.ingest!.drafts.byMessage(ADMIN, resultMessage(draft).message_id)) !== undefined, 5_000, "the draft kept");
    const kept = (await h.deps.ingest!.drafts.byMessage(ADMIN, resultMessage(draft).message_id))!;
    expect(kept.file.source.publisher).toBe(publisher.slice(0, 200));
    expect(kept.file.source.title.length).toBeLessThanOrEqual(500);
    expect(kept.file.source.url).toBeUndefined();
    // The fitted draft is valid knowledge: publishing it works.
    const published = await h.send(h.api.callbackQuery(ADMIN, button(draft, "Publish all").callback_data, resultMessage(draft)), "editMessageText", undefined, 10_000);
    expect(shownText(published)).toMatch(/^Published /);
    expect(h.api.violations).toEqual([]);
  });

  it("does not exist for anyone else: no draft, nothing written", async () => {
    const h = await ingestBot();
    const reply = await h.send(h.api.privateText(USER, `/ingest ${ARTICLE}`));
    expect(shownText(reply)).toBe(t("ru", "unknown-command"));
    await h.deps.ingest!.drafts.flush();
    expect(existsSync(path.join(h.dataDir, "drafts.json"))).toBe(false);
  });

  it("keeps drafts across a restart", async () => {
    const h = await ingestBot();
    const draft = await h.send(h.api.privateText(ADMIN, `/ingest ${ARTICLE}`));
    await waitUntil(async () => (await h.deps.ingest!.drafts.byMessage(ADMIN, resultMessage(draft).message_id)) !== undefined, 2000, "the draft to be kept");
    await h.deps.ingest!.drafts.flush();
    const reopened = createDraftStore(path.join(h.dataDir, "drafts.json"), h.deps.logger);
    await reopened.load();
    expect((await reopened.byMessage(ADMIN, resultMessage(draft).message_id))?.file.source.publisher).toBe("Тестовое агентство");
  });
});
