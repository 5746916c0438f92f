/**
 * Telegram's rules for what a bot sends: message text and caption (HTML parsing, trimming,
 * length limits), reply markup and inline buttons, inline query results, and replies (the
 * replied message, quotes, forum topics).
 */
import type { MessageEntity } from "grammy/types";
import type { CallLog } from "./call-log.js";
import { BotApiError } from "./errors.js";
import { isRecord, toInt, utf8Length } from "./helpers.js";
import type { ChatLike, ChatState, MessageLike } from "./state.js";
import { CAPTION_LIMIT, MESSAGE_TEXT_LIMIT } from "./types.js";
import type { Params } from "./types.js";
import { checkTelegramHtml } from "../telegram-html.js";

const BUTTON_ACTIONS = [
  "callback_data",
  "url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "web_app",
  "login_url",
  "copy_text",
  "callback_game",
  "pay",
  "disabled",
] as const;

const INLINE_RESULT_TYPES = new Set([
  "article",
  "photo",
  "gif",
  "mpeg4_gif",
  "video",
  "audio",
  "voice",
  "document",
  "location",
  "venue",
  "contact",
  "game",
  "sticker",
]);

/** Trims what Telegram trims around a message text: ASCII whitespace. Adjusts entities. */
function trimText(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  const start = text.length - text.replace(/^[ \t\n\r\v\f]+/, "").length;
  const trimmed = text.slice(start).replace(/[ \t\n\r\v\f]+$/, "");
  const end = start + trimmed.length;
  const adjusted: MessageEntity[] = [];
  for (const e of entities) {
    const from = Math.max(e.offset, start);
    const to = Math.min(e.offset + e.length, end);
    if (to > from) adjusted.push({ ...e, offset: from - start, length: to - from });
  }
  return { text: trimmed, entities: adjusted };
}

/**
 * Validates a message text or caption as Telegram does and returns what the
 * message will contain: the visible text (tags removed, entities decoded,
 * surrounding whitespace trimmed) and its entities.
 */
export function formatText(
  raw: unknown,
  parseMode: unknown,
  rawEntities: unknown,
  kind: "text" | "caption" | "inline",
): { text: string; entities: MessageEntity[] } {
  const empty =
    kind === "text" ? "Bad Request: message text is empty" : kind === "inline" ? "Bad Request: MESSAGE_EMPTY" : "";
  if (raw === undefined || raw === null || raw === "") {
    if (kind === "caption") return { text: "", entities: [] };
    throw new BotApiError(400, empty);
  }
  if (typeof raw === "number" || typeof raw === "boolean") raw = String(raw);
  if (typeof raw !== "string") {
    throw new BotApiError(400, `Bad Request: field "${kind === "caption" ? "caption" : "text"}" must be of type String`);
  }
  let text = raw;
  let entities: MessageEntity[] = [];
  const mode = typeof parseMode === "string" ? parseMode.toLowerCase() : "";
  if (parseMode !== undefined && parseMode !== null && typeof parseMode !== "string") {
    throw new BotApiError(400, "Bad Request: unsupported parse_mode");
  }
  if (mode === "html") {
    const parsed = checkTelegramHtml(raw);
    if (!parsed.ok) throw new BotApiError(400, `Bad Request: can't parse entities: ${parsed.error}`);
    text = parsed.text;
    entities = parsed.entities as unknown as MessageEntity[];
  } else if (mode === "markdownv2" || mode === "markdown") {
    // not parsed: the raw text is counted and returned as is
  } else if (mode !== "") {
    throw new BotApiError(400, "Bad Request: unsupported parse_mode");
  } else if (rawEntities !== undefined) {
    if (!Array.isArray(rawEntities)) throw new BotApiError(400, "Bad Request: can't parse entities JSON object");
    entities = rawEntities as MessageEntity[];
  }
  const trimmed = trimText(text, entities);
  if (trimmed.text.length === 0) {
    if (kind === "caption") return { text: "", entities: [] };
    throw new BotApiError(400, empty);
  }
  const limit = kind === "caption" ? CAPTION_LIMIT : MESSAGE_TEXT_LIMIT;
  if (trimmed.text.length > limit) {
    throw new BotApiError(
      400,
      kind === "caption"
        ? "Bad Request: message caption is too long"
        : kind === "inline"
          ? "Bad Request: MESSAGE_TOO_LONG"
          : "Bad Request: message is too long",
    );
  }
  return trimmed;
}

/** Validates reply_markup; returns the inline keyboard to attach to the message (other markups are not shown on it). */
export function validateReplyMarkup(markup: unknown, inlineOnly = false): { inline_keyboard: unknown[][] } | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (!isRecord(markup)) throw new BotApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in markup) {
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw new BotApiError(
        400,
        'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
      );
    }
    for (const row of rows as unknown[][]) for (const button of row) validateInlineButton(button);
    return { inline_keyboard: rows as unknown[][] };
  }
  if (inlineOnly) throw new BotApiError(400, "Bad Request: can't parse inline keyboard markup JSON object");
  if ("keyboard" in markup) {
    const rows = markup.keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw new BotApiError(400, 'Bad Request: field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    }
    return undefined;
  }
  if (markup.remove_keyboard === true || markup.force_reply === true) return undefined;
  throw new BotApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
}

