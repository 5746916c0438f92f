import { graphemePrefix } from "../lib/graphemes.js";
import { PARTNERS_FILE, SOURCES_DIR, parseKnowledge } from "../knowledge/parse.js";
import { MAX_NAME_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS } from "../knowledge/schema.js";
import type { FactCard, Partner, SourceFile } from "../knowledge/schema.js";
import type { KnowledgeProblem } from "../knowledge/types.js";
import type { Article } from "./article.js";
import { dateFromUrl, knownPublisher, parseArticle, publisherFromUrl } from "./article.js";
import { exactDates } from "./dates.js";
import { fillerReason, hasSpeech, subjectReason } from "./filler.js";
import { buildPartnerMatcher, suggestPartners } from "./partners.js";
import type { NameMatcher, Stem } from "./partners.js";
import { DEFAULT_KNOWN_PEOPLE, findPeople } from "./people.js";
import { quotePieces, quotedSpeech } from "./quotes.js";
import { paragraphSentences, splitParagraphs } from "./sentences.js";
import { trimEndOf, words } from "./text.js";
import { ingestText } from "./texts.js";
import type { DropReason, IngestText } from "./texts.js";
import { findTopics } from "./topics.js";

/**
 * An article → a draft source file in the knowledge format: one candidate card per sentence that
 * carries a fact, with partners, people, date and topics filled in, for an editor to review rather
 * than type. Pure: the caller reads the article and partners.json, and writes the result.
 */

/** Articles are a few kilobytes; anything much larger is a wrong file or a whole site pasted. */
export const MAX_ARTICLE_BYTES = 100 * 1024;
/** Moscow is one side of every partnership, so every source id names it. */
const HOME_ID = "moscow";
const MAX_TITLE = 150;
const MAX_CARD_TEXT = 1000;
const MAX_KEYWORDS = 5;

export interface DraftOptions {
  /** The partners of partners.json: only these ids go on cards. */
  partners: readonly Partner[];
  /** Overrides the header and the dateline (the `--publisher` flag). */
  publisher?: string;
  /** Overrides the header (the `--url` flag). */
  url?: string;
  /** Full names already in the knowledge, so "Собянин" alone is recognised. */
  knownPeople?: readonly string[];
  /** The stemmer partner names are matched with; the engine's by default. */
  stem?: Stem;
}

export interface DraftProblem {
  /** An error means no draft; a warning is something the editor should check in the draft. */
  severity: "error" | "warning";
  /** Says what to do in the article itself, as a keyed text each surface renders in its reader's language; each adds its own ways (the command line's flags). */
  text: IngestText;
  /** The header line the problem is about, when a header line would fix it. */
  field?: "publisher" | "published";
}

export interface DroppedSentence {
  text: string;
  reason: DropReason;
}

interface DraftReport {
  /** Unknown place names near "сотрудничество", "меморандум", "побратим": candidates for partners.json. */
  suggestions: string[];
  /** Sentences that gave no card, and why, so the editor can overrule. */
  dropped: DroppedSentence[];
  problems: DraftProblem[];
}

export type DraftResult = ({ ok: true; file: SourceFile } | { ok: false }) & DraftReport;

