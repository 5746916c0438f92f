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
 *
 * This file is the public entry; the parts live in ./bot-api-stand-in/:
 *   stand-in.ts         the class: server lifecycle and the test API
 *   types.ts            public types and limits;  errors.ts  BotApiError and shared error texts
 *   state.ts            chats, users, messages, queries, files
 *   update-builders.ts  the updates a user's actions produce
 *   update-queue.ts     getUpdates: queue, long polls, allowed_updates, webhook
 *   http.ts             routing, token check, faults, answers;  wire.ts  request decoding, JSON out
 *   methods.ts          the Bot API methods;  registry.ts  method names
 *   validation.ts       Telegram's rules for text, markup, inline results and replies
 *   call-log.ts         recorded calls, violations, waiters;  faults.ts  injected faults
 *   helpers.ts          small value helpers
 */
export { BotApiStandIn, botInfoFor } from "./bot-api-stand-in/stand-in.js";
export { BotApiError } from "./bot-api-stand-in/errors.js";
export { commandAndMentionEntities } from "./bot-api-stand-in/helpers.js";
export { CAPTION_LIMIT, DEFAULT_TOKEN, MESSAGE_TEXT_LIMIT } from "./bot-api-stand-in/types.js";
export type {
  ApiResponseBody,
  BotApiStandInOptions,
  Fault,
  GetUpdatesConflictMode,
  GroupTextOptions,
  HandlerContext,
  MessageExtra,
  MessageRef,
  MethodHandler,
  Params,
  RecordedCall,
  ResponseParameters,
  StoredFile,
  Upload,
  UpdateDraft,
  Violation,
} from "./bot-api-stand-in/types.js";
