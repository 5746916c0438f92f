/**
 * The update queue and getUpdates: long polling with offset confirmation, allowed_updates, the
 * conflict between concurrent polls, and the webhook that excludes polling.
 */
import type { ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { CallLog } from "./call-log.js";
import { CONFLICT_OTHER_POLL } from "./errors.js";
import { toInt, toNumber } from "./helpers.js";
import type { ApiResponseBody, GetUpdatesConflictMode, Params, RecordedCall, UpdateDraft } from "./types.js";

/** Update types Telegram leaves out unless listed in allowed_updates. */
const OPT_IN_UPDATE_TYPES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export interface UpdateQueueOptions {
  firstUpdateId: number;
  getUpdatesConflict: GetUpdatesConflictMode;
  /** Cap on getUpdates `timeout`, seconds. */
  maxLongPollSeconds: number;
}

interface Poller {
  call: RecordedCall;
  res: ServerResponse;
  limit: number;
  timer?: NodeJS.Timeout;
}

export class UpdateQueue {
  private updates: Update[] = [];
  private nextUpdateId: number;
  private readonly pollers = new Set<Poller>();
  private allowedUpdates: string[] | undefined;
  private webhookUrl = "";

  constructor(
    private readonly options: UpdateQueueOptions,
    private readonly log: CallLog,
    /** True once the stand-in is closing: polls are then answered at once. */
    private readonly isClosing: () => boolean,
  ) {
    this.nextUpdateId = options.firstUpdateId;
  }

  /**
   * Assigns update_id when absent and queues the update, unless its type is left out by the last
   * allowed_updates (Telegram does not even queue those). Returns the update either way.
   */
  push(draft: UpdateDraft): Update {
    const update_id = draft.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, update_id + 1);
    const update = { ...draft, update_id } as Update;
    if (!this.isAllowed(update)) return update;
    const index = this.updates.findIndex((u) => u.update_id > update_id);
    if (index < 0) this.updates.push(update);
    else this.updates.splice(index, 0, update);
    setImmediate(() => this.wakePollers());
    return update;
  }

  /** Updates not yet confirmed by an offset. */
  pending(): readonly Update[] {
    return [...this.updates];
  }

  /** Answers a getUpdates call now, or parks it as a long poll until updates arrive or its timeout ends. */
  serve(call: RecordedCall, res: ServerResponse, params: Params): void {
    const fail = (code: number, description: string): void =>
      this.log.answer(call, res, code, { ok: false, error_code: code, description });
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
    if (ready.length > 0 || timeout === 0 || this.isClosing()) {
      this.log.answer(call, res, 200, { ok: true, result: ready });
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

  /** Ends every pending long poll with an empty answer (the stand-in is closing). */
  releaseLongPolls(): void {
    for (const poller of [...this.pollers]) this.finishPoll(poller, 200, { ok: true, result: [] });
  }

  // ───────────── webhook ─────────────

  /** Sets (or with "" removes) the webhook; setting one ends the pending long polls. */
  setWebhook(url: string, dropPending: boolean): void {
    if (dropPending) this.updates = [];
    this.webhookUrl = url;
    if (url !== "") this.abortLongPolls("Conflict: terminated by setWebhook request");
  }

  deleteWebhook(dropPending: boolean): void {
    if (dropPending) this.updates = [];
    this.webhookUrl = "";
  }

  webhookInfo(): Record<string, unknown> {
    return {
      url: this.webhookUrl,
      has_custom_certificate: false,
      pending_update_count: this.updates.length,
      ...(this.allowedUpdates ? { allowed_updates: this.allowedUpdates } : {}),
    };
  }

  // ───────────── internals ─────────────

  private abortLongPolls(description: string): void {
    for (const p of [...this.pollers]) this.finishPoll(p, 409, { ok: false, error_code: 409, description });
  }

  private finishPoll(poller: Poller, status: number, body: ApiResponseBody): void {
    if (!this.pollers.delete(poller)) return;
    clearTimeout(poller.timer);
    this.log.answer(poller.call, poller.res, status, body);
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
}
