import type { KnowledgeFiles } from "../../src/knowledge/parse.js";
import type { FactCard, KnowledgeBase, Partner } from "../../src/knowledge/types.js";
import { prng } from "./measure.js";
import type { Random } from "./measure.js";

/**
 * Synthetic knowledge for the performance bench, generated from the real cards' vocabulary with a
 * seeded PRNG, so every run (and every machine) gets the same folder:
 *  - each card is a real card's Russian (and, for 90 %, English) text with about a quarter of its
 *    words swapped for words sampled from all real cards by frequency, 6 % for words of a growing
 *    synthetic tail (names, places, organisations: the vocabulary grows with N as real text does),
 *    and the card's partner named; 30 % of cards join two real texts;
 *  - 20 cards per source; partners: the real ones plus synthetic cities, N/100 in all, at least
 *    30 and at most 150 (Moscow's partner cities and regions number in the low hundreds);
 *  - topics, people, keywords and dates in the real cards' proportions, the real synonyms.
 * The result is a file map in the exact shape of a knowledge folder, for parseKnowledge.
 */

export const CARDS_PER_SOURCE = 20;

export interface SyntheticOptions {
  cards: number;
  seed?: number;
}

export interface SyntheticKnowledge {
  files: KnowledgeFiles;
  partners: number;
  sources: number;
  cards: number;
  /** Bytes of JSON in the folder. */
  bytes: number;
}

interface Vocabulary {
  ru: string[];
  en: string[];
  ruTexts: string[];
  enTexts: string[];
  topics: string[];
  people: string[];
  keywords: string[];
  publishers: string[];
  titles: string[];
}

const SYLLABLES: Array<[string, string]> = [
  ["ка", "ka"], ["ло", "lo"], ["ми", "mi"], ["ра", "ra"], ["то", "to"], ["ве", "ve"], ["ны", "ny"], ["шу", "shu"],
  ["да", "da"], ["бор", "bor"], ["гал", "gal"], ["зе", "ze"], ["ки", "ki"], ["пре", "pre"], ["сто", "sto"], ["вин", "vin"],
  ["на", "na"], ["ре", "re"], ["су", "su"], ["мар", "mar"], ["тал", "tal"], ["ди", "di"], ["ско", "sko"], ["ба", "ba"],
  ["лей", "lei"], ["гор", "gor"], ["ту", "tu"], ["ни", "ni"], ["по", "po"], ["хан", "khan"], ["дер", "der"], ["са", "sa"],
];
const ENDINGS: Array<[string, string]> = [["", ""], ["а", "a"], ["ов", "ov"], ["ия", "ia"], ["ин", "in"], ["ово", "ovo"], ["ск", "sk"], ["ан", "an"]];
const CITY_ENDINGS: Array<[string, string]> = [["", ""], ["град", "grad"], ["поль", "pol"], ["бург", "burg"], ["ва", "va"], ["ния", "nia"]];
const COUNTRIES: Array<[string, string]> = [
  ["Вьетнам", "Vietnam"], ["Беларусь", "Belarus"], ["Узбекистан", "Uzbekistan"], ["Казахстан", "Kazakhstan"], ["Китай", "China"],
  ["Германия", "Germany"], ["Мексика", "Mexico"], ["Индия", "India"], ["Бразилия", "Brazil"], ["Египет", "Egypt"], ["Турция", "Turkey"],
  ["Армения", "Armenia"], ["Сербия", "Serbia"], ["Куба", "Cuba"], ["Индонезия", "Indonesia"], ["Монголия", "Mongolia"], ["Иран", "Iran"],
];
const FIRST_NAMES = ["Анна", "Сергей", "Мария", "Алексей", "Нгуен", "Алишер", "Ольга", "Дмитрий", "Фарид", "Елена", "Ли", "Хуан"];

function vocabularyOf(real: KnowledgeBase): Vocabulary {
  const words = (texts: string[]): string[] => texts.flatMap((text) => text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).map((word) => word.toLowerCase());
  const ruTexts = real.cards.map(({ card }) => card.text);
  const enTexts = real.cards.map(({ card }) => card.text_en).filter((text): text is string => !!text);
  const unique = (items: Array<string | undefined>): string[] => [...new Set(items.filter((item): item is string => !!item))];
  return {
    ru: words(ruTexts),
    en: words(enTexts),
    ruTexts,
    enTexts: enTexts.length > 0 ? enTexts : ["Moscow and its partner city signed a cooperation agreement."],
    topics: unique(real.cards.flatMap(({ card }) => card.topics ?? [])),
    people: unique(real.cards.flatMap(({ card }) => card.people ?? [])),
    keywords: unique(real.cards.flatMap(({ card }) => card.keywords ?? [])),
    publishers: unique(real.sources.map((source) => source.publisher)),
    titles: unique(real.sources.map((source) => source.title)),
  };
}

