import { afterEach, describe, expect, it } from "vitest";
import { BOT_USERNAME, LEVEL, bytes, button, buttonsOf, privateMedia, resultMessage, shownText, startBot, stopAll, waitUntil } from "./harness.js";
import { t } from "../../src/i18n/i18n.js";

const USER = 1001;
const EN_USER = 1002;

afterEach(stopAll);

describe("a private chat", () => {
  it("answers any text with one HTML reply with citations and no “typing…”, and logs one line without the question", async () => {
    const h = await startBot({ logLevel: "info" });
    const question = "меморандум Москвы и Минска";
    const expected = h.deps.store.current().answer(question);

    const reply = await h.send(h.api.privateText(USER, question));

    expect(h.api.callsTo("sendChatAction")).toEqual([]);
    expect(reply.params).toMatchObject({ chat_id: USER, parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    expect(reply.params.reply_parameters).toBeUndefined();
    const text = shownText(reply);
    for (const fact of expected.facts.slice(0, 3)) expect(text).toContain(fact.source.publisher);
    expect(text).toMatch(/\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}/);
    expect(resultMessage(reply).entities?.some((entity) => entity.type === "italic")).toBe(true);

    const lines = h.logs.withMessage("question");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: LEVEL.info, chat_type: "private", lang: "ru", answered: true, facts: expected.facts.length });
    expect(lines[0]!.latency_ms).toEqual(expect.any(Number));
    expect(h.logs.lines.join("\n")).not.toContain("Минска");
    expect(h.api.violations).toEqual([]);
  });

  it("pages through more facts than fit with Ещё ▶ and ◀ Назад, editing the same message", async () => {
    const h = await startBot();
    const total = h.deps.store.current().answer("Минск").facts.length;
    expect(total).toBeGreaterThan(6);

    const first = await h.send(h.api.privateText(USER, "Минск"));
    expect(buttonsOf(first).map((b) => b.text)).toEqual([t("ru", "button-more")]);
    expect(shownText(first)).toContain(`Показано 3 из ${total}.`);

    const more = button(first, t("ru", "button-more"));
    expect(bytes(more.callback_data)).toBeLessThanOrEqual(64);
    const second = await h.send(h.api.callbackQuery(USER, more.callback_data, resultMessage(first)), "editMessageText");
    expect(second.params).toMatchObject({ chat_id: USER, message_id: resultMessage(first).message_id, parse_mode: "HTML" });
    expect(shownText(second)).toContain(`Показано 6 из ${total}.`);
    expect(buttonsOf(second).map((b) => b.text)).toEqual([t("ru", "button-back"), t("ru", "button-more")]);
    for (const b of buttonsOf(second)) expect(bytes(b.callback_data)).toBeLessThanOrEqual(64);
    expect(h.api.callsTo("answerCallbackQuery")).toHaveLength(1);

    const back = await h.send(h.api.callbackQuery(USER, button(second, t("ru", "button-back")).callback_data, resultMessage(second)), "editMessageText");
    expect(shownText(back)).toBe(shownText(first));
    expect(buttonsOf(back).map((b) => b.text)).toEqual([t("ru", "button-more")]);
    expect(h.api.callsTo("answerCallbackQuery")).toHaveLength(2);
    expect(h.api.violations).toEqual([]);
  });

  it("takes a double tap on Ещё ▶ in its stride", async () => {
    const h = await startBot();
    const first = await h.send(h.api.privateText(USER, "Минск"));
    const data = button(first, t("ru", "button-more")).callback_data;
    await h.send(h.api.callbackQuery(USER, data, resultMessage(first)), "editMessageText");
    // The client still shows the old keyboard for a moment; the second tap asks for the page already shown.
    await h.send(h.api.callbackQuery(USER, data, resultMessage(first)), "answerCallbackQuery", (call) => h.api.callsTo("answerCallbackQuery").indexOf(call) === 1);
    await h.stop();
    // Telegram refuses an edit that changes nothing; the bot expects that refusal and moves on.
    expect(h.api.violations.map((violation) => violation.description)).toEqual([expect.stringMatching(/^Bad Request: message is not modified/)]);
    expect(h.logs.records.filter((record) => record.level >= LEVEL.warn)).toEqual([]);
  });

  it("answers callback data it did not make with a polite “expired” and changes nothing", async () => {
    const h = await startBot();
    const menu = await h.send(h.api.privateText(USER, "/start"));
    for (const data of ["garbage", "pg:UPPER:3", "pg:zz99:3", "ex:1:ru:999", "ex:1:xx:0", "pt:1:99:0", "pt:1:0", "x".repeat(64)]) {
      const answer = await h.send(h.api.callbackQuery(USER, data, resultMessage(menu)), "answerCallbackQuery");
      expect(answer.params.text, data).toBe(t("ru", "expired"));
    }
    expect(h.api.callsTo("editMessageText")).toEqual([]);
    expect(h.api.callsTo("sendMessage")).toHaveLength(1);
    expect(h.api.violations).toEqual([]);
  });

  it.each(["sticker", "photo", "voice"] as const)("answers a %s with a short hint on what to ask", async (kind) => {
    const h = await startBot();
    const reply = await h.send(privateMedia(h.api, USER, kind));
    expect(reply.params.text).toBe(t("ru", "non-text"));
    expect(h.api.violations).toEqual([]);
  });

  it("treats the caption of a photo as the question", async () => {
    const h = await startBot();
    const reply = await h.send(privateMedia(h.api, USER, "photo", "меморандум Москвы и Минска"));
    expect(reply.params.parse_mode).toBe("HTML");
    expect(shownText(reply)).toContain("РИА Новости");
  });

  it("says when the knowledge has no answer, offers example questions as buttons, and remembers the question for the editors", async () => {
    const h = await startBot();
    const reply = await h.send(h.api.privateText(USER, "какая погода на Марсе"));
    expect(shownText(reply)).toContain("В базе знаний нет ответа на этот вопрос.");
    const examples = buttonsOf(reply);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(examples.length).toBeLessThanOrEqual(4);
    for (const b of examples) expect(bytes(b.callback_data)).toBeLessThanOrEqual(64);

    const answered = await h.send(h.api.callbackQuery(USER, examples[0]!.callback_data, resultMessage(reply)));
    expect(answered.params.parse_mode).toBe("HTML");
    expect(shownText(answered)).not.toContain("В базе знаний нет ответа");
    expect(h.api.callsTo("answerCallbackQuery")).toHaveLength(1);

    await h.deps.unanswered.flush();
    expect((await h.deps.unanswered.latest(5)).map((entry) => entry.text)).toEqual(["какая погода на Марсе"]);
    expect(h.api.violations).toEqual([]);
  });

  it("points an unknown command to /help", async () => {
    const h = await startBot();
    const reply = await h.send(h.api.privateText(USER, "/weather"));
    expect(reply.params.text).toBe(t("ru", "unknown-command"));
  });

  it("answers a question written in English in English, whatever the user's language", async () => {
    const h = await startBot();
    const reply = await h.send(h.api.privateText(USER, "What did Moscow sign with Hanoi?"));
    expect(shownText(reply)).toMatch(/TASS|ТАСС/);
    expect(shownText(reply)).toMatch(/\d{1,2} December 2025/);
  });

  it("asks a user who floods it to slow down", async () => {
    const h = await startBot({ bot: { messagesPerMinute: 2 } });
    await h.send(h.api.privateText(USER, "Ханой"));
    await h.send(h.api.privateText(USER, "Минск"));
    const third = await h.send(h.api.privateText(USER, "Ташкент"));
    expect(third.params.text).toBe(t("ru", "rate-limited"));
  });

  it("counts button presses against the same flood limit as messages: 100 presses get about as many answers as 100 messages", async () => {
    const h = await startBot({ logLevel: "info" });
    const [PRESSER, WRITER] = [USER, USER + 10];
    const start = await h.send(h.api.privateText(PRESSER, "/start"));
    await h.send(h.api.privateText(WRITER, "/start"));
    const example = buttonsOf(start)[0]!.callback_data;
    const before = new Set(h.api.calls);
    for (let i = 0; i < 100; i += 1) {
      h.api.pushUpdate(h.api.callbackQuery(PRESSER, example, resultMessage(start)));
      h.api.pushUpdate(h.api.privateText(WRITER, i % 2 ? "Ханой" : "Минск"));
    }
    const presses = () => h.api.callsTo("answerCallbackQuery").filter((call) => !before.has(call));
    await waitUntil(() => presses().length === 100, 15_000, "every press answered");
    await h.stop();

    const sentTo = (chat: number) => h.api.callsTo("sendMessage").filter((call) => !before.has(call) && call.params.chat_id === chat);
    // /start used one of the 30 per minute: 29 answers each, then the writer's one notice.
    expect(sentTo(WRITER).map((call) => call.params.text)).toEqual([...Array<unknown>(29).fill(expect.any(String)), t("ru", "rate-limited")]);
    expect(sentTo(PRESSER)).toHaveLength(29);
    expect(sentTo(PRESSER).every((call) => call.params.text !== t("ru", "rate-limited"))).toBe(true);
    // Each press over the limit is answered with a notice, never left spinning, and sends nothing.
    expect(presses().filter((call) => call.params.text === t("ru", "rate-limited-press"))).toHaveLength(71);
    expect(presses().every((call) => call.status === 200)).toBe(true);
    expect(h.logs.withMessage("rate limit: user told to slow down")).toHaveLength(2);
    expect(h.api.violations).toEqual([]);
  });

  it("ignores an edited message quietly", async () => {
    const h = await startBot();
    const asked = h.api.pushUpdate(h.api.privateText(USER, "Ханой"));
    await h.api.waitForCall("sendMessage", (call) => call.params.chat_id === USER);
    const calls = await h.expectIgnored([h.api.editedMessage(asked.message!, "Минск")], h.api.privateText(USER, "/help"));
    const sent = calls.filter((call) => call.method === "sendMessage");
    expect(sent).toHaveLength(1);
    expect(shownText(sent[0]!)).toContain("Как спросить");
    expect(h.logs.records.filter((record) => record.level >= LEVEL.warn)).toEqual([]);
  });
});

