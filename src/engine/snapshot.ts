import { displayText } from "../answer/display.js";
import type { Answer, AnswerFact, Lang, PartnerStatusNote, TextSpan } from "../answer/types.js";
import type { KnowledgeBase, Partner, SourcedCard } from "../knowledge/types.js";
import { wordSpans } from "../search/normalize.js";
import { isPartnerTerm, isPrefixTerm } from "../search/terms.js";
import { answerTypeOf } from "../search/answer-type.js";
import type { AnswerType } from "../search/answer-type.js";
import { emphasisOf } from "./emphasis.js";
import { buildSearchIndex, buildSearchIndexInSteps } from "../search/search-index.js";
import type { SearchIndex } from "../search/search-index.js";
import { aboutPartner, lastSentence, readFollowUp, sceneOf } from "./follow-up.js";
import { detectLanguage, isLatinScript } from "./language.js";
import { buildList, eventNames, fitsListQuestion, readListQuery } from "./lists.js";
import { smallTalkOf, withoutGreeting } from "./small-talk.js";
import { buildSuggestions } from "./suggestions.js";
import { latinToCyrillic } from "./translit.js";
import type { AnswerOptions, Snapshot } from "./types.js";

export const DEFAULT_FACT_LIMIT = 50;

/** Builds the index for a validated knowledge base: the immutable unit a reload swaps in. */
export function buildSnapshot(knowledge: KnowledgeBase, version = 1, loadedAt = new Date()): Snapshot {
  return snapshotOf(knowledge, buildSearchIndex(knowledge), version, loadedAt);
}

/**
 * The same, built in steps that leave the event loop free to answer from the current snapshot.
 * `previous`: the snapshot this one replaces; its analysis of cards that did not change is reused.
 */
export async function buildSnapshotInSteps(knowledge: KnowledgeBase, version = 1, loadedAt = new Date(), previous?: Snapshot): Promise<Snapshot> {
  return snapshotOf(knowledge, await buildSearchIndexInSteps(knowledge, previous && indexes.get(previous)), version, loadedAt);
}

// A snapshot's index stays out of its public shape: surfaces know nothing of the search.
const indexes = new WeakMap<Snapshot, SearchIndex>();

