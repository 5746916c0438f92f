import { describe, expect, it } from "vitest";
import { TELEGRAM_TEXT_LIMIT } from "../../src/answer/render-telegram.js";
import { MAX_CALLBACK_BYTES, decodeCallback, encodeCallback, partnerRef } from "../../src/bot/callback-data.js";
import type { CallbackAction } from "../../src/bot/callback-data.js";
import { TIMELINE_PAGE_SIZE, partnerView, partnersView, regionView } from "../../src/bot/features/catalogue.js";
import type { FactCard, KnowledgeBase, Partner, Source } from "../../src/knowledge/types.js";
import { checkTelegramHtml } from "../support/telegram-html.js";
import { t } from "../../src/i18n/i18n.js";


const source = (id: string, extra: Partial<Source> = {}): Source => ({ id, title: `Заголовок ${id}`, publisher: "ТАСС", published: "2020-01-01", url: `https://example.org/${id}`, language: "ru", ...extra });
const partner = (id: string, extra: Partial<Partner> = {}): Partner => ({ id, name: `Город ${id}`, name_en: `City ${id}`, country: "Страна", ...extra });
const card = (id: string, partnerId: string, extra: Partial<FactCard> = {}, from: Source = source("s")) => ({ card: { id, text: `Текст ${id}.`, text_en: `Text ${id}.`, partners: [partnerId], ...extra }, source: from });
const knowledge = (partners: Partner[], cards: ReturnType<typeof card>[]): KnowledgeBase => ({ partners, synonyms: [], sources: [...new Map(cards.map((c) => [c.source.id, c.source])).values()], cards });

type Markup = ReturnType<typeof partnersView>["markup"];
const buttons = (markup: Markup) => (markup?.inline_keyboard ?? []).flat() as Array<{ text: string; callback_data: string }>;
const press = (markup: Markup, text: string) => {
  const found = buttons(markup).find((b) => b.text === text);
  if (!found) throw new Error(`no button ${text} among ${JSON.stringify(buttons(markup).map((b) => b.text))}`);
  return decodeCallback(found.callback_data)!;
};
function visible(html: string): string {
  const checked = checkTelegramHtml(html);
  if (!checked.ok) throw new Error(`not valid Telegram HTML: ${checked.error}\n${html}`);
  return checked.text;
}

