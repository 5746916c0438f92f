/**
 * What the stand-in's Telegram knows: chats, users, messages (latest versions), open callback and
 * inline queries, and stored files. Learnt from pushed updates and from the bot's own calls.
 */
import type { MessageEntity, User, UserFromGetMe } from "grammy/types";
import { BotApiError } from "./errors.js";
import { isRecord, nowSeconds, omit, toInt } from "./helpers.js";
import type { Params, StoredFile } from "./types.js";

export interface ChatLike {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  is_forum?: true;
}

export interface MessageLike {
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

export interface StateOptions {
  /** language_code of users made up for updates. */
  languageCode: string;
  /** What a numeric chat_id never seen gets: a made-up chat, or "chat not found". */
  unknownChats: "create" | "reject";
}

/** A message as Telegram nests it in reply_to_message: one level deep. */
export function withoutReply(message: MessageLike): MessageLike {
  return omit(message, "reply_to_message");
}

export class ChatState {
  /** Chats that are forums; replies there must carry the replied message's message_thread_id. */
  readonly forumChats = new Set<number>();
  readonly chats = new Map<number, ChatLike>();
  readonly callbackQueries = new Map<string, { answered: boolean }>();
  readonly inlineQueries = new Map<string, { answered: boolean }>();
  private readonly users = new Map<number, User>();
  private readonly messages = new Map<number, Map<number, MessageLike>>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly files = new Map<string, StoredFile>();
  private nextQueryId = 1;
  private fileNumber = 1;

  constructor(
    private readonly botInfo: UserFromGetMe,
    private readonly options: StateOptions,
  ) {}

  // ───────────── users and chats ─────────────

  userFor(userId: number, overrides: Partial<User> = {}): User {
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

  setUser(userId: number, fields: Partial<User>): User {
    const user = { ...this.userFor(userId), ...fields, id: userId };
    this.users.set(userId, user);
    return user;
  }

  botUser(): User {
    return {
      id: this.botInfo.id,
      is_bot: true,
      first_name: this.botInfo.first_name,
      username: this.botInfo.username,
    };
  }

  /** The chat a chat_id names (a numeric id or an @username), made up or refused when unknown. */
  resolveChat(chatId: unknown): ChatLike {
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

  // ───────────── messages ─────────────

  newMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  lookup(chatId: number, messageId: number): MessageLike | undefined {
    return this.messages.get(chatId)?.get(messageId);
  }

  /** Stores (or replaces) a message and learns its chat. */
  store(message: MessageLike): void {
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

  /** Forgets a message; false when there was none. */
  deleteMessage(chatId: number, messageId: number): boolean {
    return this.messages.get(chatId)?.delete(messageId) ?? false;
  }

  /** Forgets every stored message (numbering goes on where it was). */
  forgetMessages(): void {
    this.messages.clear();
  }

  /** Messages the bot sent that still exist (latest versions), oldest first; optionally in one chat. */
  sentMessages(chatId?: number): MessageLike[] {
    const out: MessageLike[] = [];
    for (const [id, byId] of this.messages) {
      if (chatId !== undefined && id !== chatId) continue;
      for (const m of byId.values()) if (m.from?.id === this.botInfo.id) out.push(m);
    }
    out.sort((a, b) => a.date - b.date || a.message_id - b.message_id);
    return out;
  }

  /** A message the bot sends: stored at once, as Telegram returns it. */
  botMessage(
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

  /** Learns chats, users and messages from a pushed update. */
  absorb(update: object): void {
    const raw = update as Record<string, unknown>;
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

  // ───────────── queries ─────────────

  /** A new query id (distinct across callback and inline queries), registered as unanswered. */
  openQuery(kind: "callback" | "inline"): string {
    const n = this.nextQueryId++;
    if (kind === "inline") {
      const id = String(4_400_000_000_000_000 + n);
      this.inlineQueries.set(id, { answered: false });
      return id;
    }
    const id = String(5_500_000_000_000_000 + n);
    this.callbackQueries.set(id, { answered: false });
    return id;
  }

  // ───────────── files ─────────────

  /** Makes a file known to getFile and downloadable by its file_path. */
  putFile(
    fileId: string,
    content: string | Uint8Array,
    options: { fileName?: string; mimeType?: string; filePath?: string } = {},
  ): StoredFile {
    const n = this.fileNumber++;
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

  /** The number the next putFile will use (file ids made by the stand-in carry it). */
  get nextFileNumber(): number {
    return this.fileNumber;
  }

  fileById(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  fileByPath(filePath: string): StoredFile | undefined {
    return [...this.files.values()].find((f) => f.file_path === filePath);
  }
}
