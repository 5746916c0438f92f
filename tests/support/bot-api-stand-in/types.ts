/**
 * The stand-in's public types: what tests pass in (options, update drafts, faults, handlers) and
 * what they read back (recorded calls, violations, stored files).
 */
import type { MessageEntity, Update, User, UserFromGetMe } from "grammy/types";

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
  | { kind: "delay"; ms: number }
  /**
   * The answer waits until `until` settles (resolved or rejected), then is given normally: a
   * test holds a reply for as long as it needs, with no clock involved.
   */
  | { kind: "hold"; until: Promise<unknown> };

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

export const DEFAULT_TOKEN = "7000000001:AAHstand-in-token-for-tests-only-x";
export const MESSAGE_TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