describe("the reply language", () => {
  it("answers Russian typed in Latin letters in Russian, found as if typed in Cyrillic", async () => {
    const h = await startBot();
    const latin = shownText(await h.send(h.api.privateText(USER, "kogda podpisali soglashenie s minskom")));
    const cyrillic = shownText(await h.send(h.api.privateText(USER, "когда подписали соглашение с минском")));
    expect(latin).not.toContain("нет ответа");
    expect(latin).toMatch(/Минск/);
    expect(latin).toMatch(/\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}/);
    expect(latin).toBe(cyrillic);
  });

  it("answers an English question in English even to a user whose Telegram is in Russian", async () => {
    const h = await startBot();
    const reply = shownText(await h.send(h.api.privateText(USER, "When did Moscow and Minsk sign the agreement?")));
    expect(reply).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
    // The fact in English; a citation stays Russian where the source has no English title.
    expect(reply.split("\n")[0]).not.toMatch(/\p{Script=Cyrillic}{4}/u);
  });

  it("answers a bare Latin name in the user's own language", async () => {
    const h = await startBot();
    h.api.setUser(EN_USER, { language_code: "en" });
    expect(shownText(await h.send(h.api.privateText(USER, "Minsk")))).toMatch(/Минск/);
    expect(shownText(await h.send(h.api.privateText(EN_USER, "Minsk"))).split("\n")[0]).not.toMatch(/\p{Script=Cyrillic}{4}/u);
  });
});