/** reply_parameters / reply_to_message_id and message_thread_id rules. */
export function resolveReply(
  state: ChatState,
  log: CallLog,
  method: string,
  chat: ChatLike,
  params: Params,
): { replyTo?: MessageLike; threadId?: number } {
  let rp: Record<string, unknown> | undefined;
  if (params.reply_parameters !== undefined && params.reply_parameters !== null) {
    if (!isRecord(params.reply_parameters)) {
      throw new BotApiError(400, "Bad Request: can't parse reply parameters JSON object");
    }
    rp = params.reply_parameters;
  } else if (params.reply_to_message_id !== undefined) {
    rp = {
      message_id: params.reply_to_message_id,
      allow_sending_without_reply: params.allow_sending_without_reply,
    };
  }
  let threadId = toInt(params.message_thread_id);
  let replyTo: MessageLike | undefined;
  if (rp) {
    const target = rp.chat_id !== undefined ? state.resolveChat(rp.chat_id) : chat;
    const id = toInt(rp.message_id);
    replyTo = id === undefined ? undefined : state.lookup(target.id, id);
    if (!replyTo && rp.allow_sending_without_reply !== true) {
      throw new BotApiError(400, "Bad Request: message to be replied not found");
    }
    if (replyTo && typeof rp.quote === "string") {
      const source = replyTo.text ?? replyTo.caption ?? "";
      if (!source.includes(rp.quote)) throw new BotApiError(400, "Bad Request: QUOTE_TEXT_INVALID");
    }
  }
  if (replyTo && replyTo.chat.id === chat.id && state.forumChats.has(chat.id) && replyTo.message_thread_id !== undefined) {
    if (threadId !== replyTo.message_thread_id) {
      log.addViolation(
        method,
        threadId === undefined
          ? `reply to message ${replyTo.message_id} in topic ${replyTo.message_thread_id} of forum chat ${chat.id} lacks message_thread_id ${replyTo.message_thread_id}`
          : `reply to message ${replyTo.message_id} in topic ${replyTo.message_thread_id} of forum chat ${chat.id} has message_thread_id ${threadId}`,
        params,
      );
    }
    // Telegram posts a reply in the replied message's topic
    threadId ??= replyTo.message_thread_id;
  }
  return { ...(replyTo ? { replyTo } : {}), ...(threadId !== undefined ? { threadId } : {}) };
}

function validateInlineButton(button: unknown): void {
  const cantParse = (detail: string): BotApiError =>
    new BotApiError(400, `Bad Request: can't parse inline keyboard button: ${detail}`);
  if (!isRecord(button)) throw cantParse("InlineKeyboardButton must be an Object");
  if (typeof button.text !== "string") throw cantParse('Field "text" must be of type String');
  if (button.text.trim().length === 0) throw new BotApiError(400, "Bad Request: BUTTON_TEXT_INVALID");
  const actions = BUTTON_ACTIONS.filter((key) => button[key] !== undefined);
  if (actions.length === 0) throw cantParse("Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) throw new BotApiError(400, "Bad Request: BUTTON_DATA_INVALID");
  const data = button.callback_data;
  if (data !== undefined && (typeof data !== "string" || utf8Length(data) < 1 || utf8Length(data) > 64)) {
    throw new BotApiError(400, "Bad Request: BUTTON_DATA_INVALID");
  }
  if (button.url !== undefined) {
    let ok = false;
    if (typeof button.url === "string") {
      try {
        ok = ["http:", "https:", "tg:"].includes(new URL(button.url).protocol);
      } catch {
        ok = false;
      }
    }
    if (!ok) throw new BotApiError(400, "Bad Request: BUTTON_URL_INVALID");
  }
  for (const key of ["switch_inline_query", "switch_inline_query_current_chat"] as const) {
    if (button[key] !== undefined && typeof button[key] !== "string") {
      throw cantParse(`Field "${key}" must be of type String`);
    }
  }
  if (button.switch_inline_query_chosen_chat !== undefined && !isRecord(button.switch_inline_query_chosen_chat)) {
    throw cantParse('Field "switch_inline_query_chosen_chat" must be of type Object');
  }
}

export function validateInlineResult(result: unknown, ids: Set<string>): void {
  const parseError = (detail: string): BotApiError =>
    new BotApiError(400, `Bad Request: can't parse inline query result: ${detail}`);
  if (!isRecord(result)) throw parseError("expected an Object");
  if (typeof result.type !== "string" || !INLINE_RESULT_TYPES.has(result.type)) {
    throw parseError(`Unsupported inline query result type "${String(result.type)}"`);
  }
  if (typeof result.id !== "string" || result.id.length === 0 || utf8Length(result.id) > 64) {
    throw new BotApiError(400, "Bad Request: RESULT_ID_INVALID");
  }
  if (ids.has(result.id)) throw new BotApiError(400, "Bad Request: RESULT_ID_DUPLICATE");
  ids.add(result.id);
  if (result.type === "article") {
    if (typeof result.title !== "string" || result.title.length === 0) {
      throw parseError('Field "title" must be of type String');
    }
    if (!isRecord(result.input_message_content)) {
      throw parseError('Field "input_message_content" must be of type Object');
    }
  }
  const content = result.input_message_content;
  if (isRecord(content) && ("message_text" in content || result.type === "article")) {
    if (typeof content.message_text !== "string") {
      throw parseError('Field "message_text" must be of type String');
    }
    formatText(content.message_text, content.parse_mode, content.entities, "inline");
  }
  if (result.reply_markup !== undefined) validateReplyMarkup(result.reply_markup, true);
}
