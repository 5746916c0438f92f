import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { KnowledgeUpdates, Rollout } from "../bot/knowledge-updates.js";
import type { KnowledgeStore } from "../engine/store.js";
import { readKnowledgeFiles } from "../knowledge/load.js";
import { parseKnowledge } from "../knowledge/parse.js";
import { withSource } from "../knowledge/publish.js";
import { knowledgeText } from "../knowledge/texts.js";
import type { LoadResult } from "../knowledge/types.js";
import type { Logger } from "../lib/logger.js";
import type { Heartbeats } from "./heartbeats.js";
import type { KnowledgeRevisions } from "./revisions.js";
import { revisionFiles } from "./revisions.js";

export const KNOWLEDGE_CHANNEL = "knowledge";

export interface KnowledgeSyncOptions {
  store: KnowledgeStore;
  revisions: KnowledgeRevisions;
  /** Publishes on the channel. */
  redis: Redis;
  /** A connection of its own: a subscribed Redis connection takes no other commands. */
  subscriber: Redis;
  /** Prefix of the channel (ioredis prefixes keys, not channels). */
  keyPrefix: string;
  heartbeats: Heartbeats;
  /** The folder /reload imports. */
  knowledgeDir: string;
  logger: Pick<Logger, "info" | "warn">;
  /** How often the current revision is checked besides the channel (which can drop a message). */
  pollMs: number;
  /** How long the admin's reply waits for every replica to report the new version. */
  rolloutWaitMs: number;
}

export interface KnowledgeSync extends KnowledgeUpdates {
  /** Loads the newest revision if this replica serves an older one; runs on every message and poll. */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

/** Reads the newest revision as the knowledge store's loader: the snapshot takes the revision's number. */
export function revisionLoader(revisions: KnowledgeRevisions): () => Promise<LoadResult & { version?: number }> {
  return async () => {
    const revision = await revisions.latest();
    if (!revision) return { ok: false, problems: [{ file: "", path: "", text: knowledgeText("knowledge-no-revision") }] };
    return { ...parseKnowledge(revisionFiles(revision)), version: revision.version };
  };
}

/**
 * One knowledge version everywhere: a new revision is announced on a Redis channel, and every
 * replica also polls the newest revision number, so a dropped message only delays it by a poll.
 * Each replica builds the new snapshot off to the side and swaps it in (the store's reload).
 */
export function startKnowledgeSync(options: KnowledgeSyncOptions): KnowledgeSync {
  const { store, revisions, heartbeats, logger } = options;
  const channel = `${options.keyPrefix}${KNOWLEDGE_CHANNEL}`;
  let checking: Promise<void> | undefined;
  let again = false;

  const check = async (): Promise<void> => {
    const newest = await revisions.latestVersion();
    if (newest <= store.current().version) return;
    // The replica that stored the revision reported its warnings to the admin; no one reads them here.
    const result = await store.reload({ warnings: false });
    if (result.ok) logger.info({ version: result.snapshot.version, took_ms: Math.round(result.tookMs) }, "knowledge revision loaded");
    // A stored revision was validated before it was stored; this only happens if the rules changed since.
    else logger.warn({ version: newest, problems: result.problems.length }, "stored knowledge revision refused; still serving the previous one");
    await heartbeats.beat().catch(() => undefined);
  };
  // One check at a time; a request during one runs once more after it, so none is missed.
  const catchUp = (): Promise<void> => {
    if (checking) {
      again = true;
      return checking;
    }
    checking = check()
      .catch((error: unknown) => logger.warn({ error: String(error) }, "could not check the knowledge revision"))
      .finally(() => {
        checking = undefined;
        if (again) {
          again = false;
          void catchUp();
        }
      });
    return checking;
  };

  void options.subscriber.subscribe(channel).catch((error: unknown) => logger.warn({ error: String(error) }, "could not subscribe to knowledge revisions; polling only"));
  options.subscriber.on("message", (from: string) => {
    if (from === channel) void catchUp();
  });
  // ioredis re-subscribes after a reconnect by itself.
  const timer = setInterval(() => void catchUp(), options.pollMs);
  timer.unref();

  const rollout = async (version: number): Promise<Rollout> => {
    const deadline = Date.now() + options.rolloutWaitMs;
    for (;;) {
      const live = await heartbeats.live();
      const lagging = live.filter((beat) => beat.version < version).map(({ replica, version: behind }) => ({ replica, version: behind }));
      if (lagging.length === 0 || Date.now() >= deadline) return { version, live: live.length - lagging.length, replicas: live.length, lagging };
      await sleep(100);
    }
  };

  return {
    catchUp,
    async reload(by) {
      const started = performance.now();
      const files = await readKnowledgeFiles(options.knowledgeDir);
      const checked = parseKnowledge(files);
      if (!checked.ok) return { ok: false, problems: checked.problems, tookMs: performance.now() - started };
      // The folder replaces the knowledge whole, so a revision published meanwhile changes nothing here.
      let version: number | undefined;
      while (version === undefined) version = await revisions.add(files.texts, by, await revisions.latestVersion());
      return announce(version);
    },
    async publish(source, by) {
      for (;;) {
        const base = await revisions.latest();
        if (!base) return { ok: false, problems: [{ file: "", path: "", text: knowledgeText("knowledge-no-revision") }] };
        const added = withSource(revisionFiles(base), source);
        if (!added.ok) return added;
        const version = await revisions.add(added.files.texts, by, base.version);
        // Another revision came first: the source is added to that one instead, so neither is lost.
        if (version !== undefined) return { ok: true, file: added.file, update: await announce(version) };
      }
    },
    async stop() {
      clearInterval(timer);
      await options.subscriber.quit().catch(() => undefined);
    },
  };

  async function announce(version: number) {
    await options.redis.publish(channel, String(version)).catch((error: unknown) => logger.warn({ error: String(error) }, "could not announce the revision; replicas find it by polling"));
    const result = await store.reload();
    await heartbeats.beat().catch(() => undefined);
    return result.ok ? { ...result, rollout: await rollout(version) } : result;
  }
}
