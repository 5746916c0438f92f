import type { FactCard } from "../knowledge/types.js";
import { FIELDS, sameFieldInputs } from "./card-fields.js";
import type { Field } from "./card-fields.js";

/**
 * Every card's index terms from one build, kept as term ids so the next build (a reload) can skip
 * analysing the cards that did not change: analysis is about half of a build, and an editor's
 * reload usually changes a few cards out of thousands. Terms depend on the card's content and on
 * the partners and synonyms (the analyzer), so a card is reused only when both are the same.
 */
export interface CardAnalyses {
  /** The card's terms per field, when this build analysed a card with its id and content, and its source's dates, under the same analyzer. */
  termsOf(card: FactCard, sourceDates: readonly string[], analyzerKey: string): Record<Field, string[]> | undefined;
  /** How many cards this build took from the previous one instead of analysing them. */
  readonly reused: number;
  /** The id of an index term any card of this build has, for hasTerm. */
  termId(term: string): number | undefined;
  /** Whether the card at this position of the build has the term (by termId), in any field. */
  hasTerm(position: number, termId: number): boolean;
}

export interface CardAnalysesRecorder {
  add(card: FactCard, sourceDates: readonly string[], terms: Record<Field, string[]>, reused: boolean): void;
  /** How many of the cards added so far carry each term, in any field. */
  documentFrequency(): Map<string, number>;
  done(): CardAnalyses;
}

/** A card of the build, with its source's dates (card-fields: fieldInputs), at its position. */
interface Slot {
  card: FactCard;
  sourceDates: readonly string[];
  slot: number;
}

export function recordCardAnalyses(analyzerKey: string): CardAnalysesRecorder {
  const fields = FIELDS;
  const idOf = new Map<string, number>();
  const vocabulary: string[] = [];
  const ids: number[] = [];
  // Card k's field f holds ids[starts[k * fields.length + f] .. starts[k * fields.length + f + 1]).
  const starts: number[] = [];
  const slots = new Map<string, Slot>();
  // Per term id: the cards carrying it, and the last card counted (a term counts once per card).
  const frequency: number[] = [];
  const lastSlot: number[] = [];
  let reused = 0;

  return {
    add(card, sourceDates, terms, wasReused) {
      const slot = slots.size;
      slots.set(card.id, { card, sourceDates, slot });
      for (const field of fields) {
        starts.push(ids.length);
        for (const term of terms[field]) {
          let id = idOf.get(term);
          if (id === undefined) {
            id = vocabulary.length;
            vocabulary.push(term);
            idOf.set(term, id);
            frequency.push(0);
            lastSlot.push(-1);
          }
          if (lastSlot[id] !== slot) {
            lastSlot[id] = slot;
            frequency[id]!++;
          }
          ids.push(id);
        }
      }
      if (wasReused) reused++;
    },
    documentFrequency: () => new Map(vocabulary.map((term, id) => [term, frequency[id]!])),
    done() {
      starts.push(ids.length);
      return packedAnalyses(fields, analyzerKey, slots, Uint32Array.from(starts), Uint32Array.from(ids), vocabulary, idOf, reused);
    },
  };
}

/** The finished record: a function of its own, so it keeps the packed ids and not the recorder's working tables. */
function packedAnalyses(
  fields: readonly Field[],
  analyzerKey: string,
  slots: ReadonlyMap<string, Slot>,
  starts: Uint32Array,
  ids: Uint32Array,
  vocabulary: readonly string[],
  idOf: ReadonlyMap<string, number>,
  reused: number,
): CardAnalyses {
  // Each card's term ids once, sorted, for a binary search: card k's are sorted[cardStarts[k] .. cardStarts[k + 1]).
  const cards = slots.size;
  const cardStarts = new Uint32Array(cards + 1);
  const sorted = new Uint32Array(ids.length);
  let length = 0;
  for (let card = 0; card < cards; card++) {
    cardStarts[card] = length;
    const own = Array.from(new Set(ids.subarray(starts[card * fields.length], starts[(card + 1) * fields.length]))).sort((a, b) => a - b);
    sorted.set(own, length);
    length += own.length;
  }
  cardStarts[cards] = length;
  return {
    reused,
    termId: (term) => idOf.get(term),
    hasTerm(position, termId) {
      let low = cardStarts[position]!;
      let high = cardStarts[position + 1]! - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const id = sorted[middle]!;
        if (id === termId) return true;
        if (id < termId) low = middle + 1;
        else high = middle - 1;
      }
      return false;
    },
    termsOf(card, sourceDates, key) {
      const entry = slots.get(card.id);
      if (key !== analyzerKey || !entry || !sameFieldInputs(entry.card, entry.sourceDates, card, sourceDates)) return undefined;
      const terms = {} as Record<Field, string[]>;
      fields.forEach((field, f) => {
        const at = entry.slot * fields.length + f;
        terms[field] = Array.from(ids.subarray(starts[at], starts[at + 1]), (id) => vocabulary[id]!);
      });
      return terms;
    },
  };
}
