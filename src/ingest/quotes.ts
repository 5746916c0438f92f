import { quoteDepths, splitSentences } from "./sentences.js";
import { trimEndOf } from "./text.js";

/** A sentence that is direct speech with its attribution, in one of the two Russian shapes. */
export interface QuotedSpeech {
  /** The quoted words without the outer quote marks. */
  quote: string;
  open: string;
  close: string;
  /**
   * Who said it and anything said about it, as written: for "after", the part after the dash
   * ("рассказал министр, выразив уверенность, что …."); for "before", the part before the colon.
   */
  attribution: string;
  /** "after": «…», — сказал он.   "before": Он сказал: «…». */
  form: "after" | "before";
  /** The dash the article uses between quote and attribution (form "after"). */
  dash: string;
}

const OPENERS = "«\"„“";

export function quotedSpeech(sentence: string): QuotedSpeech | undefined {
  const text = sentence.trim();
  const depths = quoteDepths(text);

  if (OPENERS.includes(text[0] ?? "")) {
    const close = depths.indexOf(0);
    if (close <= 0) return undefined;
    // One class for the spaces and marks before the dash: "\s*[,.!?…]*\s*" splits a run of spaces in quadratically many ways.
    const rest = /^[\s,.!?…]*([-‒–—―])\s*(\p{Ll}[\s\S]*)$/u.exec(text.slice(close + 1));
    if (!rest) return undefined;
    return { quote: text.slice(1, close).trim(), open: text[0]!, close: text[close]!, attribution: rest[2]!.trim(), form: "after", dash: rest[1]! };
  }

  const intro = /^([^«"„“:]+?):\s*([«"„“])/u.exec(text);
  if (!intro) return undefined;
  const openAt = intro[0].length - 1;
  const close = depths.indexOf(0, openAt);
  if (close <= openAt || !/^[.!?…]*$/.test(text.slice(close + 1).trim())) return undefined;
  return { quote: text.slice(openAt + 1, close).trim(), open: text[openAt]!, close: text[close]!, attribution: intro[1]!.trim(), form: "before", dash: "—" };
}

/**
 * A quote of several sentences as one sentence each, every one still quoted and attributed, so
 * each can become a card that stands on its own. The last keeps the whole attribution (it often
 * carries a fact of its own: "…, выразив уверенность, что …"); the others keep only who spoke.
 * Returns the sentences of a one-sentence quote unchanged as a single piece.
 */
export function quotePieces(speech: QuotedSpeech): string[] {
  const inner = splitSentences(speech.quote);
  if (inner.length <= 1) return [compose(speech, speech.quote, speech.attribution)];
  const speaker = speech.form === "after" ? trimEndOf(speech.attribution.split(",")[0] ?? "", ".!?…").trim() : speech.attribution;
  return inner.map((sentence, index) => compose(speech, sentence, index === inner.length - 1 ? speech.attribution : speaker));
}

function compose(speech: QuotedSpeech, sentence: string, attribution: string): string {
  const fullStop = /\.$/.test(sentence) && !/\.\.$/.test(sentence);
  const quoted = `${speech.open}${fullStop ? sentence.slice(0, -1) : sentence}${speech.close}`;
  const ownMark = /[!?…]$/.test(sentence);
  if (speech.form === "before") return `${attribution}: ${quoted}${ownMark ? "" : "."}`;
  const tail = /[.!?…]$/.test(attribution) ? attribution : `${attribution}.`;
  return `${quoted}${ownMark ? "" : ","} ${speech.dash} ${tail}`;
}
