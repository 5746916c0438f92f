/**
 * The stand-in itself: builds the Telegram it imitates out of its parts (state, update queue,
 * methods, faults, call log, HTTP front), owns the HTTP server's lifecycle, and offers tests one
 * object to drive it with.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";
import { CallLog } from "./call-log.js";
import { FaultPlan } from "./faults.js";
import { handleRequest } from "./http.js";
import type { HttpContext } from "./http.js";
import { installBuiltInMethods } from "./methods.js";
import { MethodRegistry } from "./registry.js";
import { ChatState } from "./state.js";
import { DEFAULT_TOKEN } from "./types.js";
import type {
  BotApiStandInOptions,
  Fault,
  GroupTextOptions,
  MessageExtra,
  MessageRef,
  MethodHandler,
  Params,
  RecordedCall,
  StoredFile,
  UpdateDraft,
  Violation,
} from "./types.js";
import * as build from "./update-builders.js";
import { UpdateQueue } from "./update-queue.js";

/**
 * The getMe answer for a bot token: the id is the number before ":" (7000000001 when there is
 * none), the rest a test bot's profile; `overrides` replace any field. For tests that give grammY
 * its botInfo without a stand-in.
 */
export function botInfoFor(token: string, overrides: Partial<UserFromGetMe> = {}): UserFromGetMe {
  const idFromToken = Number(token.split(":")[0]);
  return {
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
    ...overrides,
  };
}

export class BotApiStandIn {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every API call, in order of arrival. */
  readonly calls: RecordedCall[];
  /** Calls refused for breaking a Telegram rule, plus rule breaks Telegram tolerates (e.g. forum replies without message_thread_id). */
  readonly violations: Violation[];
  /** Chats that are forums; replies there must carry the replied message's message_thread_id. */
  readonly forumChats: Set<number>;
  /** file_path of every file download served. */
  readonly downloads: string[];

  private readonly log = new CallLog();
  private readonly faults = new FaultPlan();
  private readonly registry = new MethodRegistry();
  private readonly state: ChatState;
  private readonly queue: UpdateQueue;
  private readonly http: HttpContext;

  private server: Server | undefined;
  private port: number | undefined;
  private closing: Promise<void> | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Ends each pending "hold" fault's wait when the stand-in closes. */
  private readonly holds = new Set<() => void>();

  constructor(options: BotApiStandInOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN;
    this.botInfo = botInfoFor(this.token, options.bot);
    this.state = new ChatState(this.botInfo, {
      languageCode: options.languageCode ?? "ru",
      unknownChats: options.unknownChats ?? "create",
    });
    this.queue = new UpdateQueue(
      {
        firstUpdateId: options.firstUpdateId ?? 100000001,
        getUpdatesConflict: options.getUpdatesConflict ?? "terminate-previous",
        maxLongPollSeconds: options.maxLongPollSeconds ?? 50,
      },
      this.log,
      () => this.closing !== undefined,
    );
    this.calls = this.log.calls;
    this.violations = this.log.violations;
    this.downloads = this.log.downloads;
    this.forumChats = this.state.forumChats;
    this.http = {
      token: this.token,
      registry: this.registry,
      log: this.log,
      faults: this.faults,
      queue: this.queue,
      state: this.state,
      postpone: (fault) => (fault.kind === "delay" ? this.sleep(fault.ms) : this.hold(fault.until)),
    };
    installBuiltInMethods(this.registry, { botInfo: this.botInfo, state: this.state, queue: this.queue, log: this.log });
  }

  // ───────────── lifecycle ─────────────

  /** Starts listening on 127.0.0.1:0. Calling it again returns the same address. */
  async start(): Promise<{ apiRoot: string; close: () => Promise<void> }> {
    if (this.closing) throw new Error("BotApiStandIn: cannot start after close()");
    if (!this.server) {
      const server = createServer((req, res) => {
        void handleRequest(req, res, this.http);
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
      this.queue.releaseLongPolls();
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      for (const cancel of this.holds) cancel();
      this.holds.clear();
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

  /** Waits `ms` (a "delay" fault); resolves false if the stand-in closed meanwhile. */
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

  /** Waits until `until` settles (a "hold" fault); resolves false if the stand-in closed meanwhile. */
  private hold(until: Promise<unknown>): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.closing) return resolve(false);
      const cancel = (): void => resolve(false);
      this.holds.add(cancel);
      const release = (): void => {
        this.holds.delete(cancel);
        resolve(!this.closing);
      };
      until.then(release, release);
    });
  }

  // ───────────── test API: updates ─────────────