function snapshotOf(knowledge: KnowledgeBase, index: SearchIndex, version: number, loadedAt: Date): Snapshot {
  const examples = buildSuggestions(knowledge, index);
  const termsOfWord = wordTermsMemo(index);

  /** `found`: the index terms the search matched, the reader's language and the kind of fact asked for, for a found fact; none for a listed one. */
  const factOf = ({ card, source }: SourcedCard, score: number, found?: { terms: string[]; lang: Lang; type: AnswerType | undefined }): AnswerFact => {
    let emphasis: TextSpan[] | undefined;
    return {
      card,
      source,
      score,
      // Worked out when a surface shows the fact: a page holds three of up to fifty.
      get emphasis() {
        if (!found) return (emphasis ??= []);
        const text = displayText(card, found.lang);
        return (emphasis ??= emphasisOf({ text, card, type: found.type, topicWords: topicWords(text, found.terms, termsOfWord) }));
      },
    };
  };

  const withStatus = knowledge.partners.filter((partner) => partner.status);
  const events = eventNames(knowledge);
  const cardById = new Map(knowledge.cards.map((sourced) => [sourced.card.id, sourced]));
  const partnerById = new Map(knowledge.partners.map((partner) => [partner.id, partner]));
  const onlyPartner = (ids: readonly string[] | undefined): Partner | undefined => (ids?.length === 1 ? partnerById.get(ids[0]!) : undefined);
  /** The status notes for the partners these facts are about (the note's card cited even when it is among the facts). */
  const statusNotes = (facts: readonly AnswerFact[]): PartnerStatusNote[] => {
    if (withStatus.length === 0) return [];
    const about = new Set(facts.flatMap((fact) => fact.card.partners ?? []));
    return withStatus.flatMap((partner) => {
      const cited = about.has(partner.id) ? cardById.get(partner.status!.card) : undefined;
      return cited ? [{ partner, fact: factOf(cited, 0) }] : [];
    });
  };

  const answer = (question: string, options: AnswerOptions = {}): Answer => {
    const lang = options.lang ?? detectLanguage(question);
    const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_FACT_LIMIT, 500));
    // A Russian answer to Latin letters is Russian typed in Latin («kogda podpisali soglashenie s
    // minskom»): the index knows Russian word forms, so it reads the question in Cyrillic.
    // A typo of a question word is that word («на сколко лет»): respelt before anything reads it.
    const read = index.respell(lang === "ru" && isLatinScript(question) ? latinToCyrillic(question) : question);
    const smallTalk = smallTalkOf(read);
    if (smallTalk) return { question, lang, answered: false, facts: [], suggestions: examples.forPartners(lang, []), smallTalk };

    const asked = withoutGreeting(read);
    const understood = readFollowUp(asked, options.previous, index.analyzer);
    const listQuery = (understood === asked || fitsListQuestion(asked, index.analyzer)) && readListQuery(understood, index.analyzer, knowledge.partners, events);
    const list = listQuery && buildList(listQuery, knowledge);
    if (listQuery && list) {
      // A list is whole by nature: every line, whatever the limit (the 500 cap aside).
      const facts = list.cards.slice(0, 500).map((sourced) => factOf(sourced, 0));
      // A partners list marks each line's status itself; other lists carry the notes like any answer.
      const statuses = listQuery.type === "partners" ? [] : statusNotes(facts);
      const subject = listQuery.partner ? partnerById.get(listQuery.partner) : undefined;
      return { question, lang, answered: true, facts, suggestions: [], understood, list: { query: listQuery, ...(list.partners ? { partners: list.partners } : {}), ...(subject ? { subject } : {}) }, ...(statuses.length ? { statuses } : {}) };
    }

    // The previous answer's first card, as the same knowledge answers it now (a reload may have come between).
    const seen = understood !== asked && options.previous ? index.search(options.previous, 1).hits[0]?.card : undefined;
    // …and its one partner, which the previous question may have named only through a person
    // («Таршош», "Tarlos and Sobyanin inked a deal": Budapest) or not at all.
    const seenPartner = seen !== undefined ? onlyPartner(knowledge.cards[seen]!.card.partners) : undefined;
    const followUp = (seenPartner && aboutPartner(understood, seenPartner, lang, index.analyzer)) ?? understood;
    // A follow-up's own words, or the last sentence of a message that sets the scene first; what
    // the message asks («прошли в итоге?», a sum, a span of years) is asked wherever it stands.
    const own = understood === asked ? lastSentence(asked) : asked;
    // …and the sentences of a long one that say who writes and why, before what was heard.
    const scene = understood === asked ? sceneOf(asked, index.analyzer) : undefined;
    const context = { own, asks: asked, ...(seen !== undefined ? { seen } : {}), ...(scene ? { scene } : {}) };
    const withContext = index.search(followUp, limit, undefined, context);
    // Refused, a follow-up or a long message is read again as its own words about the partner its
    // context was about: the previous answer's, or the one a long message names.
    const partner = withContext.answered || own === followUp ? undefined : understood === asked ? onlyPartner(withContext.partners) : seenPartner;
    const again = partner && aboutPartner(own, partner, lang, index.analyzer);
    const second = again ? index.search(again, limit, undefined, context) : undefined;
    const [outcome, reading] = second?.answered ? [second, again!] : [withContext, followUp];
    const type = answerTypeOf(asked);
    const facts = outcome.hits.map((hit) => factOf(knowledge.cards[hit.card]!, hit.score, { terms: hit.matched, lang, type }));
    const statuses = statusNotes(facts);
    return {
      question,
      lang,
      answered: outcome.answered,
      facts,
      suggestions: outcome.answered ? [] : examples.forPartners(lang, outcome.partners),
      understood: reading,
      ...(type ? { asks: type } : {}),
      ...(statuses.length ? { statuses } : {}),
    };
  };

  const snapshot: Snapshot = { knowledge, loadedAt, version, answer, examples: (lang) => examples.all(lang) };
  indexes.set(snapshot, index);
  return snapshot;
}

/**
 * The words of `text` whose index terms matched, a partner's name left out (every answer is about
 * its partner: bold on «Минска» answers nothing); `termsOf` gives a word's index terms.
 */
function topicWords(text: string, matchedTerms: string[], termsOf: (word: string) => string[]): string[] {
  const wanted = new Set(matchedTerms.filter((term) => !isPrefixTerm(term) && !isPartnerTerm(term)));
  const words = new Set<string>();
  for (const { word } of wordSpans(text)) {
    const terms = termsOf(word);
    if (!terms.some(isPartnerTerm) && terms.some((term) => wanted.has(term))) words.add(word);
  }
  return [...words];
}

/**
 * A word's index terms, remembered: every answer highlights up to 50 cards, and their words come
 * from the knowledge, so the memo is bounded by the knowledge's vocabulary.
 */
function wordTermsMemo(index: SearchIndex): (word: string) => string[] {
  const memo = new Map<string, string[]>();
  return (word) => {
    let terms = memo.get(word);
    if (!terms) {
      terms = index.analyzer.indexTerms(word);
      memo.set(word, terms);
    }
    return terms;
  };
}
