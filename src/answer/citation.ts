import type { Source } from "../knowledge/types.js";
import { formatDate } from "./dates.js";
import { shorten } from "./html.js";
import type { Lang } from "./types.js";

/** A source as a reader of `lang` sees it cited: English answers cite the publisher's and the title's English forms where the source gives them. */
export interface Citation {
  publisher: string;
  date: string;
  title: string;
  url?: string;
  /** The title is the editors' description of a source without a headline: never shown in quotes as if it were one. */
  described: boolean;
}

/**
 * The most of a publisher and a title a citation shows. The knowledge format caps both too, but a
 * reply must fit Telegram's limit whatever it cites: what does not fit is never sent at all.
 */
export const CITED_PUBLISHER_LIMIT = 200;
export const CITED_TITLE_LIMIT = 300;

export function citationOf(source: Source, lang: Lang): Citation {
  const english = lang === "en";
  return {
    publisher: shorten((english && source.publisher_en) || source.publisher, CITED_PUBLISHER_LIMIT),
    date: formatDate(source.published, lang),
    title: shorten((english && source.title_en) || source.title, CITED_TITLE_LIMIT),
    ...(source.url ? { url: source.url } : {}),
    described: source.title_is_description === true,
  };
}
