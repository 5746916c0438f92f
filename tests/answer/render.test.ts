import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/answer/dates.js";
import { statusPhrase } from "../../src/answer/texts.js";
import { shorten } from "../../src/answer/html.js";
import { graphemePrefix } from "../../src/lib/graphemes.js";
import { renderPlainAnswer } from "../../src/answer/render-text.js";
import { TELEGRAM_TEXT_LIMIT, renderFactHtml, renderTelegramAnswer } from "../../src/answer/render-telegram.js";
import type { Answer, AnswerFact } from "../../src/answer/types.js";
import { checkTelegramHtml } from "../support/telegram-html.js";

function fact(id: string, text: string, extra: Partial<AnswerFact> = {}, source: Partial<AnswerFact["source"]> = {}): AnswerFact {
  return {
    card: { id, text, text_en: `EN ${text}`, partners: ["hanoi"] },
    source: { id: "tass-2025-12-03-moscow-hanoi", title: "Москва и Ханой будут сотрудничать", publisher: "ТАСС", published: "2025-12-03", url: "https://example.org/a?b=1&c=2", language: "ru", ...source },
    score: 1,
    emphasis: [],
    ...extra,
  };
}

const answer = (facts: AnswerFact[], extra: Partial<Answer> = {}): Answer => ({ question: "q", lang: "ru", answered: true, facts, suggestions: [], ...extra });

function visible(html: string): string {
  const checked = checkTelegramHtml(html);
  if (!checked.ok) throw new Error(`not valid Telegram HTML: ${checked.error}\n${html}`);
  return checked.text;
}