describe("/start and /help", () => {
  it("/start tells in Russian what the bot is and what the knowledge holds, with 3–4 example questions as buttons", async () => {
    const h = await startBot();
    const reply = await h.send(h.api.privateText(USER, "/start"));
    const text = shownText(reply);
    expect(reply.params.parse_mode).toBe("HTML");
    expect(text).toContain("Бот о городских партнёрствах Москвы");
    expect(text).toContain("В базе 94 факта из 11 источников о 9 партнёрах, самый свежий — от 3 декабря 2025.");
    expect(text).toContain("/help");
    const examples = buttonsOf(reply);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(examples.length).toBeLessThanOrEqual(4);
    expect(examples[0]!.text).toMatch(/^Москва и /);
    for (const b of examples) expect(bytes(b.callback_data)).toBeLessThanOrEqual(64);

    const answered = await h.send(h.api.callbackQuery(USER, examples[1]!.callback_data, resultMessage(reply)));
    expect(shownText(answered)).not.toContain("нет ответа");
    expect(h.api.violations).toEqual([]);
  });

  it("/help is its own text: how to ask in each kind of chat and every public command, no admin commands for a user", async () => {
    const h = await startBot();
    const reply = await h.send(h.api.privateText(USER, "/help"));
    const text = shownText(reply);
    expect(text).not.toBe(shownText(await h.send(h.api.privateText(USER, "/start"))));
    expect(text).toContain("в личном чате, — просто напишите вопрос");
    expect(text).toContain("/ask вопрос");
    expect(text).toContain(`@${BOT_USERNAME} вопрос`);
    for (const command of ["/partners", "/sources", "/ask", "/start", "/help"]) expect(text).toContain(command);
    for (const command of ["/reload", "/stats", "/unanswered", "/ingest"]) expect(text).not.toContain(command);
    expect(h.api.violations).toEqual([]);
  });

  it("speak English to a user whose Telegram is in English", async () => {
    const h = await startBot();
    h.api.setUser(EN_USER, { language_code: "en-GB" });
    const reply = await h.send(h.api.privateText(EN_USER, "/start"));
    expect(shownText(reply)).toContain("The knowledge base holds 94 facts from 11 sources about 9 partners, the newest from 3 December 2025.");
    expect(buttonsOf(reply)[0]!.text).toMatch(/^Moscow and /);
    expect(shownText(await h.send(h.api.privateText(EN_USER, "/help")))).toContain("/ask question");

    const answered = await h.send(h.api.callbackQuery(EN_USER, buttonsOf(reply)[0]!.callback_data, resultMessage(reply)));
    expect(shownText(answered)).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
    expect(h.api.violations).toEqual([]);
  });

  it("answer the “open the bot” start parameter of inline mode like /start", async () => {
    const h = await startBot();
    const reply = await h.send(h.api.privateText(USER, "/start inline"));
    expect(shownText(reply)).toContain("Бот о городских партнёрствах Москвы");
  });
});

