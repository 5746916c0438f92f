import { setImmediate as nextTurn } from "node:timers/promises";
import MiniSearch from "minisearch";
import type { FactCard, KnowledgeBase, SourcedCard } from "../knowledge/types.js";
import { STRENGTH, buildAnalyzer, conceptPartners } from "./analyzer.js";
import type { Analyzer, QueryConcept } from "./analyzer.js";
import { CARD_ANSWER_TYPES, STATED_TYPES, alsoAskedTypeOf, askedTypeAsTyped, askedTypeOf, asksReporter, statesReporter, namesDocument, asksDay, asksExactCount, asksWhoElseWasThere, asksYears, statesDay, askedKeyword, cardAnswers, countWordsOf, namedPeople, namesOthers, countedWords, statesCountOf } from "./answer-type.js";
import { questionWords } from "./normalize.js";
import { statesOffice } from "./office.js";
import { askedAttributes, statesAttributes } from "./attributes.js";
import { isYearConcept, namesYearLacked, statesYearRange, statesYearSpan, yearRangeAsked } from "./year-range.js";
import { buildNameVariants, withNameSpellings } from "./name-variants.js";
import type { NameVariants } from "./name-variants.js";
import { asksOutcome, statesPlan } from "./outcome.js";
import { eventOwners, knownEvents, namesEventLacked } from "./events.js";
import type { AnswerType, AskedKeyword, AskedType, CardAnswerType } from "./answer-type.js";
import { phraseShare, questionPairs, wordTermsOf } from "./phrases.js";
import type { QuestionPair } from "./phrases.js";
import { buildAbbreviations, withAbbreviations, withCompounds } from "./word-joins.js";
import type { Abbreviations } from "./word-joins.js";
import { decideAnswered, isCommon, rankCard, rarestFrequency, typoChecker, weighConcept, weighQuestion } from "./answered-rule.js";
import type { SearchHit } from "./answered-rule.js";
import { recordCardAnalyses } from "./card-analyses.js";
import type { CardAnalyses } from "./card-analyses.js";
import { FIELDS, fieldInputs } from "./card-fields.js";
import type { Field } from "./card-fields.js";
import { FIRST_PASS_POSTINGS, matchCards } from "./posting-budget.js";
import { namesSide, partnersByPerson, sideAsked } from "./sides.js";
import { ABOUT_ANY, aboutNamed, asksElse, favourAskedByReaders, favourAskedKeywords, favourCountryPartner, favourDistinctive, favourNamedPartners, favourOwnWords, favourPhrases, favourTypedSibling, setBackOtherYears, setBackSeen, sharesPartner } from "./rank-factors.js";
import { querySpecs } from "./query-terms.js";
import { respellQuestionWords } from "./question-word-typos.js";
import { isPartnerTerm, isPrefixTerm, isSyntheticTerm, partnerIdOf, partnerTerm } from "./terms.js";

export type { SearchHit };
export { ANSWERED_COVERAGE } from "./answered-rule.js";
export { FIRST_PASS_POSTINGS };
/** Telegram's own message limit; a longer "question" is cut rather than analysed whole. */
const MAX_QUESTION_CHARS = 4096;

export interface SearchOutcome {
  answered: boolean;
  hits: SearchHit[];
  /** Partner ids the question names (for suggestions). */
  partners: string[];
  /** The ranking before the answered rule and the cut-offs, best first, at most `limit`: for benchmarks that measure the rule's cost. */
  ranked: SearchHit[];
}

export interface SearchIndex {
  /**
   * `postingBudget`: how many postings the first pass may score (see matchCards); Infinity scores
   * every card that shares a term with the question, for benchmarks that measure what the budget costs.
   */
  search(question: string, limit?: number, postingBudget?: number, followUp?: FollowUp): SearchOutcome;
  /** The question with its typos of question and function words respelt (question-word-typos.ts), before it is read. */
  respell(question: string): string;
  analyzer: Analyzer;
  /** This build's analysis of every card, for the next build of changed knowledge to reuse. */
  analyses: CardAnalyses;
}

/**
 * A question read with a context (engine/follow-up.ts): the question before it in the chat, or the
 * sentences before the last of a long message. `question` is then its words with the context's.
 */
