import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runIngest } from "../../src/ingest/cli.js";
import type { CliIo } from "../../src/ingest/cli.js";
import { sourceFileSchema } from "../../src/knowledge/schema.js";
import { PARTNERS } from "./fixtures/partners.js";

const ARTICLE = await readFile(new URL("./fixtures/tashkent-article.txt", import.meta.url), "utf8");
const DRAFT_ID = "interfax-2024-05-16-moscow-tashkent";

let dir: string;
let knowledge: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ingest-cli-"));
  knowledge = path.join(dir, "knowledge");
  await mkdir(path.join(knowledge, "sources"), { recursive: true });
  await writeFile(path.join(knowledge, "partners.json"), JSON.stringify(PARTNERS));
  await writeFile(path.join(dir, "article.txt"), ARTICLE);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => void out.push(text), err: (text) => void err.push(text), env: {}, cwd: dir };
  const code = await runIngest(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run ingest", () => {
  it("writes a valid draft to knowledge/drafts and prints a summary", async () => {
    const { code, out, err } = await run("article.txt");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(`Draft: ${path.join("knowledge", "drafts", `${DRAFT_ID}.json`)}`);
    expect(out).toContain("Possible new partners");
    const written = JSON.parse(await readFile(path.join(knowledge, "drafts", `${DRAFT_ID}.json`), "utf8"));
    expect(sourceFileSchema.safeParse(written).success).toBe(true);
    // Atomic write: nothing but the draft is left in the folder.
    expect(await readdir(path.join(knowledge, "drafts"))).toEqual([`${DRAFT_ID}.json`]);
  });

  it("writes to --out and reads the knowledge folder from KNOWLEDGE_DIR", async () => {
    const io: CliIo = { out: () => undefined, err: () => undefined, env: { KNOWLEDGE_DIR: knowledge }, cwd: dir };
    expect(await runIngest(["article.txt", "--out", "elsewhere"], io)).toBe(0);
    expect(await readdir(path.join(dir, "elsewhere"))).toEqual([`${DRAFT_ID}.json`]);
  });

  it("refuses to replace a draft an editor may be reviewing, unless --force", async () => {
    expect((await run("article.txt")).code).toBe(0);
    const again = await run("article.txt");
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists.*--force/);
    expect((await run("article.txt", "--force")).code).toBe(0);
  });

  it("refuses an article that is already published in sources/", async () => {
    await writeFile(path.join(knowledge, "sources", `${DRAFT_ID}.json`), "{}");
    const { code, err } = await run("article.txt");
    expect(code).toBe(1);
    expect(err).toMatch(/published already/);
  });

  it("refuses an article over 100 KB with a clear message, and writes nothing", async () => {
    await writeFile(path.join(dir, "big.txt"), "а".repeat(60 * 1024));
    const { code, err } = await run("big.txt");
    expect(code).toBe(1);
    expect(err).toMatch(/big\.txt: is 120 KB, over the limit of 100 KB/);
    await expect(readdir(path.join(knowledge, "drafts"))).rejects.toThrow();
  });

  it("lists what is missing and exits 1 when no draft can be made; --publisher fixes it", async () => {
    await writeFile(path.join(dir, "bare.txt"), "title: Москва и Минск\npublished: 2025-01-10\n\nМосква и Минск подписали соглашение о сотрудничестве.");
    const refused = await run("bare.txt");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/No draft was made:\n {2}✗ no publisher/);
    expect((await run("bare.txt", "--publisher", "ТАСС")).code).toBe(0);
  });

  it("exits 1 with a readable message for a missing article, missing partners or bad arguments", async () => {
    expect(await run("nowhere.txt")).toMatchObject({ code: 1, err: expect.stringMatching(/nowhere\.txt: does not exist/) });
    expect(await run()).toMatchObject({ code: 1, err: expect.stringMatching(/Give the article/) });
    expect(await run("a.txt", "b.txt")).toMatchObject({ code: 1, err: expect.stringMatching(/one article at a time/) });
    expect(await run("article.txt", "--frobnicate")).toMatchObject({ code: 1, err: expect.stringMatching(/Unknown option/) });
    await rm(path.join(knowledge, "partners.json"));
    expect(await run("article.txt")).toMatchObject({ code: 1, err: expect.stringMatching(/partners\.json: does not exist/) });
  });

  it("prints usage with --help", async () => {
    expect(await run("--help")).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage: npm run ingest -- ARTICLE/) });
  });
});
