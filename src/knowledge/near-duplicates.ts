/** A card as the near-duplicate search sees it. */
export interface StemmedCard {
  partners: readonly string[];
  sourceId: string;
  /** The card's distinct word stems as numbers (one number per stem across the whole knowledge), ascending. */
  stems: Int32Array;
}

/** Two cards (indexes into the input, `first` < `second`) and the Jaccard similarity of their stems. */
export interface SimilarPair {
  first: number;
  second: number;
  similarity: number;
}

/**
 * Pairs of cards from different sources with the same partners whose stems overlap by at least
 * `threshold` (Jaccard), each pair once. Cards without partners are never compared. The cost stays
 * bounded at thousands of cards about one partner through the prefix filter of the all-pairs
 * similarity join (Bayardo, Ma and Srikant, 2007): with every card's stems in one order, rarest
 * first, two cards that similar must share one of the first few stems of each, so only cards
 * sharing such a stem are compared at all.
 */
export function nearDuplicatePairs(cards: readonly StemmedCard[], threshold: number): SimilarPair[] {
  const groups = new Map<string, number[]>();
  cards.forEach((card, index) => {
    if (card.partners.length === 0 || card.stems.length === 0) return;
    const key = [...new Set(card.partners)].sort().join(" ");
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const stemCount = cards.reduce((most, card) => Math.max(most, card.stems.at(-1) ?? -1), -1) + 1;
  const frequency = new Int32Array(stemCount);
  const rank = new Int32Array(stemCount);
  const pairs: SimilarPair[] = [];
  for (const group of groups.values()) {
    if (group.length > 1) pairs.push(...similarIn(cards, group, threshold, frequency, rank));
  }
  return pairs;
}

/** `frequency` and `rank` are scratch arrays indexed by stem, shared by the groups to spare allocations; `frequency` is left zeroed. */
function similarIn(cards: readonly StemmedCard[], group: number[], threshold: number, frequency: Int32Array, rank: Int32Array): SimilarPair[] {
  const vocabulary: number[] = [];
  for (const index of group) {
    for (const stem of cards[index]!.stems) if (frequency[stem]!++ === 0) vocabulary.push(stem);
  }
  // Any one order serves, as long as every card of the group uses it; rarest first keeps the posting lists short.
  vocabulary.sort((a, b) => frequency[a]! - frequency[b]! || a - b);
  vocabulary.forEach((stem, position) => {
    rank[stem] = position;
    frequency[stem] = 0;
  });

  // Smallest first: each card meets the smaller ones before it, which can be similar only if not much smaller.
  const bySize = [...group].sort((a, b) => cards[a]!.stems.length - cards[b]!.stems.length);
  const postings = new Map<number, number[]>();
  const pairs: SimilarPair[] = [];
  for (const index of bySize) {
    const card = cards[index]!;
    const size = card.stems.length;
    // Two cards this similar share at least ⌈threshold × size⌉ stems (the slack keeps 0.8 × 35 from rounding up past 28).
    const needed = Math.ceil(threshold * size - 1e-9);
    const prefix = card.stems.map((stem) => rank[stem]!).sort().subarray(0, size - needed + 1);
    const candidates = new Set<number>();
    for (const position of prefix) {
      for (const other of postings.get(position) ?? []) {
        if (cards[other]!.stems.length >= needed && cards[other]!.sourceId !== card.sourceId) candidates.add(other);
      }
    }
    for (const other of candidates) {
      const similarity = jaccard(card.stems, cards[other]!.stems);
      if (similarity >= threshold) pairs.push({ first: Math.min(index, other), second: Math.max(index, other), similarity });
    }
    for (const position of prefix) {
      const posting = postings.get(position);
      if (posting) posting.push(index);
      else postings.set(position, [index]);
    }
  }
  return pairs;
}

/** Jaccard similarity of two ascending lists of distinct numbers. */
function jaccard(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
