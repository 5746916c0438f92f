import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, WEBHOOK_SECRET_MIN_LENGTH, loadConfig } from "../src/lib/config.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";
const SECRET = "s3cret_-X0123456789abcdefghijklmnop";
const WEBHOOK = { BOT_MODE: "webhook", BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://bot.example.org/webhook", WEBHOOK_SECRET: SECRET };

function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

function problemsOf(env: Record<string, string | undefined>): ConfigError["problems"] {
  return configErrorOf(env).problems;
}

describe("loadConfig", () => {
  it("gives the defaults for an empty environment: polling, no token, no admins", () => {
    expect(loadConfig({})).toEqual({
      botToken: undefined,
      adminIds: [],
      knowledgeDir: "knowledge",
      dataDir: "data",
      logLevel: "info",
      port: 8080,
      host: "127.0.0.1",
      botApiRoot: "https://api.telegram.org",
      updates: { mode: "polling" },
      fleet: undefined,
    });
  });

  it("treats empty and blank values as unset", () => {
    expect(loadConfig({ BOT_TOKEN: "", PORT: "  ", LOG_LEVEL: "", ADMIN_IDS: "" })).toMatchObject({
      botToken: undefined,
      port: 8080,
      logLevel: "info",
      adminIds: [],
    });
  });

  it("reads a complete webhook setup", () => {
    const config = loadConfig({
      ...WEBHOOK,
      ADMIN_IDS: "42, 7 42",
      KNOWLEDGE_DIR: "/srv/knowledge",
      DATA_DIR: "/srv/data",
      LOG_LEVEL: "debug",
      PORT: "3000",
      BOT_API_ROOT: "http://localhost:8081/",
    });
    expect(config).toEqual({
      botToken: TOKEN,
      adminIds: [42, 7],
      knowledgeDir: "/srv/knowledge",
      dataDir: "/srv/data",
      logLevel: "debug",
      port: 3000,
      host: "127.0.0.1",
      botApiRoot: "http://localhost:8081",
      updates: { mode: "webhook", url: "https://bot.example.org/webhook", secret: SECRET },
      fleet: undefined,
    });
  });

  it("makes a fleet replica of a webhook setup with REDIS_URL and DATABASE_URL, with defaults for the rest", () => {
    const config = loadConfig({ ...WEBHOOK, REDIS_URL: "redis://127.0.0.1:6379/2", DATABASE_URL: "postgres://bot@127.0.0.1:5432/bot" });
    expect(config.fleet).toEqual({
      redisUrl: "redis://127.0.0.1:6379/2",
      redisKeyPrefix: "mpb:",
      databaseUrl: "postgres://bot@127.0.0.1:5432/bot",
      databaseSchema: "public",
      claimLeaseMs: 15_000,
    });
    const tuned = loadConfig({ ...WEBHOOK, REDIS_URL: "rediss://cache:6380", DATABASE_URL: "postgresql://db/bot", REDIS_KEY_PREFIX: "staging:", DATABASE_SCHEMA: "staging", CLAIM_LEASE_MS: "5000" });
    expect(tuned.fleet).toMatchObject({ redisKeyPrefix: "staging:", databaseSchema: "staging", claimLeaseMs: 5_000 });
  });

  it("refuses fleet mode with polling, saying why, and one of the two services without the other", () => {
    expect(problemsOf({ BOT_TOKEN: TOKEN, REDIS_URL: "redis://127.0.0.1", DATABASE_URL: "postgres://db/bot" })).toEqual([
      { variable: "BOT_MODE", message: expect.stringContaining("one polling copy would delete the fleet's webhook") },
    ]);
    expect(problemsOf({ ...WEBHOOK, REDIS_URL: "redis://127.0.0.1" })).toEqual([{ variable: "DATABASE_URL", message: expect.stringContaining("is required with REDIS_URL") }]);
    expect(problemsOf({ ...WEBHOOK, DATABASE_URL: "postgres://db/bot" })).toEqual([{ variable: "REDIS_URL", message: expect.stringContaining("is required with DATABASE_URL") }]);
  });

  it("refuses malformed fleet variables", () => {
    const problems = problemsOf({ ...WEBHOOK, REDIS_URL: "http://cache", DATABASE_URL: "mysql://db", REDIS_KEY_PREFIX: "a b", DATABASE_SCHEMA: "Bot-Schema", CLAIM_LEASE_MS: "10" });
    expect(problems.map((problem) => problem.variable)).toEqual(["REDIS_URL", "REDIS_KEY_PREFIX", "DATABASE_URL", "DATABASE_SCHEMA", "CLAIM_LEASE_MS"]);
  });

  it("splits admin ids on commas and spaces", () => {
    expect(loadConfig({ ADMIN_IDS: "1,2 3 ,\t4" }).adminIds).toEqual([1, 2, 3, 4]);
  });

  it("names every bad admin id", () => {
    expect(problemsOf({ ADMIN_IDS: "1, abc, 0, -5" })).toEqual([
      { variable: "ADMIN_IDS", message: '"abc" is not a positive integer user id' },
      { variable: "ADMIN_IDS", message: '"0" is not a positive integer user id' },
      { variable: "ADMIN_IDS", message: '"-5" is not a positive integer user id' },
    ]);
  });

  it("refuses a malformed token without repeating it", () => {
    const almostToken = "123456:too-short-to-be-real";
    const error = configErrorOf({ BOT_TOKEN: almostToken });
    expect(error.problems.map((problem) => problem.variable)).toEqual(["BOT_TOKEN"]);
    expect(error.message).not.toContain(almostToken);
    expect(JSON.stringify(error.problems)).not.toContain("too-short");
  });

  it("requires the token, URL and secret in webhook mode, reporting all of them at once", () => {
    expect(problemsOf({ BOT_MODE: "webhook" })).toEqual([
      { variable: "BOT_TOKEN", message: "is required when BOT_MODE=webhook" },
      { variable: "WEBHOOK_URL", message: "is required when BOT_MODE=webhook" },
      { variable: "WEBHOOK_SECRET", message: "is required when BOT_MODE=webhook" },
    ]);
  });

  it("reports a missing webhook variable together with unrelated mistakes", () => {
    const problems = problemsOf({ ...WEBHOOK, WEBHOOK_SECRET: undefined, PORT: "http" });
    expect(problems.map((problem) => problem.variable)).toEqual(["WEBHOOK_SECRET", "PORT"]);
  });

  it("accepts only https webhook URLs on the ports Telegram delivers to", () => {
    expect(problemsOf({ ...WEBHOOK, WEBHOOK_URL: "http://bot.example.org/webhook" })[0]?.message).toMatch(/https/);
    expect(problemsOf({ ...WEBHOOK, WEBHOOK_URL: "https://bot.example.org:8080/webhook" })[0]?.message).toMatch(/8443/);
    expect(problemsOf({ ...WEBHOOK, WEBHOOK_URL: "not a url" })[0]?.variable).toBe("WEBHOOK_URL");
    expect(loadConfig({ ...WEBHOOK, WEBHOOK_URL: "https://bot.example.org:8443/hook" }).updates).toMatchObject({
      url: "https://bot.example.org:8443/hook",
    });
  });

  it("holds the webhook secret to Telegram's rule: 1 to 256 of A-Z a-z 0-9 _ -", () => {
    expect(loadConfig({ ...WEBHOOK, WEBHOOK_SECRET: "a".repeat(256) }).updates).toMatchObject({ mode: "webhook" });
    expect(problemsOf({ ...WEBHOOK, WEBHOOK_SECRET: "a".repeat(257) })[0]?.variable).toBe("WEBHOOK_SECRET");
    expect(problemsOf({ ...WEBHOOK, WEBHOOK_SECRET: "with space" })[0]?.variable).toBe("WEBHOOK_SECRET");
    expect(problemsOf({ ...WEBHOOK, WEBHOOK_SECRET: "semi;colon" })[0]?.message).not.toContain("semi;colon");
  });

  it(`requires a webhook secret of at least ${WEBHOOK_SECRET_MIN_LENGTH} characters, saying why, without quoting it`, () => {
    expect(problemsOf({ ...WEBHOOK, WEBHOOK_SECRET: "a" })).toEqual([{ variable: "WEBHOOK_SECRET", message: expect.stringMatching(/at least 32 characters: it is the only proof/) }]);
    expect(problemsOf({ ...WEBHOOK, WEBHOOK_SECRET: "x".repeat(31) })[0]?.message).not.toContain("x".repeat(31));
    expect(loadConfig({ ...WEBHOOK, WEBHOOK_SECRET: "x".repeat(32) }).updates).toMatchObject({ secret: "x".repeat(32) });
  });

  it("listens on loopback unless HOST says otherwise, and refuses a HOST that is no address", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ HOST: "::1" }).host).toBe("::1");
    expect(problemsOf({ HOST: "http://example.org/" })).toEqual([{ variable: "HOST", message: expect.stringMatching(/IP address or a host name/) }]);
  });

  it("ignores webhook variables in polling mode", () => {
    expect(loadConfig({ WEBHOOK_SECRET: "abc" }).updates).toEqual({ mode: "polling" });
  });

  it.each(["0", "65536", "80.5", "eighty", "-1"])("refuses PORT=%s", (port) => {
    expect(problemsOf({ PORT: port })).toEqual([{ variable: "PORT", message: "must be a whole number from 1 to 65535" }]);
  });

  it("accepts the pino levels only", () => {
    expect(loadConfig({ LOG_LEVEL: "silent" }).logLevel).toBe("silent");
    expect(problemsOf({ LOG_LEVEL: "verbose" })[0]?.message).toContain("fatal, error, warn, info, debug, trace, silent");
  });

  it("refuses an unknown BOT_MODE and a non-http BOT_API_ROOT", () => {
    expect(problemsOf({ BOT_MODE: "hook", BOT_API_ROOT: "ftp://files.example.org" })).toEqual([
      { variable: "BOT_MODE", message: "must be polling or webhook" },
      { variable: "BOT_API_ROOT", message: "must be an absolute http(s) URL of a Bot API server" },
    ]);
  });

  it("lists every problem in one message, one line per variable", () => {
    const error = new ConfigError([
      { variable: "PORT", message: "must be a whole number from 1 to 65535" },
      { variable: "LOG_LEVEL", message: "must be one of ..." },
    ]);
    expect(error.message.split("\n")).toEqual([
      "Invalid configuration (environment variables or .env):",
      "  PORT: must be a whole number from 1 to 65535",
      "  LOG_LEVEL: must be one of ...",
    ]);
  });
});

