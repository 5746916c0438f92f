import type { ListQuery, ListedPartner } from "../answer/types.js";
import type { KnowledgeBase, Partner, Region, SourcedCard } from "../knowledge/types.js";
import type { Analyzer, QueryConcept } from "../search/analyzer.js";
import { compareFactDates } from "./catalogue.js";
import { conceptPartners, indexStem } from "../search/analyzer.js";
import { answerTypeOf } from "../search/answer-type.js";
import { contentTokens } from "../search/normalize.js";

/**
 * List, count and year questions («С какими городами у Москвы есть соглашения?», «Сколько
 * партнёров у Москвы в Азии?», «Что Москва подписала в 2017 году?», "Which documents does Moscow
 * have with Minsk?"). No single card answers them, so a search returns whatever shares their
 * words; the answer is built from the whole knowledge instead, every line citing a card.
 */

// What such a question asks for: a plural noun for partners, documents, or an action in a year.
const PARTNER_NOUN = /(город(а|ов|ами|ах)?|партн[её]р(ы|ов|ами|ах|ства|ство)|побратим(ы|ов|ами|ах|ство|ства)|столиц|cities|partners|partner cities|sister cities|twin cities|capitals|towns)(?![\p{L}])/iu;
// Plural: «какие документы», «сколько соглашений»; «на сколько лет соглашение» asks about one.
const DOCUMENTS = /(документ(ы|ов|ами)|соглашени(я|й|ями)|меморандум(ы|ов)|договор(ы|ов)|программ(ы|ами)?(?![\p{L}])|протокол(ы|ов)|бумаг|agreements|documents|memoranda|memorandums|deals|treaties|programmes|programs)/iu;
const LIST_CUE = /(^|[^\p{L}])(как(ие|их|им|ими|ое|ая)|скольк\p{L}*|список|перечисл\p{L}*|все|всех|есть ли|какими|с кем|что|which|what|how many|list|all|name the|are there)(?![\p{L}])/iu;
// What a year's list holds: signing, holding, agreeing. Not a bare "did": "what did Amman want from
// Moscow in 2019" asks about one meeting, not the year's list.
const ACTION = /(подпис|заключ|провел|провод|прошл|договор|sign|held|hold|conclud|agree)/iu;
const COUNT = /(скольк|how many|number of)/iu;
const YEAR = /(?<![\p{N}])((?:19|20)\d\d)(?![\p{N}])/u;
/**
 * A decade as people write it: «в 90-е», «с 90х», «1990-х», «девяностых», «нулевые», "the 90s",
 * "1990s", "the nineties". Two digits are the last century's, but «нулевые» and «2010-х» this one's.
 */
