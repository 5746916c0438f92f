import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES_DIR } from "../../src/i18n/i18n.js";
import { scanSource } from "./user-strings.js";

const ROOT = join(LOCALES_DIR, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function scanRepository() {
  return sourceFiles(join(ROOT, "src")).flatMap((path) => scanSource(relative(ROOT, path), readFileSync(path, "utf8")));
}

describe("no reply text in src/ (it belongs in locales/*.ftl)", () => {
  it("src/ has no user-facing string literal outside the Fluent files", () => {
    expect(scanRepository().map(({ file, line, why, text }) => `${file}:${line} ${why}: ${JSON.stringify(text.slice(0, 80))}`)).toEqual([]);
  });

  it("fails on planted examples, naming file and line", () => {
    const planted = [
      'import { Composer } from "grammy";',
      "export function feature() {",
      "  const composer = new Composer();",
      '  composer.command("x", (ctx) => ctx.reply("Привет! Чем помочь?"));',
      '  composer.command("y", (ctx) => ctx.answerCallbackQuery({ text: "Something went wrong here" }));',
      '  const buttons = [{ text: "Cancel", callback_data: "c" }];',
      '  ctx.deps.logger.warn({}, "update handling failed badly");',
      '  throw new Error("this is for developers only");',
      "}",
    ].join("\n");
    const findings = scanSource("src/bot/features/planted.ts", planted);
    expect(findings.map(({ file, line, why }) => `${file}:${line} ${why}`)).toEqual([
      "src/bot/features/planted.ts:4 cyrillic",
      "src/bot/features/planted.ts:5 english",
      "src/bot/features/planted.ts:6 english",
    ]);
    // Search data may hold Russian words; a stray Russian reply elsewhere may not.
    expect(scanSource("src/search/stopwords.ts", 'export const STOP = new Set(["и", "в", "на"]);')).toEqual([]);
    expect(scanSource("src/engine/snapshot.ts", 'const hint = "Попробуйте ещё раз";')).toHaveLength(1);
    // What admins read of a reload or a draft is keyed too: a sentence made there is found.
    expect(scanSource("src/knowledge/parse.ts", 'problems.push({ file, path: "", message: "file is missing" });').map(({ why }) => why)).toEqual(["english"]);
    expect(scanSource("src/engine/knowledge-warnings.ts", 'add("no-url", "", `no url: readers cannot check ${file}`);').map(({ why }) => why)).toEqual(["english"]);
    expect(scanSource("src/ingest/draft.ts", 'warn("no partner is named in the article");').map(({ why }) => why)).toEqual(["english"]);
    expect(scanSource("src/ingest/draft.ts", 'warn(ingestText("ingest-note-publisher-from-url", { publisher }));')).toEqual([]);
  });
});
