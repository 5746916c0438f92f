/**
 * The fleet's building blocks on the real Redis and PostgreSQL, without bot processes: the claim
 * per update, the migrations run by replicas starting together, and knowledge revisions as a
 * compare-and-set. Skipped like tests/fleet/fleet.test.ts where the services are missing.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createUpdateClaims } from "../../src/fleet/claims.js";
import { connectPostgres, migrate } from "../../src/fleet/postgres.js";
import type { Pool } from "../../src/fleet/postgres.js";
import { createKnowledgeRevisions } from "../../src/fleet/revisions.js";
import { createLogger } from "../../src/lib/logger.js";
import { DATABASE_URL, HOW_TO_RUN, REDIS_URL, servicesAvailable } from "./support/fleet.js";

const services = await servicesAvailable();
if (!services.ok) {
  if (process.env.FLEET_TESTS_REQUIRED === "1") throw new Error(`FLEET_TESTS_REQUIRED=1, but ${services.reason}`);
  console.warn(`tests/fleet skipped: ${services.reason}; ${HOW_TO_RUN}`);
}

const id = randomBytes(4).toString("hex");
const logger = createLogger({ level: "silent" });
const redis = new Redis(REDIS_URL, { keyPrefix: `fleet-services-${id}:`, lazyConnect: true });
const schema = `fleet_services_${id}`;
const pools: Pool[] = [];

afterAll(async () => {
  if (!services.ok) return;
  redis.disconnect();
  const plain = new Redis(REDIS_URL);
  const keys = await plain.keys(`fleet-services-${id}:*`);
  if (keys.length > 0) await plain.del(...keys);
  plain.disconnect();
  await pools[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await Promise.all(pools.map((pool) => pool.end()));
});

describe.skipIf(!services.ok)("update claims in Redis", () => {
  it("lets one replica of two take an update, refuses the other while it runs, and acknowledges it once done", async () => {
    const a = createUpdateClaims({ redis, replicaId: "a", leaseMs: 10_000, logger });
    const b = createUpdateClaims({ redis, replicaId: "b", leaseMs: 10_000, logger });
    expect(await a.claim(1)).toBe("claimed");
    expect(await b.claim(1)).toBe("busy");
    expect(await a.claim(1)).toBe("busy");
    await a.done(1);
    expect(await b.claim(1)).toBe("done");
    expect(await redis.pttl("update:1")).toBeGreaterThan(23 * 3600 * 1000);
  });

  it("hands a silent holder's update to the next delivery once the lease runs out, and keeps a renewed one", async () => {
    const dead = createUpdateClaims({ redis, replicaId: "dead", leaseMs: 600, logger });
    const alive = createUpdateClaims({ redis, replicaId: "alive", leaseMs: 600, logger });
    const other = createUpdateClaims({ redis, replicaId: "other", leaseMs: 600, logger });
    expect(await dead.claim(2)).toBe("claimed");
    expect(await alive.claim(3)).toBe("claimed");
    const stop = alive.keepAlive(3);
    await sleep(1_200);
    expect(await other.claim(2)).toBe("claimed");
    expect(await other.claim(3)).toBe("busy");
    stop();
  });

  it("releases only its own claim, so a failed update is retried at once", async () => {
    const a = createUpdateClaims({ redis, replicaId: "a", leaseMs: 10_000, logger });
    const b = createUpdateClaims({ redis, replicaId: "b", leaseMs: 10_000, logger });
    expect(await a.claim(4)).toBe("claimed");
    await b.release(4);
    expect(await b.claim(4)).toBe("busy");
    await a.release(4);
    expect(await b.claim(4)).toBe("claimed");
  });
});

describe.skipIf(!services.ok)("PostgreSQL", () => {
  it("migrates once when replicas start together, and stores revision N+1 for one of two publishers on the same base", async () => {
    const replicas = Array.from({ length: 3 }, () => connectPostgres({ url: DATABASE_URL, schema, logger }));
    pools.push(...replicas);
    const applied = await Promise.all(replicas.map((pool) => migrate(pool, schema)));
    expect(applied.flat()).toEqual(["001_initial.sql"]);
    expect(await migrate(replicas[0]!, schema)).toEqual([]);

    const revisions = createKnowledgeRevisions(replicas[0]!);
    expect(await revisions.latestVersion()).toBe(0);
    const files = new Map([["partners.json", "[]"]]);
    const [first, second] = await Promise.all([revisions.add(files, "editor a", 0), revisions.add(files, "editor b", 0)]);
    expect([first, second].sort()).toEqual([1, undefined]);
    expect(await revisions.add(new Map([["partners.json", "[1]"]]), "editor b", 1)).toBe(2);
    expect(await revisions.latest()).toMatchObject({ version: 2, files: { "partners.json": "[1]" }, publishedBy: "editor b" });
  });
});
