import type { Source } from "../knowledge/types.js";
import { formatDate } from "./dates.js";
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

export function citationOf(source: Source, lang: Lang): Citation {
  const english = lang === "en";
  return {
    publisher: (english && source.publisher_en) || source.publisher,
    date: formatDate(source.published, lang),
    title: (english && source.title_en) || source.title,
    ...(source.url ? { url: source.url } : {}),
    described: source.title_is_description === true,
  };
}
