import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LOCALES, LOCALES_DIR, localeOf, t } from "../../src/i18n/i18n.js";
import { messageIds, messagesOf, variablesOf } from "./fluent-files.js";

const ROOT = join(LOCALES_DIR, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every message key the code passes as a literal: t(lang, "key", …) and ctx.t("key", …). */
function keysUsedInSrc(): Array<{ key: string; where: string }> {
  const used: Array<{ key: string; where: string }> = [];
  for (const file of sourceFiles(join(ROOT, "src"))) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
        const keyArg = name === "t" ? node.arguments[ts.isIdentifier(callee) ? 1 : 0] : undefined;
        if (keyArg && ts.isStringLiteral(keyArg)) used.push({ key: keyArg.text, where: `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(keyArg.getStart(sf)).line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return used;
}

describe("locales/*.ftl", () => {
  it("both languages have the same messages, each with the same variables", () => {
    const ru = messagesOf("ru");
    const en = messagesOf("en");
    expect(messageIds("en").sort()).toEqual(messageIds("ru").sort());
    for (const id of ru.keys()) expect([...variablesOf(en, id)].sort(), id).toEqual([...variablesOf(ru, id)].sort());
  });

  it("every key the code uses exists", () => {
    const ids = new Set(messageIds("ru"));
    const used = keysUsedInSrc();
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter(({ key }) => !ids.has(key)).map(({ key, where }) => `${where}: ${key}`)).toEqual([]);
  });

  it("texts carry no Unicode isolation marks around variables", () => {
    for (const lang of LOCALES) expect(t(lang, "known-partners", { names: "Минск" })).not.toMatch(/[\u2068\u2069]/);
  });

  it("a missing message throws instead of sending its key", () => {
    expect(() => t("ru", "no-such-message")).toThrow(/no-such-message/);
  });

  it("are found from any working directory (resolved from the module, not the cwd)", () => {
    const script = `import { t } from ${JSON.stringify(join(ROOT, "src/i18n/i18n.ts"))}; process.stdout.write(t("en", "not-found"));`;
    const out = execFileSync(process.execPath, ["--import", pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href, "--input-type=module", "-e", script], { cwd: tmpdir(), encoding: "utf8" });
    expect(out).toBe("The knowledge base has no answer to this question.");
  });

  it("the interface language follows Telegram's language_code", () => {
    expect(localeOf("ru")).toBe("ru");
    expect(localeOf("uk")).toBe("ru");
    expect(localeOf("en-GB")).toBe("en");
    expect(localeOf("de")).toBe("en");
    expect(localeOf(undefined)).toBe("ru");
  });
});
