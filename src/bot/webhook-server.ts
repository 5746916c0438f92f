import { createHash, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";

export interface WebhookServerOptions {
  /** Must equal the secret_token given to setWebhook; Telegram sends it in every request. */
  secret: string;
  /** Path Telegram posts to (default "/webhook"). */
  path?: string;
  /** Called with the parsed update; the response waits for it, as grammY's webhook adapters do. */
  handleUpdate: (update: unknown) => Promise<void>;
  logger: Pick<Logger, "warn" | "error">;
  /** Larger bodies get 413 (default 1 MiB; real updates are a few KB). */
  maxBodyBytes?: number;
  /** Body of GET /healthz. */
  healthz: () => object;
}

export interface WebhookServer {
  /** Starts listening and resolves with the actual port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and resolves once the requests in flight have been answered. */
  close(): Promise<void>;
}

const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const HEALTHZ_PATH = "/healthz";

export function createWebhookServer({
  secret,
  path = "/webhook",
  handleUpdate,
  logger,
  maxBodyBytes = 1_048_576,
  healthz,
}: WebhookServerOptions): WebhookServer {
  if (!path.startsWith("/") || path === HEALTHZ_PATH) {
    throw new Error(`webhook path must start with "/" and differ from ${HEALTHZ_PATH}, got "${path}"`);
  }
  const expectedDigest = digest(secret);
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
      return send(res, 200, healthz());
    }
    if (pathname !== path) return send(res, 404, { error: "not found" });
    if (req.method !== "POST") return send(res, 405, { error: "method not allowed" }, { Allow: "POST" });

    const given = req.headers[SECRET_HEADER];
    if (typeof given !== "string" || !timingSafeEqual(digest(given), expectedDigest)) {
      logger.warn({ remoteAddress: req.socket.remoteAddress }, "webhook request with a missing or wrong secret");
      return refuseBody(req, res, 401, "unauthorized");
    }

    const declared = Number(req.headers["content-length"]);
    if (declared > maxBodyBytes) return refuseBody(req, res, 413, "payload too large");
    const body = await readBody(req, maxBodyBytes);
    if (body === "too large") return refuseBody(req, res, 413, "payload too large");

    const update = parseJsonObject(body);
    if (update === undefined) return send(res, 400, { error: "body is not a JSON object" });

    try {
      await handleUpdate(update);
    } catch (error) {
      // Telegram redelivers after a non-2xx answer, which is right for a failure worth retrying.
      logger.error({ err: error }, "webhook update handler failed");
      return send(res, 500, { error: "update handling failed" });
    }
    send(res, 200, { ok: true });
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

/** Hashing first gives equal lengths, which timingSafeEqual requires, without revealing the secret's length. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
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

function parseJsonObject(body: Buffer): object | undefined {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
