/**
 * /partners on the project's own knowledge (version 2: regions, statuses, fact kinds, English
 * citations), through the Bot API stand-in. Counts are read from the knowledge the bot loaded, so
 * the tests hold as editors add cards; what they check is how the bot shows them.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatDate } from "../../src/answer/dates.js";
import type { Lang } from "../../src/answer/types.js";
import { REGION_KEYS } from "../../src/engine/catalogue.js";
import type { KnowledgeBase, Partner } from "../../src/knowledge/types.js";
import { PROJECT_KNOWLEDGE_DIR, button, buttonsOf, bytes, copyKnowledge, resultMessage, shownText, startBot, stopAll } from "./harness.js";
import type { BotHarness } from "./harness.js";
import type { RecordedCall } from "../support/bot-api-stand-in.js";
import { t } from "../../src/i18n/i18n.js";

const USER = 3001;
const EN_USER = 3002;
const ADMIN = 3900;

afterEach(stopAll);

async function startOnProjectKnowledge(options: { adminIds?: number[] } = {}): Promise<BotHarness> {
  return startBot({ ...options, knowledgeDir: await copyKnowledge(PROJECT_KNOWLEDGE_DIR) });
}

const knowledgeOf = (h: BotHarness): KnowledgeBase => h.deps.store.current().knowledge;
const partnerById = (h: BotHarness, id: string): Partner => knowledgeOf(h).partners.find((partner) => partner.id === id)!;
const factsOf = (h: BotHarness, id: string) => knowledgeOf(h).cards.filter(({ card }) => card.partners?.includes(id));
const name = (partner: Partner, lang: Lang) => (lang === "en" ? partner.name_en! : partner.name);
const partnerButtonText = (h: BotHarness, id: string, lang: Lang) => {
  const partner = partnerById(h, id);
  return `${partner.status ? "⛔ " : ""}${name(partner, lang)} (${t(lang, "count-facts", { count: factsOf(h, id).length })})`;
};

/** Presses a button of a message the bot sent or edited, and resolves with the edit it makes. */
function press(h: BotHarness, user: number, call: RecordedCall, text: string | RegExp): Promise<RecordedCall> {
  return h.send(h.api.callbackQuery(user, button(call, text).callback_data, resultMessage(call)), "editMessageText");
}

async function openPartner(h: BotHarness, user: number, id: string, lang: Lang = "ru"): Promise<{ list: RecordedCall; region: RecordedCall; page: RecordedCall }> {
  const partner = partnerById(h, id);
  const list = await h.send(h.api.privateText(user, "/partners"));
  const region = await press(h, user, list, new RegExp(`^${t(lang, "region", { region: partner.region! })} \\(`));
  const page = await press(h, user, region, partnerButtonText(h, id, lang));
  return { list, region, page };
}

