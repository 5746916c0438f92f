import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDraftStore } from "../../src/bot/draft-store.js";
import { button, buttonsOf, resultMessage, shownText, startBot, stopAll, waitUntil } from "./harness.js";
import type { BotHarness } from "./harness.js";
import type { RecordedCall } from "../support/bot-api-stand-in.js";
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

/** Presses «Опубликовать все» on a draft whose cards lack text_en, then "Publish anyway" on the question it asks; resolves with the call `method` that follows. */
async function publishAnyway(h: BotHarness, draft: RecordedCall, method: string, match?: (call: RecordedCall) => boolean): Promise<RecordedCall> {
  const confirm = await h.send(h.api.callbackQuery(ADMIN, button(draft, t("ru", "ingest-publish-all")).callback_data, resultMessage(draft)), "sendMessage");
  return h.send(h.api.callbackQuery(ADMIN, button(confirm, t("ru", "ingest-publish-anyway")).callback_data, resultMessage(confirm)), method, match, 10_000);
}

describe("/ingest in Telegram", () => {
  it("turns a pasted article into a draft, drops and edits cards, publishes, and the new facts answer questions", async () => {
    const h = await ingestBot();
    const draft = await h.send(h.api.privateText(ADMIN, `/ingest ${ARTICLE}`));
    const shown = shownText(draft);
    expect(shown).toMatch(/^Черновик testovoe-agentstvo-2026-05-14-\S+ — \d+ карточ/);
    expect(shown).toContain("1. Москва и Ташкент договорились обмениваться опытом строительства метрополитена.");
    expect(shown).not.toContain("ТАШКЕНТ, 14 мая");
    expect(shown).toContain("партнёры: tashkent");
    const labels = buttonsOf(draft).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining([t("ru", "ingest-publish-all"), t("ru", "ingest-cancel"), "✕ 1"]));
    const cards = labels.filter((label) => label.startsWith("✕")).length;

    const last = `✕ ${cards}`;
    const dropped = await h.send(h.api.callbackQuery(ADMIN, button(draft, last).callback_data, resultMessage(draft)), "editMessageText");
    expect(String(dropped.params.text).startsWith(t("ru", "ingest-draft-title", { id: shown.split(" ")[1]!, count: cards - 1 }))).toBe(true);
    expect(shownText(dropped)).not.toContain("поблагодарили");

    const edited = await h.send(h.api.privateText(ADMIN, "2: Москва и Ташкент подписали дорожную карту сотрудничества в метростроении на 2026–2027 годы.", { replyTo: resultMessage(draft) }));
    expect(shownText(edited)).toBe("Карточка 2 обновлена.");
    const redrawn = h.api.callsTo("editMessageText").at(-1)!;
    expect(shownText(redrawn)).toContain("2. Москва и Ташкент подписали дорожную карту сотрудничества в метростроении");

    // Every card given its English text ("N en: …"): publishing asks nothing.
    for (let card = 1; card < cards; card += 1) {
      const reply = await h.send(h.api.privateText(ADMIN, `${card} en: Moscow and Tashkent, card ${card} in English.`, { replyTo: resultMessage(draft) }));
      expect(shownText(reply)).toBe(t("ru", "ingest-card-updated", { card: String(card) }));
    }
    expect(shownText(h.api.callsTo("editMessageText").at(-1)!)).toContain(`EN: Moscow and Tashkent, card ${cards - 1} in English.`);

    const published = await h.send(h.api.callbackQuery(ADMIN, button(dropped, t("ru", "ingest-publish-all")).callback_data, resultMessage(dropped)), "sendMessage", (call) => /Перечитано/.test(String(call.params.text)));
    expect(shownText(published)).toMatch(/Перечитано за \d+ мс: версия 2\.[\s\S]*Добавлено \d+: testovoe-agentstvo/);
    const files = await readFile(path.join(h.knowledgeDir, "sources", `${shown.split(" ")[1]}.json`), "utf8");
    expect(JSON.parse(files).facts).toHaveLength(cards - 1);
    expect(JSON.parse(files).facts[0].text_en).toBe("Moscow and Tashkent, card 1 in English.");
    expect(h.api.callsTo("sendMessage").filter((call) => shownText(call).startsWith("Опубликовать всё равно?"))).toEqual([]);

    const answer = await h.send(h.api.privateText(USER, "Москва Ташкент метростроение дорожная карта"));
    expect(shownText(answer)).toContain("метростроении");
    expect(shownText(answer)).toContain("Тестовое агентство, 14 мая 2026");
    expect(h.api.violations).toEqual([]);
  });

  it("explains itself when sent alone: the header lines, with an example", async () => {
    const h = await ingestBot();
    const usage = await h.send(h.api.privateText(ADMIN, "/ingest"));
    expect(usage.params.text).toBe(t("ru", "ingest-usage"));
    const shown = shownText(usage);
    for (const line of ["title: ", "publisher: ТАСС", "published: 2025-10-30", "url: https://"]) expect(shown).toContain(line);
    expect((usage.response as { result: { entities?: Array<{ type: string }> } }).result.entities?.map((entity) => entity.type)).toContain("pre");
    expect(h.api.violations).toEqual([]);
  });

  it("says which header line is missing, shows what a header looks like, and mentions no command-line flag and no raw backticks", async () => {
    const h = await ingestBot();
    const refused = await h.send(h.api.privateText(ADMIN, "/ingest Москва и Ташкент договорились обмениваться опытом строительства метрополитена."));
    const shown = shownText(refused);
    expect(shown).toMatch(/^Черновика нет: из статьи не получилось карточек\.\n• не указан издатель: добавьте в шапку статьи строку publisher:\n/);
    expect(shown).toContain("• не указана дата публикации: добавьте в шапку статьи строку published: YYYY-MM-DD\n");
    expect(shown).toContain("publisher: ТАСС");
    expect(shown).not.toMatch(/--publisher|`/);
    const codes = (refused.response as { result: { entities?: Array<{ type: string; offset: number; length: number }> } }).result.entities!.filter((entity) => entity.type === "code");
    expect(codes.map((entity) => shown.slice(entity.offset, entity.offset + entity.length))).toEqual(expect.arrayContaining(["publisher:", "published: YYYY-MM-DD"]));

    h.api.setUser(ADMIN, { language_code: "en" });
    const english = shownText(await h.send(h.api.privateText(ADMIN, "/ingest Москва и Ташкент договорились обмениваться опытом строительства метрополитена.")));
    expect(english).toContain("\n• no publisher: add a publisher: line to the article's header\n");
    expect(english).toContain("\n• no publication date: add a published: YYYY-MM-DD line to the article's header\n");
  });

  it("makes no card of scenery: a sentence with no partner, date, number, document or subject", async () => {
    const h = await ingestBot();
    const draft = await h.send(h.api.privateText(ADMIN, `/ingest ${ARTICLE} Погода в тот день была солнечной.`));
    expect(shownText(draft)).toMatch(/^Черновик /);
    expect(shownText(draft)).not.toContain("Погода");
  });

  it("asks before publishing cards without English text or partners, says which, and publishes only when told", async () => {
    const h = await ingestBot();
    const article = ARTICLE.replace(/^title: .*$/m, "title: Метро и дорожная карта").replaceAll(/Ташкент\S*/g, "Самарканд");
    const draft = await h.send(h.api.privateText(ADMIN, `/ingest ${article}`));
    const id = shownText(draft).split(" ")[1]!;
    const cards = buttonsOf(draft).filter((b) => b.text.startsWith("✕")).length;
    await h.send(h.api.privateText(ADMIN, "1 en: Moscow and Samarkand will share their experience of building metros.", { replyTo: resultMessage(draft) }));

    const confirm = await h.send(h.api.callbackQuery(ADMIN, button(draft, t("ru", "ingest-publish-all")).callback_data, resultMessage(draft)), "sendMessage");
    const all = Array.from({ length: cards }, (_, i) => i + 1);
    const missing = [
      t("ru", "ingest-missing-english", { count: cards - 1, cards: all.slice(1).join(", ") }),
      t("ru", "ingest-missing-partners", { count: cards, cards: all.join(", ") }),
    ];
    expect(confirm.params.text).toBe(t("ru", "ingest-confirm-publish", { total: cards, missing: missing.join("; ") }));
    expect(shownText(confirm)).toContain(`нет текста на английском (text_en); ${cards} карточ`);
    expect(existsSync(path.join(h.knowledgeDir, "sources", `${id}.json`))).toBe(false);
    expect(h.deps.store.current().version).toBe(1);

    const done = await h.send(h.api.callbackQuery(ADMIN, button(confirm, t("ru", "ingest-publish-anyway")).callback_data, resultMessage(confirm)), "sendMessage", (call) => /Перечитано/.test(String(call.params.text)), 10_000);
    expect(shownText(done)).toMatch(/^Перечитано/);
    expect(existsSync(path.join(h.knowledgeDir, "sources", `${id}.json`))).toBe(true);
    // Both the draft and the question say it is done, and keep no button.
    for (const message of [resultMessage(draft), resultMessage(confirm)]) {
      const now = h.api.message(ADMIN, message.message_id)!;
      expect((now as { text?: string }).text).toBe(t("ru", "ingest-published", { file: `sources/${id}.json`, count: cards }).replace(/<\/?code>/g, ""));
      expect(now.reply_markup).toBeUndefined();
    }
    expect(h.api.violations).toEqual([]);
  });

  it("shows a draft's problems and writes nothing when publishing would not validate", async () => {
    const h = await ingestBot();
    const first = await h.send(h.api.privateText(ADMIN, `/ingest ${ARTICLE}`));
    const second = await h.send(h.api.privateText(ADMIN, `/ingest ${ARTICLE}`));
    await publishAnyway(h, first, "sendMessage", (call) => /Перечитано/.test(String(call.params.text)));
    const refused = await publishAnyway(h, second, "sendMessage");
    expect(shownText(refused)).toMatch(/^Не опубликовано: с этим черновиком база знаний не проходит проверку\. Ничего не записано\.\n• sources\/testovoe-agentstvo-.+\.json: источник с таким id уже опубликован \(возможно, только что — другим администратором\)/);
    expect(h.deps.store.current().version).toBe(2);
  });

  it("reads the article from the message it replies to, and cancels a draft without writing", async () => {
    const h = await ingestBot();
    const pasted = h.api.pushUpdate(h.api.privateText(ADMIN, ARTICLE));
    await h.api.waitForCall("sendMessage");
    const draft = await h.send(h.api.privateText(ADMIN, "/ingest", { replyTo: pasted.message! }), "sendMessage", (call) => /^Черновик /.test(shownText(call)));
    const cancelled = await h.send(h.api.callbackQuery(ADMIN, button(draft, t("ru", "ingest-cancel")).callback_data, resultMessage(draft)), "editMessageText");
    expect(shownText(cancelled)).toBe(`Черновик ${shownText(draft).split(" ")[1]} удалён, ничего не записано.`);
    expect(existsSync(path.join(h.knowledgeDir, "sources", `${shownText(draft).split(" ")[1]}.json`))).toBe(false);
  });

  it("reads an attached .txt file and refuses one over 100 KB, in English for an admin whose Telegram is in English", async () => {
    const h = await ingestBot();
    h.api.setUser(ADMIN, { language_code: "en" });
    const withCommand = (draft: ReturnType<typeof h.api.privateDocument>) => {
      const message = draft.message as unknown as Record<string, unknown>;
      message.caption_entities = [{ type: "bot_command", offset: 0, length: "/ingest".length }];
      return draft;
    };
    h.api.putFile("article", ARTICLE, { fileName: "article.txt", mimeType: "text/plain" });
    const draft = await h.send(withCommand(h.api.privateDocument(ADMIN, "article", { caption: "/ingest" })));
    expect(shownText(draft)).toMatch(/^Draft testovoe-agentstvo-2026-05-14-\S+ — \d+ cards\n/);
    expect(buttonsOf(draft).map((b) => b.text)).toEqual(expect.arrayContaining(["Publish all", "Cancel"]));

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
    expect(shown).toMatch(/^Черновик \S+ — \d+ карточ/);
    expect(shown).toContain("⚠ имя издателя было длиннее 200 символов и обрезано: проверьте");
    expect(shown).toContain("⚠ заголовок был длиннее 500 символов и обрезан: проверьте");
    expect(shown).toMatch(/⚠ адрес длиннее 2\s000 символов/);
    expect(shown).toContain("1. Москва и Ташкент договорились обмениваться опытом строительства метрополитена.");

    await waitUntil(async () => (await h.deps.ingest!.drafts.byMessage(ADMIN, resultMessage(draft).message_id)) !== undefined, 5_000, "the draft kept");
    const kept = (await h.deps.ingest!.drafts.byMessage(ADMIN, resultMessage(draft).message_id))!;
    expect(kept.file.source.publisher).toBe(publisher.slice(0, 200));
    expect(kept.file.source.title.length).toBeLessThanOrEqual(500);
    expect(kept.file.source.url).toBeUndefined();
    // The fitted draft is valid knowledge: publishing it works.
    const published = await publishAnyway(h, draft, "editMessageText");
    expect(shownText(published)).toMatch(/^Опубликован sources\/\S+\.json: \d+ карточ/);
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
