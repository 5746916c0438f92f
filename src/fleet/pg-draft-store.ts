import type { Draft, DraftStore } from "../bot/draft-store.js";
import { MAX_DRAFTS, parseDraft } from "../bot/draft-store.js";
import { orRetryLater } from "../bot/retry-later.js";
import type { Pool } from "./postgres.js";

const MAX_AGE = "7 days";

/** Ingest drafts in PostgreSQL, so an admin's review continues on whichever replica gets the next press. */
export function createPgDraftStore(pool: Pool): DraftStore {
  const query = <T extends object>(sql: string, values: unknown[]) => orRetryLater("PostgreSQL", () => pool.query<T>(sql, values));
  const one = async (sql: string, values: unknown[]): Promise<Draft | undefined> => {
    const { rows } = await query<{ draft: unknown }>(sql, values);
    return rows[0] ? parseDraft(rows[0].draft) : undefined;
  };
  return {
    load: async () => undefined,
    async put(draft) {
      await query(
        `INSERT INTO ingest_drafts (key, chat_id, message_id, created_at, draft) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE SET message_id = EXCLUDED.message_id, draft = EXCLUDED.draft`,
        [draft.key, draft.chatId, draft.messageId ?? null, draft.createdAt, JSON.stringify(draft)],
      );
      // The same bounds as the file store: a week, and the newest MAX_DRAFTS.
      await query(
        `DELETE FROM ingest_drafts WHERE created_at < now() - interval '${MAX_AGE}'
           OR key NOT IN (SELECT key FROM ingest_drafts ORDER BY created_at DESC LIMIT $1)`,
        [MAX_DRAFTS],
      );
    },
    get: (key) => one(`SELECT draft FROM ingest_drafts WHERE key = $1 AND created_at >= now() - interval '${MAX_AGE}'`, [key]),
    byMessage: (chatId, messageId) =>
      one(`SELECT draft FROM ingest_drafts WHERE chat_id = $1 AND message_id = $2 AND created_at >= now() - interval '${MAX_AGE}'`, [chatId, messageId]),
    async remove(key) {
      await query("DELETE FROM ingest_drafts WHERE key = $1", [key]);
    },
    // Every write above is committed when its promise resolves.
    flush: async () => undefined,
  };
}
