import { pino } from "pino";
import type { DestinationStream, LevelWithSilent, Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  level: LevelWithSilent;
  /** The bot token: never written, wherever it hides (error messages, `.../bot<token>/method` URLs). */
  token?: string;
  /** The webhook secret: never written either. */
  secret?: string;
  /** Where JSON lines go; stderr by default, because stdout belongs to the JSON CLI. */
  destination?: DestinationStream;
}

const CENSOR = "[REDACTED]";

/**
 * Fields that hold a secret by name: top level, the Config object, setWebhook's payload and the webhook
 * request headers. Explicit paths only: pino's wildcard redaction clones every object it passes through
 * and turns values such as URL instances into "[unable to serialize ...]".
 */
const REDACTED_PATHS = [
  "token",
  "botToken",
  "secret",
  "webhookSecret",
  "config.botToken",
  "config.updates.secret",
  "payload.secret_token",
  'headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

export function createLogger({ level, token, secret, destination }: LoggerOptions): Logger {
  const scrub = createScrubber([token, secret]);
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      // Redaction by path misses secrets inside strings, so every finished line goes through the scrubber too.
      ...(scrub && { hooks: { streamWrite: scrub } }),
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/**
 * Builds a function that replaces every occurrence of the given secrets in a serialized JSON line.
 * It also catches the JSON-escaped and URL-encoded spellings, and the part of a bot token after the
 * colon (the bot id before it is public). JSON escape sequences are stepped over whole, so a
 * replacement can never split one and break the line.
 */
export function createScrubber(secrets: ReadonlyArray<string | undefined>): ((line: string) => string) | undefined {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    const spellings = [secret];
    if (/^\d+:/.test(secret)) spellings.push(secret.slice(secret.indexOf(":") + 1));
    for (const spelling of spellings) {
      needles.add(spelling);
      needles.add(JSON.stringify(spelling).slice(1, -1));
      needles.add(encodeURIComponent(spelling));
    }
  }
  if (needles.size === 0) return undefined;
  // Longest first, so the whole token is replaced before its tail could match on its own.
  const alternatives = [...needles].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`${alternatives.join("|")}|\\\\(?:u[0-9a-fA-F]{4}|.)`, "g");
  return (line) => line.replace(pattern, (match) => (needles.has(match) ? CENSOR : match));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
