import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../src/atomic-file.js";

describe("writeFileAtomic", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "atomic-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates the folder and writes the file", async () => {
    const file = path.join(dir, "nested", "deeper", "state.json");
    await writeFileAtomic(file, '{"ok":true}');
    expect(await readFile(file, "utf8")).toBe('{"ok":true}');
  });

  it("replaces an existing file whole and leaves no temp file behind", async () => {
    const file = path.join(dir, "state.json");
    await writeFile(file, "old content that is longer than the new one");
    await writeFileAtomic(file, new TextEncoder().encode("new"));
    expect(await readFile(file, "utf8")).toBe("new");
    expect(await readdir(dir)).toEqual(["state.json"]);
  });

  it("keeps one complete version when writes race", async () => {
    const file = path.join(dir, "state.json");
    const versions = Array.from({ length: 20 }, (_, i) => JSON.stringify({ version: i, padding: "x".repeat(10_000) }));
    await Promise.all(versions.map((data) => writeFileAtomic(file, data)));
    expect(versions).toContain(await readFile(file, "utf8"));
    expect(await readdir(dir)).toEqual(["state.json"]);
  });

  it("removes its temp file when the rename fails", async () => {
    // A non-empty folder at the target path makes the final rename fail.
    const target = path.join(dir, "occupied");
    await mkdir(target);
    await writeFile(path.join(target, "inside"), "");
    await expect(writeFileAtomic(target, "data")).rejects.toThrow();
    expect(await readdir(dir)).toEqual(["occupied"]);
  });
});
