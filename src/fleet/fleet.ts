import { hostname } from "node:os";
import type { MiddlewareFn } from "grammy";
import type { Conversations } from "../bot/conversations.js";
import type { SharedRateLimit } from "../bot/rate-limit.js";
import type { DraftStore } from "../bot/draft-store.js";
import type { KnowledgeUpdates } from "../bot/knowledge-updates.js";
import type { QuestionMemory } from "../bot/question-memory.js";
import { RetryLaterError } from "../bot/retry-later.js";
import type { Stats } from "../bot/stats.js";
import type { UnansweredStore } from "../bot/unanswered-store.js";
import type { FleetConfig } from "../lib/config.js";
import { openKnowledgeStore } from "../engine/store.js";
import type { KnowledgeStore } from "../engine/store.js";
import { readKnowledgeFiles } from "../knowledge/load.js";
import { parseKnowledge } from "../knowledge/parse.js";
import type { KnowledgeProblem } from "../knowledge/types.js";
import type { Logger } from "../lib/logger.js";
import { claimUpdates, createUpdateClaims } from "./claims.js";
import { startHealthChecks } from "./health.js";
import type { FleetHealth } from "./health.js";
import { startHeartbeats } from "./heartbeats.js";
import { revisionLoader, startKnowledgeSync } from "./knowledge-sync.js";
import { createPgDraftStore } from "./pg-draft-store.js";
import { createPgUnansweredStore } from "./pg-unanswered-store.js";
import { connectPostgres, migrate } from "./postgres.js";
import { createRedisConversations, createRedisQuestionMemory } from "./redis-memory.js";
import { connectRedis } from "./redis.js";
import { createRedisStats } from "./redis-stats.js";
import { createKnowledgeRevisions } from "./revisions.js";

/** How often a replica checks the newest knowledge revision besides the channel. */
const REVISION_POLL_MS = 2_000;
/** How long the admin's reload reply waits for the other replicas to serve the new version. */
const ROLLOUT_WAIT_MS = 10_000;

/** Everything a replica shares with the others, in the shapes the bot takes. */
export interface Fleet {
  replicaId: string;
  store: KnowledgeStore;
  stats: Stats;
  unanswered: UnansweredStore;
  drafts: DraftStore;
  questions: QuestionMemory;
  conversations: Conversations;
  knowledgeUpdates: KnowledgeUpdates;
  /** The first middleware: 503 while a service is down, and one answer per update across the fleet. */
  gate: MiddlewareFn;
  /** The flood limit's counters and notices, shared by the replicas. */
  rateLimit: SharedRateLimit;
  health: FleetHealth;
  /** Leaves the fleet and closes the connections, after the last update was handled. */
  close(): Promise<void>;
}

export type OpenFleetResult = { ok: true; fleet: Fleet } | { ok: false; problems: KnowledgeProblem[] };

/**
 * Joins the fleet: connects to Redis and PostgreSQL (refusing to start without them), runs the
 * migrations, and loads the newest knowledge revision — importing KNOWLEDGE_DIR as revision 1 when
 * the database has none yet.
 */
export async function openFleet(config: FleetConfig, knowledgeDir: string, logger: Logger): Promise<OpenFleetResult> {
  const replicaId = `${hostname()}:${process.pid}`;
  const redis = connectRedis({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, logger, role: "commands" });
  const subscriber = connectRedis({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, logger, role: "subscriber" });
  await Promise.all([redis.connect(), subscriber.connect()]);
  const pool = connectPostgres({ url: config.databaseUrl, schema: config.databaseSchema, logger });
  const applied = await migrate(pool, config.databaseSchema);
  if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");

  const revisions = createKnowledgeRevisions(pool);
  if ((await revisions.latestVersion()) === 0) {
    const files = await readKnowledgeFiles(knowledgeDir);
    const checked = parseKnowledge(files);
    if (!checked.ok) return { ok: false, problems: checked.problems };
    // Replicas starting together on an empty database: one stores revision 1, the others load it.
    if ((await revisions.add(files.texts, `start-up import (${replicaId})`, 0)) !== undefined) logger.info({ dir: knowledgeDir }, "knowledge folder imported as revision 1");
  }
  const opened = await openKnowledgeStore(knowledgeDir, revisionLoader(revisions));
  if (!opened.ok) return opened;
  const { store } = opened;

  const heartbeats = startHeartbeats(redis, replicaId, () => store.current().version, logger);
  const sync = startKnowledgeSync({ store, revisions, redis, subscriber, keyPrefix: config.redisKeyPrefix, heartbeats, knowledgeDir, logger, pollMs: REVISION_POLL_MS, rolloutWaitMs: ROLLOUT_WAIT_MS });
  const health = startHealthChecks(redis, pool);
  const claim = claimUpdates(createUpdateClaims({ redis, replicaId, leaseMs: config.claimLeaseMs, logger }), logger);

  const fleet: Fleet = {
    replicaId,
    store,
    stats: createRedisStats(redis, logger),
    unanswered: createPgUnansweredStore(pool),
    drafts: createPgDraftStore(pool),
    questions: createRedisQuestionMemory(redis),
    conversations: createRedisConversations(redis),
    knowledgeUpdates: sync,
    gate: async (ctx, next) => {
      const ready = health.readiness();
      if (!ready.redis || !ready.postgres) throw new RetryLaterError(`${ready.redis ? "PostgreSQL" : "Redis"} is unavailable`, "unavailable");
      await claim(ctx, next);
    },
    rateLimit: {
      storageClient: redis,
      firstNotice: async (user, windowMs) => (await redis.set(`ratelimit-told:${user}`, "1", "PX", windowMs, "NX")) === "OK",
    },
    health,
    async close() {
      health.stop();
      await heartbeats.leave().catch(() => undefined);
      await sync.stop();
      await Promise.all([redis.quit().catch(() => undefined), pool.end().catch(() => undefined)]);
    },
  };
  return { ok: true, fleet };
}
