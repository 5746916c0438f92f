/**
 * The bot as a fleet, on the real Redis and PostgreSQL: replicas are `src/main.ts` processes in
 * webhook mode, a TestTelegram delivers updates round-robin and repeats any delivery that did not
 * get a 2xx, and the Bot API stand-in records every reply. Skipped, with how to run them, where
 * the services are missing — unless FLEET_TESTS_REQUIRED=1 (CI), where that is a failure.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";
import type { Server, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, resultMessage, shownText, stopAll, waitUntil } from "../e2e/harness.js";
import { ADMIN, DATABASE_URL, HOW_TO_RUN, cleanUpFleets, probe, servicesAvailable, startFleet } from "./support/fleet.js";
import { freePort } from "../e2e/harness.js";
import type { Fleet } from "./support/fleet.js";
import { t } from "../../src/i18n/i18n.js";

const services = await servicesAvailable();
if (!services.ok) {
  if (process.env.FLEET_TESTS_REQUIRED === "1") throw new Error(`FLEET_TESTS_REQUIRED=1, but ${services.reason}`);
  console.warn(`tests/fleet skipped: ${services.reason}; ${HOW_TO_RUN}`);
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const ARTICLE = `title: Москва и Ташкент договорились о сотрудничестве в строительстве метро
publisher: Тестовое агентство
published: 2026-05-14
url: https://example.org/fleet/tashkent-metro

ТАШКЕНТ, 14 мая. Москва и Ташкент договорились обмениваться опытом строительства метрополитена. Стороны подписали дорожную карту сотрудничества на 2026–2027 годы.`;

const QUESTION = "меморандум Москвы и Минска";

/** The successful replies sent to a chat (a failed or cut request sent nothing). */
function repliesTo(fleet: Fleet, chat: number) {
  return fleet.api.callsTo("sendMessage").filter((call) => call.params.chat_id === chat && call.status === 200);
}

