import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/i18n.js";
import { renderText } from "../../src/i18n/texts.js";
import { MAX_ARTICLE_BYTES, draftFromArticle, keywordsOf, sourceId, titleFrom } from "../../src/ingest/draft.js";
import type { DraftResult } from "../../src/ingest/draft.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { parseKnowledge } from "../../src/knowledge/parse.js";
import type { SourceFile } from "../../src/knowledge/schema.js";
import { PARTNERS } from "./fixtures/partners.js";

const ARTICLE = await readFile(new URL("./fixtures/tashkent-article.txt", import.meta.url), "utf8");

function draftOf(text: string, options: Partial<Parameters<typeof draftFromArticle>[1]> = {}): Extract<DraftResult, { ok: true }> {
  const result = draftFromArticle(text, { partners: PARTNERS, ...options });
  if (!result.ok) throw new Error(`no draft: ${result.problems.map((problem) => renderText(problem.text, translator("en"))).join("; ")}`);
  return result;
}

function cardWith(file: SourceFile, words: string) {
  const card = file.facts.find((fact) => fact.text.includes(words));
  if (!card) throw new Error(`no card with "${words}"`);
  return card;
}

describe("draftFromArticle on a short front-matter article", () => {
  const result = draftOf(ARTICLE);
  const { file } = result;

  it("takes the source from the header and builds the id from publisher, date and partner", () => {
    expect(file.source).toEqual({
      id: "interfax-2024-05-16-moscow-tashkent",
      title: "Москва и Ташкент расширят сотрудничество в сфере транспорта",
      publisher: "Интерфакс",
      published: "2024-05-16",
      url: "https://www.interfax.ru/moscow/123456",
      language: "ru",
    });
  });

  it("gives every card a unique id made of the source id and a number", () => {
    const ids = file.facts.map((card) => card.id);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id, index) => expect(id).toBe(`${file.source.id}-${index + 1}`));
  });

  it("merges a fact with the 'Об этом сообщил …' sentence after it", () => {
    const card = cardWith(file, "подписали меморандум");
    expect(card.text).toBe("Москва и Ташкент подписали меморандум о сотрудничестве в сфере городского транспорта. Об этом сообщил Сергей Черёмин.");
    expect(card).toMatchObject({ partners: ["tashkent"], topics: ["соглашения", "транспорт"], people: ["Сергей Черёмин"] });
  });

  it("fills an exact date from a range and none from a month alone", () => {
    expect(cardWith(file, "Дней Москвы в Ташкенте").date).toBe("2024-05-14");
    expect(cardWith(file, "в сентябре").date).toBeUndefined();
  });

  it("splits a quote into attributed cards, naming the speaker by his full name", () => {
    expect(cardWith(file, "обмениваться опытом")).toMatchObject({ text: '"Мы договорились обмениваться опытом", - сказал Черёмин.', people: ["Сергей Черёмин"] });
    expect(cardWith(file, "электробусы")).toMatchObject({ partners: ["tashkent"], topics: ["транспорт"], people: ["Сергей Черёмин"] });
  });

  it("carries the speaker over to 'по словам министра' and 'добавил он'", () => {
    expect(cardWith(file, "По словам министра").people).toEqual(["Сергей Черёмин"]);
    expect(cardWith(file, "добавил он").people).toEqual(["Сергей Черёмин"]);
  });

  it("drops a greeting and a bare attribution, and says why", () => {
    expect(result.dropped).toEqual([
      { text: "Здравствуйте, дорогие друзья!", reason: "ingest-dropped-greeting" },
      { text: "Об этом сообщает Интерфакс.", reason: "ingest-dropped-attribution" },
    ]);
    expect(file.facts.some((card) => card.text.includes("Здравствуйте"))).toBe(false);
  });

  it("suggests an unknown city near 'сотрудничество' instead of adding it", () => {
    expect(result.suggestions).toEqual(["Самаркандом"]);
    expect(file.facts.flatMap((card) => card.partners ?? [])).not.toContain("samarkand");
  });

  it("keeps quoted names as keywords, not the quoted speech itself", () => {
    expect(cardWith(file, "электронной школы").keywords).toEqual(["Московской электронной школы"]);
    expect(cardWith(file, "обмениваться опытом").keywords).toBeUndefined();
  });

  it("passes the knowledge validator once moved into sources/", () => {
    const loaded = parseKnowledge({
      texts: new Map([
        ["partners.json", JSON.stringify(PARTNERS)],
        [`sources/${file.source.id}.json`, JSON.stringify(file, null, 2)],
      ]),
      problems: [],
    });
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    expect(loaded.ok && loaded.knowledge.cards).toHaveLength(file.facts.length);
  });

  it("has no problems to report for a complete article", () => {
    expect(result.problems).toEqual([]);
  });
});

