import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { BotError, webhookCallback } from "grammy";
import type { Bot, Context } from "grammy";
import type { Logger } from "../lib/logger.js";

export interface WebhookServerOptions<C extends Context = Context> {
  /** The bot that handles every accepted update, through grammY's own webhookCallback. */
  bot: Bot<C>;
  /** Must equal the secret_token given to setWebhook; Telegram sends it in every request. */
  secret: string;
  /** Path Telegram posts to (default "/webhook"). */
  path?: string;
  logger: Pick<Logger, "warn" | "error">;
  /** Larger bodies get 413 (default 1 MiB; real updates are a few KB). */
  maxBodyBytes?: number;
  /** Body of GET /healthz: the process is alive. */
  healthz: () => object | Promise<object>;
  /**
   * GET /readyz: whether this process should get updates now (a load balancer's check). 503 while
   * not ready: a service it needs is down, or it is shutting down. Without it, ready while up.
   */
  readyz?: () => { ready: boolean };
  /**
   * The HTTP status for an update whose handling threw, given what the middleware threw (grammY's
   * BotError unwrapped). Errors inside the bot's error boundary never get here: they are logged and
   * the update answered 200. What does get here escaped the boundary on purpose or by accident;
   * any non-2xx makes Telegram deliver the update again later. Default: 500 for everything. A
   * layer that refuses an update for now (another instance holds it) maps its error to 503.
   * Statuses other than 500 are logged as warnings, 500 as an error.
   */
  errorStatus?: (error: unknown) => number;
}

export interface WebhookServer {
  /** Starts listening and resolves with the actual port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and resolves once the requests in flight have been answered. */
  close(): Promise<void>;
}

const HEALTHZ_PATH = "/healthz";
const READYZ_PATH = "/readyz";

/**
 * The HTTP server Telegram posts updates to. grammY's webhookCallback (the "http" adapter) checks
 * the secret token in constant time, hands the update to the bot and answers once it is handled;
 * around it this server adds what the adapter leaves to the host: GET /healthz, 404 and 405 for
 * other paths and methods, a body limit, 400 for a body that is not an update, and a status for a
 * failed update (errorStatus).
 */
export function createWebhookServer<C extends Context>({
  bot,
  secret,
  path = "/webhook",
  logger,
  maxBodyBytes = 1_048_576,
  healthz,
  readyz = () => ({ ready: true }),
  errorStatus = () => 500,
}: WebhookServerOptions<C>): WebhookServer {
  if (!path.startsWith("/") || path === HEALTHZ_PATH || path === READYZ_PATH) {
    throw new Error(`webhook path must start with "/" and differ from ${HEALTHZ_PATH} and ${READYZ_PATH}, got "${path}"`);
  }
  // No timeout: an answer waits out Telegram's flood limits (auto-retry, up to a minute), and a
  // timed-out request would make Telegram deliver the same update again while it is still being
  // answered. close() waits for the updates in flight; shutdown has its own deadline.
  const handle = webhookCallback(bot, "http", { secretToken: secret, timeoutMilliseconds: Infinity });
  let closing = false;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = pathOf(req.url ?? "/");
    if (pathname === undefined) {
      // Anyone can send "GET //[": a client's mistake, not the server's, so no stack trace at error level.
      logger.warn({ remoteAddress: req.socket.remoteAddress }, "malformed request target");
      return refuseBody(req, res, 400, "bad request");
    }
    if (pathname === HEALTHZ_PATH) {
      if (req.method !== "GET") return send(res, 405, { error: "method not allowed" }, { Allow: "GET" });
      return send(res, 200, await healthz());
    }
    if (pathname === READYZ_PATH) {
      if (req.method !== "GET") return send(res, 405, { error: "method not allowed" }, { Allow: "GET" });
      const readiness = readyz();
      return send(res, readiness.ready ? 200 : 503, readiness);
    }
    if (pathname !== path) return send(res, 404, { error: "not found" });
    if (req.method !== "POST") return send(res, 405, { error: "method not allowed" }, { Allow: "POST" });

    const declared = Number(req.headers["content-length"]);
    if (declared > maxBodyBytes) return refuseBody(req, res, 413, "payload too large");
    // The adapter reads a request whole, with no limit: the body is read here, within the limit,
    // and handed on as a stream of what was read.
    const body = await readBody(req, maxBodyBytes);
    if (body === "too large") return refuseBody(req, res, 413, "payload too large");
    if (!isJsonObject(body)) return send(res, 400, { error: "body is not a JSON object" });

    res.once("finish", () => {
      if (res.statusCode === 401) logger.warn({ remoteAddress: req.socket.remoteAddress }, "webhook request with a missing or wrong secret");
    });
    try {
      await handle(replay(req, body), res);
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      const cause: unknown = error.error;
      const status = errorStatus(cause);
      if (status === 500) logger.error({ err: cause }, "webhook update handler failed");
      else logger.warn({ status, error: cause instanceof Error ? cause.message : String(cause) }, "webhook update refused");
      // Telegram redelivers after a non-2xx answer, which is right for a failure worth retrying.
      return send(res, status, { error: status === 500 ? "update handling failed" : "update refused" });
    }
  }

  function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
    // While closing, tell keep-alive clients to go, so close() is not held up by idle connections.
    if (closing) res.setHeader("Connection", "close");
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  }

  /**
   * Answers without reading the rest of the body: the connection is closed after the reply
   * instead of draining what could be megabytes sent by someone who is not Telegram.
   */
  function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, error: string): void {
    res.on("finish", () => req.destroy());
    send(res, status, { error }, { Connection: "close" });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.destroyed) {
        // The client hung up mid-request (reading the body failed); there is no one left to answer.
        logger.warn({ err: error }, "webhook client disconnected before the reply");
        return;
      }
      logger.error({ err: error }, "webhook server failed to answer a request");
      if (!res.headersSent) send(res, 500, { error: "internal error" });
      else res.destroy();
    });
  });

  return {
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },

    close() {
      closing = true;
      return new Promise((resolve, reject) => {
        // Since Node 19 this also drops idle keep-alive connections; busy ones end after their reply.
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

/** The path of a request target, or undefined when it is not a URL path at all ("//[" names a bad host). */
function pathOf(target: string): string | undefined {
  try {
    return new URL(target, "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

/** The body, or "too large" as soon as it passes the limit (the rest is left unread). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | "too large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off("data", onData);
        req.pause();
        resolve("too large");
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** An update is a JSON object; "42" or "[1, 2]" would reach the bot as an update with nothing in it. */
function isJsonObject(body: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * The request as the "http" adapter reads it (its headers, then its body as a stream), with the
 * body already read: the adapter would read an unlimited body itself.
 */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  return Object.assign(Readable.from([body]), { headers: req.headers }) as unknown as IncomingMessage;
}
