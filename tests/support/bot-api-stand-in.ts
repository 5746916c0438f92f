/**
 * A stand-in for the Telegram Bot API, served over real HTTP on 127.0.0.1
 * (ephemeral port) so a grammY bot can be tested end to end with
 * `new Bot(token, { client: { apiRoot } })`.
 *
 *   const api = new BotApiStandIn();
 *   const { apiRoot } = await api.start();
 *   api.pushUpdate(api.privateText(42, "/start"));
 *   const call = await api.waitForCall("sendMessage");
 *   expect(api.violations).toEqual([]);
 *   await api.close();
 *
 * It imitates the parts of Telegram a bot depends on: getUpdates long polling
 * with offset confirmation, realistic Message objects, Telegram's error
 * responses and wording for the parameter rules that matter, and injectable
 * faults. Every call is recorded in `calls`; every refused or questionable
 * call also lands in `violations`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";
import { checkTelegramHtml } from "./telegram-html.js";

// ───────────────────────────── public types ─────────────────────────────

export type Params = Record<string, unknown>;

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export type ApiResponseBody =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export interface RecordedCall {
  /** Canonical method name ("sendMessage" even if called as "sendmessage"). */
  method: string;
  /** Parameters from the query string and the body, with JSON-serialized and numeric fields decoded. */
  params: Params;
  /** Arrival time, ms since epoch. */
  at: number;
  /** HTTP status of the answer; undefined while pending and when no answer was given. */
  status?: number;
  /**
   * The JSON answer; `{ dropped: true }` when a "drop" fault cut the connection,
   * `{ aborted: true }` when the client went away first; undefined while pending.
   */
  response?: ApiResponseBody | { dropped: true } | { aborted: true };
  /** Uploaded files of a multipart call, by form field name. */
  uploads?: Record<string, { filename: string; mimeType: string; size: number }>;
}

export interface Violation {
  method: string;
  description: string;
  params: Params;
  at: number;
}

export type Fault =
  | { kind: "429"; retryAfter: number }
  | { kind: "400"; description: string }
  | { kind: "403"; description?: string }
  | { kind: "409"; description?: string }
  | { kind: "500"; description?: string }
  | { kind: "drop" }
  | { kind: "delay"; ms: number };

export type GetUpdatesConflictMode =
  /** Telegram's behaviour: a new getUpdates ends the pending one with 409. */
  | "terminate-previous"
  /** A getUpdates arriving while another one is pending is itself answered 409. */
  | "reject-new"
  /** Concurrent getUpdates are allowed. */
  | "off";

export interface BotApiStandInOptions {
  /** The only token accepted; other tokens get 401. The bot id is the number before ":". */
  token?: string;
  /** Overrides for the getMe answer. */
  bot?: Partial<UserFromGetMe>;
  /** Default "terminate-previous" (what Telegram does). */
  getUpdatesConflict?: GetUpdatesConflictMode;
  /**
   * What to do with a numeric chat_id never seen in an update: "create" (default)
   * invents a private chat (id > 0) or a supergroup (id < 0); "reject" answers
   * 400 "Bad Request: chat not found" as Telegram does.
   */
  unknownChats?: "create" | "reject";
  /** language_code of users made up by the update builders; default "ru". */
  languageCode?: string;
  /** update_id of the first pushed update; default 100000001. */
  firstUpdateId?: number;
  /** Cap on getUpdates `timeout` (seconds); default 50 like Telegram. Fractional values are accepted. */
  maxLongPollSeconds?: number;
}

/** Something that identifies a message: any Message, or just its chat and id. */
export interface MessageRef {
  message_id: number;
  chat: { id: number };
}

export type UpdateDraft = Omit<Update, "update_id"> & { update_id?: number };

export interface MessageExtra {
  /** Overrides for the sender. */
  from?: Partial<User>;
  /** Message (or message_id in the same chat) this message replies to. */
  replyTo?: MessageRef | number;
  /** Entities to use instead of the computed bot_command/mention ones. */
  entities?: MessageEntity[];
  date?: number;
  /** Any further Message fields, merged as they are. */
  fields?: Record<string, unknown>;
}

export interface GroupTextOptions extends MessageExtra {
  threadId?: number;
  isForum?: boolean;
  title?: string;
  type?: "group" | "supergroup";
}

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_name?: string;
  mime_type?: string;
  content: Buffer;
}

export interface Upload {
  filename: string;
  mimeType: string;
  data: Buffer;
}

export interface HandlerContext {
  call: RecordedCall;
  /** Files of a multipart call, by form field name. */
  uploads: ReadonlyMap<string, Upload>;
}

export type MethodHandler = (params: Params, context: HandlerContext) => unknown;

/** Throw from a `handle()` implementation to answer with a Telegram error. */
export class BotApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "BotApiError";
  }
}

export const DEFAULT_TOKEN = "7000000001:AAHstand-in-token-for-tests-only-x";
export const MESSAGE_TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

const CONFLICT_OTHER_POLL =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a content and reply markup of the current message";

/** Update types Telegram leaves out unless listed in allowed_updates. */
const OPT_IN_UPDATE_TYPES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

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

// ───────────────────────────── small helpers ─────────────────────────────

interface ChatLike {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  is_forum?: true;
}

interface MessageLike {
  message_id: number;
  date: number;
  chat: ChatLike;
  from?: User;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  reply_markup?: unknown;
  message_thread_id?: number;
  is_topic_message?: boolean;
  reply_to_message?: MessageLike;
  edit_date?: number;
  [key: string]: unknown;
}