describe("draftFromArticle on the seeds' layout", () => {
  const seed = [
    " date 2025-03-12 Москва и Абу-Даби обсудили туризм",
    "",
    "АБУ-ДАБИ, 12 мар – РИА Новости. Москва и Абу-Даби договорились развивать туризм и проводить совместные фестивали культуры.",
    "",
    '"Мы ждем туристов из Абу-Даби. Число рейсов вырастет вдвое", - сказал министр правительства Москвы Сергей Черёмин.',
  ].join("\n");

  it("reads the publisher from the dateline and warns that it did", () => {
    const { file, problems } = draftOf(seed);
    expect(file.source).toMatchObject({ id: "ria-2025-03-12-moscow-abu-dhabi", publisher: "РИА Новости", published: "2025-03-12" });
    expect(problems.map((problem) => problem.text)).toEqual([{ key: "ingest-note-publisher-from-dateline", vars: { publisher: "РИА Новости", dateline: "АБУ-ДАБИ, 12 мар – РИА Новости." } }]);
    expect(renderText(problems[0]!.text, translator("en"))).toBe('the publisher "РИА Новости" was read from the dateline "АБУ-ДАБИ, 12 мар – РИА Новости."');
    expect(renderText(problems[0]!.text, translator("ru"))).toBe("издатель «РИА Новости» прочитан из строки «АБУ-ДАБИ, 12 мар – РИА Новости.» в начале текста");
    expect(file.facts[0]!.text).toMatch(/^Москва и Абу-Даби договорились/);
    expect(file.facts.map((card) => card.people)).toEqual([undefined, ["Сергей Черёмин"], ["Сергей Черёмин"]]);
  });

  it("lets the caller's publisher win over the dateline", () => {
    expect(draftOf(seed, { publisher: "ТАСС" }).file.source.id).toBe("tass-2025-03-12-moscow-abu-dhabi");
  });

  it("uses the first sentence as the title when there is no headline, and says so", () => {
    const { file, problems } = draftOf(" date 2025-10-30 МИНСК, 30 окт – РИА Новости. Минску интересен опыт Москвы в цифровизации школ, сообщил Александр Комендант.");
    expect(file.source.title).toBe("Минску интересен опыт Москвы в цифровизации школ");
    expect(problems.map((problem) => problem.text)).toContainEqual({ key: "ingest-note-no-headline", vars: { title: "Минску интересен опыт Москвы в цифровизации школ" } });
  });
});

describe("draftFromArticle and scenery", () => {
  it("makes no card of a sentence that names no partner, date, number, document or subject, even amid reported speech, and lists it as dropped", () => {
    const text = [
      "title: Москва и Минск подписали соглашение",
      "publisher: ТАСС",
      "published: 2025-10-30",
      "",
      "Москва и Минск подписали соглашение о сотрудничестве в образовании, сообщил Сергей Собянин. Погода в тот день была солнечной. Число школ по программе вырастет вдвое. Стороны провели переговоры.",
    ].join("\n");
    const result = draftFromArticle(text, { partners: PARTNERS });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.facts.map((card) => card.text)).toEqual([
      "Москва и Минск подписали соглашение о сотрудничестве в образовании, сообщил Сергей Собянин.",
      "Число школ по программе вырастет вдвое.",
      "Стороны провели переговоры.",
    ]);
    expect(result.dropped).toContainEqual({ text: "Погода в тот день была солнечной.", reason: "ingest-dropped-no-subject" });
  });
});

