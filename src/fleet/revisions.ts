import type { KnowledgeFiles } from "../knowledge/parse.js";
import type { Pool } from "./postgres.js";

/** One published state of the knowledge: every file of the folder, by its path in the folder. */
export interface KnowledgeRevision {
  version: number;
  files: Record<string, string>;
  publishedBy: string;
  publishedAt: Date;
}

export interface KnowledgeRevisions {
  /** The newest revision's number, 0 when none was published yet: cheap, for every replica's poll. */
  latestVersion(): Promise<number>;
  latest(): Promise<KnowledgeRevision | undefined>;
  /**
   * Stores the files as the revision after `base`. Returns the new number, or undefined when
   * another revision was published since `base` (the caller rebuilds on it: no edit is lost).
   */
  add(files: ReadonlyMap<string, string>, publishedBy: string, base: number): Promise<number | undefined>;
}

export function createKnowledgeRevisions(pool: Pool): KnowledgeRevisions {
  return {
    async latestVersion() {
      const { rows } = await pool.query<{ version: number | null }>("SELECT max(version) AS version FROM knowledge_revisions");
      return rows[0]?.version ?? 0;
    },
    async latest() {
      const { rows } = await pool.query<{ version: number; files: Record<string, string>; published_by: string; published_at: Date }>(
        "SELECT version, files, published_by, published_at FROM knowledge_revisions ORDER BY version DESC LIMIT 1",
      );
      const row = rows[0];
      return row && { version: row.version, files: row.files, publishedBy: row.published_by, publishedAt: row.published_at };
    },
    async add(files, publishedBy, base) {
      // The primary key makes "N+1" a compare-and-set: of two publishers on the same base, one wins.
      const { rowCount } = await pool.query(
        "INSERT INTO knowledge_revisions (version, files, published_by) VALUES ($1, $2, $3) ON CONFLICT (version) DO NOTHING",
        [base + 1, JSON.stringify(Object.fromEntries(files)), publishedBy],
      );
      return rowCount === 1 ? base + 1 : undefined;
    },
  };
}

/** A revision's files as the knowledge parser takes them from a folder. */
export function revisionFiles(revision: Pick<KnowledgeRevision, "files">): KnowledgeFiles {
  return { texts: new Map(Object.entries(revision.files)), problems: [] };
}
