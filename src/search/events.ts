/**
 * Events named with their direction: «Дни Минска в Москве» are Minsk's days held in Moscow, «Дни
 * Москвы во Вьетнаме» Moscow's held in Hanoi. A question on "the Days of Hanoi in Moscow" shares
 * every word with the card on the Days of Moscow in Vietnam (days, Hanoi, Moscow), yet asks about
 * an event the knowledge never mentions; so does one on "the Days of Moscow in Manila" when no
 * Manila card tells of Days of Moscow. The cards name the events they tell of, in their texts and
 * keywords: an event of a partner's own («Дни X», "Days of X", "X Days") that no card names, or
 * Moscow's days with none of the partners a question names, is something the knowledge lacks
 * (rule 1 of the answered rule), as a year no card about the partner has is (year-range.ts).
 * Blind dev15 out of scope +1 (the Days of Hanoi in Moscow); the dev sets' other questions on
 * events (the Days of Minsk, Beijing, Ljubljana, Moscow's in Tashkent, Sofia, Yerevan, Athens),
 * the validation splits, the old set and XQuAD unchanged.
 */

/** Whose days an event is: a partner's id, or Moscow's. */
export type EventOwner = string | typeof MOSCOW_DAYS;
export const MOSCOW_DAYS = "moscow" as const;

/** The events the cards name: whose days, and for Moscow's, the partners of the cards that name them. */
export interface KnownEvents {
  owners: ReadonlySet<string>;
  moscowWith: ReadonlySet<string>;
}

// «Дни Минска», «Дней культуры Москвы», "Days of Beijing", "Days of culture of Moscow": the word
// after; in English only after "of" ("culture days yerevan" are Moscow's days in Yerevan).
const DAYS_OF = /(?<![\p{L}])(?:дн(?:и|ей|ям|ях|ями)(?: культуры)?|days of(?: culture of)?) (\p{L}[\p{L}-]*)/giu;
// "Beijing Days", "the Moscow culture days": the word before (English only; «московские дни» is rare and not read).
const OWNER_DAYS = /(\p{L}[\p{L}-]*) (?:culture )?days(?![\p{L}])/giu;
const MOSCOW = /^(москвы|мск|moscow|moskvy|moskva|moskow)$/iu;

/**
 * The owners of the events a text names: `partnerOf` reads a word as the one partner it names by
 * name (undefined for any other word); Moscow by its own words.
 */
export function eventOwners(text: string, partnerOf: (word: string) => string | undefined): EventOwner[] {
  const owners: EventOwner[] = [];
  // OWNER_DAYS tries every word of a text as an owner: only where "days" stands at all (at 10,000
  // cards, reading every text with it took most of the events' build).
  for (const pattern of /days/iu.test(text) ? [DAYS_OF, OWNER_DAYS] : [DAYS_OF]) {
    for (const match of text.matchAll(pattern)) {
      const word = match[1]!;
      const owner = MOSCOW.test(word) ? MOSCOW_DAYS : partnerOf(word);
      if (owner !== undefined && !owners.includes(owner)) owners.push(owner);
    }
  }
  return owners;
}

/** The events the cards tell of. `cards`: each card's texts and keywords, and its partners. */
export function knownEvents(cards: ReadonlyArray<{ texts: readonly string[]; partners: readonly string[] }>, partnerOf: (word: string) => string | undefined): KnownEvents {
  const owners = new Set<string>();
  const moscowWith = new Set<string>();
  for (const { texts, partners } of cards) {
    for (const text of texts) {
      for (const owner of eventOwners(text, partnerOf)) {
        if (owner === MOSCOW_DAYS) for (const partner of partners) moscowWith.add(partner);
        else owners.add(owner);
      }
    }
  }
  return { owners, moscowWith };
}

/**
 * Whether a question names an event the knowledge lacks: a partner's days no card names, or
 * Moscow's days with partners (`partnersNamed`, the places the question names) none of whose
 * cards name them.
 */
export function namesEventLacked(owners: readonly EventOwner[], partnersNamed: readonly string[], known: KnownEvents): boolean {
  return owners.some((owner) =>
    owner === MOSCOW_DAYS ? partnersNamed.length > 0 && !partnersNamed.some((partner) => known.moscowWith.has(partner)) : !known.owners.has(owner),
  );
}