  /**
   * Queues an update for getUpdates; assigns update_id when absent. Returns the
   * update. Like Telegram, an update whose type is not allowed by the last
   * allowed_updates (by default: chat_member, message_reaction,
   * message_reaction_count are left out) is not queued at all.
   */
  pushUpdate(draft: UpdateDraft): Update {
    const update = this.queue.push(draft);
    // learnt even when its type is not queued: the test still means the message to exist
    this.state.absorb(update);
    return update;
  }

  /** Updates not yet confirmed by an offset. */
  pendingUpdates(): readonly Update[] {
    return this.queue.pending();
  }

  /** Sets the profile used for a user in built updates (name, username, language_code…). */
  setUser(userId: number, fields: Partial<User>): User {
    return this.state.setUser(userId, fields);
  }

  /** A text message from a user in the private chat with the bot. */
  privateText(userId: number, text: string, extra: MessageExtra = {}): UpdateDraft {
    return build.privateText(this.state, userId, text, extra);
  }

  /** A text message from a user in a group or supergroup (forum topics via threadId + isForum). */
  groupText(chatId: number, userId: number, text: string, options: GroupTextOptions = {}): UpdateDraft {
    return build.groupText(this.state, chatId, userId, text, options);
  }

  /** An inline query from a user. */
  inlineQuery(userId: number, query: string, offset = "", chatType = "sender"): UpdateDraft {
    return build.inlineQuery(this.state, userId, query, offset, chatType);
  }

  /** A press on a callback button of `message` (its latest stored version is used when known). */
  callbackQuery(userId: number, data: string, message: MessageRef): UpdateDraft {
    return build.callbackQuery(this.state, userId, data, message);
  }

  /** The user edited one of their messages. */
  editedMessage(message: MessageRef, newText: string, extra: { entities?: MessageEntity[]; editDate?: number } = {}): UpdateDraft {
    return build.editedMessage(this.state, message, newText, extra);
  }

  /** A document (previously stored with putFile) sent by a user in private. */
  privateDocument(userId: number, fileId: string, extra: { caption?: string; from?: Partial<User> } = {}): UpdateDraft {
    return build.privateDocument(this.state, userId, fileId, extra);
  }

  // ───────────── test API: files ─────────────

  /** Makes a file known to getFile and downloadable at {apiRoot}/file/bot{token}/{file_path}. */
  putFile(
    fileId: string,
    content: string | Uint8Array,
    options: { fileName?: string; mimeType?: string; filePath?: string } = {},
  ): StoredFile {
    return this.state.putFile(fileId, content, options);
  }

  /** A file by id: one put here, sent by a user, or uploaded by the bot (sendDocument with a file), with its bytes. */
  file(fileId: string): StoredFile | undefined {
    return this.state.fileById(fileId);
  }

  // ───────────── test API: observation ─────────────

  callsTo(method: string): RecordedCall[] {
    const name = this.registry.canonical(method);
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
    return this.log.waitFor("waitForCall", this.registry.canonical(method), predicate, timeoutMs, true);
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
    return this.log.waitFor("waitForRequest", this.registry.canonical(method), predicate, timeoutMs, false);
  }

  /** The stored (latest) version of a message, or undefined. */
  message(chatId: number, messageId: number): Message | undefined {
    return this.state.lookup(chatId, messageId) as unknown as Message | undefined;
  }

  /** Messages the bot sent that still exist (latest versions), oldest first; optionally in one chat. */
  sentMessages(chatId?: number): Message[] {
    return this.state.sentMessages(chatId) as unknown as Message[];
  }

  /** Forgets recorded calls, violations, downloads and pending fault rules (chats, messages, files and queued updates stay). */
  reset(): void {
    this.log.clear();
    this.faults.clear();
  }

  /**
   * Forgets every stored message (chats, users, files and message numbering stay), e.g. before a
   * test reads the bot's memory after a burst, so what the stand-in keeps is not counted.
   */
  forgetMessages(): void {
    this.state.forgetMessages();
  }

  // ───────────── test API: faults and custom methods ─────────────

  /** The next `count` calls to `method` get `fault` instead of their normal answer. */
  failNext(method: string, fault: Fault, count = 1): void {
    const name = this.registry.canonical(method);
    this.faults.add((m) => m === name, fault, count);
  }

  /** Calls for which `predicate` holds get `fault` (at most `count` times). Returns a function that removes the rule. */
  failWhen(predicate: (method: string, params: Params) => boolean, fault: Fault, count = Infinity): () => void {
    return this.faults.add(predicate, fault, count);
  }

  /** Implements (or replaces) a method. The handler's return value is the result; throw BotApiError to fail. */
  handle(method: string, fn: MethodHandler): void {
    this.registry.set(method, fn);
  }
}
