/**
 * The HTTP front: routes a request to a file download or an API method, checks the token, records
 * the call, applies an injected fault, and turns the handler's result or BotApiError into
 * Telegram's JSON answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallLog } from "./call-log.js";
import { BotApiError } from "./errors.js";
import { applyFault, postpones } from "./faults.js";
import type { FaultPlan, Postponement } from "./faults.js";
import { GET_UPDATES } from "./methods.js";
import type { MethodRegistry } from "./registry.js";
import type { ChatState } from "./state.js";
import type { RecordedCall } from "./types.js";
import type { UpdateQueue } from "./update-queue.js";
import { readRequest, refuseLoneSurrogates, writeJson } from "./wire.js";
import type { ParsedRequest } from "./wire.js";

export interface HttpContext {
  token: string;
  registry: MethodRegistry;
  log: CallLog;
  faults: FaultPlan;
  queue: UpdateQueue;
  state: ChatState;
  /** Waits out a "delay" or "hold" fault; resolves false if the stand-in closed meanwhile. */
  postpone: (fault: Postponement) => Promise<boolean>;
}

export async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: HttpContext): Promise<void> {
  const { log, registry } = ctx;
  let call: RecordedCall | undefined;
  try {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) {
      serveFile(decodeURIComponent(fileMatch[1] as string), decodeURIComponent(fileMatch[2] as string), res, ctx);
      return;
    }
    const apiMatch = /^\/bot([^/]*)\/([^/]*)\/?$/.exec(url.pathname);
    if (!apiMatch) {
      writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    if (decodeURIComponent(apiMatch[1] as string) !== ctx.token) {
      req.resume();
      writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }
    const method = registry.canonical(decodeURIComponent(apiMatch[2] as string));
    let parsed: ParsedRequest;
    try {
      parsed = await readRequest(req, url);
    } catch (error) {
      if (res.destroyed || req.destroyed) return; // the client went away mid-request
      const description = error instanceof BotApiError ? error.description : "Bad Request: can't parse request body";
      call = { method, params: {}, at: Date.now() };
      log.calls.push(call);
      log.answer(call, res, 400, { ok: false, error_code: 400, description });
      return;
    }
    call = { method, params: parsed.params, at: Date.now() };
    if (parsed.files.size > 0) {
      call.uploads = {};
      for (const [field, f] of parsed.files) {
        call.uploads[field] = { filename: f.filename, mimeType: f.mimeType, size: f.data.length };
      }
    }
    log.calls.push(call);
    log.notifyWaiters();
    const thisCall = call;
    res.on("close", () => {
      if (thisCall.response === undefined) {
        thisCall.response = { aborted: true };
        log.notifyWaiters();
      }
    });

    const fault = ctx.faults.take(method, parsed.params);
    if (fault) {
      if (postpones(fault)) {
        const stillOpen = await ctx.postpone(fault);
        if (!stillOpen) return;
      } else {
        applyFault(fault, call, res, log);
        return;
      }
    }

    const handler = registry.get(method);
    if (!handler) {
      log.answer(call, res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    if (handler === GET_UPDATES) {
      ctx.queue.serve(call, res, parsed.params);
      return;
    }
    try {
      refuseLoneSurrogates(parsed.params);
      const result = await handler(parsed.params, { call, uploads: parsed.files });
      log.answer(call, res, 200, { ok: true, result });
    } catch (error) {
      if (error instanceof BotApiError) {
        if (error.code === 400 || error.code === 403) log.addViolation(method, error.description, parsed.params);
        log.answer(call, res, error.code, {
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
    if (call) log.answer(call, res, 500, { ok: false, error_code: 500, description });
    else writeJson(res, 500, { ok: false, error_code: 500, description });
  }
}

/** A file download: {apiRoot}/file/bot{token}/{file_path}. */
function serveFile(token: string, filePath: string, res: ServerResponse, ctx: HttpContext): void {
  if (token !== ctx.token) {
    writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    return;
  }
  const file = ctx.state.fileByPath(filePath);
  if (!file) {
    writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    return;
  }
  ctx.log.downloads.push(filePath);
  res.writeHead(200, {
    "content-type": file.mime_type ?? "application/octet-stream",
    "content-length": file.content.length,
  });
  res.end(file.content);
}
