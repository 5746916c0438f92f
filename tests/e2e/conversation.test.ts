import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_KNOWLEDGE_DIR, button, buttonsOf, copyKnowledge, resultMessage, shownText, startBot, stopAll } from "./harness.js";
import { LIST_PAGE_SIZE } from "../../src/bot/features/answering.js";
import { t } from "../../src/i18n/i18n.js";

const USER = 2001;
const OTHER = 2002;

afterEach(stopAll);

describe("a conversation in a private chat", () => {
  it("reads a follow-up with the question before it, per chat", async () => {
    const h = await startBot();
    const snapshot = h.deps.store.current();
    const question = "Кто возглавлял делегацию Москвы в Ханое?";
    await h.send(h.api.privateText(USER, question));
    const inContext = snapshot.answer("а в Ташкенте?", { previous: snapshot.answer(question).understood! }).facts[0]!.card;
    const standing = snapshot.answer("а в Ташкенте?").facts[0]!.card;
    expect(inContext.id).not.toBe(standing.id);
    expect(inContext.text).toMatch(/делегаци/i);

    expect(shownText(await h.send(h.api.privateText(USER, "а в Ташкенте?")))).toContain(inContext.text);
    // Another chat has no previous question: the same words stand alone there.
    expect(shownText(await h.send(h.api.privateText(OTHER, "а в Ташкенте?")))).toContain(standing.text);
    expect(h.api.violations).toEqual([]);
  });

  it("pages a follow-up's answer as the follow-up, though the chat has moved on", async () => {
    const h = await startBot({ knowledgeDir: await copyKnowledge(PROJECT_KNOWLEDGE_DIR) });
    const snapshot = h.deps.store.current();
    const question = "Что Москва подписала с Ханоем?";
    const followUp = "а что ещё?";
    const expected = snapshot.answer(followUp, { previous: snapshot.answer(question).understood! });
    expect(expected.facts.length).toBeGreaterThan(6);
    await h.send(h.api.privateText(USER, question));
    const first = await h.send(h.api.privateText(USER, followUp));
    await h.send(h.api.privateText(USER, "Когда Москва подписала меморандум с Сеулом?"));

    const second = await h.send(h.api.callbackQuery(USER, button(first, t("ru", "button-more")).callback_data, resultMessage(first)), "editMessageText");
    expect(shownText(second)).toContain(`Показано 6 из ${expected.facts.length}.`);
    for (const fact of expected.facts.slice(3, 6)) expect(shownText(second)).toContain(fact.card.text.slice(0, 60));
    expect(h.api.violations).toEqual([]);
  });

  it("answers a greeting with how to ask and example buttons, never with cards", async () => {
    const h = await startBot();
    const reply = await h.send(h.api.privateText(USER, "Привет!"));
    expect(shownText(reply)).toContain(t("ru", "greeting"));
    expect(shownText(reply)).not.toMatch(/\d{4} — /);
    expect(buttonsOf(reply).length).toBeGreaterThan(0);
    // A greeting is not a question: the editors' list of unanswered ones stays empty.
    expect(await h.deps.unanswered.latest(10)).toEqual([]);
  });
});

describe("answers from the version-2 knowledge", () => {
  it("list the partners on pages, and show an ended partnership with the card that says so", async () => {
    const h = await startBot({ knowledgeDir: await copyKnowledge(PROJECT_KNOWLEDGE_DIR) });
    const list = shownText(await h.send(h.api.privateText(USER, "С какими городами у Москвы есть соглашения?")));
    expect(list).toMatch(/Партнёры Москвы: \d+ партн/);

    const kyiv = shownText(await h.send(h.api.privateText(USER, "Что известно о Киеве?")));
    expect(kyiv).toContain("⛔ Партнёрство Москвы и города Киев прекращено");
    expect(kyiv).toContain("Багнет");
    expect(h.api.violations).toEqual([]);
  });

  it("page a list by a list's page, forward and back", async () => {
    const h = await startBot({ knowledgeDir: await copyKnowledge(PROJECT_KNOWLEDGE_DIR) });
    const question = "С какими городами у Москвы есть соглашения?";
    const lines = h.deps.store.current().answer(question).facts.length;
    expect(lines).toBeGreaterThan(2 * LIST_PAGE_SIZE);
    const first = await h.send(h.api.privateText(USER, question));
    expect(shownText(first)).toContain(`Показано ${LIST_PAGE_SIZE} из ${lines}.`);
    const second = await h.send(h.api.callbackQuery(USER, button(first, t("ru", "button-more")).callback_data, resultMessage(first)), "editMessageText");
    expect(shownText(second)).toContain(`Показано ${2 * LIST_PAGE_SIZE} из ${lines}.`);
    const back = await h.send(h.api.callbackQuery(USER, button(second, t("ru", "button-back")).callback_data, resultMessage(second)), "editMessageText");
    expect(shownText(back)).toBe(shownText(first));
    expect(h.api.violations).toEqual([]);
  });

  it("cite English publishers and titles to an English reader", async () => {
    const h = await startBot({ knowledgeDir: await copyKnowledge(PROJECT_KNOWLEDGE_DIR) });
    const answer = shownText(await h.send(h.api.privateText(USER, "What did Moscow and Hanoi agree on?")));
    expect(answer).toContain("TASS");
    expect(answer).not.toContain("ТАСС");
  });
});