describe("/partners by region", () => {
  it("lists the regions with how many partners each, one button per region", async () => {
    const h = await startOnProjectKnowledge();
    const list = await h.send(h.api.privateText(USER, "/partners"));
    const { partners } = knowledgeOf(h);
    const regions = REGION_KEYS.filter((region) => partners.some((partner) => (partner.region ?? "other") === region));
    expect(regions).toEqual(["europe", "eurasia", "asia", "middle-east", "americas", "africa"]);
    expect(shownText(list)).toContain(`${t("ru", "count-partners", { count: partners.length })} в 6 регионах. Выберите регион.`);
    expect(buttonsOf(list).map((b) => b.text)).toEqual(
      regions.map((region) => `${t("ru", "region", { region: region })} (${t("ru", "count-partners", { count: partners.filter((partner) => partner.region === region).length })})`),
    );
    expect(h.api.violations).toEqual([]);
  });

  it("shows a region's partners with their fact counts, Prague and Krakow marked and apart, and goes back to the regions", async () => {
    const h = await startOnProjectKnowledge();
    const list = await h.send(h.api.privateText(USER, "/partners"));
    const europe = await press(h, USER, list, /^Европа \(/);
    expect(europe.params.message_id).toBe(resultMessage(list).message_id);

    const members = knowledgeOf(h).partners.filter((partner) => partner.region === "europe");
    const shown = buttonsOf(europe).map((b) => b.text);
    expect(shown.slice(0, -1).sort()).toEqual(members.map((partner) => partnerButtonText(h, partner.id, "ru")).sort());
    expect(shown.filter((text) => text.startsWith("⛔"))).toEqual([partnerButtonText(h, "krakow", "ru"), partnerButtonText(h, "prague", "ru")]);
    expect(shown.at(-1)).toBe(t("ru", "back-to-regions"));
    for (const b of buttonsOf(europe)) expect(bytes(b.callback_data)).toBeLessThanOrEqual(64);

    // The current partners by country; Prague and Krakow only below, with what happened.
    const [current, ended] = shownText(europe).split("Партнёрство прекращено или приостановлено");
    expect(current).toContain("• Германия: Бавария, Берлин");
    expect(current).not.toMatch(/Прага|Краков|Чехия|Польша/);
    expect(ended).toContain("⛔ Краков (Польша) — прекращено с 2 марта 2022 года");
    expect(ended).toContain("⛔ Прага (Чехия) — приостановлено с сентября 2014 года");

    const back = await press(h, USER, europe, t("ru", "back-to-regions"));
    expect(back.params.message_id).toBe(resultMessage(list).message_id);
    expect(shownText(back)).toBe(shownText(list));
    expect(buttonsOf(back)).toEqual(buttonsOf(list));
    expect(h.api.violations).toEqual([]);
  });

  it.each([
    ["kyiv", "Партнёрство прекращено с мая 2016 года"],
    ["prague", "Партнёрство приостановлено с сентября 2014 года"],
    ["krakow", "Партнёрство прекращено с 2 марта 2022 года"],
  ])("marks %s in its region and opens its page with the status and the card that says so", async (id, status) => {
    const h = await startOnProjectKnowledge();
    const partner = partnerById(h, id);
    const { region, page } = await openPartner(h, USER, id);
    expect(button(region, partnerButtonText(h, id, "ru")).text).toMatch(/^⛔ /);

    const cited = knowledgeOf(h).cards.find(({ card }) => card.id === partner.status!.card)!;
    const firstLines = shownText(page).split("\n").slice(0, 2);
    expect(firstLines).toEqual([`${partner.name} — ${t("ru", "count-facts", { count: factsOf(h, id).length })}`, `⛔ ${status} — ${cited.source.publisher}, ${formatDate(cited.source.published, "ru")} — ${cited.source.title}`]);
    const links = (resultMessage(page).entities ?? []).filter((entity) => entity.type === "text_link") as Array<{ url: string }>;
    expect(links[0]?.url).toBe(cited.source.url);
    expect(h.api.violations).toEqual([]);
  });

  it("shows a partner's timeline in date order, each run cited, then its other facts, with Back and the way to its region", async () => {
    const h = await startOnProjectKnowledge();
    // Bishkek: agreements and visits from 2017 and 2024, from two sources.
    const { region, page } = await openPartner(h, USER, "bishkek");
    const dated = factsOf(h, "bishkek").filter(({ card }) => card.kind && card.date);
    expect(new Set(dated.map(({ source }) => source.id)).size).toBeGreaterThan(1);
    const inOrder = [...dated].sort((a, b) => (a.card.date! < b.card.date! ? -1 : a.card.date! > b.card.date! ? 1 : 0));

    const text = shownText(page);
    expect(text).toContain("Хронология");
    const lines = inOrder.map(({ card }) => `• ${formatDate(card.date!, "ru")} — ${card.text}`);
    const positions = lines.map((line) => text.indexOf(line));
    expect(positions.every((position) => position >= 0), text).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Each line is followed by its source's citation before the next source's lines begin.
    for (const { source } of inOrder) expect(text).toContain(`${source.publisher}, ${formatDate(source.published, "ru")} — `);

    expect(buttonsOf(page).map((b) => b.text)).toEqual([t("ru", "button-more"), "← Евразия"]);
    const others = await press(h, USER, page, t("ru", "button-more"));
    expect(shownText(others)).toContain("Другие факты");
    expect(shownText(others)).not.toContain("Хронология");
    const again = await press(h, USER, others, t("ru", "button-back"));
    expect(shownText(again)).toBe(text);

    const back = await press(h, USER, again, "← Евразия");
    expect(back.params.message_id).toBe(resultMessage(region).message_id);
    expect(shownText(back)).toBe(shownText(region));
    expect(h.api.violations).toEqual([]);
  });

  it("speaks English to an English reader: regions, names, status and citations", async () => {
    const h = await startOnProjectKnowledge();
    h.api.setUser(EN_USER, { language_code: "en" });
    const { list, region, page } = await openPartner(h, EN_USER, "kyiv", "en");
    expect(shownText(list)).toMatch(/^Moscow's partners in the knowledge base\n\d+ partners in 6 regions\. Choose a region\.$/);
    expect(buttonsOf(list).map((b) => b.text)).toContain(`Europe (${t("en", "count-partners", { count: knowledgeOf(h).partners.filter((p) => p.region === "europe").length })})`);
    expect(shownText(region)).toContain("⛔ Kyiv (Ukraine) — ended in May 2016");
    expect(buttonsOf(region).map((b) => b.text)).toContain("Minsk (" + t("en", "count-facts", { count: factsOf(h, "minsk").length }) + ")");

    const text = shownText(page);
    expect(text).toMatch(/^Kyiv — \d+ facts\n⛔ Partnership ended in May 2016 — Bagnet \(bagnet\.org\), 12 May 2016 — Kyiv sent Russia a document on breaking off cooperation with Moscow\n/);
    expect(text).toContain("Timeline");
    expect(text).not.toMatch(/[А-Яа-яЁё]/);
    expect(buttonsOf(page).at(-1)?.text).toBe("← Eurasia");
    expect(h.api.violations).toEqual([]);
  });
});

describe("catalogue buttons across a reload", () => {
  it("open a partner the reload kept, with its new facts; only a partner that is gone gets the “ask again” toast", async () => {
    const knowledgeDir = await copyKnowledge(PROJECT_KNOWLEDGE_DIR);
    const h = await startBot({ adminIds: [ADMIN], reloadable: true, knowledgeDir });
    const { region: europe, page: berlin } = await openPartner(h, USER, "berlin");
    const { region: eurasia } = await openPartner(h, USER, "luhansk");
    const berlinFacts = factsOf(h, "berlin").length;

    // A new dated card for Berlin; Luhansk and its only source removed.
    const source = {
      source: { id: "e2e-2026-02-01-moscow-berlin", title: "Москва и Берлин провели встречу", publisher: "Тестовое агентство", published: "2026-02-01", url: "https://example.org/e2e/berlin" },
      facts: [{ id: "e2e-berlin-meeting", text: "В феврале 2026 года Москва и Берлин провели встречу.", text_en: "Moscow and Berlin met in February 2026.", partners: ["berlin"], date: "2026-02", kind: "event" }],
    };
    await writeFile(path.join(knowledgeDir, "sources", `${source.source.id}.json`), JSON.stringify(source));
    const partnersFile = path.join(knowledgeDir, "partners.json");
    const partners = JSON.parse(await readFile(partnersFile, "utf8")) as Partner[];
    await writeFile(partnersFile, JSON.stringify(partners.filter((partner) => partner.id !== "luhansk")));
    await rm(path.join(knowledgeDir, "sources", "m24-2022-06-03-moscow-luhansk.json"));
    const reload = await h.send(h.api.privateText(ADMIN, "/reload"), "sendMessage", undefined, 15_000);
    expect(shownText(reload)).toMatch(/^Перечитано/);

    // The Berlin button of the list sent before the reload opens the new Berlin page.
    const reopened = await h.send(h.api.callbackQuery(USER, button(europe, /^Берлин \(/).callback_data, resultMessage(berlin)), "editMessageText");
    expect(shownText(reopened)).toMatch(new RegExp(`^Берлин — ${t("ru", "count-facts", { count: berlinFacts + 1 })}\n`));
    expect(shownText(reopened)).toContain("• февраль 2026 — В феврале 2026 года Москва и Берлин провели встречу.");
    const backToEurope = await press(h, USER, reopened, "← Европа");
    expect(buttonsOf(backToEurope).map((b) => b.text)).toContain(`Берлин (${t("ru", "count-facts", { count: berlinFacts + 1 })})`);

    const editsBefore = h.api.callsTo("editMessageText").length;
    const gone = await h.send(h.api.callbackQuery(USER, button(eurasia, /^Луганск \(/).callback_data, resultMessage(eurasia)), "answerCallbackQuery");
    expect(gone.params.text).toBe(t("ru", "partner-gone"));
    expect(h.api.callsTo("editMessageText")).toHaveLength(editsBefore);

    // The region list made before the reload still opens, now without Luhansk.
    const eurasiaNow = await h.send(h.api.callbackQuery(USER, button(backToEurope, t("ru", "back-to-regions")).callback_data, resultMessage(eurasia)), "editMessageText");
    const regionNow = await press(h, USER, eurasiaNow, /^Евразия \(/);
    expect(buttonsOf(regionNow).map((b) => b.text).join(" ")).not.toContain("Луганск");
    expect(h.api.violations).toEqual([]);
  });
});
