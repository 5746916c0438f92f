import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { button, buttonsOf, resultMessage, shownText, startBot, stopAll } from "./harness.js";
import type { BotHarness } from "./harness.js";
import { t } from "../../src/i18n/i18n.js";

const ADMIN = 9001;
const SECOND_ADMIN = 9002;
const USER = 9101;
const GROUP = -1001000000909;

const NEW_SOURCE_ID = "e2e-2026-01-15-moscow-hanoi-funicular";
const NEW_SOURCE = {
  source: {
    id: NEW_SOURCE_ID,
    title: "Москва и Ханой обсудили канатную дорогу",
    publisher: "Тестовое агентство",
    published: "2026-01-15",
    url: "https://example.org/e2e/funicular",
    language: "ru",
  },
  facts: [
    {
      id: "e2e-hanoi-funicular",
      text: "Москва и Ханой обсудили строительство фуникулёра через Красную реку.",
      partners: ["hanoi"],
      topics: ["транспорт"],
      keywords: ["фуникулёр", "канатная дорога"],
    },
  ],
};
const REMOVED_SOURCE = "ria-2025-09-18-moscow-minsk-memorandum";

afterEach(stopAll);

function addSource(h: BotHarness): Promise<void> {
  return writeFile(path.join(h.knowledgeDir, "sources", `${NEW_SOURCE_ID}.json`), JSON.stringify(NEW_SOURCE, null, 2));
}

/** Questions from several users while something else happens; resolves with every reply. */
function questionsFrom(h: BotHarness, count: number, question = "меморандум Москвы и Минска") {
  return Promise.all(Array.from({ length: count }, (_, i) => h.send(h.api.privateText(USER + 1 + i, question))));
}

