/** Telegram's error answers: the exception handlers throw, and the wordings shared by several parts. */
import type { ResponseParameters } from "./types.js";

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

export const CONFLICT_OTHER_POLL =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
export const QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";
export const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a content and reply markup of the current message";
