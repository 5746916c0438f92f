import { cpus, loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { PROJECT_KNOWLEDGE_DIR, copyKnowledge, freePort, spawnMain, startStandIn, stopAll, tempDir } from "../tests/e2e/harness.js";
import { ADMIN, HOW_TO_RUN, SECRET, TOKEN, cleanUpFleets, probe, servicesAvailable, startFleet } from "../tests/fleet/support/fleet.js";
import type { Replica } from "../tests/fleet/support/fleet.js";
import { TestTelegram } from "../tests/fleet/support/test-telegram.js";
import type { BotApiStandIn } from "../tests/support/bot-api-stand-in.js";
import { parseArgs, table, writeResults } from "./lib/report.js";

/**
 * `npm run bench:fleet [-- --json] [--updates N] [--lease-ms MS]`
 * A burst of updates (10,000 by default, each from its own user, 64 deliveries under way at a
 * time) through two fleet replicas on Redis and PostgreSQL, with one replica killed (SIGKILL)
 * half way; beside it the same burst through one plain process. A test "Telegram" delivers
 * round-robin and repeats a delivery on any non-2xx or failed connection, as Telegram does.
 * Counts every update's replies at the Bot API stand-in: lost (none), doubled (more than one),
 * and of the doubled how many were in flight on the killed replica. Also times a /reload until
 * every replica serves the new version. Needs the services (see docs/deployment.md).
 */

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2), { flags: ["json"], values: ["updates", "lease-ms"] });
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run bench:fleet [-- --json] [--updates N] [--lease-ms MS]`);
  process.exit(2);
}
const UPDATES = Number(args.values.get("updates") ?? 10_000);
const LEASE_MS = Number(args.values.get("lease-ms") ?? 5_000);
const CONCURRENCY = 64;
const QUESTIONS = ["меморандум Москвы и Минска", "Минск", "Дни Москвы в Ташкенте", "когда подписано соглашение с Ханоем", "какая погода на Марсе", "а с Ташкентом?"];
const log = (message: string): void => void process.stderr.write(`${message}\n`);

const services = await servicesAvailable();
if (!services.ok) {
  console.error(`bench:fleet needs the services: ${services.reason}\n${HOW_TO_RUN}`);
  process.exit(2);
}

interface BurstResult {
  updates: number;
  seconds: number;
  latencies: number[];
  lost: number;
  doubled: number;
  /** Set when a replica was killed. */
  kill?: { inFlight: number[]; at: number; failoverMs: number; doubledInFlight: number; doubledSentBeforeKill: number };
}

/** Delivers `count` updates, CONCURRENCY at a time; `onHalf` runs once half of them are accepted. */
async function burst(api: BotApiStandIn, telegram: TestTelegram, count: number, firstUser: number, onHalf?: () => Promise<{ inFlight: number[]; at: number; wallClock: number }>): Promise<BurstResult> {
  const updates = Array.from({ length: count }, (_, i) => api.pushUpdate(api.privateText(firstUser + i, QUESTIONS[i % QUESTIONS.length]!)));
  const accepted = new Map<number, number>();
  const latencies: number[] = [];
  let next = 0;
  let kill: { inFlight: number[]; at: number; wallClock: number } | undefined;
  let halfDone: Promise<void> | undefined;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < updates.length) {
      const update = updates[next++]!;
      const t0 = performance.now();
      await telegram.deliver(update);
      const t1 = performance.now();
      latencies.push(t1 - t0);
      accepted.set(update.update_id, t1);
      if (onHalf && !halfDone && accepted.size >= count / 2) halfDone = onHalf().then((result) => void (kill = result));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await halfDone;
  const seconds = (performance.now() - started) / 1000;

  const replies = new Map<number, number>();
  const firstReplyAt = new Map<number, number>();
  for (const call of api.callsTo("sendMessage")) {
    if (call.status !== 200) continue;
    const chat = Number(call.params.chat_id);
    replies.set(chat, (replies.get(chat) ?? 0) + 1);
    if (!firstReplyAt.has(chat)) firstReplyAt.set(chat, call.at);
  }
  const userOf = new Map(updates.map((update, i) => [update.update_id, firstUser + i]));
  const count_ = (user: number): number => replies.get(user) ?? 0;
  const result: BurstResult = {
    updates: count,
    seconds,
    latencies,
    lost: updates.filter((_, i) => count_(firstUser + i) === 0).length,
    doubled: updates.filter((_, i) => count_(firstUser + i) > 1).length,
  };
  if (kill) {
    const failoverMs = Math.max(0, ...kill.inFlight.map((id) => (accepted.get(id) ?? kill!.at) - kill!.at));
    const doubledInFlight = kill.inFlight.filter((id) => count_(userOf.get(id)!) > 1);
    // The window no bot can close: the reply had gone out, the 2xx had not, when the replica died.
    // Which replica sent a reply the stand-in cannot tell, and it reads a request late when busy;
    // but no other replica could claim the update before the killed one's lease ran out (at the
    // soonest a lease less one renewal period after the kill), so a reply read before then is the
    // killed replica's.
    const othersCouldClaimAt = kill.wallClock + LEASE_MS - LEASE_MS / 3;
    const sentBeforeKill = doubledInFlight.filter((id) => (firstReplyAt.get(userOf.get(id)!) ?? Infinity) < othersCouldClaimAt);
    result.kill = { ...kill, failoverMs, doubledInFlight: doubledInFlight.length, doubledSentBeforeKill: sentBeforeKill.length };
  }
  return result;
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)] ?? 0;
}

try {
  // One plain process: today's single-process bot in webhook mode, state in files.
  log(`single process: ${UPDATES} updates…`);
  const singleApi = await startStandIn({ token: TOKEN });
  const port = await freePort();
  const single = await spawnMain({
    BOT_TOKEN: TOKEN,
    BOT_API_ROOT: singleApi.apiRoot,
    KNOWLEDGE_DIR: await copyKnowledge(PROJECT_KNOWLEDGE_DIR),
    DATA_DIR: await tempDir("bench-fleet-data"),
    BOT_MODE: "webhook",
    WEBHOOK_URL: "https://bot.example/webhook",
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: "warn",
  });
  await waitForPort(port);
  const singleResult = await burst(singleApi, new TestTelegram({ replicas: [`http://127.0.0.1:${port}/webhook`], secret: SECRET }), UPDATES, 1_000_000);
  await single.kill();

  log("fleet of 2: starting…");
  const fleet = await startFleet({ replicas: 2, claimLeaseMs: LEASE_MS, knowledgeFrom: PROJECT_KNOWLEDGE_DIR, env: { ADMIN_IDS: String(ADMIN) } });

  // A reload until every replica serves the new version, timed from the admin's /reload.
  const before = Number((await probe(fleet.replicas[0]!, "healthz")).body.knowledge_version);
  const reloadStarted = performance.now();
  const reloadDelivered = fleet.telegram.deliver(fleet.api.pushUpdate(fleet.api.privateText(ADMIN, "/reload")), 0);
  await waitForVersion(fleet.replicas, before + 1);
  const reloadToAllMs = performance.now() - reloadStarted;
  await reloadDelivered;

  log(`fleet of 2: ${UPDATES} updates, replica 2 killed half way…`);
  const killed = 1;
  const fleetResult = await burst(fleet.api, fleet.telegram, UPDATES, 2_000_000, async () => {
    const inFlight = fleet.telegram.inFlight(killed);
    const at = performance.now();
    const wallClock = Date.now();
    fleet.replicas[killed]!.main.child.kill("SIGKILL");
    fleet.telegram.remove(killed);
    return { inFlight, at, wallClock };
  });

  const report = {
    replicas: 2,
    updates: UPDATES,
    lost: fleetResult.lost,
    doubled: fleetResult.doubled,
    in_flight_at_kill: fleetResult.kill?.inFlight.length ?? 0,
    doubled_among_in_flight: fleetResult.kill?.doubledInFlight ?? 0,
    doubled_reply_sent_by_killed_replica: fleetResult.kill?.doubledSentBeforeKill ?? 0,
    updates_per_s: Math.round(UPDATES / fleetResult.seconds),
    single_process_updates_per_s: Math.round(UPDATES / singleResult.seconds),
    single_process_lost: singleResult.lost,
    single_process_doubled: singleResult.doubled,
    p99_ms: Math.round(p99(fleetResult.latencies)),
    single_process_p99_ms: Math.round(p99(singleResult.latencies)),
    failover_ms: Math.round(fleetResult.kill?.failoverMs ?? 0),
    claim_lease_ms: LEASE_MS,
    reload_to_all_ms: Math.round(reloadToAllMs),
    concurrency: CONCURRENCY,
    load_average: loadavg().map((load) => Math.round(load * 10) / 10),
    cores: cpus().length,
  };
  const file = await writeResults("fleet", report);
  if (args.flags.has("json")) console.log(JSON.stringify(report));
  else {
    console.log(`## Fleet: ${UPDATES} updates, ${CONCURRENCY} deliveries under way, one of 2 replicas killed half way (claim lease ${LEASE_MS} ms)\n`);
    console.log(
      table(
        ["", "updates/s", "p99 ms", "lost", "doubled"],
        [
          ["one process", report.single_process_updates_per_s, report.single_process_p99_ms, report.single_process_lost, report.single_process_doubled],
          [
            "2 replicas, one killed",
            report.updates_per_s,
            report.p99_ms,
            report.lost,
            `${report.doubled}: ${report.doubled_among_in_flight} of the ${report.in_flight_at_kill} in flight at the kill, ${report.doubled_reply_sent_by_killed_replica} of them answered by the killed replica first`,
          ],
        ],
      ),
    );
    console.log(`\nFailover (kill → the last update in flight on the killed replica answered elsewhere): ${report.failover_ms} ms`);
    console.log(`Reload → every replica serving the new version: ${report.reload_to_all_ms} ms`);
    console.log(`Load average at the end: ${loadavg().map((load) => load.toFixed(1)).join(", ")} on ${cpus().length} cores (the figures are wall-clock times on a shared machine)`);
    console.log(`Results: ${file}`);
  }
} finally {
  await cleanUpFleets();
  await stopAll();
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error("the single process did not start");
}

async function waitForVersion(replicas: Replica[], version: number): Promise<void> {
  for (;;) {
    // A replica busy building the new index may answer late; that is a "not yet", not a failure.
    const versions = await Promise.all(replicas.map(async (replica) => Number((await probe(replica, "healthz").catch(() => ({ body: { knowledge_version: 0 } }))).body.knowledge_version)));
    if (versions.every((served) => served >= version)) return;
    await sleep(10);
  }
}