export interface FollowUp {
  /** The question's own words (the follow-up, the last sentence): their question word sets the answer type wanted, not the context's. */
  own: string;
  /**
   * The words whose asks apply (an attribute, a span of years, whether something came about): a
   * follow-up's own, or the whole of a message whose last sentence is `own`; `own` when absent.
   */
  asks?: string;
  /** The card the previous question's answer led with: the reader has seen it (setBackSeen). */
  seen?: number;
  /** The beginning of a long message that says who writes and why (engine/follow-up.ts: sceneOf); its words weigh less than the context's. */
  scene?: string;
}

interface IndexedDoc {
  id: number;
  /** Each field's index terms, analysed already. */
  fields: Record<Field, string[]>;
}

/** Cards analysed or indexed between two pauses of a stepwise build. */
const BUILD_STEP_CARDS = 250;

/** `previous`: an index of an earlier version of this knowledge, whose analysis of unchanged cards is reused. */
export function buildSearchIndex(knowledge: KnowledgeBase, previous?: SearchIndex): SearchIndex {
  const steps = indexBuilder(knowledge, previous);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same build, giving the event loop a turn every few hundred cards: during a reload the bot
 * keeps answering from the snapshot it has instead of freezing until the new index is ready.
 */
export async function buildSearchIndexInSteps(knowledge: KnowledgeBase, previous?: SearchIndex): Promise<SearchIndex> {
  const steps = indexBuilder(knowledge, previous);
  let step = steps.next();
  while (!step.done) {
    await nextTurn();
    step = steps.next();
  }
  return step.value;
}

function* indexBuilder(knowledge: KnowledgeBase, previous: SearchIndex | undefined): Generator<void, SearchIndex, void> {
  const analyzer = buildAnalyzer(knowledge.partners, knowledge.synonyms);
  // Everything a card's terms depend on besides the card itself.
  const analyzerKey = JSON.stringify([knowledge.partners, knowledge.synonyms]);
  const analyses = recordCardAnalyses(analyzerKey);
  const partnerNames = new Map(knowledge.partners.map((partner) => [partner.id, [partner.name, partner.name_en, partner.country, partner.country_en, ...(partner.aliases ?? [])].filter(Boolean).join(" ")]));
  // Many cards name the same partners: their names are analysed once per set of partners.
  const namesTerms = new Map<string, string[]>();
  const namesOf = (ids: readonly string[]): string[] => {
    const key = ids.join(" ");
    let terms = namesTerms.get(key);
    if (terms === undefined) {
      terms = analyzer.indexTerms(ids.map((id) => partnerNames.get(id) ?? "").join(" ; "));
      namesTerms.set(key, terms);
    }
    return terms;
  };
  const sourceDates = datesBySource(knowledge);
  const docs: IndexedDoc[] = [];
  for (const [id, sourced] of knowledge.cards.entries()) {
    const siblingDates = sourceDates.get(sourced.source.id) ?? [];
    const known = previous?.analyses.termsOf(sourced.card, siblingDates, analyzerKey);
    const terms = known ?? analyzeCard(sourced, siblingDates, analyzer, namesOf);
    analyses.add(sourced.card, siblingDates, terms, known !== undefined);
    docs.push({ id, fields: terms });
    if (id % BUILD_STEP_CARDS === BUILD_STEP_CARDS - 1) yield;
  }

  const documentFrequency = analyses.documentFrequency();
  const analysed = analyses.done();
  // Fields arrive as lists of analysed terms, passed through as they are (MiniSearch's types say
  // string; it only hands the value from extractField to tokenize): MiniSearch indexes and scores.
  const miniSearch = new MiniSearch<IndexedDoc>({
    fields: FIELDS,
    extractField: (doc, field) => (field === "id" ? doc.id : doc.fields[field as Field]) as unknown as string,
    stringifyField: (terms) => terms as string,
    tokenize: (terms) => terms as unknown as string[],
    processTerm: (term) => term,
  });
  for (const doc of docs) {
    miniSearch.add(doc);
    if (doc.id % BUILD_STEP_CARDS === BUILD_STEP_CARDS - 1) yield;
  }

  // Who a card names is kept per card (`people`): a person question wants someone it does not name
  // itself, an office question the holder of the office it names (ofAnswerType).
  const answers = Object.fromEntries(CARD_ANSWER_TYPES.map((type) => [type, knowledge.cards.map(({ card }) => cardAnswers(card, type))])) as Record<CardAnswerType, boolean[]>;
  const people = knowledge.cards.map(({ card }) => namedPeople(card));
  // Whether a card tells who reported it, for "who told of it" (ofAnswerType).
  const reports = knowledge.cards.map(({ card }) => statesReporter(card));
  // The terms of the names of the people each card is about (its `people`), for an attribute asked of someone.
  const peopleTerms = knowledge.cards.map(({ card }) => new Set(analyzer.indexTerms((card.people ?? []).join(" ; ")).filter((term) => !isSyntheticTerm(term))));
  const anyPeopleTerm = new Set(peopleTerms.flatMap((terms) => [...terms]));
  // The year of the newest report: an office given as of a date near it is the latest the knowledge knows (attributes.ts).
  const latestYear = knowledge.cards.reduce<number | undefined>((latest, { source }) => {
    const year = Number(source.published.slice(0, 4));
    return Number.isFinite(year) && (latest === undefined || year > latest) ? year : latest;
  }, undefined);
  // Whether a card is dated or names a year (setBackOtherYears).
  const givesYear = knowledge.cards.map(({ card }) => card.date !== undefined || YEAR_IN_TEXT.test(card.text));
  const sides = partnersByPerson(knowledge, people);
  // Each source's cards, by position, for comparing a card with its siblings.
  const sourceIds = new Map<string, number>();
  const sourceCards: number[][] = [];
  const sourceOf = knowledge.cards.map(({ source }, card) => {
    let id = sourceIds.get(source.id);
    if (id === undefined) {
      sourceIds.set(source.id, (id = sourceIds.size));
      sourceCards.push([]);
    }
    sourceCards[id]!.push(card);
    return id;
  });
  /** The other cards of a card's report. */
  const siblingCards = (card: number): FactCard[] => sourceCards[sourceOf[card]!]!.filter((other) => other !== card).map((other) => knowledge.cards[other]!.card);
  /**
   * Whether a card has a concept's words, by its own index terms (not what it matched): the same
   * for every card whichever others a posting budget let into the ranking. `full`: by the word
   * itself or a synonym only, not by its four-letter prefix, which meets derived forms
   * (сотрудничество, сотрудники) but also words of another root («перспективным», «персоны»).
   */
  const conceptCover = (concept: QueryConcept, full = false): ((card: number) => boolean) => {
    const alternatives = concept.alternatives.filter((alternative) => !full || alternative.strength >= STRENGTH.synonym).map((alternative) => ({ ids: alternative.terms.map((term) => analysed.termId(term)).filter((id) => id !== undefined), needed: alternative.needed }));
    return (card) => alternatives.some(({ ids, needed }) => ids.length >= needed && ids.filter((id) => analysed.hasTerm(card, id)).length >= needed);
  };
  const total = docs.length;
  const idf = (df: number): number => Math.log(1 + (total - df + 0.5) / (df + 0.5));

  // The one partner a word names by its own name («Минска», "Beijing"), for the events named with their owner.
  const partnerOfWord = (word: string): string | undefined => {
    const named = analyzer.analyzeQuestion(word).flatMap((concept) => conceptPartners(concept, "itself"));
    return named.length === 1 ? named[0] : undefined;
  };
  const events = knownEvents(
    knowledge.cards.map(({ card }) => ({ texts: [card.text, card.text_en ?? "", ...(card.keywords ?? [])], partners: card.partners ?? [] })),
    partnerOfWord,
  );

  // Whether a card has any of a concept's terms.
  const knownConcept = (concept: QueryConcept): boolean => rarestFrequency(concept, documentFrequency) !== undefined;

  // Built on the first capitalised word the knowledge lacks: most questions never need it.
  let nameVariants: NameVariants | undefined;
  const withNameVariants = (concepts: QueryConcept[]): QueryConcept[] =>
    withNameSpellings(concepts, {
      known: knownConcept,
      variants: () => (nameVariants ??= buildNameVariants(knowledge.cards.map(({ card }) => card))),
      termOf: (name) => analyzer.indexTerms(name)[0],
    });

  // Built on the first word in capitals only that the knowledge lacks.
  let abbreviations: Abbreviations | undefined;
  const knownTerm = (word: string): string | undefined => {
    const term = termsOfWord(word)[0];
    return term !== undefined && documentFrequency.has(term) ? term : undefined;
  };
  // Whether a card has two terms side by side: among the first few cards that have both, which is
  // where a compound's words stand together if anywhere.
  const sideBySide = (first: string, second: string): boolean => {
    const ids = [analysed.termId(first), analysed.termId(second)];
    if (ids.some((id) => id === undefined)) return false;
    const pair: QuestionPair = [new Set([first]), new Set([second])];
    let read = 0;
    for (let card = 0; card < total && read < SIDE_BY_SIDE_CARDS; card++) {
      if (!ids.every((id) => analysed.hasTerm(card, id!))) continue;
      read++;
      if (phraseShare([pair], cardWords(card)) > 0) return true;
    }
    return false;
  };
  const withJoinedWords = (concepts: QueryConcept[], text: string): QueryConcept[] =>
    withCompounds(
      withAbbreviations(concepts, text, { known: knownConcept, abbreviations: () => (abbreviations ??= buildAbbreviations(knowledge.cards.map(({ card }) => card), (word) => analyzer.indexTerms(word)[0])) }),
      { known: knownConcept, termOf: knownTerm, sideBySide },
    );

  const search = (question: string, limit = 50, postingBudget = FIRST_PASS_POSTINGS, followUp?: FollowUp): SearchOutcome => {
    const text = question.slice(0, MAX_QUESTION_CHARS);
    const typeQuestion = followUp?.own ?? question;
    const concepts = withJoinedWords(withNameVariants(analyzer.analyzeQuestion(text)), text);
    const partners = partnersNamed(concepts);
    if (concepts.length === 0 || total === 0) return { answered: false, hits: [], partners, ranked: [] };
    const rarest = concepts.map((concept) => rarestFrequency(concept, documentFrequency));
    // Rule 3 refuses such a question whatever the cards: no need to score most of them to learn it.
    if (rarest.every((frequency) => isCommon(frequency, total))) return { answered: false, hits: [], partners, ranked: [] };

    const specs = querySpecs(concepts, documentFrequency);
    const results = matchCards(miniSearch, specs, documentFrequency, postingBudget);

    const likelyTypo = typoChecker(results, specs);
    const fromContext = contextConcepts(concepts, typeQuestion === question ? undefined : analyzer.analyzeQuestion(typeQuestion.slice(0, MAX_QUESTION_CHARS)));
    const fromScene = sceneConcepts(concepts, fromContext, text, followUp?.scene, analyzer);
    const weighed = weighQuestion(
      concepts,
      (concept, index) => weighConcept(concept, rarest[index], documentFrequency, likelyTypo, idf, total),
      fromContext,
      fromScene,
    );
    const asked = askedTypeOf(typeQuestion) ?? askedTypeOf(text);
    const answerType = asked?.type;
    const askingWords = new Set(asked?.words ?? []);
    const asksType = concepts.map((concept) => askingWords.size > 0 && concept.words.every((word) => questionWords(word).every((part) => askingWords.has(part))));
    // «вроде подписали документ», "did they sign a document": the word for a signed document is covered by a card that records one.
    const documentWords = concepts.map(namesDocument);
    const namesKind = documentWords.some(Boolean) ? { concepts: documentWords, of: (card: number) => answers.document[card]! } : undefined;
    // The words that ask: a follow-up's own, or the question itself (for what a count counts, which years).
    const own = typeQuestion === question ? text : typeQuestion;
    const ofType = asked && ofAnswerType(asked, text, own);
    const ranked = results
      .slice(0, Math.max(limit, 50) * 2)
      .map((result) => rankCard(result, concepts, weighed, ofType, asksType, namesKind))
      .sort((a, b) => b.score - a.score || b.coverage - a.coverage);
    const aboutAsked = aboutNamed(concepts, knowledge);
    favourNamedPartners(ranked, aboutAsked);
    favourCountryPartner(ranked, aboutAsked, concepts, knowledge);
    favourAskedKeywords(ranked, text, concepts, askedKeywordsOf);
    favourPhrases(ranked, questionPairs(concepts), cardWords);
    const covers = concepts.map((concept) => conceptCover(concept));
    const rankWeights = weighed.weights.map((weight) => weight.rank);
    const fullCovers = concepts.map((concept) => conceptCover(concept, true));
    favourDistinctive(ranked, fullCovers, rankWeights, (card) => sourceCards[sourceOf[card]!]!, aboutAsked);
    if (fromContext.some(Boolean)) {
      // A follow-up's own words of substance: not taken from the question before, not common, not
      // phrasing, no partner, not asking the kind. A follow-up with none asks what its own verb says,
      // when the cards know the verb: «а как он Минск назвал?» (the card where Sobyanin «назвал
      // Минск … побратимами»), «а кто это сказал?» (blind dev–dev12 Hit@1 +1, dev15 +1; the
      // validation splits, the old set and XQuAD unchanged).
      const ownOf = (phrasingToo: boolean) =>
        covers.map((cover, index) => {
          const weight = weighed.weights[index]!;
          return fromContext[index] || weight.common || (weight.phrasing && !(phrasingToo && !weight.unknown)) || conceptPartners(concepts[index]!).length > 0 || asksType[index] ? undefined : cover;
        });
      const substance = ownOf(false);
      const ownCovers = substance.some(Boolean) ? substance : ownOf(true);
      favourOwnWords(ranked, ownCovers, rankWeights, aboutAsked);
    }
    // The question's own concepts: a follow-up's context is our reading, not the user's words.
    const ownConcepts = concepts.filter((_, index) => !fromContext[index]);
    const ownYears = ownConcepts.filter(isYearConcept);
    const yearCovers = ownYears.map((concept) => covers[concepts.indexOf(concept)]!);
    if (yearCovers.length > 0) setBackOtherYears(ranked, yearCovers, (card) => givesYear[card]!);
    if (followUp?.seen !== undefined) setBackSeen(ranked, followUp.seen, asksElse(typeQuestion));
    if (answerType) favourAskedByReaders(ranked, (card) => readerAskedTypes(card).has(answerType), aboutAsked);
    favourTypedSibling(ranked, (card) => sourceOf[card]!);
    const asksText = followUp?.asks ?? typeQuestion;
    const attributes = askedAttributes(asksText);
    const range = yearRangeAsked(asksText);
    // An attribute of a person the question names (a party, a family, a life: Attribute.personal) is
    // stated by a card listing that person; the question's other attributes then must be too.
    const personTerms = attributes.some((attribute) => attribute.personal)
      ? concepts.filter((concept) => conceptPartners(concept).length === 0).flatMap((concept) => concept.alternatives.filter((alternative) => alternative.strength >= STRENGTH.synonym).flatMap((alternative) => alternative.terms)).filter((term) => anyPeopleTerm.has(term))
      : [];
    const aboutPerson = (card: number): boolean => personTerms.length === 0 || personTerms.some((term) => peopleTerms[card]!.has(term));
    const statesAsked =
      attributes.length > 0 || range
        ? (card: number) => statesAttributes(knowledge.cards[card]!.card, attributes, siblingCards(card), latestYear) && aboutPerson(card) && (!range || statesYearRange(knowledge.cards[card]!.card, range))
        : undefined;
    const isPlan = asksOutcome(asksText) ? (card: number) => statesPlan(knowledge.cards[card]!.card) : undefined;
    // "Who signed it and for which years": either kind stated will do, when both are kinds a card shows
    // plainly, or the second asks for a signed document (a card of an agreement): «сколько они шли и
    // подписали ли что-то» is answered by the memorandum when no card gives the days (blind dev–dev12
    // refused −1, Hit@3 +1; nothing else moved).
    const also = asked && alsoAskedTypeOf(own);
    // Who else was there is stated by a card saying who was present (asksWhoElseWasThere).
    const typeStated = answerType !== undefined && (STATED_TYPES.has(answerType) || (answerType === "attendees" && asksWhoElseWasThere(own)));
    const alsoOfType =
      typeStated && also && (STATED_TYPES.has(also.type) || also.type === "document")
        ? ofAnswerType(also, text, own)
        : answerType === "term" && asksYears(own)
          ? (card: number) => answers.term[card]!
          : undefined;
    // An office of Moscow's own («кто сейчас глава ДВМС москвы») is the subject whichever partner's
    // card names its holder: the Hanoi card says who heads the department as well as the Bishkek one
    // (alone it moved nothing; with an office given as of a recent date, attributes.ts, dev15 +1).
    const sameSubject = aboutAsked === ABOUT_ANY && !asked?.office?.ofMoscow ? sharesPartner(knowledge) : undefined;
    // A card has a year it states, or the year of its report: "the korean mayor said something in
    // 2017" is the 2017 interview, whose cards need not repeat the year.
    const yearCover = (concept: QueryConcept): ((card: number) => boolean) => {
      const cover = covers[concepts.indexOf(concept)]!;
      return (card) => cover(card) || knowledge.cards[card]!.source.published.startsWith(concept.words[0]!);
    };
    // A year the question names says which of the partner's documents or events it asks about:
    // rules 5 and 6 take only cards with one of its years («кто подписывал соглашение москвы и
    // астаны 2000 года» is not answered by the signatories of the 2016 programme that carries it out).
    const yearsNamed = ownYears.map(yearCover);
    const aboutYearAsked = yearsNamed.length === 0 ? aboutAsked : (card: number) => aboutAsked(card) && yearsNamed.some((cover) => cover(card));
    // The day asked is that of the occasion answered: a card of its report gives it (AskedChecks.sameOccasion).
    const sameOccasion = answerType === "date" && asksDay(own);
    const decided = decideAnswered(ranked, weighed, limit, { typeStated, ...(alsoOfType ? { alsoOfType } : {}), statesAsked, isPlan, aboutAsked: aboutYearAsked, ...(sameSubject ? { sameSubject } : {}), sourceOf: (card) => sourceOf[card]!, sameOccasion });
    // Rule 1 for years: «что Москва подписала с Ташкентом в 2024» when no Tashkent card has 2024.
    // aboutAsked takes every card when no partner is named by name, and then no year is lacked.
    // Only a year the question names itself: one a follow-up carried from the question before
    // («а с Пекином потом что-нибудь подписывали?» after Shanghai in 2014) is our reading, not the user's.
    const partnerCards = (): number[] | undefined =>
      concepts.some((concept) => conceptPartners(concept, "itself").length > 0) ? docs.flatMap((_, card) => (aboutAsked(card) ? [card] : [])) : undefined;
    if (decided.answered && namesYearLacked(ownConcepts, yearCover, partnerCards)) return { answered: false, hits: [], ranked: decided.ranked, partners };
    // Rule 1 for events: «Дни Ханоя в Москве», "the Days of Moscow in Manila", which no card names
    // (events.ts). What the question asks itself: a follow-up's context is our reading.
    if (decided.answered) {
      const owners = eventOwners(asksText, partnerOfWord);
      if (owners.length > 0 && namesEventLacked(owners, partnersNamed(analyzer.analyzeQuestion(asksText)), events)) return { answered: false, hits: [], ranked: decided.ranked, partners };
    }
    return { ...decided, partners };
  };

  /** Whether a card names someone on the side a person question asks about («от Москвы», "for the Vietnamese side"; sides.ts); every card when it asks none. */
  const onSideAsked = (question: string): ((card: number) => boolean) => {
    const side = sideAsked(question, (word) => analyzer.analyzeQuestion(word).flatMap((concept) => conceptPartners(concept)));
    return side ? (card) => namesSide(people[card]!, side, sides) : () => true;
  };

  /**
   * Which cards are of the kind asked. `text`: the question with a follow-up's context, for whom it
   * names; `own`: the words that ask (a follow-up's own), for what a count counts.
   */
  const ofAnswerType = (asked: AskedType, text: string, own: string): ((card: number) => boolean) => {
    const { type } = asked;
    switch (type) {
      case "count":
        return countStatedIn(own);
      case "person": {
        const onSide = onSideAsked(own);
        // "Who told of it" is answered by whoever a card says told it, a press service as well as someone named.
        const reporter = asksReporter(own);
        return (card) => (namesOthers(people[card]!, text) && onSide(card)) || (reporter && reports[card]!);
      }
      case "signatory": {
        // A card naming only people the question names («кто подписал с Кухаревым») does not say who else signed,
        // nor one naming only Sukhum's signatory who signed for Moscow.
        const onSide = onSideAsked(own);
        return (card) => answers.signatory[card]! && (people[card]!.length === 0 || namesOthers(people[card]!, text)) && onSide(card);
      }
      case "office":
        // «кто стал губернатором Токио после Коикэ» asks for someone else than the holder it names.
        return (card) => statesOffice(knowledge.cards[card]!.card, asked.office!, people[card]!) && (!asked.office!.succession || people[card]!.length === 0 || namesOthers(people[card]!, text));
      case "term":
        // «на какие годы», "which years": a card giving the span, not only "for three years".
        // Ranked first only; rule 5 still takes any term (alsoOfType), «на три года» answering too.
        return asksYears(own) ? (card) => answers.term[card]! && statesYearSpan(knowledge.cards[card]!.card) : (card) => answers.term[card]!;
      case "date":
        // «какого числа», "exact date": a card dated by its month or year only does not give the day.
        return asksDay(own) ? (card) => answers.date[card]! && statesDay(knowledge.cards[card]!.card) : (card) => answers.date[card]!;
      default:
        return (card) => answers[type][card]!;
    }
  };

  /**
   * Which cards state the count a question asks for: a number near a word of what it counts
   * («сколько жителей» wants «N жителей», not any number in a card that mentions residents).
   */
  const countStatedIn = (question: string): ((card: number) => boolean) => {
    const counted = new Set(
      analyzer
        .analyzeQuestion(countedWords(question).join(" "))
        .filter((concept) => conceptPartners(concept).length === 0)
        .flatMap((concept) => concept.alternatives.filter((alternative) => alternative.strength >= STRENGTH.synonym && alternative.terms.length === 1).map((alternative) => alternative.terms[0]!)),
    );
    if (counted.size === 0) return (card) => answers.count[card]!;
    const isCounted = (word: string): boolean => termsOfWord(word).some((term) => counted.has(term));
    const exact = asksExactCount(question);
    return (card) => statesCountOf(knowledge.cards[card]!.card, isCounted, countWords(card), exact);
  };

  // The kinds of fact each card's reader questions ask, read the first time a typed question ranks the card.
  const readerAskedTypes = boundedMemo(CARD_MEMO_SIZE, (card: number): Set<AnswerType> => new Set((knowledge.cards[card]!.card.questions ?? []).flatMap((question) => askedTypeAsTyped(question)?.type ?? [])));

  // Each card's words for the count check, made the first time a count question ranks the card.
  const countWords = boundedMemo(CARD_MEMO_SIZE, (card: number): string[][] => countWordsOf(knowledge.cards[card]!.card));

  // A card's words with their terms, for the phrase check of the cards a question ranks; words
  // recur across cards, so their terms are remembered apart.
  const termsOfWord = boundedMemo(WORD_MEMO_SIZE, (word: string): string[] => analyzer.indexTerms(word).filter((term) => !isPrefixTerm(term)));
  const cardWords = boundedMemo(CARD_MEMO_SIZE, (card: number): string[][][] => {
    const { text, text_en } = knowledge.cards[card]!.card;
    return [wordTermsOf(text, termsOfWord), ...(text_en ? [wordTermsOf(text_en, termsOfWord)] : [])];
  });

  // Each card's question-form keywords as the question word and the terms of the words after it.
  const askedKeywords = knowledge.cards.map(({ card }) =>
    (card.keywords ?? []).flatMap((keyword) => {
      const asked = askedKeyword(keyword);
      if (!asked) return [];
      const terms = analyzer.indexTerms(asked.rest).filter((term) => !isPrefixTerm(term) && !isPartnerTerm(term));
      return terms.length > 0 ? [{ word: asked.word, terms }] : [];
    }),
  );
  const askedKeywordsOf = (card: number): AskedKeyword[] => askedKeywords[card] ?? [];

  // A word the cards have is no typo of a question word, whatever the dictionary says.
  const inCards = (word: string): boolean => analyzer.indexTerms(word).some((term) => !isPrefixTerm(term) && documentFrequency.has(term));
  const respell = (question: string): string => respellQuestionWords(question, inCards);

  return { search, respell, analyzer, analyses: analysed };
}

/**
 * For each concept, whether it comes from the scene a long message sets (`scene`, the beginning of
 * `text`) and nowhere else in it, a partner's name aside: "I am a master student in Amman writing my
 * thesis" names the partner asked about, while the student and the thesis are not what is asked.
 */
function sceneConcepts(concepts: readonly QueryConcept[], fromContext: readonly boolean[], text: string, scene: string | undefined, analyzer: Analyzer): boolean[] {
  if (!scene || !text.startsWith(scene)) return concepts.map(() => false);
  const sceneWords = new Set(analyzer.analyzeQuestion(scene).flatMap((concept) => concept.words));
  const restWords = new Set(analyzer.analyzeQuestion(text.slice(scene.length)).flatMap((concept) => concept.words));
  return concepts.map(
    (concept, index) => fromContext[index] === true && conceptPartners(concept).length === 0 && concept.words.every((word) => sceneWords.has(word) && !restWords.has(word)),
  );
}

/** For each concept, whether it comes from a follow-up's context rather than its own words (`own`; undefined: not a follow-up). */
function contextConcepts(concepts: readonly QueryConcept[], own: readonly QueryConcept[] | undefined): boolean[] {
  if (!own) return concepts.map(() => false);
  const ownWords = new Set(own.flatMap((concept) => concept.words));
  return concepts.map((concept) => concept.words.every((word) => !ownWords.has(word)));
}

/**
 * A source that reports more dates than this reports several occasions: its undated cards cannot
 * be placed at any one of them (see card-fields: datesOf). Every source of the shipped knowledge
 * has three or fewer.
 */
const MAX_SOURCE_DATES = 3;

/** Each source's distinct card dates, for the sources that report one occasion. */
function datesBySource(knowledge: KnowledgeBase): Map<string, string[]> {
  const dates = new Map<string, Set<string>>();
  for (const { card, source } of knowledge.cards) {
    if (!card.date) continue;
    let set = dates.get(source.id);
    if (!set) dates.set(source.id, (set = new Set()));
    set.add(card.date);
  }
  const kept = new Map<string, string[]>();
  for (const [id, set] of dates) if (set.size <= MAX_SOURCE_DATES) kept.set(id, [...set]);
  return kept;
}

function partnersNamed(concepts: QueryConcept[]): string[] {
  const terms = concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => alternative.terms));
  return [...new Set(terms.filter(isPartnerTerm).map(partnerIdOf))];
}

