/** Small value helpers shared by the stand-in's modules. */
import type { MessageEntity } from "grammy/types";

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const utf8Length = (s: string): number => Buffer.byteLength(s, "utf8");

export function toInt(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function toNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function omit<T extends object>(value: T, ...keys: string[]): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as unknown as T;
}

/**
 * The entities Telegram computes for an incoming message text: bot_command
 * (with an optional @botname) and mention. Offsets and lengths in UTF-16 code
 * units, as in the Bot API.
 */
export function commandAndMentionEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const re = /(?<![A-Za-z0-9_/@])(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?|@[A-Za-z0-9_]{5,32})(?![A-Za-z0-9_])/g;
  for (const m of text.matchAll(re)) {
    const token = m[1] as string;
    entities.push({
      type: token.startsWith("/") ? "bot_command" : "mention",
      offset: m.index ?? 0,
      length: token.length,
    });
  }
  return entities;
}
