import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLogger, createScrubber } from "../src/lib/logger.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";
const TOKEN_TAIL = TOKEN.slice(TOKEN.indexOf(":") + 1);
const SECRET = "wh-secret_0123456789";

function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", token: TOKEN, secret: SECRET, destination: { write: (line) => void lines.push(line) } });
  return { logger, output: () => lines.join("") };
}

describe("createLogger", () => {
  it("writes JSON lines to the given destination", () => {
    const { logger, output } = capturingLogger();
    logger.info({ chatType: "private" }, "question answered");
    const line: unknown = JSON.parse(output());
    expect(line).toMatchObject({ level: 30, msg: "question answered", chatType: "private" });
  });

  it("never prints the token from an error's message and stack", () => {
    const { logger, output } = capturingLogger();
    const error = new Error(`Network request for 'getMe' failed! https://api.telegram.org/bot${TOKEN}/getMe`);
    logger.error(error);
    logger.error({ err: error }, `polling stopped after bot${TOKEN}/getUpdates`);
    expect(output()).toContain("getMe");
    expect(output()).not.toContain(TOKEN);
    expect(output()).not.toContain(TOKEN_TAIL);
  });

  it("never prints the token in a URL, plain or encoded", () => {
    const { logger, output } = capturingLogger();
    logger.warn({ url: new URL(`https://api.telegram.org/bot${TOKEN}/sendMessage`) }, "slow call");
    logger.warn({ encoded: `https://proxy.example.org/?to=${encodeURIComponent(`/bot${TOKEN}/getMe`)}` }, "proxied");
    expect(output()).toContain("sendMessage");
    expect(output()).not.toContain(TOKEN);
    expect(output()).not.toContain(encodeURIComponent(TOKEN));
    expect(output()).not.toContain(TOKEN_TAIL);
  });

  it("never prints the webhook secret, by field name or inside any string", () => {
    const { logger, output } = capturingLogger();
    logger.info({ config: { updates: { mode: "webhook", secret: SECRET }, botToken: TOKEN } }, "starting");
    logger.info({ payload: { url: "https://bot.example.org/webhook", secret_token: SECRET } }, "setWebhook");
    logger.info({ req: { headers: { "x-telegram-bot-api-secret-token": SECRET } } }, "request");
    logger.info({ nested: { deeper: { note: `the secret is ${SECRET}` } } }, "careless");
    expect(output()).not.toContain(SECRET);
    expect(output()).not.toContain(TOKEN);
    expect(output()).toContain("[REDACTED]");
  });

  it("redacts secret-named fields even for values it was not told about", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line) => void lines.push(line) } });
    logger.info({ token: "some-other-token", headers: { "x-telegram-bot-api-secret-token": "other" } }, "x");
    expect(lines.join("")).not.toContain("some-other-token");
    expect(lines.join("")).not.toContain('"other"');
  });

  it("keeps every line valid JSON after scrubbing", () => {
    const { logger, output } = capturingLogger();
    logger.error({ text: `quote " backslash \\ newline \n ${TOKEN} \u0001 ${SECRET}` }, "odd");
    expect(() => JSON.parse(output())).not.toThrow();
  });

  it("writes to stderr by default, leaving stdout to the JSON CLI", async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
    const script =
      `import { createLogger } from ${JSON.stringify(path.join(root, "src", "lib", "logger.ts"))};` +
      `createLogger({ level: "info", token: ${JSON.stringify(TOKEN)} }).info("bot${TOKEN}/getMe");`;
    const { stdout, stderr } = await promisify(execFile)(path.join(root, "node_modules", ".bin", "tsx"), ["-e", script], {
      cwd: root,
    });
    expect(stdout).toBe("");
    expect(JSON.parse(stderr)).toMatchObject({ msg: "bot[REDACTED]/getMe" });
  });

  it("respects the level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", destination: { write: (line) => void lines.push(line) } });
    logger.info("hidden");
    logger.warn("shown");
    expect(lines).toHaveLength(1);
  });
});

describe("createScrubber", () => {
  it("is absent when there is nothing to hide", () => {
    expect(createScrubber([undefined, ""])).toBeUndefined();
  });

  it("removes the secret from any JSON-serialized text and keeps it parseable", () => {
    const scrub = createScrubber([TOKEN, SECRET]);
    if (!scrub) throw new Error("expected a scrubber");
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom(TOKEN, SECRET), (before, after, hidden) => {
        const line = JSON.stringify({ msg: `${before}${hidden}${after}` });
        const scrubbed = scrub(line);
        expect(scrubbed).not.toContain(hidden);
        expect(() => JSON.parse(scrubbed)).not.toThrow();
      }),
    );
  });
});