describe("Telegram rendering", () => {
  it("cites each source once, below its facts, with publisher, date in the reader's language and a linked title", () => {
    const page = renderTelegramAnswer(answer([fact("a", "Первый факт."), fact("b", "Второй факт.")]));
    expect(page.html).toContain('ТАСС, 3 декабря 2025 — <a href="https://example.org/a?b=1&amp;c=2">Москва и Ханой будут сотрудничать</a>');
    expect(page.html.match(/ТАСС, 3 декабря 2025/g)).toHaveLength(1);
    expect(page.html).toMatch(/^Первый факт\.\n• Второй факт\.\n<i>ТАСС/);
    const english = renderTelegramAnswer(answer([fact("a", "Первый факт.")], { lang: "en" }));
    expect(english.html).toContain("EN Первый факт.");
    expect(english.html).toContain("ТАСС, 3 December 2025");
  });

  it("quotes a title without a url instead of linking it", () => {
    expect(renderTelegramAnswer(answer([fact("a", "Факт.", {}, { url: undefined })])).html).toContain("«Москва и Ханой будут сотрудничать»");
  });

  it("cites the English publisher and title to an English reader, the Russian ones to a Russian reader", () => {
    const english = { publisher_en: "TASS", title_en: "Moscow and Hanoi will cooperate" };
    expect(renderTelegramAnswer(answer([fact("a", "Факт.", {}, english)], { lang: "en" })).html).toContain('TASS, 3 December 2025 — <a href="https://example.org/a?b=1&amp;c=2">Moscow and Hanoi will cooperate</a>');
    expect(renderTelegramAnswer(answer([fact("a", "Факт.", {}, english)])).html).toContain("ТАСС, 3 декабря 2025 — <a");
    expect(renderTelegramAnswer(answer([fact("a", "Факт.", {}, english)])).html).toContain(">Москва и Ханой будут сотрудничать</a>");
    expect(renderPlainAnswer(answer([fact("a", "Факт.", {}, english)], { lang: "en" }))).toContain("TASS, 3 December 2025 — «Moscow and Hanoi will cooperate» https://example.org/");
  });

  it("never quotes a title that only describes the source as if it were its headline", () => {
    const described = { url: undefined, title: "Сообщение ТАСС из Ханоя", title_is_description: true };
    const html = renderTelegramAnswer(answer([fact("a", "Факт.", {}, described)])).html;
    expect(html).toContain("ТАСС, 3 декабря 2025 — Сообщение ТАСС из Ханоя</i>");
    expect(html).not.toContain("«");
    expect(renderPlainAnswer(answer([fact("a", "Факт.", {}, described)]))).toContain("ТАСС, 3 декабря 2025 — Сообщение ТАСС из Ханоя");
    expect(renderPlainAnswer(answer([fact("a", "Факт.", {}, described)]))).not.toContain("«");
  });

  it("escapes markup in card text, titles and publishers", () => {
    const hostile = fact("a", `<script>alert("x")</script> & "кавычки" <b>`, {}, { title: `Заголовок <i>&amp;</i> "q"`, publisher: "A&B <x>" });
    const page = renderTelegramAnswer(answer([hostile]));
    expect(visible(page.html)).toContain(`<script>alert("x")</script> & "кавычки" <b>`);
    expect(page.html).not.toContain("<script>");
    expect(visible(page.html)).toContain(`Заголовок <i>&amp;</i> "q"`);
    expect(visible(page.html)).toContain("A&B <x>");
  });

  it("puts exactly the emphasis spans in bold", () => {
    const page = renderTelegramAnswer(answer([fact("a", "Москва подписала меморандум с Минском 3 декабря 2025 года.", { emphasis: [{ start: 38, end: 57 }] })]));
    expect(page.html).toBe('Москва подписала меморандум с Минском <b>3 декабря 2025 года</b>.\n<i>ТАСС, 3 декабря 2025 — <a href="https://example.org/a?b=1&amp;c=2">Москва и Ханой будут сотрудничать</a></i>');
  });

  it("puts the best fact on top, then the facts grouped by source in the order their sources first come", () => {
    const other = { id: "ria-2024", publisher: "РИА Новости", published: "2024-05-01", title: "Другая статья" };
    const page = renderTelegramAnswer(answer([fact("a", "Лучший факт.", {}, other), fact("b", "Второй, из ТАСС."), fact("c", "Третий, снова РИА.", {}, other)]));
    const text = visible(page.html);
    expect(text).toBe(["Лучший факт.", "• Третий, снова РИА.", "РИА Новости, 1 мая 2024 — Другая статья", "", "• Второй, из ТАСС.", "ТАСС, 3 декабря 2025 — Москва и Ханой будут сотрудничать"].join("\n"));
    // On a later page no fact is the answer: all are bullets.
    expect(visible(renderTelegramAnswer(answer([fact("a", "Лучший факт."), fact("b", "Второй.")]), { offset: 1 }).html)).toMatch(/^• Второй\./);
  });

  it("opens the answer to a when-question with the card's date when its text gives none", () => {
    const dated = fact("a", "Подписали соглашение.", { card: { id: "a", text: "Подписали соглашение.", date: "2024-12" } });
    expect(renderTelegramAnswer(answer([dated], { asks: "date" })).html).toMatch(/^<b>декабрь 2024<\/b> — Подписали соглашение\./);
    expect(renderTelegramAnswer(answer([dated])).html).toMatch(/^Подписали соглашение\./);
  });

  it("stays within 4,096 characters by dropping whole facts and says how many are shown", () => {
    const long = Array.from({ length: 12 }, (_, i) => fact(`f${i}`, `${"Очень длинный факт & <тег>. ".repeat(35).slice(0, 990)}`, {}, { title: "Т".repeat(400) }));
    const page = renderTelegramAnswer(answer(long), { pageSize: 12 });
    const text = visible(page.html);
    expect(text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(page.shown).toBeGreaterThan(0);
    expect(page.shown).toBeLessThan(12);
    expect(page.nextOffset).toBe(page.shown);
    expect(text).toContain(`Показано ${page.shown} из 12.`);
  });

  it("pages from an offset", () => {
    const facts = Array.from({ length: 7 }, (_, i) => fact(`f${i}`, `Факт номер ${i}.`));
    const page = renderTelegramAnswer(answer(facts), { offset: 3, pageSize: 3 });
    expect(page.html).toContain("Факт номер 3.");
    expect(page.html).not.toContain("Факт номер 2.");
    expect(page.nextOffset).toBe(6);
    expect(renderTelegramAnswer(answer(facts), { offset: 6, pageSize: 3 }).nextOffset).toBeUndefined();
  });

  it("says plainly when the knowledge has no answer and lists partners and suggestions", () => {
    const page = renderTelegramAnswer(answer([], { answered: false, suggestions: ["Москва и Ханой", "<x>"] }), { partnerNames: ["Ханой", "Минск"] });
    const text = visible(page.html);
    expect(text).toContain("В базе знаний нет ответа");
    expect(text).toContain("Ханой, Минск");
    expect(text).toContain("• <x>");
  });
});

describe("plain-text rendering", () => {
  it("lays the answer out as Telegram does: the best fact first, one citation per source, with its link", () => {
    const other = { id: "ria-2024", publisher: "РИА Новости", published: "2024-05-01", title: "Другая статья", url: undefined };
    const text = renderPlainAnswer(answer([fact("a", "Первый."), fact("b", "Второй."), fact("c", "Третий.", {}, other)]));
    expect(text).toBe(
      "Первый.\n• Второй.\n   — ТАСС, 3 декабря 2025 — «Москва и Ханой будут сотрудничать» https://example.org/a?b=1&c=2\n\n" + "• Третий.\n   — РИА Новости, 1 мая 2024 — «Другая статья»",
    );
  });
});

/** Half a surrogate pair, which Telegram refuses as not UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;

describe("citations of fields longer than the knowledge format allows", () => {
  // The schema refuses these; the renderers must still never build a reply Telegram refuses.
  const long = { publisher: `<Агентство>&${"Т".repeat(4200)}`, title: `«${"З".repeat(5000)}»` };

  it("keep a chat answer and an inline message within 4,096 characters", () => {
    const page = renderTelegramAnswer(answer([fact("a", "я".repeat(1000), {}, long)]));
    const text = visible(page.html);
    expect(text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(text).toContain(`<Агентство>&${"Т".repeat(187)}…`);
    expect(visible(renderFactHtml(fact("a", "я".repeat(1000), {}, long), "ru")).length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  });

  it("are cut the same way for the terminal", () => {
    const plain = renderPlainAnswer(answer([fact("a", "я", {}, long)]));
    expect(plain.length).toBeLessThan(600);
    expect(plain).toContain(`<Агентство>&${"Т".repeat(187)}…`);
  });
});

describe("shortening", () => {
  it("never splits an emoji: 198 letters and an emoji cut at 200 keep the letters and drop the whole emoji", () => {
    const question = `${"а".repeat(198)}😀 и ещё`;
    const short = shorten(question, 200);
    expect(short).toBe(`${"а".repeat(198)}…`);
    expect(short).not.toMatch(LONE_SURROGATE);
  });

  it("keeps every cut within the budget in UTF-16 units and whole graphemes, wherever the emoji falls", () => {
    const pieces = ["😀", "🇷🇺", "👨‍👩‍👧", "👍🏽", "é"];
    for (const piece of pieces) {
      for (let letters = 90; letters <= 100; letters += 1) {
        const text = `${"ж".repeat(letters)}${piece}${piece} конец`;
        const short = shorten(text, 100);
        expect(short.length).toBeLessThanOrEqual(100);
        expect(short).not.toMatch(LONE_SURROGATE);
        const kept = short.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        // What is kept ends between graphemes: the next grapheme of the text starts right after it.
        expect([...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].some((s) => s.index === kept.length)).toBe(true);
      }
    }
    expect(graphemePrefix("ab🇷🇺", 3)).toBe("ab");
    expect(graphemePrefix("ab🇷🇺", 6)).toBe("ab🇷🇺");
  });

  it("cites a title with an emoji at the cut without half of it", () => {
    const title = `Москва ${"ж".repeat(291)}😀 и Ханой`;
    const html = renderTelegramAnswer(answer([fact("a", "Москва и Ханой подписали меморандум.", {}, { title })])).html;
    expect(html).not.toMatch(LONE_SURROGATE);
    expect(visible(html)).toContain(`Москва ${"ж".repeat(291)}…`);
  });
});

describe("dates", () => {
  it("writes dates out in Russian and English", () => {
    expect(formatDate("2025-09-18", "ru")).toBe("18 сентября 2025");
    expect(formatDate("2014-05-01", "en")).toBe("1 May 2014");
    expect(formatDate("2025-09", "ru")).toBe("сентябрь 2025");
    expect(formatDate("2025-09", "en")).toBe("September 2025");
    expect(formatDate("2016", "ru")).toBe("2016");
    expect(formatDate("2016-13", "ru")).toBe("2016-13");
  });

  it("says since when a partnership ended or was suspended, in each language's own way", () => {
    expect(statusPhrase({ state: "ended", since: "2022-03-02", card: "c" }, "ru")).toBe("прекращено с 2 марта 2022 года");
    expect(statusPhrase({ state: "suspended", since: "2016-05", card: "c" }, "ru")).toBe("приостановлено с мая 2016 года");
    expect(statusPhrase({ state: "ended", since: "2014", card: "c" }, "ru")).toBe("прекращено с 2014 года");
    expect(statusPhrase({ state: "ended", since: "2022-03-02", card: "c" }, "en")).toBe("ended on 2 March 2022");
    expect(statusPhrase({ state: "ended", since: "2016-05", card: "c" }, "en")).toBe("ended in May 2016");
    expect(statusPhrase({ state: "suspended", since: "2016-05", card: "c" }, "en")).toBe("suspended since May 2016");
  });
});
