import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as atomicFile from "../../src/lib/atomic-file.js";
import { MAX_QUESTION_CHARS, MAX_UNANSWERED, createUnansweredStore } from "../../src/bot/unanswered-store.js";

vi.mock("../../src/lib/atomic-file.js", { spy: true });
const { writeFileAtomic: realWriteFileAtomic } = await vi.importActual<typeof atomicFile>("../../src/lib/atomic-file.js");

const AT = new Date("2025-03-01T12:00:00.000Z");

describe("createUnansweredStore", () => {
  let dir = "";
  let file = "";
  const logger = { warn: vi.fn(), error: vi.fn() };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "unanswered-"));
    file = path.join(dir, "unanswered.json");
    vi.clearAllMocks();
    vi.mocked(atomicFile.writeFileAtomic).mockImplementation(realWriteFileAtomic);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function openStore() {
    const store = createUnansweredStore(file, logger);
    await store.load();
    return store;
  }

  it("starts empty when the file does not exist yet", async () => {
    const store = await openStore();
    expect(await store.latest(10)).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("saves the file readable by the bot's user only (0600)", async () => {
    const store = await openStore();
    store.add("Когда подписано соглашение с Ханоем?", AT);
    await store.flush();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("lists the latest questions newest first", async () => {
    const store = await openStore();
    store.add("Когда подписано соглашение с Ханоем?", new Date("2025-03-01T10:00:00Z"));
    store.add("What about Beijing?", new Date("2025-03-01T11:00:00Z"));
    expect(await store.latest(1)).toEqual([{ text: "What about Beijing?", at: "2025-03-01T11:00:00.000Z", count: 1, first: "2025-03-01T11:00:00.000Z" }]);
    expect((await store.latest(5)).map((question) => question.text)).toEqual(["What about Beijing?", "Когда подписано соглашение с Ханоем?"]);
  });

  it("survives a restart: a new store on the same file sees the questions", async () => {
    const first = await openStore();
    first.add("first question", AT);
    first.add("second question", AT);
    await first.flush();

    const second = await openStore();
    expect((await second.latest(10)).map((question) => question.text)).toEqual(["second question", "first question"]);
  });

  it("stores only the text, the times and the count, no user ids", async () => {
    const store = await openStore();
    store.add("  a question with spaces around  ", AT);
    await store.flush();
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      questions: [{ text: "a question with spaces around", at: AT.toISOString(), count: 1, first: AT.toISOString() }],
    });
  });

  it("merges repeats (case, ё, spaces and punctuation set aside) into one entry with a count, the last wording and the last time, moved to the top", async () => {
    const store = await openStore();
    store.add("Погода в Минске?", new Date("2025-03-01T10:00:00Z"));
    store.add("Что с Осло", new Date("2025-03-01T10:30:00Z"));
    store.add("погода  в минске", new Date("2025-03-01T11:00:00Z"));
    store.add("ПОГОДА В МИНСКЕ!!!", new Date("2025-03-01T12:00:00Z"));
    store.add("Ещё о Осло", new Date("2025-03-01T12:30:00Z"));
    store.add("еще о осло", new Date("2025-03-01T13:00:00Z"));
    expect(await store.latest(10)).toEqual([
      { text: "еще о осло", at: "2025-03-01T13:00:00.000Z", count: 2, first: "2025-03-01T12:30:00.000Z" },
      { text: "ПОГОДА В МИНСКЕ!!!", at: "2025-03-01T12:00:00.000Z", count: 3, first: "2025-03-01T10:00:00.000Z" },
      { text: "Что с Осло", at: "2025-03-01T10:30:00.000Z", count: 1, first: "2025-03-01T10:30:00.000Z" },
    ]);
    // Words stay apart: a different question is never merged.
    store.add("погода в Минске зимой", AT);
    expect(await store.latest(10)).toHaveLength(4);
  });

  it("reads a file from before repeats were merged: each entry one asking, repeats merged on load", async () => {
    await writeFile(file, JSON.stringify({ questions: [{ text: "Минск?", at: "2025-03-01T12:00:00.000Z" }, { text: "Осло", at: "2025-03-01T11:00:00.000Z" }, { text: "минск", at: "2025-03-01T10:00:00.000Z" }] }));
    const store = await openStore();
    expect(await store.latest(10)).toEqual([
      { text: "Минск?", at: "2025-03-01T12:00:00.000Z", count: 2, first: "2025-03-01T10:00:00.000Z" },
      { text: "Осло", at: "2025-03-01T11:00:00.000Z", count: 1, first: "2025-03-01T11:00:00.000Z" },
    ]);
  });

  it("ignores a blank question", async () => {
    const store = await openStore();
    store.add("   ", AT);
    expect(await store.latest(10)).toEqual([]);
  });

  it(`keeps the newest ${MAX_UNANSWERED} questions of at most ${MAX_QUESTION_CHARS} characters`, async () => {
    const store = await openStore();
    for (let i = 0; i < MAX_UNANSWERED + 50; i += 1) store.add(`question ${i}`, AT);
    store.add(`${"й".repeat(MAX_QUESTION_CHARS - 1)}😀😀`, AT);
    await store.flush();

    const reopened = await openStore();
    const questions = await reopened.latest(1_000);
    expect(questions).toHaveLength(MAX_UNANSWERED);
    expect(Array.from(questions[0]?.text ?? "")).toHaveLength(MAX_QUESTION_CHARS);
    expect(questions[0]?.text.endsWith("й😀")).toBe(true);
    expect(questions.at(-1)?.text).toBe(`question ${50 + 1}`);
  });

  it("sets a corrupted file aside, warns, and starts empty without losing the damaged file", async () => {
    await writeFile(file, '{"questions": [{"text": "half a wri');
    const store = await openStore();

    expect(await store.latest(10)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^unanswered\.json\.corrupt-\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
    expect(await readFile(path.join(dir, files[0] ?? ""), "utf8")).toBe('{"questions": [{"text": "half a wri');

    store.add("after the repair", AT);
    await store.flush();
    expect((await readdir(dir)).sort()).toEqual([files[0], "unanswered.json"].sort());
  });

  it("treats valid JSON of the wrong shape as corrupted too", async () => {
    await writeFile(file, JSON.stringify([{ question: "old format" }]));
    const store = await openStore();
    expect(await store.latest(10)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it("coalesces a burst: 1,000 adds in one tick are all kept with a single write", async () => {
    const store = await openStore();
    for (let i = 0; i < 1_000; i += 1) store.add(`burst ${i}`, AT);
    await store.flush();

    expect(atomicFile.writeFileAtomic).toHaveBeenCalledTimes(1);
    const saved = JSON.parse(await readFile(file, "utf8")) as { questions: { text: string }[] };
    expect(saved.questions).toHaveLength(MAX_UNANSWERED);
    expect(saved.questions[0]?.text).toBe("burst 999");
  });

  it("persists every add made while earlier saves were still running, and leaves no temp file", async () => {
    const store = await openStore();
    const adders = Array.from({ length: 20 }, async (_, worker) => {
      for (let i = 0; i < 5; i += 1) {
        store.add(`worker ${worker} question ${i}`, AT);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      }
    });
    await Promise.all(adders);
    await store.flush();

    const reopened = await openStore();
    expect(await reopened.latest(1_000)).toHaveLength(100);
    expect(new Set((await reopened.latest(1_000)).map((question) => question.text)).size).toBe(100);
    expect(await readdir(dir)).toEqual(["unanswered.json"]);
  });

  it("never runs two writes at once", async () => {
    let running = 0;
    let overlapped = false;
    vi.mocked(atomicFile.writeFileAtomic).mockImplementation(async (target, data) => {
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await realWriteFileAtomic(target, data);
      running -= 1;
    });
    const store = await openStore();
    for (let i = 0; i < 10; i += 1) {
      store.add(`question ${i}`, AT);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await store.flush();
    expect(overlapped).toBe(false);
    expect(vi.mocked(atomicFile.writeFileAtomic).mock.calls.length).toBeGreaterThan(1);
    expect(await store.latest(10)).toHaveLength(10);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ questions: await store.latest(10) });
  });

  it("logs a failed save, keeps the question, and saves it on the next try", async () => {
    // A regular file where the folder should be makes every write fail until it is removed.
    const blocked = path.join(dir, "blocked");
    file = path.join(blocked, "unanswered.json");
    const store = await openStore();
    await writeFile(blocked, "");

    store.add("kept in memory", AT);
    await expect(store.flush()).rejects.toThrow();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect((await store.latest(1))[0]?.text).toBe("kept in memory");

    await rm(blocked);
    await store.flush();
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ questions: [{ text: "kept in memory" }] });
  });

  it("refuses add() before load(), which would overwrite the saved questions", async () => {
    const store = createUnansweredStore(file, logger);
    await expect(store.add("too early", AT)).rejects.toThrow(/load/);
  });
});
