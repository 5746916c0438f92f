import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileAtomic, writeFileAtomic } from "../src/lib/atomic-file.js";

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

  it("creates files readable and writable by the owner only (0600), also when replacing a 0644 one", async () => {
    const file = path.join(dir, "drafts.json");
    await writeFileAtomic(file, "{}");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const shared = path.join(dir, "old.json");
    await writeFile(shared, "{}", { mode: 0o644 });
    await writeFileAtomic(shared, "[]");
    expect((await stat(shared)).mode & 0o777).toBe(0o600);
  });
});

describe("createFileAtomic", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "create-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates a new file, and refuses with EEXIST to replace one, leaving it and no temp file behind", async () => {
    const file = path.join(dir, "source.json");
    await createFileAtomic(file, "first");
    await expect(createFileAtomic(file, "second")).rejects.toMatchObject({ code: "EEXIST" });
    expect(await readFile(file, "utf8")).toBe("first");
    expect(await readdir(dir)).toEqual(["source.json"]);
  });
});
