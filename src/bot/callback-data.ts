import type { Lang } from "../answer/types.js";

/**
 * Callback data of the bot's buttons: short, versioned, and parsed defensively, because a client
 * can send any bytes. Telegram allows 1–64 bytes.
 */
export type CallbackAction =
  | { kind: "page"; key: string; offset: number }
  | { kind: "example"; version: number; lang: Lang; index: number }
  | { kind: "partner"; version: number; index: number; offset: number };

export const MAX_CALLBACK_BYTES = 64;

export function encodeCallback(action: CallbackAction): string {
  const data =
    action.kind === "page"
      ? `pg:${action.key}:${action.offset}`
      : action.kind === "example"
        ? `ex:${action.version}:${action.lang}:${action.index}`
        : `pt:${action.version}:${action.index}:${action.offset}`;
  if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) throw new RangeError(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  return data;
}

const NUMBER = /^\d{1,6}$/;
const KEY = /^[a-z0-9]{1,24}$/;

export function decodeCallback(data: string | undefined): CallbackAction | undefined {
  if (!data || data.length > MAX_CALLBACK_BYTES) return undefined;
  const parts = data.split(":");
  const [kind, a, b, c] = parts;
  if (kind === "pg" && parts.length === 3 && KEY.test(a ?? "") && NUMBER.test(b ?? "")) {
    return { kind: "page", key: a!, offset: Number(b) };
  }
  if (kind === "ex" && parts.length === 4 && NUMBER.test(a ?? "") && (b === "ru" || b === "en") && NUMBER.test(c ?? "")) {
    return { kind: "example", version: Number(a), lang: b, index: Number(c) };
  }
  if (kind === "pt" && parts.length === 4 && NUMBER.test(a ?? "") && NUMBER.test(b ?? "") && NUMBER.test(c ?? "")) {
    return { kind: "partner", version: Number(a), index: Number(b), offset: Number(c) };
  }
  return undefined;
}