const DECADE = /(?<![\p{L}\p{N}])(?:((?:19|20)[0-9]0)-?(?:е|х|ые|ых|ми|s)|([5-9]0)-?(?:е|х|ые|ых|ми|s)|'([5-9]0)s)(?![\p{L}])|(?<![\p{L}])(пятидесят|шестидесят|семидесят|восьмидесят|девяност|нулев|fifties|sixties|seventies|eighties|nineties)\p{L}*/iu;
const DECADE_WORDS: Record<string, number> = { пятидесят: 1950, шестидесят: 1960, семидесят: 1970, восьмидесят: 1980, девяност: 1990, нулев: 2000, fifties: 1950, sixties: 1960, seventies: 1970, eighties: 1980, nineties: 1990 };

/** The first year of the decade a question names, if it names one. */
function decadeOf(text: string): number | undefined {
  const match = DECADE.exec(text);
  if (!match) return undefined;
  if (match[1]) return Number(match[1]);
  const twoDigits = match[2] ?? match[3];
  if (twoDigits) return 1900 + Number(twoDigits);
  return DECADE_WORDS[match[4]!.toLowerCase()];
}
const ENDED = /(разорв|приостанов|прекрат|прекращ|заморож|бывш|больше не|расторг|порвал|отказал|broke|broken|ended|suspend|terminat|former|no longer|cut ties|severed)/iu;
const WITH_WHOM = /(?<![\p{L}])(с кем|кто|who|with whom|which (cities|partners))(?![\p{L}])/iu;
const CURRENT = /(сейчас|текущ|действующ|нынешн|current|still|today|active)/iu;

/** Regions as people write them; the first that matches wins (Central Asia before Asia). */
const REGIONS: Array<[RegExp, Region]> = [
  [/(центральн\p{L}* ази|средн\p{L}* ази|снг|постсоветск|бывш\p{L}* ссср|central asia|cis|post-soviet|former soviet)/iu, "eurasia"],
  [/(ближн\p{L}* восток|middle east|near east|арабск\p{L}* стран|arab)/iu, "middle-east"],
  [/(ази|asia|asian|восточн\p{L}* ази)/iu, "asia"],
  [/(европ|europe|european|евросоюз|(?<![\p{L}])(ес|eu)(?![\p{L}]))/iu, "europe"],
  [/(америк|america|americas|латинск|latin)/iu, "americas"],
  [/(африк|africa|african)/iu, "africa"],
];

/**
 * An event held with several partners, by the name the cards give it as a keyword («Дни Москвы»,
 * "Days of Moscow"): «в каких городах проходили дни Москвы», "which cities held Days of Moscow".
 */
export interface EventName {
  /** The keyword as the cards write it. */
  name: string;
  /** Its content words' stems, in order: the question must say them side by side. */
  stems: string[];
}

/**
 * The events the knowledge holds with more than one partner: a keyword of two words or more on
 * event cards of two partners or more. Single words («когда», "dates") are on every event card and
 * name no event; one partner's event («Дни Минска») is asked about as that partner's.
 */
export function eventNames(knowledge: KnowledgeBase): EventName[] {
  const partnersOf = new Map<string, Set<string>>();
  for (const { card } of knowledge.cards) {
    if (card.kind !== "event") continue;
    for (const keyword of card.keywords ?? []) for (const partner of card.partners ?? []) partnersOf.set(keyword, (partnersOf.get(keyword) ?? new Set()).add(partner));
  }
  return [...partnersOf.entries()].flatMap(([name, partners]) => {
    const stems = stemsOf(name);
    return partners.size > 1 && stems.length > 1 ? [{ name, stems }] : [];
  });
}

function stemsOf(text: string): string[] {
  return contentTokens(text).map(indexStem);
}

/** Whether `stems` holds `phrase` word for word, side by side. */
function saysPhrase(stems: readonly string[], phrase: readonly string[]): boolean {
  return stems.some((_, start) => phrase.every((stem, offset) => stems[start + offset] === stem));
}

// How an event is held: «проходили», «проводились», "held", "took place".
const HELD = /(провод|проход|прошл|провел|held|hold|took|place|organi[sz])/iu;
// «где проходили дни Москвы», "where were Days of Moscow held": where a recurring event was held lists its partners.
const WHERE = /(?<![\p{L}])(где|куда|в каких|which|where)(?![\p{L}])/iu;

export function readListQuery(question: string, analyzer: Analyzer, partners: readonly Partner[], events: readonly EventName[] = []): ListQuery | undefined {
  const concepts = analyzer.analyzeQuestion(question);
  const eventList = readEventList(question, concepts, events);
  if (eventList) return eventList;
  // A partner named as itself is the list's subject; one named through its country (во Франции, French) narrows it.
  const cities = [...new Set(concepts.flatMap((concept) => conceptPartners(concept, "itself")))];
  const viaCountry = new Set(concepts.flatMap((concept) => conceptPartners(concept)));
  const countries = new Set(partners.filter((partner) => viaCountry.has(partner.id)).map((partner) => partner.country));
  // «индийцы», "Vietnam": a country with one partner names that partner for a documents or year list.
  const subject = cities.length > 0 ? cities : viaCountry.size === 1 ? [...viaCountry] : [];
  // "1990s" names a decade, not the year 1990.
  const decade = decadeOf(question);
  const year = decade === undefined ? YEAR.exec(question)?.[1] : undefined;
  const cue = LIST_CUE.test(question);

  // A list question asks about nothing but the list: «что черемин сказал про меморандум с ниццей» is about Cheremin.
  if (concepts.some((concept) => !belongsToListQuestion(concept))) return undefined;
  if (subject.length === 1 && DOCUMENTS.test(question) && (cue || COUNT.test(question)) && !year) return { type: "documents", partner: subject[0]! };
  if (subject.length === 1 && COUNT.test(question) && /(раз|times)/iu.test(question) && ACTION.test(question)) return { type: "documents", partner: subject[0]! };
  // Keyword style («moscow agreements 2021») needs no question word: documents and a year are the list.
  // A country with several partners («с Филиппинами в 2024») narrows a year's list in a way it cannot
  // show: the search answers it with that country's cards.
  const severalViaCountry = subject.length === 0 && viaCountry.size > 1;
  if (year && (cue || DOCUMENTS.test(question)) && (ACTION.test(question) || DOCUMENTS.test(question)) && subject.length <= 1 && !severalViaCountry && !/(когда|when)/iu.test(question)) {
    return { type: "year", year: Number(year), ...(subject.length === 1 ? { partner: subject[0]! } : {}) };
  }
  // «с кем Москва дружит ещё с 90-х», «какие соглашения из 90-х»: the decade's facts, signed first.
  if (decade !== undefined && (cue || DOCUMENTS.test(question)) && subject.length <= 1 && !/(когда|when)/iu.test(question)) {
    return { type: "year", year: decade, until: decade + 9, ...(subject.length === 1 ? { partner: subject[0]! } : {}) };
  }
  // «С кем Москва порвала отношения», "who broke off with Moscow": a tie ended asks for partners though it names none.
  if (cities.length > 0 || !(PARTNER_NOUN.test(question) || (ENDED.test(question) && WITH_WHOM.test(question)))) return undefined;
  const region = REGIONS.find(([pattern]) => pattern.test(question))?.[1];
  const country = countries.size === 1 ? [...countries][0] : undefined;
  const status = ENDED.test(question) ? "ended" : CURRENT.test(question) ? "current" : undefined;
  if (!cue && !region && !country && !status) return undefined;
  return { type: "partners", ...(region ? { region } : {}), ...(country ? { country } : {}), ...(status ? { status } : {}) };
}

/**
 * «В каких городах проходили дни Москвы», «где проходили дни Москвы в 2018», "which cities held Days
 * of Moscow": an event held with several partners, asked where or which, no partner named. The
 * search ranked a card that shares the words apart ("Days of Minsk in Moscow") or one of the event's
 * cities; the answer is every such event, by date.
 */
function readEventList(question: string, concepts: QueryConcept[], events: readonly EventName[]): ListQuery | undefined {
  if (events.length === 0 || /(когда|when)/iu.test(question)) return undefined;
  if (!(WHERE.test(question) || LIST_CUE.test(question))) return undefined;
  if (concepts.some((concept) => conceptPartners(concept).length > 0)) return undefined;
  const stems = stemsOf(question);
  const event = events.find((candidate) => saysPhrase(stems, candidate.stems));
  if (!event) return undefined;
  // Every other word is a list word or the event's own: «что Карпов делал на днях Москвы» is about Karpov.
  const own = new Set(event.stems);
  if (concepts.some((concept) => !belongsToListQuestion(concept) && !concept.words.every((word) => own.has(indexStem(word))) && !HELD.test(concept.words.join(" ")))) return undefined;
  const decade = decadeOf(question);
  const year = decade === undefined ? YEAR.exec(question)?.[1] : undefined;
  if (year) return { type: "year", year: Number(year), event: event.name };
  return { type: "events", event: event.name };
}

/**
 * The words a list question is made of besides its question words and verbs: partners, countries,
 * years, regions, what is listed (cities, documents) and words of the same family.
 */
const LIST_WORDS = /^(москв|moscow|город|cities|city|town|партн|partner|побратим|sister|twin|столиц|capital|документ|document|соглашени|agreement|меморандум|memorand|договор|treat|программ|program|протокол|protocol|бумаг|deal|раз|times|год|лет|year|other|друг|всег|total|number|ест|have|has|работа|work|сотруднич|cooperat|связ|tie|отношени|relation|стран|countr|мир|world|регион|region|сейчас|current|still|list|список|назов|name|перечисл|дружб|friend|остал|remain|ещ|more|весь|все|signed|held|hold|sign|agree|что|централ|central|юго|south|восточн|east|северн|north|западн|west|латинск|latin|ближн|near|middle|средн|последн|недавн|пар[уа]|last|recent|couple|стар|old|давн|long|сам|most)/u;

/**
 * Whether a follow-up's own words could be part of a list question («а в 2018?», «а с Ташкентом?»):
 * "what was it based on?" or «а где они встречались?» after «что Москва подписала с Бишкеком в 2017»
 * asks about one document or meeting, though it is read together with words that make a list question.
 */
export function fitsListQuestion(question: string, analyzer: Analyzer): boolean {
  // A question word of its own other than a count («а где они встречались?») asks about one thing.
  const asks = answerTypeOf(question);
  return (asks === undefined || asks === "count") && analyzer.analyzeQuestion(question).every(belongsToListQuestion);
}

function belongsToListQuestion(concept: QueryConcept): boolean {
  const word = concept.words.join(" ");
  return conceptPartners(concept).length > 0 || concept.wordClass === "phrasing" || YEAR.test(word) || DECADE.test(word) || LIST_WORDS.test(word) || REGIONS.some(([pattern]) => pattern.test(word)) || ENDED.test(word) || CURRENT.test(word);
}

export interface BuiltList {
  cards: SourcedCard[];
  partners?: ListedPartner[];
}

/** The list's lines, each with the card it cites; undefined when the knowledge has none (the question is then searched as usual). */
export function buildList(query: ListQuery, knowledge: KnowledgeBase): BuiltList | undefined {
  switch (query.type) {
    case "partners":
      return partnersList(query, knowledge);
    case "documents": {
      const cards = byDate(knowledge.cards.filter(({ card }) => card.kind === "agreement" && card.partners?.includes(query.partner!)));
      return cards.length > 0 ? { cards } : undefined;
    }
    case "events": {
      const event = query.event;
      if (event === undefined) return undefined;
      // The latest first: an event that recurs is asked about for where it was last held (the old
      // set's «Где проходили Дни Москвы?» labels Hanoi 2025 and Tashkent 2018, not Nice 2016).
      const events = byDate(knowledge.cards.filter(({ card }) => isEvent(card, event)));
      const cards = [...events.filter(({ card }) => card.date).reverse(), ...events.filter(({ card }) => !card.date)];
      return cards.length > 0 ? { cards } : undefined;
    }
    case "year": {
      const cards = byDate(
        knowledge.cards.filter(({ card }) => card.kind !== undefined && card.date !== undefined && inYears(card.date, query) && (!query.partner || card.partners?.includes(query.partner)) && (!query.event || isEvent(card, query.event))),
      );
      // What was signed first, then visits and events: «что подписали в 2019» is mostly asked, and
      // a year's documents are what a reader of the list looks for.
      const signed = cards.filter(({ card }) => card.kind === "agreement");
      return cards.length > 0 ? { cards: [...signed, ...cards.filter(({ card }) => card.kind !== "agreement")] } : undefined;
    }
  }
}

function partnersList(query: ListQuery, knowledge: KnowledgeBase): BuiltList | undefined {
  const chosen = knowledge.partners.filter(
    (partner) =>
      (!query.region || partner.region === query.region) &&
      (!query.country || partner.country === query.country) &&
      (query.status === undefined || (query.status === "ended") === (partner.status !== undefined)),
  );
  // Each partner's cards in knowledge order, in one pass over the cards.
  const cardsOf = new Map<string, SourcedCard[]>();
  for (const entry of knowledge.cards) for (const id of entry.card.partners ?? []) cardsOf.set(id, [...(cardsOf.get(id) ?? []), entry]);
  const lines: Array<{ listed: ListedPartner; card: SourcedCard }> = [];
  for (const partner of chosen) {
    const cards = cardsOf.get(partner.id) ?? [];
    const cited = citingCard(partner, cards, knowledge);
    if (cited) lines.push({ listed: { partner, facts: cards.length }, card: cited });
  }
  if (lines.length === 0) return undefined;
  // Current partnerships first, then those ended or suspended; each group by its first dated fact.
  lines.sort((a, b) => Number(!!a.listed.partner.status) - Number(!!b.listed.partner.status) || compareFactDates(a.card.card.date ?? UNDATED, b.card.card.date ?? UNDATED));
  return { cards: lines.map((line) => line.card), partners: lines.map((line) => line.listed) };
}

/** The card a partner's line cites: its status card if it has one, else its first dated agreement, else its first dated fact, else its first fact. */
function citingCard(partner: Partner, cards: SourcedCard[], knowledge: KnowledgeBase): SourcedCard | undefined {
  const status = partner.status && knowledge.cards.find(({ card }) => card.id === partner.status!.card);
  if (status) return status;
  const dated = byDate(cards.filter(({ card }) => card.date));
  return dated.find(({ card }) => card.kind === "agreement") ?? dated[0] ?? cards[0];
}

/** Whether a card is one of the named event's: an event card with that keyword. */
function isEvent(card: SourcedCard["card"], event: string): boolean {
  return card.kind === "event" && (card.keywords ?? []).includes(event);
}

/** Whether a fact's date falls in the list's year, or its span of years. */
function inYears(date: string, query: ListQuery): boolean {
  const year = Number(date.slice(0, 4));
  return year >= query.year! && year <= (query.until ?? query.year!);
}

/** Undated facts sort after every dated one. */
const UNDATED = "9999";

function byDate(cards: SourcedCard[]): SourcedCard[] {
  return [...cards].sort((a, b) => compareFactDates(a.card.date ?? UNDATED, b.card.date ?? UNDATED));
}
