/**
 * Remembers recent questions so a "More" button (whose callback data holds at most 64 bytes) can
 * page through an answer: the button carries a short key, the question stays here. Bounded: the
 * oldest keys are forgotten, and a forgotten or pre-restart key gets a polite "ask again".
 */
export interface RememberedQuestion {
  /** Asked again of the knowledge current when a page button is pressed, reloaded or not. */
  question: string;
  /** The question it followed in its chat (a follow-up is read with it), as the engine understood that one. */
  previous?: string;
}

/** Asynchronous because a fleet keeps it in Redis, where every replica finds it. */
export interface QuestionMemory {
  remember(entry: RememberedQuestion): Promise<string>;
  recall(key: string): Promise<RememberedQuestion | undefined>;
}

export function createQuestionMemory(capacity = 5_000): QuestionMemory {
  const entries = new Map<string, RememberedQuestion>();
  // Keys are unique within one process; the start time keeps them unique across restarts.
  const epoch = Date.now().toString(36).slice(-4);
  let counter = 0;
  return {
    async remember(entry) {
      const key = `${epoch}${(counter++).toString(36)}`;
      entries.set(key, entry);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return key;
    },
    recall: async (key) => entries.get(key),
  };
}