export function draftFromArticle(text: string, options: DraftOptions): DraftResult {
  const problems: DraftProblem[] = [];
  const error = (text: IngestText, field?: DraftProblem["field"]): void => void problems.push({ severity: "error", text, ...(field ? { field } : {}) });
  const warn = (text: IngestText): void => void problems.push({ severity: "warning", text });
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_ARTICLE_BYTES) {
    error(ingestText("ingest-note-too-big", { kb: Math.ceil(bytes / 1024), max: MAX_ARTICLE_BYTES / 1024 }));
    return { ok: false, suggestions: [], dropped: [], problems };
  }

  const article = parseArticle(text);
  article.notes.forEach(warn);
  const meta = sourceMeta(article, options, error, warn);
  const matcher = buildPartnerMatcher(options.partners, options.stem);
  const known = [...(options.knownPeople ?? []), ...DEFAULT_KNOWN_PEOPLE];
  // Full names anywhere in the article let a later "по словам Черёмина" name the same person.
  const articlePeople = findPeople(`${article.title ?? ""}\n${article.body}`, known)
    .map((mention) => mention.name)
    .filter((name) => /^\p{Lu}\p{Ll}+ /u.test(name));
  const people = [...new Set([...known, ...articlePeople])];

  const paragraphs = splitParagraphs(article.body).map(paragraphSentences);
  const sentences = paragraphs.flat();
  const cards = candidateCards(paragraphs, people, meta.publisher ?? "");
  const dropped = [...cards.dropped];
  const candidates = cards.candidates.filter((candidate) => {
    const dates = meta.published ? exactDates(candidate.text, meta.published).length : /\b(?:19|20)\d\d\b/.test(candidate.text) ? 1 : 0;
    const reason = subjectReason(candidate.text, { partners: matcher.ids(candidate.text).length, dates });
    if (reason) dropped.push({ text: candidate.text, reason });
    return reason === undefined;
  });
  if (candidates.length === 0) error(ingestText("ingest-note-no-fact"));

  const title = article.title ? fitted(article.title, MAX_TITLE_CHARS, "title", warn) : titleFrom(candidates[0]?.text ?? "");
  if (!article.title && title) warn(ingestText("ingest-note-no-headline", { title }));
  const mainPartners = mainPartnerIds(matcher, title, article.body);
  if (mainPartners.length === 0) warn(ingestText("ingest-note-no-partner"));

  const suggestions = suggestPartners([title, ...sentences], matcher, {
    ignore: [...new Set(options.partners.map((partner) => partner.country)), ...people.flatMap((name) => name.split(/\s+/)), ...publisherNames(meta.publisher)],
    ...(options.stem ? { stem: options.stem } : {}),
  });

  if (problems.some((problem) => problem.severity === "error") || !meta.publisher || !meta.published) {
    return { ok: false, suggestions, dropped, problems: sortProblems(problems) };
  }

  const id = sourceId(meta.publisher, meta.published, mainPartners);
  const facts = candidates.map((candidate, index) => toCard(candidate, `${id}-${index + 1}`, matcher, mainPartners, meta.published!, meta.publisher!, warn));
  const file: SourceFile = {
    source: { id, title, publisher: meta.publisher, published: meta.published, ...(meta.url ? { url: meta.url } : {}), language: "ru" },
    facts,
  };
  for (const problem of validate(file, options.partners)) {
    error(ingestText("ingest-note-invalid-draft", { place: problem.path ? `${problem.file}: ${problem.path}` : problem.file, problem: problem.text }));
  }
  if (problems.some((problem) => problem.severity === "error")) return { ok: false, suggestions, dropped, problems: sortProblems(problems) };
  return { ok: true, file, suggestions, dropped, problems: sortProblems(problems) };
}

