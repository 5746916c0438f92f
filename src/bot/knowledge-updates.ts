import type { KnowledgeStore } from "../engine/store.js";
import type { ReloadResult } from "../engine/types.js";
import { publishSource } from "../knowledge/publish.js";
import type { SourceFile } from "../knowledge/schema.js";
import type { KnowledgeProblem } from "../knowledge/types.js";

/** How far a new knowledge version has reached in a fleet, once the replicas report it (or the wait ran out). */
export interface Rollout {
  version: number;
  /** Replicas serving `version` (or a later one). */
  live: number;
  /** Replicas heard from recently. */
  replicas: number;
  /** Those still on an older version: who, and which. */
  lagging: { replica: string; version: number }[];
}

/** A reload as the admin is told of it; `rollout` only in a fleet. */
export type KnowledgeUpdate = ReloadResult & { rollout?: Rollout };

export type PublishOutcome = { ok: true; file: string; update: KnowledgeUpdate } | { ok: false; problems: KnowledgeProblem[] };

/**
 * How the admin's /reload and a published draft change the knowledge being served. One process
 * reads its folder; a fleet stores a new revision in PostgreSQL and waits for every replica.
 */
export interface KnowledgeUpdates {
  /** `by`: who asked, for the revision's record. */
  reload(by: string): Promise<KnowledgeUpdate>;
  /** Adds a reviewed source, only if the whole knowledge validates with it, then serves it. */
  publish(source: SourceFile, by: string): Promise<PublishOutcome>;
}

/** The single process: the folder is the knowledge of record. */
export function folderKnowledgeUpdates(store: KnowledgeStore, knowledgeDir: string): KnowledgeUpdates {
  return {
    reload: () => store.reload(),
    async publish(source) {
      const published = await publishSource(knowledgeDir, source);
      if (!published.ok) return published;
      return { ok: true, file: published.file, update: await store.reload() };
    },
  };
}
