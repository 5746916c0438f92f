/**
 * The Bot API methods the stand-in implements, each with Telegram's parameter rules and error
 * wordings: messages (send, edit, delete, documents), callback and inline answers, chat actions,
 * commands, webhook settings, getMe/getChat/getFile. getUpdates is registered here by name and
 * served by the update queue.
 */
import type { UserFromGetMe } from "grammy/types";
import type { CallLog } from "./call-log.js";
import { BotApiError, NOT_MODIFIED, QUERY_TOO_OLD } from "./errors.js";
import { isRecord, nowSeconds, omit, sameJson, toInt, utf8Length } from "./helpers.js";
import type { MethodRegistry } from "./registry.js";
import type { ChatState, MessageLike } from "./state.js";
import type { MethodHandler, Params, StoredFile, Upload } from "./types.js";
import type { UpdateQueue } from "./update-queue.js";
import { formatText, resolveReply, validateInlineResult, validateReplyMarkup } from "./validation.js";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/**
 * The handler registered for getUpdates: the HTTP front recognizes it and hands the call to the
 * update queue instead (a long poll answers later, not by returning). A test may still replace it
 * with handle("getUpdates", ...).
 */
export const GET_UPDATES: MethodHandler = () => {
  throw new Error("getUpdates is served by the long-poll machinery");
};

export interface MethodContext {
  botInfo: UserFromGetMe;
  state: ChatState;
  queue: UpdateQueue;
  log: CallLog;
}

export function installBuiltInMethods(registry: MethodRegistry, { botInfo, state, queue, log }: MethodContext): void {
  const def = (name: string, fn: MethodHandler): void => registry.set(name, fn);

  def("getUpdates", GET_UPDATES);
  def("getMe", () => botInfo);
  def("logOut", () => true);
  def("close", () => true);

  def("sendMessage", (p) => {
    const chat = state.resolveChat(p.chat_id);
    const { text, entities } = formatText(p.text, p.parse_mode, p.entities, "text");
    const markup = validateReplyMarkup(p.reply_markup);
    const reply = resolveReply(state, log, "sendMessage", chat, p);
    return state.botMessage(chat, { text, ...(entities.length ? { entities } : {}) }, reply, markup, p);
  });

  def("editMessageText", (p) => {
    const { text, entities } = formatText(p.text, p.parse_mode, p.entities, "text");
    const markup = validateReplyMarkup(p.reply_markup, true);
    if (p.inline_message_id !== undefined) return true;
    const stored = editableMessage(state, botInfo, p);
    if (stored.text === undefined) throw new BotApiError(400, "Bad Request: there is no text in the message to edit");
    if (stored.text === text && sameJson(stored.entities ?? [], entities) && sameJson(stored.reply_markup, markup)) {
      throw new BotApiError(400, NOT_MODIFIED);
    }
    const edited: MessageLike = {
      ...omit(stored, "entities", "reply_markup"),
      text,
      ...(entities.length ? { entities } : {}),
      ...(markup ? { reply_markup: markup } : {}),
      edit_date: nowSeconds(),
    };
    state.store(edited);
    return edited;
  });

  def("editMessageReplyMarkup", (p) => {
    const markup = validateReplyMarkup(p.reply_markup, true);
    if (p.inline_message_id !== undefined) return true;
    const stored = editableMessage(state, botInfo, p);
    if (sameJson(stored.reply_markup, markup)) throw new BotApiError(400, NOT_MODIFIED);
    const edited: MessageLike = { ...omit(stored, "reply_markup"), ...(markup ? { reply_markup: markup } : {}), edit_date: nowSeconds() };
    state.store(edited);
    return edited;
  });

  def("deleteMessage", (p) => {
    const chat = state.resolveChat(p.chat_id);
    const id = requireMessageId(p.message_id, "Bad Request: message identifier is not specified");
    if (!state.deleteMessage(chat.id, id)) {
      throw new BotApiError(400, "Bad Request: message to delete not found");
    }
    return true;
  });

  def("answerCallbackQuery", (p) => {
    const query = state.callbackQueries.get(String(p.callback_query_id ?? ""));
    if (!query || query.answered) throw new BotApiError(400, QUERY_TOO_OLD);
    if (p.text !== undefined && (typeof p.text !== "string" || p.text.length > 200)) {
      throw new BotApiError(400, "Bad Request: MESSAGE_TOO_LONG");
    }
    query.answered = true;
    return true;
  });

  def("answerInlineQuery", (p) => {
    const query = state.inlineQueries.get(String(p.inline_query_id ?? ""));
    if (!query || query.answered) throw new BotApiError(400, QUERY_TOO_OLD);
    const results = p.results;
    if (!Array.isArray(results)) throw new BotApiError(400, "Bad Request: can't parse inline query results JSON object");
    if (results.length > 50) throw new BotApiError(400, "Bad Request: RESULTS_TOO_MUCH");
    const ids = new Set<string>();
    for (const result of results) validateInlineResult(result, ids);
    if (p.next_offset !== undefined) {
      if (typeof p.next_offset !== "string" || utf8Length(p.next_offset) > 64) {
        throw new BotApiError(400, "Bad Request: NEXT_OFFSET_INVALID");
      }
    }
    query.answered = true;
    return true;
  });

  def("sendChatAction", (p) => {
    state.resolveChat(p.chat_id);
    if (typeof p.action !== "string" || !CHAT_ACTIONS.has(p.action)) {
      throw new BotApiError(400, "Bad Request: wrong parameter action in request");
    }
    return true;
  });

  // setMyCommands lists, by scope and language
  const commands = new Map<string, unknown[]>();
  const commandsKey = (p: Params): string =>
    `${JSON.stringify(isRecord(p.scope) ? p.scope : { type: "default" })}|${typeof p.language_code === "string" ? p.language_code : ""}`;
  def("setMyCommands", (p) => {
    if (!Array.isArray(p.commands)) throw new BotApiError(400, "Bad Request: can't parse commands JSON object");
    if (p.commands.length > 100) throw new BotApiError(400, "Bad Request: too many commands specified");
    for (const c of p.commands) {
      if (!isRecord(c) || typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
        throw new BotApiError(400, "Bad Request: BOT_COMMAND_INVALID");
      }
      if (typeof c.description !== "string" || c.description.trim().length === 0 || c.description.length > 256) {
        throw new BotApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    commands.set(commandsKey(p), p.commands);
    return true;
  });
  def("getMyCommands", (p) => commands.get(commandsKey(p)) ?? []);
  def("deleteMyCommands", (p) => {
    commands.delete(commandsKey(p));
    return true;
  });

  def("setWebhook", (p) => {
    const url = typeof p.url === "string" ? p.url : "";
    if (url !== "" && !/^https:\/\//i.test(url)) {
      throw new BotApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
    }
    queue.setWebhook(url, p.drop_pending_updates === true);
    return true;
  });
  def("deleteWebhook", (p) => {
    queue.deleteWebhook(p.drop_pending_updates === true);
    return true;
  });
  def("getWebhookInfo", () => queue.webhookInfo());

  def("getChat", (p) => ({ ...state.resolveChat(p.chat_id), accent_color_id: 0, max_reaction_count: 11 }));

  def("sendDocument", (p, { uploads }) => {
    const chat = state.resolveChat(p.chat_id);
    const file = documentFrom(state, p.document, uploads);
    const { text, entities } = formatText(p.caption, p.parse_mode, p.caption_entities, "caption");
    const markup = validateReplyMarkup(p.reply_markup);
    const reply = resolveReply(state, log, "sendDocument", chat, p);
    const document = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      ...(file.file_name ? { file_name: file.file_name } : {}),
      mime_type: file.mime_type ?? "application/octet-stream",
      file_size: file.content.length,
    };
    const content: Record<string, unknown> = { document };
    if (text) content.caption = text;
    if (entities.length) content.caption_entities = entities;
    return state.botMessage(chat, content, reply, markup, p);
  });

  def("getFile", (p) => {
    const file = typeof p.file_id === "string" ? state.fileById(p.file_id) : undefined;
    if (!file) throw new BotApiError(400, "Bad Request: invalid file_id");
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.content.length,
      file_path: file.file_path,
    };
  });
}

