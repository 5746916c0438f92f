import { request } from "node:http";
import { connect } from "node:net";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWebhookServer } from "../../src/bot/webhook-server.js";
import type { WebhookServerOptions } from "../../src/bot/webhook-server.js";
import { botInfoFor } from "../support/bot-api-stand-in.js";

const BOT_INFO = botInfoFor("42:test-token", { first_name: "Test", username: "test_bot" });

/** A real grammY bot whose one middleware hands each update to `handleUpdate`; no network (botInfo is given). */
function botFor(handleUpdate: (update: Update) => Promise<void>): Bot {
  const bot = new Bot("42:test-token", { botInfo: BOT_INFO });
  bot.use((ctx) => handleUpdate(ctx.update));
  return bot;
}

type StartOptions = Partial<Omit<WebhookServerOptions, "bot">> & { handleUpdate?: (update: Update) => Promise<void> };

const SECRET = "wh-secret_0123456789";
const UPDATE = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "Ханой" } };

describe("createWebhookServer", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function start({ handleUpdate: handler, ...options }: StartOptions = {}) {
    const handleUpdate = vi.fn(handler ?? (async () => {}));
    const logger = { warn: vi.fn(), error: vi.fn() };
    const server = createWebhookServer({ bot: botFor(handleUpdate), secret: SECRET, logger, healthz: () => ({ ok: true }), ...options });
    const port = await server.listen(0, "127.0.0.1");
    close = () => server.close();
    return { server, handleUpdate, logger, base: `http://127.0.0.1:${port}` };
  }

  function post(url: string, body: string, secret: string | null = SECRET) {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (secret !== null) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
    return fetch(url, { method: "POST", headers, body });
  }

  it("passes an update with the right secret to the handler and answers 200 after it finishes", async () => {
    let finished = false;
    const { base, handleUpdate } = await start({
      handleUpdate: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = true;
      },
    });
    const response = await post(`${base}/webhook`, JSON.stringify(UPDATE));
    expect(response.status).toBe(200);
    expect(finished).toBe(true);
    expect(handleUpdate).toHaveBeenCalledWith(UPDATE);
  });

  it.each([
    ["missing", null],
    ["wrong", "wh-secret_0123456780"],
    ["shorter", "wh"],
  ])("refuses a %s secret with 401 and does not process the update", async (_label, secret) => {
    const { base, handleUpdate, logger } = await start();
    const response = await post(`${base}/webhook`, JSON.stringify(UPDATE), secret);
    expect(response.status).toBe(401);
    expect(handleUpdate).not.toHaveBeenCalled();
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(SECRET);
  });

  it("answers 413 to a 2 MB body without passing it on", async () => {
    const { base, handleUpdate } = await start();
    const response = await post(`${base}/webhook`, "x".repeat(2 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(handleUpdate).not.toHaveBeenCalled();
  });

  it("answers 413 to an oversized body sent without Content-Length, stopping at the limit", async () => {
    const { base, handleUpdate } = await start({ maxBodyBytes: 1_000 });
    const { hostname, port } = new URL(base);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request({ hostname, port, path: "/webhook", method: "POST", headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET } });
      req.on("response", (response) => resolve(response.statusCode));
      req.on("error", reject);
      // Chunked: the server only learns the size by reading, and must stop at 1,000 bytes.
      req.write("x".repeat(800));
      req.write("x".repeat(800));
    });
    expect(status).toBe(413);
    expect(handleUpdate).not.toHaveBeenCalled();
  });

  it("accepts a body right at the limit", async () => {
    const body = JSON.stringify({ update_id: 2, padding: "" });
    const { base, handleUpdate } = await start({ maxBodyBytes: Buffer.byteLength(body) });
    expect((await post(`${base}/webhook`, body)).status).toBe(200);
    expect(handleUpdate).toHaveBeenCalledOnce();
  });

  it.each(["{not json", "[1, 2]", "42", ""])("answers 400 to a body that is not a JSON object: %j", async (body) => {
    const { base, handleUpdate } = await start();
    expect((await post(`${base}/webhook`, body)).status).toBe(400);
    expect(handleUpdate).not.toHaveBeenCalled();
  });

  it("answers 405 to GET on the webhook path", async () => {
    const { base, handleUpdate } = await start();
    const response = await fetch(`${base}/webhook`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(handleUpdate).not.toHaveBeenCalled();
  });

  it("serves GET /healthz as JSON", async () => {
    const { base } = await start({ healthz: () => ({ status: "ok", questions: 3 }) });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: "ok", questions: 3 });
  });

  it("answers 404 elsewhere", async () => {
    const { base } = await start();
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await post(`${base}/webhook/extra`, JSON.stringify(UPDATE))).status).toBe(404);
  });

  it("listens on a custom path, ignoring the query string", async () => {
    const { base, handleUpdate } = await start({ path: "/tg/hook" });
    expect((await post(`${base}/tg/hook?x=1`, JSON.stringify(UPDATE))).status).toBe(200);
    expect((await post(`${base}/webhook`, JSON.stringify(UPDATE))).status).toBe(404);
    expect(handleUpdate).toHaveBeenCalledOnce();
  });

  it("answers 500 when the handler throws, logging the error but never the secret", async () => {
    const { base, logger } = await start({
      handleUpdate: async () => {
        throw new Error("engine exploded");
      },
    });
    expect((await post(`${base}/webhook`, JSON.stringify(UPDATE))).status).toBe(500);
    expect(logger.error).toHaveBeenCalledOnce();
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain(SECRET);
  });

  it("maps a handler's error to the status errorStatus gives, logged as a warning when it is not 500", async () => {
    class Busy extends Error {}
    const { base, logger } = await start({
      handleUpdate: async (update) => {
        if (update.update_id === 1) throw new Busy("claimed elsewhere");
        throw new Error("engine exploded");
      },
      errorStatus: (error) => (error instanceof Busy ? 503 : 500),
    });
    expect((await post(`${base}/webhook`, JSON.stringify(UPDATE))).status).toBe(503);
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ status: 503, error: "claimed elsewhere" }), "webhook update refused");
    expect(logger.error).not.toHaveBeenCalled();
    expect((await post(`${base}/webhook`, JSON.stringify({ ...UPDATE, update_id: 2 }))).status).toBe(500);
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it("answers 400 to a malformed request target, logged as a warning and not as an error", async () => {
    const { base, logger, handleUpdate } = await start();
    const { port } = new URL(base);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => socket.end("GET //[ HTTP/1.1\r\nHost: x\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(logger.warn).toHaveBeenCalledWith(expect.anything(), "malformed request target");
    expect(logger.error).not.toHaveBeenCalled();
    expect(handleUpdate).not.toHaveBeenCalled();
  });

  it("answers 500 when healthz() throws", async () => {
    const { base, logger } = await start({
      healthz: () => {
        throw new Error("stats unavailable");
      },
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(500);
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it("logs a client that hangs up mid-body as a warning and handles nothing", async () => {
    const { base, handleUpdate, logger } = await start();
    const { hostname, port } = new URL(base);
    const req = request({
      hostname,
      port,
      path: "/webhook",
      method: "POST",
      headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Length": "100" },
    });
    req.on("error", () => {});
    req.write('{"update_id":');
    await new Promise((resolve) => setTimeout(resolve, 20));
    req.destroy();
    await vi.waitFor(() => expect(logger.warn).toHaveBeenCalledOnce());
    expect(logger.error).not.toHaveBeenCalled();
    expect(handleUpdate).not.toHaveBeenCalled();
  });

  it("refuses a path that would hide /healthz", () => {
    const logger = { warn: vi.fn(), error: vi.fn() };
    const options = { bot: botFor(async () => {}), secret: SECRET, logger, healthz: () => ({}) };
    expect(() => createWebhookServer({ ...options, path: "/healthz" })).toThrow();
    expect(() => createWebhookServer({ ...options, path: "webhook" })).toThrow();
  });

  it("close() waits for an update in flight, then stops accepting connections", async () => {
    let release = (): void => {};
    let entered = (): void => {};
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    const { server, base } = await start({
      handleUpdate: () =>
        new Promise<void>((resolve) => {
          release = resolve;
          entered();
        }),
    });
    const inFlight = post(`${base}/webhook`, JSON.stringify(UPDATE));
    await handlerEntered;

    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);

    release();
    expect((await inFlight).status).toBe(200);
    await closing;
    close = undefined;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it("rejects listen() when the port is taken", async () => {
    const { base } = await start();
    const other = createWebhookServer({
      bot: botFor(async () => {}),
      secret: SECRET,
      logger: { warn: vi.fn(), error: vi.fn() },
      healthz: () => ({}),
    });
    await expect(other.listen(Number(new URL(base).port), "127.0.0.1")).rejects.toThrow(/EADDRINUSE/);
  });
});