/** The draft as a file: the same layout as a reviewed source, so publishing it is a move. */
export function serializeDraft(file: SourceFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

interface SourceMeta {
  publisher?: string;
  published?: string;
  url?: string;
}

/** Publisher, date and URL by priority: the flags, the header, then what the text and URL show. */
function sourceMeta(article: Article, options: DraftOptions, error: (text: IngestText, field?: DraftProblem["field"]) => void, warn: (text: IngestText) => void): SourceMeta {
  const url = options.url?.trim() || article.url;
  const httpUrl = url && isHttpUrl(url) ? url : undefined;
  if (url && !httpUrl) error(ingestText("ingest-note-bad-url", { url }));
  // A URL cut short would lead somewhere else: one too long to keep is left out, not cut.
  if (httpUrl && httpUrl.length > MAX_URL_CHARS) warn(ingestText("ingest-note-url-too-long", { max: MAX_URL_CHARS }));
  const validUrl = httpUrl && httpUrl.length <= MAX_URL_CHARS ? httpUrl : undefined;

  const given = options.publisher?.trim() || article.publisher;
  const fromDateline = article.dateline?.agency;
  const fromUrl = validUrl ? publisherFromUrl(validUrl)?.name : undefined;
  const written = given ?? fromDateline ?? fromUrl;
  const publisher = written ? fitted(knownPublisher(written)?.name ?? written, MAX_NAME_CHARS, "publisher", warn) : undefined;
  if (!publisher) error(ingestText("ingest-note-no-publisher"), "publisher");
  else if (!given && fromDateline) warn(ingestText("ingest-note-publisher-from-dateline", { publisher, dateline: article.dateline!.text.trim() }));
  else if (!given) warn(ingestText("ingest-note-publisher-from-url", { publisher }));

  let published = article.published;
  if (!published && validUrl) {
    published = dateFromUrl(validUrl);
    if (published) warn(ingestText("ingest-note-date-from-url", { date: published }));
  }
  if (!published) error(ingestText("ingest-note-no-date"), "published");
  return { ...(publisher ? { publisher } : {}), ...(published ? { published } : {}), ...(validUrl ? { url: validUrl } : {}) };
}

/**
 * A header value over the knowledge format's maximum is cut, with a warning, rather than refusing
 * the article: the draft still validates, and the editor fixes the value in review.
 */
function fitted(value: string, max: number, field: "title" | "publisher", warn: (text: IngestText) => void): string {
  if (value.length <= max) return value;
  warn(ingestText("ingest-note-value-cut", { field, max }));
  return graphemePrefix(value, max).trimEnd();
}

interface Candidate {
  text: string;
  /** People the sentence names, and the speaker of a quote or of "по его словам". */
  people: string[];
}

/**
 * Sentences → candidate cards. A quote of several sentences becomes one card per sentence, each
 * attributed; a quote followed by a bare attribution ("Так заявил Собянин.") becomes one card, and
 * so does a fact followed by "Об этом сообщил …". Who is speaking carries over to "он сказал",
 * "по его словам", "сказал собеседник агентства", and to the rest of a paragraph of reported speech.
 */
function candidateCards(paragraphs: readonly string[][], people: readonly string[], publisher: string): { candidates: Candidate[]; dropped: DroppedSentence[] } {
  const candidates: Candidate[] = [];
  const dropped: DroppedSentence[] = [];
  const names = [...people, ...publisherNames(publisher)];
  let speaker: string | undefined;

  for (const sentences of paragraphs) {
    // The speaker whose report this paragraph goes on with ("Он отметил, что … . В Москве …").
    let reporting: string | undefined;
    // The card made from the sentence just before, which "Об этом сообщил …" is about.
    let previous: Candidate | undefined;

    for (let index = 0; index < sentences.length; index++) {
      let sentence = sentences[index]!;
      const next = sentences[index + 1];
      if (next && isBareQuote(sentence) && fillerReason(next, { names }) && hasSpeech(next)) {
        sentence = `${sentence} ${next}`;
        index++;
      }
      const named = findPeople(sentence, people).map((mention) => mention.name);
      const speech = quotedSpeech(sentence);
      const spoken = speech !== undefined || hasSpeech(sentence);
      const explicit = spoken ? speakerIn(sentence, people) : undefined;
      const said = spoken ? (explicit ?? (named.length === 0 ? speaker : undefined)) : named.length === 0 ? reporting : undefined;
      if (named.length > 0) speaker = explicit ?? named[0];
      reporting = spoken ? said : named.length > 0 ? undefined : reporting;

      const aboutPrevious = /^Об этом(?!\p{L})/iu.test(sentence) && previous !== undefined;
      if (aboutPrevious && said) previous!.people = [...new Set([...previous!.people, said])];

      const pieces = speech ? quotePieces(speech) : [sentence];
      const before = candidates.length;
      for (const piece of pieces) {
        const reason = fillerReason(speech && pieces.length > 1 ? quotedPart(piece) : piece, { names });
        if (reason && aboutPrevious && said) {
          previous!.text = `${previous!.text} ${piece}`;
        } else if (reason) {
          dropped.push({ text: piece, reason });
        } else {
          const own = findPeople(piece, people).map((mention) => mention.name);
          candidates.push({ text: piece, people: [...new Set([...own, ...(said ? [said] : [])])] });
        }
      }
      previous = candidates.length > before ? candidates.at(-1) : aboutPrevious ? previous : undefined;
    }
  }
  return { candidates, dropped };
}

const SPEAKER_WINDOW = 240;

/** The person right after a verb of saying ("сообщил … Александр Комендант", "отметил Черёмин"). */
function speakerIn(sentence: string, people: readonly string[]): string | undefined {
  const verb = /(?:сказал|сообщил|рассказал|отметил|подчеркнул|заявил|добавил|пояснил|уточнил|по словам)\p{Ll}*/giu;
  for (const match of sentence.matchAll(verb)) {
    // A name that starts within 120 characters ends well within SPEAKER_WINDOW; reading the whole
    // rest of the sentence at every verb made a sentence of verbs quadratic.
    const from = match.index + match[0].length;
    const after = sentence.slice(from, from + SPEAKER_WINDOW);
    const first = findPeople(after, people)[0];
    if (first && first.start < 120 && !/[.!?]/.test(after.slice(0, first.start))) return first.name;
  }
  return undefined;
}

function isBareQuote(sentence: string): boolean {
  return /^[«"„“]/.test(sentence) && /[»"”“][.!?…]*$|[.!?…][»"”“]$/.test(sentence);
}

/** The quoted words of a composed quote piece, for judging whether they carry a fact. */
function quotedPart(piece: string): string {
  return quotedSpeech(piece)?.quote ?? piece;
}

function toCard(candidate: Candidate, id: string, matcher: NameMatcher, mainPartners: readonly string[], published: string, publisher: string, warn: (text: IngestText) => void): FactCard {
  let text = candidate.text;
  if (text.length > MAX_CARD_TEXT) {
    text = `${graphemePrefix(text, MAX_CARD_TEXT - 1).replace(/\s+\S*$/, "")}…`;
    warn(ingestText("ingest-note-card-cut", { card: id, max: MAX_CARD_TEXT }));
  }
  const named = matcher.ids(text);
  // A card that names no partner is still about the article's partner: "стороны договорились …".
  const partners = named.length > 0 ? named : [...mainPartners];
  const topics = findTopics(text);
  const keywords = keywordsOf(text, publisher);
  const date = exactDates(text, published)[0];
  // A "name" longer than any real one is a run of capitalised text; the format would refuse it.
  const people = candidate.people.filter((person) => person.length <= MAX_NAME_CHARS);
  return {
    id,
    text,
    ...(partners.length ? { partners } : {}),
    ...(topics.length ? { topics } : {}),
    ...(people.length ? { people } : {}),
    ...(keywords.length ? { keywords } : {}),
    ...(date ? { date } : {}),
  };
}

/**
 * Terms worth searching by that stemming would not find: short quoted names ("Московская
 * электронная школа") and abbreviations (ДВМС, ЕМИАС), but not the publisher's own (ТАСС).
 */
export function keywordsOf(text: string, publisher = ""): string[] {
  const ignored = new Set(publisherNames(publisher).map((name) => name.toLowerCase()));
  const speech = quotedSpeech(text)?.quote;
  const quoted = [...text.matchAll(/[«"„“]([^«»"„“”]{3,80}?)[»"”“]/gu)]
    .map((match) => match[1]!.trim())
    .filter((name) => name !== speech && /^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 6 && !/[.!?,:;]/.test(name));
  const abbreviations = words(text)
    .filter((word) => word.upper && /^[\p{Script=Cyrillic}]+$/u.test(word.raw) && word.raw.length <= 8)
    .map((word) => word.raw)
    .filter((word) => !ignored.has(word.toLowerCase()));
  return [...new Set([...quoted, ...abbreviations])].slice(0, MAX_KEYWORDS);
}

function publisherNames(publisher: string | undefined): string[] {
  if (!publisher) return [];
  const known = knownPublisher(publisher);
  return known ? [known.name, ...known.aliases] : [publisher];
}

/** The partners the article is about: those in the headline, else the most mentioned. */
function mainPartnerIds(matcher: NameMatcher, title: string, body: string): string[] {
  const inTitle = matcher.ids(title).filter((id) => id !== HOME_ID);
  if (inTitle.length > 0) return inTitle.slice(0, 3);
  const counts = new Map<string, number>();
  for (const mention of matcher.find(body)) if (mention.id !== HOME_ID) counts.set(mention.id, (counts.get(mention.id) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  return ranked.filter(([, count]) => count * 2 >= top).slice(0, 3).map(([id]) => id);
}

/** ria-2025-10-30-moscow-minsk: publisher, date, then the partnership. */
export function sourceId(publisher: string, published: string, partnerIds: readonly string[]): string {
  const slug = knownPublisher(publisher)?.slug ?? (slugify(publisher).slice(0, 24).replace(/-+$/, "") || "source");
  return [slug, published, HOME_ID, ...partnerIds.filter((id) => id !== HOME_ID)].join("-");
}

const TRANSLIT: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y",
  ь: "", э: "e", ю: "yu", я: "ya",
};

export function slugify(text: string): string {
  // Transliterate before stripping accents, which would turn й into и.
  return [...text.toLowerCase().normalize("NFC")]
    .map((char) => TRANSLIT[char] ?? char)
    .join("")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A headline from a sentence: without its attribution tail, at most MAX_TITLE characters. */
export function titleFrom(sentence: string): string {
  const core = trimEndOf(sentence.replace(/,\s*(?:сообщил|сказал|рассказал|заявил|отметил|подчеркнул|пишет|передает|передаёт)\p{Ll}*\s[^,]*$/u, ""), ".!…").trim();
  if (core.length <= MAX_TITLE) return core;
  return `${graphemePrefix(core, MAX_TITLE - 1).replace(/\s+\S*$/, "")}…`;
}

/** The draft checked by the knowledge validator itself, as if it were already in sources/. */
function validate(file: SourceFile, partners: readonly Partner[]): KnowledgeProblem[] {
  const name = `${SOURCES_DIR}/${file.source.id}.json`;
  // A partner's status names a card of another source, which this check of one file cannot see:
  // left out here, it is checked when the draft is published, with the whole folder.
  const alone = partners.map(({ status: _status, ...partner }) => partner);
  const result = parseKnowledge({
    texts: new Map([
      [PARTNERS_FILE, JSON.stringify(alone)],
      [name, JSON.stringify(file)],
    ]),
    problems: [],
  });
  return result.ok ? [] : result.problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function sortProblems(problems: DraftProblem[]): DraftProblem[] {
  return [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}
