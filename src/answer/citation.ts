import type { Source } from "../knowledge/types.js";
import type { Lang } from "./types.js";

/** The publisher as a reader of `lang` knows it: TASS for an English reader of ТАСС. */
export function citedPublisher(source: Source, lang: Lang): string {
  return lang === "en" && source.publisher_en ? source.publisher_en : source.publisher;
}

/** The title a reader of `lang` can read: its English rendering when the source gives one. */
export function citedTitle(source: Source, lang: Lang): string {
  return lang === "en" && source.title_en ? source.title_en : source.title;
}

/**
 * Whether the title may be quoted as the source's headline. A title that only describes a source
 * without a headline of its own is shown as a description, never in «» as if the source said it.
 */
export function isHeadline(source: Source): boolean {
  return source.title_is_description !== true;
}
