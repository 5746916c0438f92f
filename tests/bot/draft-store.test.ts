import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDraftStore } from "../../src/bot/draft-store.js";
import { ingestText } from "../../src/ingest/texts.js";

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

const logger = { warn: () => undefined, error: () => undefined };

describe("the ingest draft store", () => {
  it("keeps a draft saved when its notes were English sentences, letting those notes go and keeping keyed ones", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "drafts-"));
    dirs.push(dir);
    const file = path.join(dir, "drafts.json");
    const keyed = ingestText("ingest-note-publisher-from-url", { publisher: "ТАСС" });
    const draft = {
      key: "k1",
      adminId: 1,
      chatId: 1,
      messageId: 7,
      createdAt: new Date().toISOString(),
      file: { source: { id: "tass-2026-01-01-moscow-minsk", title: "T", publisher: "ТАСС", published: "2026-01-01", language: "ru" }, facts: [{ id: "c1", text: "Москва и Минск." }] },
      suggestions: [],
      warnings: ['the publisher "ТАСС" was read from the URL', keyed, { key: "ingest-note-no-such", vars: {} }],
    };
    await writeFile(file, JSON.stringify({ drafts: [draft] }));
    const store = createDraftStore(file, logger);
    await store.load();
    const kept = await store.get("k1");
    expect(kept?.file.facts).toEqual(draft.file.facts);
    expect(kept?.warnings).toEqual([keyed]);
  });
});
