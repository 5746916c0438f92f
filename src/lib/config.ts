import { config as loadDotenv } from "dotenv";
import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Absent means no Telegram bot: main runs the console instead. */
  botToken: string | undefined;
  adminIds: readonly number[];
  knowledgeDir: string;
  dataDir: string;
  logLevel: LogLevel;
  /** Where the HTTP server listens (webhook and /healthz). */
  port: number;
  /** The address it listens on: loopback by default, for the reverse proxy in front of it. */
  host: string;
  /** Bot API server without a trailing slash, ready for grammY's `client.apiRoot`. */
  botApiRoot: string;
  updates: { mode: "polling" } | { mode: "webhook"; url: string; secret: string };
  /** Set when REDIS_URL and DATABASE_URL are: this process is one replica of a fleet (webhook only). */
  fleet: FleetConfig | undefined;
}

export interface FleetConfig {
  redisUrl: string;
  /** Before every Redis key and channel, so several bots (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  databaseUrl: string;
  /** The PostgreSQL schema of the bot's tables (created at start-up). */
  databaseSchema: string;
  /** How long an update's claim outlives a replica that died while answering it. */
  claimLeaseMs: number;
}

/** One wrong variable. The message never quotes a secret's value. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      [
        "Invalid configuration (environment variables or .env):",
        ...problems.map(({ variable, message }) => `  ${variable}: ${message}`),
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

const VARIABLES = [
  "BOT_TOKEN",
  "ADMIN_IDS",
  "KNOWLEDGE_DIR",
  "DATA_DIR",
  "LOG_LEVEL",
  "BOT_MODE",
  "WEBHOOK_URL",
  "WEBHOOK_SECRET",
  "PORT",
  "HOST",
  "BOT_API_ROOT",
  "REDIS_URL",
  "REDIS_KEY_PREFIX",
  "DATABASE_URL",
  "DATABASE_SCHEMA",
  "CLAIM_LEASE_MS",
] as const;
type Variable = (typeof VARIABLES)[number];

const TELEGRAM_TOKEN = /^\d+:[A-Za-z0-9_-]{30,}$/;
// Telegram's rule for setWebhook's secret_token.
const WEBHOOK_SECRET = /^[A-Za-z0-9_-]{1,256}$/;
// Telegram accepts a single character, but the secret is all that tells its requests from anyone
// else's: 32 characters of that alphabet (about 190 bits) cannot be guessed over the network.
export const WEBHOOK_SECRET_MIN_LENGTH = 32;
// An IPv4 or IPv6 address or a host name; checked so a typo fails at start-up, not at listen().
const HOST = /^[A-Za-z0-9.:-]{1,253}$/;
// The only ports Telegram delivers webhooks to; URL.port is "" when the URL uses the scheme's default.
const WEBHOOK_PORTS = ["", "443", "80", "88", "8443"];

/** A variable holding a whole number within [min, max]; `what` completes "must be …". */
function wholeNumber(min: number, max: number, what: string) {
  return z
    .string()
    .regex(/^\d+$/, { error: `must be ${what}` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: `must be ${what}` });
}

const envSchema = z.object({
  // Custom messages throughout: zod's defaults may describe the input, and this one is a secret.
  BOT_TOKEN: z
    .string()
    .regex(TELEGRAM_TOKEN, {
      error: "does not look like a bot token from @BotFather (digits, a colon, then 30 or more of A-Z a-z 0-9 _ -)",
    })
    .optional(),
  ADMIN_IDS: z
    .string()
    .transform((value, ctx) => {
      const ids = new Set<number>();
      for (const item of value.split(/[\s,]+/).filter(Boolean)) {
        const id = /^\d+$/.test(item) ? Number(item) : NaN;
        if (Number.isSafeInteger(id) && id > 0) ids.add(id);
        else ctx.issues.push({ code: "custom", input: value, message: `"${item}" is not a positive integer user id` });
      }
      return [...ids];
    })
    .default([]),
  KNOWLEDGE_DIR: z.string().default("knowledge"),
  DATA_DIR: z.string().default("data"),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  BOT_MODE: z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling"),
  WEBHOOK_URL: z
    .string()
    .refine((value) => parseUrl(value)?.protocol === "https:", {
      error: "must be an absolute https:// URL (Telegram delivers webhooks over HTTPS only)",
    })
    .refine((value) => WEBHOOK_PORTS.includes(parseUrl(value)?.port ?? ""), {
      error: "Telegram delivers webhooks only to ports 443, 80, 88 or 8443",
    })
    .optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(WEBHOOK_SECRET, { error: "must be 1 to 256 characters of A-Z a-z 0-9 _ - (Telegram's rule)" })
    .optional(),
  PORT: wholeNumber(1, 65535, "a whole number from 1 to 65535").default(8080),
  HOST: z.string().regex(HOST, { error: "must be an IP address or a host name (127.0.0.1, ::1, 0.0.0.0)" }).default("127.0.0.1"),
  BOT_API_ROOT: z
    .string()
    .refine((value) => ["http:", "https:"].includes(parseUrl(value)?.protocol ?? ""), {
      error: "must be an absolute http(s) URL of a Bot API server",
    })
    .transform((value) => value.replace(/\/+$/, ""))
    .default("https://api.telegram.org"),
  REDIS_URL: z
    .string()
    .refine((value) => ["redis:", "rediss:"].includes(parseUrl(value)?.protocol ?? ""), { error: "must be a redis:// or rediss:// URL (redis://127.0.0.1:6379)" })
    .optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, { error: "must be 1 to 64 characters of A-Z a-z 0-9 : _ . -" }).default("mpb:"),
  DATABASE_URL: z
    .string()
    .refine((value) => ["postgres:", "postgresql:"].includes(parseUrl(value)?.protocol ?? ""), {
      error: "must be a postgres:// URL (postgres://user@127.0.0.1:5432/database)",
    })
    .optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: "must be a lower-case SQL name: a-z, 0-9 and _, not starting with a digit" }).default("public"),
  CLAIM_LEASE_MS: wholeNumber(500, 600_000, "a whole number of milliseconds from 500 to 600000").default(15_000),
});

