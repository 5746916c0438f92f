import { cp, mkdtemp, readFile, rm, symlink, truncate, unlink, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openKnowledgeStore } from "../../src/engine/store.js";
import type { KnowledgeStore } from "../../src/engine/store.js";
import type { Snapshot } from "../../src/engine/types.js";
import { translator } from "../../src/i18n/i18n.js";
import { formatProblem } from "../../src/knowledge/types.js";

const KNOWLEDGE = new URL("../../knowledge", import.meta.url).pathname;
const HANOI = "sources/tass-2025-12-03-moscow-hanoi.json";
let dir: string;
let store: KnowledgeStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "bad-edits-"));
  await cp(KNOWLEDGE, dir, { recursive: true });
  const opened = await openKnowledgeStore(dir);
  if (!opened.ok) throw new Error("the project knowledge must load");
  store = opened.store;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}-outside.json`, { force: true });
});

async function expectRefused(match: RegExp): Promise<void> {
  const before = store.current();
  const result = await store.reload();
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.problems.map((problem) => formatProblem(problem, translator("en"))).join("\n")).toMatch(match);
  expect(store.current()).toBe(before);
  expect(store.current().answer("Ханой").answered).toBe(true);
}

// mkfifo is not in every Node build; the shell's is.
const makeFifo = (file: string): void => void execFileSync("mkfifo", [file]);

describe("bad edits of the knowledge folder", () => {
  it("refuses truncated JSON", async () => {
    const file = path.join(dir, HANOI);
    await truncate(file, Math.floor((await readFile(file)).length / 2));
    await expectRefused(/tass-2025-12-03-moscow-hanoi\.json: invalid JSON at line \d+, column \d+/);
  });

  it("refuses a deleted partners.json", async () => {
    await unlink(path.join(dir, "partners.json"));
    await expectRefused(/partners\.json: file is missing/);
  });

  it("refuses a source that is not a regular file", async () => {
    makeFifo(path.join(dir, "sources", "pipe.json"));
    await expectRefused(/sources\/pipe\.json: is not a regular file/);
  });

  it("refuses a symlink out of the folder", async () => {
    await writeFile(`${dir}-outside.json`, await readFile(path.join(dir, HANOI)));
    await symlink(`${dir}-outside.json`, path.join(dir, "sources", "linked.json"));
    await expectRefused(/sources\/linked\.json: is a symbolic link/);
  });

  it("refuses a 50 MB file without reading it", async () => {
    await writeFile(path.join(dir, "sources", "huge.json"), Buffer.alloc(50 * 1024 * 1024, 32));
    await expectRefused(/sources\/huge\.json: is 50\.0 MB, over the limit of 8\.0 MB/);
  });

  it("refuses a folder of 10,000 files", async () => {
    const sources = path.join(dir, "sources");
    await Promise.all(Array.from({ length: 10_000 }, (_, i) => writeFile(path.join(sources, `x-${i}.json`), "{}")));
    // Ten thousand added to the knowledge's own sources.
    await expectRefused(/10,0\d\d source files, more than the limit of 5,000/);
  });

  it("answers 1,000 concurrent questions across 20 reloads, some broken, each from one consistent snapshot", async () => {
    const questions = ["Ханой", "меморандум Минск", "Who is Cheremin?", "погода в Минске", "Дни Москвы в Ташкенте", "Собянин Зёдер"];
    const original = await readFile(path.join(dir, HANOI), "utf8");
    const seen = new Set<number>();
    let failed = 0;
    let reloadsOk = 0;
    let reloadsRefused = 0;

    const ask = (n: number): void => {
      const snapshot: Snapshot = store.current();
      try {
        const answer = snapshot.answer(questions[n % questions.length]!);
        const ids = new Set(snapshot.knowledge.cards.map(({ card }) => card.id));
        if (!answer.facts.every((fact) => ids.has(fact.card.id))) failed++;
        seen.add(snapshot.version);
      } catch {
        failed++;
      }
    };
    const reloads = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) {
        const broken = i % 3 === 1;
        await writeFile(path.join(dir, HANOI), broken ? original.slice(0, 500) : original.replace(/"text": "/, `"text": "(${i}) `));
        const result = await store.reload();
        if (result.ok) reloadsOk++;
        else reloadsRefused++;
      }
    };
    // Questions keep flowing, a few at a time, for as long as the reloads take.
    const flow = async (): Promise<void> => {
      for (let n = 0; n < 1000; n++) {
        ask(n);
        if (n % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    await Promise.all([reloads(), flow()]);
    expect(failed).toBe(0);
    expect(reloadsRefused).toBe(7);
    expect(reloadsOk).toBe(13);
    expect(store.current().version).toBe(14);
    expect(seen.size).toBeGreaterThan(1);
  });
});