function editableMessage(state: ChatState, botInfo: UserFromGetMe, p: Params): MessageLike {
  const chat = state.resolveChat(p.chat_id);
  const id = requireMessageId(p.message_id, "Bad Request: message identifier is not specified");
  const stored = state.lookup(chat.id, id);
  if (!stored) throw new BotApiError(400, "Bad Request: message to edit not found");
  if (stored.from?.id !== botInfo.id) throw new BotApiError(400, "Bad Request: message can't be edited");
  return stored;
}

function documentFrom(state: ChatState, value: unknown, files: ReadonlyMap<string, Upload>): StoredFile {
  let upload = files.get("document");
  if (typeof value === "string" && value.startsWith("attach://")) {
    upload = files.get(value.slice("attach://".length));
    if (!upload) throw new BotApiError(400, "Bad Request: wrong remote file identifier specified: can't find attached file");
  }
  if (upload) {
    const n = state.nextFileNumber;
    return state.putFile(`BQACAgIAAxkBAAIB${n.toString(36).padStart(6, "0")}StandIn`, upload.data, {
      fileName: upload.filename,
      mimeType: upload.mimeType,
    });
  }
  if (typeof value === "string" && value !== "") {
    const known = state.fileById(value);
    if (known) return known;
    if (/^https?:\/\//i.test(value)) {
      const n = state.nextFileNumber;
      return state.putFile(`BQACAgIAAxkBAAIB${n.toString(36).padStart(6, "0")}StandIn`, "", {
        fileName: value.split("/").pop() || "file",
      });
    }
    throw new BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
  }
  throw new BotApiError(400, "Bad Request: there is no document in the request");
}


function requireMessageId(value: unknown, missing: string): number {
  const id = toInt(value);
  if (id === undefined || id <= 0) throw new BotApiError(400, missing);
  return id;
}
