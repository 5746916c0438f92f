import { diffKnowledge } from "../knowledge/diff.js";
import { loadKnowledge } from "../knowledge/load.js";
import type { KnowledgeProblem, LoadResult } from "../knowledge/types.js";
import { knowledgeWarnings } from "./knowledge-warnings.js";
import { buildSnapshotInSteps } from "./snapshot.js";
import type { ReloadResult, Snapshot } from "./types.js";

export interface KnowledgeStore {
  /** The snapshot to answer from. Take it once per question: it never changes under you. */
  current(): Snapshot;
  /**
   * Re-reads the folder; on success swaps in a new snapshot, on any problem keeps the old one. Reloads run one at a time.
   * `warnings: false` skips the knowledge warnings (seconds of work at thousands of cards) where no
   * one will read them — a fleet replica catching up with a revision another replica reported on.
   */
  reload(options?: { warnings?: boolean }): Promise<ReloadResult>;
}

/**
 * Reads the knowledge of record. `version`, when given, numbers the snapshot (a fleet's revision
 * number, the same on every replica, so a button made on one replica is current on another);
 * without it a snapshot is numbered one past the one it replaces.
 */
export type KnowledgeLoader = () => Promise<LoadResult & { version?: number }>;

/** Loads the first snapshot; fails with the problems when the folder is not valid. */
export async function openKnowledgeStore(
  dir: string,
  load: KnowledgeLoader = () => loadKnowledge(dir),
  now: () => number = () => performance.now(),
): Promise<{ ok: true; store: KnowledgeStore } | { ok: false; problems: KnowledgeProblem[] }> {
  const first = await load();
  if (!first.ok) return { ok: false, problems: first.problems };
  let snapshot = await buildSnapshotInSteps(first.knowledge, first.version ?? 1);
  let queue: Promise<unknown> = Promise.resolve();

  const reloadNow = async ({ warnings = true }: { warnings?: boolean } = {}): Promise<ReloadResult> => {
    const started = now();
    const loaded = await load();
    if (!loaded.ok) return { ok: false, problems: loaded.problems, tookMs: now() - started };
    // Built entirely off to the side, in steps so questions go on meanwhile; the single assignment below is the swap.
    const next = await buildSnapshotInSteps(loaded.knowledge, loaded.version ?? snapshot.version + 1, new Date(), snapshot);
    const diff = diffKnowledge(snapshot.knowledge, next.knowledge);
    snapshot = next;
    return { ok: true, snapshot: next, diff, warnings: warnings ? knowledgeWarnings(next.knowledge) : [], tookMs: now() - started };
  };

  const store: KnowledgeStore = {
    current: () => snapshot,
    reload: (options) => {
      const run = queue.then(
        () => reloadNow(options),
        () => reloadNow(options),
      );
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return { ok: true, store };
}