describe("readConfigOrExit", () => {
  const execFileAsync = promisify(execFile);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const configModule = path.join(root, "src", "lib", "config.ts");
  let dir = "";

  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Runs readConfigOrExit in a fresh process whose working folder (where .env is read) is a temp dir. */
  async function run(dotenv: string | undefined, env: Record<string, string>) {
    dir = await mkdtemp(path.join(tmpdir(), "config-"));
    if (dotenv !== undefined) await writeFile(path.join(dir, ".env"), dotenv);
    const script = path.join(dir, "main.ts");
    await writeFile(
      script,
      `import { readConfigOrExit } from ${JSON.stringify(configModule)};\n` +
        `process.stdout.write(JSON.stringify(readConfigOrExit()));\n`,
    );
    const cleanEnv = { PATH: process.env.PATH ?? "", ...env };
    try {
      const { stdout, stderr } = await execFileAsync(tsx, [script], { cwd: dir, env: cleanEnv });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("reads .env without overriding variables already set", async () => {
    const result = await run("PORT=9000\nLOG_LEVEL=debug\n", { LOG_LEVEL: "warn" });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({ port: 9000, logLevel: "warn" });
  });

  it("works without a .env file", async () => {
    const result = await run(undefined, {});
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ port: 8080 });
  });

  it("exits 1 with one readable message on stderr, never echoing the token", async () => {
    const badToken = "999:not-a-real-token";
    const result = await run(`BOT_TOKEN=${badToken}\nBOT_MODE=webhook\n`, {});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("BOT_TOKEN: does not look like a bot token");
    expect(result.stderr).toContain("WEBHOOK_URL: is required when BOT_MODE=webhook");
    expect(result.stderr).not.toContain(badToken);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});