/** A made-up word in Cyrillic with its Latin spelling; `unique` keeps them distinct. */
function inventWord(random: Random, taken: Set<string>, endings = ENDINGS): [string, string] {
  for (;;) {
    let ru = "";
    let en = "";
    const count = random.int(2, 3);
    for (let i = 0; i < count; i++) {
      const [r, e] = random.pick(SYLLABLES);
      ru += r;
      en += e;
    }
    const [re, ee] = random.pick(endings);
    ru += re;
    en += ee;
    if (!taken.has(ru)) {
      taken.add(ru);
      return [ru, en];
    }
  }
}

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function randomDate(random: Random, from = 2010, to = 2025): string {
  const year = random.int(from, to);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Swaps some words of a real text for sampled ones and names the partner; keeps it under 1,000 characters. */
function mutate(random: Random, text: string, common: string[], tail: string[], partnerName: string): string {
  let named = false;
  let out = text.replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu, (word) => {
    const roll = random.next();
    if (!named && roll < 0.08) {
      named = true;
      return partnerName;
    }
    if (roll < 0.25) return random.pick(common);
    if (roll < 0.31 && tail.length > 0) return random.pick(tail);
    return word;
  });
  if (!named) out = `${partnerName}: ${out}`;
  if (out.length > 1000) out = out.slice(0, out.lastIndexOf(" ", 990)) + ".";
  return out;
}

export function partnerCount(cards: number): number {
  return Math.min(150, Math.max(30, Math.round(cards / 100)));
}

/** Generates the knowledge folder: partners.json, synonyms.json, sources/<id>.json. */
export function generateKnowledge(real: KnowledgeBase, options: SyntheticOptions): SyntheticKnowledge {
  const random = prng(options.seed ?? 20251128);
  const vocabulary = vocabularyOf(real);
  const taken = new Set<string>(vocabulary.ru);

  const partnerTotal = partnerCount(options.cards);
  // A status cites a real card, which the synthetic sources do not have.
  const partners: Partner[] = real.partners.map(({ status: _status, ...partner }) => partner);
  while (partners.length < partnerTotal) {
    const [ru, en] = inventWord(random, taken, CITY_ENDINGS);
    const [country, countryEn] = random.pick(COUNTRIES);
    partners.push({ id: `syn-${en}-${partners.length}`, name: capital(ru), name_en: capital(en), country, country_en: countryEn, ...(random.chance(0.4) ? { aliases: [capital(en.replace(/k/g, "c"))] } : {}) });
  }

  // The vocabulary's tail grows with the knowledge, as it does in real text (Heaps' law).
  const tailSize = Math.max(300, Math.round(options.cards / 2));
  const tailRu: string[] = [];
  const tailEn: string[] = [];
  for (let i = 0; i < tailSize; i++) {
    const [ru, en] = inventWord(random, taken);
    tailRu.push(random.chance(0.3) ? capital(ru) : ru);
    tailEn.push(en);
  }

  const texts = new Map<string, string>();
  texts.set("partners.json", JSON.stringify(partners, null, 2));
  texts.set("synonyms.json", JSON.stringify(real.synonyms, null, 2));
  let bytes = (texts.get("partners.json")?.length ?? 0) + (texts.get("synonyms.json")?.length ?? 0);

  const sourceTotal = Math.ceil(options.cards / CARDS_PER_SOURCE);
  let made = 0;
  for (let s = 0; s < sourceTotal; s++) {
    const sourceId = `syn-${String(s).padStart(6, "0")}`;
    const facts: FactCard[] = [];
    for (let k = 0; k < CARDS_PER_SOURCE && made < options.cards; k++, made++) {
      const partner = random.chance(0.1) ? random.pick(real.partners.length > 0 ? real.partners : partners) : random.pick(partners);
      const second = random.chance(0.2) ? random.pick(partners) : undefined;
      const baseIndex = random.int(0, vocabulary.ruTexts.length - 1);
      let text = mutate(random, vocabulary.ruTexts[baseIndex]!, vocabulary.ru, tailRu, partner.name);
      if (random.chance(0.3)) text = `${text} ${mutate(random, random.pick(vocabulary.ruTexts), vocabulary.ru, tailRu, partner.name)}`.slice(0, 1000);
      const card: FactCard = { id: `${sourceId}-${k}`, text: text.trim() };
      if (random.chance(0.9)) card.text_en = mutate(random, vocabulary.enTexts[baseIndex % vocabulary.enTexts.length]!, vocabulary.en, tailEn, partner.name_en ?? partner.name).trim();
      card.partners = second && second.id !== partner.id ? [partner.id, second.id] : [partner.id];
      if (random.chance(0.7) && vocabulary.topics.length > 0) card.topics = [...new Set([random.pick(vocabulary.topics), random.pick(vocabulary.topics)])];
      if (random.chance(0.3)) card.people = [random.chance(0.5) && vocabulary.people.length > 0 ? random.pick(vocabulary.people) : `${random.pick(FIRST_NAMES)} ${capital(random.pick(tailRu))}`];
      if (random.chance(0.5) && vocabulary.keywords.length > 0) card.keywords = [random.pick(vocabulary.keywords)];
      if (random.chance(0.4)) card.date = randomDate(random);
      facts.push(card);
    }
    const source = {
      id: sourceId,
      title: mutate(random, random.pick(vocabulary.titles.length > 0 ? vocabulary.titles : ["Новости"]), vocabulary.ru, tailRu, random.pick(partners).name).slice(0, 200),
      publisher: random.pick(vocabulary.publishers.length > 0 ? vocabulary.publishers : ["ТАСС"]),
      published: randomDate(random),
      ...(random.chance(0.5) ? { url: `https://example.org/news/${sourceId}` } : {}),
      language: "ru",
    };
    const json = JSON.stringify({ source, facts }, null, 2);
    bytes += json.length;
    texts.set(`sources/${sourceId}.json`, json);
  }
  return { files: { texts, problems: [] }, partners: partners.length, sources: sourceTotal, cards: made, bytes };
}

