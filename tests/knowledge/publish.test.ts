import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { publishSource } from "../../src/knowledge/publish.js";
import type { SourceFile } from "../../src/knowledge/schema.js";
import { card, knowledgeFolder, sourceFile, validFolder } from "./fixtures.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function folder() {
  const made = await knowledgeFolder(validFolder());
  cleanups.push(made.cleanup);
  return made.dir;
}

describe("publishing a reviewed source", () => {
  it("writes the source when the folder validates with it", async () => {
    const dir = await folder();
    const draft = sourceFile("ria-2025-10-30-moscow-minsk", [card("minsk-new-fact", { partners: ["minsk"] })]) as unknown as SourceFile;
    expect(await publishSource(dir, draft)).toEqual({ ok: true, file: "sources/ria-2025-10-30-moscow-minsk.json" });
    const loaded = await loadKnowledge(dir);
    expect(loaded.ok && loaded.knowledge.cards.map(({ card: c }) => c.id)).toContain("minsk-new-fact");
  });

  it("writes nothing when the folder would not validate", async () => {
    const dir = await folder();
    const draft = sourceFile("ria-2025-10-30-moscow-minsk", [card("tass-2025-12-03-moscow-hanoi-fact")]) as unknown as SourceFile;
    const result = await publishSource(dir, draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.text).toEqual({ key: "knowledge-duplicate-fact", vars: { id: "tass-2025-12-03-moscow-hanoi-fact", earlier: expect.any(String) } });
    await expect(readFile(path.join(dir, "sources/ria-2025-10-30-moscow-minsk.json"))).rejects.toThrow();
  });

  it("never overwrites a published source", async () => {
    const dir = await folder();
    const draft = sourceFile("tass-2025-12-03-moscow-hanoi", [card("other")]) as unknown as SourceFile;
    const result = await publishSource(dir, draft);
    expect(result.ok).toBe(false);
  });

  it("publishes one of two drafts of the same article sent at the same moment, tells the other, and overwrites nothing", async () => {
    const dir = await folder();
    const id = "ria-2025-10-30-moscow-minsk";
    const first = sourceFile(id, [card("minsk-edit-one", { partners: ["minsk"] })]) as unknown as SourceFile;
    const second = sourceFile(id, [card("minsk-edit-two", { partners: ["minsk"] })]) as unknown as SourceFile;
    const results = await Promise.all([publishSource(dir, first), publishSource(path.join(dir, "."), second)]);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const loser = results.find((result) => !result.ok);
    expect(loser && !loser.ok && loser.problems[0]!.text).toEqual({ key: "knowledge-already-published", vars: {} });
    const written = await readFile(path.join(dir, `sources/${id}.json`), "utf8");
    expect(written).toContain(results[0]!.ok ? "minsk-edit-one" : "minsk-edit-two");
  });

  it("writes sources readable by editors (0644), unlike the private state files", async () => {
    const dir = await folder();
    const draft = sourceFile("ria-2025-10-30-moscow-minsk", [card("minsk-new-fact", { partners: ["minsk"] })]) as unknown as SourceFile;
    await publishSource(dir, draft);
    expect((await stat(path.join(dir, "sources/ria-2025-10-30-moscow-minsk.json"))).mode & 0o777).toBe(0o644 & ~process.umask());
  });
});
