/**
 * The last question of each chat (and forum topic), so a follow-up («а с Ташкентом?», «а кто
 * подписывал?») is read in its light. Only recent ones count — a question half an hour old starts
 * a new conversation — and only so many chats are remembered: the least recently active is
 * forgotten first.
 */
/** Asynchronous because a fleet keeps it in Redis: a chat's next message may reach another replica. */
export interface Conversations {
  /** The previous question of this chat as the engine understood it, if it is recent. */
  previous(chat: string, now: number): Promise<string | undefined>;
  remember(chat: string, understood: string, now: number): Promise<void>;
}

export const FOLLOW_UP_WINDOW_MS = 30 * 60 * 1000;

export function createConversations(capacity = 10_000, windowMs = FOLLOW_UP_WINDOW_MS): Conversations {
  const last = new Map<string, { understood: string; at: number }>();
  return {
    async previous(chat, now) {
      const entry = last.get(chat);
      if (!entry) return undefined;
      if (now - entry.at > windowMs) {
        last.delete(chat);
        return undefined;
      }
      return entry.understood;
    },
    async remember(chat, understood, now) {
      last.delete(chat);
      last.set(chat, { understood, at: now });
      if (last.size > capacity) last.delete(last.keys().next().value!);
    },
  };
}
