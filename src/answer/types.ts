import type { FactCard, Partner, Region, Source } from "../knowledge/types.js";
import type { AnswerType } from "../search/answer-type.js";

export type Lang = "ru" | "en";

/** One fact of an answer, in rank order, always with the source it came from. */
export interface AnswerFact {
  card: FactCard;
  source: Source;
  score: number;
  /**
   * Where the card's shown text answers the question (the date of a "when", the person of a
   * "who", the number of a "how many", else the topic words it matched; never a partner's name
   * or Moscow): renderers set these in bold. In text order, not overlapping.
   */
  readonly emphasis: TextSpan[];
}

/** A stretch of a text, by UTF-16 offsets: `text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** What a list, count or year question asks for, as the engine understood it. */
export interface ListQuery {
  /** Moscow's partners; the documents with one partner; what happened in one year. */
  type: "partners" | "documents" | "year" | "events";
  partner?: string;
  /** An event held with several partners, as its cards name it («Дни Москвы»): an events list, or a year's list narrowed to it. */
  event?: string;
  year?: number;
  /** The last year of a span that starts at `year` («в 90-е», "in the 1990s"); none for one year. */
  until?: number;
  region?: Region;
  /** A partner's country, as partners.json names it in Russian. */
  country?: string;
  /** "ended": partnerships ended or suspended; "current": the others. */
  status?: "ended" | "current";
}

/** One partner of a partners list: how many facts the knowledge has on it, and the fact that cites it. */
export interface ListedPartner {
  partner: Partner;
  facts: number;
}

/**
 * An answer built from the whole knowledge rather than found by search. `facts` then holds one
 * citing card per line, in the list's order (for a partners list, one per entry of `partners`).
 */
export interface AnswerList {
  query: ListQuery;
  partners?: ListedPartner[];
  /** The partner of a documents or year list, when it names one. */
  subject?: Partner;
}

/**
 * What every surface receives for a question. `answered: false` means the knowledge does not cover
 * the question: `facts` is then empty and `suggestions` says what can be asked instead.
 */
export interface Answer {
  question: string;
  lang: Lang;
  answered: boolean;
  facts: AnswerFact[];
  suggestions: string[];
  /** What kind of fact the question asks for, when its question word says (when → "date", who → "person", how many → "count"). */
  asks?: AnswerType;
  /** The question as the engine read it: a follow-up joined with what it continues. Ask the next follow-up after this. */
  understood?: string;
  /** Set for list, count and year questions answered from the whole knowledge. */
  list?: AnswerList;
  /** A greeting or thanks rather than a question: surfaces reply with how to ask, never with cards. */
  smallTalk?: "greeting" | "thanks";
  /**
   * Partners among the facts whose partnership ended or was suspended, each with the card that
   * says so: surfaces show this before the facts, so such a partner never reads as current.
   */
  statuses?: PartnerStatusNote[];
}

export interface PartnerStatusNote {
  partner: Partner;
  fact: AnswerFact;
}
