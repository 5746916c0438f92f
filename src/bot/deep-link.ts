/**
 * Deep links into the bot (t.me/<bot>?start=<payload>), which Telegram turns into "/start <payload>".
 * A payload is 1–64 characters of A-Z a-z 0-9 _ -, and like callback data it is untrusted input.
 */
export type StartPayload =
  /** A partner's page, by its id ([a-z0-9-]); `p-` keeps room for other kinds. */
  | { kind: "partner"; id: string }
  /** The inline "nothing found" button: the bot's help. */
  | { kind: "inline" };

const MAX_PAYLOAD = 64;
const PARTNER = /^p-([a-z0-9-]{1,62})$/;

/** The payload, or undefined when it would not fit a deep link (a partner id over 62 characters). */
export function encodeStartPayload(payload: StartPayload): string | undefined {
  const text = payload.kind === "partner" ? `p-${payload.id}` : "inline";
  return text.length <= MAX_PAYLOAD ? text : undefined;
}

export function decodeStartPayload(text: string): StartPayload | undefined {
  if (text === "inline") return { kind: "inline" };
  const partner = PARTNER.exec(text);
  return partner ? { kind: "partner", id: partner[1]! } : undefined;
}

/** The t.me link that opens the bot with the payload, or undefined when the payload does not fit. */
export function startLink(username: string, payload: StartPayload): string | undefined {
  const encoded = encodeStartPayload(payload);
  return encoded === undefined ? undefined : `https://t.me/${username}?start=${encoded}`;
}
