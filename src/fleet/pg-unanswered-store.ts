import { orRetryLater } from "../bot/retry-later.js";
import type { UnansweredStore } from "../bot/unanswered-store.js";
import { MAX_QUESTION_CHARS, MAX_UNANSWERED } from "../bot/unanswered-store.js";
import type { Pool } from "./postgres.js";

/** The editors' to-do list in PostgreSQL: every replica adds to one list, the newest MAX_UNANSWERED kept. */
export function createPgUnansweredStore(pool: Pool): UnansweredStore {
  let added = 0;
  return {
    load: async () => undefined,
    async add(text, at) {
      const trimmed = Array.from(text.trim()).slice(0, MAX_QUESTION_CHARS).join("");
      if (!trimmed) return;
      await orRetryLater("PostgreSQL", () => pool.query("INSERT INTO unanswered_questions (text, asked_at) VALUES ($1, $2)", [trimmed, at]));
      // Trimmed now and then rather than on every insert: the list may run a little over its bound for a while.
      if (++added % 50 === 0) {
        await pool
          .query("DELETE FROM unanswered_questions WHERE id < (SELECT id FROM unanswered_questions ORDER BY id DESC OFFSET $1 LIMIT 1)", [MAX_UNANSWERED - 1])
          .catch(() => undefined);
      }
    },
    async latest(n) {
      const { rows } = await orRetryLater("PostgreSQL", () =>
        pool.query<{ text: string; asked_at: Date }>("SELECT text, asked_at FROM unanswered_questions ORDER BY id DESC LIMIT $1", [Math.max(0, Math.min(n, MAX_UNANSWERED))]),
      );
      return rows.map((row) => ({ text: row.text, at: row.asked_at.toISOString() }));
    },
    flush: async () => undefined,
  };
}