interface Poller {
  call: RecordedCall;
  res: ServerResponse;
  limit: number;
  timer?: NodeJS.Timeout;
}

interface FaultRule {
  matches: (method: string, params: Params) => boolean;
  fault: Fault;
  remaining: number;
}

interface ParsedRequest {
  params: Params;
  files: Map<string, Upload>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const utf8Length = (s: string): number => Buffer.byteLength(s, "utf8");

function toInt(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

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

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function describeCall(call: RecordedCall, index: number): string {
  let params = JSON.stringify(call.params);
  if (params.length > 160) params = `${params.slice(0, 157)}...`;
  let outcome: string;
  const r = call.response;
  if (r === undefined) outcome = "pending";
  else if ("dropped" in r) outcome = "dropped by fault";
  else if ("aborted" in r) outcome = "aborted by client";
  else if (r.ok) outcome = `${call.status ?? 200} ok`;
  else outcome = `${r.error_code} ${r.description}`;
  return `  ${index + 1}. ${call.method} ${params} → ${outcome}`;
}

// ───────────────────────────── the stand-in ─────────────────────────────

export class BotApiStandIn {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every API call, in order of arrival. */
  readonly calls: RecordedCall[] = [];
  /** Calls refused for breaking a Telegram rule, plus rule breaks Telegram tolerates (e.g. forum replies without message_thread_id). */
  readonly violations: Violation[] = [];
  /** Chats that are forums; replies there must carry the replied message's message_thread_id. */
  readonly forumChats = new Set<number>();
  /** file_path of every file download served. */
  readonly downloads: string[] = [];

  private readonly options: Required<Omit<BotApiStandInOptions, "bot" | "token">>;
  private server: Server | undefined;
  private port: number | undefined;
  private closing: Promise<void> | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private updates: Update[] = [];
  private nextUpdateId: number;
  private readonly pollers = new Set<Poller>();
  private allowedUpdates: string[] | undefined;
  private webhookUrl = "";

  private readonly chats = new Map<number, ChatLike>();
  private readonly users = new Map<number, User>();
  private readonly messages = new Map<number, Map<number, MessageLike>>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly inlineQueries = new Map<string, { answered: boolean }>();
  private readonly files = new Map<string, StoredFile>();
  private readonly commands = new Map<string, unknown[]>();
  private nextQueryId = 1;
  private nextFileNumber = 1;

  private faults: FaultRule[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly handlers = new Map<string, { name: string; fn: MethodHandler }>();

  constructor(options: BotApiStandInOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN;
    const idFromToken = Number(this.token.split(":")[0]);
    this.botInfo = {
      id: Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 7000000001,
      is_bot: true,
      first_name: "Partners Test Bot",
      username: "PartnersTestBot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...options.bot,
    };
    this.options = {
      getUpdatesConflict: options.getUpdatesConflict ?? "terminate-previous",
      unknownChats: options.unknownChats ?? "create",
      languageCode: options.languageCode ?? "ru",
      firstUpdateId: options.firstUpdateId ?? 100000001,
      maxLongPollSeconds: options.maxLongPollSeconds ?? 50,
    };
    this.nextUpdateId = this.options.firstUpdateId;
    this.installBuiltInMethods();
  }

  // ───────────── lifecycle ─────────────

  /** Starts listening on 127.0.0.1:0. Calling it again returns the same address. */
  async start(): Promise<{ apiRoot: string; close: () => Promise<void> }> {
    if (this.closing) throw new Error("BotApiStandIn: cannot start after close()");
    if (!this.server) {
      const server = createServer((req, res) => {
        void this.onRequest(req, res);
      });
      server.on("connection", (socket) => {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
      });
      server.on("clientError", (_err, socket) => socket.destroy());
      this.server = server;
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
          server.off("error", reject);
          resolve();
        });
      });
      this.port = (server.address() as AddressInfo).port;
    }
    return { apiRoot: this.apiRoot, close: () => this.close() };
  }

  /** "http://127.0.0.1:PORT"; throws before start(). */
  get apiRoot(): string {
    if (this.port === undefined) throw new Error("BotApiStandIn: not started");
    return `http://127.0.0.1:${this.port}`;
  }

  /** Answers pending long polls with [], cancels delayed answers, ends every socket. Idempotent. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const server = this.server;
    this.closing = (async () => {
      for (const poller of [...this.pollers]) this.finishPoll(poller, 200, { ok: true, result: [] });
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      if (!server) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // let the answers above reach the wire, then cut everything
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const socket of this.sockets) socket.destroy();
      server.closeAllConnections();
      await closed;
    })();
    return this.closing;
  }

  // ───────────── test API: updates ─────────────

  /**
   * Queues an update for getUpdates; assigns update_id when absent. Returns the
   * update. Like Telegram, an update whose type is not allowed by the last
   * allowed_updates (by default: chat_member, message_reaction,
   * message_reaction_count are left out) is not queued at all.
   */
  pushUpdate(draft: UpdateDraft): Update {
    const update_id = draft.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, update_id + 1);
    const update = { ...draft, update_id } as Update;
    this.absorb(update);
    // Telegram does not even queue updates of a type left out of the last allowed_updates
    if (!this.isAllowed(update)) return update;
    const index = this.updates.findIndex((u) => u.update_id > update_id);
    if (index < 0) this.updates.push(update);
    else this.updates.splice(index, 0, update);
    setImmediate(() => this.wakePollers());
    return update;
  }

  /** Updates not yet confirmed by an offset. */
  pendingUpdates(): readonly Update[] {
    return [...this.updates];
  }

  /** Sets the profile used for a user in built updates (name, username, language_code…). */
  setUser(userId: number, fields: Partial<User>): User {
    const user = { ...this.userFor(userId), ...fields, id: userId };
    this.users.set(userId, user);
    return user;
  }

  /** A text message from a user in the private chat with the bot. */
  privateText(userId: number, text: string, extra: MessageExtra = {}): UpdateDraft {
    const from = this.userFor(userId, extra.from);
    const chat: ChatLike = {
      id: userId,
      type: "private",
      first_name: from.first_name,
      ...(from.last_name ? { last_name: from.last_name } : {}),
      ...(from.username ? { username: from.username } : {}),
    };
    return { message: this.userMessage(chat, from, text, extra) as unknown as Update["message"] };
  }

  /** A text message from a user in a group or supergroup (forum topics via threadId + isForum). */
  groupText(chatId: number, userId: number, text: string, options: GroupTextOptions = {}): UpdateDraft {
    if (options.isForum) this.forumChats.add(chatId);
    const isForum = this.forumChats.has(chatId);
    const known = this.chats.get(chatId);
    const chat: ChatLike = {
      id: chatId,
      type: options.type ?? (known?.type === "group" ? "group" : "supergroup"),
      title: options.title ?? known?.title ?? `Test group ${Math.abs(chatId)}`,
      ...(isForum ? { is_forum: true as const } : {}),
    };
    const from = this.userFor(userId, options.from);
    return {
      message: this.userMessage(chat, from, text, options, options.threadId) as unknown as Update["message"],
    };
  }

  /** An inline query from a user. */
  inlineQuery(userId: number, query: string, offset = "", chatType = "sender"): UpdateDraft {
    const id = String(4_400_000_000_000_000 + this.nextQueryId++);
    this.inlineQueries.set(id, { answered: false });
    return {
      inline_query: { id, from: this.userFor(userId), query, offset, chat_type: chatType },
    } as unknown as UpdateDraft;
  }

  /** A press on a callback button of `message` (its latest stored version is used when known). */
  callbackQuery(userId: number, data: string, message: MessageRef): UpdateDraft {
    const id = String(5_500_000_000_000_000 + this.nextQueryId++);
    this.callbackQueries.set(id, { answered: false });
    const stored = this.lookup(message.chat.id, message.message_id);
    return {
      callback_query: {
        id,
        from: this.userFor(userId),
        message: (stored ?? message) as unknown as Message,
        chat_instance: String(-(Math.abs(message.chat.id) * 7919 + 1_000_000_007)),
        data,
      },
    } as unknown as UpdateDraft;
  }

  /** The user edited one of their messages. */
  editedMessage(message: MessageRef, newText: string, extra: { entities?: MessageEntity[]; editDate?: number } = {}): UpdateDraft {
    const stored = this.lookup(message.chat.id, message.message_id) ?? (message as unknown as MessageLike);
    const entities = extra.entities ?? commandAndMentionEntities(newText);
    const edited: MessageLike = {
      ...omit(stored, "entities"),
      text: newText,
      ...(entities.length > 0 ? { entities } : {}),
      edit_date: extra.editDate ?? nowSeconds(),
    };
    return { edited_message: edited as unknown as Update["edited_message"] };
  }

  /** A document (previously stored with putFile) sent by a user in private. */
  privateDocument(userId: number, fileId: string, extra: { caption?: string; from?: Partial<User> } = {}): UpdateDraft {
    const file = this.files.get(fileId) ?? this.putFile(fileId, "");
    const draft = this.privateText(userId, "", { from: extra.from });
    const message = draft.message as unknown as MessageLike;
    delete message.text;
    delete message.entities;
    message.document = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: file.file_name ?? file.file_path.split("/").pop(),
      mime_type: file.mime_type ?? "application/octet-stream",
      file_size: file.content.length,
    };
    if (extra.caption !== undefined) message.caption = extra.caption;
    return draft;
  }

  // ───────────── test API: files ─────────────

  /** Makes a file known to getFile and downloadable at {apiRoot}/file/bot{token}/{file_path}. */
  putFile(
    fileId: string,
    content: string | Uint8Array,
    options: { fileName?: string; mimeType?: string; filePath?: string } = {},
  ): StoredFile {
    const n = this.nextFileNumber++;
    const file: StoredFile = {
      file_id: fileId,
      file_unique_id: `AgAD${n.toString(36).padStart(4, "0")}`,
      file_path: options.filePath ?? `documents/file_${n}${options.fileName?.match(/\.[A-Za-z0-9]+$/)?.[0] ?? ""}`,
      content: Buffer.from(content),
      ...(options.fileName ? { file_name: options.fileName } : {}),
      ...(options.mimeType ? { mime_type: options.mimeType } : {}),
    };
    this.files.set(fileId, file);
    return file;
  }

  // ───────────── test API: observation ─────────────

  callsTo(method: string): RecordedCall[] {
    const name = this.canonical(method);
    return this.calls.filter((c) => c.method === name);
  }

  /**
   * Resolves with the first answered call to `method` matching `predicate`
   * (calls already recorded count). Rejects after `timeoutMs` with the list of
   * calls seen so far.
   */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs = 2000,
  ): Promise<RecordedCall> {
    return this.waitFor("waitForCall", method, predicate, timeoutMs, true);
  }

  /**
   * Like waitForCall, but resolves as soon as a matching call has arrived,
   * answered or not (e.g. to know that a long poll is now pending).
   */
  waitForRequest(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs = 2000,
  ): Promise<RecordedCall> {
    return this.waitFor("waitForRequest", method, predicate, timeoutMs, false);
  }

  private waitFor(
    what: string,
    method: string,
    predicate: ((call: RecordedCall) => boolean) | undefined,
    timeoutMs: number,
    answeredOnly: boolean,
  ): Promise<RecordedCall> {
    const name = this.canonical(method);
    const find = (): RecordedCall | undefined =>
      this.calls.find((c) => {
        if (c.method !== name || (answeredOnly && c.response === undefined)) return false;
        try {
          return predicate ? predicate(c) : true;
        } catch {
          return false;
        }
      });
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = find();
        if (!hit) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const seen = this.calls.map(describeCall);
        reject(
          new Error(
            `${what}("${name}"${predicate ? ", predicate" : ""}) timed out after ${timeoutMs} ms. ` +
              (seen.length === 0
                ? "No calls were seen."
                : `Calls seen so far (${seen.length}):\n${seen.join("\n")}`),
          ),
        );
      }, timeoutMs);
      timer.unref();
      this.waiters.add(check);
    });
  }

  /** The stored (latest) version of a message, or undefined. */
  message(chatId: number, messageId: number): Message | undefined {
    return this.lookup(chatId, messageId) as unknown as Message | undefined;
  }

  /** Messages the bot sent that still exist (latest versions), oldest first; optionally in one chat. */
  sentMessages(chatId?: number): Message[] {
    const out: MessageLike[] = [];
    for (const [id, byId] of this.messages) {
      if (chatId !== undefined && id !== chatId) continue;
      for (const m of byId.values()) if (m.from?.id === this.botInfo.id) out.push(m);
    }
    out.sort((a, b) => a.date - b.date || a.message_id - b.message_id);
    return out as unknown as Message[];
  }

  /** Forgets recorded calls, violations, downloads and pending fault rules (chats, messages, files and queued updates stay). */
  reset(): void {
    this.calls.length = 0;
    this.violations.length = 0;
    this.downloads.length = 0;
    this.faults = [];
  }

  // ───────────── test API: faults and custom methods ─────────────

  /** The next `count` calls to `method` get `fault` instead of their normal answer. */
  failNext(method: string, fault: Fault, count = 1): void {
    const name = this.canonical(method);
    this.faults.push({ matches: (m) => m === name, fault, remaining: count });
  }

  /** Calls for which `predicate` holds get `fault` (at most `count` times). Returns a function that removes the rule. */
  failWhen(predicate: (method: string, params: Params) => boolean, fault: Fault, count = Infinity): () => void {
    const rule: FaultRule = { matches: predicate, fault, remaining: count };
    this.faults.push(rule);
    return () => {
      this.faults = this.faults.filter((r) => r !== rule);
    };
  }

  /** Implements (or replaces) a method. The handler's return value is the result; throw BotApiError to fail. */
  handle(method: string, fn: MethodHandler): void {
    this.handlers.set(method.toLowerCase(), { name: method, fn });
  }

  // ───────────── HTTP plumbing ─────────────

  private canonical(method: string): string {
    return this.handlers.get(method.toLowerCase())?.name ?? method;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let call: RecordedCall | undefined;
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (fileMatch) {
        this.serveFile(decodeURIComponent(fileMatch[1] as string), decodeURIComponent(fileMatch[2] as string), res);
        return;
      }
      const apiMatch = /^\/bot([^/]*)\/([^/]*)\/?$/.exec(url.pathname);
      if (!apiMatch) {
        this.writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
        return;
      }
      if (decodeURIComponent(apiMatch[1] as string) !== this.token) {
        req.resume();
        this.writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
        return;
      }
      const method = this.canonical(decodeURIComponent(apiMatch[2] as string));
      let parsed: ParsedRequest;
      try {
        parsed = await readRequest(req, url);
      } catch (error) {
        if (res.destroyed || req.destroyed) return; // the client went away mid-request
        const description = error instanceof BotApiError ? error.description : "Bad Request: can't parse request body";
        call = { method, params: {}, at: Date.now() };
        this.calls.push(call);
        this.answer(call, res, 400, { ok: false, error_code: 400, description });
        return;
      }
      call = { method, params: parsed.params, at: Date.now() };
      if (parsed.files.size > 0) {
        call.uploads = {};
        for (const [field, f] of parsed.files) {
          call.uploads[field] = { filename: f.filename, mimeType: f.mimeType, size: f.data.length };
        }
      }
      this.calls.push(call);
      this.notifyWaiters();
      const thisCall = call;
      res.on("close", () => {
        if (thisCall.response === undefined) {
          thisCall.response = { aborted: true };
          this.notifyWaiters();
        }
      });

      const fault = this.takeFault(method, parsed.params);
      if (fault) {
        if (fault.kind === "delay") {
          const stillOpen = await this.sleep(fault.ms);
          if (!stillOpen) return;
        } else {
          this.applyFault(fault, call, res);
          return;
        }
      }

      const handler = this.handlers.get(method.toLowerCase());
      if (!handler) {
        this.answer(call, res, 404, { ok: false, error_code: 404, description: "Not Found" });
        return;
      }
      if (handler.fn === this.getUpdatesMarker) {
        this.getUpdates(call, res, parsed.params);
        return;
      }
      try {
        refuseLoneSurrogates(parsed.params);
        const result = await handler.fn(parsed.params, { call, uploads: parsed.files });
        this.answer(call, res, 200, { ok: true, result });
      } catch (error) {
        if (error instanceof BotApiError) {
          if (error.code === 400 || error.code === 403) this.addViolation(method, error.description, parsed.params);
          this.answer(call, res, error.code, {
            ok: false,
            error_code: error.code,
            description: error.description,
            ...(error.parameters ? { parameters: error.parameters } : {}),
          });
        } else {
          throw error;
        }
      }
    } catch (error) {
      const description = `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`;
      if (call) this.answer(call, res, 500, { ok: false, error_code: 500, description });
      else this.writeJson(res, 500, { ok: false, error_code: 500, description });
    }
  }

  private readonly getUpdatesMarker: MethodHandler = () => {
    throw new Error("getUpdates is served by the long-poll machinery");
  };

  private writeJson(res: ServerResponse, status: number, body: ApiResponseBody): void {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  }

  private answer(call: RecordedCall, res: ServerResponse, status: number, body: ApiResponseBody): void {
    if (call.response === undefined) {
      call.status = status;
      call.response = body;
    }
    this.writeJson(res, status, body);
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    for (const check of [...this.waiters]) check();
  }

  /** Waits `ms`; resolves false if the stand-in closed meanwhile. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.closing) return resolve(false);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve(!this.closing);
      }, ms);
      this.timers.add(timer);
    });
  }

  private takeFault(method: string, params: Params): Fault | undefined {
    for (const rule of this.faults) {
      if (rule.remaining <= 0) continue;
      let hit = false;
      try {
        hit = rule.matches(method, params);
      } catch {
        hit = false;
      }
      if (!hit) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.faults = this.faults.filter((r) => r !== rule);
      return rule.fault;
    }
    return undefined;
  }

  private applyFault(fault: Exclude<Fault, { kind: "delay" }>, call: RecordedCall, res: ServerResponse): void {
    const fail = (code: number, description: string, parameters?: ResponseParameters): void =>
      this.answer(call, res, code, {
        ok: false,
        error_code: code,
        description,
        ...(parameters ? { parameters } : {}),
      });
    switch (fault.kind) {
      case "429":
        return fail(429, `Too Many Requests: retry after ${fault.retryAfter}`, { retry_after: fault.retryAfter });
      case "400":
        return fail(
          400,
          fault.description.startsWith("Bad Request") ? fault.description : `Bad Request: ${fault.description}`,
        );
      case "403":
        return fail(403, fault.description ?? "Forbidden: bot was blocked by the user");
      case "409":
        return fail(409, fault.description ?? CONFLICT_OTHER_POLL);
      case "500":
        return fail(500, fault.description ?? "Internal Server Error");
      case "drop":
        call.response = { dropped: true };
        res.socket?.destroy();
        res.destroy();
        this.notifyWaiters();
        return;
    }
  }

  private serveFile(token: string, filePath: string, res: ServerResponse): void {
    if (token !== this.token) {
      this.writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }
    const file = [...this.files.values()].find((f) => f.file_path === filePath);
    if (!file) {
      this.writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    this.downloads.push(filePath);
    res.writeHead(200, {
      "content-type": file.mime_type ?? "application/octet-stream",
      "content-length": file.content.length,
    });
    res.end(file.content);
  }

  private addViolation(method: string, description: string, params: Params): void {
    this.violations.push({ method, description, params, at: Date.now() });
  }

  // ───────────── getUpdates ─────────────

  private getUpdates(call: RecordedCall, res: ServerResponse, params: Params): void {
    const fail = (code: number, description: string): void =>
      this.answer(call, res, code, { ok: false, error_code: code, description });
    if (this.webhookUrl) {
      return fail(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = toInt(params.offset);
    const limit = Math.min(100, Math.max(1, toInt(params.limit) ?? 100));
    const timeout = Math.min(this.options.maxLongPollSeconds, Math.max(0, toNumber(params.timeout) ?? 0));
    if (Array.isArray(params.allowed_updates)) {
      const list = params.allowed_updates.filter((x): x is string => typeof x === "string");
      this.allowedUpdates = list.length > 0 ? list : undefined;
    }

    const mode = this.options.getUpdatesConflict;
    if (mode === "reject-new" && this.pollers.size > 0) return fail(409, CONFLICT_OTHER_POLL);

    if (offset !== undefined) this.confirm(offset);
    const ready = this.deliverable(limit);
    if (ready.length > 0 || timeout === 0 || this.closing) {
      this.answer(call, res, 200, { ok: true, result: ready });
      return;
    }
    // Like the Bot API server: a request that is about to wait ends the one already waiting.
    if (mode === "terminate-previous") this.abortLongPolls(CONFLICT_OTHER_POLL);
    const poller: Poller = { call, res, limit };
    poller.timer = setTimeout(() => this.finishPoll(poller, 200, { ok: true, result: [] }), timeout * 1000);
    this.pollers.add(poller);
    res.on("close", () => {
      // the client gave up (e.g. grammY's bot.stop() aborts its long poll)
      if (this.pollers.delete(poller)) clearTimeout(poller.timer);
    });
  }

  private abortLongPolls(description: string): void {
    for (const p of [...this.pollers]) this.finishPoll(p, 409, { ok: false, error_code: 409, description });
  }

  private finishPoll(poller: Poller, status: number, body: ApiResponseBody): void {
    if (!this.pollers.delete(poller)) return;
    clearTimeout(poller.timer);
    this.answer(poller.call, poller.res, status, body);
  }

  private wakePollers(): void {
    for (const poller of [...this.pollers]) {
      const ready = this.deliverable(poller.limit);
      if (ready.length === 0) return;
      this.finishPoll(poller, 200, { ok: true, result: ready });
    }
  }

  /** offset > 0 forgets updates below it; offset < 0 keeps only the last -offset updates. */
  private confirm(offset: number): void {
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.updates = this.updates.slice(offset);
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((k) => k !== "update_id") ?? "";
    return this.allowedUpdates ? this.allowedUpdates.includes(type) : !OPT_IN_UPDATE_TYPES.has(type);
  }

  private deliverable(limit: number): Update[] {
    return this.updates.slice(0, limit);
  }

  // ───────────── state: chats, users, messages ─────────────

  private userFor(userId: number, overrides: Partial<User> = {}): User {
    const known = this.users.get(userId);
    const user: User = {
      id: userId,
      is_bot: false,
      first_name: known?.first_name ?? `Tester${userId}`,
      username: known?.username ?? `user${userId}`,
      language_code: known?.language_code ?? this.options.languageCode,
      ...(known?.last_name ? { last_name: known.last_name } : {}),
      ...overrides,
    };
    return user;
  }

  private botUser(): User {
    return {
      id: this.botInfo.id,
      is_bot: true,
      first_name: this.botInfo.first_name,
      username: this.botInfo.username,
    };
  }

  private newMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  private lookup(chatId: number, messageId: number): MessageLike | undefined {
    return this.messages.get(chatId)?.get(messageId);
  }

  private store(message: MessageLike): void {
    let byId = this.messages.get(message.chat.id);
    if (!byId) {
      byId = new Map();
      this.messages.set(message.chat.id, byId);
    }
    byId.set(message.message_id, message);
    const last = this.lastMessageId.get(message.chat.id) ?? 0;
    if (message.message_id > last) this.lastMessageId.set(message.chat.id, message.message_id);
    this.chats.set(message.chat.id, { ...this.chats.get(message.chat.id), ...message.chat });
  }

  /** Learns chats, users and messages from a pushed update. */
  private absorb(update: Update): void {
    const raw = update as unknown as Record<string, unknown>;
    for (const key of ["message", "edited_message", "channel_post", "edited_channel_post"]) {
      const m = raw[key];
      if (isRecord(m) && isRecord(m.chat) && typeof m.message_id === "number") {
        this.store(m as MessageLike);
        if (isRecord(m.from) && typeof m.from.id === "number" && !m.from.is_bot) {
          this.users.set(m.from.id, m.from as unknown as User);
        }
      }
    }
    const cq = raw.callback_query;
    if (isRecord(cq) && isRecord(cq.message) && isRecord(cq.message.chat)) {
      const m = cq.message as MessageLike;
      if (!this.lookup(m.chat.id, m.message_id)) this.store(m);
    }
  }

  private userMessage(chat: ChatLike, from: User, text: string, extra: MessageExtra, threadId?: number): MessageLike {
    const message_id = this.newMessageId(chat.id);
    let replied: MessageLike | undefined;
    if (extra.replyTo !== undefined) {
      const ref = typeof extra.replyTo === "number" ? { message_id: extra.replyTo, chat } : extra.replyTo;
      replied = this.lookup(ref.chat.id, ref.message_id) ?? (typeof extra.replyTo === "number" ? undefined : (extra.replyTo as unknown as MessageLike));
      if (!replied) throw new Error(`BotApiStandIn: replyTo message ${ref.message_id} is unknown in chat ${ref.chat.id}`);
    }
    const isForum = chat.is_forum === true;
    const thread = threadId ?? (isForum ? replied?.message_thread_id : undefined);
    const entities = extra.entities ?? commandAndMentionEntities(text);
    return {
      message_id,
      from,
      chat,
      date: extra.date ?? nowSeconds(),
      ...(thread !== undefined ? { message_thread_id: thread, ...(isForum ? { is_topic_message: true } : {}) } : {}),
      ...(replied ? { reply_to_message: withoutReply(replied) } : {}),
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...extra.fields,
    };
  }

  private resolveChat(chatId: unknown): ChatLike {
    if (chatId === undefined || chatId === null || chatId === "") {
      throw new BotApiError(400, "Bad Request: chat_id is empty");
    }
    if (typeof chatId === "string" && chatId.startsWith("@")) {
      const name = chatId.slice(1).toLowerCase();
      for (const chat of this.chats.values()) if (chat.username?.toLowerCase() === name) return chat;
      throw new BotApiError(400, "Bad Request: chat not found");
    }
    const id = toInt(chatId);
    if (id === undefined || id === 0) throw new BotApiError(400, "Bad Request: chat not found");
    const known = this.chats.get(id);
    if (known) return known;
    if (this.options.unknownChats === "reject") throw new BotApiError(400, "Bad Request: chat not found");
    const user = id > 0 ? this.userFor(id) : undefined;
    const made: ChatLike = user
      ? { id, type: "private", first_name: user.first_name, ...(user.username ? { username: user.username } : {}) }
      : { id, type: "supergroup", title: `Test group ${Math.abs(id)}` };
    this.chats.set(id, made);
    return made;
  }

  private requireMessageId(value: unknown, missing: string): number {
    const id = toInt(value);
    if (id === undefined || id <= 0) throw new BotApiError(400, missing);
    return id;
  }

  // ───────────── validation ─────────────

  /**
   * Validates a message text or caption as Telegram does and returns what the
   * message will contain: the visible text (tags removed, entities decoded,
   * surrounding whitespace trimmed) and its entities.
   */
  private formatText(
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
  private validateReplyMarkup(markup: unknown, inlineOnly = false): { inline_keyboard: unknown[][] } | undefined {
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
  private resolveReply(
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
      const target = rp.chat_id !== undefined ? this.resolveChat(rp.chat_id) : chat;
      const id = toInt(rp.message_id);
      replyTo = id === undefined ? undefined : this.lookup(target.id, id);
      if (!replyTo && rp.allow_sending_without_reply !== true) {
        throw new BotApiError(400, "Bad Request: message to be replied not found");
      }
      if (replyTo && typeof rp.quote === "string") {
        const source = replyTo.text ?? replyTo.caption ?? "";
        if (!source.includes(rp.quote)) throw new BotApiError(400, "Bad Request: QUOTE_TEXT_INVALID");
      }
    }
    if (replyTo && replyTo.chat.id === chat.id && this.forumChats.has(chat.id) && replyTo.message_thread_id !== undefined) {
      if (threadId !== replyTo.message_thread_id) {
        this.addViolation(
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

  private botMessage(
    chat: ChatLike,
    content: Record<string, unknown>,
    reply: { replyTo?: MessageLike; threadId?: number },
    markup: unknown,
    params: Params,
  ): MessageLike {
    const inForum = this.forumChats.has(chat.id) || chat.is_forum === true;
    const message: MessageLike = {
      message_id: this.newMessageId(chat.id),
      from: this.botUser(),
      chat,
      date: nowSeconds(),
      ...(reply.threadId !== undefined && chat.type !== "private"
        ? { message_thread_id: reply.threadId, ...(inForum ? { is_topic_message: true } : {}) }
        : {}),
      ...(reply.replyTo ? { reply_to_message: withoutReply(reply.replyTo) } : {}),
      ...content,
      ...(isRecord(params.link_preview_options) ? { link_preview_options: params.link_preview_options } : {}),
      ...(markup ? { reply_markup: markup } : {}),
    };
    this.store(message);
    return message;
  }

  // ───────────── methods ─────────────

  private installBuiltInMethods(): void {
    const def = (name: string, fn: MethodHandler): void => this.handle(name, fn);

    def("getUpdates", this.getUpdatesMarker);
    def("getMe", () => this.botInfo);
    def("logOut", () => true);
    def("close", () => true);

    def("sendMessage", (p) => {
      const chat = this.resolveChat(p.chat_id);
      const { text, entities } = this.formatText(p.text, p.parse_mode, p.entities, "text");
      const markup = this.validateReplyMarkup(p.reply_markup);
      const reply = this.resolveReply("sendMessage", chat, p);
      return this.botMessage(chat, { text, ...(entities.length ? { entities } : {}) }, reply, markup, p);
    });

    def("editMessageText", (p) => {
      const { text, entities } = this.formatText(p.text, p.parse_mode, p.entities, "text");
      const markup = this.validateReplyMarkup(p.reply_markup, true);
      if (p.inline_message_id !== undefined) return true;
      const stored = this.editableMessage(p);
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
      this.store(edited);
      return edited;
    });

    def("editMessageReplyMarkup", (p) => {
      const markup = this.validateReplyMarkup(p.reply_markup, true);
      if (p.inline_message_id !== undefined) return true;
      const stored = this.editableMessage(p);
      if (sameJson(stored.reply_markup, markup)) throw new BotApiError(400, NOT_MODIFIED);
      const edited: MessageLike = { ...omit(stored, "reply_markup"), ...(markup ? { reply_markup: markup } : {}), edit_date: nowSeconds() };
      this.store(edited);
      return edited;
    });

    def("deleteMessage", (p) => {
      const chat = this.resolveChat(p.chat_id);
      const id = this.requireMessageId(p.message_id, "Bad Request: message identifier is not specified");
      if (!this.messages.get(chat.id)?.delete(id)) {
        throw new BotApiError(400, "Bad Request: message to delete not found");
      }
      return true;
    });

    def("answerCallbackQuery", (p) => {
      const query = this.callbackQueries.get(String(p.callback_query_id ?? ""));
      if (!query || query.answered) throw new BotApiError(400, QUERY_TOO_OLD);
      if (p.text !== undefined && (typeof p.text !== "string" || p.text.length > 200)) {
        throw new BotApiError(400, "Bad Request: MESSAGE_TOO_LONG");
      }
      query.answered = true;
      return true;
    });

    def("answerInlineQuery", (p) => {
      const query = this.inlineQueries.get(String(p.inline_query_id ?? ""));
      if (!query || query.answered) throw new BotApiError(400, QUERY_TOO_OLD);
      const results = p.results;
      if (!Array.isArray(results)) throw new BotApiError(400, "Bad Request: can't parse inline query results JSON object");
      if (results.length > 50) throw new BotApiError(400, "Bad Request: RESULTS_TOO_MUCH");
      const ids = new Set<string>();
      for (const result of results) this.validateInlineResult(result, ids);
      if (p.next_offset !== undefined) {
        if (typeof p.next_offset !== "string" || utf8Length(p.next_offset) > 64) {
          throw new BotApiError(400, "Bad Request: NEXT_OFFSET_INVALID");
        }
      }
      query.answered = true;
      return true;
    });

    def("sendChatAction", (p) => {
      this.resolveChat(p.chat_id);
      if (typeof p.action !== "string" || !CHAT_ACTIONS.has(p.action)) {
        throw new BotApiError(400, "Bad Request: wrong parameter action in request");
      }
      return true;
    });

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
      this.commands.set(commandsKey(p), p.commands);
      return true;
    });
    def("getMyCommands", (p) => this.commands.get(commandsKey(p)) ?? []);
    def("deleteMyCommands", (p) => {
      this.commands.delete(commandsKey(p));
      return true;
    });

    def("setWebhook", (p) => {
      const url = typeof p.url === "string" ? p.url : "";
      if (url !== "" && !/^https:\/\//i.test(url)) {
        throw new BotApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
      }
      if (p.drop_pending_updates === true) this.updates = [];
      this.webhookUrl = url;
      if (url !== "") this.abortLongPolls("Conflict: terminated by setWebhook request");
      return true;
    });
    def("deleteWebhook", (p) => {
      if (p.drop_pending_updates === true) this.updates = [];
      this.webhookUrl = "";
      return true;
    });
    def("getWebhookInfo", () => ({
      url: this.webhookUrl,
      has_custom_certificate: false,
      pending_update_count: this.updates.length,
      ...(this.allowedUpdates ? { allowed_updates: this.allowedUpdates } : {}),
    }));

    def("getChat", (p) => ({ ...this.resolveChat(p.chat_id), accent_color_id: 0, max_reaction_count: 11 }));

    def("sendDocument", (p, { uploads }) => {
      const chat = this.resolveChat(p.chat_id);
      const file = this.documentFrom(p.document, uploads);
      const { text, entities } = this.formatText(p.caption, p.parse_mode, p.caption_entities, "caption");
      const markup = this.validateReplyMarkup(p.reply_markup);
      const reply = this.resolveReply("sendDocument", chat, p);
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
      return this.botMessage(chat, content, reply, markup, p);
    });

    def("getFile", (p) => {
      const file = typeof p.file_id === "string" ? this.files.get(p.file_id) : undefined;
      if (!file) throw new BotApiError(400, "Bad Request: invalid file_id");
      return {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_size: file.content.length,
        file_path: file.file_path,
      };
    });
  }

  private editableMessage(p: Params): MessageLike {
    const chat = this.resolveChat(p.chat_id);
    const id = this.requireMessageId(p.message_id, "Bad Request: message identifier is not specified");
    const stored = this.lookup(chat.id, id);
    if (!stored) throw new BotApiError(400, "Bad Request: message to edit not found");
    if (stored.from?.id !== this.botInfo.id) throw new BotApiError(400, "Bad Request: message can't be edited");
    return stored;
  }

  private documentFrom(value: unknown, files: ReadonlyMap<string, Upload>): StoredFile {
    let upload = files.get("document");
    if (typeof value === "string" && value.startsWith("attach://")) {
      upload = files.get(value.slice("attach://".length));
      if (!upload) throw new BotApiError(400, "Bad Request: wrong remote file identifier specified: can't find attached file");
    }
    if (upload) {
      const n = this.nextFileNumber;
      return this.putFile(`BQACAgIAAxkBAAIB${n.toString(36).padStart(6, "0")}StandIn`, upload.data, {
        fileName: upload.filename,
        mimeType: upload.mimeType,
      });
    }
    if (typeof value === "string" && value !== "") {
      const known = this.files.get(value);
      if (known) return known;
      if (/^https?:\/\//i.test(value)) {
        const n = this.nextFileNumber;
        return this.putFile(`BQACAgIAAxkBAAIB${n.toString(36).padStart(6, "0")}StandIn`, "", {
          fileName: value.split("/").pop() || "file",
        });
      }
      throw new BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    }
    throw new BotApiError(400, "Bad Request: there is no document in the request");
  }

  private validateInlineResult(result: unknown, ids: Set<string>): void {
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
      this.formatText(content.message_text, content.parse_mode, content.entities, "inline");
    }
    if (result.reply_markup !== undefined) this.validateReplyMarkup(result.reply_markup, true);
  }
}

// ───────────────────────────── free functions ─────────────────────────────

function omit<T extends object>(value: T, ...keys: string[]): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as unknown as T;
}

/**
 * Telegram decodes every string parameter as UTF-8 before it looks at the method, and half a
 * surrogate pair (which JSON.stringify writes as a \ud83d escape) is not UTF-8: the whole request is
 * refused, whichever field holds it — text, caption, inline result title or description, callback
 * answer text.
 */
function refuseLoneSurrogates(value: unknown): void {
  if (typeof value === "string") {
    // With the u flag a well-formed pair is one code point; only a lone half is in Cs.
    if (/\p{Cs}/u.test(value)) throw new BotApiError(400, "Bad Request: strings must be encoded in UTF-8");
  } else if (Array.isArray(value)) {
    for (const item of value) refuseLoneSurrogates(item);
  } else if (isRecord(value)) {
    for (const item of Object.values(value)) refuseLoneSurrogates(item);
  }
}

function withoutReply(message: MessageLike): MessageLike {
  return omit(message, "reply_to_message");
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
async function readRequest(req: IncomingMessage, url: URL): Promise<ParsedRequest> {
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
