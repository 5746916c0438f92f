import { createHash } from "node:crypto";
import type { Lang } from "../answer/types.js";
import { REGION_KEYS } from "../engine/catalogue.js";
import type { RegionKey } from "../engine/catalogue.js";

/**
 * Callback data of every button the bot makes, in one format ("<kind>:<field>:…"): short, and
 * parsed defensively, because a client can send any bytes. Telegram allows 1–64 bytes. Answer
 * buttons carry the knowledge version they were made for; catalogue buttons name a region or a
 * partner instead, so they still open after a reload that kept it; draft buttons name the /ingest
 * draft they act on. Each button is handled by the feature that made it.
 */
export type CallbackAction =
  | { kind: "page"; key: string; offset: number }
  | { kind: "example"; version: number; lang: Lang; index: number }
  /** The first /partners message: regions, or every partner when the knowledge has no regions. */
  | { kind: "partners" }
  | { kind: "region"; region: RegionKey }
  /** `ref` is partnerRef(id); `offset` the first entry of the page shown. */
  | { kind: "partner"; ref: string; offset: number }
  /** An /ingest draft's buttons; `draft` is its key, `card` counts from 1 as the draft shows it. */
  | { kind: "publish"; draft: string }
  /** Publish although cards lack text_en or partners (asked first). */
  | { kind: "publishAnyway"; draft: string }
  | { kind: "cancel"; draft: string }
  | { kind: "drop"; draft: string; card: number }
  /** /unanswered's button: the whole list as a CSV file. */
  | { kind: "unansweredCsv" };

export const MAX_CALLBACK_BYTES = 64;

// "pa:" + ref + ":" + a six-digit offset fits in 64 bytes with a reference of up to 54.
const MAX_REF = 54;

/**
 * How a button names a partner: its id when that fits the callback data (every id so far is a
 * city's name), otherwise a digest of it. Either way the button finds the partner by id in the
 * knowledge current when it is pressed; ids are [a-z0-9-], so "~" never starts one.
 */
export function partnerRef(id: string): string {
  return id.length <= MAX_REF ? id : `~${createHash("sha256").update(id).digest("hex").slice(0, 20)}`;
}

export function encodeCallback(action: CallbackAction): string {
  const data = encode(action);
  if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) throw new RangeError(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  return data;
}

function encode(action: CallbackAction): string {
  switch (action.kind) {
    case "page":
      return `pg:${action.key}:${action.offset}`;
    case "example":
      return `ex:${action.version}:${action.lang}:${action.index}`;
    case "partners":
      return "ps";
    case "region":
      return `rg:${action.region}`;
    case "partner":
      return `pa:${action.ref}:${action.offset}`;
    case "publish":
      return `ig:${action.draft}:p`;
    case "publishAnyway":
      return `ig:${action.draft}:f`;
    case "cancel":
      return `ig:${action.draft}:c`;
    case "drop":
      return `ig:${action.draft}:d:${action.card}`;
    case "unansweredCsv":
      return "un:csv";
  }
}

const NUMBER = /^\d{1,6}$/;
const KEY = /^[a-z0-9]{1,24}$/;
/** A draft key as the draft store makes it (base 36). */
const DRAFT_KEY = /^[a-z0-9]{1,16}$/;
const CARD_NUMBER = /^[1-9]\d{0,2}$/;
const REF = new RegExp(`^(?:[a-z0-9-]{1,${MAX_REF}}|~[0-9a-f]{20})$`);

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
  if (kind === "ps" && parts.length === 1) return { kind: "partners" };
  const region = REGION_KEYS.find((key) => key === a);
  if (kind === "rg" && parts.length === 2 && region) return { kind: "region", region };
  if (kind === "pa" && parts.length === 3 && REF.test(a ?? "") && NUMBER.test(b ?? "")) {
    return { kind: "partner", ref: a!, offset: Number(b) };
  }
  if (kind === "un" && a === "csv" && parts.length === 2) return { kind: "unansweredCsv" };
  if (kind === "ig" && DRAFT_KEY.test(a ?? "")) {
    if (b === "p" && parts.length === 3) return { kind: "publish", draft: a! };
    if (b === "f" && parts.length === 3) return { kind: "publishAnyway", draft: a! };
    if (b === "c" && parts.length === 3) return { kind: "cancel", draft: a! };
    if (b === "d" && parts.length === 4 && CARD_NUMBER.test(c ?? "")) return { kind: "drop", draft: a!, card: Number(c) };
  }
  return undefined;
}