const REQUIRED_FOR_WEBHOOK: readonly Variable[] = ["BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_SECRET"];

/** Reads the variables into a typed config, or throws a ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const values = presentValues(env);
  const result = envSchema.safeParse(values);
  const problems: ConfigProblem[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message }));
  // Checked outside the schema so these show up together with any other problem, not on a second run.
  if (values.BOT_MODE === "webhook") {
    for (const variable of REQUIRED_FOR_WEBHOOK) {
      if (values[variable] === undefined) problems.push({ variable, message: "is required when BOT_MODE=webhook" });
    }
    // Here, not in the schema: polling ignores the webhook variables, a short secret left in .env included.
    const secret = values.WEBHOOK_SECRET;
    if (secret !== undefined && WEBHOOK_SECRET.test(secret) && secret.length < WEBHOOK_SECRET_MIN_LENGTH) {
      problems.push({
        variable: "WEBHOOK_SECRET",
        message: `must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters: it is the only proof that a webhook request comes from Telegram (generate one with openssl rand -hex 32)`,
      });
    }
  }
  const fleetVariables = (["REDIS_URL", "DATABASE_URL"] as const).filter((variable) => values[variable] !== undefined);
  if (fleetVariables.length === 1) {
    const missing = fleetVariables[0] === "REDIS_URL" ? "DATABASE_URL" : "REDIS_URL";
    problems.push({ variable: missing, message: `is required with ${fleetVariables[0]}: a fleet replica needs both (set neither to run one process with files in DATA_DIR)` });
  }
  if (fleetVariables.length === 2 && values.BOT_MODE !== "webhook") {
    problems.push({
      variable: "BOT_MODE",
      message: "must be webhook when REDIS_URL and DATABASE_URL are set: a fleet takes updates by webhook only, and one polling copy would delete the fleet's webhook",
    });
  }
  if (!result.success || problems.length > 0) {
    throw new ConfigError(problems.sort((a, b) => order(a.variable) - order(b.variable)));
  }
  const parsed = result.data;
  return {
    botToken: parsed.BOT_TOKEN,
    adminIds: parsed.ADMIN_IDS,
    knowledgeDir: parsed.KNOWLEDGE_DIR,
    dataDir: parsed.DATA_DIR,
    logLevel: parsed.LOG_LEVEL,
    port: parsed.PORT,
    host: parsed.HOST,
    botApiRoot: parsed.BOT_API_ROOT,
    updates:
      parsed.BOT_MODE === "webhook"
        ? // Both were required above for webhook mode.
          { mode: "webhook", url: parsed.WEBHOOK_URL!, secret: parsed.WEBHOOK_SECRET! }
        : { mode: "polling" },
    fleet:
      parsed.REDIS_URL && parsed.DATABASE_URL
        ? { redisUrl: parsed.REDIS_URL, redisKeyPrefix: parsed.REDIS_KEY_PREFIX, databaseUrl: parsed.DATABASE_URL, databaseSchema: parsed.DATABASE_SCHEMA, claimLeaseMs: parsed.CLAIM_LEASE_MS }
        : undefined,
  };
}

/**
 * Start-up entry: loads .env (never overriding variables already set), then the config.
 * On a problem it prints one message to stderr and exits 1, because nothing can run without a config.
 */
export function readConfigOrExit(): Config {
  const dotenv = loadDotenv({ quiet: true });
  const code = (dotenv.error as NodeJS.ErrnoException | undefined)?.code;
  // No .env is the normal case in production; an unreadable one is a mistake worth stopping for.
  if (dotenv.error && code !== "ENOENT") exitWith(`Cannot read the .env file: ${code ?? dotenv.error.message}`);
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(error.message);
    throw error;
  }
}

function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Trimmed values of the known variables; empty ones count as unset, so `PORT=` in .env means the default. */
function presentValues(env: Record<string, string | undefined>): Partial<Record<Variable, string>> {
  const values: Partial<Record<Variable, string>> = {};
  for (const variable of VARIABLES) {
    const value = env[variable]?.trim();
    if (value) values[variable] = value;
  }
  return values;
}

function order(variable: string): number {
  return VARIABLES.indexOf(variable as Variable);
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