describe("catalogue callback data", () => {
  it("round-trips every catalogue button within 64 bytes", () => {
    const actions: CallbackAction[] = [
      { kind: "partners" },
      { kind: "region", region: "middle-east" },
      { kind: "region", region: "other" },
      { kind: "partner", ref: "rio-de-janeiro", offset: 999_999 },
    ];
    for (const action of actions) {
      const data = encodeCallback(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
      expect(decodeCallback(data)).toEqual(action);
    }
  });

  it("refuses regions and references it never makes", () => {
    for (const data of ["rg:mars", "rg:", "rg:europe:1", "pa:Minsk:0", "pa:minsk", "pa:minsk:x", "pa::0", "ps:1", "pt:1:0:0"]) expect(decodeCallback(data), data).toBeUndefined();
  });

  it("names a partner by a digest when its id would not fit, and still finds it", () => {
    const long = `a-${"very-long-".repeat(8)}city`;
    const ref = partnerRef(long);
    expect(ref).toMatch(/^~[0-9a-f]{20}$/);
    const data = encodeCallback({ kind: "partner", ref, offset: 123_456 });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    const base = knowledge([partner(long, { region: "asia" })], [card("a", long)]);
    const list = regionView(base, "asia", "ru")!;
    const opened = press(list.markup, "Город " + long + " (1 факт)");
    expect(opened).toEqual({ kind: "partner", ref, offset: 0 });
    expect(visible(partnerView(base, ref, 0, "ru")!.html)).toContain(`Город ${long} — 1 факт`);
    expect(partnerRef("minsk")).toBe("minsk");
  });
});

describe("/partners by region", () => {
  const mixed = knowledge(
    [partner("a", { region: "asia", country: "Вьетнам" }), partner("b"), partner("c", { region: "asia", country: "Китай" }), partner("d", { region: "asia", country: "Китай" })],
    [card("a1", "a"), card("b1", "b"), card("b2", "b"), card("c1", "c"), card("d1", "d")],
  );

  it("lists regions with counts, partners without a region as “Other”, last", () => {
    const view = partnersView(mixed, "ru");
    expect(visible(view.html)).toContain("4 партнёра в 2 регионах");
    expect(buttons(view.markup).map((b) => b.text)).toEqual(["Азия (3 партнёра)", "Другие (1 партнёр)"]);
    expect(buttons(partnersView(mixed, "en").markup).map((b) => b.text)).toEqual(["Asia (3 partners)", "Other (1 partner)"]);
  });

  it("lists a region's partners by country, a country's partners side by side, with a way back to the regions", () => {
    const asia = regionView(mixed, "asia", "ru")!;
    expect(visible(asia.html)).toContain("• Вьетнам: Город a\n• Китай: Город c, Город d");
    expect(asia.markup!.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([["Город a (1 факт)"], ["Город c (1 факт)", "Город d (1 факт)"], [t("ru", "back-to-regions")]]);
    expect(press(asia.markup, t("ru", "back-to-regions"))).toEqual({ kind: "partners" });
    const other = partnerView(mixed, "b", 0, "ru")!;
    expect(press(other.markup, "← Другие")).toEqual({ kind: "region", region: "other" });
    expect(regionView(mixed, "europe", "ru")).toBeUndefined();
  });

  it("keeps a flat list for knowledge without regions, partners no longer current marked and last", () => {
    const flat = knowledge([partner("x", { status: { state: "ended", since: "2016-05", card: "x1" } }), partner("y")], [card("x1", "x"), card("y1", "y")]);
    expect(buttons(partnersView(flat, "ru").markup).map((b) => b.text)).toEqual(["Город y (1)", "⛔ Город x (1)"]);
    expect(regionView(flat, "other", "ru")).toBeUndefined();
    expect(press(partnerView(flat, "y", 0, "ru")!.markup, t("ru", "back-to-partners"))).toEqual({ kind: "partners" });
  });
});

describe("a partner's page", () => {
  it("shows the status with the card that says so, in either language", () => {
    const status = source("status", { publisher_en: "TASS", title_en: "Title in English", published: "2016-05-12" });
    const base = knowledge(
      [partner("k", { region: "eurasia", status: { state: "ended", since: "2016-05", card: "k-ended" } })],
      [card("k-ended", "k", { date: "2016-05", kind: "status" }, status), card("k-signed", "k", { date: "2010", kind: "agreement" })],
    );
    const ru = visible(partnerView(base, "k", 0, "ru")!.html);
    expect(ru).toMatch(/^Город k — 2 факта\n⛔ Партнёрство прекращено с мая 2016 года — ТАСС, 12 мая 2016 — Заголовок status\n/);
    const en = visible(partnerView(base, "k", 0, "en")!.html);
    expect(en).toMatch(/^City k — 2 facts\n⛔ Partnership ended in May 2016 — TASS, 12 May 2016 — Title in English\n/);
    expect(en.indexOf("2010 — Text k-signed.")).toBeLessThan(en.indexOf("May 2016 — Text k-ended."));
    expect(visible(regionView(base, "eurasia", "en")!.html)).toContain("⛔ City k (Страна) — ended in May 2016");
  });

  it("cites a run of entries from one source once, below them", () => {
    const other = source("other");
    const base = knowledge([partner("p", { region: "asia" })], [card("a", "p", { date: "2010", kind: "event" }), card("b", "p", { date: "2011", kind: "event" }), card("c", "p", { date: "2012", kind: "visit" }, other)]);
    const text = visible(partnerView(base, "p", 0, "ru")!.html);
    expect(text).toContain("• 2010 — Текст a.\n• 2011 — Текст b.\nТАСС, 1 января 2020 — Заголовок s\n\n• 2012 — Текст c.\nТАСС, 1 января 2020 — Заголовок other");
  });

  it("pages a long timeline within Telegram's limit, then the other facts; Back lands on the page before", () => {
    // 23 dated entries of 900 characters each, from different sources: a few per page.
    const entries = Array.from({ length: 23 }, (_, i) =>
      card(`t${i}`, "p", { date: `${2000 + i}`, kind: "event", text: `${"Длинный факт. ".repeat(64)}№${i}`.slice(0, 900) }, source(`s${i}`, { title: "Т".repeat(280) })),
    );
    const others = Array.from({ length: 7 }, (_, i) => card(`o${i}`, "p"));
    const base = knowledge([partner("p", { region: "asia" })], [...others, ...entries.reverse()]);

    const seen: string[] = [];
    const starts: number[] = [];
    let action: CallbackAction | undefined = { kind: "partner", ref: "p", offset: 0 };
    while (action?.kind === "partner") {
      const view: ReturnType<typeof partnersView> = partnerView(base, "p", action.offset, "ru")!;
      const text = visible(view.html);
      expect(text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(text).toMatch(/^Город p — 30 фактов/);
      starts.push(action.offset);
      seen.push(...[...text.matchAll(/№(\d+)|Текст (o\d)\./g)].map((match) => match[1] ?? match[2]!));
      if (starts.length > 1) expect(press(view.markup, t("ru", "button-back"))).toEqual({ kind: "partner", ref: "p", offset: starts.at(-2) });
      expect(press(view.markup, "← Азия")).toEqual({ kind: "region", region: "asia" });
      action = buttons(view.markup).some((b) => b.text === t("ru", "button-more")) ? press(view.markup, t("ru", "button-more")) : undefined;
    }
    // Every entry once, in date order, then every other fact once.
    expect(seen).toEqual([...Array.from({ length: 23 }, (_, i) => String(i)), ...Array.from({ length: 7 }, (_, i) => `o${i}`)]);
    const timelinePages = starts.filter((start) => start < 23);
    expect(timelinePages.length).toBeGreaterThan(23 / TIMELINE_PAGE_SIZE);
    expect(visible(partnerView(base, "p", 23, "ru")!.html)).toContain("Другие факты");
  });

  it("opens on the nearest page when the offset of an old button is past the end", () => {
    const base = knowledge([partner("p", { region: "asia" })], [card("a", "p"), card("b", "p")]);
    expect(visible(partnerView(base, "p", 50, "ru")!.html)).toContain("Текст b.");
    expect(partnerView(base, "gone", 0, "ru")).toBeUndefined();
  });

  it("has a way back even with no facts at all", () => {
    const base = knowledge([partner("p", { region: "africa" }), partner("q", { region: "africa" })], [card("a", "q")]);
    const view = partnerView(base, "p", 0, "en")!;
    expect(visible(view.html)).toBe("City p — 0 facts");
    expect(buttons(view.markup).map((b) => b.text)).toEqual(["← Africa"]);
  });
});
