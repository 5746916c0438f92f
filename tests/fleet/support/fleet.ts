/**
 * A fleet for the tests: two or three `src/main.ts` processes in webhook mode on their own ports,
 * on the real Redis and PostgreSQL, with the Bot API stand-in as BOT_API_ROOT and a TestTelegram
 * delivering to them. Each fleet has its own Redis key prefix and PostgreSQL schema, so runs never
 * meet; stopFleets() kills the processes and removes both.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { copyKnowledge, freePort, spawnMain, startStandIn, tempDir } from "../../e2e/harness.js";
import type { MainProcess } from "../../e2e/harness.js";
import type { BotApiStandIn } from "../../support/bot-api-stand-in.js";
import { TestTelegram } from "./test-telegram.js";

export const REDIS_URL = process.env.FLEET_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const DATABASE_URL = process.env.FLEET_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const TOKEN = "7000000077:AAE-fleet-level_token-0123456789abcdef";
export const SECRET = "fleet_secret-0123456789-abcdefghij-klmnop";
export const ADMIN = 777;

/** Whether the shared services answer; when they do not, the fleet tests skip (or fail, with FLEET_TESTS_REQUIRED=1). */
export async function servicesAvailable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return { ok: false, reason: `Redis at ${REDIS_URL}: ${String(error)}` };
  } finally {
    redis.disconnect();
  }
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    return { ok: false, reason: `PostgreSQL at ${DATABASE_URL}: ${String(error)}` };
  } finally {
    await client.end().catch(() => undefined);
  }
  return { ok: true };
}

export const HOW_TO_RUN =
  "the fleet tests need Redis (127.0.0.1:6379) and PostgreSQL (127.0.0.1:5432, trust auth, database test); start both and run `npx vitest run tests/fleet` (FLEET_TEST_REDIS_URL / FLEET_TEST_DATABASE_URL point elsewhere; FLEET_TESTS_REQUIRED=1 makes their absence a failure)";

export interface Replica {
  main: MainProcess;
  port: number;
  url: string;
}

export interface Fleet {
  api: BotApiStandIn;
  replicas: Replica[];
  telegram: TestTelegram;
  knowledgeDir: string;
  prefix: string;
  schema: string;
  redisUrl: string;
  /** Starts one more replica (a replacement, or a deploy's new copy). */
  addReplica(): Promise<Replica>;
  /** Redis as the fleet sees it (its prefix applied). */
  redis(): Redis;
  /** A query in the fleet's PostgreSQL schema. */
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface FleetOptions {
  replicas: number;
  redisUrl?: string;
  /** The replicas' DATABASE_URL (the fleet's own queries and clean-up use DATABASE_URL itself). */
  databaseUrl?: string;
  /** Short in tests, so a killed replica's update is taken over in seconds. */
  claimLeaseMs?: number;
  env?: Record<string, string>;
  /** The knowledge folder copied for the fleet (default: the v1 test fixture). */
  knowledgeFrom?: string;
}

const fleets: Array<{ fleet: Fleet; redis?: Redis }> = [];

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const id = randomBytes(4).toString("hex");
  const prefix = `fleet-test-${id}:`;
  const schema = `fleet_test_${id}`;
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const api = await startStandIn({ token: TOKEN });
  const knowledgeDir = await copyKnowledge(options.knowledgeFrom);
  const replicas: Replica[] = [];
  const entry: { fleet: Fleet; redis?: Redis } = { fleet: undefined as unknown as Fleet };

  const addReplica = async (): Promise<Replica> => {
    const port = await freePort();
    const main = await spawnMain({
      BOT_TOKEN: TOKEN,
      BOT_API_ROOT: api.apiRoot,
      KNOWLEDGE_DIR: knowledgeDir,
      DATA_DIR: path.join(await tempDir("data"), "unused"),
      ADMIN_IDS: String(ADMIN),
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example/webhook",
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: "info",
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      DATABASE_URL: options.databaseUrl ?? DATABASE_URL,
      DATABASE_SCHEMA: schema,
      CLAIM_LEASE_MS: String(options.claimLeaseMs ?? 2_000),
      ...options.env,
    });
    await main.waitForLog((record) => record.msg === "bot started", 30_000);
    const replica = { main, port, url: `http://127.0.0.1:${port}/webhook` };
    replicas.push(replica);
    return replica;
  };
  // The first imports the knowledge as revision 1, which the others then load.
  await addReplica();
  await Promise.all(Array.from({ length: options.replicas - 1 }, addReplica));
  const telegram = new TestTelegram({ replicas: replicas.map((replica) => replica.url), secret: SECRET, timeoutMs: 15_000, retryDelayMs: 100 });
  const fleet: Fleet = {
    api,
    replicas,
    telegram,
    knowledgeDir,
    prefix,
    schema,
    redisUrl,
    async addReplica() {
      const replica = await addReplica();
      telegram.addReplica(replica.url);
      return replica;
    },
    redis() {
      entry.redis ??= new Redis(redisUrl, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
      return entry.redis;
    },
    async query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        return await client.query<R>(sql, values);
      } finally {
        await client.end();
      }
    },
  };
  entry.fleet = fleet;
  fleets.push(entry);
  return fleet;
}

/** Kills every fleet's processes (the harness's stopAll does that too) and removes its keys and schema. */
export async function cleanUpFleets(): Promise<void> {
  for (const { fleet, redis } of fleets.splice(0)) {
    await Promise.all(fleet.replicas.map((replica) => replica.main.kill()));
    redis?.disconnect();
    const cleaner = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await cleaner.keys(`${fleet.prefix}*`).catch(() => []);
    if (keys.length > 0) await cleaner.del(...keys).catch(() => undefined);
    cleaner.disconnect();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${fleet.schema}" CASCADE`);
    await client.end();
  }
}

/** GET a replica's /healthz or /readyz. */
export async function probe(replica: Replica, which: "healthz" | "readyz"): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${replica.port}/${which}`, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