// Real processes on a shared machine: each case gets room, none is timed.
describe.skipIf(!services.ok)("a fleet of three replicas", { timeout: 45_000 }, () => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startFleet({ replicas: 3 });
  }, 90_000);
  afterAll(async () => {
    await cleanUpFleets();
    await stopAll();
  });

  it("answers an update delivered to two replicas at once exactly once, and a late repeat not at all", async () => {
    const user = 6001;
    const update = fleet.api.pushUpdate(fleet.api.privateText(user, QUESTION));
    await Promise.all([fleet.telegram.deliver(update, 0), fleet.telegram.deliver(update, 1)]);
    await fleet.telegram.deliver(update, 2);
    expect(repliesTo(fleet, user)).toHaveLength(1);
    expect(shownText(repliesTo(fleet, user)[0]!)).toContain("РИА Новости");
  });

  it("opens the next page on another replica than the one that made the button", async () => {
    const user = 6002;
    await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(user, "Минск")), 0);
    const first = repliesTo(fleet, user)[0]!;
    const more = buttonsOf(first).at(-1)!;
    await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.callbackQuery(user, more.callback_data, resultMessage(first))), 1);
    const edits = fleet.api.callsTo("editMessageText").filter((call) => call.params.chat_id === user && call.status === 200);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.params.message_id).toBe(resultMessage(first).message_id);
    expect(shownText(edits[0]!)).not.toBe(shownText(first));
    // Not the "ask again" toast: the press was answered without text.
    const toasts = fleet.api.callsTo("answerCallbackQuery").filter((call) => call.params.text !== undefined);
    expect(toasts).toEqual([]);
  });

  it("tells a user who sends 31 messages spread over the replicas to slow down once, and answers the first 30", async () => {
    const user = 6003;
    for (let i = 0; i < 32; i++) await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(user, QUESTION)));
    const replicasUsed = new Set(fleet.telegram.deliveries.filter((delivery) => delivery.outcome === 200).slice(-32).map((delivery) => delivery.replica));
    expect(replicasUsed.size).toBe(3);
    const replies = repliesTo(fleet, user).map(shownText);
    // 30 answers, one notice, nothing for the 32nd.
    expect(replies).toHaveLength(31);
    expect(new Set(replies.slice(0, 30)).size).toBe(1);
    expect(replies[30]).not.toBe(replies[0]);
    expect(replies[30]!.length).toBeLessThan(replies[0]!.length);
  });

  it("serves a /reload on one replica on every replica, and tells the admin so", async () => {
    await writeFile(
      path.join(fleet.knowledgeDir, "sources", "fleet-test-source.json"),
      JSON.stringify({
        source: { id: "fleet-test-source", title: "Проверка флота", publisher: "Тестовое агентство", published: "2026-11-30" },
        facts: [{ id: "fleet-test-card", text: "Москва и Минск провели квазиконференцию по флотам ботов.", partners: ["minsk"] }],
      }),
    );
    const before = await probe(fleet.replicas[1]!, "healthz");
    await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(ADMIN, "/reload")), 0);
    const reply = shownText(repliesTo(fleet, ADMIN).at(-1)!);
    const version = Number(before.body.knowledge_version) + 1;
    expect(reply).toContain(t("ru", "reload-rollout", { version: String(version), live: 3, replicas: 3 }));
    for (const replica of fleet.replicas) expect((await probe(replica, "healthz")).body.knowledge_version).toBe(version);
    const user = 6004;
    for (let i = 0; i < 3; i++) await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(user, "квазиконференция")), i);
    for (const answer of repliesTo(fleet, user)) expect(shownText(answer)).toContain("квазиконференцию");
  });

  it("keeps editorial data in PostgreSQL: a draft made on one replica is edited on another and published from the others; one /unanswered list", async () => {
    const admin = (text: string, extra = {}) => fleet.api.pushUpdate(fleet.api.privateText(ADMIN, text, extra));
    const lastToAdmin = () => repliesTo(fleet, ADMIN).at(-1)!;
    await fleet.telegram.deliver(admin(`/ingest ${ARTICLE}`), 0);
    const draft = lastToAdmin();
    expect(shownText(draft)).toMatch(/^Черновик /);
    await fleet.telegram.deliver(admin("1: Москва и Ташкент будут обмениваться опытом метростроения.", { replyTo: resultMessage(draft) }), 1);
    expect(shownText(lastToAdmin())).toBe(t("ru", "ingest-card-updated", { card: "1" }));
    const publish = buttonsOf(draft).find((button) => button.text === t("ru", "ingest-publish-all"))!;
    const before = Number((await probe(fleet.replicas[0]!, "healthz")).body.knowledge_version);
    // The draft's cards have no English text: publishing asks first (on one replica), and is confirmed on another.
    await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.callbackQuery(ADMIN, publish.callback_data, resultMessage(draft))), 2);
    const confirm = lastToAdmin();
    const anyway = buttonsOf(confirm).find((button) => button.text === t("ru", "ingest-publish-anyway"))!;
    await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.callbackQuery(ADMIN, anyway.callback_data, resultMessage(confirm))), 0);
    expect(shownText(lastToAdmin())).toContain(t("ru", "reload-rollout", { version: String(before + 1), live: 3, replicas: 3 }));
    const user = 6006;
    await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(user, "опыт метростроения Ташкента")), 0);
    expect(shownText(repliesTo(fleet, user)[0]!)).toContain("метростроения");

    for (const [i, asker] of [6007, 6008].entries()) await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(asker, "какая погода на Марсе")), i);
    await fleet.telegram.deliver(admin("/unanswered"), 2);
    expect(shownText(lastToAdmin())).toMatch(/какая погода на Марсе/);
    const { rows } = await fleet.query<{ count: number }>("SELECT count FROM unanswered_questions WHERE text = 'какая погода на Марсе'");
    expect(rows).toEqual([{ count: 2 }]);
  });

  it("reports ready on /readyz and alive on /healthz", async () => {
    for (const replica of fleet.replicas) {
      expect(await probe(replica, "readyz")).toMatchObject({ status: 200, body: { ready: true, redis: true, postgres: true } });
      expect((await probe(replica, "healthz")).status).toBe(200);
    }
  });

  it("has another replica answer, once, the update of a replica killed with SIGKILL in the middle of it", async () => {
    const user = 6005;
    // The first reply's connection is cut: the replica waits to retry it (auto-retry), and is killed meanwhile.
    fleet.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === user, { kind: "drop" }, 1);
    const update = fleet.api.pushUpdate(fleet.api.privateText(user, QUESTION));
    const delivered = fleet.telegram.deliver(update, 0);
    await fleet.api.waitForRequest("sendMessage", (call) => call.params.chat_id === user, 10_000);
    fleet.replicas[0]!.main.child.kill("SIGKILL");
    fleet.telegram.remove(0);
    const answeredBy = await delivered;
    expect(answeredBy).not.toBe(0);
    expect(repliesTo(fleet, user)).toHaveLength(1);
    const outcomes = fleet.telegram.attempts(update.update_id).map((attempt) => attempt.outcome);
    // The killed replica's request failed; the claim it held made the others answer 503 until its lease ran out.
    expect(outcomes[0]).toBe("error");
    expect(outcomes).toContain(503);
    expect(outcomes.at(-1)).toBe(200);
  });

  it("on SIGTERM fails /readyz first, finishes the updates in flight, and loses none", async () => {
    const users = Array.from({ length: 8 }, (_, i) => 6100 + i);
    fleet.api.failWhen((method, params) => method === "sendMessage" && users.includes(Number(params.chat_id)), { kind: "delay", ms: 1_500 }, users.length);
    const updates = users.map((user) => fleet.api.pushUpdate(fleet.api.privateText(user, QUESTION)));
    const delivered = updates.map((update, i) => fleet.telegram.deliver(update, 1 + (i % 2)));
    // Every reply has reached the stand-in, which holds each for 1.5 s.
    await waitUntil(() => fleet.api.callsTo("sendMessage").filter((call) => users.includes(Number(call.params.chat_id))).length >= users.length, 10_000, "every reply to be under way");
    const stopping = fleet.replicas[1]!;
    stopping.main.child.kill("SIGTERM");
    await waitUntil(async () => (await probe(stopping, "readyz").catch(() => ({ status: 0 }))).status === 503, 5_000, "/readyz to fail");
    fleet.telegram.remove(1);
    await Promise.all(delivered);
    expect(await stopping.main.exited(15_000)).toMatchObject({ code: 0 });
    for (const user of users) expect(repliesTo(fleet, user), `user ${user}`).toHaveLength(1);
  });
});

