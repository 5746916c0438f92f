import type { KnowledgeBase } from "../knowledge/types.js";

/**
 * Whose signature a question asks for: «кто подписал соглашение с Сухумом от Москвы», «со стороны
 * Бишкека», "who signed it for the Vietnamese side". A card naming only the other side's signatory
 * does not answer it. Whose side someone is on comes from the knowledge itself: a person named in
 * cards of two partners or more (Собянин, Черёмин) speaks for Moscow; one named with a single
 * partner, for that partner.
 */
export type Side = "moscow" | { partners: readonly string[] };

// The word that names the side: after «от», «со стороны», "for / on / from the", before "side".
const SIDE = /(?<![\p{L}])(?:со стороны|от|on behalf of)\s+([\p{L}-]+)|(?<![\p{L}])(?:for|on|from) the\s+([\p{L}-]+)\s+side(?![\p{L}])|(?<![\p{L}])([\p{L}-]+)(?:'s)?\s+side(?![\p{L}])/iu;
const MOSCOW = /^(москв|мск|moscow|росси|russia|российск)/iu;

/** The side a question names, read with `partnersOf` (the partners a word names); undefined when it names none. */
export function sideAsked(question: string, partnersOf: (word: string) => string[]): Side | undefined {
  const match = SIDE.exec(question);
  const word = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!word) return undefined;
  if (MOSCOW.test(word)) return "moscow";
  const partners = partnersOf(word);
  return partners.length > 0 ? { partners } : undefined;
}

/** For each person (as namedPeople spells them: surname stems), the partners of the cards that name them. */
export function partnersByPerson(knowledge: KnowledgeBase, people: readonly (readonly string[])[]): Map<string, Set<string>> {
  const byPerson = new Map<string, Set<string>>();
  knowledge.cards.forEach(({ card }, index) => {
    for (const person of people[index] ?? []) {
      let partners = byPerson.get(person);
      if (!partners) byPerson.set(person, (partners = new Set()));
      for (const partner of card.partners ?? []) partners.add(partner);
    }
  });
  return byPerson;
}

/** Whether someone a card names is on the side asked. */
export function namesSide(cardPeople: readonly string[], side: Side, byPerson: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  return cardPeople.some((person) => {
    const partners = byPerson.get(person);
    if (!partners) return false;
    return side === "moscow" ? partners.size >= 2 : partners.size === 1 && side.partners.some((partner) => partners.has(partner));
  });
}