describe("/partners and /sources", () => {
  it("list partner cities with fact counts as buttons; a button pages through that partner's facts", async () => {
    const h = await startBot();
    const list = await h.send(h.api.privateText(USER, "/partners"));
    const cities = buttonsOf(list);
    expect(cities.map((b) => b.text)).toEqual(expect.arrayContaining(["Ханой (19)", "Минск (30)", "Ташкент (8)", "Мехико (10)"]));
    expect(cities).toHaveLength(9);
    for (const b of cities) expect(bytes(b.callback_data)).toBeLessThanOrEqual(64);

    const minsk = await h.send(h.api.callbackQuery(USER, button(list, "Минск (30)").callback_data, resultMessage(list)), "editMessageText");
    expect(shownText(minsk)).toMatch(/^Минск — 30 фактов/);
    expect(shownText(minsk)).toContain("Показано 5 из 30.");
    expect(buttonsOf(minsk).map((b) => b.text)).toEqual([t("ru", "button-more"), t("ru", "back-to-partners")]);
    const next = await h.send(h.api.callbackQuery(USER, button(minsk, t("ru", "button-more")).callback_data, resultMessage(minsk)), "editMessageText");
    expect(shownText(next)).toContain("Показано 10 из 30.");
    expect(buttonsOf(next).map((b) => b.text)).toEqual([t("ru", "button-back"), t("ru", "button-more"), t("ru", "back-to-partners")]);

    // Knowledge without regions has no region to go back to: the way back is the same flat list, in the same message.
    const back = await h.send(h.api.callbackQuery(USER, button(next, t("ru", "back-to-partners")).callback_data, resultMessage(next)), "editMessageText");
    expect(back.params.message_id).toBe(resultMessage(list).message_id);
    expect(shownText(back)).toBe(shownText(list));
    expect(buttonsOf(back)).toEqual(buttonsOf(list));
    expect(h.api.violations).toEqual([]);
  });

  it("name the cities in English for an English-speaking user", async () => {
    const h = await startBot();
    h.api.setUser(EN_USER, { language_code: "en" });
    const list = await h.send(h.api.privateText(EN_USER, "/partners"));
    expect(buttonsOf(list).map((b) => b.text)).toEqual(expect.arrayContaining(["Hanoi (19)", "Minsk (30)", "Mexico City (10)"]));
    const hanoi = await h.send(h.api.callbackQuery(EN_USER, button(list, "Hanoi (19)").callback_data, resultMessage(list)), "editMessageText");
    expect(shownText(hanoi)).toMatch(/^Hanoi — 19 facts/);
  });

  it("/sources lists every source with publisher, date and link", async () => {
    const h = await startBot();
    const reply = await h.send(h.api.privateText(USER, "/sources"));
    const { sources } = h.deps.store.current().knowledge;
    const text = shownText(reply);
    for (const source of sources) expect(text).toContain(source.publisher);
    expect(text).toContain("3 декабря 2025");
    expect(text).toContain("22 октября 2018");
    const links = resultMessage(reply).entities?.filter((entity) => entity.type === "text_link") ?? [];
    expect(links.map((link) => (link as { url: string }).url).sort()).toEqual(sources.flatMap((source) => (source.url ? [source.url] : [])).sort());
    expect(h.api.violations).toEqual([]);
  });
});