describe("draftFromArticle with partners whose partnership ended", () => {
  it("drafts although a partner's status names a card of another source (version-2 knowledge)", () => {
    const partners = PARTNERS.map((partner, index) => (index === 0 ? { ...partner, status: { state: "ended" as const, since: "2016-05", card: "some-card-elsewhere" } } : partner));
    const text = "title: Москва и Минск\npublisher: ТАСС\npublished: 2025-01-10\n\nМосква и Минск подписали соглашение о сотрудничестве в образовании.";
    const result = draftFromArticle(text, { partners });
    expect(result.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe("draftFromArticle when something is missing", () => {
  it("refuses an article without a publisher, and accepts it with one given", () => {
    const text = "title: Москва и Минск\npublished: 2025-01-10\n\nМосква и Минск подписали соглашение о сотрудничестве в образовании.";
    const refused = draftFromArticle(text, { partners: PARTNERS });
    expect(refused.ok).toBe(false);
    expect(refused.problems).toEqual([{ severity: "error", text: { key: "ingest-note-no-publisher", vars: {} }, field: "publisher" }]);
    // Surface-neutral: the command line adds its flag, the bot its own help.
    expect(renderText(refused.problems[0]!.text, translator("en"))).not.toMatch(/--/);
    expect(draftOf(text, { publisher: "Москва 24" }).file.source.id).toBe("m24-2025-01-10-moscow-minsk");
  });

  it("refuses an article without a date unless its address has one", () => {
    const text = "title: Москва и Минск\npublisher: РИА Новости\n\nМосква и Минск подписали соглашение о сотрудничестве в образовании.";
    expect(draftFromArticle(text, { partners: PARTNERS }).problems[0]?.text.key).toBe("ingest-note-no-date");
    expect(draftOf(text, { url: "https://ria.ru/20250918/memorandum-1.html" }).file.source.published).toBe("2025-09-18");
  });

  it("refuses a URL that is not http(s)", () => {
    const text = "title: T\npublisher: ТАСС\npublished: 2025-01-10\nurl: ftp://tass.ru/1\n\nМосква и Минск подписали соглашение о сотрудничестве.";
    expect(draftFromArticle(text, { partners: PARTNERS }).problems[0]?.text).toEqual({ key: "ingest-note-bad-url", vars: { url: "ftp://tass.ru/1" } });
  });

  it("refuses an article with no fact in it", () => {
    const result = draftFromArticle("title: T\npublisher: ТАСС\npublished: 2025-01-10\n\nЗдравствуйте!", { partners: PARTNERS });
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.text.key).toBe("ingest-note-no-fact");
  });

  it("refuses an article over 100 KB", () => {
    const result = draftFromArticle(`title: T\n\n${"Москва и Минск. ".repeat(MAX_ARTICLE_BYTES / 16)}`, { partners: PARTNERS });
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.text).toEqual({ key: "ingest-note-too-big", vars: { kb: expect.any(Number), max: 100 } });
    expect(renderText(result.problems[0]!.text, translator("en"))).toMatch(/over the limit of 100 KB/);
    expect(renderText(result.problems[0]!.text, translator("ru"))).toMatch(/больше предела в 100 КБ/);
  });

  it("warns when no known partner is named", () => {
    const { problems, file } = draftOf("title: Москва и Шанхай\npublisher: ТАСС\npublished: 2025-01-10\n\nМосква и Шанхай подписали соглашение о сотрудничестве.");
    expect(file.source.id).toBe("tass-2025-01-10-moscow");
    expect(problems.map((problem) => problem.text.key)).toContain("ingest-note-no-partner");
  });
});

describe("merging a quote with a separate attribution", () => {
  it("makes one card of «…». and 'Так заявил …'", () => {
    const { file } = draftOf("title: T\npublisher: ТАСС\npublished: 2025-01-10\n\n«Мы подпишем соглашение с Минском о транспорте». Так заявил Сергей Собянин.");
    expect(file.facts).toHaveLength(1);
    expect(file.facts[0]).toMatchObject({ text: "«Мы подпишем соглашение с Минском о транспорте». Так заявил Сергей Собянин.", people: ["Сергей Собянин"], partners: ["minsk"] });
  });
});

describe("helpers", () => {
  it("builds source ids for known and unknown publishers", () => {
    expect(sourceId("РИА Новости", "2025-10-30", ["minsk"])).toBe("ria-2025-10-30-moscow-minsk");
    expect(sourceId("Вечерний Минск", "2025-10-30", ["minsk", "moscow"])).toBe("vecherniy-minsk-2025-10-30-moscow-minsk");
  });

  it("makes a title without the attribution tail", () => {
    expect(titleFrom("Минск изучает МЭШ, сообщил РИА Новости Александр Комендант.")).toBe("Минск изучает МЭШ");
  });

  it("cuts a long title between graphemes, never leaving half of an emoji", () => {
    // One long word: no space to fall back to, so the cut itself must respect the emoji.
    expect(titleFrom(`${"ж".repeat(148)}😀 и ещё немного текста`)).toBe(`${"ж".repeat(148)}…`);
  });

  it("finds abbreviations as keywords, but not the publisher's", () => {
    expect(keywordsOf("Об этом сообщили ТАСС в ДВМС, а ЕМИАС работает.", "ТАСС")).toEqual(["ДВМС", "ЕМИАС"]);
  });
});

describe("the drafts folder", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("is ignored by the loader until the draft is moved into sources/", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ingest-drafts-"));
    const { file } = draftOf(ARTICLE);
    const published = { ...file, source: { ...file.source, id: "tass-2024-01-01-moscow-minsk" }, facts: [{ id: "reviewed-card", text: "Проверенный факт." }] };
    await mkdir(path.join(dir, "sources"));
    await mkdir(path.join(dir, "drafts"));
    await writeFile(path.join(dir, "partners.json"), JSON.stringify(PARTNERS));
    await writeFile(path.join(dir, "sources", "tass-2024-01-01-moscow-minsk.json"), JSON.stringify(published));
    await writeFile(path.join(dir, "drafts", `${file.source.id}.json`), JSON.stringify(file));

    const before = await loadKnowledge(dir);
    expect(before.ok && before.knowledge.cards.map(({ card }) => card.id)).toEqual(["reviewed-card"]);

    await rename(path.join(dir, "drafts", `${file.source.id}.json`), path.join(dir, "sources", `${file.source.id}.json`));
    const after = await loadKnowledge(dir);
    expect(after.ok ? after.knowledge.cards.length : after.problems).toBe(1 + file.facts.length);
  });
});
