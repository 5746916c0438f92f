/**
 * Inline queries the knowledge did not answer, settled once per typed-out question. Telegram sends
 * an inline query at every pause in typing, so «погода», «погода в», «погода в Минске» arrive as
 * three misses of one question; logging each would fill /unanswered with fragments. A user's miss
 * is held until they have sent no inline query for `pauseMs`, and only the one held then is
 * settled (counted and listed for the editors): a later miss replaces it, a later answered query
 * drops it (they typed on into something the knowledge answers).
 *
 * Why a pause rather than "the miss that is chosen": a miss has no result to choose, and a result
 * made to be chosen ("send this question to the editors") would post a message into whatever chat
 * the user is in. Answered queries need no pause: they count when a result is chosen.
 */
export interface InlineMisses {
  /** The user's latest inline query found nothing: `settle` replaces whatever was held for them. */
  miss(userId: number, settle: () => void): void;
  /** The user's latest inline query was answered: what was held for them is dropped. */
  answered(userId: number): void;
  /** Settles everything held, at once (shutdown), so no settled question is lost with the process. */
  flush(): void;
}

/** Long enough for a slow typist's pauses between words; short enough that the list is current. */
export const INLINE_MISS_PAUSE_MS = 8_000;
/** Users held at once; past it the oldest is settled early rather than memory growing with a flood. */
const MAX_HELD = 10_000;

export function createInlineMisses(pauseMs = INLINE_MISS_PAUSE_MS): InlineMisses {
  const held = new Map<number, { settle: () => void; timer: NodeJS.Timeout }>();

  const drop = (userId: number): (() => void) | undefined => {
    const entry = held.get(userId);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    held.delete(userId);
    return entry.settle;
  };

  return {
    miss(userId, settle) {
      drop(userId);
      if (held.size >= MAX_HELD) {
        const oldest = held.keys().next().value;
        if (oldest !== undefined) drop(oldest)?.();
      }
      const timer = setTimeout(() => drop(userId)?.(), pauseMs);
      // A held miss never keeps the process alive; shutdown flushes it.
      timer.unref();
      held.set(userId, { settle, timer });
    },

    answered(userId) {
      drop(userId);
    },

    flush() {
      for (const userId of [...held.keys()]) drop(userId)?.();
    },
  };
}