function analyzeCard({ card }: SourcedCard, sourceDates: readonly string[], analyzer: Analyzer, namesOf: (ids: readonly string[]) => string[]): Record<Field, string[]> {
  const inputs = fieldInputs(card, sourceDates);
  const termsOf = (text: string): string[] => (text ? analyzer.indexTerms(text) : []);
  const ids = card.partners ?? [];
  return {
    text: termsOf(inputs.text),
    text_en: termsOf(inputs.text_en),
    keywords: termsOf(inputs.keywords),
    names: namesOf(ids),
    people: termsOf(inputs.people),
    topics: termsOf(inputs.topics),
    partner_ids: ids.map(partnerTerm),
    date: termsOf(inputs.date),
    questions: termsOf(inputs.questions),
  };
}

const YEAR_IN_TEXT = /(?<![\p{N}])(1[89]|20)\d\d(?![\p{N}])/u;

/** Cards read word by word for whether two words stand side by side (withCompounds): bounded, however common the words. */
const SIDE_BY_SIDE_CARDS = 50;

/** Entries a per-card or per-word memo keeps before it starts over: bounded, however long the bot runs. */
const CARD_MEMO_SIZE = 20_000;
const WORD_MEMO_SIZE = 100_000;

/** `make`, remembering up to `size` results; a full memo is cleared rather than evicted entry by entry. */
function boundedMemo<K, V>(size: number, make: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = make(key);
      if (memo.size >= size) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
