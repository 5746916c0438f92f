import { orRetryLater } from "../bot/retry-later.js";
import type { UnansweredStore } from "../bot/unanswered-store.js";
import { MAX_QUESTION_CHARS, MAX_UNANSWERED, questionKey } from "../bot/unanswered-store.js";
import type { Pool } from "./postgres.js";

/**
 * The editors' to-do list in PostgreSQL: every replica adds to one list, a repeat merged into its
 * question (count, first and last time) as the file store does, the MAX_UNANSWERED most recently
 * asked kept.
 */
export function createPgUnansweredStore(pool: Pool): UnansweredStore {
  let added = 0;
  return {
    load: async () => undefined,
    async add(text, at) {
      const trimmed = Array.from(text.trim()).slice(0, MAX_QUESTION_CHARS).join("");
      if (!trimmed) return;
      await orRetryLater("PostgreSQL", () =>
        pool.query(
          `INSERT INTO unanswered_questions (question_key, text, asked_at, first_at, count) VALUES ($1, $2, $3, $3, 1)
           ON CONFLICT (question_key) DO UPDATE SET text = EXCLUDED.text, asked_at = GREATEST(unanswered_questions.asked_at, EXCLUDED.asked_at),
             first_at = LEAST(unanswered_questions.first_at, EXCLUDED.first_at), count = unanswered_questions.count + 1`,
          [questionKey(trimmed), trimmed, at],
        ),
      );
      // Trimmed now and then rather than on every insert: the list may run a little over its bound for a while.
      if (++added % 50 === 0) {
        await pool
          .query("DELETE FROM unanswered_questions WHERE question_key NOT IN (SELECT question_key FROM unanswered_questions ORDER BY asked_at DESC LIMIT $1)", [MAX_UNANSWERED])
          .catch(() => undefined);
      }
    },
    async latest(n) {
      const { rows } = await orRetryLater("PostgreSQL", () =>
        pool.query<{ text: string; asked_at: Date; first_at: Date; count: number }>(
          "SELECT text, asked_at, first_at, count FROM unanswered_questions ORDER BY asked_at DESC LIMIT $1",
          [Math.max(0, Math.min(n, MAX_UNANSWERED))],
        ),
      );
      return rows.map((row) => ({ text: row.text, at: row.asked_at.toISOString(), count: row.count, first: row.first_at.toISOString() }));
    },
    flush: async () => undefined,
  };
}
