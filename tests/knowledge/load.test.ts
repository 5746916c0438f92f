import { chmod, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { translator } from "../../src/i18n/i18n.js";
import type { Locale } from "../../src/i18n/i18n.js";
import { formatProblem } from "../../src/knowledge/types.js";
import { card, knowledgeFolder, partners, sourceFile, validFolder } from "./fixtures.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The problems as `npm run validate` prints them (English), or in the admin's language as /reload does. */
async function problemsOf(files: Record<string, unknown>, locale: Locale = "en"): Promise<string[]> {
  const folder = await knowledgeFolder(files);
  cleanups.push(folder.cleanup);
  const result = await loadKnowledge(folder.dir);
  if (result.ok) return [];
  return result.problems.map((problem) => formatProblem(problem, translator(locale)));
}
const english = translator("en");

const SOURCE = "sources/tass-2025-12-03-moscow-hanoi.json";
const withSource = (value: unknown): Record<string, unknown> => validFolder({ [SOURCE]: value });

describe("loadKnowledge", () => {
  it("loads a valid folder with its sources, cards and partners", async () => {
    const folder = await knowledgeFolder(validFolder({ "synonyms.json": [["МЭШ", "Московская электронная школа"]] }));
    cleanups.push(folder.cleanup);
    const result = await loadKnowledge(folder.dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.knowledge.cards).toHaveLength(1);
    expect(result.knowledge.sources[0]!.language).toBe("ru");
    expect(result.knowledge.synonyms).toEqual([["МЭШ", "Московская электронная школа"]]);
  });

  it("loads the version-2 fields: partial dates, kinds, regions, demonyms, a cited status, English citations", async () => {
    const folder = await knowledgeFolder(
      validFolder({
        "partners.json": [{ ...partners[0], region: "asia", demonyms: ["ханойцы"], status: { state: "ended", since: "2016", card: "b" } }, partners[1]],
        [SOURCE]: sourceFile("tass-2025-12-03-moscow-hanoi", [card("b", { partners: ["hanoi"], date: "2016", kind: "status" }), card("c", { date: "2015-10" })], {
          publisher_en: "TASS",
          title_en: "Moscow and Hanoi",
          title_is_description: true,
        }),
      }),
    );
    cleanups.push(folder.cleanup);
    const result = await loadKnowledge(folder.dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.knowledge.partners[0]!.status).toEqual({ state: "ended", since: "2016", card: "b" });
    expect(result.knowledge.sources[0]!.publisher_en).toBe("TASS");
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["an unknown partner, naming the known ones", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { partners: ["hanoy"] })])), `${SOURCE}: facts[0].partners[0]: unknown partner "hanoy" (known: hanoi, minsk)`],
    ["a source id that is not the file name", withSource(sourceFile("tass-2025-12-04-moscow-hanoi")), `${SOURCE}: source.id: "tass-2025-12-04-moscow-hanoi" must equal the file name "tass-2025-12-03-moscow-hanoi"`],
    ["a source id with capitals", validFolder({ "sources/Tass.json": sourceFile("Tass", [card("b")]) }), "sources/Tass.json: source.id: must match [a-z0-9-]+"],
    ["a missing title", withSource({ source: { id: "tass-2025-12-03-moscow-hanoi", publisher: "ТАСС", published: "2025-12-03" }, facts: [card("a")] }), `${SOURCE}: source.title: is required`],
    ["a missing publisher", withSource({ source: { id: "tass-2025-12-03-moscow-hanoi", title: "T", published: "2025-12-03" }, facts: [card("a")] }), `${SOURCE}: source.publisher: is required`],
    ["a published date that is not real", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { published: "2025-02-30" })), `${SOURCE}: source.published: must be a real calendar date YYYY-MM-DD`],
    ["a published date in another format", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { published: "03.12.2025" })), `${SOURCE}: source.published: must be a real calendar date YYYY-MM-DD`],
    ["a relative url", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { url: "/news/1" })), `${SOURCE}: source.url: must be an absolute http(s) URL`],
    ["an ftp url", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { url: "ftp://example.org/x" })), `${SOURCE}: source.url: must be an absolute http(s) URL`],
    ["no facts", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [])), `${SOURCE}: facts: must hold at least one card`],
    ["a fact id with spaces", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("bad id")])), `${SOURCE}: facts[0].id: must match [a-z0-9-]+`],
    ["an empty text", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { text: "  " })])), `${SOURCE}: facts[0].text: must not be empty`],
    ["a missing text", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [{ id: "a" }])), `${SOURCE}: facts[0].text: is required`],
    ["a text over 1000 characters", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { text: "я".repeat(1001) })])), `${SOURCE}: facts[0].text: must be at most 1,000 characters`],
    ["a fact date that is not real", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { date: "2025-13-01" })])), `${SOURCE}: facts[0].date: must be a real date YYYY-MM-DD, a month YYYY-MM or a year YYYY`],
    ["a fact month that is not real", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { date: "2025-13" })])), `${SOURCE}: facts[0].date: must be a real date YYYY-MM-DD, a month YYYY-MM or a year YYYY`],
    ["an unknown fact kind", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { kind: "rumour" })])), `${SOURCE}: facts[0].kind: Invalid option: expected one of "agreement"|"visit"|"event"|"status"`],
    ["an unknown region", validFolder({ "partners.json": [{ ...partners[0], region: "oceania" }, partners[1]] }), 'partners.json: [0].region: Invalid option: expected one of "europe"|"eurasia"|"asia"|"middle-east"|"americas"|"africa"'],
    [
      "a status citing a card that does not exist",
      validFolder({ "partners.json": [{ ...partners[0], status: { state: "ended", since: "2016", card: "nowhere" } }, partners[1]] }),
      'partners.json: [0].status.card: no card with id "nowhere"',
    ],
    [
      "a status citing a card about another partner",
      validFolder({
        "partners.json": [{ ...partners[0], status: { state: "suspended", since: "2014-11", card: "b" } }, partners[1]],
        [SOURCE]: sourceFile("tass-2025-12-03-moscow-hanoi", [card("b", { partners: ["minsk"] })]),
      }),
      'partners.json: [0].status.card: card "b" does not name partner "hanoi" in its partners',
    ],
    ["a publisher of 4,200 characters", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { publisher: "Т".repeat(4200) })), `${SOURCE}: source.publisher: must be at most 200 characters`],
    ["a title over 500 characters", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { title: "Т".repeat(501) })), `${SOURCE}: source.title: must be at most 500 characters`],
    ["a url over 2000 characters", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { url: `https://example.org/${"a".repeat(1981)}` })), `${SOURCE}: source.url: must be at most 2,000 characters`],
    ["a person over 200 characters", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { people: ["Сергей Собянин", "С".repeat(201)] })])), `${SOURCE}: facts[0].people[1]: must be at most 200 characters`],
    ["a keyword over 200 characters", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { keywords: ["к".repeat(201)] })])), `${SOURCE}: facts[0].keywords[0]: must be at most 200 characters`],
    ["a topic over 200 characters", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { topics: ["т".repeat(201)] })])), `${SOURCE}: facts[0].topics[0]: must be at most 200 characters`],
    ["a demonym over 200 characters", validFolder({ "partners.json": [{ ...partners[0], demonyms: ["д".repeat(201)] }, partners[1]] }), "partners.json: [0].demonyms[0]: must be at most 200 characters"],
    ["an English publisher over 200 characters", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { publisher_en: "T".repeat(201) })), `${SOURCE}: source.publisher_en: must be at most 200 characters`],
    ["an unknown field on a card", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { partner: ["hanoi"] })])), `${SOURCE}: facts[0].partner: unknown field "partner"`],
    ["an unknown field on a source", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a")], { author: "X" })), `${SOURCE}: source.author: unknown field "author"`],
    ["topics that are not a list", withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { topics: "транспорт" })])), `${SOURCE}: facts[0].topics: must be an array, got string "транспорт"`],
    ["a partner without a country", validFolder({ "partners.json": [{ id: "x", name: "Икс" }] }), "partners.json: [0].country: is required"],
    ["a partner id with capitals", validFolder({ "partners.json": [...partners, { id: "Riga", name: "Рига", country: "Латвия" }] }), "partners.json: [2].id: must match [a-z0-9-]+"],
    ["a duplicate partner id", validFolder({ "partners.json": [...partners, partners[0]] }), 'partners.json: [2].id: duplicate id "hanoi" (also at partners.json: [0].id)'],
    ["a partner name over 200 characters", validFolder({ "partners.json": [{ ...partners[0], name: "Х".repeat(201) }] }), "partners.json: [0].name: must be at most 200 characters"],
    ["an English partner name over 200 characters", validFolder({ "partners.json": [{ ...partners[0], name_en: "H".repeat(201) }] }), "partners.json: [0].name_en: must be at most 200 characters"],
    ["a country over 200 characters", validFolder({ "partners.json": [{ ...partners[0], country: "В".repeat(201) }] }), "partners.json: [0].country: must be at most 200 characters"],
    ["an English country over 200 characters", validFolder({ "partners.json": [{ ...partners[0], country_en: "V".repeat(201) }] }), "partners.json: [0].country_en: must be at most 200 characters"],
    ["an alias over 200 characters", validFolder({ "partners.json": [{ ...partners[0], aliases: ["Х".repeat(201)] }] }), "partners.json: [0].aliases[0]: must be at most 200 characters"],
    ["an unknown field on a partner", validFolder({ "partners.json": [{ ...partners[0], population: 8 }] }), 'partners.json: [0].population: unknown field "population"'],
    ["a synonym group of one term", validFolder({ "synonyms.json": [["МЭШ"]] }), "synonyms.json: [0]: a group needs at least two terms"],
    ["a missing partners.json", { [SOURCE]: sourceFile("tass-2025-12-03-moscow-hanoi") }, "partners.json: file is missing"],
    ["no source files", { "partners.json": partners }, "sources/: no source files (*.json) found"],
  ];

  it.each(cases)("refuses %s and names the file and the path", async (_name, files, expected) => {
    expect(await problemsOf(files)).toContain(expected);
  });

  it("says the same problems in Russian, for an admin who reads Russian: paths and values as written", async () => {
    const files = validFolder({
      [SOURCE]: sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { text: 5 }), card("b", { partners: ["atlantis"], date: "2025-13-01" }), card("c", { text: "я".repeat(1001) })]),
    });
    const english = await problemsOf(files, "en");
    const russian = await problemsOf(files, "ru");
    expect(russian).toHaveLength(english.length);
    expect(russian).toEqual([
      `${SOURCE}: facts[0].text: должно быть строкой, а не числом 5`,
      `${SOURCE}: facts[1].partners[0]: неизвестный партнёр «atlantis» (известны: hanoi, minsk)`,
      `${SOURCE}: facts[1].date: должна быть настоящая дата ГГГГ-ММ-ДД, месяц ГГГГ-ММ или год ГГГГ`,
      expect.stringMatching(/^sources\/tass-2025-12-03-moscow-hanoi\.json: facts\[2\]\.text: должно быть не длиннее 1\s000 символов$/),
    ]);
    expect(english).toContain(`${SOURCE}: facts[0].text: must be a string, got number 5`);
    expect(await problemsOf(validFolder({ "partners.json": [...partners, partners[0], { ...partners[1], population: 8 }] }), "ru")).toEqual([
      "partners.json: [3].population: неизвестное поле «population»",
      // A partners.json that does not load names no partner: every partner id is unknown then.
      `${SOURCE}: facts[0].partners[0]: неизвестный партнёр «hanoi» (известны: —)`,
    ]);
    // A zod check without a text of its own: zod's words inside ours.
    expect(await problemsOf(withSource(sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { kind: "rumour" })])), "ru")).toEqual([
      `${SOURCE}: facts[0].kind: неверное значение (Invalid option: expected one of "agreement"|"visit"|"event"|"status")`,
    ]);
  });

  it("names both places of a duplicate fact id", async () => {
    const problems = await problemsOf(validFolder({ "sources/ria-2025-10-30-moscow-minsk.json": sourceFile("ria-2025-10-30-moscow-minsk", [card("tass-2025-12-03-moscow-hanoi-fact")]) }));
    expect(problems).toContain('sources/tass-2025-12-03-moscow-hanoi.json: facts[0].id: duplicate fact id "tass-2025-12-03-moscow-hanoi-fact" (also at sources/ria-2025-10-30-moscow-minsk.json: facts[0].id)');
  });

  it("reports invalid JSON with line and column", async () => {
    const problems = await problemsOf(validFolder({ [SOURCE]: '{\n  "source": {\n    "id": "x",\n  }\n}' }));
    expect(problems).toEqual([`${SOURCE}: invalid JSON at line 4, column 3: Expected double-quoted property name`]);
  });

  it("reports a truncated file as unexpected end", async () => {
    const problems = await problemsOf(validFolder({ [SOURCE]: '{"source": {"id": "x"' }));
    expect(problems[0]).toMatch(/^sources\/tass-2025-12-03-moscow-hanoi.json: invalid JSON at line 1, column \d+/);
  });

  it("reports every problem of every file at once", async () => {
    const problems = await problemsOf(
      validFolder({
        [SOURCE]: sourceFile("tass-2025-12-03-moscow-hanoi", [card("a", { partners: ["nowhere"] }), card("b", { date: "2025-02-31" })]),
        "sources/ria-2025-10-30-moscow-minsk.json": "not json",
      }),
    );
    expect(problems).toHaveLength(3);
  });

  it("refuses a symbolic link instead of following it out of the folder", async () => {
    const folder = await knowledgeFolder(validFolder());
    cleanups.push(folder.cleanup);
    await writeFile(path.join(folder.dir, "..", `outside-${path.basename(folder.dir)}.json`), JSON.stringify(sourceFile("linked")));
    await symlink(path.join(folder.dir, "..", `outside-${path.basename(folder.dir)}.json`), path.join(folder.dir, "sources", "linked.json"));
    const result = await loadKnowledge(folder.dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => formatProblem(problem, english))).toContain("sources/linked.json: is a symbolic link; links are not followed, put the file itself in the folder");
  });

  it("refuses a file over the size limit without reading it", async () => {
    const folder = await knowledgeFolder(validFolder());
    cleanups.push(folder.cleanup);
    await writeFile(path.join(folder.dir, "sources", "huge.json"), Buffer.alloc(2048, 32));
    const result = await loadKnowledge(folder.dir, { maxFileBytes: 1024, maxSourceFiles: 10 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => formatProblem(problem, english))).toContain("sources/huge.json: is 2 KB, over the limit of 1 KB");
  });

  it("refuses a folder with more source files than the limit", async () => {
    const files: Record<string, unknown> = validFolder();
    for (let i = 0; i < 5; i++) files[`sources/s${i}.json`] = sourceFile(`s${i}`, [card(`c${i}`)]);
    const folder = await knowledgeFolder(files);
    cleanups.push(folder.cleanup);
    const result = await loadKnowledge(folder.dir, { maxFileBytes: 1024 * 1024, maxSourceFiles: 3 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ file: "sources/", path: "", text: { key: "knowledge-too-many-sources", vars: { count: 6, max: 3 } } }]);
    if (!result.ok) expect(formatProblem(result.problems[0]!, english)).toBe("sources/: 6 source files, more than the limit of 3; nothing was loaded");
    if (!result.ok) expect(formatProblem(result.problems[0]!, translator("ru"))).toBe("sources/: 6 файлов источников — больше предела в 3; ничего не загружено");
  });

  it.skipIf(process.getuid?.() === 0)("reports an unreadable file", async () => {
    const folder = await knowledgeFolder(validFolder());
    cleanups.push(folder.cleanup);
    await chmod(path.join(folder.dir, SOURCE), 0o000);
    const result = await loadKnowledge(folder.dir);
    expect(result.ok).toBe(false);
  });
});
