import type { KnowledgeBase, SourcedCard } from "./types.js";

export interface KnowledgeDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** Cards added, removed and changed (text, metadata or its source) between two loads, by card id. */
export function diffKnowledge(before: KnowledgeBase, after: KnowledgeBase): KnowledgeDiff {
  const old = new Map(before.cards.map((sourced) => [sourced.card.id, fingerprint(sourced)]));
  const next = new Map(after.cards.map((sourced) => [sourced.card.id, fingerprint(sourced)]));
  const added = [...next.keys()].filter((id) => !old.has(id));
  const removed = [...old.keys()].filter((id) => !next.has(id));
  const changed = [...next.keys()].filter((id) => old.has(id) && old.get(id) !== next.get(id));
  return { added, removed, changed };
}

function fingerprint({ card, source }: SourcedCard): string {
  return JSON.stringify([card, source]);
}
