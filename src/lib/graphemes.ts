/**
 * Cutting text for display. Telegram counts its limits in UTF-16 units, so budgets here are too;
 * but a cut by units alone can end between the halves of a surrogate pair, and Telegram refuses
 * the whole request ("strings must be encoded in UTF-8"). Cutting between graphemes also keeps
 * flags, skin tones and family emoji whole.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The longest start of `text` that is at most `max` UTF-16 units and ends between two graphemes. */
export function graphemePrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  // The segmenter copies all the text it is given, so a long text would cost its whole length. A
  // boundary depends only on what comes before it and on the code point after it: the first
  // max + 2 units (a whole code point past the cut) place every boundary up to the cut as the whole
  // text would.
  for (const { index, segment } of graphemes.segment(text.slice(0, max + 2))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
