import type { Lang } from "./types.js";

/** What a reader of `lang` sees of a card: English when the card has it. */
export function displayText(card: { text: string; text_en?: string | undefined }, lang: Lang): string {
  return lang === "en" && card.text_en ? card.text_en : card.text;
}
