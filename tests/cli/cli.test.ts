import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { card, knowledgeFolder, sourceFile, validFolder } from "../knowledge/fixtures.js";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;
const tsx = path.join(root, "node_modules/.bin/tsx");
const SOURCE_ID = "tass-2025-12-03-moscow-hanoi";

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

async function cli(args: string[], options: { input?: string; env?: Record<string, string>; script?: string } = {}): Promise<Result> {
  const child = run(tsx, [options.script ?? "src/cli/ask.ts", ...args], { cwd: root, env: { ...process.env, BOT_TOKEN: "", ...options.env }, timeout: 20_000 });
  if (options.input !== undefined) {
    child.child.stdin?.end(options.input);
  } else child.child.stdin?.end();
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe("npm run ask", () => {
  it("--json prints exactly one JSON object with the contract's keys", async () => {
    const result = await cli(["--json", "Кто подписал меморандум с Минском?"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(Object.keys(answer)).toEqual(["question", "lang", "answered", "facts", "suggestions"]);
    expect(answer.answered).toBe(true);
    expect(answer.facts.length).toBeLessThanOrEqual(3);
    expect(Object.keys(answer.facts[0])).toEqual(["id", "text", "text_en", "score", "partners", "source"]);
    expect(Object.keys(answer.facts[0].source)).toEqual(["id", "title", "publisher", "published", "url"]);
  });

  it("--limit returns up to N facts in rank order", async () => {
    const answer = JSON.parse((await cli(["--json", "--limit", "50", "Минск"])).stdout);
    expect(answer.facts.length).toBeGreaterThan(3);
    expect(answer.facts.length).toBeLessThanOrEqual(50);
    const scores = answer.facts.map((fact: { score: number }) => fact.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("--batch answers one line per question, in order, from one index", async () => {
    const result = await cli(["--json", "--batch", "--limit", "1"], { input: "Ханой\nпогода в Минске\nWho is Cheremin?\n" });
    const answers = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.question)).toEqual(["Ханой", "погода в Минске", "Who is Cheremin?"]);
    expect(answers.map((answer) => answer.answered)).toEqual([true, false, true]);
    expect(answers[2].lang).toBe("en");
  });

  it("prints a plain-text answer with citations without --json", async () => {
    const result = await cli(["Дни Минска в Москве"]);
    // The best fact first, then its source's one citation (after any other facts of that source): a
    // headline in quotes, or the editors' description of a source without one.
    expect(result.stdout).toMatch(/^[^•\s].+\n(• .+\n)* {3}— .+, \d{1,2} \S+ \d{4} — \S/);
  });

  it("refuses a broken knowledge folder with its problems on stderr and nothing on stdout", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ask-knowledge-"));
    try {
      await mkdir(path.join(dir, "sources"));
      await writeFile(path.join(dir, "partners.json"), "[");
      for (const args of [["--json", "--knowledge", dir, "Минск"], ["--json", "Минск"]]) {
        const result = await cli(args, args.includes("--knowledge") ? {} : { env: { KNOWLEDGE_DIR: dir } });
        expect(result.code).toBe(1);
        expect(result.stdout).toBe("");
        expect(result.stderr).toContain("partners.json: invalid JSON at line 1");
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("explains a bad --limit", async () => {
    const result = await cli(["--json", "--limit", "0", "Минск"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--limit must be a whole number from 1 to 500");
  });

  it("keeps stdout JSON-only through npm run -s", async () => {
    const { stdout } = await run("npm", ["run", "-s", "ask", "--", "--json", "Ханой"], { cwd: root, env: { ...process.env, BOT_TOKEN: "" }, timeout: 30_000 });
    expect(() => JSON.parse(stdout)).not.toThrow();
  });
});

describe("npm start without BOT_TOKEN", () => {
  it("answers each piped line in the console chat and exits at the end of input", async () => {
    const result = await cli([], { script: "src/main.ts", input: "Ханой\nexit\nМинск\n" });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no BOT_TOKEN is set");
    expect(result.stdout).toMatch(/^Ханой|\n {3}— /);
    expect(result.stdout).toMatch(/\n {3}— .+, \d{1,2} \S+ \d{4} — /);
    expect(result.stdout).not.toMatch(/Минск/);
  });
});

describe("npm run validate", () => {
  it("prints the summary, then the warnings counted, each with file, path and what to do, and exits 0", async () => {
    const folder = await knowledgeFolder(
      validFolder({
        [`sources/${SOURCE_ID}.json`]: sourceFile(SOURCE_ID, [card("a1"), card("a2", { text_en: undefined })]),
      }),
    );
    try {
      const result = await cli([folder.dir], { script: "src/cli/validate.ts" });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`${folder.dir}: OK\n  sources:  1\n  cards:    2\n`);
      expect(result.stdout).toContain(
        [
          "2 warnings (the folder is served as it is; each says what to do):",
          `  sources/${SOURCE_ID}.json: source: no url: readers cannot check the source; add the address of the published text`,
          `  sources/${SOURCE_ID}.json: facts[1]: no text_en: English questions get this card in Russian; add an English rendering of the text`,
        ].join("\n"),
      );
      expect(result.stderr).toBe("");
    } finally {
      await folder.cleanup();
    }
  });

  it("passes the shipped knowledge, warnings or not, and exits 1 with the problems for a broken folder", async () => {
    const shipped = await cli(["knowledge"], { script: "src/cli/validate.ts" });
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).toMatch(/\n\d+ warnings?\b/);

    const folder = await knowledgeFolder(validFolder({ [`sources/${SOURCE_ID}.json`]: sourceFile(SOURCE_ID, [card("a1", { partners: ["hanoy"] })]) }));
    try {
      const broken = await cli([folder.dir], { script: "src/cli/validate.ts" });
      expect(broken.code).toBe(1);
      expect(broken.stdout).toBe("");
      expect(broken.stderr).toContain(`sources/${SOURCE_ID}.json: facts[0].partners[0]: unknown partner "hanoy"`);
    } finally {
      await folder.cleanup();
    }
  });
});