describe("admin commands", () => {
  it("/help lists the admin commands to an admin in a private chat only", async () => {
    const h = await startBot({ adminIds: [ADMIN] });
    const admins = shownText(await h.send(h.api.privateText(ADMIN, "/help")));
    for (const command of ["/partners", "/sources", "/reload", "/stats", "/unanswered", "/ingest"]) expect(admins).toContain(command);
    expect(shownText(await h.send(h.api.groupText(GROUP, ADMIN, "/help")))).not.toContain("/reload");
    expect(shownText(await h.send(h.api.privateText(USER, "/help")))).not.toContain("/reload");
  });

  it("do not exist for anyone else: unknown in private, ignored in groups, nothing reloaded", async () => {
    const h = await startBot({ adminIds: [ADMIN] });
    for (const command of ["/reload", "/stats", "/unanswered"]) {
      const reply = await h.send(h.api.privateText(USER, command));
      expect(reply.params.text, command).toBe(t("ru", "unknown-command"));
    }
    const calls = await h.expectIgnored(
      ["/reload", "/stats@PartnersTestBot", "/unanswered"].map((command) => h.api.groupText(GROUP, USER, command)),
      h.api.groupText(GROUP, USER, "/ask Ханой"),
    );
    expect(calls.filter((call) => call.method === "sendMessage")).toHaveLength(1);
    expect(h.deps.store.current().version).toBe(1);
    expect(h.logs.withMessage("reload")).toEqual([]);
    expect(h.api.violations).toEqual([]);
  });

  it("/stats shows the knowledge and the questions so far, in private and in a group", async () => {
    const h = await startBot({ adminIds: [ADMIN] });
    await h.send(h.api.privateText(USER, "Ханой"));
    await h.send(h.api.privateText(USER, "Минск"));
    await h.send(h.api.privateText(USER, "погода на Марсе"));
    const reply = await h.send(h.api.privateText(ADMIN, "/stats"));
    const text = shownText(reply);
    expect(reply.params.parse_mode).toBe("HTML");
    expect(text).toContain("База знаний: версия 1");
    expect(text).toContain("Карточек: 94, источников: 11, партнёров: 9");
    expect(text).toContain("Вопросов: 3 (с ответом 2, без ответа 1)");
    expect(text).toMatch(/Время ответа: p50 \d+\.\d\d мс, p95 \d+\.\d\d мс/);

    const inGroup = h.api.groupText(GROUP, ADMIN, "/stats@PartnersTestBot");
    const groupReply = await h.send(inGroup);
    expect(groupReply.params.reply_parameters).toMatchObject({ message_id: inGroup.message!.message_id });
    expect(h.api.violations).toEqual([]);
  });

  it("/unanswered lists what the knowledge could not answer, and keeps it across a restart", async () => {
    const first = await startBot({ adminIds: [ADMIN] });
    expect((await first.send(first.api.privateText(ADMIN, "/unanswered"))).params.text).toBe(t("ru", "unanswered-none"));
    await first.send(first.api.privateText(USER, "какая погода на Марсе"));
    await first.send(first.api.privateText(USER, "сколько стоит <b>метро</b> на Луне"));
    const listed = shownText(await first.send(first.api.privateText(ADMIN, "/unanswered")));
    expect(listed).toContain("какая погода на Марсе");
    expect(listed).toContain("сколько стоит <b>метро</b> на Луне");
    await first.stop();
    expect(existsSync(path.join(first.dataDir, "unanswered.json"))).toBe(true);

    const second = await startBot({ adminIds: [ADMIN], dataDir: first.dataDir });
    const again = shownText(await second.send(second.api.privateText(ADMIN, "/unanswered")));
    expect(again.indexOf("сколько стоит")).toBeLessThan(again.indexOf("какая погода"));
    expect(again).toContain("какая погода на Марсе");
    expect(second.api.violations).toEqual([]);
  });

  it("/help lists the admin commands to an admin in private, not in a group nor to anyone else", async () => {
    const h = await startBot({ adminIds: [ADMIN] });
    const adminHelp = await h.send(h.api.privateText(ADMIN, "/help"));
    expect(adminHelp.params.text).toContain(t("ru", "help-admin"));
    expect(shownText(adminHelp)).toContain("/unanswered csv");
    const inGroup = await h.send(h.api.groupText(GROUP, ADMIN, "/help"));
    expect(inGroup.params.text).not.toContain("/reload");
    const userHelp = await h.send(h.api.privateText(USER, "/help"));
    expect(userHelp.params.text).not.toContain("/reload");
  });

  it("/unanswered merges repeats with a count and the last time asked in Moscow time, and sends the full list as a spreadsheet-safe CSV", async () => {
    const h = await startBot({ adminIds: [ADMIN] });
    for (const question of ["Какая погода на Марсе?", "какая  погода на марсе", "КАКАЯ ПОГОДА НА МАРСЕ!", "=HYPERLINK(\"http://evil\",\"Марс\")", 'метро на Луне, "глубокое"']) {
      await h.send(h.api.privateText(USER, question));
    }
    // Kept in UTC; shown as Moscow's wall clock, three hours ahead.
    const [, , mars] = await h.deps.unanswered.latest(10);
    expect(mars).toMatchObject({ text: "КАКАЯ ПОГОДА НА МАРСЕ!", count: 3 });
    const last = new Date(mars!.at);
    const moscow = new Date(last.getTime() + 3 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

    const list = await h.send(h.api.privateText(ADMIN, "/unanswered"));
    const text = shownText(list);
    expect(text).toMatch(/^Вопросы без ответа: 3 вопроса, сначала заданные последними; время московское \(МСК\)\./);
    expect(text).toContain(`• КАКАЯ ПОГОДА НА МАРСЕ! — задан 3 раза, последний — ${moscow} МСК`);
    expect(text.match(/погода на марсе/gi)).toHaveLength(1);
    expect(text).toContain("— задан 1 раз, последний — ");

    // The button and "/unanswered csv" send the same document.
    const pressed = await h.send(h.api.callbackQuery(ADMIN, button(list, t("ru", "unanswered-csv-button")).callback_data, resultMessage(list)), "sendDocument");
    const typed = await h.send(h.api.privateText(ADMIN, "/unanswered csv"), "sendDocument");
    for (const sent of [pressed, typed]) {
      const document = (sent.response as { result: { document: { file_id: string; file_name: string } } }).result.document;
      expect(document.file_name).toMatch(/^unanswered-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = h.api.file(document.file_id)!.content.toString("utf8");
      expect(csv.split("\r\n")).toEqual([
        "\uFEFFвопрос,сколько раз задан,впервые (Europe/Moscow),последний раз (Europe/Moscow)",
        expect.stringMatching(/^"метро на Луне, ""глубокое""",1,\d{4}-\d\d-\d\d \d\d:\d\d,\d{4}-\d\d-\d\d \d\d:\d\d$/),
        expect.stringMatching(/^"'=HYPERLINK\(""http:\/\/evil"",""Марс""\)",1,/),
        expect.stringMatching(new RegExp(`^КАКАЯ ПОГОДА НА МАРСЕ!,3,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,${moscow}$`)),
        "",
      ]);
      expect(sent.params.caption).toBe("3 вопроса без ответа, повторы объединены; время московское (Europe/Moscow).");
    }

    // Anyone else pressing the button gets the "ask again" toast and no file.
    const stranger = await h.send(h.api.callbackQuery(USER, "un:csv", resultMessage(list)), "answerCallbackQuery");
    expect(stranger.params.text).toBe(t("ru", "expired"));
    expect(h.api.callsTo("sendDocument")).toHaveLength(2);

    // An admin whose Telegram is in English reads it in English.
    h.api.setUser(ADMIN, { language_code: "en" });
    const english = shownText(await h.send(h.api.privateText(ADMIN, "/unanswered")));
    expect(english).toMatch(/^Unanswered questions: 3 questions, the most recently asked first; times are Moscow time \(MSK\)\./);
    expect(english).toContain(`• КАКАЯ ПОГОДА НА МАРСЕ! — asked 3 times, last ${moscow} MSK`);
    expect(h.api.violations).toEqual([]);
  });
});

describe("/reload", () => {
  it("succeeds with counts, what changed and the time taken, while questions keep flowing", async () => {
    const h = await startBot({ adminIds: [ADMIN], reloadable: true });
    expect(shownText(await h.send(h.api.privateText(USER, "фуникулёр в Ханое")))).toContain("В базе знаний нет ответа");
    await addSource(h);

    const [reload, answers] = await Promise.all([h.send(h.api.privateText(ADMIN, "/reload"), "sendMessage", undefined, 10_000), questionsFrom(h, 6)]);
    const text = shownText(reload);
    expect(text).toMatch(/^Перечитано за \d+ мс: версия 2\./);
    expect(text).toContain("Карточек: 95, источников: 12, партнёров: 9.");
    expect(text).toContain("Добавлено 1: e2e-hanoi-funicular");
    expect(text).toContain("Удалено 0: —");
    expect(text).toContain("Изменено 0: —");
    // The new card has no text_en, and the frozen first knowledge's two seed sources have no url: served all the same.
    expect(text).toContain(
      [
        "⚠ 3 предупреждения (база всё равно загружена):",
        `• sources/${NEW_SOURCE_ID}.json: facts[0]: нет text_en: на вопросы по-английски эта карточка отвечает по-русски; добавьте английский текст`,
        "• sources/ria-2025-10-30-moscow-minsk.json: source: нет url: читатель не сможет проверить источник; добавьте адрес опубликованного текста",
        "• sources/tass-2025-12-03-moscow-hanoi.json: source: нет url: читатель не сможет проверить источник; добавьте адрес опубликованного текста",
      ].join("\n"),
    );
    for (const answer of answers) expect(shownText(answer)).toContain("РИА Новости");

    const after = shownText(await h.send(h.api.privateText(USER, "фуникулёр в Ханое")));
    expect(after).toContain("фуникулёра через Красную реку");
    expect(after).toContain("Тестовое агентство, 15 января 2026");
    expect(h.logs.withMessage("reload")).toEqual([expect.objectContaining({ ok: true, took_ms: expect.any(Number), warnings: 3, admin: ADMIN })]);
    expect(h.api.violations).toEqual([]);
  });

  it("fails with the problems listed, keeps serving the old knowledge, and succeeds once the folder is fixed", async () => {
    const h = await startBot({ adminIds: [ADMIN], reloadable: true });
    const before = shownText(await h.send(h.api.privateText(USER, "Ташкент")));
    const broken = path.join(h.knowledgeDir, "sources", "broken.json");
    await writeFile(broken, '{ "source": { "id": "broken"');
    await writeFile(path.join(h.knowledgeDir, "sources", `${NEW_SOURCE_ID}.json`), JSON.stringify({ ...NEW_SOURCE, facts: [{ ...NEW_SOURCE.facts[0], partners: ["atlantis"] }] }));

    const [refused, answers] = await Promise.all([h.send(h.api.privateText(ADMIN, "/reload"), "sendMessage", undefined, 10_000), questionsFrom(h, 4, "Ташкент")]);
    const text = shownText(refused);
    expect(text).toMatch(/^Перечитать не удалось \(за \d+ мс\): 2 проблемы\. Бот по-прежнему отвечает по версии 1\./);
    expect(text).toContain("sources/broken.json");
    expect(text).toContain(`sources/${NEW_SOURCE_ID}.json`);
    expect(text).toContain("atlantis");
    for (const answer of answers) expect(shownText(answer)).toBe(before);
    expect(shownText(await h.send(h.api.privateText(USER, "Ташкент")))).toBe(before);
    expect(shownText(await h.send(h.api.privateText(ADMIN, "/stats")))).toContain("База знаний: версия 1");
    expect(h.logs.withMessage("reload")).toEqual([expect.objectContaining({ ok: false })]);

    await rm(broken);
    await addSource(h);
    const fixed = shownText(await h.send(h.api.privateText(ADMIN, "/reload"), "sendMessage", undefined, 10_000));
    expect(fixed).toMatch(/^Перечитано за \d+ мс: версия 2\./);
    expect(fixed).toContain("Добавлено 1: e2e-hanoi-funicular");
    expect(h.api.violations).toEqual([]);
  });

  it("says what is wrong with the folder in each admin's Telegram language: Russian for ru, English for en", async () => {
    const h = await startBot({ adminIds: [ADMIN, SECOND_ADMIN], reloadable: true });
    h.api.setUser(ADMIN, { language_code: "ru" });
    h.api.setUser(SECOND_ADMIN, { language_code: "en" });
    await writeFile(path.join(h.knowledgeDir, "sources", "broken.json"), '{ "source": { "id": "broken"');
    const facts = [{ ...NEW_SOURCE.facts[0], partners: ["atlantis"] }, { ...NEW_SOURCE.facts[0], id: "e2e-second", text: 5 }];
    await writeFile(path.join(h.knowledgeDir, "sources", `${NEW_SOURCE_ID}.json`), JSON.stringify({ ...NEW_SOURCE, facts }));
    const place = `sources/${NEW_SOURCE_ID}.json`;

    const russian = shownText(await h.send(h.api.privateText(ADMIN, "/reload"), "sendMessage", undefined, 10_000));
    expect(russian).toMatch(/^Перечитать не удалось \(за \d+ мс\): 3 проблемы\. Бот по-прежнему отвечает по версии 1\.\n/);
    // After the place, the JSON parser's own words (Node's), as an error code would be.
    expect(russian).toMatch(/\n• sources\/broken\.json: ошибка JSON в строке 1, позиция \d+: .+\n/);
    expect(russian).toMatch(new RegExp(`\\n• ${place}: facts\\[0\\]\\.partners\\[0\\]: неизвестный партнёр «atlantis» \\(известны: [a-z, -]+\\)\\n`));
    expect(russian).toContain(`\n• ${place}: facts[1].text: должно быть строкой, а не числом 5`);
    expect(russian).not.toMatch(/unknown|must be|invalid|got number/);

    const english = shownText(await h.send(h.api.privateText(SECOND_ADMIN, "/reload"), "sendMessage", undefined, 10_000));
    expect(english).toMatch(/^Reload refused \(\d+ ms\): 3 problems\. Still serving knowledge version 1\.\n/);
    expect(english).toMatch(/\n• sources\/broken\.json: invalid JSON at line 1, column \d+: .+\n/);
    expect(english).toContain(`\n• ${place}: facts[0].partners[0]: unknown partner "atlantis" (known: `);
    expect(english).toContain(`\n• ${place}: facts[1].text: must be a string, got number 5`);
    expect(english).not.toMatch(/\p{Script=Cyrillic}/u);
    expect(h.deps.store.current().version).toBe(1);
    expect(h.api.violations).toEqual([]);
  });

  it("never interleaves two reloads sent at the same moment", async () => {
    const h = await startBot({ adminIds: [ADMIN, SECOND_ADMIN], reloadable: true });
    await addSource(h);
    const replies = await Promise.all([ADMIN, SECOND_ADMIN].map((admin) => h.send(h.api.privateText(admin, "/reload"), "sendMessage", undefined, 10_000)));
    const versions = replies.map((reply) => /версия (\d+)/.exec(shownText(reply))?.[1]).sort();
    expect(versions).toEqual(["2", "3"]);
    // The second reload compares with the first one's result: only one of them saw the new source arrive.
    expect(replies.map((reply) => /Добавлено (\d+)/.exec(shownText(reply))?.[1]).sort()).toEqual(["0", "1"]);
    expect(h.deps.store.current().version).toBe(3);
  });

  it("lets a question in flight finish on the snapshot it started with", async () => {
    const h = await startBot({ adminIds: [ADMIN], reloadable: true });
    const question = "меморандум Москвы и Минска";
    expect(h.deps.store.current().answer(question).facts.some((fact) => fact.source.id === REMOVED_SOURCE)).toBe(true);
    // Hold the answer on its way to Telegram, then reload without the source it is built from.
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, { kind: "delay", ms: 1500 }, 1);
    h.api.pushUpdate(h.api.privateText(USER, question));
    const inFlight = await h.api.waitForRequest("sendMessage", (call) => call.params.chat_id === USER, 5000);
    await rm(path.join(h.knowledgeDir, "sources", `${REMOVED_SOURCE}.json`));
    const reload = await h.send(h.api.privateText(ADMIN, "/reload"), "sendMessage", undefined, 10_000);
    expect(shownText(reload)).toMatch(/Удалено 7: /);
    expect(inFlight.response).toBeUndefined();

    const delivered = await h.api.waitForCall("sendMessage", (call) => call === inFlight, 5000);
    expect(shownText(delivered)).toContain("РИА Новости, 18 сентября 2025");
    const now = await h.send(h.api.privateText(USER, question));
    expect(shownText(now)).not.toContain("18 сентября 2025");
    expect(h.api.violations).toEqual([]);
  });

  it("lets answer buttons made before it ask their question again of the new knowledge", async () => {
    const h = await startBot({ adminIds: [ADMIN], reloadable: true });
    h.api.setUser(USER + 50, { language_code: "en" });
    const answer = await h.send(h.api.privateText(USER, "Ханой"));
    const missed = await h.send(h.api.privateText(USER, "фуникулёр через Красную реку"));
    const english = await h.send(h.api.privateText(USER + 50, "Minsk"));
    expect(shownText(missed)).toContain(t("ru", "not-found"));
    await addSource(h);
    await h.send(h.api.privateText(ADMIN, "/reload"), "sendMessage", undefined, 10_000);

    // Ещё ▶ pages the remembered question as the reloaded knowledge answers it.
    const more = await h.send(h.api.callbackQuery(USER, button(answer, t("ru", "button-more")).callback_data, resultMessage(answer)), "answerCallbackQuery");
    expect(more.params.text).toBeUndefined();
    const edited = await h.api.waitForCall("editMessageText", (call) => call.params.chat_id === USER, 5000);
    expect(buttonsOf(edited).map((b) => b.text)).toContain(t("ru", "button-back"));
    const englishMore = await h.send(h.api.callbackQuery(USER + 50, button(english, t("en", "button-more")).callback_data, resultMessage(english)), "answerCallbackQuery");
    expect(englishMore.params.text).toBeUndefined();

    // The same question asked now finds the new card: the reload is live.
    const again = await h.send(h.api.privateText(USER, "фуникулёр через Красную реку"));
    expect(shownText(again)).toContain("фуникулёр");
    // An example button from before the reload is asked again: its text is its question.
    const example = buttonsOf(missed)[0]!;
    const sentBefore = h.api.callsTo("sendMessage").length;
    const pressed = await h.send(h.api.callbackQuery(USER, example.callback_data, resultMessage(missed)), "answerCallbackQuery");
    expect(pressed.params.text).toBeUndefined();
    await h.api.waitForCall("sendMessage", (call) => call.params.chat_id === USER && h.api.callsTo("sendMessage").length > sentBefore, 5000);
    expect(h.api.violations).toEqual([]);
  });
});