describe.skipIf(!services.ok)("a fleet whose Redis goes down", () => {
  let redis: ChildProcess | undefined;
  const startRedis = async (port: number): Promise<ChildProcess> => {
    const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], { stdio: "ignore" });
    await waitUntil(() => listening(port), 5_000, "redis-server to listen");
    return child;
  };
  afterAll(async () => {
    await cleanUpFleets();
    await stopAll();
    redis?.kill("SIGKILL");
  });

  it("answers 503 while Redis is away, crashes nowhere, and answers again once it is back", async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const fleet = await startFleet({ replicas: 2, redisUrl: `redis://127.0.0.1:${port}` });
    const user = 6200;
    await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(user, QUESTION)));
    expect(repliesTo(fleet, user)).toHaveLength(1);

    redis.kill("SIGTERM");
    await new Promise((resolve) => redis!.once("exit", resolve));
    const update = fleet.api.pushUpdate(fleet.api.privateText(user, "Минск"));
    const delivered = fleet.telegram.deliver(update);
    await waitUntil(() => fleet.telegram.attempts(update.update_id).filter((attempt) => attempt.outcome === 503).length >= 4, 15_000, "503s while Redis is down");
    for (const replica of fleet.replicas) {
      expect(replica.main.child.exitCode).toBeNull();
      // Services are checked every second; /readyz tells within one check.
      await waitUntil(async () => (await probe(replica, "readyz")).status === 503, 5_000, "/readyz to fail");
      expect((await probe(replica, "readyz")).body).toMatchObject({ ready: false, redis: false, postgres: true });
      expect((await probe(replica, "healthz")).status).toBe(200);
    }
    expect(repliesTo(fleet, user)).toHaveLength(1);

    redis = await startRedis(port);
    expect(await delivered).toEqual(expect.any(Number));
    expect(repliesTo(fleet, user)).toHaveLength(2);
    await waitUntil(async () => (await probe(fleet.replicas[0]!, "readyz")).status === 200, 10_000, "ready again");
    for (const replica of fleet.replicas) expect(replica.main.child.exitCode).toBeNull();
  }, 90_000);
});

/**
 * PostgreSQL that can be cut off: a TCP relay in front of the shared server, so the test can take
 * the database away from the replicas (and give it back) without touching the server others use.
 */
async function startRelay(target: { host: string; port: number }): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.once("close", () => sockets.delete(socket));
          socket.on("error", () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", resolve);
    });
  const cut = async () => {
    // Stop taking connections, then drop the open ones (close() waits for them to end).
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

describe.skipIf(!services.ok)("a fleet whose PostgreSQL goes away", () => {
  afterAll(async () => {
    await cleanUpFleets();
    await stopAll();
  });

  it("answers 503 while PostgreSQL is out of reach, crashes nowhere, and answers again once it is back", async () => {
    const target = new URL(DATABASE_URL);
    const relay = await startRelay({ host: target.hostname, port: Number(target.port || 5432) });
    const relayed = new URL(DATABASE_URL);
    relayed.port = String(relay.port);
    const fleet = await startFleet({ replicas: 2, databaseUrl: relayed.href });
    const user = 6300;
    await fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(user, QUESTION)));
    expect(repliesTo(fleet, user)).toHaveLength(1);

    await relay.cut();
    for (const replica of fleet.replicas) await waitUntil(async () => (await probe(replica, "readyz")).status === 503, 10_000, "/readyz to fail");
    const update = fleet.api.pushUpdate(fleet.api.privateText(user, "Минск"));
    const delivered = fleet.telegram.deliver(update);
    await waitUntil(() => fleet.telegram.attempts(update.update_id).filter((attempt) => attempt.outcome === 503).length >= 3, 15_000, "503s while PostgreSQL is away");
    for (const replica of fleet.replicas) {
      expect(replica.main.child.exitCode).toBeNull();
      expect((await probe(replica, "readyz")).body).toMatchObject({ ready: false, redis: true, postgres: false });
    }
    expect(repliesTo(fleet, user)).toHaveLength(1);

    await relay.restore();
    await delivered;
    expect(repliesTo(fleet, user)).toHaveLength(2);
    for (const replica of fleet.replicas) expect(replica.main.child.exitCode).toBeNull();
    await relay.close();
  }, 90_000);
});
