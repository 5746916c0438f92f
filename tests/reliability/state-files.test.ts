/**
 * State files are replaced whole (temp file + fsync + rename): a reader never sees half a file,
 * even while the bot saves it over and over under a burst of questions. tests/atomic-file.test.ts
 * covers writeFileAtomic itself and tests/bot/unanswered-store.test.ts the store; this is the bot.
 */
import { readdir, readFile } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startBot, stopAll } from "../e2e/harness.js";

afterEach(stopAll);

/** Reads the file as fast as it can until told to stop; reports how many reads did not parse as the store's shape. */
const READER = `
const { readFileSync } = require("node:fs");
const { parentPort, workerData } = require("node:worker_threads");
let reads = 0, missing = 0;
const torn = [], versions = new Set();
while (Atomics.load(workerData.stop, 0) === 0) {
  let text;
  try { text = readFileSync(workerData.file, "utf8"); } catch (error) { if (error.code !== "ENOENT") throw error; missing += 1; continue; }
  reads += 1;
  try {
    const { questions } = JSON.parse(text);
    if (Array.isArray(questions)) versions.add(questions.length + ":" + (questions[0] && questions[0].text));
    else torn.push(text.slice(0, 80));
  } catch { torn.push(text.slice(0, 80)); }
}
parentPort.postMessage({ reads, missing, torn, versions: versions.size });
`;

describe("unanswered.json under a burst of questions", () => {
  it("is never seen torn by a reader and leaves no temp file", async () => {
    const h = await startBot({ logLevel: "warn" });
    const file = path.join(h.dataDir, "unanswered.json");
    const users = Array.from({ length: 400 }, (_, i) => 750_000 + i);

    // The reader runs on its own thread, so it reads while the bot's writes are really under way.
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const reader = new Worker(READER, { eval: true, workerData: { file, stop } });
    const report = new Promise<{ reads: number; missing: number; torn: string[]; versions: number }>((resolve, reject) => {
      reader.once("message", resolve);
      reader.once("error", reject);
    });

    for (const user of users) h.api.pushUpdate(h.api.privateText(user, `вопрос ${user} о погоде на Марсе`));
    await Promise.all(users.map((user) => h.api.waitForCall("sendMessage", (call) => call.params.chat_id === user, 20_000)));
    await h.deps.unanswered.flush();
    Atomics.store(stop, 0, 1);
    const { reads, missing, torn, versions } = await report;

    expect(torn).toEqual([]);
    expect(versions).toBeGreaterThan(1);
    const saved = JSON.parse(await readFile(file, "utf8")) as { questions: Array<{ text: string }> };
    expect(saved.questions).toHaveLength(200);
    expect(await readdir(h.dataDir)).toEqual(["unanswered.json"]);
    console.log(`atomic state file: ${users.length} unanswered questions, ${reads - missing} reads of ${versions} successive versions of the file from another thread, none torn`);
  }, 30_000);
});
