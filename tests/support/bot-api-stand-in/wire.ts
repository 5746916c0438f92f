/**
 * The wire format: decoding a request (query string + JSON, urlencoded or multipart body) the way
 * Telegram does, and writing a JSON answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { BotApiError } from "./errors.js";
import { isRecord, toNumber } from "./helpers.js";
import type { ApiResponseBody, Params, Upload } from "./types.js";

export interface ParsedRequest {
  params: Params;
  files: Map<string, Upload>;
}

/** Parameters Telegram takes JSON-serialized when they arrive as strings (form data, query strings). */
const JSON_PARAMS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "reply_parameters",
  "link_preview_options",
  "results",
  "allowed_updates",
  "commands",
  "scope",
  "button",
  "media",
  "menu_button",
  "reaction",
  "quote_entities",
  "message_ids",
  "input_message_content",
  "rights",
  "permissions",
]);

const INT_PARAMS = new Set([
  "chat_id",
  "from_chat_id",
  "message_id",
  "message_thread_id",
  "reply_to_message_id",
  "offset",
  "limit",
  "timeout",
  "cache_time",
  "user_id",
  "max_connections",
  "duration",
  "width",
  "height",
]);

const BOOL_PARAMS = new Set([
  "disable_notification",
  "protect_content",
  "allow_paid_broadcast",
  "show_alert",
  "is_personal",
  "drop_pending_updates",
  "allow_sending_without_reply",
  "disable_web_page_preview",
  "disable_content_type_detection",
  "has_spoiler",
  "show_caption_above_media",
]);

export function writeJson(res: ServerResponse, status: number, body: ApiResponseBody): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Telegram decodes every string parameter as UTF-8 before it looks at the method, and half a
 * surrogate pair (which JSON.stringify writes as a \ud83d escape) is not UTF-8: the whole request is
 * refused, whichever field holds it — text, caption, inline result title or description, callback
 * answer text.
 */
export function refuseLoneSurrogates(value: unknown): void {
  if (typeof value === "string") {
    // With the u flag a well-formed pair is one code point; only a lone half is in Cs.
    if (/\p{Cs}/u.test(value)) throw new BotApiError(400, "Bad Request: strings must be encoded in UTF-8");
  } else if (Array.isArray(value)) {
    for (const item of value) refuseLoneSurrogates(item);
  } else if (isRecord(value)) {
    for (const item of Object.values(value)) refuseLoneSurrogates(item);
  }
}

function coerce(key: string, value: string): unknown {
  if (JSON_PARAMS.has(key)) {
    const t = value.trim();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        return JSON.parse(t);
      } catch {
        return value;
      }
    }
    return value;
  }
  if (INT_PARAMS.has(key) && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  if (key === "timeout" && toNumber(value) !== undefined) return Number(value);
  if (BOOL_PARAMS.has(key) && (value === "true" || value === "false")) return value === "true";
  return value;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > 60 * 1024 * 1024) throw new BotApiError(400, "Bad Request: request is too big");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Query string + body (JSON, urlencoded or multipart), with string values decoded like Telegram does. */
export async function readRequest(req: IncomingMessage, url: URL): Promise<ParsedRequest> {
  const params: Params = {};
  const files: ParsedRequest["files"] = new Map();
  for (const [k, v] of url.searchParams) params[k] = coerce(k, v);
  const body = await readBody(req);
  if (body.length === 0) return { params, files };
  const contentType = (req.headers["content-type"] ?? "").toLowerCase();
  if (contentType.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw new BotApiError(400, "Bad Request: can't parse JSON object");
    }
    if (!isRecord(parsed)) throw new BotApiError(400, "Bad Request: JSON object expected");
    for (const [k, v] of Object.entries(parsed)) params[k] = typeof v === "string" ? coerce(k, v) : v;
  } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = coerce(k, v);
  } else if (contentType.startsWith("multipart/form-data")) {
    for (const part of parseMultipart(body, req.headers["content-type"] ?? "")) {
      if (part.filename === undefined) params[part.name] = coerce(part.name, part.data.toString("utf8"));
      else files.set(part.name, { filename: part.filename, mimeType: part.mimeType, data: part.data });
    }
  }
  return { params, files };
}

/**
 * A lenient multipart/form-data parser (grammY writes headers without spaces
 * and filenames without quotes, which undici's FormData parser refuses).
 */
function parseMultipart(
  body: Buffer,
  contentType: string,
): Array<{ name: string; filename?: string; mimeType: string; data: Buffer }> {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  const malformed = (): BotApiError => new BotApiError(400, "Bad Request: can't parse multipart/form-data request");
  if (!boundary) throw malformed();
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Array<{ name: string; filename?: string; mimeType: string; data: Buffer }> = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw malformed();
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === "--") break; // closing delimiter
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw malformed();
    let part = body.subarray(pos, next);
    if (part.subarray(0, 2).toString() === "\r\n") part = part.subarray(2);
    if (part.subarray(part.length - 2).toString() === "\r\n") part = part.subarray(0, part.length - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) throw malformed();
    const headers = new Map<string, string>();
    for (const line of part.subarray(0, headerEnd).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get("content-disposition") ?? "";
    const attributes = new Map<string, string>();
    for (const a of disposition.matchAll(/;\s*([A-Za-z*]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
      attributes.set((a[1] as string).toLowerCase(), (a[2] ?? a[3] ?? "").trim());
    }
    const name = attributes.get("name");
    if (name === undefined) throw malformed();
    const filename = attributes.get("filename");
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      mimeType: headers.get("content-type") ?? (filename !== undefined ? "application/octet-stream" : "text/plain"),
      data: Buffer.from(part.subarray(headerEnd + 4)),
    });
    pos = next;
  }
  return parts;
}
