import type { FactCard } from "../knowledge/schema.js";
import { contentTokens, stemWord } from "../search/normalize.js";

/**
 * How well a draft covers hand-written cards: for each reviewed card, the draft card that shares
 * most of its key terms (stems of its content words, as the search engine sees them). A reviewed
 * card is rewritten in our own words, so the overlap is never complete; most of the terms is the
 * sign that the draft holds the fact and the editor only has to rephrase it.
 */

/** A reviewed card counts as covered when a draft card holds at least this share of its terms. */
export const COVERED = 0.5;
/** Below COVERED but above this, the pair is most often the same fact in other words. */
export const LIKELY = 0.3;

export function keyTerms(text: string): Set<string> {
  return new Set(contentTokens(text).map(stemWord));
}

export interface CardMatch {
  card: FactCard;
  /** The draft card sharing most terms, if any shares one. */
  best?: FactCard;
  shared: string[];
  /** How many key terms the reviewed card has. */
  terms: number;
  /** Shared terms over the reviewed card's terms, 0–1. */
  overlap: number;
}

/**
 * Pairs each reviewed card with the draft card sharing most of its key terms, where a term counts
 * more the fewer draft cards have it: every card of an article says "Москва" and "Ханой", so those
 * should not decide which draft card holds "обмен опытом в градостроительстве".
 */
export function matchCards(reviewed: readonly FactCard[], drafts: readonly FactCard[]): CardMatch[] {
  const draftTerms = drafts.map((card) => ({ card, terms: keyTerms(card.text) }));
  const cardsWith = new Map<string, number>();
  for (const { terms } of draftTerms) for (const term of terms) cardsWith.set(term, (cardsWith.get(term) ?? 0) + 1);
  const weight = (term: string): number => Math.log(1 + draftTerms.length / (cardsWith.get(term) ?? 1));

  return reviewed.map((card) => {
    const terms = keyTerms(card.text);
    let best: { card: FactCard; shared: string[]; score: number } | undefined;
    for (const draft of draftTerms) {
      const shared = [...terms].filter((term) => draft.terms.has(term));
      const score = shared.reduce((sum, term) => sum + weight(term), 0);
      if (shared.length > 0 && score > (best?.score ?? 0)) best = { card: draft.card, shared, score };
    }
    const shared = best?.shared ?? [];
    return { card, ...(best ? { best: best.card } : {}), shared, terms: terms.size, overlap: terms.size === 0 ? 0 : shared.length / terms.size };
  });
}