export type QuestionKind = "ru" | "en" | "typo" | "out_of_scope";

export interface BenchQuestion {
  q: string;
  kind: QuestionKind;
}

/** The question mix: 35 % Russian, 25 % English, 20 % with typos, 20 % out of scope. */
export const QUESTION_MIX: ReadonlyArray<[QuestionKind, number]> = [
  ["ru", 0.35],
  ["en", 0.25],
  ["typo", 0.2],
  ["out_of_scope", 0.2],
];

const RU_FRAMES = ["{w}", "Что известно о {w}?", "Расскажите про {w}", "{w} — что это?", "Какие {w}?", "Когда {w}?", "Кто {w}?"];
const EN_FRAMES = ["{w}", "What about {w}?", "Tell me about {w}", "When {w}?", "Who {w}?"];
const OOS_FRAMES = ["Какая погода в {x}?", "Как доехать до {x}?", "{x} {y} {z}", "What is the population of {x}?", "Сколько стоит {x} {y}?", "recipe for {x} {y}"];
const UNSEEN: Array<[string, string]> = [["жу", "zhu"], ["фэ", "fe"], ["цо", "tso"], ["щи", "shchi"], ["хью", "hew"], ["эй", "ey"], ["юр", "yur"], ["ёк", "yok"]];

/**
 * Questions about the generated cards: words taken from one card (as written, so inflected), in a
 * question frame, with the card's partner named half the time; typos (a swap, a drop, a doubled or
 * a changed letter in one or two longer words); and out-of-scope questions, half from the
 * project's out-of-scope set, half about made-up things nobody wrote a card about.
 */
export function generateQuestions(knowledge: KnowledgeBase, outOfScope: readonly string[], count: number, seed: number): BenchQuestion[] {
  const random = prng(seed);
  const partnerById = new Map(knowledge.partners.map((partner) => [partner.id, partner]));
  const questions: BenchQuestion[] = [];
  const kindFor = (roll: number): QuestionKind => {
    let sum = 0;
    for (const [kind, share] of QUESTION_MIX) {
      sum += share;
      if (roll < sum) return kind;
    }
    return "out_of_scope";
  };
  const fromCard = (english: boolean): string => {
    for (;;) {
      const { card } = random.pick(knowledge.cards);
      const text = english ? card.text_en : card.text;
      if (!text) continue;
      const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 4);
      if (words.length === 0) continue;
      const start = random.int(0, Math.max(0, words.length - 3));
      const picked = words.slice(start, start + random.int(1, 3)).map((word) => word.toLowerCase());
      const partner = card.partners?.[0] ? partnerById.get(card.partners[0]) : undefined;
      if (partner && random.chance(0.5)) picked.push(english ? (partner.name_en ?? partner.name) : partner.name);
      return random.pick(english ? EN_FRAMES : RU_FRAMES).replace("{w}", picked.join(" "));
    }
  };
  const unseen = (): string => {
    let word = "";
    const syllables = random.int(2, 3);
    const latin = random.chance(0.3);
    for (let i = 0; i < syllables; i++) word += random.pick(UNSEEN)[latin ? 1 : 0];
    return word;
  };

  while (questions.length < count) {
    const kind = kindFor(random.next());
    if (kind === "ru") questions.push({ q: fromCard(false), kind });
    else if (kind === "en") questions.push({ q: fromCard(true), kind });
    else if (kind === "typo") questions.push({ q: withTypos(random, fromCard(random.chance(0.3))), kind });
    else if (outOfScope.length > 0 && random.chance(0.5)) questions.push({ q: random.pick(outOfScope), kind });
    else questions.push({ q: random.pick(OOS_FRAMES).replace("{x}", capital(unseen())).replace("{y}", unseen()).replace("{z}", unseen()), kind });
  }
  return questions;
}

function withTypos(random: Random, question: string): string {
  let typos = random.int(1, 2);
  return question.replace(/[\p{L}]{5,}/gu, (word) => {
    if (typos === 0 || random.chance(0.4)) return word;
    typos--;
    const at = random.int(1, word.length - 2);
    switch (random.int(0, 3)) {
      case 0:
        return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
      case 1:
        return word.slice(0, at) + word.slice(at + 1);
      case 2:
        return word.slice(0, at) + word[at] + word.slice(at);
      default:
        return word.slice(0, at) + (/\p{Script=Cyrillic}/u.test(word) ? "о" : "e") + word.slice(at + 1);
    }
  });
}
